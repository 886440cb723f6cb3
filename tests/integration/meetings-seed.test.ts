import { prisma } from "~/utils/db.server";
import { seedDemoMeetings } from "../../prisma/seed-meetings";
import { createActiveCampaignWithAgreement, createAgencyWithClient } from "../factories";

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
  const { meetingActionCounts } = await import("~/models/meeting.server");
  expect(await meetingActionCounts(w.clientAdmin)).toEqual({ attendance: 1, toReview: 1, disputes: 0 });
  expect(await meetingActionCounts(w.am)).toEqual({ attendance: 1, toReview: 0, disputes: 1 });
  expect(await meetingActionCounts(w.otherSdr)).toEqual({ attendance: 0, toReview: 0, disputes: 0 });
  expect(await meetingActionCounts(other.clientAdmin)).toEqual({ attendance: 0, toReview: 0, disputes: 0 });
  expect(await meetingActionCounts(other.admin)).toEqual({ attendance: 0, toReview: 0, disputes: 0 });
});
