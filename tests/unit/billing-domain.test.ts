// Billing's pure rules: periods, the prices in force, amounts typed in forms, VAT numbers, Stripe's status in ours, emails.
import { render } from "@react-email/render";
import { createElement } from "react";
import {
  addPeriods, invoiceDate, isVatNumber, lastDuePeriod, meetingLineText, meetingPriceFor, parseAmount, periodOf, statusFromStripe, termsFor, type PriceTerms,
} from "~/domain/billing/billing";
import { InvoiceIssuedEmail, PaymentFailedEmail, issuedSubject, failedSubject } from "../../emails/billing-notices";

describe("billing rules", () => {
  test("periods are UTC months; the invoice of a month is issued on the billing day of the next", () => {
    expect(periodOf(new Date("2026-12-31T23:59:59Z"))).toBe("2026-12");
    expect(addPeriods("2026-12", 1)).toBe("2027-01");
    expect(addPeriods("2027-01", -2)).toBe("2026-11");
    expect(invoiceDate("2026-11", 5).toISOString()).toBe("2026-12-05T00:00:00.000Z");
    expect(lastDuePeriod(new Date("2026-12-04T23:00:00Z"), 5)).toBe("2026-10");
    expect(lastDuePeriod(new Date("2026-12-05T00:00:00Z"), 5)).toBe("2026-11");
    expect(lastDuePeriod(new Date("2027-01-01T00:00:00Z"), 1)).toBe("2026-12");
  });

  test("the prices in force are the latest version starting at or before the month; a campaign override wins", () => {
    const v: PriceTerms[] = [
      { effectivePeriod: "2026-09", currency: "EUR", retainerAmount: 1, meetingPrice: 100, campaignPrices: {} },
      { effectivePeriod: "2027-01", currency: "EUR", retainerAmount: 1, meetingPrice: 200, campaignPrices: { c1: 150 } },
    ];
    expect(termsFor(v, "2026-08")).toBeNull();
    expect(termsFor(v, "2026-12")?.meetingPrice).toBe(100);
    const jan = termsFor(v, "2027-03")!;
    expect(meetingPriceFor(jan, "c1")).toBe(150);
    expect(meetingPriceFor(jan, "c2")).toBe(200);
  });

  test("amounts typed with a comma or a dot become minor units; anything else is refused", () => {
    expect(parseAmount("350")).toBe(35_000);
    expect(parseAmount("350,5")).toBe(35_050);
    expect(parseAmount("1 500.00")).toBe(150_000);
    expect(parseAmount("-20")).toBe(-2000);
    expect(parseAmount("12.345")).toBeNull();
    expect(parseAmount("abc")).toBeNull();
    expect(parseAmount("1e3")).toBeNull();
  });

  test("VAT numbers need their country prefix and format", () => {
    expect(isVatNumber("FR40303265045")).toBe(true);
    expect(isVatNumber("DE136695976")).toBe(true);
    expect(isVatNumber("FR123")).toBe(false);
    expect(isVatNumber("40303265045")).toBe(false);
  });

  test("Stripe's invoice in our status: an open invoice with a failed attempt is a failed payment", () => {
    expect(statusFromStripe({ status: "open", attempted: false, attempt_count: 0, amount_remaining: 100 })).toBe("OPEN");
    expect(statusFromStripe({ status: "open", attempted: true, attempt_count: 2, amount_remaining: 100 })).toBe("PAYMENT_FAILED");
    expect(statusFromStripe({ status: "paid", attempted: true, attempt_count: 3, amount_remaining: 0 })).toBe("PAID");
    expect(statusFromStripe({ status: "uncollectible" })).toBe("UNCOLLECTIBLE");
    expect(statusFromStripe({ status: "void" })).toBe("VOID");
  });

  test("an invoice line names the prospect's company, the meeting's date and its link, in the client's language", () => {
    const m = { prospectCompany: "Transports Morel", scheduledAt: "2026-11-12T09:30:00Z", campaignName: "DAF ETI", url: "https://p.test/campaigns/c/meetings/m" };
    expect(meetingLineText("fr", m)).toBe("Rendez-vous qualifié\u202f: Transports Morel, le 12 nov. 2026 (DAF ETI) https://p.test/campaigns/c/meetings/m");
    expect(meetingLineText("en", m)).toBe("Qualified meeting: Transports Morel, 12 Nov 2026 (DAF ETI) https://p.test/campaigns/c/meetings/m");
  });
});

describe("billing emails", () => {
  const props = { ...InvoiceIssuedEmail.PreviewProps };
  test("invoice issued, in French: amount, meetings, pay link and the billing page", async () => {
    expect(issuedSubject(props)).toBe("Pipeline Partners\u202f: votre facture de novembre 2026 (10\u202f200,00\u00a0€)");
    const text = await render(createElement(InvoiceIssuedEmail, props), { plainText: true });
    expect(text).toContain("Rendez-vous facturés\u202f: 18");
    expect(text).toContain("https://invoice.stripe.com/i/acct_demo/test_42");
    expect(text).toContain("http://localhost:3000/billing/c1");
    expect(text).not.toMatch(/billing\.email|\{\w+\}/);
  });
  test("payment failed, in English", async () => {
    const en = { ...props, locale: "en" as const };
    expect(failedSubject(en)).toBe("Pipeline Partners: the payment of your invoice for November 2026 failed");
    const text = await render(createElement(PaymentFailedEmail, en), { plainText: true });
    expect(text).toContain("The payment of invoice RDV-0042 (November 2026) did not go through.");
    expect(text).toContain("Amount: €10,200.00");
  });
});
