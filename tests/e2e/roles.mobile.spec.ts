// The main pages of each role on a 390 px phone (the "mobile" Playwright project): nothing wider than the screen, no
// raw translation key, no console error (the auto fixture), the user's name kept in the header's menu; meeting lists
// read as cards and a meeting's actions (attendance, accept or dispute) come before its details.
import type { Page } from "@playwright/test";
import { changeMeetingStatus } from "~/models/meetings/attendance.server";
import { logMeeting } from "~/models/meetings/logging.server";
import { createWebhookEndpoint } from "~/models/webhooks/endpoints.server";
import type { Actor } from "~/utils/auth.server";
import { createActiveCampaignWithAgreement, createMeetingInState, type AgencyWorld } from "../factories";
import { axeViolations, expect, hydrated, openUserMenu, prisma, test } from "./fixtures";

const RAW_KEY = /\b(?:common|meetings|objectives|agency|billing|reports|dashboards|qual|qualitative|notifications|settings|api|security|auth|agreement|activity|emails|team)\.[a-zA-Z_]+(?:\.[a-zA-Z_]+)*\b/;

async function heldMeeting(world: AgencyWorld) {
  const ag = await createActiveCampaignWithAgreement(world);
  const r = await logMeeting(
    world.sdr,
    world.campaign.id,
    {
      personaVersionId: ag.personaVersion.id,
      prospectName: "Sophie Laurent",
      prospectTitle: "Directrice administrative et financière",
      prospectEmail: "sophie.laurent@transports-morel.fr",
      prospectCompany: "Transports Morel et Fils",
      scheduledAt: new Date(Date.now() - 2 * 3600_000),
      timeZone: "Europe/Paris",
      durationMinutes: 45,
      channel: "VIDEO",
      checks: ag.criteria.map((c) => ({ criterionId: c.id, met: true })),
    },
    new Date(Date.now() - 72 * 3600_000),
  );
  if (!r.ok) throw new Error("not logged");
  await changeMeetingStatus(world.am, r.meetingId, "HELD");
  return r.meetingId;
}

async function expectPhoneFriendly(page: Page, path: string, name: string) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("load");
  // The page's width, and the first element sticking out of the screen (to say what to fix).
  const { width, culprit } = await page.evaluate(() => {
    // The innermost element sticking out of the phone: outside scroll containers, or positioned absolutely (a
    // screen-reader-only text escapes a scroll container that is not its containing block).
    const wide = Array.from(document.body.querySelectorAll<HTMLElement>("*")).filter((el) => {
      const style = getComputedStyle(el);
      if (style.position === "fixed" || el.getBoundingClientRect().right <= 391) return false;
      return style.position === "absolute" || !el.parentElement?.closest(".overflow-x-auto");
    });
    const out = wide[wide.length - 1];
    const describe = (el: HTMLElement) => `${el.tagName.toLowerCase()}.${String(el.className).split(" ").slice(0, 4).join(".")} "${(el.innerText ?? "").slice(0, 40)}"`;
    return { width: document.documentElement.scrollWidth, culprit: out && document.documentElement.scrollWidth > 390 ? `${describe(out)} (right edge ${Math.round(out.getBoundingClientRect().right)})` : "" };
  });
  expect(width, `${path} is wider than the screen: ${culprit}`).toBeLessThanOrEqual(390);
  const text = await page.locator("body").innerText();
  expect(text.match(RAW_KEY)?.[0] ?? null, `${path} shows a raw translation key`).toBeNull();
  await expect(page.getByTestId("user-menu").locator("summary"), `${path} keeps the user's name`).toContainText(name);
}

async function walk(page: Page, login: (a: Actor) => Promise<void>, actor: Actor, paths: string[]) {
  await login(actor);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
  for (const path of paths) await expectPhoneFriendly(page, path, user.name);
}

test("every role's main pages fit a 390 px phone, in English and in French", async ({ page, world, login }) => {
  test.setTimeout(300_000);
  // An endpoint listening before the meeting is logged: its page lists deliveries (the receiver is not there: failures).
  const endpoint = await createWebhookEndpoint(world.admin, { url: "http://127.0.0.1:9/hooks/rendezvous/crm-receiver", events: ["meeting.created", "meeting.status_changed"], description: "CRM sync" }, { requireHttps: false, allowLoopback: true });
  const meetingId = await heldMeeting(world);
  const c = `/campaigns/${world.campaign.id}`;
  await walk(page, login, world.admin, ["/home", "/clients", "/campaigns", "/meetings", "/team", "/billing", "/settings/agency", "/settings/api", "/settings/webhooks", `/settings/webhooks/${endpoint.id}`, c]);
  await walk(page, login, world.am, ["/home", "/portfolio", `${c}/meetings`, `${c}/objectives`, `${c}/meetings/${meetingId}`, `${c}/reports`]);
  await walk(page, login, world.sdr, ["/home", `${c}/meetings/new`, `${c}/activity`]);
  await prisma.user.updateMany({ where: { id: { in: [world.clientAdmin.userId, world.clientMember.userId] } }, data: { locale: "fr" } });
  await walk(page, login, world.clientAdmin, ["/home", c, `${c}/meetings`, `${c}/meetings/${meetingId}`, `${c}/objectives`, `${c}/reports`, "/billing", "/team", "/settings/api", "/settings/webhooks"]);
  await walk(page, login, world.clientMember, ["/home", `${c}/meetings`, `${c}/meetings/${meetingId}`]);
});

test("on a phone, meetings read as cards, a meeting's decision comes first, and the menu keeps the account", async ({ page, world, login }) => {
  const meetingId = await heldMeeting(world);
  await prisma.user.update({ where: { id: world.clientAdmin.userId }, data: { locale: "fr" } });
  await login(world.clientAdmin);

  await page.goto(`/campaigns/${world.campaign.id}/meetings`);
  const row = page.locator("table.table-cards tbody tr").first();
  await expect(row).toContainText("Sophie Laurent");
  expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe("block");
  // Each value is introduced by its column's name (the table header is only for screen readers here).
  expect(await row.locator("td[data-label]").first().evaluate((el) => getComputedStyle(el, "::before").content)).not.toBe("none");

  await page.goto(`/campaigns/${world.campaign.id}/meetings/${meetingId}`);
  const accept = page.locator("summary", { hasText: "Accepter le rendez-vous" });
  await expect(accept).toBeVisible();
  const acceptTop = (await accept.boundingBox())!.y;
  const detailsTop = (await page.getByText("sophie.laurent@transports-morel.fr").first().boundingBox())!.y;
  expect(acceptTop, "accept comes before the meeting's details").toBeLessThan(detailsTop);

  await openUserMenu(page);
  const menu = page.getByTestId("user-menu");
  await expect(menu.getByRole("link", { name: "Profil" })).toBeVisible();
  await expect(menu.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu.getByRole("button", { name: "Se déconnecter" })).toBeHidden();
});

test("on a phone, axe finds nothing on the main pages and in an open confirmation, in French and English", async ({ page, world, login }) => {
  test.setTimeout(180_000);
  const agreement = await createActiveCampaignWithAgreement(world);
  const heldId = await createMeetingInState(world, agreement, "held");
  const scheduledId = await createMeetingInState(world, agreement, "scheduled");
  const c = `/campaigns/${world.campaign.id}`;
  /** Audits the page (after hydration), then, when given, the confirmation behind `open` once opened. */
  const audit = async (path: string, open?: RegExp) => {
    await page.goto(path);
    await hydrated(page.locator("main"));
    expect.soft(await axeViolations(page), `${path}: axe violations at 390 px`).toEqual([]);
    if (!open) return;
    const summary = page.locator("summary", { hasText: open });
    await summary.click();
    await expect(summary.locator("xpath=..").getByRole("group")).toBeVisible();
    expect.soft(await axeViolations(page), `${path}, confirmation open: axe violations at 390 px`).toEqual([]);
  };
  await login(world.clientAdmin);
  await audit("/home");
  await audit(`${c}/meetings`);
  await audit(`${c}/meetings/${heldId}`, /^Accept the meeting$/);
  await prisma.user.update({ where: { id: world.am.userId }, data: { locale: "fr" } });
  await login(world.am);
  await audit(`${c}/objectives`);
  await audit(`${c}/meetings/${scheduledId}`, /^Annuler le rendez-vous$/);
  await login(world.sdr);
  await audit(`${c}/meetings/new`);
});
