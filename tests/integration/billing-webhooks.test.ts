// The Stripe webhook route, called with real signed Requests (the SDK's test header helper), against the fake.
import { prisma } from "~/utils/db.server";
import { action } from "~/routes/webhooks+/stripe";
import { runBilling } from "~/models/billing/billing-run.server";
import { voidLedgerItem } from "~/models/billing/ledger.server";
import { billingActionCounts } from "~/models/billing/billing.server";
import { addPeriods, periodOf } from "~/domain/billing/billing";
import { FakeStripe, type FakeEvent } from "../fakes/stripe";
import { useEnv } from "./helpers";
import { billableMeeting, pricedWorld } from "../factories";

const billingDay = new Date(`${addPeriods(periodOf(new Date()), 1)}-05T06:00:00Z`);
let fake: FakeStripe;
const setEnv = useEnv();
beforeEach(async () => {
  fake = await new FakeStripe({ seed: 7 }).start();
  setEnv(fake.env({ STRIPE_TIMEOUT_MS: "2000" }));
});
afterEach(async () => {
  await fake.stop();
});

async function post(payload: string, header: string | null) {
  const request = new Request("http://localhost/webhooks/stripe", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(header ? { "Stripe-Signature": header } : {}) },
    body: payload,
  });
  const res = await action({ request, params: {}, context: {} });
  return res.status;
}

const deliver = (e: FakeEvent) => {
  const { payload, header } = fake.signed(e);
  return post(payload, header);
};

/** What we hold about every invoice, comparable between two passes. */
async function invoiceState() {
  const rows = await prisma.invoice.findMany({ orderBy: { id: "asc" }, include: { creditNotes: { orderBy: { stripeId: "asc" } } } });
  return rows.map((r) => ({
    id: r.id, status: r.status, total: r.total, amountPaid: r.amountPaid, amountRemaining: r.amountRemaining, creditedAmount: r.creditedAmount,
    number: r.number, hostedInvoiceUrl: r.hostedInvoiceUrl, paidAt: r.paidAt?.toISOString() ?? null,
    creditNotes: r.creditNotes.map((c) => ({ stripeId: c.stripeId, amount: c.amount, status: c.status })),
  }));
}

async function invoicedClients(n: number) {
  const worlds = [];
  for (let i = 0; i < n; i++) {
    const { w, a } = await pricedWorld({ pricing: { billingDay: 5 } });
    for (let j = 0; j < 2; j++) await billableMeeting(w, a);
    worlds.push(w);
  }
  await runBilling(billingDay);
  return worlds;
}

describe("POST /webhooks/stripe", () => {
  test("a forged, tampered, unsigned or replayed (old timestamp) event gets 400 and changes nothing", async () => {
    await invoicedClients(1);
    const inv = [...fake.invoices.values()][0];
    fake.pay(inv.id);
    const paid = fake.events.at(-2)!;
    const before = await invoiceState();
    const { payload } = fake.signed(paid);
    expect(await post(payload, fake.signed(paid, { secret: "whsec_someone_else" }).header)).toBe(400);
    expect(await post(payload.replace('"paid"', '"void"'), fake.signed(paid).header)).toBe(400);
    expect(await post(payload, null)).toBe(400);
    expect(await post(payload, "t=1,v1=deadbeef")).toBe(400);
    const old = fake.signed(paid, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(await post(old.payload, old.header)).toBe(400);
    expect(await prisma.stripeEvent.count()).toBe(0);
    expect(await invoiceState()).toEqual(before);
    // The same event, properly signed now, is applied; then its repetition is a no-op.
    expect(await deliver(paid)).toBe(200);
    expect((await prisma.invoice.findFirstOrThrow()).status).toBe("PAID");
    expect(await deliver(paid)).toBe(200);
    expect(await prisma.stripeEvent.count()).toBe(1);
  });

  test("unknown events get 200; a failure gets 500 and the retry applies it", async () => {
    const worlds = await invoicedClients(1);
    const unknown: FakeEvent = { id: "evt_unknown_1", type: "charge.dispute.funds_withdrawn", created: 1, object: { object: "dispute", id: "dp_1" } };
    expect(await deliver(unknown)).toBe(200);
    const inv = [...fake.invoices.values()][0];
    fake.failPayment(inv.id);
    const failed = fake.events.at(-1)!;
    fake.failRate = 1;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await deliver(failed)).toBe(500);
    warn.mockRestore();
    expect((await prisma.invoice.findFirstOrThrow()).status).toBe("OPEN");
    fake.failRate = 0;
    expect(await deliver(failed)).toBe(200);
    expect((await prisma.invoice.findFirstOrThrow()).status).toBe("PAYMENT_FAILED");
    // The client admin (and the agency admin) are told once, however many times the event comes.
    expect(await deliver(failed)).toBe(200);
    expect(await prisma.emailOutbox.count({ where: { template: "payment-failed", to: worlds[0].clientAdmin.email } })).toBe(1);
    expect(await prisma.emailOutbox.count({ where: { template: "payment-failed", to: worlds[0].admin.email } })).toBe(1);
    expect(await prisma.notification.count({ where: { kind: "PAYMENT_FAILED" } })).toBe(2);
    // The agency admin and the client's AM see it among their action items; another agency does not.
    expect(await billingActionCounts(worlds[0].admin)).toMatchObject({ failed: 1 });
    expect(await billingActionCounts(worlds[0].am)).toMatchObject({ failed: 1 });
    const other = await pricedWorld();
    expect(await billingActionCounts(other.w.admin)).toEqual({ failed: 0, overdue: 0 });
  });

  test("1,000 events over several invoices' lives, shuffled, repeated, some failing: the same state as one clean ordered pass", async () => {
    const worlds = await invoicedClients(8);
    const rand = (() => {
      let s = 12345;
      return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    })();
    const shuffle = <T,>(xs: T[]) => {
      const a = [...xs];
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    };
    const invoices = [...fake.invoices.values()].map((i) => i.id);
    // Lives: paid; failed twice then paid; void; uncollectible after a failure; credit note then paid; credit note, failed.
    const voidItem = async (w: (typeof worlds)[number]) => {
      const item = await prisma.ledgerItem.findFirstOrThrow({ where: { clientCompanyId: w.client.id, kind: "MEETING" } });
      await voidLedgerItem(w.admin, item.id, "Replacement meeting");
      await runBilling(billingDay);
    };
    const steps: (() => Promise<void> | void)[] = [
      () => fake.pay(invoices[0]),
      () => fake.failPayment(invoices[1]),
      () => fake.voidInvoice(invoices[2]),
      () => fake.failPayment(invoices[3]),
      () => voidItem(worlds[4]),
      () => voidItem(worlds[5]),
      () => fake.failPayment(invoices[1]),
      () => fake.markUncollectible(invoices[3]),
      () => fake.pay(invoices[4]),
      () => fake.pay(invoices[1]),
      () => fake.failPayment(invoices[5]),
    ];
    // Then weeks of Stripe's smart retries on the open ones and invoice.updated noise on all of them.
    for (let round = 0; round < 120; round++) {
      steps.push(() => {
        const id = invoices[Math.floor(rand() * invoices.length)];
        if ([invoices[5], invoices[6], invoices[7]].includes(id) && rand() < 0.6) fake.failPayment(id);
        else fake.touch(id);
      });
    }
    steps.push(() => fake.pay(invoices[6]));
    const delivered = new Set<string>();
    let posts = 0;
    let failures = 0;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const postSome = async (events: FakeEvent[]) => {
      for (const e of events) {
        fake.failRate = rand() < 0.05 ? 1 : 0;
        const status = await deliver(e);
        posts += 1;
        if (status === 500) failures += 1;
        else {
          expect(status).toBe(200);
          delivered.add(e.id);
        }
      }
      fake.failRate = 0;
    };
    for (const step of steps) {
      await step();
      // Some of what happened so far arrives now, out of order, some of it twice.
      const pending = fake.events.slice(-12).filter(() => rand() < 0.5);
      await postSome(shuffle([...pending, ...pending.filter(() => rand() < 0.3)]));
    }
    // Then everything, shuffled and repeated, until 1,000 posts, and the failed ones again (Stripe retries).
    while (posts < 1000 - fake.events.length) await postSome(shuffle(fake.events).slice(0, Math.min(200, 1000 - fake.events.length - posts)));
    await postSome(shuffle(fake.events));
    while (fake.events.some((e) => !delivered.has(e.id))) await postSome(fake.events.filter((e) => !delivered.has(e.id)));
    warn.mockRestore();
    console.info(`[webhooks] ${posts} posts of ${fake.events.length} distinct events, ${failures} answered 500 and were retried`);
    expect(posts).toBeGreaterThanOrEqual(1000);
    expect(failures).toBeGreaterThan(0);
    expect(await prisma.stripeEvent.count()).toBe(new Set(fake.events.map((e) => e.id)).size);
    const shuffled = await invoiceState();

    // One clean ordered pass from the same starting point.
    await prisma.stripeEvent.deleteMany();
    await prisma.creditNote.deleteMany();
    await prisma.invoice.updateMany({ data: { status: "PENDING", total: 0, amountPaid: 0, amountRemaining: 0, creditedAmount: 0, number: null, hostedInvoiceUrl: null, paidAt: null } });
    for (const e of fake.events) expect(await deliver(e)).toBe(200);
    expect(shuffled).toEqual(await invoiceState());

    // And that state is Stripe's.
    const byStripe = new Map([...fake.invoices.values()].map((i) => [i.id, i]));
    const ours = await prisma.invoice.findMany();
    const expected: Record<string, string> = { paid: "PAID", void: "VOID", uncollectible: "UNCOLLECTIBLE" };
    for (const o of ours) {
      const r = byStripe.get(o.stripeInvoiceId!)!;
      const want = r.status === "open" ? (r.attempt_count ? "PAYMENT_FAILED" : "OPEN") : expected[r.status];
      expect(o.status).toBe(want);
      expect(o.amountRemaining).toBe(r.amount_remaining);
    }
    expect(ours.map((o) => o.status).sort()).toEqual(["PAID", "PAID", "PAID", "PAID", "PAYMENT_FAILED", "PAYMENT_FAILED", "UNCOLLECTIBLE", "VOID"]);
    expect(await prisma.creditNote.count()).toBe(2);
  }, 240_000);
});
