// Billing rules, pure (no I/O): periods, prices in force, what an invoice line says, Stripe's invoice status
// in ours, money formatting. Money is always integer minor units with its currency.
import type { Locale } from "~/i18n";

/** ISO 4217 currencies the portal bills in, and their minor-unit exponent. */
export const BILLING_CURRENCIES = { EUR: 2, USD: 2, GBP: 2, CHF: 2 } as const;
export type BillingCurrency = keyof typeof BILLING_CURRENCIES;
export function isBillingCurrency(v: string): v is BillingCurrency {
  return Object.prototype.hasOwnProperty.call(BILLING_CURRENCIES, v);
}

/** French VAT, the default choice of the pricing form. */
export const DEFAULT_TAX_RATE_BPS = 2000;
export const TAX_RATE_CHOICES = [2000, 1000, 550, 0] as const;

export const INVOICE_STATUSES = ["PENDING", "DRAFT", "OPEN", "PAID", "PAYMENT_FAILED", "VOID", "UNCOLLECTIBLE"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** A period is a calendar month in UTC, "YYYY-MM". Items accrue in the month they became billable. */
export function periodOf(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

export function isPeriod(v: string) {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
}

export function addPeriods(period: string, n: number): string {
  const [y, m] = period.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return periodOf(d);
}

export function periodStart(period: string): Date {
  const [y, m] = period.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, 1));
}

/** The day after the period's last day (exclusive end). */
export function periodEnd(period: string): Date {
  return periodStart(addPeriods(period, 1));
}

/** The invoice of a period is issued on the billing day of the following month (00:00 UTC). */
export function invoiceDate(period: string, billingDay: number): Date {
  const start = periodStart(addPeriods(period, 1));
  return new Date(start.getTime() + (billingDay - 1) * 86400_000);
}

/**
 * The latest period that is due for invoicing at `now` (the previous month once its billing day has come,
 * else the month before it). The billing run invoices every period up to it that has no invoice yet.
 */
export function lastDuePeriod(now: Date, billingDay: number): string {
  const previous = addPeriods(periodOf(now), -1);
  return now >= invoiceDate(previous, billingDay) ? previous : addPeriods(previous, -1);
}

export type PriceTerms = {
  effectivePeriod: string;
  currency: string;
  retainerAmount: number;
  meetingPrice: number;
  campaignPrices: Record<string, number>;
};

/** The prices in force in `period`: the latest version that starts at or before it (null: never priced). */
export function termsFor<T extends PriceTerms>(versions: readonly T[], period: string): T | null {
  let best: T | null = null;
  for (const v of versions) if (v.effectivePeriod <= period && (!best || v.effectivePeriod > best.effectivePeriod)) best = v;
  return best;
}

/** A meeting's price: the campaign's override if any, else the client's price per meeting. */
export function meetingPriceFor(terms: PriceTerms, campaignId: string | null) {
  const override = campaignId ? terms.campaignPrices[campaignId] : undefined;
  return typeof override === "number" ? override : terms.meetingPrice;
}

/** Reads the campaignPrices JSON column defensively (only non-negative integers count). */
export function readCampaignPrices(json: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (json && typeof json === "object" && !Array.isArray(json)) {
    for (const [k, v] of Object.entries(json)) if (Number.isInteger(v) && (v as number) >= 0) out[k] = v as number;
  }
  return out;
}

/** Stripe's invoice in our status: an open invoice whose payment was attempted and failed is PAYMENT_FAILED. */
export function statusFromStripe(inv: { status: string | null; attempted?: boolean; attempt_count?: number; amount_remaining?: number }): InvoiceStatus {
  switch (inv.status) {
    case "draft":
      return "DRAFT";
    case "open":
      return inv.attempted && (inv.attempt_count ?? 0) > 0 && (inv.amount_remaining ?? 1) > 0 ? "PAYMENT_FAILED" : "OPEN";
    case "paid":
      return "PAID";
    case "void":
      return "VOID";
    case "uncollectible":
      return "UNCOLLECTIBLE";
    default:
      return "DRAFT";
  }
}

/** Invoices the client still has to pay. */
export const UNPAID_STATUSES: readonly InvoiceStatus[] = ["OPEN", "PAYMENT_FAILED"];

export function formatMoney(locale: Locale, minor: number, currency: string) {
  const exp = isBillingCurrency(currency) ? BILLING_CURRENCIES[currency] : 2;
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { style: "currency", currency }).format(minor / 10 ** exp);
}

/** "12.50" or "12,50" typed in a form, in minor units; null when it is not an amount. */
export function parseAmount(input: string, currency = "EUR"): number | null {
  const exp = isBillingCurrency(currency) ? BILLING_CURRENCIES[currency] : 2;
  const clean = input.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(clean)) return null;
  const [int, frac = ""] = clean.replace("-", "").split(".");
  if (frac.length > exp) return null;
  const minor = Number(int) * 10 ** exp + Number((frac + "0".repeat(exp)).slice(0, exp));
  if (!Number.isSafeInteger(minor)) return null;
  return clean.startsWith("-") ? -minor : minor;
}

export function amountInput(minor: number, currency = "EUR") {
  const exp = isBillingCurrency(currency) ? BILLING_CURRENCIES[currency] : 2;
  return (minor / 10 ** exp).toFixed(exp);
}

/**
 * EU VAT numbers: two-letter country prefix and 2 to 13 letters or digits (the format Stripe's eu_vat tax id
 * accepts); French ones are FR + 2 key characters + the 9-digit SIREN.
 */
export function isVatNumber(v: string) {
  const s = v.replace(/[\s.-]/g, "").toUpperCase();
  if (s.startsWith("FR")) return /^FR[0-9A-HJ-NP-Z]{2}\d{9}$/.test(s);
  return /^(AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI|CH|GB|NO)[0-9A-Z]{2,13}$/.test(s);
}

export function normalizeVat(v: string) {
  return v.replace(/[\s.-]/g, "").toUpperCase();
}

/** The text of an invoice line for one meeting, in the client's language. */
export function meetingLineText(locale: Locale, m: { prospectCompany: string; scheduledAt: string | Date; campaignName: string; url: string }) {
  const date = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", timeZone: "Europe/Paris" }).format(new Date(m.scheduledAt));
  return locale === "fr"
    ? `Rendez-vous qualifié\u202f: ${m.prospectCompany}, le ${date} (${m.campaignName}) ${m.url}`
    : `Qualified meeting: ${m.prospectCompany}, ${date} (${m.campaignName}) ${m.url}`;
}

export function retainerLineText(locale: Locale, period: string) {
  const month = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(periodStart(period));
  return locale === "fr" ? `Forfait mensuel, ${month}` : `Monthly retainer, ${month}`;
}
