// Outbound webhook events: written as delivery rows in the SAME transaction as the change (an event exists exactly
// when its change does), one row per subscribed endpoint, queued once the change commits (ChangeEffects).
// A client company's endpoint only receives that company's events, and never an agency-internal event or field.
import type { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/utils/db.server";
import { CLIENT_WEBHOOK_EVENTS, envelope, newEventId, type WebhookEvent } from "~/domain/webhooks/events";
import type { ChangeEffects } from "../effects.server";
import { meetingFields } from "../api/meeting-fields.server";

type Source = { agencyId: string; clientCompanyId: string | null };

/**
 * Writes one delivery per enabled endpoint of the agency subscribed to `type` (the agency's own endpoints, and the
 * company's when the event belongs to one), in `tx`. `data` is computed only when some endpoint listens.
 * Returns the event id (null when nobody listens).
 */
export async function emitWebhookEvent(tx: Tx, fx: ChangeEffects, source: Source, type: WebhookEvent, data: () => Promise<unknown> | unknown, now = new Date()) {
  const clientAllowed = source.clientCompanyId !== null && CLIENT_WEBHOOK_EVENTS.includes(type);
  const endpoints = await tx.webhookEndpoint.findMany({
    where: {
      agencyId: source.agencyId,
      enabled: true,
      events: { has: type },
      OR: [{ clientCompanyId: null }, ...(clientAllowed ? [{ clientCompanyId: source.clientCompanyId }] : [])],
    },
    select: { id: true },
  });
  if (!endpoints.length) return null;
  const eventId = newEventId();
  const payload = envelope(eventId, type, now, await data()) as unknown as Prisma.InputJsonValue;
  const rows = await tx.webhookDelivery.createManyAndReturn({
    data: endpoints.map((e) => ({ endpointId: e.id, eventId, eventType: type, payload, nextAttemptAt: now })),
    select: { id: true },
  });
  fx.webhooks(rows.map((r) => r.id));
  return eventId;
}

/** A meeting as the API shows it (GET /api/v1/meetings/:id): no internal notes, no duplicate flags. */
export async function apiMeeting(tx: Tx, meetingId: string) {
  const m = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: meetingFields });
  const { checks, ...rest } = m;
  return { ...rest, checks: checks.map((c) => ({ key: c.criterion.key, met: c.met, note: c.note })) };
}

/** A meeting event: the meeting as the API shows it, and what changed. */
export async function emitMeetingEvent(
  tx: Tx,
  fx: ChangeEffects,
  m: { id: string; agencyId: string; clientCompanyId: string },
  type: Extract<WebhookEvent, `meeting.${string}`>,
  change: Record<string, unknown> = {},
  now = new Date(),
) {
  return emitWebhookEvent(tx, fx, m, type, async () => ({ meeting: await apiMeeting(tx, m.id), ...change }), now);
}

/**
 * report.sent, for the reports' sending code to call inside its transaction (the report's id, campaign, period).
 * Only identifiers and dates: the report itself is read through the API with reports:read.
 */
export async function emitReportSent(
  tx: Tx,
  fx: ChangeEffects,
  report: { id: string; agencyId: string; clientCompanyId: string; campaignId: string | null; periodStart: Date; periodEnd: Date; sentAt: Date },
) {
  return emitWebhookEvent(tx, fx, report, "report.sent", () => ({
    report: {
      id: report.id,
      campaignId: report.campaignId,
      clientCompanyId: report.clientCompanyId,
      periodStart: report.periodStart.toISOString(),
      periodEnd: report.periodEnd.toISOString(),
      sentAt: report.sentAt.toISOString(),
    },
  }), report.sentAt);
}
