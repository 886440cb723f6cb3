// A client company's invoices (issued, payment failed) notify its admins (and, for a failed payment, the agency's
// admins): notifications and emails at once written in the caller's transaction; returns the outbox ids to queue
// once it commits.
import type { Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { notify } from "~/models/notifications/write.server";
import { translate, type Locale } from "~/i18n";
import { formatMoney } from "~/domain/billing/billing";

function origin() {
  return env().APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

async function context(tx: Tx, invoiceId: string) {
  const inv = await tx.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    include: { clientCompany: { select: { name: true, agency: { select: { name: true } } } }, _count: { select: { items: { where: { kind: "MEETING" } } } } },
  });
  return { inv };
}

async function notifyInvoice(tx: Tx, invoiceId: string, template: "invoice-issued" | "payment-failed") {
  const { inv } = await context(tx, invoiceId);
  const failed = template === "payment-failed";
  const total = (locale: Locale) => formatMoney(locale, inv.total, inv.currency);
  const event = {
    agencyId: inv.agencyId,
    clientCompanyId: inv.clientCompanyId,
    kind: failed ? ("PAYMENT_FAILED" as const) : ("INVOICE_ISSUED" as const),
    href: `/billing/${inv.clientCompanyId}?invoice=${inv.id}`,
    text: (locale: Locale) => ({
      title: translate(locale, failed ? "notifications.paymentFailed.title" : "notifications.invoiceIssued.title", { number: inv.number ?? "", period: inv.period }),
      body: translate(locale, failed ? "notifications.paymentFailed.body" : "notifications.invoiceIssued.body", { client: inv.clientCompany.name, period: inv.period, total: total(locale) }),
    }),
  };
  return notify(tx, event, {
    template,
    props: (locale) => ({
      locale,
      agency: inv.clientCompany.agency.name,
      client: inv.clientCompany.name,
      period: inv.period,
      number: inv.number,
      total: inv.total,
      currency: inv.currency,
      meetingCount: inv._count.items,
      dueDate: inv.dueDate?.toISOString() ?? null,
      payUrl: inv.hostedInvoiceUrl,
      url: `${origin()}/billing/${inv.clientCompanyId}?invoice=${inv.id}`,
    }),
  });
}

export const notifyInvoiceIssued = (tx: Tx, invoiceId: string) => notifyInvoice(tx, invoiceId, "invoice-issued");
export const notifyPaymentFailed = (tx: Tx, invoiceId: string) => notifyInvoice(tx, invoiceId, "payment-failed");
