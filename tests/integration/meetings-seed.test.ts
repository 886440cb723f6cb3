import { prisma } from "~/utils/db.server";
import { seedDemoMeetings } from "../../prisma/seed-meetings";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMember } from "../factories";

it("seeds the demo's meetings through the domain functions, once", async () => {
  const w = await createAgencyWithClient();
  expect(await seedDemoMeetings(w.campaign.id)).toBe(0); // not active yet
  await createActiveCampaignWithAgreement(w);
  expect(await seedDemoMeetings(w.campaign.id)).toBe(8);
  expect(await seedDemoMeetings(w.campaign.id)).toBe(0);
  const byState = await prisma.meeting.groupBy({ by: ["status", "verdict"], _count: true, orderBy: [{ status: "asc" }, { verdict: "asc" }] });
  expect(byState.map((x) => [x.status, x.verdict, x._count])).toEqual([
    ["SCHEDULED", "PENDING", 3],
    ["HELD", "PENDING", 1],
    ["HELD", "ACCEPTED", 1],
    ["HELD", "DISPUTED", 1],
    ["HELD", "DISPUTE_REJECTED", 1],
    ["NO_SHOW", "PENDING", 1],
  ]);
});

it("counts each side's meeting action items for the homes, in scope", async () => {
  const w = await createAgencyWithClient();
  await createActiveCampaignWithAgreement(w);
  await seedDemoMeetings(w.campaign.id);
  const other = await createAgencyWithClient();
  const { meetingActionCounts } = await import("~/models/meetings/queries.server");
  expect(await meetingActionCounts(w.clientAdmin)).toEqual({ attendance: 1, toReview: 1, disputes: 0 });
  expect(await meetingActionCounts(w.am)).toEqual({ attendance: 1, toReview: 0, disputes: 1 });
  expect(await meetingActionCounts(w.otherSdr)).toEqual({ attendance: 0, toReview: 0, disputes: 0 });
  expect(await meetingActionCounts(other.clientAdmin)).toEqual({ attendance: 0, toReview: 0, disputes: 0 });
  expect(await meetingActionCounts(other.admin)).toEqual({ attendance: 0, toReview: 0, disputes: 0 });
});

it("lists a client's meeting action items per campaign, in scope, for the home's links", async () => {
  const { createCampaign, setCampaignSdrs } = await import("~/models/campaign.server");
  const { createClient } = await import("~/models/client.server");
  const { meetingActionsByCampaign } = await import("~/models/meetings/queries.server");
  const w = await createAgencyWithClient({ campaignName: "Zeta outbound" });
  await createActiveCampaignWithAgreement(w);
  await seedDemoMeetings(w.campaign.id);
  // A second campaign of the same client, and a campaign of another client of the same agency.
  const second = await createCampaign(w.am, { clientCompanyId: w.client.id, name: "Alpha outbound" });
  const neighbour = await createClient(w.admin, { name: "Neighbour SA", currency: "EUR", accountManagerId: w.am.userId });
  const theirs = await createCampaign(w.am, { clientCompanyId: neighbour.id, name: "Theirs" });
  // The agreement of the neighbour's campaign is approved by the neighbour's own client admin.
  const neighbourAdmin = await createMember(w.agency.id, "CLIENT_ADMIN", { clientCompanyId: neighbour.id });
  for (const c of [second, theirs]) {
    await setCampaignSdrs(w.am, c.id, [w.sdr.userId]);
    await createActiveCampaignWithAgreement({ ...w, campaign: c, clientAdmin: c === theirs ? neighbourAdmin : w.clientAdmin });
    await seedDemoMeetings(c.id);
  }
  const expected = [
    { id: second.id, name: "Alpha outbound", attendance: 1, toReview: 1, windowClosingSoon: false },
    { id: w.campaign.id, name: "Zeta outbound", attendance: 1, toReview: 1, windowClosingSoon: false },
  ];
  expect(await meetingActionsByCampaign(w.clientAdmin)).toEqual(expected);
  expect(await meetingActionsByCampaign(w.clientMember)).toEqual(expected);
  // Six days on, the held meetings' windows close within 48 hours, and more meetings wait for attendance.
  const later = await meetingActionsByCampaign(w.clientAdmin, new Date(Date.now() + 6 * 86400_000));
  expect(later.map((c) => c.windowClosingSoon)).toEqual([true, true]);
  expect(later.every((c) => c.attendance > 1)).toBe(true);
  // A campaign's Meetings tab counts that campaign only.
  const { meetingActionCounts } = await import("~/models/meetings/queries.server");
  expect(await meetingActionCounts(w.clientAdmin)).toEqual({ attendance: 2, toReview: 2, disputes: 0 });
  expect(await meetingActionCounts(w.clientAdmin, new Date(), second.id)).toEqual({ attendance: 1, toReview: 1, disputes: 0 });
  expect(await meetingActionCounts(w.am, new Date(), second.id)).toEqual({ attendance: 1, toReview: 0, disputes: 1 });
  expect(await meetingActionCounts(w.clientAdmin, new Date(), theirs.id)).toEqual({ attendance: 0, toReview: 0, disputes: 0 });
  // Once reviewed, a campaign's meeting leaves the list.
  const held = await prisma.meeting.findFirstOrThrow({ where: { campaignId: second.id, status: "HELD", verdict: "PENDING" } });
  await prisma.meeting.update({ where: { id: held.id }, data: { verdict: "ACCEPTED" } });
  expect((await meetingActionsByCampaign(w.clientAdmin))[0]).toMatchObject({ id: second.id, toReview: 0, attendance: 1 });
  // The agency's items link to the cross-campaign list instead; other tenants see nothing.
  expect(await meetingActionsByCampaign(w.am)).toEqual([]);
  expect(await meetingActionsByCampaign((await createAgencyWithClient()).clientAdmin)).toEqual([]);
});
