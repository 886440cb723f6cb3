// The billing run: on each client's billing day, the previous month's items go to Stripe as invoice items on one
// invoice, which is finalized and sent. Once even with several processes (a unique (client, period) invoice row
// claimed in the database, then a lease on it), resumable after any failure (each step records what Stripe
// returned), and every Stripe call carries an idempotency key derived from our ids, so a retry after a timeout
// returns the first result instead of making a second line or invoice.
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { lastDuePeriod, meetingLineText, periodEnd, periodOf, periodStart, retainerLineText } from "~/domain/billing/billing";
import { stripeClient, type Stripe } from "~/services/stripe.server";
import { audit } from "../audit.server";
import { priceTerms } from "./ledger.server";
import { issuePendingCreditNotes, syncInvoice } from "./stripe-sync.server";
import { notifyInvoiceIssued } from "./billing-notices.server";
import { enqueueEmails } from "~/services/queue.server";
import type { Locale } from "~/i18n";

const LEASE_MS = 5 * 60_000;

function origin() {
  return env().APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

/** Registers the billing run (hourly; each client is invoiced once its billing day has come). */
export type RunResult = { invoiced: string[]; failed: { invoiceId: string; error: string }[]; skipped: number };

/**
 * One pass: claims the due invoice of every client whose billing day has come, then completes every claimed
 * invoice not yet sent (this pass's and any a crash left behind). Throws when an invoice failed, so the job is
 * retried with backoff; what succeeded stays done.
 */
export async function runBilling(now = new Date(), opts: { throwOnFailure?: boolean } = {}): Promise<RunResult> {
  const result: RunResult = { invoiced: [], failed: [], skipped: 0 };
  if (!stripeClient()) return result;
  // Stripe sends invoices to the customer's email: a client without a billing email is not invoiced (its items wait).
  const profiles = await prisma.billingProfile.findMany({ where: { billingEmail: { not: null } }, select: { clientCompanyId: true, billingDay: true } });
  for (const p of profiles) await claimInvoice(p.clientCompanyId, lastDuePeriod(now, p.billingDay), now);
  const pending = await prisma.invoice.findMany({ where: { issuedAt: null, status: { not: "VOID" } }, select: { id: true }, orderBy: { createdAt: "asc" } });
  for (const inv of pending) {
    try {
      const r = await completeInvoice(inv.id, now);
      if (r === "done") result.invoiced.push(inv.id);
      else result.skipped += 1;
    } catch (e) {
      result.failed.push({ invoiceId: inv.id, error: e instanceof Error ? e.message : String(e) });
    }
  }
  // An issued invoice whose email a crash left unsent.
  for (const inv of await prisma.invoice.findMany({ where: { issuedAt: { not: null }, issuedNotifiedAt: null }, select: { id: true }, take: 200 })) {
    await enqueueEmails(await prisma.$transaction((tx) => notifyOnce(tx, inv.id)));
  }
  await issuePendingCreditNotes().catch((e) => result.failed.push({ invoiceId: "credit-notes", error: String(e) }));
  if (result.failed.length && opts.throwOnFailure !== false) {
    throw new Error(`Billing run: ${result.failed.length} invoice(s) not completed: ${result.failed.map((f) => f.error).join("; ").slice(0, 500)}`);
  }
  return result;
}

/**
 * Claims the (client, period) invoice when there is something to bill: items up to the period not yet invoiced,
 * or a retainer. The unique (client, period) row makes a second claim, by any process, a no-op.
 */
async function claimInvoice(clientId: string, period: string, now: Date) {
  const existing = await prisma.invoice.findUnique({ where: { clientCompanyId_period: { clientCompanyId: clientId, period } }, select: { id: true } });
  if (existing) return existing.id;
  const client = await prisma.clientCompany.findUniqueOrThrow({ where: { id: clientId }, select: { agencyId: true, currency: true } });
  const terms = (await priceTerms(prisma, [clientId], period))(clientId);
  const items = await prisma.ledgerItem.count({
    where: { clientCompanyId: clientId, invoiceId: null, voidedAt: null, kind: { in: ["MEETING", "RETAINER"] }, period: { lte: period } },
  });
  if (!items && !(terms && terms.retainerAmount > 0)) return null;
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO "Invoice" ("id", "agencyId", "clientCompanyId", "period", "status", "currency", "createdAt", "updatedAt")
    VALUES (${`inv_${crypto.randomUUID().replace(/-/g, "")}`}, ${client.agencyId}, ${clientId}, ${period}, 'PENDING', ${terms?.currency ?? client.currency}, ${now}, ${now})
    ON CONFLICT ("clientCompanyId", "period") DO NOTHING
    RETURNING "id"`;
  return rows[0]?.id ?? null;
}

/**
 * Takes an invoice claimed by the run through to Stripe: customer, tax rate, draft invoice, one invoice item per
 * ledger item, finalize, send. Each step stores what Stripe returned, so a later call resumes where this one
 * stopped. Another process holding the lease makes it a no-op ("busy").
 */
export async function completeInvoice(invoiceId: string, now = new Date()): Promise<"done" | "busy" | "not-pending"> {
  const stripe = stripeClient();
  if (!stripe) throw new DomainError("INVALID", "billing.errors.notConnected");
  const lease = await prisma.invoice.updateMany({
    where: { id: invoiceId, issuedAt: null, OR: [{ lockedUntil: null }, { lockedUntil: { lt: new Date() } }] },
    data: { lockedUntil: new Date(Date.now() + LEASE_MS), attempts: { increment: 1 } },
  });
  if (lease.count === 0) {
    const inv = await prisma.invoice.findUnique({ where: { id: invoiceId }, select: { issuedAt: true } });
    return inv && !inv.issuedAt ? "busy" : "not-pending";
  }
  try {
    await pushInvoice(stripe, invoiceId, now);
    return "done";
  } catch (e) {
    await prisma.invoice.update({ where: { id: invoiceId }, data: { lockedUntil: null, lastError: (e instanceof Error ? e.message : String(e)).slice(0, 1000) } });
    throw e;
  }
}

async function pushInvoice(stripe: Stripe, invoiceId: string, now: Date) {
  let inv = await prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
  const profile = await prisma.billingProfile.findUniqueOrThrow({ where: { clientCompanyId: inv.clientCompanyId } });
  const client = await prisma.clientCompany.findUniqueOrThrow({ where: { id: inv.clientCompanyId }, select: { name: true } });
  const locale = profile.locale as Locale;
  const terms = (await priceTerms(prisma, [inv.clientCompanyId], inv.period))(inv.clientCompanyId);

  // Where a previous attempt left the Stripe invoice (a crash may have come after finalizing).
  let remote: Stripe.Invoice | null = inv.stripeInvoiceId ? await stripe.invoices.retrieve(inv.stripeInvoiceId) : null;
  const editable = !remote || remote.status === "draft";

  // 1. The retainer of the period, and the items up to the period not yet invoiced, attached to this invoice
  // while it can still take lines (a late item then waits for the next invoice).
  if (editable) {
    if (terms && terms.retainerAmount > 0) {
      await prisma.ledgerItem.createMany({
        skipDuplicates: true,
        data: [{ agencyId: inv.agencyId, clientCompanyId: inv.clientCompanyId, kind: "RETAINER", amount: terms.retainerAmount, currency: terms.currency, period: inv.period, data: {} }],
      });
    }
    await prisma.$executeRaw`
      UPDATE "LedgerItem" SET "invoiceId" = ${inv.id}
       WHERE "clientCompanyId" = ${inv.clientCompanyId} AND "invoiceId" IS NULL AND "voidedAt" IS NULL
         AND "kind" IN ('MEETING', 'RETAINER') AND "period" <= ${inv.period}`;
  } else {
    // Finalized already: anything attached but not on it goes back to the ledger, for the next invoice.
    await prisma.ledgerItem.updateMany({ where: { invoiceId: inv.id, stripeInvoiceItemId: null, kind: { not: "CREDIT" } }, data: { invoiceId: null } });
  }

  // 2. The customer (with its tax id) and the tax rate, created once and kept up to date.
  const customerId = await ensureCustomer(stripe, profile, client.name);
  const taxRateId = await ensureTaxRate(stripe, profile);

  // 3. The draft invoice; its own items only (pending items of the customer stay out).
  if (!remote) {
    remote = await stripe.invoices.create(
      {
        customer: customerId,
        currency: inv.currency.toLowerCase(),
        auto_advance: false,
        collection_method: "send_invoice",
        days_until_due: 30,
        pending_invoice_items_behavior: "exclude",
        ...(taxRateId ? { default_tax_rates: [taxRateId] } : {}),
        description: invoiceDescription(locale, inv.period),
        metadata: { rdvInvoiceId: inv.id, period: inv.period, clientCompanyId: inv.clientCompanyId },
      },
      { idempotencyKey: `rdv-invoice-${inv.id}` },
    );
    inv = await prisma.invoice.update({ where: { id: inv.id }, data: { stripeInvoiceId: remote.id, lastError: null } });
  }
  const stripeInvoiceId = remote.id!;

  // 4. One invoice item per ledger item, keyed by the ledger item's id.
  const items = editable
    ? await prisma.ledgerItem.findMany({ where: { invoiceId: inv.id, stripeInvoiceItemId: null, kind: { in: ["MEETING", "RETAINER"] } }, orderBy: [{ kind: "desc" }, { createdAt: "asc" }] })
    : [];
  for (const item of items) {
    const d = (item.data ?? {}) as { prospectCompany?: string; scheduledAt?: string; campaignName?: string };
    const description =
      item.kind === "MEETING"
        ? meetingLineText(locale, {
            prospectCompany: d.prospectCompany ?? "",
            scheduledAt: d.scheduledAt ?? item.createdAt.toISOString(),
            campaignName: d.campaignName ?? "",
            url: `${origin()}/campaigns/${item.campaignId}/meetings/${item.meetingId}`,
          })
        : retainerLineText(locale, item.period);
    const ii = await stripe.invoiceItems.create(
      {
        customer: customerId,
        invoice: stripeInvoiceId,
        amount: item.amount,
        currency: item.currency.toLowerCase(),
        description,
        period: { start: Math.floor(periodStart(item.period).getTime() / 1000), end: Math.floor(periodEnd(item.period).getTime() / 1000) - 1 },
        metadata: { rdvLedgerItemId: item.id, ...(item.meetingId ? { rdvMeetingId: item.meetingId } : {}) },
      },
      { idempotencyKey: `rdv-ledger-item-${item.id}` },
    );
    await prisma.ledgerItem.update({ where: { id: item.id }, data: { stripeInvoiceItemId: ii.id } });
  }

  // 5. Finalize and send (re-read first: a previous attempt may have done it).
  remote = await stripe.invoices.retrieve(stripeInvoiceId);
  if (remote.status === "draft") remote = await stripe.invoices.finalizeInvoice(stripeInvoiceId, { auto_advance: false }, { idempotencyKey: `rdv-finalize-${inv.id}` });
  if (remote.status === "open") remote = await stripe.invoices.sendInvoice(stripeInvoiceId, {}, { idempotencyKey: `rdv-send-${inv.id}` });

  // 6. Issued: our row converges on what Stripe says (the same path as webhooks), and the client admins are told once.
  await prisma.invoice.updateMany({ where: { id: inv.id, issuedAt: null }, data: { issuedAt: now, lockedUntil: null, lastError: null } });
  await syncInvoice(inv.id, now);
  await enqueueEmails(await prisma.$transaction((tx) => notifyOnce(tx, inv.id)));
}

async function ensureCustomer(stripe: Stripe, profile: Awaited<ReturnType<typeof prisma.billingProfile.findUniqueOrThrow>>, name: string) {
  const details = {
    name,
    email: profile.billingEmail ?? undefined,
    preferred_locales: [profile.locale],
    address: { line1: profile.addressLine1 || undefined, line2: profile.addressLine2 || undefined, postal_code: profile.postalCode || undefined, city: profile.city || undefined, country: profile.country },
  };
  const hash = JSON.stringify({ ...details, vat: profile.vatNumber });
  if (profile.stripeCustomerId && profile.stripeSyncedHash === hash) return profile.stripeCustomerId;
  let id = profile.stripeCustomerId;
  if (!id) {
    const c = await stripe.customers.create(
      { ...details, metadata: { rdvClientCompanyId: profile.clientCompanyId }, ...(profile.vatNumber ? { tax_id_data: [{ type: "eu_vat", value: profile.vatNumber }] } : {}) },
      { idempotencyKey: `rdv-customer-${profile.clientCompanyId}` },
    );
    id = c.id;
  } else {
    // Details changed since the last sync: update them (the key includes what is sent, so a retry is the same call).
    await stripe.customers.update(id, details, { idempotencyKey: `rdv-customer-${profile.clientCompanyId}-${shortHash(hash)}` });
  }
  await prisma.billingProfile.update({ where: { id: profile.id }, data: { stripeCustomerId: id, stripeSyncedHash: hash } });
  return id;
}

async function ensureTaxRate(stripe: Stripe, profile: { id: string; agencyId: string; taxRateBps: number; stripeTaxRateId: string | null; stripeTaxRateBps: number | null; country: string }) {
  if (profile.taxRateBps === 0) return null;
  if (profile.stripeTaxRateId && profile.stripeTaxRateBps === profile.taxRateBps) return profile.stripeTaxRateId;
  const rate = await stripe.taxRates.create(
    { display_name: profile.country === "FR" ? "TVA" : "VAT", percentage: profile.taxRateBps / 100, inclusive: false, country: profile.country, metadata: { rdvBasisPoints: String(profile.taxRateBps) } },
    { idempotencyKey: `rdv-tax-rate-${profile.id}-${profile.taxRateBps}` },
  );
  await prisma.billingProfile.update({ where: { id: profile.id }, data: { stripeTaxRateId: rate.id, stripeTaxRateBps: profile.taxRateBps } });
  return rate.id;
}

/** The "invoice issued" email, once per invoice (issuedNotifiedAt claimed conditionally). */
async function notifyOnce(tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0], invoiceId: string) {
  const claimed = await tx.invoice.updateMany({ where: { id: invoiceId, issuedNotifiedAt: null }, data: { issuedNotifiedAt: new Date() } });
  return claimed.count ? notifyInvoiceIssued(tx, invoiceId) : [];
}

function invoiceDescription(locale: Locale, period: string) {
  const month = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(periodStart(period));
  return locale === "fr" ? `Rendez-vous qualifiés et forfait, ${month}` : `Qualified meetings and retainer, ${month}`;
}

function shortHash(s: string) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

/** An agency admin invoices a client now: this month's items so far and the month's retainer. */
export async function invoiceNow(actor: Actor, clientId: string, now = new Date()) {
  assertCan(actor, "billing:manage");
  const client = await prisma.clientCompany.findFirst({ where: { id: clientId, agencyId: actor.agencyId }, select: { id: true } });
  if (!client) throw notFound();
  if (!stripeClient()) throw new DomainError("INVALID", "billing.errors.notConnected");
  const profile = await prisma.billingProfile.findUnique({ where: { clientCompanyId: clientId } });
  if (!profile?.billingEmail) throw new DomainError("INVALID", "billing.errors.noBillingEmail");
  const period = periodOf(now);
  const existing = await prisma.invoice.findUnique({ where: { clientCompanyId_period: { clientCompanyId: clientId, period } } });
  if (existing?.issuedAt) throw new DomainError("CONFLICT", "billing.errors.alreadyInvoiced");
  const id = existing?.id ?? (await claimInvoice(clientId, period, now));
  if (!id) throw new DomainError("INVALID", "billing.errors.nothingToInvoice");
  await audit(prisma, actor, "billing.invoice_now", { clientCompanyId: clientId }, { invoiceId: id, period });
  try {
    await completeInvoice(id, now);
  } catch (e) {
    // The invoice stays claimed; the hourly run completes it. The admin sees why it stopped.
    return { invoiceId: id, error: e instanceof Error ? e.message : String(e) };
  }
  return { invoiceId: id, error: null };
}
