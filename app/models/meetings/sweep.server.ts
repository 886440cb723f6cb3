// Scheduled work on meetings (no actor: the system), run by the meeting-sweep job: automatic acceptance when the
// dispute window closes, "window closing" reminders, attendance reminders. Each claims its rows with one conditional
// UPDATE ... FOR UPDATE SKIP LOCKED, so two processes (or two runs) act on each meeting once.
import { WINDOW_REMINDER_HOURS } from "~/domain/meetings/rules";
import { withChange } from "../effects.server";
import { event } from "./change.server";
import { meetingBecameBillable } from "./billable.server";
import { emitMeetingEvent } from "../webhooks/events.server";
import { notifyReminder, notifyWindowClosing } from "./notifications.server";

/** One pass of the scheduled meeting work (also callable from tests and scripts). */
export async function runMeetingSweep(now = new Date()) {
  // Accept first: a window that already closed gets the acceptance, not a reminder.
  const accepted = await autoAcceptDueMeetings(now);
  const windowReminded = await remindClosingWindows(now);
  const reminded = await remindMissingAttendance(now);
  return { accepted, windowReminded, reminded };
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
