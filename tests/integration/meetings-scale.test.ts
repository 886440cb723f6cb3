// 100,000 meetings on one campaign: the list's pages, filters and counts stay indexed queries.
import { prisma } from "~/utils/db.server";
import { listMeetings } from "~/models/meetings/queries.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient } from "../factories";

it("lists, filters, counts and pages 100,000 meetings with indexed queries", async () => {
  const w = await createAgencyWithClient();
  const a = await createActiveCampaignWithAgreement(w);
  // A noisy neighbour: another campaign's meetings must not slow this one down either.
  await prisma.$executeRaw`
    INSERT INTO "Meeting" ("id", "agencyId", "clientCompanyId", "campaignId", "sdrId", "personaVersionId", "definitionVersionId",
      "prospectName", "prospectEmail", "prospectCompany", "scheduledAt", "timeZone", "durationMinutes", "channel", "status", "verdict", "updatedAt")
    SELECT 'scale' || g, ${w.agency.id}, ${w.client.id}, ${w.campaign.id}, ${w.sdr.userId}, ${a.personaVersion.id}, ${a.definitionVersion.id},
      'Prospect ' || g, 'p' || g || '@scale.test', 'Company ' || (g % 5000), now() - (g || ' minutes')::interval, 'Europe/Paris', 30, 'VIDEO',
      (ARRAY['SCHEDULED','HELD','NO_SHOW','CANCELLED'])[1 + g % 4]::"MeetingStatus",
      (CASE WHEN g % 4 = 1 THEN (ARRAY['PENDING','ACCEPTED','DISPUTED'])[1 + g % 3] ELSE 'PENDING' END)::"MeetingVerdict", now()
    FROM generate_series(1, 100000) g`;
  await prisma.$executeRawUnsafe(`ANALYZE "Meeting"`);
  // Speed itself is measured by bench/ (npm run bench); here: right answers at this size, and indexed plans.
  const base = { campaignId: w.campaign.id, sort: "date_desc" as const };
  const first = await listMeetings(w.am, { ...base, page: 1 });
  const deep = await listMeetings(w.am, { ...base, page: 1500 });
  const filtered = await listMeetings(w.clientAdmin, { ...base, status: "HELD", verdict: "DISPUTED", page: 3 });
  const sdr = await listMeetings(w.sdr, { ...base, sdrId: w.sdr.userId, from: "2020-01-01", page: 10 });
  const search = await listMeetings(w.am, { ...base, q: "Company 4321", page: 1 });
  expect(search.total).toBe(20);
  expect(first.total).toBe(100_000);
  expect(first.meetings).toHaveLength(50);
  expect(deep.meetings).toHaveLength(50);
  // A filter the rollup cannot count is counted up to 1,000: "more than 1,000" (docs/decisions/0041).
  expect(filtered).toMatchObject({ total: 1000, totalIsLowerBound: true, hasNext: true });
  expect(filtered.meetings).toHaveLength(50);
  expect(search.totalIsLowerBound).toBe(false);
  // Totals the rollup answers are exact: every status, an SDR, a persona version, the client's view.
  const direct = async (where: object) => prisma.meeting.count({ where: { campaignId: w.campaign.id, ...where } });
  for (const status of ["SCHEDULED", "HELD", "NO_SHOW", "CANCELLED"] as const) {
    const r = await listMeetings(w.clientAdmin, { ...base, status, page: 1 });
    expect(r.total).toBe(await direct({ status }));
    expect(r.totalIsLowerBound).toBe(false);
  }
  expect((await listMeetings(w.am, { ...base, sdrId: w.sdr.userId })).total).toBe(100_000);
  expect((await listMeetings(w.am, { ...base, sdrId: w.otherSdr.userId })).total).toBe(0);
  expect((await listMeetings(w.am, { ...base, personaVersionId: a.personaVersion.id, status: "HELD" })).total).toBe(await direct({ status: "HELD" }));
  // A deep page (read ids first) is the same page an offset query gives.
  const offset = await prisma.meeting.findMany({ where: { campaignId: w.campaign.id }, orderBy: [{ scheduledAt: "desc" }, { id: "desc" }], skip: 1499 * 50, take: 50, select: { id: true } });
  expect(deep.meetings.map((m) => m.id)).toEqual(offset.map((m) => m.id));
  expect(deep.pages).toBe(2000);
  // Another agency's user sees none of it (the campaign check still runs beside the fast path).
  const stranger = await createAgencyWithClient();
  await expect(listMeetings(stranger.admin, { ...base, page: 1 })).rejects.toThrow();
  expect(sdr.meetings).toHaveLength(50);
  const plan = await prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN SELECT id FROM "Meeting" WHERE "campaignId" = $1 AND "status" = 'HELD' ORDER BY "scheduledAt" DESC LIMIT 50`,
    w.campaign.id,
  );
  expect(plan.map((p) => p["QUERY PLAN"]).join("\n")).toMatch(/Index/);
}, 120_000);
