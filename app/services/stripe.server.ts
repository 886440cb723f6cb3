// The one Stripe client, created from the environment. Without STRIPE_SECRET_KEY billing runs "not connected":
// the ledger, accrued amounts and previews work, nothing calls Stripe.
import Stripe from "stripe";
import { env } from "~/utils/env.server";

/** The API version the SDK (stripe 23.1.0) is written against; pinned so a dashboard upgrade changes nothing here. */
export const STRIPE_API_VERSION = "2026-10-28.endive" as const;

let cached: { signature: string; client: Stripe } | undefined;

export function stripeConnected() {
  return Boolean(env().STRIPE_SECRET_KEY);
}

/** The Stripe client, or null when not connected. Rebuilt when the environment changes (tests). */
export function stripeClient(): Stripe | null {
  const e = env();
  if (!e.STRIPE_SECRET_KEY) return null;
  const signature = [e.STRIPE_SECRET_KEY, e.STRIPE_API_HOST, e.STRIPE_API_PORT, e.STRIPE_API_PROTOCOL, e.STRIPE_TIMEOUT_MS].join("|");
  if (cached?.signature === signature) return cached.client;
  const client = new Stripe(e.STRIPE_SECRET_KEY, {
    apiVersion: STRIPE_API_VERSION,
    // Network errors and 5xx are retried by the SDK with the same idempotency key; the billing run retries the rest.
    maxNetworkRetries: 2,
    timeout: e.STRIPE_TIMEOUT_MS,
    telemetry: false,
    appInfo: { name: "rendezvous" },
    ...(e.STRIPE_API_HOST ? { host: e.STRIPE_API_HOST } : {}),
    ...(e.STRIPE_API_PORT ? { port: e.STRIPE_API_PORT } : {}),
    ...(e.STRIPE_API_PROTOCOL ? { protocol: e.STRIPE_API_PROTOCOL } : {}),
  });
  cached = { signature, client };
  return client;
}

/** Checks a webhook's signature on its raw body (300 s tolerance); throws on a forged or replayed one. */
export function verifyWebhook(rawBody: string, signature: string | null, secret: string): Stripe.Event {
  if (!signature) throw new Error("No Stripe-Signature header");
  // Verification needs no key; a client object is only the SDK's way in.
  const verifier = stripeClient() ?? new Stripe("sk_verify_only", { apiVersion: STRIPE_API_VERSION });
  return verifier.webhooks.constructEvent(rawBody, signature, secret, 300);
}

export type { Stripe };
