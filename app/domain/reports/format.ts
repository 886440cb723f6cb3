// How a report's figures read, in the reader's language: values in their unit, changes against the previous period
// (points for rates, a percentage for counts and money), periods as calendar days.
import type { Locale, MessageKey, TFunction } from "~/i18n";
import { formatMetric, formatPeriod } from "~/domain/objectives/format";
import type { KpiTile } from "~/domain/dashboards/kpis";
import type { FigureChange } from "./snapshot";

const tag = (l: Locale) => (l === "fr" ? "fr-FR" : "en-GB");

export function formatChange(locale: Locale, tile: Pick<KpiTile, "unit" | "change">, currency: string): string | null {
  const c = tile.change;
  if (!c) return null;
  if (c.ratio !== null && tile.unit !== "percent" && tile.unit !== "rating") {
    return new Intl.NumberFormat(tag(locale), { style: "percent", maximumFractionDigits: 0, signDisplay: "exceptZero" }).format(c.ratio);
  }
  if (tile.unit === "percent") {
    const pts = new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(c.delta);
    // A no-break space: the unit never wraps away from its figure.
    return `${pts}\u00a0pts`;
  }
  if (tile.unit === "money") {
    return new Intl.NumberFormat(tag(locale), { style: "currency", currency, maximumFractionDigits: 0, signDisplay: "exceptZero" }).format(c.delta / 100);
  }
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 2, signDisplay: "exceptZero" }).format(c.delta);
}

export function formatValue(locale: Locale, unit: string, value: number | null, currency: string) {
  return formatMetric(locale, unit, value, currency);
}

export function formatRange(locale: Locale, r: { start: string; end: string }) {
  return formatPeriod(locale, r);
}

export function formatInstant(locale: Locale, iso: string, timeZone: string) {
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
}

const DISPUTE_LABELS: Record<string, MessageKey> = {
  DISPUTES_OPENED: "reports.view.disputesOpened",
  DISPUTES_UPHELD: "reports.view.disputesUpheld",
  DISPUTES_REJECTED: "reports.view.disputesRejected",
  DISPUTES_PENDING: "reports.view.disputesPending",
};

/** A corrected version's changed figures as the reader reads them: the figure's name, the first value, the new one. */
export function changeLines(
  locale: Locale,
  t: TFunction,
  changes: readonly FigureChange[] | undefined,
  currency: string,
): { label: string; from: string; to: string }[] {
  return (changes ?? []).map((c) => ({
    label: t(DISPUTE_LABELS[c.key] ?? (`objectives.metricName.${c.key}` as MessageKey)),
    from: formatMetric(locale, c.unit, c.from, currency),
    to: formatMetric(locale, c.unit, c.to, currency),
  }));
}
