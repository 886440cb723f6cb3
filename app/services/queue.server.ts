// The job queue (pg-boss, on PostgreSQL: several app processes share it safely). This module only sends work;
// the handlers are registered by app/jobs/worker.server.ts, which only the server entry and tests import.
import PgBoss from "pg-boss";
import { env } from "~/utils/env.server";
import { emailDeliveryConfigured } from "./email.server";

/** Every queue, with the options senders and the worker agree on. */
export const QUEUES = {
  emailDeliver: "email-deliver",
  emailSweep: "email-sweep",
  meetingSweep: "meeting-sweep",
  meetingImport: "meeting-import",
  passwordReset: "password-reset-request",
  billingRun: "billing-run",
  objectiveCheck: "objective-check",
  ritualReminders: "ritual-reminders",
  notificationDigest: "notification-digest",
  webhookDeliver: "webhook-deliver",
  webhookSweep: "webhook-sweep",
  reportSchedule: "report-schedule",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

function queueOptions(): Record<QueueName, Omit<PgBoss.Queue, "name">> {
  const e = env();
  return {
    [QUEUES.emailDeliver]: { retryLimit: e.EMAIL_RETRY_LIMIT, retryDelay: e.EMAIL_RETRY_DELAY_SECONDS, retryBackoff: true },
    [QUEUES.emailSweep]: { policy: "singleton" },
    [QUEUES.meetingSweep]: { policy: "singleton" },
    [QUEUES.meetingImport]: { retryLimit: 2, retryDelay: 10 },
    [QUEUES.passwordReset]: { retryLimit: 3, retryDelay: 5 },
    [QUEUES.objectiveCheck]: { policy: "singleton" },
    [QUEUES.ritualReminders]: { policy: "singleton" },
    [QUEUES.notificationDigest]: { policy: "singleton" },
    [QUEUES.reportSchedule]: { policy: "singleton" },
    // Once an hour: every client whose billing day has come is invoiced (claimed in the database, resumable).
    [QUEUES.billingRun]: { policy: "singleton", retryLimit: 10, retryDelay: 60, retryBackoff: true },
    // Webhook retries are scheduled by the delivery row itself (nextAttemptAt, over about a day), not by pg-boss.
    [QUEUES.webhookDeliver]: { retryLimit: 0 },
    [QUEUES.webhookSweep]: { policy: "singleton" },
  };
}

declare global {
  // eslint-disable-next-line no-var
  var __boss: Promise<PgBoss> | undefined;
}

async function createBoss() {
  const boss = new PgBoss({ connectionString: env().DATABASE_URL, max: 4, schema: "pgboss" });
  boss.on("error", (err) => console.error("[jobs]", err));
  await boss.start();
  for (const [name, options] of Object.entries(queueOptions())) {
    await boss.createQueue(name, { name, ...options });
    // createQueue leaves an existing queue as it is: apply the current options too, so a changed
    // EMAIL_RETRY_LIMIT / EMAIL_RETRY_DELAY_SECONDS takes effect (else pg-boss may stop retrying before the outbox gives up).
    await boss.updateQueue(name, { name, ...options });
  }
  return boss;
}

/** The process's queue client, started once. */
export function getBoss() {
  return (globalThis.__boss ??= createBoss());
}

/** Stops the queue client (and with it any worker this process runs), finishing the job at hand. */
export async function stopQueue() {
  const boss = globalThis.__boss;
  globalThis.__boss = undefined;
  if (boss) await (await boss).stop({ graceful: true, wait: true, timeout: 5000 });
}

/** Sends one job, after the transaction that made it necessary has committed. */
export async function enqueue(queue: QueueName, data: object, options: PgBoss.SendOptions = {}) {
  const boss = await getBoss();
  return boss.send(queue, data, options);
}

/**
 * Queues delivery of outbox emails (no-op without a provider key: the outbox is then the destination), in one
 * statement however many (a digest batch queues fifty); each job takes the queue's retry options (pg-boss's insert
 * reads them from the queue, as send does).
 */
export async function enqueueEmails(ids: string[]) {
  if (!ids.length || !emailDeliveryConfigured()) return;
  const boss = await getBoss();
  await boss.insert(ids.map((outboxId) => ({ name: QUEUES.emailDeliver, data: { outboxId } })));
}

/** Queues the processing of an uploaded import (after the user confirmed its mapping). */
export async function enqueueImport(importJobId: string) {
  await enqueue(QUEUES.meetingImport, { importJobId }, { singletonKey: importJobId });
}

/** Queues outbound webhook deliveries (after the change that wrote them committed), at once or at `startAfter`. */
export async function enqueueWebhookDeliveries(ids: string[], startAfter?: Date) {
  if (!ids.length) return;
  const boss = await getBoss();
  await boss.insert(ids.map((deliveryId) => ({ name: QUEUES.webhookDeliver, data: { deliveryId }, ...(startAfter ? { startAfter } : {}) })));
}
