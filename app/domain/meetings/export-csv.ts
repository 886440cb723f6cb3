// The meetings CSV as a person reads it (issue 9, "CSV for French spreadsheets"): headers and values in the reader's
// language (the labels of the screens, never HELD or VIDEO), times in the reader's time zone (named in the header),
// numbers and dates the way their spreadsheet reads them, the disputed criteria with their reasons and the rating
// sub-scores. Pure: the model streams the rows, this turns one row into cells.
import { translate, type Locale } from "~/i18n";
import { utcToZonedInput } from "~/domain/shared/timezone";

export type ExportMeeting = {
  id: string;
  externalId: string | null;
  scheduledAt: Date;
  timeZone: string;
  durationMinutes: number;
  channel: string;
  status: string;
  verdict: string;
  autoAccepted: boolean;
  prospectName: string;
  prospectTitle: string;
  prospectEmail: string;
  prospectPhone: string | null;
  prospectCompany: string;
  prospectDomain: string | null;
  prospectCompanySize: string | null;
  prospectIndustry: string | null;
  prospectCountry: string | null;
  prospectLinkedinUrl: string | null;
  ratingOverall: number | null;
  ratingPersonaFit: number | null;
  ratingDecisionPower: number | null;
  ratingRealNeed: number | null;
  ratingBriefing: number | null;
  disputeReason: string | null;
  disputeReasonText: string | null;
  resolutionReasoning: string | null;
  opportunityCreated: boolean | null;
  pipelineValue: number | null;
  won: boolean | null;
  internalNotes?: string;
  sdr: { name: string };
  clientAttendee: { name: string } | null;
  personaVersion: { name: string; number: number };
  definitionVersion: { number: number };
  campaign: { name: string };
  disputeItems: { reason: string; criterion: { label: string } }[];
};

export const RATING_COLUMNS = ["ratingOverall", "ratingPersonaFit", "ratingDecisionPower", "ratingRealNeed", "ratingBriefing"] as const;

type Column = { header: (locale: Locale, timeZone: string) => string; value: (m: ExportMeeting, c: Ctx) => string | number | null | undefined };
type Ctx = { locale: Locale; timeZone: string };

const tr = (key: string, vars?: Record<string, string | number>) => (locale: Locale) => translate(locale, key, vars);
const yesNo = (v: boolean | null, c: Ctx) => (v === null ? "" : translate(c.locale, v ? "meetings.export.yes" : "meetings.export.no"));

/** "03/12/2026 10:00" for French spreadsheets, "2026-12-03 10:00" otherwise: both read as dates by the spreadsheet. */
export function csvDateTime(date: Date, timeZone: string, locale: Locale) {
  const local = utcToZonedInput(date, timeZone); // 2026-12-03T10:00
  const [day, time] = local.split("T");
  if (locale === "fr") {
    const [y, m, d] = day.split("-");
    return `${d}/${m}/${y} ${time}`;
  }
  return `${day} ${time}`;
}

/** 1234.5 -> "1234,50" in French (a French spreadsheet reads "1234.50" as text), "1234.50" otherwise. */
export function csvAmount(minor: number, locale: Locale) {
  const s = (minor / 100).toFixed(2);
  return locale === "fr" ? s.replace(".", ",") : s;
}

const COLUMNS: Column[] = [
  { header: tr("meetings.export.col.id"), value: (m) => m.id },
  { header: tr("meetings.field.externalId"), value: (m) => m.externalId },
  { header: tr("meetings.export.col.campaign"), value: (m) => m.campaign.name },
  { header: (l, tz) => translate(l, "meetings.export.col.scheduledAt", { zone: tz }), value: (m, c) => csvDateTime(m.scheduledAt, c.timeZone, c.locale) },
  { header: tr("meetings.export.col.prospectTime"), value: (m, c) => csvDateTime(m.scheduledAt, m.timeZone, c.locale) },
  { header: tr("meetings.export.col.prospectTimeZone"), value: (m) => m.timeZone },
  { header: tr("meetings.export.col.duration"), value: (m) => m.durationMinutes },
  { header: tr("meetings.field.channel"), value: (m, c) => translate(c.locale, `meetings.channel.${m.channel}`) },
  { header: tr("meetings.export.col.status"), value: (m, c) => translate(c.locale, `meetings.status.${m.status}`) },
  { header: tr("meetings.export.col.verdict"), value: (m, c) => translate(c.locale, `meetings.verdict.${m.verdict}`) },
  { header: tr("meetings.export.col.autoAccepted"), value: (m, c) => yesNo(m.autoAccepted, c) },
  { header: tr("meetings.field.prospectName"), value: (m) => m.prospectName },
  { header: tr("meetings.field.prospectTitle"), value: (m) => m.prospectTitle },
  { header: tr("meetings.field.prospectEmail"), value: (m) => m.prospectEmail },
  { header: tr("meetings.field.prospectPhone"), value: (m) => m.prospectPhone },
  { header: tr("meetings.field.prospectCompany"), value: (m) => m.prospectCompany },
  { header: tr("meetings.field.prospectDomain"), value: (m) => m.prospectDomain },
  { header: tr("meetings.field.prospectCompanySize"), value: (m) => m.prospectCompanySize },
  { header: tr("meetings.field.prospectIndustry"), value: (m) => m.prospectIndustry },
  { header: tr("meetings.field.prospectCountry"), value: (m) => m.prospectCountry },
  { header: tr("meetings.field.prospectLinkedinUrl"), value: (m) => m.prospectLinkedinUrl },
  { header: tr("meetings.export.col.sdr"), value: (m) => m.sdr.name },
  { header: tr("meetings.export.col.clientAttendee"), value: (m) => m.clientAttendee?.name },
  { header: tr("meetings.export.col.persona"), value: (m) => m.personaVersion.name },
  { header: tr("meetings.export.col.personaVersion"), value: (m) => m.personaVersion.number },
  { header: tr("meetings.export.col.definitionVersion"), value: (m) => m.definitionVersion.number },
  ...RATING_COLUMNS.map<Column>((k) => ({
    header: (l) => translate(l, "meetings.export.col.rating", { name: translate(l, `meetings.rating.${k}`) }),
    value: (m) => m[k],
  })),
  { header: tr("meetings.export.col.disputedCriteria"), value: (m) => m.disputeItems.map((d) => d.criterion.label).join(" | ") },
  { header: tr("meetings.export.col.criteriaReasons"), value: (m, c) => m.disputeItems.map((d) => translate(c.locale, "meetings.export.criterionReason", { criterion: d.criterion.label, reason: d.reason })).join(" | ") },
  { header: tr("meetings.export.col.disputeReason"), value: (m, c) => (m.disputeReason ? translate(c.locale, `meetings.disputeReason.${m.disputeReason}`) : "") },
  { header: tr("meetings.export.col.disputeReasonText"), value: (m) => m.disputeReasonText },
  { header: tr("meetings.export.col.resolution"), value: (m) => m.resolutionReasoning },
  { header: tr("meetings.export.col.opportunity"), value: (m, c) => yesNo(m.opportunityCreated, c) },
  { header: tr("meetings.export.col.pipelineValue"), value: (m, c) => (m.pipelineValue === null ? "" : csvAmount(m.pipelineValue, c.locale)) },
  { header: tr("meetings.export.col.won"), value: (m, c) => yesNo(m.won, c) },
];

const INTERNAL: Column = { header: tr("meetings.export.col.internalNotes"), value: (m) => m.internalNotes };

/** A cell a spreadsheet would run as a formula is prefixed with a quote (CSV injection). */
export function safeCell(v: unknown) {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** The header row and a row builder for a reader (agency readers also get the internal notes). */
export function meetingCsvLayout(locale: Locale, timeZone: string, agency: boolean) {
  const columns = agency ? [...COLUMNS, INTERNAL] : COLUMNS;
  const ctx: Ctx = { locale, timeZone };
  return {
    header: columns.map((c) => c.header(locale, timeZone)),
    row: (m: ExportMeeting) => columns.map((c) => safeCell(c.value(m, ctx))),
  };
}
