// Delivering webhook rows (the webhook-deliver job): claim the row, sign it with the Standard Webhooks scheme
// (webhook-id, webhook-timestamp, webhook-signature, through the standardwebhooks library), POST it with a short
// timeout to a checked address, log the attempt, and on failure schedule the next attempt (x3 each time, about a day
// in all). An endpoint that has not succeeded for a day is disabled (decision 0048).
import { Webhook } from "standardwebhooks";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { WEBHOOK_MAX_ATTEMPTS, failingTooLong, retryDelaySeconds } from "~/domain/webhooks/events";
import { postWebhook, type GuardOptions } from "~/services/webhook-http.server";
import { enqueueWebhookDeliveries } from "~/services/queue.server";
import { currentSealPrefix, openSecret, sealSecret } from "~/services/secret-box.server";
import { sendEmail } from "~/services/email.server";
import { withChange } from "../effects.server";
import { formatDateTime, isLocale, type Locale } from "~/i18n";
import { DEFAULT_TIME_ZONE } from "~/domain/shared/timezone";

const LOCK_SECONDS = 60;

export type WebhookOutcome = "sent" | "skipped" | "retry" | "failed" | "endpoint-disabled";

/** One attempt at one delivery. `guard` overrides the environment's SSRF settings (tests). */
export async function deliverWebhook(deliveryId: string, opts: { now?: Date; guard?: GuardOptions; enqueueRetry?: boolean } = {}): Promise<WebhookOutcome> {
  const now = opts.now ?? new Date();
  const claimed = await prisma.webhookDelivery.updateMany({
    where: { id: deliveryId, status: "PENDING", endpoint: { enabled: true }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { lockedUntil: new Date(now.getTime() + LOCK_SECONDS * 1000), attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return "skipped";
  const row = await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { endpoint: true } });
  const body = JSON.stringify(row.payload);
  const signature = new Webhook(openSecret(row.endpoint.secret)).sign(row.eventId, now, body);
  const headers = { "webhook-id": row.eventId, "webhook-timestamp": String(Math.floor(now.getTime() / 1000)), "webhook-signature": signature };
  const result = await postWebhook(row.endpoint.url, headers, body, { guard: opts.guard });
  const ok = result.error === null;
  await prisma.webhookAttempt.create({
    data: { deliveryId: row.id, at: now, responseCode: result.responseCode, durationMs: result.durationMs, ok, error: result.error, responseExcerpt: result.excerpt ?? null },
  });
  const last = { lastAttemptAt: now, lastResponseCode: result.responseCode, lastDurationMs: result.durationMs, lockedUntil: null };
  if (ok) {
    await prisma.webhookDelivery.update({ where: { id: row.id }, data: { ...last, status: "SENT", deliveredAt: now, lastError: null } });
    if (row.endpoint.failingSince) await prisma.webhookEndpoint.update({ where: { id: row.endpointId }, data: { failingSince: null } });
    return "sent";
  }
  const final = row.attempts >= WEBHOOK_MAX_ATTEMPTS;
  const next = new Date(now.getTime() + retryDelaySeconds(row.attempts, env().WEBHOOK_RETRY_BASE_SECONDS) * 1000);
  await prisma.webhookDelivery.update({
    where: { id: row.id },
    data: { ...last, status: final ? "FAILED" : "PENDING", lastError: result.error, nextAttemptAt: next },
  });
  const failingSince = row.endpoint.failingSince ?? now;
  if (!row.endpoint.failingSince) await prisma.webhookEndpoint.update({ where: { id: row.endpointId }, data: { failingSince: now } });
  if (failingTooLong(failingSince, now)) {
    await disableFailingEndpoint(row.endpointId, now, result.error);
    return "endpoint-disabled";
  }
  if (!final && opts.enqueueRetry !== false) await enqueueWebhookDeliveries([row.id], next);
  return final ? "failed" : "retry";
}

/**
 * Disables an endpoint that has failed for a day (once: a conditional update) and, in the same change, emails the
 * admins of its owner (the agency's admins, or its client company's) in their language.
 */
async function disableFailingEndpoint(endpointId: string, now: Date, lastError: string | null) {
  await withChange(async (tx, fx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: endpointId, enabled: true },
      data: { enabled: false, disabledAt: now, disabledReason: "failing" },
    });
    if (!count) return;
    const e = await tx.webhookEndpoint.findUniqueOrThrow({
      where: { id: endpointId },
      select: { url: true, agencyId: true, clientCompanyId: true, failingSince: true, agency: { select: { name: true } } },
    });
    const admins = await tx.membership.findMany({
      where: { agencyId: e.agencyId, ...(e.clientCompanyId ? { role: "CLIENT_ADMIN", clientCompanyId: e.clientCompanyId } : { role: "AGENCY_ADMIN", clientCompanyId: null }), deactivatedAt: null },
      select: { user: { select: { email: true, locale: true, timeZone: true } } },
      orderBy: { createdAt: "asc" },
    });
    const pageUrl = `${env().APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`}/settings/webhooks/${endpointId}`;
    for (const { user } of admins) {
      const locale: Locale = isLocale(user.locale) ? user.locale : "en";
      const since = formatDateTime(locale, e.failingSince ?? now, user.timeZone ?? DEFAULT_TIME_ZONE);
      const row = await sendEmail(tx, { to: user.email, template: "webhook-disabled", locale, agencyId: e.agencyId, props: { locale, url: e.url, since, lastError, agency: e.agency.name, pageUrl } });
      fx.emails([row.id]);
    }
  });
}

/** Deliveries due and not held by a worker (a lost job, a restart): the webhook sweep queues them every minute. */
export async function sweepWebhooks(now = new Date()) {
  const due = await prisma.webhookDelivery.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: new Date(now.getTime() - 60_000) }, endpoint: { enabled: true }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    select: { id: true },
    take: 1000,
    orderBy: { nextAttemptAt: "asc" },
  });
  await enqueueWebhookDeliveries(due.map((d) => d.id));
  await resealWebhookSecrets();
  return due.length;
}

/**
 * Seals the signing secrets not yet under the current key: rows written before encryption (in clear) and rows sealed
 * under the previous key. Runs with the sweep, so existing rows are migrated within a minute of a deploy or a key
 * change. Each row is updated only if it still holds the value read (a rotation in between wins).
 */
export async function resealWebhookSecrets() {
  const stale = await prisma.webhookEndpoint.findMany({ where: { NOT: { secret: { startsWith: currentSealPrefix() } } }, select: { id: true, secret: true }, take: 500 });
  let sealed = 0;
  for (const e of stale) {
    let plain: string;
    try {
      plain = openSecret(e.secret);
    } catch (err) {
      console.error("[webhooks] secret of endpoint", e.id, (err as Error).message);
      continue;
    }
    sealed += (await prisma.webhookEndpoint.updateMany({ where: { id: e.id, secret: e.secret }, data: { secret: sealSecret(plain) } })).count;
  }
  return sealed;
}
