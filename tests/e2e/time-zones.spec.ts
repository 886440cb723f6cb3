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
