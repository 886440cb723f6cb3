// The client's review of a held meeting and the agency's answer: rating, acceptance, dispute, the dispute's
// resolution, the outcome. Acceptance and a rejected dispute make the meeting billable (./billable.server.ts).
import type { Actor } from "~/utils/auth.server";
import { assertCan } from "~/utils/auth.server";
import { canDecide, canRate, canRecordOutcome, canResolve, checkDispute, type DisputeReason } from "~/domain/meetings/rules";
import { translate } from "~/i18n";
import type { RatingInput } from "~/domain/meetings/schemas";
import { audit } from "../audit.server";
import { withChange } from "../effects.server";
import { applyChange, event, facts, fail, loadForChange } from "./change.server";
import { meetingBecameBillable } from "./billable.server";
import { emitMeetingEvent } from "../webhooks/events.server";
import { notifyDisputed, notifyFlagged, notifyResolved } from "./notifications.server";

/** The client's rating grid (overall required, the rest optional). Editable while the meeting is held. */
export async function rateMeeting(actor: Actor, meetingId: string, ratings: Partial<RatingInput> & { ratingOverall: number }, revision?: number, now = new Date()) {
  assertCan(actor, "meeting:rate");
  return withChange(async (tx, fx) => {
    const m = await loadForChange(tx, actor, meetingId);
    const d = canRate(actor.role, facts(m));
    if (!d.ok) fail(d.reason);
    const data = {
      ratingOverall: ratings.ratingOverall,
      ratingPersonaFit: ratings.ratingPersonaFit ?? null,
      ratingDecisionPower: ratings.ratingDecisionPower ?? null,
      ratingRealNeed: ratings.ratingRealNeed ?? null,
      ratingBriefing: ratings.ratingBriefing ?? null,
    };
    await applyChange(tx, m, revision, { ...data, ratedById: actor.userId, ratedAt: now });
    await event(tx, m.id, actor.userId, "rated", null, String(ratings.ratingOverall), data);
    await emitMeetingEvent(tx, fx, m, "meeting.updated", { fields: ["rating"] }, now);
  });
}

/** The client admin accepts a held meeting inside the window. */
export async function acceptMeeting(actor: Actor, meetingId: string, revision?: number, now = new Date()) {
  assertCan(actor, "meeting:review");
  return withChange(async (tx, fx) => {
    const m = await loadForChange(tx, actor, meetingId);
    const d = canDecide(actor.role, facts(m), now);
    if (!d.ok) fail(d.reason);
    await applyChange(tx, m, revision, { verdict: "ACCEPTED", verdictById: actor.userId, verdictAt: now });
    await event(tx, m.id, actor.userId, "accepted", m.verdict, "ACCEPTED");
    await audit(tx, actor, "meeting.accepted", m, { meetingId: m.id });
    await emitMeetingEvent(tx, fx, m, "meeting.reviewed", { verdict: "ACCEPTED", automatic: false }, now);
    await meetingBecameBillable(tx, fx, [m], now);
  });
}

/**
 * The client admin disputes a held meeting inside the window, naming criteria of the version it was booked under,
 * each with a reason. The account manager is told.
 */
export async function disputeMeeting(
  actor: Actor,
  meetingId: string,
  items: { criterionId: string; reason: string }[],
  revision?: number,
  now = new Date(),
  other: { reason: DisputeReason; text: string; evidence: string | null } | null = null,
) {
  assertCan(actor, "meeting:review");
  return withChange(async (tx, fx) => {
    const m = await loadForChange(tx, actor, meetingId);
    const d = canDecide(actor.role, facts(m), now);
    if (!d.ok) fail(d.reason);
    const criteria = await tx.definitionCriterion.findMany({ where: { versionId: m.definitionVersionId }, select: { id: true, label: true } });
    const clean = items.map((i) => ({ criterionId: i.criterionId, reason: i.reason.trim().slice(0, 2000) }));
    const otherClean = other ? { reason: other.reason, text: other.text.trim().slice(0, 2000), evidence: other.evidence?.trim().slice(0, 2000) || null } : null;
    const c = checkDispute(clean, criteria.map((x) => x.id), otherClean);
    if (!c.ok) fail(c.reason, "dispute");
    await applyChange(tx, m, revision, {
      verdict: "DISPUTED",
      verdictById: actor.userId,
      verdictAt: now,
      disputeReason: otherClean?.reason ?? null,
      disputeReasonText: otherClean?.text ?? null,
      disputeEvidence: otherClean?.evidence ?? null,
    });
    await tx.meetingDisputeItem.createMany({ data: clean.map((i) => ({ meetingId: m.id, ...i })) });
    await event(tx, m.id, actor.userId, "disputed", m.verdict, "DISPUTED", { items: clean, other: otherClean });
    await audit(tx, actor, "meeting.disputed", m, { meetingId: m.id, criteria: clean.map((i) => i.criterionId), reason: otherClean?.reason ?? null });
    const labels = clean.map((i) => `${criteria.find((x) => x.id === i.criterionId)!.label}: ${i.reason}`);
    if (otherClean) labels.push(`${translate(actor.locale ?? "en", `meetings.disputeReason.${otherClean.reason}`)}: ${otherClean.text}`);
    fx.emails(await notifyDisputed(tx, m.id, actor, labels));
    await emitMeetingEvent(tx, fx, m, "meeting.reviewed", { verdict: "DISPUTED", automatic: false }, now);
  });
}

/** The agency answers a dispute: upheld (not billable) or rejected (billable), with reasoning the client sees. */
export async function resolveDispute(
  actor: Actor,
  meetingId: string,
  input: { decision: "DISPUTE_UPHELD" | "DISPUTE_REJECTED" | "DISPUTE_UPHELD_REPLACEMENT"; reasoning: string },
  revision?: number,
  now = new Date(),
) {
  assertCan(actor, "dispute:resolve");
  return withChange(async (tx, fx) => {
    const m = await loadForChange(tx, actor, meetingId);
    const d = canResolve(actor.role, facts(m));
    if (!d.ok) fail(d.reason);
    const reasoning = input.reasoning.trim();
    if (!reasoning) fail("common.errors.required", "reasoning");
    // Upheld with a replacement promised (issue 9): not billed, and a replacement meeting is owed until one is logged.
    const replacement = input.decision === "DISPUTE_UPHELD_REPLACEMENT";
    const verdict: "DISPUTE_UPHELD" | "DISPUTE_REJECTED" = input.decision === "DISPUTE_REJECTED" ? "DISPUTE_REJECTED" : "DISPUTE_UPHELD";
    await applyChange(tx, m, revision, { verdict, resolutionReasoning: reasoning, resolvedById: actor.userId, resolvedAt: now, replacementPromised: replacement });
    await event(tx, m.id, actor.userId, "dispute_resolved", "DISPUTED", verdict, { reasoning, replacementPromised: replacement });
    await audit(tx, actor, verdict === "DISPUTE_UPHELD" ? "meeting.dispute_upheld" : "meeting.dispute_rejected", m, { meetingId: m.id, reasoning, replacementPromised: replacement });
    await emitMeetingEvent(tx, fx, m, "meeting.dispute_resolved", { decision: verdict === "DISPUTE_UPHELD" ? "upheld" : "rejected", replacementPromised: replacement }, now);
    if (verdict === "DISPUTE_REJECTED") await meetingBecameBillable(tx, fx, [m], now);
    fx.emails(await notifyResolved(tx, m.id, actor, verdict === "DISPUTE_UPHELD", reasoning));
  });
}

/** The client's outcome: opportunity created, pipeline value (minor units), won. */
export async function recordOutcome(
  actor: Actor,
  meetingId: string,
  input: { opportunityCreated: boolean | null; pipelineValue: number | null; won: boolean | null },
  revision?: number,
  now = new Date(),
) {
  assertCan(actor, "meeting:rate");
  return withChange(async (tx, fx) => {
    const m = await loadForChange(tx, actor, meetingId);
    const d = canRecordOutcome(actor.role, facts(m));
    if (!d.ok) fail(d.reason);
    await applyChange(tx, m, revision, { ...input, outcomeUpdatedAt: now });
    await event(tx, m.id, actor.userId, "outcome", null, null, input);
    await emitMeetingEvent(tx, fx, m, "meeting.updated", { fields: ["outcome"] }, now);
  });
}

/**
 * Issue 9: a client member, who may not accept or dispute, flags a held meeting still awaiting review to the client
 * admins (who decide), with a note. Recorded in the history; the admins are told through notify().
 */
export async function flagMeeting(actor: Actor, meetingId: string, note: string) {
  assertCan(actor, "meeting:rate");
  return withChange(async (tx, fx) => {
    const m = await loadForChange(tx, actor, meetingId);
    if (actor.role !== "CLIENT_MEMBER") fail("common.forbiddenBody");
    if (m.status !== "HELD" || m.verdict !== "PENDING") fail("meetings.errors.alreadyReviewed");
    const text = note.trim().slice(0, 2000);
    if (!text) fail("common.errors.required", "note");
    await event(tx, m.id, actor.userId, "flagged", null, null, { note: text });
    fx.emails(await notifyFlagged(tx, m.id, actor, text));
  });
}
