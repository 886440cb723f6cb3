// How objective values read: counts, percentages, ratings out of 5, money from minor units in the client's currency.
import type { Locale } from "~/i18n";

const tag = (l: Locale) => (l === "fr" ? "fr-FR" : "en-GB");

export function formatMetric(locale: Locale, unit: string, value: number | null | undefined, currency = "EUR", opts: { precise?: boolean } = {}) {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  switch (unit) {
    case "percent":
      return new Intl.NumberFormat(tag(locale), { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
    case "rating":
      return `${new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 2 }).format(value)} / 5`;
    case "money":
      return new Intl.NumberFormat(tag(locale), { style: "currency", currency, maximumFractionDigits: opts.precise ? 2 : 0 }).format(value / 100);
    default:
      return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: opts.precise ? 1 : 0 }).format(value);
  }
}

/** A target as typed back into the form (money in major units). */
export function typedTarget(unit: string, value: number) {
  return unit === "money" ? String(value / 100) : String(value);
}

/** A calendar day ("YYYY-MM-DD") in the user's language, never shifted by a time zone. */
export function formatDay(locale: Locale, day: string, opts: Intl.DateTimeFormatOptions = { dateStyle: "medium" }) {
  return new Intl.DateTimeFormat(tag(locale), { ...opts, timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

export function formatPeriod(locale: Locale, p: { start: string; end: string }) {
  return `${formatDay(locale, p.start, { day: "numeric", month: "short" })} – ${formatDay(locale, p.end, { day: "numeric", month: "short", year: "numeric" })}`;
}
