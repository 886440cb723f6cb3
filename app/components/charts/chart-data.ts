// What a chart shows, independent of how it is drawn: its rows, its series, how a value and an x label read in the
// reader's language, and the CSV of its data. Pure (no React), shared by the server-rendered SVG, the recharts
// version the browser swaps in, the data table behind the chart and the CSV download.
import { makeT, type Locale } from "~/i18n";
import { formatDay, formatMetric } from "~/domain/objectives/format";
import { LEVELS } from "~/domain/qualitative/grid";

/**
 * "decimal": a plain number read to two decimals (a distance, a mean level), no unit sign. "level": a qualitative
 * grid's level, 0 (not observed) to 3 (exemplary), read by its name ("Acquired (2)").
 */
export type ChartUnit = "count" | "percent" | "rating" | "money" | "decimal" | "level";
export type ChartValue = string | number | null;
export type ChartRow = Record<string, ChartValue>;

export type ChartSeries = {
  key: string;
  label: string;
  /** Drawn as bars or as a line; defaults to the chart's kind. */
  kind?: "line" | "bar";
  /** A reference line (the objectives' expected line): dashed, grey. */
  dashed?: boolean;
  /** Bars sharing a stack id pile up (upheld / rejected disputes). */
  stack?: string;
  color?: string;
  /** Defaults to the chart's unit. */
  unit?: ChartUnit;
  /** In the table and the CSV only, not drawn (a figure of another unit than the chart's axis). */
  tableOnly?: boolean;
};

export type ChartX = {
  key: string;
  label: string;
  /** "day": the value is a "YYYY-MM-DD" day; "week": the Monday of a week; "category": shown as it is. */
  type?: "day" | "week" | "category";
};

/** A readable palette (WCAG AA against white for text of the same colour), distinct in grey print. */
export const PALETTE = ["#2a55e0", "#0f766e", "#b45309", "#7c3aed", "#be123c", "#475569"];
export const EXPECTED_COLOR = "#64748b";

export function colorOf(series: ChartSeries, index: number): string {
  if (series.color) return series.color;
  if (series.dashed) return EXPECTED_COLOR;
  return PALETTE[index % PALETTE.length];
}

/** A level's name in the reader's language: 2 -> "Acquired"; a mean is named after its nearest level. */
export function levelName(locale: Locale, value: number): string {
  const level = LEVELS[Math.min(LEVELS.length - 1, Math.max(0, Math.round(value)))]!;
  return makeT(locale)(`objectives.qual.level.${level}`);
}

/** The vertical range of a level chart: the four levels 0-3 with a margin, so level 0 sits above the time axis. */
export const LEVEL_DOMAIN: [number, number] = [-0.35, 3.25];

/** The vertical axis of a chart: a grid's four levels, or round ticks from zero. */
export function axisTicks(unit: ChartUnit, max: number): number[] {
  return unit === "level" ? LEVELS.map((_, i) => i) : niceTicks(max);
}

export function formatValue(locale: Locale, unit: ChartUnit, value: ChartValue, currency = "EUR"): string {
  if (value === null || value === "") return "—";
  if (typeof value === "string") return value;
  if (unit === "level") {
    const n = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 2 }).format(value);
    return `${levelName(locale, value)} (${n})`;
  }
  if (unit === "decimal") return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 2 }).format(value);
  return formatMetric(locale, unit, value, currency);
}

/** A compact axis tick: "1,2 k", "40 %", "3 €". */
export function formatTick(locale: Locale, unit: ChartUnit, value: number, currency = "EUR"): string {
  const tag = locale === "fr" ? "fr-FR" : "en-GB";
  switch (unit) {
    case "level":
      return levelName(locale, value);
    case "percent":
      return new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 0 }).format(value / 100);
    case "money":
      return new Intl.NumberFormat(tag, { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 }).format(value / 100);
    case "rating":
    case "decimal":
      return new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(value);
    default:
      return new Intl.NumberFormat(tag, { notation: "compact", maximumFractionDigits: 1 }).format(value);
  }
}

export function formatX(locale: Locale, x: ChartX, value: ChartValue, opts: { long?: boolean } = {}): string {
  if (value === null) return "—";
  if ((x.type === "day" || x.type === "week") && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return formatDay(locale, value, opts.long ? { dateStyle: "medium" } : { day: "numeric", month: "short" });
  }
  return String(value);
}

/** Round maximum and evenly spaced ticks from 0 (every chart here counts or rates from zero). */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toFixed(10)));
  return ticks;
}

/** The largest value drawn: stacked bars add up, lines and grouped bars are each their own. */
export function maxOf(rows: ChartRow[], series: ChartSeries[]): number {
  let max = 0;
  for (const row of rows) {
    const stacks = new Map<string, number>();
    for (const s of series) {
      const v = typeof row[s.key] === "number" ? (row[s.key] as number) : 0;
      if (s.stack && (s.kind ?? "bar") === "bar") stacks.set(s.stack, (stacks.get(s.stack) ?? 0) + v);
      else max = Math.max(max, v);
    }
    for (const v of stacks.values()) max = Math.max(max, v);
  }
  return max;
}

function csvCell(value: string, separator: string): string {
  return /["\n\r]/.test(value) || value.includes(separator) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The chart's data as CSV, for a spreadsheet in the reader's language: a byte-order mark so Excel reads UTF-8, a
 * semicolon and a decimal comma in French (Excel's French default), a comma and a decimal point in English. Days stay
 * ISO ("2026-03-02") so every spreadsheet sorts them; money is in major units; rates are percentages.
 */
export function chartCsv(locale: Locale, x: ChartX, series: ChartSeries[], rows: ChartRow[], unit: ChartUnit = "count"): string {
  const separator = locale === "fr" ? ";" : ",";
  const number = (v: number, u: ChartUnit) => {
    const n = u === "money" ? v / 100 : v;
    const s = String(Number(n.toFixed(4)));
    return locale === "fr" ? s.replace(".", ",") : s;
  };
  const lines = [[x.label, ...series.map((s) => s.label)].map((c) => csvCell(c, separator)).join(separator)];
  for (const row of rows) {
    const cells = [String(row[x.key] ?? "")];
    for (const s of series) {
      const v = row[s.key];
      cells.push(typeof v === "number" ? number(v, s.unit ?? unit) : v == null ? "" : String(v));
    }
    lines.push(cells.map((c) => csvCell(c, separator)).join(separator));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** A download link's href for the CSV (a data: URL: no round trip, works without JavaScript, nothing to authorize). */
export function csvHref(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}

/** A file name from a title: "Weekly trend" -> "weekly-trend.csv". */
export function csvFileName(base: string): string {
  const slug = base
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${slug || "chart"}.csv`;
}
