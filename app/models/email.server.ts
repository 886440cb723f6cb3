import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { notFound } from "~/domain/shared/errors";
import type { EmailStatus, Prisma } from "~/generated/prisma/client";
import { outboxEmailForReader } from "~/services/email-secrets.server";

const PAGE = 50;

/** What the Emails page shows of a file sent with an email (never its bytes: the download route reads them). */
const ATTACHMENT_LIST = {
  select: { id: true, filename: true, contentType: true, size: true },
  orderBy: [{ createdAt: "asc" }, { id: "asc" }],
} satisfies Prisma.EmailOutbox$attachmentsArgs;

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
      select: {
        id: true, to: true, subject: true, template: true, locale: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true,
        attachments: ATTACHMENT_LIST,
      },
    }),
    prisma.emailOutbox.count({ where }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / PAGE)) };
}

export async function getOutboxEmail(actor: Actor, id: string) {
  assertCan(actor, "emails:read");
  const email = await prisma.emailOutbox.findFirst({ where: { id, agencyId: actor.agencyId }, include: { attachments: ATTACHMENT_LIST } });
  if (!email) throw notFound();
  return outboxEmailForReader(email);
}
