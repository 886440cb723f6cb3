// The client's review of a held meeting and the agency's answer: rating, acceptance, dispute, the dispute's
// resolution, the outcome. Acceptance and a rejected dispute make the meeting billable (./billable.server.ts).
import type { Actor } from "~/utils/auth.server";
import { assertCan } from "~/utils/auth.server";
import { canDecide, canRate, canRecordOutcome, canResolve, checkDispute } from "~/domain/meetings/rules";
import type { RatingInput } from "~/domain/meetings/schemas";
import { audit } from "../audit.server";
import { withChange } from "../effects.server";
import { applyChange, event, facts, fail, loadForChange } from "./change.server";
import { meetingBecameBillable } from "./billable.server";
import { emitMeetingEvent } from "../webhooks/events.server";
import { notifyDisputed, notifyResolved } from "./notifications.server";

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
export async function disputeMeeting(actor: Actor, meetingId: string, items: { criterionId: string; reason: string }[], revision?: number, now = new Date()) {
  assertCan(actor, "meeting:review");
  return withChange(async (tx, fx) => {
    const m = await loadForChange(tx, actor, meetingId);
    const d = canDecide(actor.role, facts(m), now);
    if (!d.ok) fail(d.reason);
    const criteria = await tx.definitionCriterion.findMany({ where: { versionId: m.definitionVersionId }, select: { id: true, label: true } });
    const clean = items.map((i) => ({ criterionId: i.criterionId, reason: i.reason.trim().slice(0, 2000) }));
    const c = checkDispute(clean, criteria.map((x) => x.id));
    if (!c.ok) fail(c.reason, "dispute");
    await applyChange(tx, m, revision, { verdict: "DISPUTED", verdictById: actor.userId, verdictAt: now });
    await tx.meetingDisputeItem.createMany({ data: clean.map((i) => ({ meetingId: m.id, ...i })) });
    await event(tx, m.id, actor.userId, "disputed", m.verdict, "DISPUTED", { items: clean });
    await audit(tx, actor, "meeting.disputed", m, { meetingId: m.id, criteria: clean.map((i) => i.criterionId) });
    const labels = clean.map((i) => `${criteria.find((x) => x.id === i.criterionId)!.label}: ${i.reason}`);
    fx.emails(await notifyDisputed(tx, m.id, actor, labels));
    await emitMeetingEvent(tx, fx, m, "meeting.reviewed", { verdict: "DISPUTED", automatic: false }, now);
  });
}

/** The agency answers a dispute: upheld (not billable) or rejected (billable), with reasoning the client sees. */
export async function resolveDispute(
  actor: Actor,
  meetingId: string,
  input: { decision: "DISPUTE_UPHELD" | "DISPUTE_REJECTED"; reasoning: string },
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
    await applyChange(tx, m, revision, { verdict: input.decision, resolutionReasoning: reasoning, resolvedById: actor.userId, resolvedAt: now });
    await event(tx, m.id, actor.userId, "dispute_resolved", "DISPUTED", input.decision, { reasoning });
    await audit(tx, actor, input.decision === "DISPUTE_UPHELD" ? "meeting.dispute_upheld" : "meeting.dispute_rejected", m, { meetingId: m.id, reasoning });
    await emitMeetingEvent(tx, fx, m, "meeting.dispute_resolved", { decision: input.decision === "DISPUTE_UPHELD" ? "upheld" : "rejected" }, now);
    if (input.decision === "DISPUTE_REJECTED") await meetingBecameBillable(tx, fx, [m], now);
    fx.emails(await notifyResolved(tx, m.id, actor, input.decision === "DISPUTE_UPHELD", reasoning));
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
