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
