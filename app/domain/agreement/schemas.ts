// Form schemas of the agreement: a persona version and a qualified-meeting definition version.
import { z } from "zod";
import { CHANNELS, NO_SHOW_POLICIES, SENIORITIES, withCriterionKeys } from "./lifecycle";
import { requiredText } from "~/domain/shared/validation";

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `common.errors.tooLong|max=${max}` })
    .optional()
    .transform((v) => v ?? "");

/** A textarea of one item per line: trimmed, empty lines dropped, duplicates removed. */
const lines = (maxItems: number, maxLength: number) =>
  z
    .string()
    .optional()
    .transform((v) => [...new Set((v ?? "").split(/\r?\n/).map((l) => l.trim()).filter(Boolean))])
    .pipe(
      z
        .array(z.string().max(maxLength, { error: `agreement.errors.lineTooLong|max=${maxLength}` }))
        .max(maxItems, { error: `agreement.errors.tooManyLines|max=${maxItems}` }),
    );

const optionalInt = (min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = Number(v);
      if (!Number.isInteger(n)) {
        ctx.addIssue({ code: "custom", message: "agreement.errors.number" });
        return z.NEVER;
      }
      if (n < min) ctx.addIssue({ code: "custom", message: `agreement.errors.min|min=${min}` });
      if (n > max) ctx.addIssue({ code: "custom", message: `agreement.errors.max|max=${max}` });
      return n;
    });

const int = (min: number, max: number) =>
  z.coerce
    .number({ error: "agreement.errors.number" })
    .int({ error: "agreement.errors.number" })
    .min(min, { error: `agreement.errors.min|min=${min}` })
    .max(max, { error: `agreement.errors.max|max=${max}` });

export const concurrency = {
  /** The version the form was opened on, and its revision, so a concurrent change is detected. */
  baseVersionId: z.string().max(40).optional().transform((v) => v || null),
  revision: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
};

export const personaSchema = z
  .object({
    name: requiredText(120),
    jobTitles: lines(50, 120),
    seniorities: z.array(z.enum(SENIORITIES, { error: "common.errors.invalid" })).max(SENIORITIES.length),
    departments: lines(30, 120),
    industries: lines(50, 120),
    companySizeMin: optionalInt(1, 10_000_000),
    companySizeMax: optionalInt(1, 10_000_000),
    geographies: lines(50, 120),
    exclusions: lines(500, 200),
    pains: text(2000),
    pitch: text(4000),
    notes: text(2000),
    ...concurrency,
  })
  .refine((v) => v.companySizeMin === null || v.companySizeMax === null || v.companySizeMin <= v.companySizeMax, {
    error: "agreement.errors.sizeRange",
    path: ["companySizeMax"],
  })
  .refine((v) => v.jobTitles.length > 0 || v.seniorities.length > 0, { error: "agreement.errors.titlesOrSeniority", path: ["jobTitles"] });

export type PersonaInput = z.infer<typeof personaSchema>;

const criterion = z.object({
  key: z.string().trim().max(60).optional().transform((v) => v ?? ""),
  label: requiredText(200),
  helpText: text(500),
  required: z.boolean(),
});

export const definitionSchema = z.object({
  disputeWindowDays: int(1, 60),
  noShowPolicy: z.enum(NO_SHOW_POLICIES, { error: "common.errors.invalid" }),
  minDurationMinutes: int(5, 480),
  allowedChannels: z.array(z.enum(CHANNELS, { error: "common.errors.invalid" })).min(1, { error: "agreement.errors.channels" }),
  minLeadTimeHours: int(0, 720),
  notes: text(2000),
  /** Empty: no presumption (attendance waits for someone to record it). */
  attendanceRuleHours: optionalInt(1, 720),
  windowsInBusinessDays: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
  criteria: z
    .array(criterion)
    .min(1, { error: "agreement.errors.noCriteria" })
    .max(30, { error: "agreement.errors.tooManyCriteria|max=30" })
    .transform((list) => withCriterionKeys(list)),
  ...concurrency,
});

export type DefinitionInput = z.infer<typeof definitionSchema>;

/** Reads the criteria rows of the definition form (criteria.N.label ...), skipping rows left entirely blank. */
export function readCriteria(formData: FormData) {
  return readCriteriaRows(formData).map(({ row }) => row);
}

/**
 * Moves errors on parsed criteria (criteria.<position among kept rows>.label) to the form's own row numbers,
 * so a message lands next to the row that caused it even when a blank row above was skipped.
 */
export function criteriaErrorsToFormRows(errors: Record<string, string[]>, formData: FormData) {
  const formIndex = readCriteriaRows(formData).map(({ index }) => index);
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(errors)) {
    const m = /^criteria\.(\d+)\.(.+)$/.exec(key);
    const mapped = m && formIndex[Number(m[1])] !== undefined ? `criteria.${formIndex[Number(m[1])]}.${m[2]}` : key;
    (out[mapped] ??= []).push(...messages);
  }
  return out;
}

function readCriteriaRows(formData: FormData) {
  const rows = new Map<number, { key: string; label: string; helpText: string; required: boolean }>();
  for (const [name, value] of formData.entries()) {
    const m = /^criteria\.(\d+)\.(key|label|helpText|required)$/.exec(name);
    if (!m || typeof value !== "string") continue;
    const i = Number(m[1]);
    const row = rows.get(i) ?? { key: "", label: "", helpText: "", required: false };
    if (m[2] === "required") row.required = value === "on" || value === "true";
    else row[m[2] as "key" | "label" | "helpText"] = value;
    rows.set(i, row);
  }
  return [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([index, row]) => ({ index, row }))
    .filter(({ row }) => row.label.trim() || row.helpText.trim());
}

export const decisionSchema = z.object({
  versionId: z.string().min(1).max(40),
  revision: z.coerce.number().int().min(0).max(2_147_483_647),
  comment: z.string().trim().max(2000, { error: "common.errors.tooLong|max=2000" }).optional().transform((v) => v ?? ""),
});

export const requestChangesSchema = decisionSchema.extend({
  comment: z.string({ error: "agreement.errors.commentRequired" }).trim().min(1, { error: "agreement.errors.commentRequired" }).max(2000, { error: "common.errors.tooLong|max=2000" }),
});

export const commentSchema = z.object({
  versionId: z.string().min(1).max(40),
  body: z.string({ error: "common.errors.required" }).trim().min(1, { error: "common.errors.required" }).max(4000, { error: "common.errors.tooLong|max=4000" }),
});
