// Demo invoices without Stripe keys, through the real code path: the real billing run for the past periods talks,
// through the real Stripe SDK, to our in-process fake of the Stripe API (tests/fakes/stripe.ts, on a free local
// port), then the events the fake recorded (finalized, sent, paid, payment failed) are signed with the fake's secret
// and posted to our real webhook route. What lands in the database (invoices, lines, statuses, links, ledger items
// marked invoiced) is what production would hold. With real Stripe keys set, nothing here runs: no fake invoices.
import { prisma } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { runBilling } from "~/models/billing/billing-run.server";
import { action as stripeWebhook } from "~/routes/webhooks+/stripe";
import { addPeriods, periodOf } from "~/domain/billing/billing";
import { FakeStripe } from "../tests/fakes/stripe";

const STRIPE_VARS = ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_HOST", "STRIPE_API_PORT", "STRIPE_API_PROTOCOL", "STRIPE_TIMEOUT_MS"] as const;

/**
 * Invoices the demo's past periods: the real run on each billing day of the two previous months and of this one
 * (each bills the month before for the clients whose day it is), up to now. Per client, older invoices are paid; the latest
 * is left open, except Acme's (the demo client admin's company), whose payment fails. Returns the number of invoices.
 */
export async function seedDemoInvoices(now = new Date()) {
  if (process.env.STRIPE_SECRET_KEY) return 0; // Real keys: the real billing job invoices, never the demo.
  if (await prisma.invoice.count()) return 0; // Already invoiced: the fake's objects are gone, nothing to redo.
  const saved = Object.fromEntries(STRIPE_VARS.map((k) => [k, process.env[k]]));
  let simulated = now;
  const fake = await new FakeStripe({ webhookSecret: "whsec_demo_fake" }).start();
  fake.clock = () => Math.floor(simulated.getTime() / 1000);
  Object.assign(process.env, fake.env({ STRIPE_TIMEOUT_MS: "5000" }));
  resetEnvCache();
  try {
    // Each client's billing day of the two previous months and this one (past days only), in order: issue dates read true.
    const days = [...new Set((await prisma.billingProfile.findMany({ select: { billingDay: true } })).map((p) => p.billingDay))].sort((a, b) => a - b);
    const runs = [-2, -1, 0].flatMap((b) => days.map((d) => new Date(`${addPeriods(periodOf(now), b)}-${String(d).padStart(2, "0")}T06:00:00Z`))).filter((at) => at <= now);
    for (const at of runs) {
      simulated = at;
      await runBilling(at);
    }
    const invoices = await prisma.invoice.findMany({
      where: { stripeInvoiceId: { not: null } },
      orderBy: [{ clientCompanyId: "asc" }, { period: "asc" }],
      select: { stripeInvoiceId: true, clientCompanyId: true, clientCompany: { select: { name: true } } },
    });
    invoices.forEach((inv, i) => {
      const latest = invoices[i + 1]?.clientCompanyId !== inv.clientCompanyId;
      const sid = inv.stripeInvoiceId!;
      if (!latest) fake.pay(sid);
      else if (inv.clientCompany.name === "Acme Logistique") fake.failPayment(sid);
    });
    simulated = now;
    for (const e of fake.events) {
      const { payload, header } = fake.signed(e);
      const request = new Request("http://localhost/webhooks/stripe", { method: "POST", headers: { "Content-Type": "application/json", "Stripe-Signature": header }, body: payload });
      const res = await stripeWebhook({ request, params: {}, context: {} });
      if (res.status !== 200) throw new Error(`Demo invoices: the webhook answered ${res.status} to ${e.type}`);
    }
    return invoices.length;
  } finally {
    for (const k of STRIPE_VARS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    resetEnvCache();
    await fake.stop();
  }
}
