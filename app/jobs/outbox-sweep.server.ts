import { prisma } from "~/utils/db.server";
import { emailDeliveryConfigured } from "~/services/email.server";
import { enqueueEmails } from "~/services/queue.server";
import { env } from "~/utils/env.server";

/**
 * Re-queues pending emails nobody has touched for EMAIL_SWEEP_AFTER_SECONDS (10 minutes by default): their job was
 * lost with a crashed process. Each failed attempt touches its row, so an email waiting for a retry is not swept
 * unless its next retry is further away than that (the job and the sweep may then both try it: the outbox row's
 * claim and Resend's idempotency key keep it from going twice).
 */
export async function sweepOutbox() {
  if (!emailDeliveryConfigured()) return 0;
  const stale = await prisma.emailOutbox.findMany({
    where: { status: "PENDING", updatedAt: { lt: new Date(Date.now() - env().EMAIL_SWEEP_AFTER_SECONDS * 1000) } },
    select: { id: true },
    take: 500,
  });
  await enqueueEmails(stale.map((r) => r.id));
  return stale.length;
}
