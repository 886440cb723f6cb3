// Webhook endpoints, scoped by actor: an agency admin manages the agency's endpoints (and sees its client companies'
// ones), a client admin only their company's. Another tenant's endpoint is a 404 (decision 0048).
import type { Actor } from "~/utils/auth.server";
import { assertCan } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/domain/shared/errors";
import { allowedEvents, newWebhookSecret, type WebhookEvent } from "~/domain/webhooks/events";
import { checkWebhookTarget, type GuardOptions } from "~/services/webhook-http.server";
import { enqueueWebhookDeliveries } from "~/services/queue.server";

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
    data: { agencyId: actor.agencyId, clientCompanyId, url: target.url.toString(), events, description: input.description?.trim() ?? "", secret, createdById: actor.userId },
    select: { id: true },
  });
  return { id: endpoint.id, secret };
}

export async function listWebhookEndpoints(actor: Actor) {
  assertCan(actor, "webhooks:manage");
  return prisma.webhookEndpoint.findMany({
    where: endpointScope(actor),
    orderBy: { createdAt: "desc" },
    select: { id: true, url: true, description: true, events: true, enabled: true, disabledReason: true, failingSince: true, createdAt: true, clientCompany: { select: { name: true } } },
  });
}

export async function getWebhookEndpoint(actor: Actor, endpointId: string) {
  assertCan(actor, "webhooks:manage");
  const endpoint = await prisma.webhookEndpoint.findFirst({
    where: { ...endpointScope(actor), id: endpointId },
    select: {
      id: true, url: true, description: true, events: true, enabled: true, disabledAt: true, disabledReason: true, failingSince: true, createdAt: true,
      clientCompany: { select: { name: true } },
      deliveries: {
        orderBy: { createdAt: "desc" },
        take: 100,
        select: { id: true, eventId: true, eventType: true, status: true, attempts: true, lastResponseCode: true, lastDurationMs: true, lastError: true, lastAttemptAt: true, nextAttemptAt: true, createdAt: true },
      },
    },
  });
  if (!endpoint) throw notFound();
  return endpoint;
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
export async function redeliverWebhook(actor: Actor, deliveryId: string) {
  assertCan(actor, "webhooks:manage");
  const { count } = await prisma.webhookDelivery.updateMany({
    where: { id: deliveryId, endpoint: endpointScope(actor) },
    data: { status: "PENDING", nextAttemptAt: new Date(), lockedUntil: null },
  });
  if (!count) throw notFound();
  await enqueueWebhookDeliveries([deliveryId]);
}
