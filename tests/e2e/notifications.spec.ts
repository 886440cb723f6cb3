// The inbox in the browser: a client admin sees the bell's count rise when a meeting is logged (no reload), opens
// it and lands on the meeting, chooses "in the app only" for meetings booked, and the next one reaches the app only.
import { test, expect, prisma } from "./fixtures";
import { createActiveCampaignWithAgreement } from "../factories";
import { logMeeting } from "~/models/meetings/logging.server";

test("the bell counts a new meeting without a reload, opens it, and a preference keeps the next one in the app", async ({ page, world, login }) => {
  const a = await createActiveCampaignWithAgreement(world);
  await prisma.notification.updateMany({ where: { userId: world.clientAdmin.userId }, data: { readAt: new Date() } });
  const log = (n: number) =>
    logMeeting(world.sdr, world.campaign.id, {
      personaVersionId: a.personaVersion.id,
      prospectName: `Prospect ${n}`,
      prospectTitle: "CFO",
      prospectEmail: `prospect${n}.${Date.now()}@morel.test`,
      prospectCompany: `Company ${n}`,
      scheduledAt: new Date(Date.now() + 72 * 3600_000),
      timeZone: "Europe/Paris",
      durationMinutes: 45,
      channel: "VIDEO",
      checks: a.criteria.map((c) => ({ criterionId: c.id, met: true })),
    });

  await login(world.clientAdmin);
  await page.goto(`/campaigns/${world.campaign.id}`);
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName("Notifications");
  await expect(page.getByTestId("notification-count")).toHaveCount(0);

  // The SDR logs a meeting; the page polls (here: the tab comes back to the front) and the count rises.
  expect((await log(1)).ok).toBe(true);
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await expect(page.getByTestId("notification-count")).toHaveText("1");

  // The panel shows it; opening it lands on the meeting and marks it read.
  await bell.click();
  const item = page.getByRole("dialog", { name: "Notifications" }).getByRole("link", { name: /Meeting booked with Prospect 1 \(Company 1\)/ });
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/campaigns/${world.campaign.id}/meetings/`));
  await expect(page.getByRole("heading", { name: "Prospect 1" })).toBeVisible();
  await expect(page.getByTestId("notification-count")).toHaveCount(0);

  // Meetings booked: in the app only.
  await page.goto("/profile");
  const group = page.getByRole("group", { name: "Meeting booked" });
  await group.getByLabel("In the app only").check();
  await page.getByRole("button", { name: "Save my preferences" }).click();
  await expect(page.getByText("Notification preferences saved.")).toBeVisible();
  await expect(page.getByRole("group", { name: "Meeting booked" }).getByLabel("In the app only")).toBeChecked();

  expect((await log(2)).ok).toBe(true);
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await expect(page.getByTestId("notification-count")).toHaveText("1");
  const latest = await prisma.notification.findFirstOrThrow({ where: { userId: world.clientAdmin.userId, kind: "MEETING_BOOKED", readAt: null } });
  expect(latest.channel).toBe("IN_APP");
  expect(await prisma.emailOutbox.count({ where: { to: world.clientAdmin.email, template: "meeting-booked" } })).toBe(0);

  // The full list, filtered by kind.
  await page.goto(`/notifications?kind=MEETING_BOOKED`);
  await expect(page.getByRole("link", { name: /Meeting booked with Prospect 2/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Meeting booked with Prospect 1/ })).toBeVisible();
});

test("on a phone the panel opens below the header, within the screen, without covering it", async ({ page, world, login }) => {
  await createActiveCampaignWithAgreement(world);
  await prisma.notification.create({ data: { agencyId: world.agency.id, userId: world.clientAdmin.userId, kind: "MEETING_BOOKED", channel: "IN_APP", locale: "en", title: "Meeting booked with Ann", href: "/home", campaignId: world.campaign.id } });
  await page.setViewportSize({ width: 390, height: 844 });
  await login(world.clientAdmin);
  await page.goto("/home");
  await page.getByTestId("notification-bell").click();
  const panel = page.getByRole("dialog", { name: "Notifications" });
  await expect(panel.getByRole("link", { name: /Meeting booked with Ann/ })).toBeVisible();
  const header = (await page.locator("header").first().boundingBox())!;
  const box = (await panel.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The bell stays reachable: a second click closes the panel.
  await page.getByTestId("notification-bell").click();
  await expect(panel).toHaveCount(0);
});
