// Every effect of a change, collected inside its transaction and carried out once it has committed. What must
// exist exactly when the change does (outbox rows, history, ledger rows) is written in the transaction; the collector
// keeps what can only happen after the commit (queueing the outbox rows' delivery), so a rolled-back change has none.
import { prisma, type Tx } from "~/utils/db.server";
import { enqueueEmails, enqueueWebhookDeliveries } from "~/services/queue.server";

export class ChangeEffects {
  /** Outbox rows written by this change, to deliver once it has committed. */
  readonly emailIds: string[] = [];
  /** Meetings this change made billable (the ledger row is written in the transaction; later: outbound webhooks). */
  readonly billableMeetingIds: string[] = [];
  /** Outbound webhook deliveries written by this change (app/models/webhooks/events.server.ts), to queue once committed. */
  readonly webhookDeliveryIds: string[] = [];

  emails(ids: string[]) {
    this.emailIds.push(...ids);
    return this;
  }

  webhooks(ids: string[]) {
    this.webhookDeliveryIds.push(...ids);
    return this;
  }

  /** Carries out what waits for the commit. */
  async afterCommit() {
    // The change has committed: a failure to queue must not turn it into an error. The outbox sweep sends what
    // was not queued (app/jobs/outbox-sweep.server.ts).
    await enqueueEmails(this.emailIds).catch((e) => console.error("[email] enqueue", e));
    // A lost job is not a lost delivery: the webhook sweep picks up due rows every minute.
    await enqueueWebhookDeliveries(this.webhookDeliveryIds).catch((e) => console.error("[webhooks] enqueue", e));
  }
}

/**
 * How long a change may wait for a connection, and run once it has one. Prisma's defaults (2 s and 5 s) failed bursts
 * of API creations on a loaded machine (issue 15): with every pooled connection held by a change in progress, the
 * next change gave up after 2 s ("Unable to start a transaction in the given time"), and a change slowed past 5 s
 * was closed under its own feet, its remaining statements then failing (`MeetingCriterionCheck_meetingId_fkey`).
 * A change now queues for its connection like any other query and is allowed to finish; only a database unreachable
 * for this long fails it, which the API answers as 503 with Retry-After (isDatabaseBusy), never as a 500.
 */
export const CHANGE_MAX_WAIT_MS = 20_000;
export const CHANGE_TIMEOUT_MS = 30_000;

/** Runs a change in one transaction with a collector of its effects, then carries the effects out. */
export async function withChange<T>(work: (tx: Tx, fx: ChangeEffects) => Promise<T>, options?: { timeout?: number; maxWait?: number }): Promise<T> {
  const fx = new ChangeEffects();
  const result = await prisma.$transaction((tx) => work(tx, fx), { maxWait: CHANGE_MAX_WAIT_MS, timeout: CHANGE_TIMEOUT_MS, ...options });
  await fx.afterCommit();
  return result;
}
