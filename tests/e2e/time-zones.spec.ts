// Times read the same on the server and in the browser, whatever the browser's zone: no hydration error, and a
// user's zone, detected at the first visit, is used from then on.
import { expect, test } from "./fixtures";
import { prisma } from "~/utils/db.server";
import { createActiveCampaignWithAgreement, createMeetingInState } from "../factories";

for (const timezoneId of ["Europe/Paris", "America/New_York"]) {
  test.describe(`browser in ${timezoneId}`, () => {
    test.use({ timezoneId });

    test("the meeting page, the campaign and the homes render without a hydration error; the zone is saved", async ({ page, world, login }) => {
      const agreement = await createActiveCampaignWithAgreement(world);
      const meetingId = await createMeetingInState(world, agreement, "disputed");
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
      });
      for (const who of [world.am, world.clientAdmin]) {
        await login(who);
        for (const path of ["/home", `/campaigns/${world.campaign.id}`, `/campaigns/${world.campaign.id}/meetings`, `/campaigns/${world.campaign.id}/meetings/${meetingId}`]) {
          await page.goto(path);
          await expect(page.locator("main")).toBeVisible();
          await page.waitForLoadState("networkidle");
        }
      }
      expect(errors, "no console error (React hydration errors #418, #423, #425 included)").toEqual([]);
      // The first visit told the server the browser's zone.
      await expect.poll(async () => (await prisma.user.findUniqueOrThrow({ where: { id: world.clientAdmin.userId } })).timeZone).toBe(timezoneId);
    });
  });
}

test("a user changes their time zone on the profile page, and times read in it from then on", async ({ page, world, login }) => {
  const agreement = await createActiveCampaignWithAgreement(world);
  const meetingId = await createMeetingInState(world, agreement, "held");
  await prisma.user.update({ where: { id: world.am.userId }, data: { timeZone: "Europe/Paris" } });
  const logged = await prisma.meetingEvent.findFirstOrThrow({ where: { meetingId, type: "created" } });
  const inZone = (timeZone: string) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(logged.createdAt);
  await login(world.am);
  await page.goto(`/campaigns/${world.campaign.id}/meetings/${meetingId}`);
  await expect(page.getByText(inZone("Europe/Paris")).first()).toBeVisible();
  await page.goto("/profile");
  await page.getByLabel("Your time zone").selectOption("America/New_York");
  await page.getByRole("region", { name: "Time zone" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Time zone saved: times now read in it.");
  await expect(page.getByLabel("Your time zone")).toHaveValue("America/New_York");
  expect((await prisma.user.findUniqueOrThrow({ where: { id: world.am.userId } })).timeZone).toBe("America/New_York");
  await page.goto(`/campaigns/${world.campaign.id}/meetings/${meetingId}`);
  await expect(page.getByText(inZone("America/New_York")).first()).toBeVisible();
});
