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
    await enqueueEmails(this.emailIds);
    // A lost job is not a lost delivery: the webhook sweep picks up due rows every minute.
    await enqueueWebhookDeliveries(this.webhookDeliveryIds).catch((e) => console.error("[webhooks] enqueue", e));
  }
}

/** Runs a change in one transaction with a collector of its effects, then carries the effects out. */
export async function withChange<T>(work: (tx: Tx, fx: ChangeEffects) => Promise<T>, options?: { timeout?: number }): Promise<T> {
  const fx = new ChangeEffects();
  const result = await prisma.$transaction((tx) => work(tx, fx), options);
  await fx.afterCommit();
  return result;
}
