// Background work on a PostgreSQL-backed queue (pg-boss): several app processes share it safely.
import PgBoss from "pg-boss";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { deliverEmail, emailDeliveryConfigured } from "./email.server";
import { registerMeetingWork } from "./meeting-jobs.server";
import { registerObjectiveWork } from "./objective-jobs.server";

export const QUEUES = { emailDeliver: "email-deliver", emailSweep: "email-sweep" } as const;

declare global {
  // eslint-disable-next-line no-var
  var __boss: Promise<PgBoss> | undefined;
}

async function createBoss() {
  const e = env();
  const boss = new PgBoss({ connectionString: e.DATABASE_URL, max: 4, schema: "pgboss" });
  boss.on("error", (err) => console.error("[jobs]", err));
  await boss.start();
  const deliverOptions = {
    name: QUEUES.emailDeliver,
    retryLimit: e.EMAIL_RETRY_LIMIT,
    retryDelay: e.EMAIL_RETRY_DELAY_SECONDS,
    retryBackoff: true,
  };
  await boss.createQueue(QUEUES.emailDeliver, deliverOptions);
  // createQueue leaves an existing queue as it is: apply the current retry settings too, so a changed
  // EMAIL_RETRY_LIMIT / EMAIL_RETRY_DELAY_SECONDS takes effect (else pg-boss may stop retrying before the outbox gives up).
  await boss.updateQueue(QUEUES.emailDeliver, deliverOptions);
  await boss.createQueue(QUEUES.emailSweep, { name: QUEUES.emailSweep, policy: "singleton" });
  return boss;
}

/** The process's queue client, started once. */
export function getBoss() {
  return (globalThis.__boss ??= createBoss());
}

/** Starts the workers of this process: email delivery, and a sweep that re-queues emails a crash left behind. */
export async function startBackgroundWork({ pollingIntervalSeconds = 2 } = {}) {
  const boss = await getBoss();
  await boss.work<{ outboxId: string }>(QUEUES.emailDeliver, { pollingIntervalSeconds }, async (jobs) => {
    for (const job of jobs) await deliverEmail(job.data.outboxId);
  });
  await boss.work(QUEUES.emailSweep, { pollingIntervalSeconds: 30 }, async () => {
    await sweepOutbox();
  });
  await boss.schedule(QUEUES.emailSweep, "* * * * *");
  await sweepOutbox();
  // Meetings: auto-accept after the dispute window, attendance reminders, CSV imports.
  await registerMeetingWork(boss);
  await registerObjectiveWork(boss);
  return boss;
}

export async function stopBackgroundWork() {
  const boss = globalThis.__boss;
  globalThis.__boss = undefined;
  if (boss) await (await boss).stop({ graceful: true, wait: true, timeout: 5000 });
}

/** Queues delivery of outbox emails, after the transaction that wrote them has committed. */
export async function enqueueEmails(ids: string[]) {
  if (!ids.length || !emailDeliveryConfigured()) return;
  const boss = await getBoss();
  for (const outboxId of ids) await boss.send(QUEUES.emailDeliver, { outboxId });
}

/** Re-queues pending emails nobody has touched for 10 minutes (their job was lost with a crashed process). */
export async function sweepOutbox() {
  if (!emailDeliveryConfigured()) return 0;
  const stale = await prisma.emailOutbox.findMany({
    where: { status: "PENDING", updatedAt: { lt: new Date(Date.now() - 10 * 60_000) } },
    select: { id: true },
    take: 500,
  });
  await enqueueEmails(stale.map((r) => r.id));
  return stale.length;
}
