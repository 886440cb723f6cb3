import type { MessageKey } from "~/i18n";
// The meeting state machine and review rules, pure (no I/O): who may move a meeting from what to what, when the
// client may accept or dispute, what is billable. app/models/meetings/ applies them inside transactions.
import { can, isClientRole, type Role } from "~/domain/shared/permissions";
export { CHANNELS, type Channel } from "~/domain/shared/constants";

export const MEETING_STATUSES = ["SCHEDULED", "HELD", "NO_SHOW", "CANCELLED"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const VERDICTS = ["PENDING", "ACCEPTED", "DISPUTED", "DISPUTE_UPHELD", "DISPUTE_REJECTED"] as const;
export type Verdict = (typeof VERDICTS)[number];

/** What a status change asks for; RESCHEDULE keeps (or puts back) SCHEDULED with a new time. */
export const STATUS_ACTIONS = ["HELD", "NO_SHOW", "CANCELLED", "RESCHEDULE"] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

/** Logging refuses a meeting that started longer ago than this. */
export const PAST_GRACE_MINUTES = 120;
export const RATING_KEYS = ["ratingOverall", "ratingPersonaFit", "ratingDecisionPower", "ratingRealNeed", "ratingBriefing"] as const;
export type RatingKey = (typeof RATING_KEYS)[number];

/** What the rules need to know about a meeting. */
export type MeetingFacts = {
  status: MeetingStatus;
  verdict: Verdict;
  sdrId: string;
  scheduledAt: Date;
  reviewDueAt: Date | null;
  ratedAt: Date | null;
};

export type Decision = { ok: true } | { ok: false; reason: string };
const ok: Decision = { ok: true };
const no = (reason: string): Decision => ({ ok: false, reason });

/** Billable = held, and accepted (by the client or automatically) or dispute rejected by the agency. */
export function isBillable(m: { status: MeetingStatus; verdict: Verdict }) {
  return m.status === "HELD" && (m.verdict === "ACCEPTED" || m.verdict === "DISPUTE_REJECTED");
}

/** Has the client reviewed it (rated or given a verdict)? Reviewed meetings are no longer edited by the agency. */
export function isReviewed(m: Pick<MeetingFacts, "verdict" | "ratedAt">) {
  return m.verdict !== "PENDING" || m.ratedAt !== null;
}

/** The status an action leads to. */
export function targetStatus(action: StatusAction): MeetingStatus {
  return action === "RESCHEDULE" ? "SCHEDULED" : action;
}

/**
 * May this role move this meeting with this action now? SDRs act on their own meetings only; attendance (held /
 * no-show) is recorded once the meeting has started; a held meeting with a verdict no longer changes.
 */
export function canChangeStatus(role: Role, actorId: string, m: MeetingFacts, action: StatusAction, now = new Date(), newTime?: Date): Decision {
  if (!can(role, "meeting:status")) return no("common.forbiddenBody");
  if (role === "SDR" && m.sdrId !== actorId) return no("common.forbiddenBody");
  if (m.verdict !== "PENDING") return no("meetings.errors.alreadyReviewed");
  switch (action) {
    case "HELD":
    case "NO_SHOW": {
      const other = action === "HELD" ? "NO_SHOW" : "HELD";
      if (m.status !== "SCHEDULED" && m.status !== other) return no("meetings.errors.transition");
      // Either side records attendance while nobody has; once set, only the agency corrects it. A client who says a
      // held meeting did not take place says so through a dispute (a reason, evidence, the agency's answer), never
      // by a one-click change that would make it unbillable.
      if (m.status !== "SCHEDULED" && isClientRole(role)) return no("meetings.errors.attendanceSet");
      if (m.scheduledAt.getTime() > now.getTime()) return no("meetings.errors.notStarted");
      // Correcting held -> no-show after the client rated it would erase their review.
      if (m.status === "HELD" && m.ratedAt) return no("meetings.errors.alreadyReviewed");
      return ok;
    }
    case "CANCELLED":
      return m.status === "SCHEDULED" ? ok : no("meetings.errors.transition");
    case "RESCHEDULE":
      if (m.status === "HELD") return no("meetings.errors.transition");
      if (!newTime) return no("common.errors.required");
      if (newTime.getTime() <= now.getTime()) return no("meetings.errors.rescheduleFuture");
      return ok;
  }
}

/** The actions offered on a meeting (for buttons; the server checks again). */
export function allowedStatusActions(role: Role, actorId: string, m: MeetingFacts, now = new Date()): StatusAction[] {
  const future = new Date(now.getTime() + 86400_000);
  return STATUS_ACTIONS.filter((a) => canChangeStatus(role, actorId, m, a, now, a === "RESCHEDULE" ? future : undefined).ok);
}

export { reviewDeadline } from "./windows";

/** How long before its dispute window closes an unreviewed held meeting is brought to the client admins. */
export const WINDOW_REMINDER_HOURS = 48;

export function windowOpen(m: Pick<MeetingFacts, "reviewDueAt">, now = new Date()) {
  return m.reviewDueAt !== null && now.getTime() <= m.reviewDueAt.getTime();
}

/** Ratings: client admin or member, on a held meeting not set aside by an upheld dispute. */
export function canRate(role: Role, m: MeetingFacts): Decision {
  if (!can(role, "meeting:rate")) return no("common.forbiddenBody");
  if (m.status !== "HELD") return no("meetings.errors.notHeld");
  if (m.verdict === "DISPUTE_UPHELD") return no("meetings.errors.transition");
  return ok;
}

/** Accept or dispute: client admin, a held meeting without a verdict, inside the window. */
export function canDecide(role: Role, m: MeetingFacts, now = new Date()): Decision {
  if (!can(role, "meeting:review")) return no("common.forbiddenBody");
  if (m.status !== "HELD") return no("meetings.errors.notHeld");
  if (m.verdict !== "PENDING") return no("meetings.errors.alreadyReviewed");
  if (!windowOpen(m, now)) return no("meetings.errors.windowClosed");
  return ok;
}

/** Answer a dispute: agency admin or AM, on a disputed meeting. */
export function canResolve(role: Role, m: Pick<MeetingFacts, "verdict">): Decision {
  if (!can(role, "dispute:resolve")) return no("common.forbiddenBody");
  if (m.verdict !== "DISPUTED") return no("meetings.errors.notDisputed");
  return ok;
}

/** Outcome (opportunity, pipeline, won): client roles, on a held meeting. */
export function canRecordOutcome(role: Role, m: Pick<MeetingFacts, "status">): Decision {
  if (!can(role, "meeting:rate")) return no("common.forbiddenBody");
  if (m.status !== "HELD") return no("meetings.errors.notHeld");
  return ok;
}

/** Edit the logged details: agency roles that log (SDRs their own), until the client reviewed it. */
export function canEdit(role: Role, actorId: string, m: MeetingFacts): Decision {
  if (!can(role, "meeting:log")) return no("common.forbiddenBody");
  if (role === "SDR" && m.sdrId !== actorId) return no("common.forbiddenBody");
  if (isReviewed(m)) return no("meetings.errors.alreadyReviewed");
  return ok;
}

/** Auto-accept applies to held meetings without a verdict whose window has closed. */
export function dueForAutoAccept(m: Pick<MeetingFacts, "status" | "verdict" | "reviewDueAt">, now = new Date()) {
  return m.status === "HELD" && m.verdict === "PENDING" && m.reviewDueAt !== null && m.reviewDueAt.getTime() < now.getTime();
}

/**
 * Reasons a client disputes a meeting for beyond the definition's criteria (issue 9), as lead-return portals have
 * them; PROSPECT_ABSENT is how a client says a meeting marked (or presumed) held did not take place.
 */
export const DISPUTE_REASONS = ["DUPLICATE", "EXISTING_CUSTOMER", "WRONG_CONTACT", "PROSPECT_ABSENT"] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

/**
 * A dispute names criteria of the booked-under version (each once, each with a reason), or a reason beyond the
 * criteria with its text, or both.
 */
export function checkDispute(
  items: { criterionId: string; reason: string }[],
  criterionIds: readonly string[],
  other: { reason: string; text: string } | null = null,
): Decision {
  if (other) {
    if (!(DISPUTE_REASONS as readonly string[]).includes(other.reason)) return no("common.errors.invalid");
    if (!other.text.trim()) return no("meetings.errors.reasonRequired");
  }
  if (!items.length && !other) return no("meetings.errors.disputeEmpty");
  const seen = new Set<string>();
  for (const i of items) {
    if (!criterionIds.includes(i.criterionId) || seen.has(i.criterionId)) return no("meetings.errors.unknownCriterion");
    if (!i.reason.trim()) return no("meetings.errors.reasonRequired");
    seen.add(i.criterionId);
  }
  return ok;
}

export type Rules = { minDurationMinutes: number; allowedChannels: string[]; minLeadTimeHours: number };
export type Criterion = { id: string; label: string; required: boolean };

/** Refusals at logging time: the campaign must be active and the time not too far in the past. */
export function loggingRefusal(campaignStatus: string, scheduledAt: Date, now = new Date()): string | null {
  if (campaignStatus !== "ACTIVE") return "meetings.errors.campaignNotActive";
  if (scheduledAt.getTime() < now.getTime() - PAST_GRACE_MINUTES * 60_000) return "meetings.errors.tooFarInPast";
  return null;
}

export type Warning = { key: MessageKey; vars?: Record<string, string | number> };

/**
 * What the SDR must confirm before logging: unmet required criteria and departures from the definition's rules.
 * The meeting can still be logged; the client sees the checklist.
 */
export function loggingWarnings(
  input: { scheduledAt: Date; durationMinutes: number; channel: string; checks: { criterionId: string; met: boolean }[] },
  criteria: Criterion[],
  rules: Rules,
  now = new Date(),
): Warning[] {
  const warnings: Warning[] = [];
  const met = new Map(input.checks.map((c) => [c.criterionId, c.met]));
  for (const c of criteria) if (c.required && !met.get(c.id)) warnings.push({ key: "meetings.warnings.requiredUnmet", vars: { criterion: c.label } });
  if (input.durationMinutes < rules.minDurationMinutes) warnings.push({ key: "meetings.warnings.tooShort", vars: { min: rules.minDurationMinutes } });
  if (rules.allowedChannels.length && !rules.allowedChannels.includes(input.channel)) warnings.push({ key: "meetings.warnings.channel" });
  if (input.scheduledAt.getTime() - now.getTime() < rules.minLeadTimeHours * 3600_000 && input.scheduledAt.getTime() > now.getTime())
    warnings.push({ key: "meetings.warnings.leadTime", vars: { hours: rules.minLeadTimeHours } });
  return warnings;
}
