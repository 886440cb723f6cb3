import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { notFound } from "~/domain/shared/errors";
import type { EmailStatus } from "~/generated/prisma/client";
import { outboxEmailForReader } from "~/services/email-secrets.server";

const PAGE = 50;

/** The agency's outbox, newest first, a page at a time. */
export async function listOutbox(actor: Actor, opts: { status?: EmailStatus; page?: number } = {}) {
  assertCan(actor, "emails:read");
  const where = { agencyId: actor.agencyId, ...(opts.status ? { status: opts.status } : {}) };
  const page = Math.max(1, opts.page ?? 1);
  const [rows, total] = await Promise.all([
    prisma.emailOutbox.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * PAGE,
      take: PAGE,
      select: { id: true, to: true, subject: true, template: true, locale: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true },
    }),
    prisma.emailOutbox.count({ where }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / PAGE)) };
}

export async function getOutboxEmail(actor: Actor, id: string) {
  assertCan(actor, "emails:read");
  const email = await prisma.emailOutbox.findFirst({ where: { id, agencyId: actor.agencyId } });
  if (!email) throw notFound();
  return outboxEmailForReader(email);
}
