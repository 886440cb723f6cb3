// A qualitative objective's charts, through ChartFigure like every chart of the portal (a drawing that works without
// JavaScript, the same figures as a table, a CSV download): the level per criterion over time, and the supported
// metric's weekly trend beside it.
import { useT } from "~/utils/i18n";
import { overallLevel } from "~/domain/qualitative/trend";
import { formatDay, formatMetric } from "~/domain/objectives/format";
import { ChartFigure, type ChartUnit } from "~/components/charts/ChartFigure";
import { levelName } from "~/components/charts/chart-data";

type Point = { day: string; scores: Record<string, number>; contributors: number };

/** One subject's chart: a line per criterion, levels 0 (not observed) to 3 (exemplary) on the vertical axis. */
export function LevelTrend({ subject, points, labels }: { subject: string; points: Point[]; labels: Record<string, string> }) {
  const { t, locale } = useT();
  const keys = Object.keys(labels).filter((k) => points.some((p) => k in p.scores));
  const last = points.at(-1);
  const summary = last
    ? t("objectives.qual.chart.summary", { subject, count: points.length, date: formatDay(locale, last.day), level: levelName(locale, overallLevel(last)?.score ?? 0) })
    : t("objectives.qual.chart.empty", { subject });
  return (
    <ChartFigure
      id="level-trend"
      kind="line"
      unit="level"
      title={t("objectives.qual.chart.table", { subject })}
      description={summary}
      x={{ key: "day", label: t("objectives.qual.chart.date"), type: "day" }}
      series={keys.map((k) => ({ key: k, label: labels[k]! }))}
      rows={points.map((p) => ({ day: p.day, ...Object.fromEntries(keys.map((k) => [k, p.scores[k] ?? null])) }))}
      emptyText={summary}
    />
  );
}

/** The supported metric, week by week (bars), with its table. */
export function MetricTrend({ label, unit, points }: { label: string; unit: string; points: { day: string; value: number | null }[] }) {
  const { t, locale } = useT();
  const chartUnit: ChartUnit = unit === "percent" || unit === "rating" || unit === "money" ? unit : "count";
  return (
    <ChartFigure
      id="metric-trend"
      kind="bar"
      unit={chartUnit}
      title={label}
      description={t("objectives.qual.chart.metricSummary", { metric: label, value: formatMetric(locale, unit, points.at(-1)?.value ?? null) })}
      x={{ key: "week", label: t("objectives.qual.chart.week"), type: "week" }}
      series={[{ key: "value", label }]}
      rows={points.map((p) => ({ week: p.day, value: p.value }))}
    />
  );
}
