// Attendance: held, no-show, cancelled, rescheduled, one meeting at a time or in bulk. Marking held opens the
// client's review window.
import type { Actor } from "~/utils/auth.server";
import { assertCan } from "~/utils/auth.server";
import { DomainError } from "~/domain/shared/errors";
import { canChangeStatus, reviewDeadline, targetStatus, type StatusAction } from "~/domain/meetings/rules";
import { withChange } from "../effects.server";
import { applyChange, event, facts, fail, loadForChange } from "./change.server";
import { notifyHeld } from "./notifications.server";
import { sendCalendarInvitations } from "./invitations.server";
import { emitMeetingEvent } from "../webhooks/events.server";

/**
 * Held, no-show, cancelled, or rescheduled (a new future time; the old one stays in history). Marking held opens
 * the client's dispute window (days of the booked-under definition version).
 */
export async function changeMeetingStatus(
  actor: Actor,
  meetingId: string,
  action: StatusAction,
  opts: { newTime?: Date; newTimeZone?: string; revision?: number } = {},
  now = new Date(),
) {
  assertCan(actor, "meeting:status");
  return withChange(async (tx, fx) => {
    const m = await loadForChange(tx, actor, meetingId);
    const d = canChangeStatus(actor.role, actor.userId, facts(m), action, now, opts.newTime);
    if (!d.ok) fail(d.reason, action === "RESCHEDULE" ? "newLocal" : undefined);
    const to = targetStatus(action);
    if (action === "RESCHEDULE") {
      await applyChange(tx, m, opts.revision, {
        status: "SCHEDULED",
        scheduledAt: opts.newTime!,
        timeZone: opts.newTimeZone ?? m.timeZone,
        statusChangedAt: now,
        attendanceReminderAt: null,
        presumeReminderAt: null,
        reviewDueAt: null,
      });
      await event(tx, m.id, actor.userId, "rescheduled", m.scheduledAt.toISOString(), opts.newTime!.toISOString(), {
        fromStatus: m.status,
        timeZone: opts.newTimeZone ?? m.timeZone,
      });
      await emitMeetingEvent(tx, fx, m, "meeting.status_changed", { from: m.status, to: "RESCHEDULED", previousScheduledAt: m.scheduledAt.toISOString() }, now);
      fx.emails(await sendCalendarInvitations(tx, m.id, "rescheduled", now));
      return { status: to };
    }
    let reviewDueAt: Date | null = null;
    if (to === "HELD") {
      const def = await tx.definitionVersion.findUniqueOrThrow({ where: { id: m.definitionVersionId }, select: { disputeWindowDays: true, windowsInBusinessDays: true } });
      const agency = await tx.agency.findUniqueOrThrow({ where: { id: m.agencyId }, select: { timeZone: true } });
      reviewDueAt = reviewDeadline(m.scheduledAt, now, def.disputeWindowDays, { businessDays: def.windowsInBusinessDays, timeZone: agency.timeZone });
    }
    await applyChange(tx, m, opts.revision, { status: to, statusChangedAt: now, reviewDueAt });
    await event(tx, m.id, actor.userId, "status", m.status, to, reviewDueAt ? { reviewDueAt: reviewDueAt.toISOString() } : {});
    if (reviewDueAt) fx.emails(await notifyHeld(tx, m.id, actor, reviewDueAt));
    if (to === "CANCELLED") fx.emails(await sendCalendarInvitations(tx, m.id, "cancelled", now));
    await emitMeetingEvent(tx, fx, m, "meeting.status_changed", { from: m.status, to }, now);
    return { status: to };
  });
}

/** Applies one status action to many meetings; each is checked on its own. Returns how many changed and which were refused. */
export async function bulkChangeStatus(actor: Actor, meetingIds: string[], action: "HELD" | "NO_SHOW" | "CANCELLED", now = new Date()) {
  assertCan(actor, "meeting:status");
  let changed = 0;
  const refused: string[] = [];
  for (const id of [...new Set(meetingIds)].slice(0, 200)) {
    try {
      await changeMeetingStatus(actor, id, action, {}, now);
      changed += 1;
    } catch (e) {
      if (e instanceof DomainError) refused.push(id);
      else throw e;
    }
  }
  return { changed, refused };
}
