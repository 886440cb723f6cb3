// RULES FOR A SPEC (Playwright runs 2 workers against ONE server and ONE database: two spec files run at once, the
// tests of a file in order in one worker; docs/decisions/0059-test-suite-speed.md):
// 1. Build your own data: the `world` fixture or the factories (unique() names and emails). Never rely on the demo
//    data or another spec's rows; never a fixed email, slug or name another spec could create too. Only
//    billing-demo.spec.ts runs the demo seed; to get demo-like data, call the seedDemo* functions on your own campaign.
// 2. Scope every read and assertion to your own ids (agency, campaign, user, email address): no count over a whole
//    table, no "the newest email/notification/job in the database", no "the table is empty / nobody has done X yet".
// 3. Change and delete only rows you created (every updateMany/deleteMany has a where on your ids); never truncate,
//    never change what every agency shares (built-in templates, the server's environment).
// 4. Background work (outbox, webhooks, notifications, sweeps) runs in the server for everyone: wait for YOUR rows with
//    expect.poll, never for a queue to be empty, and do not call a sweep over all agencies from a test.
// 5. Receivers (webhooks, forged pages) listen on port 0 (a port the system picks), never a fixed one.
// 6. Every request comes from 127.0.0.1 (the e2e server trusts no X-Forwarded-For), and per-address limits count the
//    whole run: sign-in is throttled after 4 × LOGIN_MAX_FAILURES = 20 failures in 15 minutes, forgot-password after
//    10 requests in 15 minutes. Fail a sign-in or ask for a reset only when the test is about it, with your own
//    account, as few times as it proves (the suite uses about 8 and 4 today).
// 7. Wait for conditions (expect, expect.poll, waitForResponse), never fixed sleeps: two browsers share two cores.
// 8. Files you write go under test.info().outputPath(), never a fixed path.
// 9. `test.describe.configure({ mode: "serial" })` only chains a file's own tests; it does not keep other files from
//    running beside them, so it is no excuse for shared state.
//
// Playwright fixtures: `login(actor)` signs a browser in without typing a password (a real session row and a
// signed cookie), and `world` builds an agency with every role through the shared factories.
// Every test also fails when the server answers 500 or the page throws: "nothing returns a 500" is checked everywhere.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import { prisma } from "~/utils/db.server";
import { createSession, sessionCookie, type Actor } from "~/utils/auth.server";
import { createAgencyWithClient, type AgencyWorld } from "../factories";

export type LoginFn = (actor: Actor, page?: Page) => Promise<void>;
/** The Cookie header of a fresh session of this actor, for `request` calls. */
export type CookieFn = (actor: Actor) => Promise<string>;

/** The Cookie header of a fresh session of this actor (for `request` calls made outside a test's fixtures). */
export async function sessionCookieHeader(actor: Actor) {
  return `rdv_session=${await sessionValue(actor)}`;
}

async function sessionValue(actor: Actor) {
  const session = await createSession(actor.userId, "playwright");
  const header = await sessionCookie.serialize(session.id);
  return header.split(";")[0].split("=").slice(1).join("=");
}

export const test = base.extend<{ world: AgencyWorld; login: LoginFn; cookieFor: CookieFn; noServerErrors: void }>({
  world: async ({}, use) => {
    await use(await createAgencyWithClient());
  },
  login: async ({ context, baseURL }, use) => {
    await use(async (actor, target) => {
      const value = await sessionValue(actor);
      const ctx = target ? target.context() : context;
      await ctx.clearCookies();
      await ctx.addCookies([{ name: "rdv_session", value, url: baseURL! }]);
    });
  },
  cookieFor: async ({}, use) => {
    await use(sessionCookieHeader);
  },
  noServerErrors: [
    async ({ context }, use) => {
      const problems: string[] = [];
      context.on("response", (r) => {
        if (r.status() >= 500) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
      });
      context.on("weberror", (e) => problems.push(`page error: ${e.error().message}`));
      // Any console error fails the test (a hydration mismatch, a React warning, a script error). Chromium's own
      // "Failed to load resource" lines are the network log of 4xx answers tests provoke on purpose: 5xx are caught above.
      context.on("console", (m) => {
        // The Emails page shows each email in a sandboxed frame: Chromium reports the scripts it refuses to run there.
        const sandboxed = m.text().includes("about:srcdoc") && m.text().includes("sandboxed");
        if (m.type() === "error" && !m.text().startsWith("Failed to load resource") && !sandboxed) problems.push(`console error: ${m.text()}`);
      });
      await use();
      expect(problems, "no 5xx response, no uncaught page error, no console error").toEqual([]);
    },
    { auto: true },
  ],
});

/** The field with this label is marked invalid and its description (the message under it) says `message`. */
export async function expectFieldError(scope: Page | Locator, label: string, message: string | RegExp) {
  const field = scope.getByLabel(label, { exact: true });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  // Any kind of space matches any other: French text carries (narrow) no-break spaces, which the accessibility tree may
  // pass on as they are or as plain spaces.
  const spaced = (m: string) => new RegExp(escapeRegExp(m).replace(/[ \u00a0\u202f]/g, "[\\s\\u00a0\\u202f]"));
  await expect(field).toHaveAccessibleDescription(typeof message === "string" ? spaced(message) : message);
}

/**
 * Waits until React has hydrated this element. Fetcher forms post to resource routes: clicked before hydration
 * (a loaded machine), the browser would submit natively and show the raw JSON answer.
 */
export async function hydrated(element: Locator) {
  await expect.poll(() => element.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps$")))).toBe(true);
}

export function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The first link of a given path (e.g. "/invitations/") in an email's text. */
export function linkIn(text: string, path: string) {
  const m = text.match(new RegExp(`https?://[^\\s\\]\\)>"]+${escapeRegExp(path)}[A-Za-z0-9_-]+`));
  if (!m) throw new Error(`no ${path} link in:\n${text}`);
  return m[0];
}

/**
 * The newest outbox email to this address (the outbox is the destination on the e2e server). Some are written by a
 * background job (forgot-password), so it waits a few seconds for one to appear.
 */
export async function lastEmailTo(to: string, template?: string) {
  const where = { to, ...(template ? { template } : {}) };
  for (let i = 0; i < 25; i++) {
    const found = await prisma.emailOutbox.findFirst({ where, orderBy: { createdAt: "desc" } });
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  return prisma.emailOutbox.findFirstOrThrow({ where, orderBy: { createdAt: "desc" } });
}

/** Acts through a confirmation (components/forms/Confirm.tsx): opens it with `label`, checks it says its consequence,
 * then confirms with `confirmLabel`. */
export async function confirmAction(scope: Page | Locator, label: string | RegExp, confirmLabel: string, consequence?: string | RegExp) {
  const summary = scope.locator("summary", { hasText: label });
  const details = summary.locator("xpath=..");
  if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await summary.click();
  if (consequence) await expect(details.getByRole("group")).toContainText(consequence);
  await details.getByRole("button", { name: confirmLabel, exact: true }).click();
}

export { expect, prisma };

/** Opens the signed-in user's menu in the header (profile, settings, API, sign out), if it is not open yet. */
export async function openUserMenu(page: Page) {
  const menu = page.getByTestId("user-menu");
  await hydrated(menu);
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator("summary").click();
  await expect(menu.locator("a, button").first()).toBeVisible();
}

/**
 * A full-page screenshot to look at, written only when SCREENSHOTS=1 (`SCREENSHOTS=1 npx playwright test …`): the
 * pictures are for a person to open, and on two cores each one costs the suite a second of rasterising. The checks
 * made around them (no horizontal overflow, the right heading) run either way.
 */
export async function screenshot(page: Page, path: string) {
  if (process.env.SCREENSHOTS === "1") await page.screenshot({ path, fullPage: true });
}

/** Axe's WCAG 2 A/AA findings on the page, one line per rule and element, so a failure reads as a to-do list. */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa"])
    // axe.run in the page itself rather than a partial run per frame finished in a second blank page: three times
    // faster, and the app has no cross-origin frame. The one frame (an email's HTML, sandboxed without scripts) cannot
    // take axe either way; the frame element itself is still checked (title).
    .setLegacyMode()
    .options({ iframes: false, resultTypes: ["violations"] })
    .analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(" ")} — ${n.failureSummary?.replace(/\s+/g, " ")}`),
  );
}
