// Acting safely: what bills or tells someone asks first, saying its consequence, in an accessible disclosure that
// works before JavaScript loads.
import { confirmAction, expect, prisma, test } from "./fixtures";
import { createActiveCampaignWithAgreement, createMeetingInState } from "../factories";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a client admin accepts a held meeting through the confirmation, which says it becomes billable", async ({ page, world, login }) => {
    const agreement = await createActiveCampaignWithAgreement(world);
    const meetingId = await createMeetingInState(world, agreement, "held");
    await login(world.clientAdmin);
    await page.goto(`/campaigns/${world.campaign.id}/meetings/${meetingId}`);
    // The first button only opens the confirmation: nothing is sent yet.
    await page.locator("summary", { hasText: "Accept the meeting" }).click();
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).verdict).toBe("PENDING");
    await confirmAction(page, "Accept the meeting", "Yes, accept it", "It becomes billable and goes on the next invoice");
    await expect(page.getByText("Meeting accepted.")).toBeVisible();
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).verdict).toBe("ACCEPTED");
  });
});

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });

  test("an account manager cancels a meeting: « Annuler le rendez-vous » asks first and says it will not be billed", async ({ page, world, login }) => {
    await prisma.user.update({ where: { id: world.am.userId }, data: { locale: "fr" } });
    const agreement = await createActiveCampaignWithAgreement(world);
    const meetingId = await createMeetingInState(world, agreement, "scheduled");
    await login(world.am);
    await page.goto(`/campaigns/${world.campaign.id}/meetings/${meetingId}`);
    await confirmAction(page, "Annuler le rendez-vous", "Oui, annuler le rendez-vous", "ne sera pas facturé");
    await expect.poll(async () => (await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe("CANCELLED");
  });
});
