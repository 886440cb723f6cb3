import { prisma } from "~/utils/db.server";
import { setCampaignSdrs } from "~/models/campaign.server";
import { seedDemoMeetings } from "../../prisma/seed-meetings";
import { seedDemoQualitative } from "../../prisma/seed-qualitative";
import { ritualsDue } from "~/models/qualitative/rituals.server";
import { calibrationPage } from "~/models/qualitative/calibration.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient } from "../factories";

test("the demo's qualitative objectives: one from a template, a trend per SDR, an overdue ritual, a calibration on meetings rated by both", async () => {
  const w = await createAgencyWithClient();
  await createActiveCampaignWithAgreement(w);
  await setCampaignSdrs(w.am, w.campaign.id, [w.sdr.userId, w.otherSdr.userId]);
  await seedDemoMeetings(w.campaign.id);
  expect(await seedDemoQualitative(w.campaign.id)).toBe(17);
  expect(await seedDemoQualitative(w.campaign.id)).toBe(0);
  const objectives = await prisma.objective.findMany({ where: { campaignId: w.campaign.id, kind: "QUALITATIVE" }, orderBy: { createdAt: "asc" } });
  expect(objectives).toHaveLength(2);
  expect(objectives[0]!.templateId).toBe("qt_builtin_qualify_need_fr");
  const perSdr = await prisma.qualAssessment.groupBy({ by: ["sdrId"], where: { objectiveId: objectives[0]!.id, kind: "MANAGER" }, _count: true });
  expect(perSdr.map((g) => g._count)).toEqual([7, 7]);
  expect(await prisma.qualEvidence.count({ where: { assessment: { objectiveId: objectives[0]!.id } } })).toBeGreaterThanOrEqual(3);
  const due = await ritualsDue(w.am);
  expect(due?.items).toEqual([expect.objectContaining({ objectiveId: objectives[1]!.id, state: "overdue" })]);
  const cal = await calibrationPage(w.am, w.campaign.id);
  expect(cal.team.map((r) => r.client)).toEqual(["persona_fit", "decision_power", "real_need"]);
  expect(cal.team.every((r) => r.meetings >= 3)).toBe(true);
  expect(cal.bySdr?.length).toBe(2);
  expect((await calibrationPage(w.clientAdmin, w.campaign.id)).bySdr).toBeNull();
}, 90_000);
