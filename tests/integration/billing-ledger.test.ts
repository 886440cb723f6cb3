import { prisma } from "~/utils/db.server";
import { acceptMeeting, disputeMeeting, resolveDispute } from "~/models/meetings/review.server";
import { autoAcceptDueMeetings } from "~/models/meetings/sweep.server";
import { recordBillableMeetings, voidLedgerItem } from "~/models/billing/ledger.server";
import { getClientBilling, savePricing } from "~/models/billing/billing.server";
import { addPeriods, periodOf } from "~/domain/billing/billing";
import { expectDomainError } from "./helpers";
import { billableMeeting, DEFAULT_PRICING, heldMeeting, pricedWorld } from "../factories";

const DAY = 86400_000;

describe("the ledger", () => {
  test("a meeting the client accepts gets exactly one item, at the price in force that day, in the same transaction", async () => {
    const { w, a } = await pricedWorld();
    const id = await billableMeeting(w, a);
    const items = await prisma.ledgerItem.findMany({ where: { meetingId: id } });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "MEETING", amount: 35_000, currency: "EUR", period: periodOf(new Date()), invoiceId: null, clientCompanyId: w.client.id });
    expect(items[0].data).toMatchObject({ prospectCompany: "Transports Morel" });
    // Calling the hook again (a retried job, a second process) writes nothing.
    await prisma.$transaction((tx) => recordBillableMeetings(tx, [id, id], new Date()));
    expect(await prisma.ledgerItem.count({ where: { meetingId: id } })).toBe(1);
  });

  test("the database refuses a second item for the same meeting", async () => {
    const { w, a } = await pricedWorld();
    const id = await billableMeeting(w, a);
    const item = await prisma.ledgerItem.findFirstOrThrow({ where: { meetingId: id } });
    const { id: _id, createdAt: _c, data, ...copy } = item;
    await expect(prisma.ledgerItem.create({ data: { ...copy, data: data ?? {} } })).rejects.toThrow(/Unique constraint/);
  });

  test("a meeting that is not billable gets no item (the hook checks)", async () => {
    const { w, a } = await pricedWorld();
    const id = await heldMeeting(w, a);
    await prisma.$transaction((tx) => recordBillableMeetings(tx, [id], new Date()));
    expect(await prisma.ledgerItem.count()).toBe(0);
  });

  test("a rejected dispute makes the meeting billable; an upheld one does not", async () => {
    const { w, a } = await pricedWorld();
    const rejected = await heldMeeting(w, a);
    const upheld = await heldMeeting(w, a);
    for (const id of [rejected, upheld]) await disputeMeeting(w.clientAdmin, id, [{ criterionId: a.criteria[0].id, reason: "Not a decision maker" }]);
    expect(await prisma.ledgerItem.count()).toBe(0);
    await resolveDispute(w.am, rejected, { decision: "DISPUTE_REJECTED", reasoning: "The call recording shows she signs off." });
    await resolveDispute(w.am, upheld, { decision: "DISPUTE_UPHELD", reasoning: "Right, wrong contact." });
    const items = await prisma.ledgerItem.findMany();
    expect(items.map((i) => i.meetingId)).toEqual([rejected]);
  });

  test("automatic acceptance writes the items of the meetings it claims, at the price of that day", async () => {
    const { w, a } = await pricedWorld();
    const ids = [await heldMeeting(w, a), await heldMeeting(w, a)];
    // The prices change from next month on; the window closes next month, so next month's price applies.
    await savePricing(w.admin, w.client.id, { ...DEFAULT_PRICING, meetingPrice: 40_000 }, {});
    const later = new Date(Date.parse(`${addPeriods(periodOf(new Date()), 1)}-15T10:00:00Z`));
    expect(await autoAcceptDueMeetings(later)).toBe(2);
    const items = await prisma.ledgerItem.findMany({ orderBy: { createdAt: "asc" } });
    expect(items.map((i) => i.meetingId).sort()).toEqual([...ids].sort());
    expect(items.every((i) => i.amount === 40_000 && i.period === periodOf(later))).toBe(true);
    expect(await autoAcceptDueMeetings(new Date(later.getTime() + DAY))).toBe(0);
    expect(await prisma.ledgerItem.count()).toBe(2);
  });

  test("pricing changes apply from the next period and are in the audit history; a campaign override wins", async () => {
    const { w, a } = await pricedWorld();
    await savePricing(w.admin, w.client.id, { ...DEFAULT_PRICING, meetingPrice: 50_000 }, { [w.campaign.id]: 42_000 });
    const id = await billableMeeting(w, a);
    expect((await prisma.ledgerItem.findFirstOrThrow({ where: { meetingId: id } })).amount).toBe(35_000);
    const billing = await getClientBilling(w.admin, w.client.id);
    expect(billing.current?.meetingPrice).toBe(35_000);
    expect(billing.next).toMatchObject({ effectivePeriod: addPeriods(periodOf(new Date()), 1), meetingPrice: 50_000, campaignPrices: { [w.campaign.id]: 42_000 } });
    const audits = await prisma.auditEvent.findMany({ where: { type: "billing.pricing_changed", clientCompanyId: w.client.id } });
    expect(audits).toHaveLength(2);
    expect(audits[1].data).toMatchObject({ prices: { from: { meetingPrice: 35_000 }, to: { meetingPrice: 50_000 } } });
  });

  test("only the agency admin edits pricing and voids; the AM and the client admin read; others are refused", async () => {
    const { w, a } = await pricedWorld();
    const id = await billableMeeting(w, a);
    const item = await prisma.ledgerItem.findFirstOrThrow({ where: { meetingId: id } });
    for (const actor of [w.am, w.clientAdmin, w.sdr, w.clientMember]) {
      await expectDomainError(savePricing(actor, w.client.id, DEFAULT_PRICING, {}), "FORBIDDEN");
      await expectDomainError(voidLedgerItem(actor, item.id, "goodwill"), "FORBIDDEN");
    }
    expect((await getClientBilling(w.am, w.client.id)).accrued.meetingCount).toBe(1);
    expect((await getClientBilling(w.clientAdmin, w.client.id)).accrued.meetingCount).toBe(1);
    await expectDomainError(getClientBilling(w.clientMember, w.client.id), "FORBIDDEN");
    await expectDomainError(getClientBilling(w.sdr, w.client.id), "FORBIDDEN");
    const other = await pricedWorld();
    await expectDomainError(getClientBilling(other.w.admin, w.client.id), "NOT_FOUND");
    await expectDomainError(getClientBilling(other.w.clientAdmin, w.client.id), "NOT_FOUND");
    await expectDomainError(voidLedgerItem(other.w.admin, item.id, "goodwill"), "NOT_FOUND");
  });

  test("voiding before invoicing takes the item out of the accrued amount, with a credit and a reason", async () => {
    const { w, a } = await pricedWorld();
    const keep = await billableMeeting(w, a);
    const gone = await billableMeeting(w, a);
    expect((await getClientBilling(w.clientAdmin, w.client.id)).accrued).toMatchObject({ meetingsTotal: 70_000, retainer: 150_000, total: 220_000, meetingCount: 2 });
    const item = await prisma.ledgerItem.findFirstOrThrow({ where: { meetingId: gone } });
    await expectDomainError(voidLedgerItem(w.admin, item.id, "   "), "INVALID");
    const credit = await voidLedgerItem(w.admin, item.id, "Replacement meeting booked");
    expect(credit).toMatchObject({ kind: "CREDIT", amount: -35_000, creditOfId: item.id, invoiceId: null, voidReason: "Replacement meeting booked" });
    await expectDomainError(voidLedgerItem(w.admin, item.id, "again"), "CONFLICT");
    const accrued = (await getClientBilling(w.clientAdmin, w.client.id)).accrued;
    expect(accrued).toMatchObject({ meetingsTotal: 35_000, total: 185_000, meetingCount: 1 });
    expect(accrued.items.find((i) => i.meetingId === keep)?.voidedAt).toBeNull();
    expect(await prisma.auditEvent.count({ where: { type: "billing.item_voided" } })).toBe(1);
  });

  test("a client without prices still gets its items, at zero, so no billable meeting is lost", async () => {
    const { w, a } = await pricedWorld();
    await prisma.priceVersion.deleteMany({ where: { clientCompanyId: w.client.id } });
    const id = await billableMeeting(w, a);
    expect(await prisma.ledgerItem.findFirstOrThrow({ where: { meetingId: id } })).toMatchObject({ amount: 0, currency: "EUR" });
  });

  test("acceptance still works inside its window (regression: the hook does not break the meeting flow)", async () => {
    const { w, a } = await pricedWorld();
    const id = await heldMeeting(w, a);
    await acceptMeeting(w.clientAdmin, id);
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id } })).verdict).toBe("ACCEPTED");
  });
});
