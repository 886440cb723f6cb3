// Delivering webhook rows (the webhook-deliver job): claim the row, sign it with the Standard Webhooks scheme
// (webhook-id, webhook-timestamp, webhook-signature, through the standardwebhooks library), POST it with a short
// timeout to a checked address, log the attempt, and on failure schedule the next attempt (x3 each time, about a day
// in all). An endpoint that has not succeeded for a day is disabled (decision 0048).
import { Webhook } from "standardwebhooks";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { WEBHOOK_MAX_ATTEMPTS, failingTooLong, retryDelaySeconds } from "~/domain/webhooks/events";
import { postWebhook, type GuardOptions, type PostResult } from "~/services/webhook-http.server";
import { enqueueWebhookDeliveries } from "~/services/queue.server";
import { currentSealPrefix, openSecret, sealSecret } from "~/services/secret-box.server";
import { sendEmail } from "~/services/email.server";
import { withChange } from "../effects.server";
import { formatDateTime, isLocale, type Locale } from "~/i18n";
import { DEFAULT_TIME_ZONE } from "~/domain/shared/timezone";

const LOCK_SECONDS = 60;

export type WebhookOutcome = "sent" | "skipped" | "retry" | "failed" | "endpoint-disabled";

/** One attempt at one delivery. `guard` overrides the environment's SSRF settings (tests). */
export async function deliverWebhook(deliveryId: string, opts: DeliverOptions = {}): Promise<WebhookOutcome> {
  return (await deliverWebhooks([deliveryId], opts))[0];
}

type DeliverOptions = { now?: Date; guard?: GuardOptions; enqueueRetry?: boolean };
type Claimed = { id: string; endpointId: string; eventId: string; payload: unknown; attempts: number; url: string; secret: string; failingSince: Date | null };

/**
 * One attempt at each of these deliveries (the webhook-deliver job's batch), in order of `deliveryIds`. The rows are
 * claimed in one statement (a short lock: another worker skips them), signed and POSTed side by side (undici keeps up
 * to 16 connections per endpoint), and the outcomes written in two statements whatever the batch's size: the attempts
 * logged, the delivered rows marked sent. A failure takes the row's own path (next attempt, endpoint failing, disabled).
 */
export async function deliverWebhooks(deliveryIds: string[], opts: DeliverOptions = {}): Promise<WebhookOutcome[]> {
  if (!deliveryIds.length) return [];
  const now = opts.now ?? new Date();
  const claimed = await prisma.$queryRaw<Claimed[]>`
    UPDATE "WebhookDelivery" d
       SET "lockedUntil" = ${new Date(now.getTime() + LOCK_SECONDS * 1000).toISOString()}::timestamp, "attempts" = d."attempts" + 1
      FROM "WebhookEndpoint" e
     WHERE d."id" = ANY(${deliveryIds}::text[]) AND d."status" = 'PENDING' AND e."id" = d."endpointId" AND e."enabled"
       AND (d."lockedUntil" IS NULL OR d."lockedUntil" < ${now.toISOString()}::timestamp)
    RETURNING d."id", d."endpointId", d."eventId", d."payload", d."attempts", e."url", e."secret", e."failingSince"`;
  const signers = new Map<string, Webhook>();
  const signer = (c: Claimed) => {
    let w = signers.get(c.endpointId);
    if (!w) signers.set(c.endpointId, (w = new Webhook(openSecret(c.secret))));
    return w;
  };
  const results = await Promise.all(
    claimed.map(async (row) => {
      const body = JSON.stringify(row.payload);
      const signature = signer(row).sign(row.eventId, now, body);
      const headers = { "webhook-id": row.eventId, "webhook-timestamp": String(Math.floor(now.getTime() / 1000)), "webhook-signature": signature };
      return { row, result: await postWebhook(row.url, headers, body, { guard: opts.guard }) };
    }),
  );
  const outcome = new Map<string, WebhookOutcome>();
  if (results.length) {
    // Every attempt logged, and the delivered rows marked sent: one statement for the whole batch.
    const sent = results.filter((r) => r.result.error === null);
    await prisma.$executeRaw`
      WITH a AS (
        INSERT INTO "WebhookAttempt" ("id", "deliveryId", "at", "responseCode", "durationMs", "ok", "error", "responseExcerpt")
        SELECT 'c' || md5(random()::text || t.d), t.d, ${now.toISOString()}::timestamp, t.code, t.ms, t.ok, t.err, t.excerpt
          FROM unnest(${results.map((r) => r.row.id)}::text[], ${results.map((r) => r.result.responseCode)}::int[], ${results.map((r) => r.result.durationMs)}::int[],
                      ${results.map((r) => r.result.error === null)}::boolean[], ${results.map((r) => r.result.error)}::text[], ${results.map((r) => r.result.excerpt ?? null)}::text[])
               AS t(d, code, ms, ok, err, excerpt)
        RETURNING 1)
      UPDATE "WebhookDelivery" d
         SET "status" = 'SENT', "deliveredAt" = ${now.toISOString()}::timestamp, "lastError" = NULL, "lockedUntil" = NULL,
             "lastAttemptAt" = ${now.toISOString()}::timestamp, "lastResponseCode" = t.code, "lastDurationMs" = t.ms
        FROM unnest(${sent.map((r) => r.row.id)}::text[], ${sent.map((r) => r.result.responseCode)}::int[], ${sent.map((r) => r.result.durationMs)}::int[]) AS t(id, code, ms)
       WHERE d."id" = t.id`;
    const recovered = [...new Set(sent.filter((r) => r.row.failingSince).map((r) => r.row.endpointId))];
    if (recovered.length) await prisma.$executeRaw`UPDATE "WebhookEndpoint" SET "failingSince" = NULL, "updatedAt" = ${now.toISOString()}::timestamp WHERE "id" = ANY(${recovered}::text[])`;
    for (const r of sent) outcome.set(r.row.id, "sent");
    for (const r of results) if (r.result.error !== null) outcome.set(r.row.id, await recordFailure(r.row, r.result, now, opts));
  }
  return deliveryIds.map((id) => outcome.get(id) ?? "skipped");
}

/** A failed attempt (already logged): the next attempt (x3 each time, about a day in all), or failed for good; an endpoint failing for a day is disabled. */
async function recordFailure(row: Claimed, result: PostResult, now: Date, opts: DeliverOptions): Promise<WebhookOutcome> {
  const last = { lastAttemptAt: now, lastResponseCode: result.responseCode, lastDurationMs: result.durationMs, lockedUntil: null };
  const final = row.attempts >= WEBHOOK_MAX_ATTEMPTS;
  const next = new Date(now.getTime() + retryDelaySeconds(row.attempts, env().WEBHOOK_RETRY_BASE_SECONDS) * 1000);
  await prisma.webhookDelivery.update({
    where: { id: row.id },
    data: { ...last, status: final ? "FAILED" : "PENDING", lastError: result.error, nextAttemptAt: next },
  });
  // Read again: another row of the same endpoint in this batch may have just set it.
  const endpoint = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: row.endpointId }, select: { failingSince: true } });
  const failingSince = endpoint.failingSince ?? now;
  if (!endpoint.failingSince)
    await prisma.$executeRaw`UPDATE "WebhookEndpoint" SET "failingSince" = ${now.toISOString()}::timestamp, "updatedAt" = ${now.toISOString()}::timestamp WHERE "id" = ${row.endpointId} AND "failingSince" IS NULL`;
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
