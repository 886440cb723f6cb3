// The CSV import's fields, shared by the mapping screen (browser) and the import service (server); how dates and
// times typed in spreadsheets are read (issue 9: separate date and time columns, a chosen date format).
import { LOCALES, translate, type Locale } from "~/i18n";

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export const IMPORT_FIELDS = [
  "externalId",
  "prospectName",
  "prospectTitle",
  "prospectEmail",
  "prospectPhone",
  "prospectCompany",
  "prospectDomain",
  "prospectCompanySize",
  "prospectIndustry",
  "prospectCountry",
  "prospectLinkedinUrl",
  "scheduledAt",
  "scheduledDate",
  "scheduledTime",
  "timeZone",
  "durationMinutes",
  "channel",
  "location",
  "persona",
  "sdrEmail",
  "clientAttendeeEmail",
  "discoveryNeed",
  "discoveryContext",
  "discoveryBudget",
  "discoveryTimeline",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Always needed; the time (scheduledAt, or scheduledDate with or without scheduledTime) and the persona (a column or a default) are checked apart. */
export const REQUIRED_IMPORT_FIELDS: ImportField[] = ["prospectName", "prospectEmail", "prospectCompany"];

export const DATE_FORMATS = ["DMY", "YMD", "MDY"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const DATE_FORMAT_PATTERN: Record<DateFormat, string> = { DMY: "DD/MM/YYYY", YMD: "YYYY-MM-DD", MDY: "MM/DD/YYYY" };

export type ImportMapping = Partial<Record<ImportField, string>> & {
  defaultTimeZone?: string;
  defaultDuration?: string;
  dateFormat?: DateFormat;
  /** For rows with no persona (or no persona column): an approved persona version of the campaign. */
  defaultPersonaVersionId?: string;
  /** For rows with no SDR email (or no such column): an SDR of the campaign, by default the importer. */
  defaultSdrId?: string;
  /** For rows with no client attendee email: a client user invited to the meeting. */
  defaultClientAttendeeId?: string;
};

/** The columns of the downloadable template, in this order (the date and the time apart, as spreadsheets keep them). */
export const TEMPLATE_FIELDS: ImportField[] = [
  "externalId", "prospectName", "prospectTitle", "prospectEmail", "prospectPhone", "prospectCompany", "prospectDomain", "prospectCountry",
  "scheduledDate", "scheduledTime", "timeZone", "durationMinutes", "channel", "location", "persona", "sdrEmail", "clientAttendeeEmail",
  "discoveryNeed", "discoveryContext", "discoveryBudget", "discoveryTimeline",
];

/** The template's header row in the user's language. */
export function templateHeader(locale: Locale) {
  return TEMPLATE_FIELDS.map((f) => translate(locale, `meetings.field.${f}`));
}

/** The date format a file most likely uses: a 4-digit first part is year first; a part over 12 settles day or month. */
export function guessDateFormat(samples: string[]): DateFormat {
  let dmy = false;
  let mdy = false;
  for (const s of samples) {
    const t = s.trim();
    if (/^\d{4}[-/.]/.test(t)) return "YMD";
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/.exec(t);
    if (!m) continue;
    if (+m[1] > 12) dmy = true;
    if (+m[2] > 12) mdy = true;
  }
  return mdy && !dmy ? "MDY" : "DMY";
}

const pad = (n: string | number) => String(n).padStart(2, "0");

/** "10:30", "10:30:00", "10h30", "10h", "9.30" -> "10:30"; null when not a time of day. */
export function parseTime(v: string): string | null {
  const m = /^(\d{1,2})\s*(?:[:hH.]\s*(\d{2})?)?(?::(\d{2}))?\s*$/.exec(v.trim());
  if (!m) return null;
  const h = +m[1];
  const min = m[2] === undefined ? 0 : +m[2];
  if (h > 23 || min > 59) return null;
  if (m[2] === undefined && !/[hH]/.test(v)) return null; // a bare "10" is not a time
  return `${pad(h)}:${pad(min)}`;
}

/** A date in the chosen format (an ISO date is always understood) -> "2026-12-31"; null when not a real day. */
export function parseDate(v: string, format: DateFormat): string | null {
  const t = v.trim();
  let y: number, mo: number, d: number;
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (iso) [y, mo, d] = [+iso[1], +iso[2], +iso[3]];
  else {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
    if (!m || format === "YMD") return null;
    const year = m[3].length === 2 ? 2000 + +m[3] : +m[3];
    [y, mo, d] = format === "DMY" ? [year, +m[2], +m[1]] : [year, +m[1], +m[2]];
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1) return null; // 31 February
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/**
 * A row's wall-clock time from a combined cell ("31/12/2026 10:30") or a date cell and a time cell, as a
 * datetime-local value; or the field and message key of what is wrong.
 */
export function combineDateTime(
  cells: { scheduledAt?: string; scheduledDate?: string; scheduledTime?: string },
  format: DateFormat,
): { ok: true; local: string } | { ok: false; field: ImportField; message: string } {
  const badDate = `meetings.import.badDate|format=${DATE_FORMAT_PATTERN[format]}`;
  if (cells.scheduledDate !== undefined || (cells.scheduledAt === undefined && cells.scheduledTime !== undefined)) {
    const date = parseDate(cells.scheduledDate ?? "", format);
    if (!date) return { ok: false, field: "scheduledDate", message: cells.scheduledDate ? badDate : "common.errors.required" };
    const time = parseTime(cells.scheduledTime ?? "");
    if (!time) return { ok: false, field: "scheduledTime", message: cells.scheduledTime ? "meetings.import.badTime" : "common.errors.required" };
    return { ok: true, local: `${date}T${time}` };
  }
  const whole = (cells.scheduledAt ?? "").trim();
  if (!whole) return { ok: false, field: "scheduledAt", message: "common.errors.required" };
  const m = /^(\S+)[ T]+(.+)$/.exec(whole);
  const date = m ? parseDate(m[1], format) : null;
  if (!date) return { ok: false, field: "scheduledAt", message: badDate };
  const time = parseTime(m![2].replace(/(?:Z|[+-]\d{2}:?\d{2})$/, ""));
  if (!time) return { ok: false, field: "scheduledAt", message: "meetings.import.badTime" };
  return { ok: true, local: `${date}T${time}` };
}

/** A stored error message ("key|var=value") in a language, for the downloadable error file. */
export function importMessageText(locale: Locale, message: string) {
  const [key, ...params] = message.split("|");
  const vars = Object.fromEntries(params.map((p) => p.split("=") as [string, string]));
  const text = translate(locale, key, vars);
  return text === key ? translate(locale, "common.errors.invalid") : text;
}

/** Text of an upload: UTF-8 (a BOM is dropped), or Latin-1 / Windows-1252 when the bytes are not valid UTF-8. */
export function decodeCsv(bytes: Uint8Array): string {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return new TextDecoder("windows-1252").decode(body);
  }
}

/** A column name or cell reduced to what matters for matching: lower case, no accents, no punctuation. */
export const norm = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

const SYNONYMS: Record<ImportField, string[]> = {
  externalId: ["externalid", "id", "externalref", "reference", "ref", "idexterne"],
  prospectName: ["prospectname", "name", "fullname", "prospect", "contact", "nom", "nomcomplet"],
  prospectTitle: ["prospecttitle", "title", "jobtitle", "poste", "fonction"],
  prospectEmail: ["prospectemail", "email", "mail", "courriel", "emailaddress"],
  prospectPhone: ["prospectphone", "phone", "telephone", "tel"],
  prospectCompany: ["prospectcompany", "company", "entreprise", "societe", "account", "organization"],
  prospectDomain: ["prospectdomain", "domain", "domaine", "website"],
  prospectCompanySize: ["prospectcompanysize", "companysize", "size", "taille", "effectif", "headcount"],
  prospectIndustry: ["prospectindustry", "industry", "secteur"],
  prospectCountry: ["prospectcountry", "country", "pays"],
  prospectLinkedinUrl: ["prospectlinkedinurl", "linkedin", "linkedinurl"],
  scheduledAt: ["scheduledat", "date", "datetime", "meetingdate", "when", "start", "rdv", "daterdv", "dateheure", "dateandtime", "dateetheure"],
  scheduledDate: ["scheduleddate", "day", "jour"],
  scheduledTime: ["scheduledtime", "time", "heure", "hour", "horaire", "starttime", "heurerdv", "heuredebut"],
  timeZone: ["timezone", "tz", "fuseau", "fuseauhoraire"],
  durationMinutes: ["durationminutes", "duration", "duree", "minutes"],
  channel: ["channel", "canal", "type", "medium"],
  location: ["location", "link", "lien", "lieu", "place", "url"],
  persona: ["persona", "personaname", "cible"],
  sdrEmail: ["sdremail", "sdr", "bookedby", "owner"],
  clientAttendeeEmail: ["clientattendeeemail", "attendeeemail", "attendee", "participant", "participantclient"],
  discoveryNeed: ["discoveryneed", "need", "besoin"],
  discoveryContext: ["discoverycontext", "context", "contexte"],
  discoveryBudget: ["discoverybudget", "budget"],
  discoveryTimeline: ["discoverytimeline", "timeline", "calendrier", "echeance"],
};

/** A field's names: its synonyms and its label in every language (so the template's own header maps itself). */
const NAMES = Object.fromEntries(
  IMPORT_FIELDS.map((f) => [f, new Set([...SYNONYMS[f], ...LOCALES.map((l) => norm(translate(l, `meetings.field.${f}`)))])]),
) as Record<ImportField, Set<string>>;

/** A first guess of the mapping from the header row; a "date" column beside a "time" column holds the date alone. */
export function guessMapping(columns: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  // The date alone and the time first, so "Date" + "Heure" map to the separate fields.
  const order: ImportField[] = ["scheduledTime", ...IMPORT_FIELDS.filter((f) => f !== "scheduledTime")];
  for (const field of order) {
    const col = columns.find((c) => !used.has(c) && NAMES[field].has(norm(c)));
    if (col) {
      mapping[field] = col;
      used.add(col);
    }
  }
  if (mapping.scheduledTime && mapping.scheduledAt && !mapping.scheduledDate) {
    mapping.scheduledDate = mapping.scheduledAt;
    delete mapping.scheduledAt;
  }
  return mapping;
}

/** A row the import could not take: its line in the file, the field, the message key, the value as it was in the file. */
export type ImportError = { line: number; field?: string; message: string; value?: string };
