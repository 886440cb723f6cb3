// The demo's invoices: the real billing run against the in-process fake Stripe, events through the real webhook route.
import { prisma } from "~/utils/db.server";
import { actorForUser } from "~/utils/auth.server";
import { periodOf } from "~/domain/billing/billing";
import { seedDemoPricing, seedPastBillableMeetings } from "../../prisma/seed-billing";
import { seedDemoInvoices } from "../../prisma/seed-invoices";
import { createActiveCampaignWithAgreement, createAgencyWithClient } from "../factories";
import { useEnv } from "./helpers";

const setEnv = useEnv();

async function demoClient() {
  const w = await createAgencyWithClient({ clientName: "Acme Logistique" });
  await prisma.campaign.update({ where: { id: w.campaign.id }, data: { startDate: new Date(Date.now() - 150 * 86400_000), endDate: new Date(Date.now() + 90 * 86400_000) } });
  await createActiveCampaignWithAgreement(w);
  await seedDemoPricing((await actorForUser(w.admin.userId))!);
  expect(await seedPastBillableMeetings(w.campaign.id)).toBeGreaterThan(0);
  return w;
}

it("invoices the demo's past periods: older ones paid, the latest one's payment failed, totals equal to the ledger", async () => {
  setEnv({ STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined, STRIPE_API_HOST: undefined, STRIPE_API_PORT: undefined, STRIPE_API_PROTOCOL: undefined });
  const w = await demoClient();
  const n = await seedDemoInvoices();
  expect(n).toBeGreaterThanOrEqual(2);
  const invoices = await prisma.invoice.findMany({ where: { clientCompanyId: w.client.id }, orderBy: { period: "asc" }, include: { items: true } });
  expect(invoices.length).toBe(n);
  expect(invoices.map((i) => i.status)).toEqual([...Array(n - 1).fill("PAID"), "PAYMENT_FAILED"]);
  for (const inv of invoices) {
    expect(inv.stripeInvoiceId).toMatch(/^in_fake/);
    expect(inv.number).toBeTruthy();
    expect(inv.hostedInvoiceUrl).toBeTruthy();
    expect(inv.issuedAt).not.toBeNull();
    expect(inv.items.length).toBeGreaterThan(0);
    expect(inv.subtotal).toBe(inv.items.reduce((s, l) => s + l.amount, 0));
    expect(inv.total).toBe(Math.round(inv.subtotal * 1.2)); // French VAT 20 %
    expect(inv.amountRemaining).toBe(inv.status === "PAID" ? 0 : inv.total);
  }
  // Every meeting of a past, invoiced period is on exactly one invoice; this month's items wait for the next run.
  const last = invoices.at(-1)!.period;
  expect(await prisma.ledgerItem.count({ where: { clientCompanyId: w.client.id, kind: "MEETING", period: { lte: last }, invoiceId: null } })).toBe(0);
  expect(await prisma.ledgerItem.count({ where: { clientCompanyId: w.client.id, period: periodOf(new Date()), invoiceId: { not: null } } })).toBe(0);
  // The Stripe environment is put back as it was: the portal stays "not connected".
  expect(process.env.STRIPE_SECRET_KEY).toBeUndefined();
  // Idempotent: a second call changes nothing.
  expect(await seedDemoInvoices()).toBe(0);
  expect(await prisma.invoice.count()).toBe(n);
});

it("creates no fake invoice when real Stripe keys are set", async () => {
  await demoClient();
  setEnv({ STRIPE_SECRET_KEY: "sk_live_real_key" });
  expect(await seedDemoInvoices()).toBe(0);
  expect(await prisma.invoice.count()).toBe(0);
});
