// Issue 8, findings 2 and 11 against the real server: open redirects after sign-in and on /set-locale, and the
// security headers on every kind of response (HTML, `?_data=` JSON, CSV, iCalendar, health, static files).
import { resetCalendarFeed } from "~/models/meetings/calendar.server";
import { DEFAULT_PASSWORD } from "../factories";
import { expect, test } from "./fixtures";

const OFF_SITE = ["/\\localhost:8081/x", "/%09/localhost:8081", "//localhost:8081/x", "https://evil.test/x", "/\\/evil.test"];

test("sign-in and the language switch never redirect off-site", async ({ page, world, request, baseURL }) => {
  for (const to of OFF_SITE) {
    await page.context().clearCookies();
    await page.goto(`/login?redirectTo=${encodeURIComponent(to)}`);
    await page.getByLabel("Email").fill(world.clientAdmin.email);
    await page.getByLabel("Password").fill(DEFAULT_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname === "/home", { timeout: 10_000 });
    expect(new URL(page.url()).origin, to).toBe(baseURL);

    const r = await request.post("/set-locale", { form: { locale: "en", redirectTo: to }, maxRedirects: 0 });
    expect(r.status()).toBe(302);
    expect(r.headers().location, to).toBe("/");
  }
  const kept = await request.post("/set-locale", { form: { locale: "en", redirectTo: "/campaigns?status=ACTIVE" }, maxRedirects: 0 });
  expect(kept.headers().location).toBe("/campaigns?status=ACTIVE");
});

test("every kind of response carries the security headers; pages run under a nonce CSP without errors", async ({ page, world, login, request, cookieFor }) => {
  const cookie = await cookieFor(world.am);
  const token = await resetCalendarFeed(world.am);
  const answers = {
    html: await request.get("/home", { headers: { cookie } }),
    data: await request.get("/home?_data=routes%2F_app.home", { headers: { cookie } }),
    csv: await request.get(`/campaigns/${world.campaign.id}/meetings/export`, { headers: { cookie } }),
    ical: await request.get(`/calendar/${token}.ics`),
    health: await request.get("/healthz"),
    notFound: await request.get("/no-such-page"),
    favicon: await request.get("/favicon.svg"),
  };
  for (const [kind, r] of Object.entries(answers)) {
    const h = r.headers();
    expect(h["x-content-type-options"], kind).toBe("nosniff");
    expect(h["x-frame-options"], kind).toBe("DENY");
    expect(h["referrer-policy"], kind).toBe("same-origin");
    expect(h["content-security-policy"], kind).toContain("frame-ancestors 'none'");
    if (kind !== "favicon") expect(h["cache-control"], kind).toBe("private, no-store");
  }
  expect(answers.ical.status()).toBe(200);
  expect(answers.csv.status()).toBe(200);
  expect(answers.favicon.headers()["cache-control"]).toContain("max-age");

  // The page's scripts carry the nonce of its CSP, so the app hydrates; nothing is refused.
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") violations.push(m.text());
  });
  await login(world.am);
  const res = await page.goto("/home");
  const nonce = /'nonce-([^']+)'/.exec(res!.headers()["content-security-policy"])![1];
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  expect(await page.evaluate(() => [...document.scripts].every((s) => s.nonce !== ""))).toBe(true);
  expect(nonce.length).toBeGreaterThan(10);
  await page.getByRole("link", { name: "Campaigns" }).first().click();
  await expect(page).toHaveURL(/\/campaigns/);
  expect(violations.filter((v) => /Content Security Policy/i.test(v))).toEqual([]);
});
