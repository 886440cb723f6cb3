// The billing run against the local fake Stripe (through the real SDK): faults, two workers, a dispute resolved
// during the run. Figures in docs/decisions/0017-billing-run.md.
import { prisma } from "~/utils/db.server";
import { disputeMeeting, resolveDispute } from "~/models/meetings/review.server";
import { runBilling, invoiceNow } from "~/models/billing/billing-run.server";
import { voidLedgerItem } from "~/models/billing/ledger.server";
import { addPeriods, periodOf } from "~/domain/billing/billing";
import { FakeStripe } from "../fakes/stripe";
import { useEnv } from "./helpers";
import { billableMeeting, heldMeeting, pricedWorld } from "../factories";

const period = periodOf(new Date());
/** The billing day (the 5th) of next month: the run invoices this month. */
const billingDay = new Date(`${addPeriods(period, 1)}-05T06:00:00Z`);
const endOfMonth = new Date(new Date(`${addPeriods(period, 1)}-01T00:00:00Z`).getTime() - 60_000);

let fake: FakeStripe;
const setEnv = useEnv();
beforeEach(async () => {
  fake = await new FakeStripe().start();
  setEnv(fake.env({ STRIPE_TIMEOUT_MS: "400", APP_URL: "https://portal.test" }));
});
afterEach(async () => {
  await fake.stop();
});

async function clientsWithMeetings(n: number, meetings: number) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const { w, a } = await pricedWorld({ pricing: { billingDay: 5, locale: i % 2 ? "en" : "fr" } });
    const ids = [];
    for (let j = 0; j < meetings; j++) ids.push(await billableMeeting(w, a));
    out.push({ w, a, ids });
  }
  return out;
}

/** Per Stripe customer: its invoices and, per invoice, the ledger ids of its lines. */
function stripeInvoicesByCustomer() {
  const by = new Map<string, { id: string; status: string; lines: string[]; total: number }[]>();
  for (const inv of fake.invoices.values()) {
    const list = by.get(inv.customer) ?? [];
    list.push({ id: inv.id, status: inv.status, total: inv.total, lines: inv.lines.data.map((l: { metadata: { rdvLedgerItemId: string } }) => l.metadata.rdvLedgerItemId) });
    by.set(inv.customer, list);
  }
  return by;
}

describe("the billing run", () => {
  test("without Stripe keys nothing is sent and nothing fails", async () => {
    setEnv({ STRIPE_SECRET_KEY: undefined });
    await clientsWithMeetings(1, 1);
    expect(await runBilling(billingDay)).toEqual({ invoiced: [], failed: [], skipped: 0 });
    expect(await prisma.invoice.count()).toBe(0);
  });

  test("a client without a billing email is not invoiced; its items wait in the ledger", async () => {
    const { w, a } = await pricedWorld({ pricing: { billingDay: 5, billingEmail: undefined } });
    await billableMeeting(w, a);
    expect((await runBilling(billingDay)).invoiced).toEqual([]);
    expect(await prisma.invoice.count()).toBe(0);
    expect(await prisma.ledgerItem.count({ where: { clientCompanyId: w.client.id, invoiceId: null } })).toBe(1);
  });

  test("one invoice per client, one line per billable meeting and the retainer, described in the client's language with a link", async () => {
    const clients = await clientsWithMeetings(2, 3);
    const r = await runBilling(billingDay);
    expect(r.failed).toEqual([]);
    for (const { w, ids } of clients) {
      const invoices = await prisma.invoice.findMany({ where: { clientCompanyId: w.client.id }, include: { items: true } });
      expect(invoices).toHaveLength(1);
      const inv = invoices[0];
      expect(inv).toMatchObject({ period, status: "OPEN", currency: "EUR", subtotal: 150_000 + 3 * 35_000, tax: (150_000 + 3 * 35_000) / 5 });
      expect(inv.total).toBe(inv.subtotal + inv.tax);
      expect(inv.hostedInvoiceUrl).toMatch(/^https:\/\/invoice\.stripe\.test\//);
      expect(inv.items.map((i) => i.meetingId).filter(Boolean).sort()).toEqual([...ids].sort());
      expect(inv.items.every((i) => i.stripeInvoiceItemId)).toBe(true);
    }
    const remote = [...fake.invoices.values()];
    expect(remote).toHaveLength(2);
    const fr = remote.find((i) => i.lines.data.some((l: { description: string }) => l.description.startsWith("Rendez-vous qualifié")))!;
    const line = fr.lines.data.find((l: { metadata: { rdvMeetingId?: string } }) => l.metadata.rdvMeetingId);
    expect(line.description).toMatch(/^Rendez-vous qualifié\u202f: Transports Morel, le .+ https:\/\/portal\.test\/campaigns\/.+\/meetings\/.+$/);
    expect(remote.find((i) => i !== fr)!.lines.data.some((l: { description: string }) => l.description.startsWith("Qualified meeting: Transports Morel"))).toBe(true);
    // The customer carries the VAT number as its tax id.
    expect([...fake.customers.values()][0].tax_ids.data[0]).toMatchObject({ type: "eu_vat", value: "FR40303265045" });
    // Each client admin is told once; a second run sends nothing more to Stripe.
    expect(await prisma.emailOutbox.count({ where: { template: "invoice-issued" } })).toBe(2);
    const calls = fake.calls.length;
    await runBilling(billingDay);
    expect(fake.calls.filter((c, i) => i >= calls && c.method === "POST")).toEqual([]);
    expect(await prisma.emailOutbox.count({ where: { template: "invoice-issued" } })).toBe(2);
  });

  test("Stripe failing or timing out on a share of calls: the run is retried until complete, with no second line or invoice", async () => {
    const clients = await clientsWithMeetings(3, 4);
    fake.failRate = 0.2;
    fake.timeoutRate = 0.15;
    fake.hangMs = 600;
    let passes = 0;
    for (;;) {
      passes += 1;
      const r = await runBilling(billingDay, { throwOnFailure: false });
      if (!r.failed.length && (await prisma.invoice.count({ where: { issuedAt: null } })) === 0) break;
      if (passes > 40) throw new Error("the run never completed");
    }
    const outcomes = fake.calls.reduce<Record<string, number>>((m, c) => ({ ...m, [c.outcome]: (m[c.outcome] ?? 0) + 1 }), {});
    console.info(`[billing faults] ${passes} passes, ${fake.calls.length} calls to Stripe:`, JSON.stringify(outcomes));
    expect(fake.calls.some((c) => c.outcome === "failed")).toBe(true);
    expect(fake.calls.some((c) => c.outcome === "timeout")).toBe(true);
    expect(fake.calls.some((c) => c.outcome === "replayed")).toBe(true);
    const byCustomer = stripeInvoicesByCustomer();
    expect(byCustomer.size).toBe(3);
    for (const { w, ids } of clients) {
      const profile = await prisma.billingProfile.findUniqueOrThrow({ where: { clientCompanyId: w.client.id } });
      const remote = byCustomer.get(profile.stripeCustomerId!)!;
      expect(remote).toHaveLength(1);
      const items = await prisma.ledgerItem.findMany({ where: { clientCompanyId: w.client.id } });
      expect(items).toHaveLength(ids.length + 1);
      expect([...remote[0].lines].sort()).toEqual(items.map((i) => i.id).sort());
      expect(await prisma.invoice.findMany({ where: { clientCompanyId: w.client.id } })).toEqual([expect.objectContaining({ status: "OPEN", stripeInvoiceId: remote[0].id, total: remote[0].total })]);
    }
    // No orphan invoice items at Stripe either (every one made is on its invoice).
    expect([...fake.invoiceItems.values()]).toHaveLength(3 * 5);
  }, 120_000);

  test("two workers running the job at once make one invoice per client and period", async () => {
    const clients = await clientsWithMeetings(3, 2);
    const results = await Promise.all([runBilling(billingDay, { throwOnFailure: false }), runBilling(billingDay, { throwOnFailure: false })]);
    // A worker that found the invoice leased by the other skips it; the next pass completes anything left.
    if (results.some((r) => r.failed.length) || (await prisma.invoice.count({ where: { issuedAt: null } }))) await runBilling(billingDay);
    expect(await prisma.invoice.count()).toBe(3);
    expect(fake.invoices.size).toBe(3);
    for (const list of stripeInvoicesByCustomer().values()) expect(list).toHaveLength(1);
    expect(fake.invoiceItems.size).toBe(3 * 3);
    expect(clients).toHaveLength(3);
  });

  test("a dispute resolved at the same instant as the run is on this invoice or the next, never both, never neither", async () => {
    const { w, a } = await pricedWorld({ pricing: { billingDay: 5 } });
    await billableMeeting(w, a);
    const disputed: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = await heldMeeting(w, a);
      await disputeMeeting(w.clientAdmin, id, [{ criterionId: a.criteria[0].id, reason: "Not the buyer" }]);
      disputed.push(id);
    }
    // Resolved in the last minute of the month (so they belong to this month's invoice if they commit in time).
    await Promise.all([
      runBilling(billingDay, { throwOnFailure: false }),
      ...disputed.map((id) => resolveDispute(w.am, id, { decision: "DISPUTE_REJECTED", reasoning: "Recording shows budget authority." }, undefined, endOfMonth)),
    ]);
    await runBilling(billingDay);
    // Next month's run takes whatever missed this one.
    await runBilling(new Date(`${addPeriods(period, 2)}-05T06:00:00Z`));
    const items = await prisma.ledgerItem.findMany({ where: { meetingId: { in: disputed } } });
    expect(items).toHaveLength(disputed.length);
    expect(items.every((i) => i.invoiceId && i.stripeInvoiceItemId)).toBe(true);
    const lines = [...fake.invoices.values()].flatMap((inv) => inv.lines.data.map((l: { metadata: { rdvLedgerItemId: string } }) => l.metadata.rdvLedgerItemId));
    for (const item of items) expect(lines.filter((l) => l === item.id)).toHaveLength(1);
  });

  test("invoice now bills this month so far; a void after invoicing becomes a credit note on that line", async () => {
    const { w, a } = await pricedWorld();
    const [keep, gone] = [await billableMeeting(w, a), await billableMeeting(w, a)];
    const r = await invoiceNow(w.admin, w.client.id);
    expect(r.error).toBeNull();
    const inv = await prisma.invoice.findUniqueOrThrow({ where: { id: r.invoiceId } });
    expect(inv).toMatchObject({ period, status: "OPEN", subtotal: 150_000 + 70_000 });
    await expect(invoiceNow(w.admin, w.client.id)).rejects.toMatchObject({ code: "CONFLICT" });
    const item = await prisma.ledgerItem.findFirstOrThrow({ where: { meetingId: gone } });
    const credit = await voidLedgerItem(w.admin, item.id, "Goodwill: the prospect had just signed with a competitor");
    expect(credit.invoiceId).toBe(inv.id);
    await runBilling(billingDay);
    const notes = [...fake.creditNotes.values()];
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ invoice: inv.stripeInvoiceId, total: 42_000, memo: "Goodwill: the prospect had just signed with a competitor" });
    const after = await prisma.invoice.findUniqueOrThrow({ where: { id: inv.id }, include: { creditNotes: true } });
    expect(after.creditedAmount).toBe(42_000);
    expect(after.creditNotes).toHaveLength(1);
    expect((await prisma.ledgerItem.findUniqueOrThrow({ where: { id: credit.id } })).stripeCreditNoteId).toBe(notes[0].id);
    await runBilling(billingDay);
    expect(fake.creditNotes.size).toBe(1);
    expect(keep).toBeTruthy();
  });
});
