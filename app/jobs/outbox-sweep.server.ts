import { prisma } from "~/utils/db.server";
import { emailDeliveryConfigured } from "~/services/email.server";
import { enqueueEmails } from "~/services/queue.server";

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
