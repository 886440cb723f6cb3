// Billing as people read it: a client company's billing page (pricing, accrued this period, invoices and what
// they bill) and the agency's overview. Every query applies the actor's client scope; pages read aggregates.
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { clientScope } from "../scope.server";
import { audit } from "../audit.server";
import { addPeriods, invoiceDate, periodOf, periodStart, readCampaignPrices, termsFor, UNPAID_STATUSES, type InvoiceStatus } from "~/domain/billing/billing";
import type { PricingInput } from "~/domain/billing/schemas";
import { stripeConnected } from "~/services/stripe.server";
import { ledgerWhere, priceTerms, type LedgerFilter } from "./ledger.server";

/** Client companies whose billing the actor may read: admin all, AM the ones they manage, client admin their own. */
async function billingClient(actor: Actor, clientId: string) {
  assertCan(actor, "billing:read");
  const client = await prisma.clientCompany.findFirst({
    where: { AND: [clientScope(actor), { id: clientId }] },
    select: { id: true, name: true, currency: true, agencyId: true },
  });
  if (!client) throw notFound();
  return client;
}

export const PROFILE_DEFAULTS = {
  billingDay: 1, billingEmail: null as string | null, addressLine1: "", addressLine2: "", postalCode: "", city: "", country: "FR",
  vatNumber: null as string | null, taxRateBps: 2000, locale: "fr" as "fr" | "en", stripeCustomerId: null as string | null,
};

const INVOICE_PAGE = 24;
const ACCRUED_LIST = 200;

/** A client company's billing page. `invoiceId` opens one invoice's lines. */
export async function getClientBilling(actor: Actor, clientId: string, opts: { invoiceId?: string | null } = {}, now = new Date()) {
  const client = await billingClient(actor, clientId);
  const period = periodOf(now);
  const agencySide = actor.role === "AGENCY_ADMIN" || actor.role === "ACCOUNT_MANAGER";
  const [profile, versions, campaigns, accruedAgg, accruedItems, lateAgg, invoices, invoiceCount] = await Promise.all([
    prisma.billingProfile.findUnique({ where: { clientCompanyId: client.id } }),
    prisma.priceVersion.findMany({ where: { clientCompanyId: client.id }, orderBy: { effectivePeriod: "desc" }, take: 24 }),
    prisma.campaign.findMany({ where: { clientCompanyId: client.id }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.ledgerItem.groupBy({
      by: ["kind"],
      where: { clientCompanyId: client.id, period, invoiceId: null, voidedAt: null, kind: { in: ["MEETING", "RETAINER"] } },
      _sum: { amount: true },
      _count: { _all: true },
    }),
    prisma.ledgerItem.findMany({
      where: { clientCompanyId: client.id, period, invoiceId: null, kind: "MEETING" },
      orderBy: { createdAt: "desc" },
      take: ACCRUED_LIST,
      select: { id: true, amount: true, currency: true, meetingId: true, campaignId: true, data: true, voidedAt: true, voidReason: true, createdAt: true },
    }),
    // Items of earlier months not invoiced yet (late, or Stripe not connected): they go on the next invoice.
    prisma.ledgerItem.aggregate({
      where: { clientCompanyId: client.id, period: { lt: period }, invoiceId: null, voidedAt: null, kind: { in: ["MEETING", "RETAINER"] } },
      _sum: { amount: true },
      _count: { _all: true },
    }),
    prisma.invoice.findMany({
      where: { clientCompanyId: client.id },
      orderBy: { period: "desc" },
      take: INVOICE_PAGE,
      include: { creditNotes: { orderBy: { createdAt: "asc" } }, _count: { select: { items: { where: { kind: "MEETING" } } } } },
    }),
    prisma.invoice.count({ where: { clientCompanyId: client.id } }),
  ]);
  const terms = versions.map((v) => ({ ...v, campaignPrices: readCampaignPrices(v.campaignPrices) }));
  const current = termsFor(terms, period);
  const next = terms.find((v) => v.effectivePeriod > period) ?? null;
  const retainerItem = accruedAgg.find((a) => a.kind === "RETAINER");
  const meetingAgg = accruedAgg.find((a) => a.kind === "MEETING");
  // The retainer of the current period is written when it is invoiced; until then it is the price in force.
  const retainer = retainerItem?._sum.amount ?? current?.retainerAmount ?? 0;
  const meetingsTotal = meetingAgg?._sum.amount ?? 0;
  const currency = current?.currency ?? client.currency;
  const billingDay = profile?.billingDay ?? PROFILE_DEFAULTS.billingDay;
  const thisPeriodInvoiced = invoices.some((i) => i.period === period);
  let opened = null;
  if (opts.invoiceId) {
    const inv = invoices.find((i) => i.id === opts.invoiceId) ??
      (await prisma.invoice.findFirst({ where: { id: opts.invoiceId, clientCompanyId: client.id }, include: { creditNotes: true, _count: { select: { items: { where: { kind: "MEETING" } } } } } }));
    if (!inv) throw notFound();
    const lines = await prisma.ledgerItem.findMany({
      where: { invoiceId: inv.id },
      orderBy: [{ kind: "desc" }, { createdAt: "asc" }],
      take: 1000,
      select: { id: true, kind: true, amount: true, currency: true, meetingId: true, campaignId: true, data: true, voidedAt: true, voidReason: true, creditOfId: true, stripeCreditNoteId: true },
    });
    opened = { id: inv.id, period: inv.period, lines };
  }
  return {
    client: { id: client.id, name: client.name },
    connected: stripeConnected(),
    agencySide,
    profile: profile ?? { ...PROFILE_DEFAULTS, id: null },
    current,
    next,
    campaigns,
    period,
    accrued: {
      currency,
      retainer,
      meetingsTotal,
      meetingCount: meetingAgg?._count._all ?? 0,
      total: retainer + meetingsTotal,
      late: { total: lateAgg._sum.amount ?? 0, count: lateAgg._count._all },
      items: accruedItems,
      more: Math.max(0, (meetingAgg?._count._all ?? 0) - accruedItems.filter((i) => !i.voidedAt).length),
    },
    // This period's invoice date; when "invoice now" already billed it, the next one.
    nextInvoiceDate: invoiceDate(thisPeriodInvoiced ? addPeriods(period, 1) : period, billingDay).toISOString(),
    invoices: invoices.map((i) => ({
      id: i.id, period: i.period, status: i.status as InvoiceStatus, currency: i.currency, total: i.total, amountRemaining: i.amountRemaining,
      creditedAmount: i.creditedAmount, number: i.number, hostedInvoiceUrl: i.hostedInvoiceUrl, invoicePdf: i.invoicePdf,
      issuedAt: i.issuedAt?.toISOString() ?? null, dueDate: i.dueDate?.toISOString() ?? null, meetingCount: i._count.items, lastError: agencySide ? i.lastError : null,
      creditNotes: i.creditNotes.map((c) => ({ id: c.id, number: c.number, amount: c.amount, status: c.status, pdf: c.pdf })),
    })),
    invoiceCount,
    opened,
  };
}

/**
 * Saves a client company's pricing (agency admin). Billing details apply at once; prices apply from the next
 * period (the first prices ever set apply from the current one), so a month is billed at the prices it started with.
 */
export async function savePricing(actor: Actor, clientId: string, input: PricingInput, campaignPrices: Record<string, number>, now = new Date()) {
  assertCan(actor, "billing:manage");
  const client = await billingClient(actor, clientId);
  const campaignIds = new Set((await prisma.campaign.findMany({ where: { clientCompanyId: client.id }, select: { id: true } })).map((c) => c.id));
  for (const id of Object.keys(campaignPrices)) if (!campaignIds.has(id)) throw new DomainError("INVALID", "common.errors.invalid", `campaignPrice_${id}`);
  const period = periodOf(now);
  return prisma.$transaction(async (tx) => {
    const before = await tx.billingProfile.findUnique({ where: { clientCompanyId: client.id } });
    const details = {
      billingDay: input.billingDay, billingEmail: input.billingEmail ?? null, addressLine1: input.addressLine1 ?? "", addressLine2: input.addressLine2 ?? "",
      postalCode: input.postalCode ?? "", city: input.city ?? "", country: input.country, vatNumber: input.vatNumber ?? null, taxRateBps: input.taxRateBps, locale: input.locale,
    };
    await tx.billingProfile.upsert({ where: { clientCompanyId: client.id }, create: { agencyId: client.agencyId, clientCompanyId: client.id, ...details }, update: details });
    const any = await tx.priceVersion.findFirst({ where: { clientCompanyId: client.id }, orderBy: { effectivePeriod: "desc" } });
    const effectivePeriod = any ? addPeriods(period, 1) : period;
    const prices = { currency: input.currency, retainerAmount: input.retainerAmount, meetingPrice: input.meetingPrice, campaignPrices };
    const previous = any
      ? { currency: any.currency, retainerAmount: any.retainerAmount, meetingPrice: any.meetingPrice, campaignPrices: readCampaignPrices(any.campaignPrices) }
      : null;
    const pricesChanged = JSON.stringify(previous) !== JSON.stringify(prices);
    if (pricesChanged) {
      await tx.priceVersion.upsert({
        where: { clientCompanyId_effectivePeriod: { clientCompanyId: client.id, effectivePeriod } },
        create: { agencyId: client.agencyId, clientCompanyId: client.id, effectivePeriod, ...prices, createdById: actor.userId },
        update: { ...prices, createdById: actor.userId },
      });
    }
    await audit(tx, actor, "billing.pricing_changed", { clientCompanyId: client.id }, {
      effectivePeriod: pricesChanged ? effectivePeriod : null,
      prices: pricesChanged ? { from: previous, to: prices } : null,
      details: { from: before ? pick(before, Object.keys(details)) : null, to: details },
    });
    return { effectivePeriod: pricesChanged ? effectivePeriod : null };
  });
}

function pick(o: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, o[k] ?? null]));
}

/** The clients an AM manages (null: all the agency's, for the admin). */
async function scopedClientIds(actor: Actor): Promise<string[] | null> {
  if (actor.role === "AGENCY_ADMIN") return null;
  const rows = await prisma.clientCompany.findMany({ where: clientScope(actor), select: { id: true } });
  return rows.map((r) => r.id);
}

function agencySide(actor: Actor) {
  assertCan(actor, "billing:read");
  if (actor.role !== "AGENCY_ADMIN" && actor.role !== "ACCOUNT_MANAGER") throw notFound();
}

const LEDGER_PAGE = 50;

/** The agency's billing page: this month by client, open / overdue / failed invoices, the ledger (filtered, paged). */
export async function getAgencyBilling(actor: Actor, filter: LedgerFilter & { page?: number }, now = new Date()) {
  agencySide(actor);
  const clientIds = await scopedClientIds(actor);
  const period = periodOf(now);
  const monthStart = periodStart(period);
  const scope = { agencyId: actor.agencyId, ...(clientIds ? { clientCompanyId: { in: clientIds } } : {}) };
  const where = ledgerWhere(actor, filter, clientIds);
  const page = Math.max(1, Math.min(10_000, filter.page ?? 1));
  const [clients, accrued, invoiced, unpaid, ledger, ledgerCount, periods] = await Promise.all([
    prisma.clientCompany.findMany({ where: clientScope(actor), select: { id: true, name: true, currency: true }, orderBy: { name: "asc" } }),
    prisma.ledgerItem.groupBy({ by: ["clientCompanyId", "currency"], where: { ...scope, period, voidedAt: null, kind: { not: "CREDIT" } }, _sum: { amount: true }, _count: { _all: true } }),
    prisma.invoice.groupBy({ by: ["clientCompanyId", "currency"], where: { ...scope, issuedAt: { gte: monthStart }, status: { notIn: ["VOID", "PENDING", "DRAFT"] } }, _sum: { total: true, amountPaid: true } }),
    prisma.invoice.findMany({
      where: { ...scope, status: { in: [...UNPAID_STATUSES] } },
      orderBy: { dueDate: "asc" },
      take: 100,
      select: { id: true, clientCompanyId: true, period: true, status: true, total: true, amountRemaining: true, currency: true, dueDate: true, number: true, hostedInvoiceUrl: true },
    }),
    prisma.ledgerItem.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * LEDGER_PAGE,
      take: LEDGER_PAGE,
      select: { id: true, clientCompanyId: true, campaignId: true, meetingId: true, kind: true, amount: true, currency: true, period: true, data: true, invoiceId: true, voidedAt: true, voidReason: true, createdAt: true },
    }),
    prisma.ledgerItem.count({ where }),
    prisma.ledgerItem.findMany({ where: scope, distinct: ["period"], select: { period: true }, orderBy: { period: "desc" }, take: 24 }),
  ]);
  const names = new Map(clients.map((c) => [c.id, c.name]));
  // This month's retainer is an item only once invoiced; until then it counts at the price in force (as on the client's page).
  const terms = await priceTerms(prisma, clients.map((c) => c.id), period);
  const retainerItems = new Set((await prisma.ledgerItem.findMany({ where: { ...scope, period, kind: "RETAINER" }, select: { clientCompanyId: true } })).map((r) => r.clientCompanyId));
  const byClient = clients.map((c) => ({
    id: c.id,
    name: c.name,
    accrued: withRetainer(
      accrued.filter((a) => a.clientCompanyId === c.id).map((a) => ({ currency: a.currency, amount: a._sum.amount ?? 0, count: a._count._all })),
      retainerItems.has(c.id) ? null : terms(c.id),
    ),
    invoiced: invoiced.filter((a) => a.clientCompanyId === c.id).map((a) => ({ currency: a.currency, total: a._sum.total ?? 0, paid: a._sum.amountPaid ?? 0 })),
  }));
  return {
    connected: stripeConnected(),
    manage: actor.role === "AGENCY_ADMIN",
    period,
    byClient,
    clients: clients.map((c) => ({ id: c.id, name: c.name })),
    unpaid: unpaid.map((i) => ({ ...i, client: names.get(i.clientCompanyId) ?? "", overdue: Boolean(i.dueDate && i.dueDate < now), dueDate: i.dueDate?.toISOString() ?? null })),
    ledger: ledger.map((l) => ({ ...l, client: names.get(l.clientCompanyId) ?? "", createdAt: l.createdAt.toISOString(), voidedAt: l.voidedAt?.toISOString() ?? null })),
    ledgerCount,
    page,
    pages: Math.max(1, Math.ceil(ledgerCount / LEDGER_PAGE)),
    periods: periods.map((p) => p.period),
  };
}

function withRetainer(rows: { currency: string; amount: number; count: number }[], t: { retainerAmount: number; currency: string } | null) {
  if (!t || !t.retainerAmount) return rows;
  const row = rows.find((r) => r.currency === t.currency);
  if (row) return rows.map((r) => (r === row ? { ...r, amount: r.amount + t.retainerAmount } : r));
  return [...rows, { currency: t.currency, amount: t.retainerAmount, count: 0 }];
}

/** Streams the filtered ledger for CSV export, a page of rows at a time (keyset on id). */
export async function* iterateLedger(actor: Actor, filter: LedgerFilter) {
  agencySide(actor);
  const clientIds = await scopedClientIds(actor);
  const where = ledgerWhere(actor, filter, clientIds);
  const names = new Map((await prisma.clientCompany.findMany({ where: clientScope(actor), select: { id: true, name: true } })).map((c) => [c.id, c.name]));
  let cursor: string | undefined;
  for (;;) {
    const rows = await prisma.ledgerItem.findMany({
      where,
      orderBy: { id: "asc" },
      take: 500,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      include: { invoice: { select: { number: true, status: true } } },
    });
    if (!rows.length) return;
    for (const r of rows) yield { ...r, client: names.get(r.clientCompanyId) ?? "" };
    cursor = rows[rows.length - 1].id;
  }
}

/** Failed payments and overdue invoices, for the agency admin's home. */
export async function billingActionCounts(actor: Actor, now = new Date()) {
  if (actor.role !== "AGENCY_ADMIN" && actor.role !== "ACCOUNT_MANAGER") return { failed: 0, overdue: 0 };
  const clientIds = await scopedClientIds(actor);
  const scope = { agencyId: actor.agencyId, ...(clientIds ? { clientCompanyId: { in: clientIds } } : {}) };
  const [failed, overdue] = await Promise.all([
    prisma.invoice.count({ where: { ...scope, status: "PAYMENT_FAILED" } }),
    prisma.invoice.count({ where: { ...scope, status: { in: ["OPEN", "PAYMENT_FAILED"] }, dueDate: { lt: now } } }),
  ]);
  return { failed, overdue };
}
