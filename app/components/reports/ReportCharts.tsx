// The report's two charts (weekly trend, rating distribution), from the frozen snapshot, through ChartFigure like
// every chart of the portal (a plain SVG first, recharts once hydrated, the same data as a table and a CSV), in the
// report's language. The PDF draws the same data (app/services/report-pdf.server.tsx).
import type { Locale, TFunction } from "~/i18n";
import type { ReportSnapshot } from "~/domain/reports/snapshot";
import { ChartFigure } from "~/components/charts/ChartFigure";

export function TrendChart({ trend, t, locale }: { trend: ReportSnapshot["trend"]; t: TFunction; locale: Locale }) {
  return (
    <ChartFigure
      id="report-trend"
      locale={locale}
      kind="bar"
      title={t("reports.section.trend")}
      description={t("reports.view.trendDescription")}
      x={{ key: "week", label: t("reports.view.weekOf"), type: "week" }}
      series={[
        { key: "booked", label: t("reports.view.booked"), color: "#93a9f0" },
        { key: "held", label: t("reports.view.held"), color: "#2a55e0" },
        { key: "accepted", label: t("reports.view.accepted"), color: "#182b66" },
      ]}
      rows={trend.map((w) => ({ week: w.start, booked: w.booked, held: w.held, accepted: w.accepted }))}
      height={220}
    />
  );
}

export function RatingsChart({ ratings, t, locale }: { ratings: ReportSnapshot["ratings"]; t: TFunction; locale: Locale }) {
  return (
    <ChartFigure
      id="report-ratings"
      locale={locale}
      kind="bar"
      title={t("reports.section.ratings")}
      description={t("reports.view.ratingsDescription")}
      x={{ key: "rating", label: t("reports.view.ratingLabel"), type: "category" }}
      series={[{ key: "count", label: t("reports.view.count") }]}
      rows={ratings.map((r) => ({ rating: t("reports.view.rating", { stars: r.rating }), count: r.count }))}
      height={200}
    />
  );
}
