// One schema per qualitative-objective form (the O-V-A canvas with its grid, a grid change, an assessment, an edit).
// Errors are i18n keys; scope checks (SDR on the campaign, evidence meetings) live in the model.
import { z } from "zod";
import { STAKES } from "~/domain/objectives/schemas";
import { METRIC_KEYS } from "~/domain/objectives/metrics";
import { isDay } from "~/domain/objectives/dates";
import { gridProblems, LEVELS, type Criterion, type Grid, type Level } from "./grid";

export const RITUAL_ENUM = ["CALL_REVIEW", "HOT_DEBRIEF", "ONE_TO_ONE", "PEER_FEEDBACK", "TEAM_SESSION"] as const;
export const CADENCE_ENUM = ["WEEKLY", "BIWEEKLY", "MONTHLY"] as const;
/** How many criterion rows a grid form offers beyond the ones it already has (no script needed to add some). */
export const SPARE_CRITERIA = 2;
export const MAX_CRITERIA = 12;

const required = { error: "common.errors.required" };
const text = (max: number) => z.string().trim().max(max, { error: `common.errors.tooLong|max=${max}` });
const optionalId = z.string().trim().max(40).optional().transform((v) => v || null);

/** A criterion key from its label: lowercase ascii words joined by underscores. */
export function slugKey(label: string): string {
  const s = label.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 40);
  return s || "criterion";
}

/**
 * The grid rows of a form (`criteria.N.label`, `criteria.N.key`, `criteria.N.<level>`): blank rows are dropped, a row
 * with a label keeps its key (or gets one from its label, made unique). Returns the grid and each kept row's form index.
 */
export function gridFromForm(formData: FormData): { grid: Grid; rows: number[] } {
  const criteria: Criterion[] = [];
  const rows: number[] = [];
  const used = new Set<string>();
  for (let i = 0; i < MAX_CRITERIA + SPARE_CRITERIA; i++) {
    const get = (f: string) => String(formData.get(`criteria.${i}.${f}`) ?? "").trim();
    const label = get("label");
    const levels = Object.fromEntries(LEVELS.map((l) => [l, get(l)])) as Record<Level, string>;
    if (!label && LEVELS.every((l) => !levels[l])) continue;
    let key = get("key") || slugKey(label);
    if (used.has(key)) {
      let n = 2;
      while (used.has(`${key}_${n}`)) n++;
      key = `${key}_${n}`;
    }
    used.add(key);
    criteria.push({ key, label: label.slice(0, 200), levels: Object.fromEntries(LEVELS.map((l) => [l, levels[l].slice(0, 500)])) as Record<Level, string> });
    rows.push(i);
  }
  return { grid: { criteria }, rows };
}

export const qualObjectiveSchema = z.object({
  title: text(200).min(1, required),
  stake: z.enum(STAKES, { error: "common.errors.required" }),
  need: text(2000).min(1, required),
  needMeetingIds: z.array(z.string().trim().max(40)).max(20).default([]),
  verb: text(300).min(1, { error: "objectives.qualitative.errors.verb" }),
  behaviours: text(4000).default("").transform((v) => v.split(/\r?\n/).map((b) => b.trim()).filter(Boolean).slice(0, 20)),
  ritual: z.enum(RITUAL_ENUM, { error: "common.errors.required" }),
  cadence: z.enum(CADENCE_ENUM, { error: "common.errors.required" }),
  ritualOwnerId: optionalId,
  sdrId: optionalId,
  startsOn: z.string(required).trim().min(1, required).refine(isDay, { error: "objectives.errors.date" }),
  supportsMetric: z.union([z.literal(""), z.enum(METRIC_KEYS)]).optional().transform((v) => v || null),
  templateId: optionalId,
});
export type QualObjectiveForm = z.infer<typeof qualObjectiveSchema>;

/** "12:30", "1:02:03" or plain seconds -> seconds into the recording. */
export function parseRecordingTime(v: string): number | null | undefined {
  const s = v.trim();
  if (!s) return null;
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [h, mi, se] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (mi > 59 || se > 59) return undefined;
  return h * 3600 + mi * 60 + se;
}
export function formatRecordingTime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

export const assessmentFormSchema = z.object({
  kind: z.enum(["MANAGER", "SELF", "PEER"]).default("MANAGER"),
  sdrId: optionalId,
  ritual: z.enum(RITUAL_ENUM, { error: "common.errors.required" }),
  day: z.string(required).trim().min(1, required),
  meetingIds: z.array(z.string().trim().max(40)).max(20).default([]),
  recordingUrl: text(2000).optional().transform((v) => v || null),
  recordingAt: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const r = parseRecordingTime(v ?? "");
      if (r === undefined) {
        ctx.addIssue({ code: "custom", message: "objectives.qual.errors.recordingAt" });
        return z.NEVER;
      }
      return r;
    }),
  note: text(2000).default(""),
  comment: text(4000).default(""),
  nextStep: text(2000).default(""),
});

/** The levels picked in a form: `level.<criterion key>` fields. */
export function levelsFromForm(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (k.startsWith("level.") && typeof v === "string") out[k.slice(6)] = v;
  return out;
}

export const editAssessmentSchema = z.object({
  comment: text(4000).default(""),
  nextStep: text(2000).default(""),
  note: text(2000).default(""),
});

/** The grid's problems as errors next to the form's fields (`criteria.N.label`, `criteria.N.<level>`, or `grid`). */
export function gridErrors(grid: Grid, rows: number[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of gridProblems(grid)) {
    if (p.code === "no_criteria") out.grid = ["objectives.qualitative.errors.grid"];
    else if (p.code === "criterion_label") out[`criteria.${rows[p.index]}.label`] = ["common.errors.required"];
    else if (p.code === "criterion_level") out[`criteria.${rows[p.index]}.${p.level}`] = ["common.errors.required"];
    else out.grid = ["objectives.qualitative.errors.grid"];
  }
  return out;
}
