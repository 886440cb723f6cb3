// One email path: render a React Email template, write it to the outbox in the caller's transaction,
// and let the worker deliver it through Resend (or keep it in the outbox when no key is set).
import { randomUUID } from "node:crypto";
import { createElement } from "react";
import { Resend } from "resend";
import { prisma, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { templates, type EmailTemplates, type TemplateName } from "../../emails";
import { NotificationLinks } from "../../emails/components/Layout";
import { isLocale, type Locale } from "~/i18n";
import { deliveredCopy } from "./email-secrets.server";
import { emailPlainText, renderEmailHtml } from "./email-render.server";

export function emailDeliveryConfigured() {
  return Boolean(env().RESEND_API_KEY);
}

type SendEmailInput<K extends TemplateName> = {
  to: string;
  template: K;
  props: EmailTemplates[K];
  locale: Locale;
  agencyId?: string | null;
  /** A notification email: a footer with these links, and List-Unsubscribe headers (one-click, RFC 8058). */
  notice?: { preferencesUrl: string; unsubscribeUrl?: string };
  /** Files sent with the email, stored with it in the outbox (a report's PDF, a calendar invitation's .ics). */
  attachments?: EmailAttachmentInput[];
};

/** One file of an email: its bytes, or its text (written as UTF-8). */
export type EmailAttachmentInput = { filename: string; contentType: string; content: Uint8Array | string };
export type EmailAttachment = EmailAttachmentInput;

/**
 * Renders one email into the fields of its outbox row (nothing written: `sendEmail` writes one, the digest many).
 * Synchronous and cheap (./email-render.server.ts): the HTML once, the text converted from it.
 */
export function renderOutboxRow<K extends TemplateName>(input: SendEmailInput<K>) {
  const entry = templates[input.template];
  const inner = createElement(entry.component as React.ComponentType<EmailTemplates[K]>, input.props);
  const element = input.notice ? createElement(NotificationLinks.Provider, { value: input.notice }, inner) : inner;
  const html = renderEmailHtml(element);
  return {
    to: input.to,
    subject: entry.subject(input.props),
    html,
    text: emailPlainText(html),
    template: input.template,
    locale: input.locale,
    agencyId: input.agencyId ?? null,
    headers: input.notice?.unsubscribeUrl ? { "List-Unsubscribe": `<${input.notice.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : undefined,
    status: emailDeliveryConfigured() ? ("PENDING" as const) : ("HELD" as const),
  };
}

/** An email rendered into the fields of its outbox row. */
export type OutboxRow = ReturnType<typeof renderOutboxRow>;

/**
 * Writes many rendered emails to the outbox in one statement, inside `tx` (the digest's batches); returns their ids,
 * in the order given. Raw SQL: Prisma's `createManyAndReturn` spent about 1.4 ms of CPU per email of a digest batch
 * (bench/README.md) preparing the statement; one INSERT from arrays costs a fraction of it.
 */
export async function writeOutboxRows(tx: Tx, rows: OutboxRow[]): Promise<string[]> {
  if (!rows.length) return [];
  const ids = rows.map(() => `em_${randomUUID().replace(/-/g, "")}`);
  await tx.$executeRaw`
    INSERT INTO "EmailOutbox" ("id", "to", "subject", "html", "text", "template", "locale", "agencyId", "headers", "status", "createdAt", "updatedAt")
    SELECT t.*, now(), now()
      FROM unnest(${ids}::text[], ${rows.map((r) => r.to)}::text[], ${rows.map((r) => r.subject)}::text[], ${rows.map((r) => r.html)}::text[],
                  ${rows.map((r) => r.text)}::text[], ${rows.map((r) => r.template)}::text[], ${rows.map((r) => r.locale)}::"Locale"[],
                  ${rows.map((r) => r.agencyId)}::text[], ${rows.map((r) => (r.headers ? JSON.stringify(r.headers) : null))}::jsonb[],
                  ${rows.map((r) => r.status)}::"EmailStatus"[]) AS t`;
  return ids;
}

/** Renders and writes one email to the outbox, inside `tx` so it exists exactly when the change does. */
export async function sendEmail<K extends TemplateName>(tx: Tx, input: SendEmailInput<K>) {
  const row = renderOutboxRow(input);
  return tx.emailOutbox.create({
    data: {
      ...row,
      ...(input.attachments?.length
        ? {
            attachments: {
              create: input.attachments.map((a) => {
                const bytes = typeof a.content === "string" ? new Uint8Array(Buffer.from(a.content, "utf8")) : Uint8Array.from(a.content);
                return { filename: a.filename, contentType: a.contentType, content: bytes, size: bytes.byteLength };
              }),
            },
          }
        : {}),
    },
    select: { id: true, status: true },
  });
}

/**
 * Writes one email per recipient, each in the recipient's own language (English when they chose none);
 * returns the outbox ids to queue after the transaction commits.
 */
export async function sendEmailToEach<K extends TemplateName>(
  tx: Tx,
  recipients: { email: string; locale: string | null }[],
  input: { template: K; agencyId?: string | null; props: (locale: Locale) => EmailTemplates[K] },
) {
  const ids: string[] = [];
  for (const r of recipients) {
    const locale: Locale = isLocale(r.locale) ? r.locale : "en";
    const row = await sendEmail(tx, { to: r.email, template: input.template, locale, agencyId: input.agencyId, props: input.props(locale) });
    ids.push(row.id);
  }
  return ids;
}

/** Renders a template without writing anything (the previews of what a recipient will get). */
export async function renderEmail<K extends TemplateName>(template: K, props: EmailTemplates[K]) {
  const entry = templates[template];
  const html = renderEmailHtml(createElement(entry.component as React.ComponentType<EmailTemplates[K]>, props));
  return { subject: entry.subject(props), html, text: emailPlainText(html) };
}

const LOCK_SECONDS = 60;

export type DeliveryOutcome = "sent" | "skipped" | "failed-will-retry" | "failed-final";

/**
 * Delivers one outbox email through Resend. Claims the row first so two workers never send it together;
 * Resend's idempotency key (the outbox id) covers a crash between sending and recording.
 * Throws on a failure that should be retried (the job queue retries with backoff).
 */
export async function deliverEmail(outboxId: string): Promise<DeliveryOutcome> {
  // In order of creation per recipient: while an older email to the same address is pending, that one goes first
  // (after an outage, a recipient never gets the newer email before the older one).
  for (let guard = 0; guard < 1000; guard++) {
    const row = await prisma.emailOutbox.findUnique({ where: { id: outboxId }, select: { to: true, status: true, createdAt: true } });
    if (!row || row.status !== "PENDING") return "skipped";
    const older = await prisma.emailOutbox.findFirst({
      where: { to: row.to, status: "PENDING", OR: [{ createdAt: { lt: row.createdAt } }, { createdAt: row.createdAt, id: { lt: outboxId } }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    if (!older) return deliverOne(outboxId);
    const outcome = await deliverOne(older.id); // throws while the provider fails: this job is retried later
    if (outcome === "skipped") throw new Error(`Email ${outboxId} waits for an older email to the same recipient (${older.id}), being sent`);
  }
  throw new Error(`Email ${outboxId}: too many older emails to the same recipient`);
}

async function deliverOne(outboxId: string): Promise<DeliveryOutcome> {
  const now = new Date();
  const claimed = await prisma.emailOutbox.updateMany({
    where: { id: outboxId, status: "PENDING", OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { lockedUntil: new Date(now.getTime() + LOCK_SECONDS * 1000), attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return "skipped";
  const row = await prisma.emailOutbox.findUniqueOrThrow({
    where: { id: outboxId },
    include: { attachments: { select: { filename: true, contentType: true, content: true }, orderBy: { createdAt: "asc" } } },
  });
  const e = env();
  let error: string | null = null;
  let providerId: string | null = null;
  try {
    const resend = new Resend(e.RESEND_API_KEY, e.RESEND_BASE_URL ? { baseUrl: e.RESEND_BASE_URL } : undefined);
    const result = await resend.emails.send(
      {
        from: e.EMAIL_FROM, to: row.to, subject: row.subject, html: row.html, text: row.text, headers: (row.headers as Record<string, string> | null) ?? undefined,
        attachments: row.attachments.length
          ? row.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content) }))
          : undefined,
      },
      { idempotencyKey: `outbox-${row.id}` },
    );
    if (result.error) error = `${result.error.name}: ${result.error.message}`;
    else providerId = result.data?.id ?? null;
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  if (!error) {
    await prisma.emailOutbox.update({
      where: { id: row.id },
      data: { status: "SENT", sentAt: new Date(), providerId, lockedUntil: null, lastError: null, ...deliveredCopy(row) },
    });
    return "sent";
  }
  const final = row.attempts > e.EMAIL_RETRY_LIMIT;
  await prisma.emailOutbox.update({
    where: { id: row.id },
    data: { status: final ? "FAILED" : "PENDING", lastError: error.slice(0, 1000), lockedUntil: null },
  });
  if (final) return "failed-final";
  throw new Error(`Email ${row.id} not delivered (attempt ${row.attempts}): ${error}`);
}

/** Puts a failed email back in the queue (from the Emails page). */
export async function retryEmail(agencyId: string, outboxId: string) {
  const updated = await prisma.emailOutbox.updateMany({
    where: { id: outboxId, agencyId, status: "FAILED" },
    data: { status: "PENDING", attempts: 0, lastError: null },
  });
  return updated.count > 0;
}
