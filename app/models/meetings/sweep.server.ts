// Scheduled work on meetings (no actor: the system), run by the meeting-sweep job: automatic acceptance when the
// dispute window closes, "window closing" reminders, attendance reminders. Each claims its rows with one conditional
// UPDATE ... FOR UPDATE SKIP LOCKED, so two processes (or two runs) act on each meeting once.
import { WINDOW_REMINDER_HOURS } from "~/domain/meetings/rules";
import { PRESUMPTION_REMINDER_HOURS, presumptionAt, presumptionReminderAt, reviewDeadline, type WindowCounting } from "~/domain/meetings/windows";
import { prisma } from "~/utils/db.server";
import { audit } from "../audit.server";
import { withChange } from "../effects.server";
import { event } from "./change.server";
import { meetingBecameBillable } from "./billable.server";
import { emitMeetingEvent } from "../webhooks/events.server";
import { notifyHeld, notifyPresumption, notifyReminder, notifyWindowClosing } from "./notifications.server";

/** One pass of the scheduled meeting work (also callable from tests and scripts). */
export async function runMeetingSweep(now = new Date()) {
  // Accept first: a window that already closed gets the acceptance, not a reminder.
  const accepted = await autoAcceptDueMeetings(now);
  const windowReminded = await remindClosingWindows(now);
  const reminded = await remindMissingAttendance(now);
  const presumptionReminded = await remindPresumption(now);
  const presumed = await presumeAttendance(now);
  return { accepted, windowReminded, reminded, presumptionReminded, presumed };
}

/**
 * Accepts held meetings whose dispute window has closed. One conditional UPDATE claims them, so two processes
 * running it at once accept each meeting once; history and audit rows are written for the claimed ones only.
 */
export async function autoAcceptDueMeetings(now = new Date()) {
  return withChange(async (tx, fx) => {
    const claimed = await tx.$queryRaw<{ id: string; agencyId: string; clientCompanyId: string; campaignId: string }[]>`
      UPDATE "Meeting"
         SET "verdict" = 'ACCEPTED', "autoAccepted" = true, "verdictAt" = ${now}, "verdictById" = NULL,
             "revision" = "revision" + 1, "updatedAt" = ${now}
       WHERE "id" IN (
         SELECT "id" FROM "Meeting"
          WHERE "status" = 'HELD' AND "verdict" = 'PENDING' AND "reviewDueAt" < ${now}
          ORDER BY "reviewDueAt" LIMIT 1000
          FOR UPDATE SKIP LOCKED)
         AND "status" = 'HELD' AND "verdict" = 'PENDING'
      RETURNING "id", "agencyId", "clientCompanyId", "campaignId"`;
    if (!claimed.length) return 0;
    await tx.meetingEvent.createMany({
      data: claimed.map((m) => ({ meetingId: m.id, actorId: null, type: "auto_accepted", from: "PENDING", to: "ACCEPTED" })),
    });
    await tx.auditEvent.createMany({
      data: claimed.map((m) => ({
        agencyId: m.agencyId,
        clientCompanyId: m.clientCompanyId,
        campaignId: m.campaignId,
        actorId: null,
        type: "meeting.auto_accepted",
        data: { meetingId: m.id },
      })),
    });
    for (const m of claimed) await emitMeetingEvent(tx, fx, m, "meeting.reviewed", { verdict: "ACCEPTED", automatic: true }, now);
    await meetingBecameBillable(tx, fx, claimed, now);
    return claimed.length;
  });
}

/**
 * Reminds the client attendee (else the client admins) of meetings that ended an hour ago without held or no-show.
 * Claimed by a conditional UPDATE too, so each reminder goes once per scheduled time.
 */
export async function remindMissingAttendance(now = new Date()) {
  return withChange(async (tx, fx) => {
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Meeting" SET "attendanceReminderAt" = ${now}
       WHERE "id" IN (
         SELECT "id" FROM "Meeting"
          WHERE "status" = 'SCHEDULED' AND "attendanceReminderAt" IS NULL
            AND "scheduledAt" + make_interval(mins => "durationMinutes" + 60) < ${now}
          ORDER BY "scheduledAt" LIMIT 500
          FOR UPDATE SKIP LOCKED)
         AND "attendanceReminderAt" IS NULL
      RETURNING "id"`;
    for (const { id } of claimed) {
      await event(tx, id, null, "reminder", null, null, {});
      fx.emails(await notifyReminder(tx, id));
    }
    return claimed.length;
  });
}

/**
 * Tells the client admins once that an unreviewed held meeting will be accepted automatically when its dispute
 * window closes, within the next 48 hours. Claimed by a conditional UPDATE (SKIP LOCKED), like the auto-accept, so
 * two processes send each reminder once; the history row and the outbox rows share the claim's transaction.
 */
export async function remindClosingWindows(now = new Date()) {
  const horizon = new Date(now.getTime() + WINDOW_REMINDER_HOURS * 3600_000);
  return withChange(async (tx, fx) => {
    const claimed = await tx.$queryRaw<{ id: string; reviewDueAt: Date }[]>`
      UPDATE "Meeting" SET "windowReminderAt" = ${now}
       WHERE "id" IN (
         SELECT "id" FROM "Meeting"
          WHERE "status" = 'HELD' AND "verdict" = 'PENDING' AND "windowReminderAt" IS NULL
            AND "reviewDueAt" >= ${now} AND "reviewDueAt" <= ${horizon}
          ORDER BY "reviewDueAt" LIMIT 500
          FOR UPDATE SKIP LOCKED)
         AND "status" = 'HELD' AND "verdict" = 'PENDING' AND "windowReminderAt" IS NULL
      RETURNING "id", "reviewDueAt"`;
    for (const { id, reviewDueAt } of claimed) {
      await event(tx, id, null, "window_reminder", null, reviewDueAt.toISOString(), {});
      fx.emails(await notifyWindowClosing(tx, id, reviewDueAt));
    }
    return claimed.length;
  });
}

type Candidate = {
  id: string;
  scheduledAt: Date;
  durationMinutes: number;
  attendanceRuleHours: number;
  windowsInBusinessDays: boolean;
  disputeWindowDays: number;
  timeZone: string;
};

/**
 * Scheduled meetings without attendance whose booked-under definition has an attendance rule and whose calendar
 * deadline (less `leadHours`) has passed: a superset of those due, since business-day counting only pushes the
 * deadline later; the callers apply the exact rule (app/domain/meetings/windows.ts) to each.
 */
function attendanceCandidates(now: Date, leadHours: number, extra: "reminder" | "presume") {
  const reminderOnly = extra === "reminder";
  return prisma.$queryRaw<Candidate[]>`
    SELECT m."id", m."scheduledAt", m."durationMinutes", d."attendanceRuleHours", d."windowsInBusinessDays", d."disputeWindowDays", a."timeZone"
      FROM "Meeting" m
      JOIN "DefinitionVersion" d ON d."id" = m."definitionVersionId"
      JOIN "Agency" a ON a."id" = m."agencyId"
     WHERE m."status" = 'SCHEDULED' AND d."attendanceRuleHours" IS NOT NULL
       AND (${reminderOnly}::boolean = false OR m."presumeReminderAt" IS NULL)
       AND m."scheduledAt" + make_interval(mins => (m."durationMinutes" + (d."attendanceRuleHours" - ${leadHours}::int) * 60)::int) < ${now}
     ORDER BY m."scheduledAt" LIMIT 500`;
}

const countingOf = (c: Candidate): WindowCounting => ({ businessDays: c.windowsInBusinessDays, timeZone: c.timeZone });

/**
 * The definition's attendance rule (issue 9): a meeting whose attendance nobody recorded within the rule's hours
 * past its end is presumed held, and its review window opens as if it had been marked held then. Each meeting is
 * claimed by a conditional update (still SCHEDULED), so two processes presume it once; the history says "presumed
 * held" and the client admins are told, as when the agency marks it held.
 */
export async function presumeAttendance(now = new Date()) {
  const due = (await attendanceCandidates(now, 0, "presume")).filter((c) => {
    const at = presumptionAt(c.scheduledAt, c.durationMinutes, c.attendanceRuleHours, countingOf(c));
    return at !== null && at.getTime() <= now.getTime();
  });
  let presumed = 0;
  for (const c of due) {
    const done = await withChange(async (tx, fx) => {
      const reviewDueAt = reviewDeadline(c.scheduledAt, now, c.disputeWindowDays, countingOf(c));
      const claimed = await tx.meeting.updateMany({
        where: { id: c.id, status: "SCHEDULED" },
        data: { status: "HELD", statusChangedAt: now, presumedHeldAt: now, reviewDueAt, revision: { increment: 1 } },
      });
      if (!claimed.count) return false;
      const m = await tx.meeting.findUniqueOrThrow({ where: { id: c.id }, select: { id: true, agencyId: true, clientCompanyId: true, campaignId: true } });
      await event(tx, m.id, null, "presumed_held", "SCHEDULED", "HELD", { reviewDueAt: reviewDueAt.toISOString(), ruleHours: c.attendanceRuleHours });
      await tx.auditEvent.create({
        data: { agencyId: m.agencyId, clientCompanyId: m.clientCompanyId, campaignId: m.campaignId, actorId: null, type: "meeting.presumed_held", data: { meetingId: m.id } },
      });
      fx.emails(await notifyHeld(tx, m.id, null, reviewDueAt));
      await emitMeetingEvent(tx, fx, m, "meeting.status_changed", { from: "SCHEDULED", to: "HELD", presumed: true }, now);
      return true;
    });
    if (done) presumed += 1;
  }
  return presumed;
}

/**
 * A day before the presumption, the client attendee (else the client admins) and the SDR are reminded once to record
 * attendance. Claimed by a conditional update on presumeReminderAt.
 */
export async function remindPresumption(now = new Date()) {
  const due = (await attendanceCandidates(now, PRESUMPTION_REMINDER_HOURS, "reminder"))
    .map((c) => ({ c, at: presumptionAt(c.scheduledAt, c.durationMinutes, c.attendanceRuleHours, countingOf(c))! }))
    .filter(({ c, at }) => at.getTime() > now.getTime() && presumptionReminderAt(c.scheduledAt, c.durationMinutes, at).getTime() <= now.getTime());
  let reminded = 0;
  for (const { c, at } of due) {
    const done = await withChange(async (tx, fx) => {
      const claimed = await tx.meeting.updateMany({ where: { id: c.id, status: "SCHEDULED", presumeReminderAt: null }, data: { presumeReminderAt: now } });
      if (!claimed.count) return false;
      await event(tx, c.id, null, "presumption_reminder", null, at.toISOString(), {});
      fx.emails(await notifyPresumption(tx, c.id, at));
      return true;
    });
    if (done) reminded += 1;
  }
  return reminded;
}
