// The ledger: one item per billable meeting (a partial unique index on meetingId), one retainer per client and
// period, credits for voided items. Written in the transaction of the change that makes a meeting billable.
import { Prisma } from "~/generated/prisma/client";
import { prisma, type Tx } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { meetingPriceFor, periodOf, readCampaignPrices, termsFor, type PriceTerms } from "~/domain/billing/billing";
import { audit } from "../audit.server";

/** The price versions of these clients that may apply up to `period`, as PriceTerms. */
export async function priceTerms(tx: Tx, clientIds: string[], period: string) {
  const rows = await tx.priceVersion.findMany({
    where: { clientCompanyId: { in: clientIds }, effectivePeriod: { lte: period } },
    select: { clientCompanyId: true, effectivePeriod: true, currency: true, retainerAmount: true, meetingPrice: true, campaignPrices: true },
  });
  const byClient = new Map<string, (PriceTerms & { clientCompanyId: string })[]>();
  for (const r of rows) {
    const list = byClient.get(r.clientCompanyId) ?? [];
    list.push({ ...r, campaignPrices: readCampaignPrices(r.campaignPrices) });
    byClient.set(r.clientCompanyId, list);
  }
  return (clientId: string, p: string = period) => termsFor(byClient.get(clientId) ?? [], p);
}

/**
 * Records a MEETING item for each of these meetings that is billable now, at the price in force on `now` for its
 * client and campaign. Idempotent: a meeting that already has its item is skipped (ON CONFLICT DO NOTHING).
 * Call it inside the transaction that made the meetings billable. Returns how many items were written.
 */
export async function recordBillableMeetings(tx: Tx, meetingIds: string[], now: Date): Promise<number> {
  if (!meetingIds.length) return 0;
  const meetings = await tx.meeting.findMany({
    where: { id: { in: meetingIds }, status: "HELD", verdict: { in: ["ACCEPTED", "DISPUTE_REJECTED"] } },
    select: {
      id: true, agencyId: true, clientCompanyId: true, campaignId: true, prospectCompany: true, scheduledAt: true,
      campaign: { select: { name: true } }, clientCompany: { select: { currency: true } },
    },
  });
  if (!meetings.length) return 0;
  const period = periodOf(now);
  const terms = await priceTerms(tx, [...new Set(meetings.map((m) => m.clientCompanyId))], period);
  const r = await tx.ledgerItem.createMany({
    skipDuplicates: true,
    data: meetings.map((m) => {
      const t = terms(m.clientCompanyId);
      return {
        agencyId: m.agencyId,
        clientCompanyId: m.clientCompanyId,
        campaignId: m.campaignId,
        meetingId: m.id,
        kind: "MEETING" as const,
        // A client without prices yet still gets its item (at 0), so the meeting is never lost from the ledger.
        amount: t ? meetingPriceFor(t, m.campaignId) : 0,
        currency: t?.currency ?? m.clientCompany.currency,
        period,
        data: { prospectCompany: m.prospectCompany, scheduledAt: m.scheduledAt.toISOString(), campaignName: m.campaign.name },
      };
    }),
  });
  return r.count;
}

/**
 * An agency admin voids a meeting or retainer item with a reason. Not yet invoiced: the item leaves the ledger's
 * total (voided, with a CREDIT that nets it). Invoiced: the CREDIT waits to become a Stripe credit note on
 * that invoice's line (issued by the billing work). Returns the credit item.
 */
export async function voidLedgerItem(actor: Actor, itemId: string, reason: string, now = new Date()) {
  assertCan(actor, "billing:manage");
  const text = reason.trim();
  if (!text) throw new DomainError("INVALID", "common.errors.required", "reason");
  if (text.length > 500) throw new DomainError("INVALID", "common.errors.tooLong|max=500", "reason");
  return prisma.$transaction(async (tx) => {
    // The conditional UPDATE serializes with the billing run's claim of items: whichever commits first wins,
    // and RETURNING gives the invoice the item ended up on.
    const rows = await tx.$queryRaw<{ id: string; clientCompanyId: string; amount: number; currency: string; invoiceId: string | null; period: string; campaignId: string | null }[]>`
      UPDATE "LedgerItem" SET "voidedAt" = ${now}, "voidReason" = ${text}, "voidedById" = ${actor.userId}
       WHERE "id" = ${itemId} AND "agencyId" = ${actor.agencyId} AND "kind" <> 'CREDIT' AND "voidedAt" IS NULL
      RETURNING "id", "clientCompanyId", "amount", "currency", "invoiceId", "period", "campaignId"`;
    const item = rows[0];
    if (!item) {
      const exists = await tx.ledgerItem.findFirst({ where: { id: itemId, agencyId: actor.agencyId }, select: { id: true } });
      if (!exists) throw notFound();
      throw new DomainError("CONFLICT", "billing.errors.alreadyVoided");
    }
    const credit = await tx.ledgerItem.create({
      data: {
        agencyId: actor.agencyId,
        clientCompanyId: item.clientCompanyId,
        campaignId: item.campaignId,
        kind: "CREDIT",
        amount: -item.amount,
        currency: item.currency,
        period: periodOf(now),
        creditOfId: item.id,
        invoiceId: item.invoiceId,
        voidReason: text,
        voidedById: actor.userId,
        data: { reason: text },
      },
    });
    await audit(tx, actor, "billing.item_voided", { clientCompanyId: item.clientCompanyId, campaignId: item.campaignId }, {
      itemId: item.id, creditId: credit.id, amount: item.amount, currency: item.currency, invoiced: Boolean(item.invoiceId), reason: text,
    });
    return credit;
  });
}

export type LedgerFilter = { clientId?: string; period?: string; kind?: "MEETING" | "RETAINER" | "CREDIT"; state?: "open" | "invoiced" | "voided" };

/** The agency's ledger items matching the filter (admin and AM; an AM sees the clients they manage). */
export function ledgerWhere(actor: Actor, f: LedgerFilter, clientIds: string[] | null): Prisma.LedgerItemWhereInput {
  return {
    agencyId: actor.agencyId,
    ...(clientIds ? { clientCompanyId: { in: clientIds } } : {}),
    ...(f.clientId ? { AND: [{ clientCompanyId: f.clientId }] } : {}),
    ...(f.period ? { period: f.period } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.state === "open" ? { invoiceId: null, voidedAt: null, kind: { not: "CREDIT" as const } } : {}),
    ...(f.state === "invoiced" ? { invoiceId: { not: null } } : {}),
    ...(f.state === "voided" ? { voidedAt: { not: null } } : {}),
  };
}
