// The demo's months of history (prisma/seed-dashboards.ts): enough for every chart and the persona evidence to say
// something, written in bulk and still exact in the rollup; a second run writes nothing.
import { prisma } from "~/utils/db.server";
import { rebuildRollup } from "~/models/objectives/rollup.server";
import { campaignOverview, type CampaignOverview } from "~/models/dashboards/overview.server";
import { personaEvidence } from "~/models/dashboards/evidence.server";
import { addDays, todayIn } from "~/domain/objectives/dates";
import { seedDemoDashboards } from "../../prisma/seed-dashboards";
import { createActiveCampaignWithAgreement, createAgencyWithClient } from "../factories";

const rollupRows = () =>
  prisma.$queryRawUnsafe<unknown[]>(
    `SELECT "campaignId", "sdrId", "personaVersionId", to_char("day", 'YYYY-MM-DD') AS day, "booked", "held", "noShow", "cancelled", "accepted", "disputed", "upheld", "opportunities", "pipelineValue"::text AS pv, "won", "ratingSum", "ratingCount", "decisionPowerSum", "dials"
       FROM "CampaignDayStat" WHERE "booked" <> 0 OR "held" <> 0 OR "noShow" <> 0 OR "cancelled" <> 0 OR "dials" <> 0 OR "ratingCount" <> 0 OR "disputed" <> 0 OR "opportunities" <> 0
      ORDER BY 1, 2, 3, 4`,
  );

it("seeds months of meetings, two personas and disputes on several criteria; the rollup keeps up; once", async () => {
  const w = await createAgencyWithClient();
  expect(await seedDemoDashboards(w.campaign.id)).toBe(0); // not active yet
  await createActiveCampaignWithAgreement(w);
  const n = await seedDemoDashboards(w.campaign.id);
  expect(n).toBeGreaterThan(120);
  expect(await seedDemoDashboards(w.campaign.id)).toBe(0);

  const today = todayIn("Europe/Paris");
  const span = await prisma.meeting.aggregate({ where: { campaignId: w.campaign.id }, _min: { scheduledAt: true }, _max: { scheduledAt: true } });
  expect(span._min.scheduledAt!.toISOString().slice(0, 10) <= addDays(today, -120)).toBe(true);
  const campaign = await prisma.campaign.findUniqueOrThrow({ where: { id: w.campaign.id } });
  expect(campaign.startDate!.getTime()).toBeLessThanOrEqual(span._min.scheduledAt!.getTime());

  // Every state, two persona versions booked under, disputes on more than one criterion, upheld and rejected.
  const verdicts = await prisma.meeting.groupBy({ by: ["verdict"], where: { campaignId: w.campaign.id }, _count: true });
  expect(verdicts.map((v) => v.verdict).sort()).toEqual(["ACCEPTED", "DISPUTED", "DISPUTE_REJECTED", "DISPUTE_UPHELD", "PENDING"]);
  const personas = await prisma.meeting.groupBy({ by: ["personaVersionId"], where: { campaignId: w.campaign.id }, _count: true });
  expect(personas.length).toBe(2);
  const criteria = await prisma.meetingDisputeItem.groupBy({ by: ["criterionId"], where: { meeting: { campaignId: w.campaign.id } }, _count: true });
  expect(criteria.length).toBeGreaterThan(1);

  // The statement-level triggers counted the bulk insert exactly: a rebuild from the rows changes nothing.
  const before = await rollupRows();
  await rebuildRollup();
  expect(await rollupRows()).toEqual(before);

  // The Overview over the campaign has shape: most weeks booked something, ratings and disputes to chart.
  const o = (await campaignOverview(w.clientAdmin, w.campaign.id, { kind: "campaign" })) as CampaignOverview;
  expect(o.ok).toBe(true);
  const weeks = o.trend.rows.filter((r) => Number(r.booked) > 0).length;
  expect(weeks).toBeGreaterThan(15);
  expect(o.byPersona.length).toBe(2);
  expect(o.disputes.length).toBeGreaterThan(1);
  expect(o.ratings.find((r) => r.criterion === "overall")!.count).toBeGreaterThan(50);

  // The evidence finds the contrast the history was built with (segments and titles).
  const evidence = await personaEvidence(w.am, w.campaign.id);
  expect(evidence.findings.some((f) => f.kind === "field" && f.field === "industry")).toBe(true);
  expect(evidence.findings.some((f) => f.kind === "titles")).toBe(true);
});
