// Stripe's webhooks: the signature is checked on the raw body (a forged or replayed event is a 400 and changes
// nothing), each event id is applied once, and the invoice is re-read from Stripe rather than trusting the event.
// 200 for events we do not use; 500 on a failure so Stripe retries. No session: Stripe is the caller.
import { json, type ActionFunctionArgs } from "@remix-run/node";
import { env } from "~/utils/env.server";
import { verifyWebhook, type Stripe } from "~/services/stripe.server";
import { applyStripeEvent } from "~/models/billing/stripe-sync.server";

export async function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
  const secret = env().STRIPE_WEBHOOK_SECRET;
  // Not connected: there is no endpoint to deliver to (a 404, not a server error; Stripe only sends where it was set up).
  if (!secret || !env().STRIPE_SECRET_KEY) return json({ error: "Stripe is not connected" }, { status: 404 });
  const body = await request.text();
  let event: Stripe.Event;
  try {
    event = verifyWebhook(body, request.headers.get("stripe-signature"), secret);
  } catch {
    return json({ error: "Invalid signature" }, { status: 400 });
  }
  try {
    const outcome = await applyStripeEvent(event);
    return json({ received: true, outcome });
  } catch (e) {
    console.warn("[stripe webhook]", event.id, event.type, e instanceof Error ? e.message : e);
    return json({ error: "Not applied, retry later" }, { status: 500 });
  }
}
