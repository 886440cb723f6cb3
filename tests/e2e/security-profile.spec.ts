// Sessions on the profile page (issue 8, "Also"): a user sees where they are signed in, signs a device out, and a
// password change ends every other session. Plus the page's own authorization walk and its screenshots.
import { createSession, sessionCookie } from "~/utils/auth.server";
import { resetCalendarFeed } from "~/models/meetings/calendar.server";
import { DEFAULT_PASSWORD } from "../factories";
import { expect, linkIn, lastEmailTo, prisma, sessionCookieHeader, openUserMenu, test, screenshot } from "./fixtures";

const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

async function cookieOf(sessionId: string) {
  return (await sessionCookie.serialize(sessionId)).split(";")[0];
}

test("a user lists their sessions, signs one out, then changes the password and every other session ends", async ({ page, world, login, request }) => {
  const user = world.clientAdmin;
  const laptop = await createSession(user.userId, FIREFOX_WINDOWS);
  const phone = await createSession(user.userId, SAFARI_IPHONE);
  await prisma.session.update({ where: { id: phone.id }, data: { lastSeenAt: new Date(Date.now() - 3 * 86400_000) } });
  const stranger = await createSession(world.clientMember.userId, FIREFOX_WINDOWS);

  await login(user);
  await page.goto("/home");
  await openUserMenu(page);
  await page.getByRole("link", { name: "Profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  const sessions = page.getByRole("region", { name: "Where you are signed in" }).getByRole("listitem");
  await expect(sessions).toHaveCount(3);
  await expect(sessions.filter({ hasText: "Firefox on Windows" })).toHaveCount(1);
  await expect(sessions.filter({ hasText: "Safari on iPhone" })).toContainText("Last seen");
  await expect(sessions.filter({ hasText: "This browser" })).toHaveCount(1);

  // The phone is lost: sign it out.
  await sessions.filter({ hasText: "Safari on iPhone" }).getByRole("button").click();
  await expect(page.getByRole("status")).toHaveText("That session was signed out.");
  await expect(sessions).toHaveCount(2);
  expect(await prisma.session.count({ where: { id: phone.id } })).toBe(0);
  const phoneNow = await request.get("/home", { headers: { cookie: await cookieOf(phone.id) }, maxRedirects: 0 });
  expect(phoneNow.status()).toBe(302);

  // Someone else's session id is not ours to revoke.
  const foreign = await request.post("/profile", { headers: { cookie: await sessionCookieHeader(user) }, form: { intent: "revoke", sessionId: stranger.id }, maxRedirects: 0 });
  expect(foreign.status()).toBe(404);
  expect(await prisma.session.count({ where: { id: stranger.id } })).toBe(1);

  // A wrong current password is said next to its field; the right one changes it and ends the laptop's session.
  const form = page.getByRole("region", { name: "Password" });
  await form.getByLabel("Current password").fill("not-my-password");
  await form.getByLabel("New password").fill("a-much-better-password");
  await form.getByLabel("Confirm the password").fill("a-much-better-password");
  await form.getByRole("button", { name: "Change the password" }).click();
  await expect(form.getByLabel("Current password")).toHaveAccessibleDescription("This is not your current password.");
  await form.getByLabel("Current password").fill(DEFAULT_PASSWORD);
  await form.getByLabel("New password").fill("a-much-better-password");
  await form.getByLabel("Confirm the password").fill("a-much-better-password");
  await form.getByRole("button", { name: "Change the password" }).click();
  await expect(page.getByRole("status")).toHaveText("Your password was changed. Every other session was signed out.");
  expect(await prisma.session.count({ where: { id: laptop.id } })).toBe(0);
  await expect(sessions).toHaveCount(1);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
});

test("after a password reset, a user with a calendar link is offered to reset it", async ({ page, world }) => {
  const user = world.am;
  await resetCalendarFeed(user);
  await page.goto("/forgot-password");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await page.goto(linkIn((await lastEmailTo(user.email, "password-reset")).text, "/reset-password/"));
  await page.getByLabel("New password").fill("brand-new-password-42");
  await page.getByLabel("Confirm the password").fill("brand-new-password-42");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expect(page).toHaveURL(/\/calendar$/);
  await expect(page.getByRole("status").first()).toHaveText(/If someone else may know your calendar link, reset it below\./);
  const before = await prisma.calendarFeed.findUniqueOrThrow({ where: { userId: user.userId } });
  await page.getByText("Reset my links").click();
  await page.getByRole("button", { name: "Reset the links" }).click();
  await expect(page.getByText("Your calendar links were reset: the old ones no longer work.")).toBeVisible();
  expect((await prisma.calendarFeed.findUniqueOrThrow({ where: { userId: user.userId } })).tokenHash).not.toBe(before.tokenHash);
});

test("the profile shows only your own sessions, to every role; signed out goes to sign-in", async ({ request, world }) => {
  for (const role of ["admin", "am", "sdr", "clientAdmin", "clientMember"] as const) {
    const r = await request.get("/profile", { headers: { cookie: await sessionCookieHeader(world[role]) } });
    expect(r.status(), role).toBe(200);
    const html = await r.text();
    expect(html).toContain(world[role].email);
    for (const other of ["admin", "am", "sdr", "clientAdmin", "clientMember"] as const) if (other !== role) expect(html).not.toContain(world[other].email);
  }
  for (const method of ["GET", "POST"] as const) {
    const r = await request.fetch("/profile", { method, form: method === "POST" ? { intent: "revokeOthers" } : undefined, maxRedirects: 0 });
    expect(r.status()).toBe(302);
    expect(r.headers().location).toMatch(/^\/login/);
  }
});

test("screenshots of the profile in English and French, desktop and phone", async ({ browser, world, baseURL }) => {
  await createSession(world.clientAdmin.userId, FIREFOX_WINDOWS);
  await createSession(world.clientAdmin.userId, SAFARI_IPHONE);
  for (const locale of ["en", "fr"] as const) {
    for (const width of [1366, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: locale === "fr" ? "fr-FR" : "en-GB", timezoneId: "Europe/Paris" });
      const value = (await sessionCookieHeader(world.clientAdmin)).split("=").slice(1).join("=");
      await context.addCookies([{ name: "rdv_session", value, url: baseURL! }]);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      await page.goto("/profile");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "fr" ? "Votre profil" : "Your profile");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, `test-results/screenshots/profile-${locale}-${width}.png`);
      expect(errors).toEqual([]);
      await context.close();
    }
  }
});
