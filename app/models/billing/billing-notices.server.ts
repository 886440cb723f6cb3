// Emails to a client company's admins about its invoices (issued, payment failed), written in the caller's
// transaction; returns the outbox ids to queue once it commits.
import type { Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { sendEmailToEach } from "~/services/email.server";

function origin() {
  return env().APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

async function context(tx: Tx, invoiceId: string) {
  const inv = await tx.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    include: { clientCompany: { select: { name: true, agency: { select: { name: true } } } }, _count: { select: { items: { where: { kind: "MEETING" } } } } },
  });
  const admins = await tx.membership.findMany({
    where: { clientCompanyId: inv.clientCompanyId, role: "CLIENT_ADMIN" },
    select: { user: { select: { email: true, locale: true } } },
  });
  return { inv, recipients: admins.map((a) => a.user) };
}

async function notify(tx: Tx, invoiceId: string, template: "invoice-issued" | "payment-failed") {
  const { inv, recipients } = await context(tx, invoiceId);
  return sendEmailToEach(tx, recipients, {
    template,
    agencyId: inv.agencyId,
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

export const notifyInvoiceIssued = (tx: Tx, invoiceId: string) => notify(tx, invoiceId, "invoice-issued");
export const notifyPaymentFailed = (tx: Tx, invoiceId: string) => notify(tx, invoiceId, "payment-failed");
