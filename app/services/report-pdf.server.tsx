// A report as a PDF (@react-pdf/renderer, in Node, no browser), drawn from the same frozen snapshot as the portal
// page: the same sections, figures and the same two charts (drawn here as bars from the same data).
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { Style } from "@react-pdf/types";
import { createElement } from "react";
import { keyFor, makeT, type Locale } from "~/i18n";
import type { ReportSnapshot } from "~/domain/reports/snapshot";
import { textBlocks } from "~/domain/reports/text";
import { changeLines, formatChange, formatRange, formatValue } from "~/domain/reports/format";
import { formatDay, formatMetric } from "~/domain/objectives/format";

// The PDF's built-in Helvetica has no glyph for the narrow no-break space French number formats use.
const pdfText = (s: string) => s.replace(/\u202f/g, "\u00a0").replace(/[−]/g, "-").replace(/→/g, "->").replace(/★/g, "*");

const st = StyleSheet.create({
  page: { padding: 36, fontSize: 10, fontFamily: "Helvetica", color: "#1e293b" },
  brand: { fontSize: 9, color: "#64748b" },
  title: { fontSize: 18, fontFamily: "Helvetica-Bold", marginTop: 6, color: "#182b66" },
  sub: { fontSize: 10, color: "#475569", marginTop: 2 },
  h2: { fontSize: 12, fontFamily: "Helvetica-Bold", marginTop: 14, marginBottom: 6, color: "#182b66" },
  // Line heights in points: this renderer reads a unitless 1.4 as about twice the line (blank lines between items).
  p: { marginBottom: 4, lineHeight: "14pt" },
  li: { marginBottom: 2, marginLeft: 10, lineHeight: "14pt" },
  tiles: { flexDirection: "row", flexWrap: "wrap" },
  tile: { width: "33%", paddingRight: 6, marginBottom: 6 },
  tileBox: { borderWidth: 1, borderColor: "#e2e8f0", borderRadius: 3, padding: 6 },
  small: { fontSize: 8, color: "#64748b" },
  big: { fontSize: 14, fontFamily: "Helvetica-Bold" },
  row: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: "#e2e8f0", paddingVertical: 3 },
  cell: { flex: 1 },
  cellR: { flex: 1, textAlign: "right" },
  barRow: { flexDirection: "row", alignItems: "center", marginBottom: 2 },
  barLabel: { width: 90, fontSize: 8, color: "#475569" },
  bar: { height: 7, backgroundColor: "#4f75ea", marginRight: 4 },
  footer: { position: "absolute", bottom: 20, left: 36, right: 36, fontSize: 8, color: "#94a3b8", textAlign: "center" },
});

function T({ children, style, minPresenceAhead }: { children: string; style?: Style | Style[]; minPresenceAhead?: number }) {
  return <Text style={style} minPresenceAhead={minPresenceAhead}>{pdfText(children)}</Text>;
}

/** A section title, never left alone at the foot of a page (at least its first lines follow it). */
function H2({ children }: { children: string }) {
  return <T style={st.h2} minPresenceAhead={40}>{children}</T>;
}

function Blocks({ text }: { text: string }) {
  return (
    <View>
      {textBlocks(text).map((b, i) =>
        b.kind === "p" ? <T key={i} style={st.p}>{b.text}</T> : <View key={i}>{b.items.map((it, j) => <T key={j} style={st.li}>{`•  ${it}`}</T>)}</View>,
      )}
    </View>
  );
}

function Bars({ rows, max, format }: { rows: { label: string; value: number }[]; max: number; format: (n: number) => string }) {
  const top = Math.max(1, max);
  return (
    <View>
      {rows.map((r, i) => (
        <View key={i} style={st.barRow}>
          <T style={st.barLabel}>{r.label}</T>
          <View style={[st.bar, { width: Math.max(1, (r.value / top) * 300) }]} />
          <T style={st.small}>{format(r.value)}</T>
        </View>
      ))}
    </View>
  );
}

export function ReportPdf({ s, locale, frozenAt, correctionNote }: { s: ReportSnapshot; locale: Locale; frozenAt: string | null; correctionNote?: string | null }) {
  const t = makeT(locale);
  const cur = s.campaign.currency;
  const show = new Set(s.sections);
  const day = (d: string) => formatDay(locale, d, { day: "numeric", month: "short" });
  // French puts a (narrow) no-break space before a colon.
  const colon = locale === "fr" ? "\u202f:" : ":";
  const n = (v: number) => formatValue(locale, "count", v, cur);
  return (
    <Document title={`${s.campaign.name} · ${formatRange(locale, s.period)}`} author={s.campaign.agency} language={locale}>
      <Page size="A4" style={st.page}>
        <T style={st.brand}>{t("reports.view.generated", { agency: s.campaign.agency, client: s.campaign.client })}</T>
        <T style={st.title}>{s.campaign.name}</T>
        <T style={st.sub}>{`${formatRange(locale, s.period)} · ${t("reports.view.previous", { period: formatRange(locale, s.previous) })}`}</T>
        {frozenAt ? <T style={st.small}>{t("reports.frozenOn", { date: new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(frozenAt)) })}</T> : null}
        {!s.hasActivity ? <T style={st.p}>{t("reports.view.noActivity")}</T> : null}
        {correctionNote ? <T style={[st.p, { marginTop: 8 }]}>{`${t("reports.email.corrected")} ${correctionNote}`}</T> : null}
        {s.changes ? (
          <View wrap={false}>
            <H2>{t("reports.changes.title")}</H2>
            {s.changes.length === 0 ? <T style={st.p}>{t("reports.changes.none")}</T> : changeLines(locale, t, s.changes, cur).map((c) => (
              <T key={c.label} style={st.li}>{`•  ${t("reports.changes.line", c)}`}</T>
            ))}
          </View>
        ) : null}
        {s.texts.commentary ? (<><H2>{t("reports.view.commentary")}</H2><Blocks text={s.texts.commentary} /></>) : null}
        {show.has("kpis") ? (
          <View wrap={false}>
            <H2>{t("reports.section.kpis")}</H2>
            <View style={st.tiles}>
              {s.kpis.map((k) => {
                const change = formatChange(locale, k, cur);
                return (
                  <View key={k.key} style={st.tile}>
                    <View style={st.tileBox}>
                      <T style={st.small}>{t(keyFor("objectives.metricName", k.key, "common.unknown"))}</T>
                      <T style={st.big}>{formatValue(locale, k.unit, k.value, cur)}</T>
                      {change ? <T style={st.small}>{t("reports.view.vsPrevious", { change })}</T> : null}
                    </View>
                  </View>
                );
              })}
            </View>
          </View>
        ) : null}
        {show.has("funnel") ? (
          <View wrap={false}>
            <H2>{t("reports.section.funnel")}</H2>
            <Bars rows={s.funnel.map((f) => ({ label: t(keyFor("objectives.funnel", f.stage, "common.unknown")), value: f.value }))} max={Math.max(...s.funnel.map((f) => f.value))} format={n} />
          </View>
        ) : null}
        {show.has("trend") ? (
          <View wrap={false}>
            <H2>{t("reports.section.trend")}</H2>
            {s.trend.map((w) => (
              <View key={w.start} style={st.row}>
                <T style={st.cell}>{t("reports.view.week", { date: day(w.start) })}</T>
                <T style={st.cellR}>{`${t("reports.view.booked")} ${n(w.booked)}`}</T>
                <T style={st.cellR}>{`${t("reports.view.held")} ${n(w.held)}`}</T>
                <T style={st.cellR}>{`${t("reports.view.accepted")} ${n(w.accepted)}`}</T>
              </View>
            ))}
            <View style={{ marginTop: 6 }}>
              <Bars rows={s.trend.map((w) => ({ label: day(w.start), value: w.booked }))} max={Math.max(...s.trend.map((w) => w.booked))} format={n} />
            </View>
          </View>
        ) : null}
        {show.has("ratings") ? (
          <View wrap={false}>
            <H2>{t("reports.section.ratings")}</H2>
            <Bars rows={s.ratings.map((r) => ({ label: t("reports.view.rating", { stars: r.rating }), value: r.count }))} max={Math.max(...s.ratings.map((r) => r.count))} format={n} />
          </View>
        ) : null}
        {show.has("disputes") ? (
          <View wrap={false}>
            <H2>{t("reports.section.disputes")}</H2>
            {s.disputes.opened === 0 ? <T style={st.p}>{t("reports.view.noDisputes")}</T> : (
              <T style={st.p}>{`${t("reports.view.disputesOpened")}${colon} ${n(s.disputes.opened)} · ${t("reports.view.disputesUpheld")}${colon} ${n(s.disputes.upheld)} · ${t("reports.view.disputesRejected")}${colon} ${n(s.disputes.rejected)} · ${t("reports.view.disputesPending")}${colon} ${n(s.disputes.pending)}`}</T>
            )}
          </View>
        ) : null}
        {show.has("objectives") ? (
          <View>
            <H2>{t("reports.section.objectives")}</H2>
            {s.objectives.length ? (
              <View style={st.row} wrap={false}>
                <T style={[st.cell, st.small, { flex: 2 }]}>{t("objectives.metric")}</T>
                <T style={[st.cellR, st.small]}>{t("reports.view.actual")}</T>
                <T style={[st.cellR, st.small]}>{t("reports.view.target")}</T>
                <T style={[st.cellR, st.small, { flex: 1.4, paddingLeft: 8 }]}>{t("objectives.pace")}</T>
              </View>
            ) : null}
            {s.objectives.length === 0 ? <T style={st.p}>{t("reports.view.noObjectives")}</T> : s.objectives.map((o, i) => (
              <View key={i} style={st.row} wrap={false}>
                <T style={[st.cell, { flex: 2 }]}>{t(keyFor("objectives.metricName", o.metric, "common.unknown"))}</T>
                <T style={st.cellR}>{formatValue(locale, o.unit, o.actual, cur)}</T>
                <T style={st.cellR}>{formatValue(locale, o.unit, o.target, cur)}</T>
                <T style={[st.cellR, { flex: 1.4, paddingLeft: 8 }]}>{t(keyFor("objectives.status", o.status, "common.unknown"))}</T>
              </View>
            ))}
          </View>
        ) : null}
        {show.has("qualitative") ? (
          <View>
            <H2>{t("reports.section.qualitative")}</H2>
            {s.qualitative.length === 0 ? <T style={st.p}>{t("reports.view.noQualitative")}</T> : s.qualitative.map((q, i) => (
              <T key={i} style={st.p}>{`${q.title} · ${t("reports.view.teamLevel", { value: q.score === null ? "—" : t("reports.view.levelOf", { score: formatMetric(locale, "count", q.score, cur, { precise: true }) }) })}`}</T>
            ))}
          </View>
        ) : null}
        {show.has("levers") ? (
          <View>
            <H2>{t("reports.section.levers")}</H2>
            {s.levers.length === 0 ? <T style={st.p}>{t("reports.view.noLevers")}</T> : s.levers.map((l, i) => (
              <View key={i} wrap={false}>
                <T style={[st.p, { fontFamily: "Helvetica-Bold" }]}>{`${t(keyFor("objectives.lever", l.lever, "common.unknown"))} · ${t(keyFor("objectives.gapStatus", l.status, "common.unknown"))}`}</T>
                <T style={st.p}>{l.diagnosis}</T>
                <T style={st.p}>{`-> ${l.action}`}</T>
              </View>
            ))}
          </View>
        ) : null}
        {s.texts.highlights ? (<><H2>{t("reports.view.highlights")}</H2><Blocks text={s.texts.highlights} /></>) : null}
        {show.has("highlights") ? (
          <View>
            <H2>{t("reports.section.highlights")}</H2>
            {s.highlights.length === 0 ? <T style={st.p}>{t("reports.view.noHighlights")}</T> : s.highlights.map((h) => (
              <T key={h.id} style={st.p}>{`${h.company} · ${h.prospectTitle} · ${formatDay(locale, h.day)}${h.won ? ` · ${t("reports.view.won")}` : h.opportunity ? ` · ${t("reports.view.opportunity")}` : ""}${h.rating ? ` · ${t("reports.view.ratingShort", { rating: h.rating })}` : ""}`}</T>
            ))}
          </View>
        ) : null}
        {s.texts.nextSteps ? (<><H2>{t("reports.view.nextSteps")}</H2><Blocks text={s.texts.nextSteps} /></>) : null}
        <Text style={st.footer} render={({ pageNumber, totalPages }) => `${pdfText(s.campaign.name)} · ${pageNumber}/${totalPages}`} fixed />
      </Page>
    </Document>
  );
}

/** Renders a report's PDF from its snapshot, in the reader's language (a corrected version: with what changed). */
export async function renderReportPdf(s: ReportSnapshot, locale: Locale, frozenAt: string | null, correctionNote?: string | null): Promise<Buffer> {
  return renderToBuffer(createElement(ReportPdf, { s, locale, frozenAt, correctionNote }) as Parameters<typeof renderToBuffer>[0]);
}

/**
 * The PDF's file name as its reader sees it, in their language, accents kept ("Rapport Campagne Été – 1 mars – 31 mars
 * 2026.pdf"): only the characters no file system or mail client accepts are replaced.
 */
export function reportPdfFileName(s: ReportSnapshot, locale: Locale) {
  const t = makeT(locale);
  const name = t("reports.pdf.fileName", { campaign: s.campaign.name, period: formatRange(locale, s.period) })
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, "-")
    .replace(/[\u00a0\u202f\s]+/g, " ")
    .trim()
    .slice(0, 150);
  return `${name}.pdf`;
}

/** A Content-Disposition that keeps the reader's file name (RFC 6266 filename*), with an ASCII one for old clients. */
export function pdfDisposition(fileName: string) {
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** The report's PDF as an email attachment, in the reader's language. */
export async function reportPdfAttachment(s: ReportSnapshot, locale: Locale, frozenAt: string | null, correctionNote?: string | null) {
  return { filename: reportPdfFileName(s, locale), contentType: "application/pdf", content: new Uint8Array(await renderReportPdf(s, locale, frozenAt, correctionNote)) };
}

/** The reader's file name in ASCII only (the fallback of old clients): accents dropped, the rest as dashes. */
export function asciiFileName(fileName: string) {
  const base = fileName.replace(/\.pdf$/i, "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9-]+/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "");
  return `${base.slice(0, 100) || "report"}.pdf`;
}
