// The calibration over time: per compared criterion, the mean distance per month between the agency's and the
// client's judgement (0 to 3). Drawn by ChartFigure, so it has the table behind it and the CSV download; the table and
// the CSV also give, per criterion, how many meetings rated by both sides each month's distance rests on.
import { ChartFigure, type ChartRow, type ChartSeries } from "~/components/charts/ChartFigure";
import { formatDay } from "~/domain/objectives/format";
import { useT } from "~/utils/i18n";

export function CalibrationChart({ series, months }: { series: string[]; months: { month: string; cells: { distance: number | null; meetings: number }[] }[] }) {
  const { t, locale } = useT();
  const label = (m: string) => formatDay(locale, `${m}-01`, { month: "short", year: "numeric" });
  const chartSeries: ChartSeries[] = [
    ...series.map((name, i): ChartSeries => ({ key: `d${i}`, label: name, kind: "line" })),
    ...series.map((name, i): ChartSeries => ({ key: `n${i}`, label: t("qual.calibration.meetingsOf", { criterion: name }), unit: "count", tableOnly: true })),
  ];
  const rows: ChartRow[] = months.map((m) => ({
    month: label(m.month),
    ...Object.fromEntries(series.map((_, i) => [`d${i}`, m.cells[i]?.distance ?? null])),
    ...Object.fromEntries(series.map((_, i) => [`n${i}`, m.cells[i]?.meetings ?? 0])),
  }));
  return (
    <ChartFigure
      id="calibration-trend"
      kind="line"
      title={t("qual.calibration.overTime")}
      description={t("qual.calibration.chartCaption")}
      x={{ key: "month", label: t("qual.calibration.month"), type: "category" }}
      series={chartSeries}
      rows={rows}
      unit="decimal"
      fileName={t("qual.calibration.csvName")}
    />
  );
}
