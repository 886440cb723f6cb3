// Webhook endpoints, scoped by actor: an agency admin manages the agency's endpoints (and sees its client companies'
// ones), a client admin only their company's. Another tenant's endpoint is a 404 (decision 0048).
import type { Actor } from "~/utils/auth.server";
import { assertCan } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/domain/shared/errors";
import { WEBHOOK_API_VERSION, WEBHOOK_TEST_EVENT, allowedEvents, newEventId, newWebhookSecret, type WebhookEvent } from "~/domain/webhooks/events";
import { checkWebhookTarget, type GuardOptions } from "~/services/webhook-http.server";
import { enqueueWebhookDeliveries } from "~/services/queue.server";
import { sealSecret } from "~/services/secret-box.server";

function endpointScope(actor: Actor) {
  return { agencyId: actor.agencyId, ...(actor.clientCompanyId ? { clientCompanyId: actor.clientCompanyId } : {}) };
}

const notFound = () => new DomainError("NOT_FOUND", "common.notFound");

/** Registers an endpoint after checking its URL (form and every resolved address); the secret is returned once. */
export async function createWebhookEndpoint(actor: Actor, input: { url: string; events: string[]; description?: string }, guard?: GuardOptions) {
  assertCan(actor, "webhooks:manage");
  const clientCompanyId = actor.clientCompanyId ?? null;
  const allowed = allowedEvents(clientCompanyId !== null);
  const events = [...new Set(input.events)].filter((e): e is WebhookEvent => (allowed as readonly string[]).includes(e));
  if (!events.length) throw new DomainError("INVALID", "webhooks.errors.events", "events");
  const target = await checkWebhookTarget(input.url, guard);
  if (!target.ok) throw new DomainError("INVALID", `webhooks.errors.url.${target.reason}`, "url");
  const secret = newWebhookSecret();
  const endpoint = await prisma.webhookEndpoint.create({
    data: { agencyId: actor.agencyId, clientCompanyId, url: target.url.toString(), events, description: input.description?.trim() ?? "", secret: sealSecret(secret), createdById: actor.userId },
    select: { id: true },
  });
  return { id: endpoint.id, secret };
}

/**
 * The endpoints with, for each, its last delivery and its failure streak (failed attempts since the last success):
 * three statements whatever the number of endpoints.
 */
export async function listWebhookEndpoints(actor: Actor) {
  assertCan(actor, "webhooks:manage");
  const endpoints = await prisma.webhookEndpoint.findMany({
    where: endpointScope(actor),
    orderBy: { createdAt: "desc" },
    select: { id: true, url: true, description: true, events: true, enabled: true, disabledReason: true, disabledAt: true, failingSince: true, createdAt: true, clientCompany: { select: { name: true } } },
  });
  if (!endpoints.length) return [];
  const ids = endpoints.map((e) => e.id);
  const [last, streaks] = await Promise.all([
    prisma.webhookDelivery.findMany({
      where: { endpointId: { in: ids }, attempts: { gt: 0 }, lastAttemptAt: { not: null } },
      distinct: ["endpointId"],
      orderBy: [{ endpointId: "asc" }, { lastAttemptAt: "desc" }],
      select: { endpointId: true, eventType: true, status: true, lastAttemptAt: true, lastResponseCode: true },
    }),
    prisma.$queryRaw<{ endpointId: string; failures: bigint }[]>`
      SELECT d."endpointId", count(*) AS failures
      FROM "WebhookAttempt" a
      JOIN "WebhookDelivery" d ON d.id = a."deliveryId"
      JOIN "WebhookEndpoint" e ON e.id = d."endpointId"
      WHERE e.id = ANY(${ids}::text[]) AND e."failingSince" IS NOT NULL AND a.ok = false AND a.at >= e."failingSince"
      GROUP BY d."endpointId"`,
  ]);
  const lastOf = new Map(last.map((l) => [l.endpointId, l]));
  const streakOf = new Map(streaks.map((s) => [s.endpointId, Number(s.failures)]));
  return endpoints.map((e) => ({ ...e, lastDelivery: lastOf.get(e.id) ?? null, failureStreak: streakOf.get(e.id) ?? 0 }));
}

/** One endpoint and its delivery log: the last 50 deliveries, each with its attempts (newest first). */
export async function getWebhookEndpoint(actor: Actor, endpointId: string) {
  assertCan(actor, "webhooks:manage");
  const endpoint = await prisma.webhookEndpoint.findFirst({
    where: { ...endpointScope(actor), id: endpointId },
    select: {
      id: true, url: true, description: true, events: true, enabled: true, disabledAt: true, disabledReason: true, failingSince: true, createdAt: true,
      clientCompany: { select: { name: true } },
      deliveries: {
        orderBy: { createdAt: "desc" },
        take: 50,
        select: {
          id: true, eventId: true, eventType: true, status: true, attempts: true, lastResponseCode: true, lastDurationMs: true, lastError: true, lastAttemptAt: true, nextAttemptAt: true, createdAt: true,
          attemptLog: { orderBy: { at: "desc" }, take: 10, select: { id: true, at: true, responseCode: true, durationMs: true, ok: true, error: true, responseExcerpt: true } },
        },
      },
    },
  });
  if (!endpoint) throw notFound();
  return endpoint;
}

/** A new signing secret, returned once; the old one stops signing at once. */
export async function rotateWebhookSecret(actor: Actor, endpointId: string) {
  assertCan(actor, "webhooks:manage");
  const secret = newWebhookSecret();
  const { count } = await prisma.webhookEndpoint.updateMany({ where: { ...endpointScope(actor), id: endpointId }, data: { secret: sealSecret(secret) } });
  if (!count) throw notFound();
  const { url } = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId }, select: { url: true } });
  return { url, secret };
}

/**
 * A test event ("webhook.test") to this endpoint only, delivered and logged like any other, so an admin can check
 * that the receiver answers and verifies the signature.
 */
export async function sendTestWebhook(actor: Actor, endpointId: string, now = new Date()) {
  assertCan(actor, "webhooks:manage");
  const endpoint = await prisma.webhookEndpoint.findFirst({ where: { ...endpointScope(actor), id: endpointId }, select: { id: true, enabled: true } });
  if (!endpoint) throw notFound();
  if (!endpoint.enabled) throw new DomainError("CONFLICT", "webhooks.status.disabled");
  const eventId = newEventId();
  const payload = { id: eventId, type: WEBHOOK_TEST_EVENT, timestamp: now.toISOString(), apiVersion: WEBHOOK_API_VERSION, data: { endpointId: endpoint.id, message: "A test event from Rendezvous." } };
  const row = await prisma.webhookDelivery.create({
    data: { endpointId: endpoint.id, eventId, eventType: WEBHOOK_TEST_EVENT, payload, nextAttemptAt: now },
    select: { id: true },
  });
  await enqueueWebhookDeliveries([row.id]);
  return row.id;
}

export async function setWebhookEndpointEnabled(actor: Actor, endpointId: string, enabled: boolean) {
  assertCan(actor, "webhooks:manage");
  const { count } = await prisma.webhookEndpoint.updateMany({
    where: { ...endpointScope(actor), id: endpointId },
    data: enabled ? { enabled: true, disabledAt: null, disabledReason: null, failingSince: null } : { enabled: false, disabledAt: new Date(), disabledReason: "manual" },
  });
  if (!count) throw notFound();
}

export async function deleteWebhookEndpoint(actor: Actor, endpointId: string) {
  assertCan(actor, "webhooks:manage");
  const { count } = await prisma.webhookEndpoint.deleteMany({ where: { ...endpointScope(actor), id: endpointId } });
  if (!count) throw notFound();
}

/** Sends a delivery again (same event id, so the receiver can tell it is the same event): a new attempt now. */
export async function redeliverWebhook(actor: Actor, deliveryId: string, endpointId?: string) {
  assertCan(actor, "webhooks:manage");
  const { count } = await prisma.webhookDelivery.updateMany({
    where: { id: deliveryId, ...(endpointId ? { endpointId } : {}), endpoint: endpointScope(actor) },
    data: { status: "PENDING", nextAttemptAt: new Date(), lockedUntil: null },
  });
  if (!count) throw notFound();
  await enqueueWebhookDeliveries([deliveryId]);
}
