// Stripe back into our invoices. Webhooks say "something changed"; we never trust their order or payload: the
// invoice and its credit notes are re-read from Stripe under a lock on our invoice row, so any order of events,
// repeated or not, converges on Stripe's current state. Credits of invoiced items become credit notes here too.
import { prisma } from "~/utils/db.server";
import { statusFromStripe, type InvoiceStatus } from "~/domain/billing/billing";
import { stripeClient, type Stripe } from "~/services/stripe.server";
import { enqueueEmails } from "~/services/queue.server";
import { notifyPaymentFailed } from "./billing-notices.server";

const toDate = (s: number | null | undefined) => (s ? new Date(s * 1000) : null);

/** The Stripe id of the invoice an event is about (null: not about an invoice). */
function invoiceIdOf(event: Stripe.Event): string | null {
  const obj = event.data.object as { object?: string; id?: string; invoice?: string | { id: string } | null };
  if (obj.object === "invoice") return obj.id ?? null;
  if (obj.object === "credit_note" || obj.object === "line_item" || obj.object === "invoiceitem") {
    const inv = obj.invoice;
    return typeof inv === "string" ? inv : inv?.id ?? null;
  }
  return null;
}

export type EventOutcome = "applied" | "duplicate" | "ignored";

/** Applies one verified webhook event once (by its id). Throws on a failure, so the route answers 500 and Stripe retries. */
export async function applyStripeEvent(event: Stripe.Event): Promise<EventOutcome> {
  const stripeInvoiceId = invoiceIdOf(event);
  await prisma.stripeEvent.createMany({ data: [{ id: event.id, type: event.type, objectId: stripeInvoiceId }], skipDuplicates: true });
  const stored = await prisma.stripeEvent.findUniqueOrThrow({ where: { id: event.id } });
  if (stored.processedAt) return "duplicate";
  let outcome: EventOutcome = "ignored";
  if (stripeInvoiceId) outcome = (await syncStripeInvoice(stripeInvoiceId)) ? "applied" : "ignored";
  await prisma.stripeEvent.update({ where: { id: event.id }, data: { processedAt: new Date() } });
  return outcome;
}

/** Re-reads a Stripe invoice (by its Stripe id) into ours; false when it is not one of ours. */
export async function syncStripeInvoice(stripeInvoiceId: string, now = new Date()): Promise<boolean> {
  const stripe = stripeClient();
  if (!stripe) throw new Error("Stripe is not connected");
  let local = await prisma.invoice.findUnique({ where: { stripeInvoiceId }, select: { id: true } });
  if (!local) {
    // The run may have created it at Stripe and not stored its id yet: the metadata names ours.
    const remote = await stripe.invoices.retrieve(stripeInvoiceId);
    const ours = remote.metadata?.rdvInvoiceId;
    if (!ours) return false;
    local = await prisma.invoice.findUnique({ where: { id: ours }, select: { id: true } });
    if (!local) return false;
  }
  await syncInvoice(local.id, now);
  return true;
}

/**
 * Converges one of our invoices on Stripe's current state: status, amounts, links, credit notes. Holds a lock
 * on the row while it reads, so two syncs at once cannot write an older read over a newer one.
 */
export async function syncInvoice(invoiceId: string, now = new Date()) {
  const stripe = stripeClient();
  if (!stripe) throw new Error("Stripe is not connected");
  const emails = await prisma.$transaction(
    async (tx) => {
      const [local] = await tx.$queryRaw<{ id: string; stripeInvoiceId: string | null; status: InvoiceStatus; issuedAt: Date | null }[]>`
        SELECT "id", "stripeInvoiceId", "status", "issuedAt" FROM "Invoice" WHERE "id" = ${invoiceId} FOR UPDATE`;
      if (!local?.stripeInvoiceId) return [];
      const remote = await stripe.invoices.retrieve(local.stripeInvoiceId);
      const notes = await stripe.creditNotes.list({ invoice: local.stripeInvoiceId, limit: 100 });
      let status = statusFromStripe(remote);
      // Still a draft: our run is issuing it (it sets issuedAt once sent).
      if (status === "DRAFT" && !local.issuedAt) status = "PENDING";
      const credited = notes.data.filter((n) => n.status !== "void").reduce((s, n) => s + n.total, 0);
      await tx.invoice.update({
        where: { id: local.id },
        data: {
          status,
          number: remote.number,
          subtotal: remote.subtotal,
          tax: (remote.total_taxes ?? []).reduce((s, t) => s + t.amount, 0),
          total: remote.total,
          amountPaid: remote.amount_paid,
          amountRemaining: remote.amount_remaining,
          creditedAmount: credited,
          hostedInvoiceUrl: remote.hosted_invoice_url ?? null,
          invoicePdf: remote.invoice_pdf ?? null,
          dueDate: toDate(remote.due_date),
          paidAt: toDate(remote.status_transitions?.paid_at),
        },
      });
      for (const n of notes.data) {
        await tx.creditNote.upsert({
          where: { stripeId: n.id },
          create: { invoiceId: local.id, stripeId: n.id, number: n.number, amount: n.total, status: n.status, pdf: n.pdf },
          update: { number: n.number, amount: n.total, status: n.status, pdf: n.pdf },
        });
        const creditItemId = n.metadata?.rdvLedgerItemId;
        if (creditItemId) await tx.ledgerItem.updateMany({ where: { id: creditItemId, kind: "CREDIT", stripeCreditNoteId: null }, data: { stripeCreditNoteId: n.id } });
      }
      // Told once, and only while it is the current state (a failure already followed by a payment says nothing).
      if (status === "PAYMENT_FAILED") {
        const first = await tx.invoice.updateMany({ where: { id: local.id, failedNotifiedAt: null }, data: { failedNotifiedAt: now } });
        if (first.count) return notifyPaymentFailed(tx, local.id);
      }
      return [];
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
  await enqueueEmails(emails);
}

/**
 * Credits of invoiced items become credit notes on the invoice line of the item they cancel, once the invoice
 * is issued. Keyed by the credit item's id, so a retry never makes a second credit note.
 */
export async function issuePendingCreditNotes(clientId?: string) {
  const stripe = stripeClient();
  if (!stripe) return 0;
  const credits = await prisma.ledgerItem.findMany({
    where: {
      kind: "CREDIT",
      stripeCreditNoteId: null,
      invoice: { issuedAt: { not: null }, stripeInvoiceId: { not: null }, status: { notIn: ["VOID", "PENDING", "DRAFT"] } },
      ...(clientId ? { clientCompanyId: clientId } : {}),
    },
    include: { creditOf: { select: { stripeInvoiceItemId: true } }, invoice: { select: { id: true, stripeInvoiceId: true, status: true } } },
    take: 200,
  });
  let issued = 0;
  for (const c of credits) {
    const inv = c.invoice!;
    const target = c.creditOf?.stripeInvoiceItemId;
    if (!target) continue;
    let line: Stripe.InvoiceLineItem | undefined;
    for await (const l of stripe.invoices.listLineItems(inv.stripeInvoiceId!, { limit: 100 })) {
      if (l.parent?.invoice_item_details?.invoice_item === target) {
        line = l;
        break;
      }
    }
    if (!line) continue;
    const lineTotal = line.amount + (line.taxes ?? []).reduce((s, t) => s + t.amount, 0);
    const note = await stripe.creditNotes.create(
      {
        invoice: inv.stripeInvoiceId!,
        lines: [{ type: "invoice_line_item", invoice_line_item: line.id, quantity: 1 }],
        reason: "order_change",
        memo: (c.voidReason ?? "").slice(0, 500),
        metadata: { rdvLedgerItemId: c.id, ...(c.creditOfId ? { rdvCreditOf: c.creditOfId } : {}) },
        // Once paid, the credit goes to the customer's balance (no refund is sent from here).
        ...(inv.status === "PAID" ? { credit_amount: lineTotal } : {}),
      },
      { idempotencyKey: `rdv-credit-note-${c.id}` },
    );
    await prisma.ledgerItem.update({ where: { id: c.id }, data: { stripeCreditNoteId: note.id } });
    await syncInvoice(inv.id);
    issued += 1;
  }
  return issued;
}
