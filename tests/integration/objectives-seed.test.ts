import { prisma } from "~/utils/db.server";
import { seedDemoMeetings } from "../../prisma/seed-meetings";
import { seedDemoObjectives } from "../../prisma/seed-objectives";
import { campaignObjectives } from "~/models/objectives/objectives.server";
import { setCampaignSdrs } from "~/models/campaign.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMember } from "../factories";

it("seeds a believable month of objectives on the live campaign", async () => {
  const w = await createAgencyWithClient();
  const second = await createMember(w.agency.id, "SDR");
  await setCampaignSdrs(w.am, w.campaign.id, [w.sdr.userId, second.userId]);
  await prisma.campaign.update({ where: { id: w.campaign.id }, data: { accountManagerId: w.am.userId, startDate: new Date(Date.now() - 60 * 86400_000), endDate: new Date(Date.now() + 90 * 86400_000) } });
  await createActiveCampaignWithAgreement(w);
  await seedDemoMeetings(w.campaign.id);
  expect(await seedDemoObjectives(w.campaign.id)).toBe(6);
  const { objectives } = await campaignObjectives(w.am, w.campaign.id);
  const team = objectives.filter((o) => o.scope === "TEAM");
  expect(team.find((o) => o.metric === "SHOW_RATE")?.pace.status).toBe("ON_TRACK");
  const dials = team.find((o) => o.metric === "DIALS")!;
  expect(dials.pace.status).toBe("OFF_TRACK");
  expect(dials.openGaps).toBe(1);
  expect(team.find((o) => o.metric === "MEETINGS_BOOKED")?.lastChange).toMatchObject({ from: 40, to: 30 });
  expect(objectives.filter((o) => o.scope === "SDR").length).toBe(4);
  const activity = await prisma.activityDay.groupBy({ by: ["sdrId"], _count: true });
  expect(activity.length).toBe(2);
  expect(activity.every((a) => a._count >= 15)).toBe(true);
  expect(await prisma.campaignAssignment.count({ where: { campaignId: w.campaign.id, maturity: "RAMPING" } })).toBe(1);
  // The client sees the team's objectives only.
  expect((await campaignObjectives(w.clientAdmin, w.campaign.id)).objectives.every((o) => o.scope === "TEAM")).toBe(true);
});
