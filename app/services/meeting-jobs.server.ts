// The meetings' background work on the shared pg-boss queue: a scheduled sweep (auto-accept after the dispute
// window, "window closing" reminders, attendance reminders) and CSV import processing. pg-boss's cron creates one job per tick for all
// processes, and the sweep's conditional UPDATEs make a second run harmless anyway.
import type PgBoss from "pg-boss";
import { autoAcceptDueMeetings, remindClosingWindows, remindMissingAttendance } from "~/models/meeting.server";
import { processImportJob } from "./meeting-import.server";
import { getBoss } from "./jobs.server";

export const MEETING_QUEUES = { sweep: "meeting-sweep", import: "meeting-import" } as const;

export async function registerMeetingWork(boss: PgBoss) {
  await boss.createQueue(MEETING_QUEUES.sweep, { name: MEETING_QUEUES.sweep, policy: "singleton" });
  await boss.createQueue(MEETING_QUEUES.import, { name: MEETING_QUEUES.import, retryLimit: 2, retryDelay: 10 });
  await boss.work(MEETING_QUEUES.sweep, { pollingIntervalSeconds: 30 }, async () => {
    await runMeetingSweep();
  });
  await boss.work<{ importJobId: string }>(MEETING_QUEUES.import, { pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await processImportJob(job.data.importJobId);
  });
  await boss.schedule(MEETING_QUEUES.sweep, "*/5 * * * *");
}

/** One pass of the scheduled meeting work (also callable from tests and scripts). */
export async function runMeetingSweep(now = new Date()) {
  // Accept first: a window that already closed gets the acceptance, not a reminder.
  const accepted = await autoAcceptDueMeetings(now);
  const windowReminded = await remindClosingWindows(now);
  const reminded = await remindMissingAttendance(now);
  return { accepted, windowReminded, reminded };
}

/** Queues the processing of an uploaded import (after the user confirmed its mapping). */
export async function enqueueImport(importJobId: string) {
  const boss = await getBoss();
  await boss.send(MEETING_QUEUES.import, { importJobId }, { singletonKey: importJobId });
}
