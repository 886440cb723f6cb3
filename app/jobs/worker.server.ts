// The worker: registers every job definition on this process's queue client. Imported by the server entry
// (when RUN_JOBS is true) and by tests, never by routes or models, so no import cycle runs through the queue.
import { getBoss, stopQueue } from "~/services/queue.server";
import { JOBS } from "./definitions.server";
import { sweepOutbox } from "./outbox-sweep.server";

/** Starts this process's workers for every job, and the schedules (kept in the database, so they survive restarts). */
export async function startBackgroundWork({ pollingIntervalSeconds = 2 } = {}) {
  const boss = await getBoss();
  for (const job of JOBS) {
    await boss.work(job.queue, { pollingIntervalSeconds: job.pollingIntervalSeconds ?? pollingIntervalSeconds, ...(job.batchSize ? { batchSize: job.batchSize } : {}) }, job.handle);
    if (job.schedule) await boss.schedule(job.queue, job.schedule);
  }
  await sweepOutbox();
  return boss;
}

export const stopBackgroundWork = stopQueue;
