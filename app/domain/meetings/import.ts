// The CSV import's fields, shared by the mapping screen (browser) and the import service (server).

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
  "timeZone",
  "durationMinutes",
  "channel",
  "location",
  "persona",
  "sdrEmail",
  "discoveryNeed",
  "discoveryContext",
  "discoveryBudget",
  "discoveryTimeline",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_IMPORT_FIELDS: ImportField[] = ["prospectName", "prospectEmail", "prospectCompany", "scheduledAt", "persona"];

export type ImportMapping = Partial<Record<ImportField, string>> & { defaultTimeZone?: string; defaultDuration?: string };

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
  scheduledAt: ["scheduledat", "date", "datetime", "meetingdate", "when", "start", "rdv", "daterdv", "dateheure"],
  timeZone: ["timezone", "tz", "fuseau", "fuseauhoraire"],
  durationMinutes: ["durationminutes", "duration", "duree", "minutes"],
  channel: ["channel", "canal", "type", "medium"],
  location: ["location", "link", "lien", "lieu", "place", "url"],
  persona: ["persona", "personaname", "cible"],
  sdrEmail: ["sdremail", "sdr", "bookedby", "owner"],
  discoveryNeed: ["discoveryneed", "need", "besoin"],
  discoveryContext: ["discoverycontext", "context", "contexte"],
  discoveryBudget: ["discoverybudget", "budget"],
  discoveryTimeline: ["discoverytimeline", "timeline", "calendrier", "echeance"],
};

/** A first guess of the mapping from the header row. */
export function guessMapping(columns: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  for (const field of IMPORT_FIELDS) {
    const col = columns.find((c) => !used.has(c) && SYNONYMS[field].includes(norm(c)));
    if (col) {
      mapping[field] = col;
      used.add(col);
    }
  }
  return mapping;
}

/** A row the import could not take: its line in the file, the field, the message key. */
export type ImportError = { line: number; field?: string; message: string };
