// Outbound webhooks: the events an endpoint may subscribe to, the secret's format, the payload's envelope and the
// retry schedule. Pure: no database, no network (decision 0048).
import crypto from "node:crypto";
import { z } from "zod";
import { optionalText, requiredText } from "~/domain/shared/validation";

export const WEBHOOK_EVENTS = [
  "meeting.created",
  "meeting.updated",
  "meeting.status_changed",
  "meeting.reviewed",
  "meeting.dispute_resolved",
  "meeting.billable",
  "persona.version_approved",
  "definition.version_approved",
  "report.sent",
  "objective.off_track",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Events a client company's endpoint may receive: objectives' pace is the agency's internal steering. */
export const CLIENT_WEBHOOK_EVENTS: readonly WebhookEvent[] = WEBHOOK_EVENTS.filter((e) => e !== "objective.off_track");

export const WEBHOOK_API_VERSION = "v1";

/** The type of the test event an admin sends from an endpoint's page (no endpoint subscribes to it). */
export const WEBHOOK_TEST_EVENT = "webhook.test";

export function isWebhookEvent(s: string): s is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(s);
}

/** The events an endpoint may carry: a client company's endpoint only the client events. */
export function allowedEvents(clientScoped: boolean): readonly WebhookEvent[] {
  return clientScoped ? CLIENT_WEBHOOK_EVENTS : WEBHOOK_EVENTS;
}

/** A new signing secret in the Standard Webhooks format: "whsec_" + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString("base64")}`;
}

/** A new event id ("msg_" + 24 url-safe characters), the webhook-id header of every attempt. */
export function newEventId(): string {
  return `msg_${crypto.randomBytes(18).toString("base64url")}`;
}

export type WebhookEnvelope = { id: string; type: WebhookEvent; timestamp: string; apiVersion: string; data: unknown };

export function envelope(id: string, type: WebhookEvent, at: Date, data: unknown): WebhookEnvelope {
  return { id, type, timestamp: at.toISOString(), apiVersion: WEBHOOK_API_VERSION, data };
}

/**
 * Seconds to wait before the next attempt after `attempts` failed ones: 30 s, then x3 each time up to 12 h
 * (30 s, 1.5 min, 4.5 min, 13.5 min, 40 min, 2 h, 6 h, 12 h): ten attempts span about a day.
 * `baseSeconds` is the first delay (WEBHOOK_RETRY_BASE_SECONDS; tests shorten it).
 */
export function retryDelaySeconds(attempts: number, baseSeconds = 30): number {
  return Math.min(baseSeconds * 3 ** Math.max(0, attempts - 1), 12 * 3600);
}

/** Attempts after which a delivery is given up (FAILED; it can still be redelivered by hand). */
export const WEBHOOK_MAX_ATTEMPTS = 10;

/** Hours an endpoint may fail without a single success before it is disabled and its admin emailed. */
export const WEBHOOK_DISABLE_AFTER_HOURS = 24;

/** Whether an endpoint failing since `failingSince` has failed long enough to be disabled. */
export function failingTooLong(failingSince: Date | null, now: Date, hours = WEBHOOK_DISABLE_AFTER_HOURS): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= hours * 3600_000;
}

/** The settings page's form: a URL (checked further by the SSRF guard), a description, at least one event. */
export const webhookEndpointFormSchema = z.object({
  url: requiredText(2000),
  description: optionalText(200),
  events: z.array(z.string().max(100)).min(1, { error: "webhooks.errors.events" }),
});
