// Every background job of the app, one definition each: its queue, its schedule, its handler.
// The worker (./worker.server.ts) registers them all; code that needs work done only enqueues (~/services/queue.server).
import type PgBoss from "pg-boss";
import { QUEUES, type QueueName } from "~/services/queue.server";
import { deliverEmail } from "~/services/email.server";
import { sweepOutbox } from "./outbox-sweep.server";
import { runMeetingSweep } from "~/models/meetings/sweep.server";
import { processImportJob } from "~/models/meetings/import-worker.server";
import { requestPasswordReset } from "~/models/user.server";
import type { ResetJob } from "~/models/password-reset-request.server";
import { isLocale } from "~/i18n";
import { runBilling } from "~/models/billing/billing-run.server";
import { runObjectiveCheck } from "~/models/objectives/check.server";
import { sendRitualReminders } from "~/models/qualitative/rituals.server";
import { runDigests } from "~/models/notifications/digest.server";
import { deliverWebhooks, sweepWebhooks } from "~/models/webhooks/delivery.server";
import { runReportSchedules } from "~/models/reports/schedule.server";

export type JobDefinition<T extends object = object> = {
  queue: QueueName;
  /** A cron expression: pg-boss creates one job per tick for all processes. */
  schedule?: string;
  pollingIntervalSeconds?: number;
  /** Jobs handed to one call of `handle` (default 1). */
  batchSize?: number;
  handle: (jobs: PgBoss.Job<T>[]) => Promise<void>;
};

const define = <T extends object>(d: JobDefinition<T>) => d as unknown as JobDefinition;

export const JOBS: JobDefinition[] = [
  define<{ outboxId: string }>({
    queue: QUEUES.emailDeliver,
    handle: async (jobs) => {
      for (const job of jobs) await deliverEmail(job.data.outboxId);
    },
  }),
  // Re-queues emails a crashed process left behind.
  define({ queue: QUEUES.emailSweep, schedule: "* * * * *", pollingIntervalSeconds: 30, handle: async () => void (await sweepOutbox()) }),
  // Auto-accept after the dispute window, "window closing" and attendance reminders; the sweep's conditional
  // UPDATEs make a second run harmless anyway.
  define({ queue: QUEUES.meetingSweep, schedule: "*/5 * * * *", pollingIntervalSeconds: 30, handle: async () => void (await runMeetingSweep()) }),
  define<{ importJobId: string }>({
    queue: QUEUES.meetingImport,
    pollingIntervalSeconds: 1,
    handle: async (jobs) => {
      for (const job of jobs) await processImportJob(job.data.importJobId);
    },
  }),
  // The monthly billing run, checked hourly; a failed invoice throws, so the job is retried with backoff.
  define({ queue: QUEUES.billingRun, schedule: "7 * * * *", pollingIntervalSeconds: 30, handle: async () => void (await runBilling(new Date(), { throwOnFailure: true })) }),
  // Objectives: closed periods frozen with their result, the AM emailed when one turns off track.
  define({ queue: QUEUES.objectiveCheck, schedule: "7 * * * *", pollingIntervalSeconds: 60, handle: async () => void (await runObjectiveCheck()) }),
  // Qualitative objectives: a reminder when a ritual is due or overdue, once per due date (claimed in the database).
  define({ queue: QUEUES.ritualReminders, schedule: "17 * * * *", pollingIntervalSeconds: 60, handle: async () => void (await sendRitualReminders()) }),
  // Daily digests: every quarter of an hour, the users whose digest hour has come (one per user and local day).
  define({ queue: QUEUES.notificationDigest, schedule: "*/15 * * * *", pollingIntervalSeconds: 60, handle: async () => void (await runDigests()) }),
  // Report schedules: drafts prepared at each period's end (each period claimed once in the database).
  define({ queue: QUEUES.reportSchedule, schedule: "*/15 * * * *", pollingIntervalSeconds: 60, handle: async () => void (await runReportSchedules()) }),
  // Forgot-password requests: the page answers at once, the same for every address; the lookup happens here.
  define<ResetJob>({
    queue: QUEUES.passwordReset,
    pollingIntervalSeconds: 1,
    handle: async (jobs) => {
      for (const job of jobs) await requestPasswordReset(job.data.email, isLocale(job.data.locale) ? job.data.locale : "en", job.data.origin);
    },
  }),
  // Outbound webhooks: each delivery row is one job (its retries are scheduled by the row, over about a day).
  define<{ deliveryId: string }>({
    queue: QUEUES.webhookDeliver,
    pollingIntervalSeconds: 0.5,
    // A batch is claimed, POSTed side by side and recorded in a few statements (deliverWebhooks, decision 0063).
    batchSize: 100,
    handle: async (jobs) => {
      await deliverWebhooks(jobs.map((job) => job.data.deliveryId));
    },
  }),
  // Re-queues due deliveries whose job was lost.
  define({ queue: QUEUES.webhookSweep, schedule: "* * * * *", pollingIntervalSeconds: 30, handle: async () => void (await sweepWebhooks()) }),
];
