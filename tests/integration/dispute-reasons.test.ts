// Issue 9: disputes with reasons beyond the criteria (with evidence), the AM's answer "upheld with a replacement
// promised" (the replacement, when logged, is linked to the disputed meeting), and a client member's flag to the
// client admins (notify()).
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/domain/shared/errors";
import { disputeMeeting, flagMeeting } from "~/models/meetings/review.server";
import { replacementsOwedOn } from "~/models/meetings/logging.server";
import { disputeSchema } from "~/domain/meetings/schemas";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createDisputedWithReason, createMeetingInState, logReplacement } from "../factories";

it("a client disputes a held meeting with the reason 'the prospect did not attend' and evidence, without any criterion", async () => {
  const w = await createAgencyWithClient();
  const a = await createActiveCampaignWithAgreement(w);
  const id = await createDisputedWithReason(w, a, { reason: "PROSPECT_ABSENT", text: "Nobody joined the call.", evidence: "https://meet.example/log/42" });
  const m = await prisma.meeting.findUniqueOrThrow({ where: { id } });
  expect(m.verdict).toBe("DISPUTED");
  expect([m.disputeReason, m.disputeReasonText, m.disputeEvidence]).toEqual(["PROSPECT_ABSENT", "Nobody joined the call.", "https://meet.example/log/42"]);
  // The AM is told, with the reason in the text.
  const notice = await prisma.notification.findFirstOrThrow({ where: { meetingId: id, kind: "DISPUTE_OPENED", userId: w.am.userId } });
  expect(notice.body).toContain("Nobody joined the call.");
});

it("refuses a dispute with neither criterion nor reason, and a reason without its text", async () => {
  const empty = disputeSchema.safeParse({ revision: "0", dispute: [], reasons: {} });
  expect(empty.success).toBe(false);
  const noText = disputeSchema.safeParse({ revision: "0", dispute: [], reasons: {}, otherReason: "DUPLICATE", otherText: "" });
  expect(noText.success).toBe(false);
  const w = await createAgencyWithClient();
  const a = await createActiveCampaignWithAgreement(w);
  const id = await createMeetingInState(w, a, "held");
  await expect(disputeMeeting(w.clientAdmin, id, [])).rejects.toBeInstanceOf(DomainError);
});

it("upholds with a replacement promised: owed until a replacement is logged, then linked both ways", async () => {
  const w = await createAgencyWithClient();
  const a = await createActiveCampaignWithAgreement(w);
  const id = await createDisputedWithReason(
    w,
    a,
    { reason: "WRONG_CONTACT", text: "An intern, not the CFO." },
    { decision: "DISPUTE_UPHELD_REPLACEMENT", reasoning: "Agreed: we will book the CFO." },
  );
  const m = await prisma.meeting.findUniqueOrThrow({ where: { id } });
  expect([m.verdict, m.replacementPromised]).toEqual(["DISPUTE_UPHELD", true]);
  expect((await replacementsOwedOn(w.campaign.id)).map((r) => r.id)).toEqual([id]);

  const r = await logReplacement(w, a, id, { input: { prospectName: "Real CFO", prospectEmail: "cfo@vernet.test" } });
  if (!r.ok) throw new Error("not logged");
  expect((await prisma.meeting.findUniqueOrThrow({ where: { id: r.meetingId } })).replacesMeetingId).toBe(id);
  expect(await replacementsOwedOn(w.campaign.id)).toEqual([]);
  expect(await prisma.meetingEvent.count({ where: { meetingId: id, type: "replacement_logged" } })).toBe(1);
  // A second replacement of the same meeting is refused.
  await expect(logReplacement(w, a, id, { input: { scheduledAt: new Date(Date.now() + 96 * 3600_000) } })).rejects.toBeInstanceOf(DomainError);
});

it("a client member flags a meeting to the client admins, who are notified; nobody else may", async () => {
  const w = await createAgencyWithClient();
  const a = await createActiveCampaignWithAgreement(w);
  const id = await createMeetingInState(w, a, "held");
  await flagMeeting(w.clientMember, id, "The prospect told me they are already a customer.");
  const notes = await prisma.notification.findMany({ where: { meetingId: id, kind: "MEETING_FLAGGED" }, select: { userId: true, body: true } });
  expect(notes).toEqual([{ userId: w.clientAdmin.userId, body: "The prospect told me they are already a customer." }]);
  expect(await prisma.meetingEvent.count({ where: { meetingId: id, type: "flagged" } })).toBe(1);
  await expect(flagMeeting(w.clientAdmin, id, "x")).rejects.toBeInstanceOf(DomainError);
  await expect(flagMeeting(w.sdr, id, "x")).rejects.toThrow();
});
