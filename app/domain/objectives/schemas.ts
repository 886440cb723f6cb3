// One schema per objectives form. Errors are i18n keys; database checks (scope, duplicates) live in the model.
import { z } from "zod";
import { isDay } from "./dates";
import { METRIC_KEYS } from "./metrics";
import { PERIOD_KINDS } from "./periods";
import { MATURITIES } from "./split";

export const STAKES = ["GROWTH", "PROFITABILITY", "MARKET_ENTRY", "RETENTION"] as const;
export const LEVERS = ["TARGETING", "MESSAGE", "QUALIFICATION", "FOLLOW_UP", "WORKLOAD", "CHANNEL_MIX"] as const;

const required = { error: "common.errors.required" };
const day = z.string(required).trim().min(1, required).refine(isDay, { error: "objectives.errors.date" });
/** A number as typed, French decimal comma accepted. */
export const typedNumber = z
  .string(required)
  .trim()
  .min(1, required)
  .transform((v) => Number(v.replace(/\s/g, "").replace(",", ".")))
  .pipe(z.number({ error: "objectives.errors.number" }).refine(Number.isFinite, { error: "objectives.errors.number" }));

export const objectiveSchema = z
  .object({
    metric: z.enum(METRIC_KEYS, { error: "common.errors.required" }),
    target: typedNumber,
    scope: z.enum(["TEAM", "SDR"], { error: "common.errors.required" }),
    sdrId: z.string().trim().max(40).optional().transform((v) => v || undefined),
    periodKind: z.enum(PERIOD_KINDS, { error: "common.errors.required" }),
    recurring: z.string().optional().transform((v) => v === "on" || v === "true"),
    startsOn: day,
    endsOn: z.string().trim().optional().transform((v) => v || undefined).pipe(z.string().refine(isDay, { error: "objectives.errors.date" }).optional()),
    stake: z.enum(STAKES, { error: "common.errors.required" }),
    why: z.string().trim().max(2000, { error: "common.errors.tooLong|max=2000" }).default(""),
  })
  // Only weeks and months recur: the box is ignored for a quarter or the whole campaign.
  .transform((v) => ({ ...v, recurring: v.recurring && (v.periodKind === "WEEK" || v.periodKind === "MONTH") }))
  .superRefine((v, ctx) => {
    if (v.scope === "SDR" && !v.sdrId) ctx.addIssue({ code: "custom", path: ["sdrId"], message: "objectives.errors.sdrRequired" });
    if (v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "objectives.errors.endBeforeStart" });
  });
export type ObjectiveInput = z.infer<typeof objectiveSchema>;

export const targetChangeSchema = z.object({
  target: typedNumber,
  reason: z.string(required).trim().min(3, { error: "objectives.errors.reasonRequired" }).max(1000, { error: "common.errors.tooLong|max=1000" }),
});

export const gapSchema = z.object({
  lever: z.enum(LEVERS, { error: "common.errors.required" }),
  diagnosis: z.string(required).trim().min(3, { error: "common.errors.required" }).max(2000, { error: "common.errors.tooLong|max=2000" }),
  action: z.string(required).trim().min(3, { error: "common.errors.required" }).max(2000, { error: "common.errors.tooLong|max=2000" }),
  ownerId: z.string(required).trim().min(1, required).max(40),
  dueDate: day,
});
export type GapInput = z.infer<typeof gapSchema>;

export const maturitySchema = z.object({
  sdrId: z.string(required).min(1, required).max(40),
  maturity: z.enum(MATURITIES, { error: "common.errors.required" }),
  rampUntil: z.string().trim().optional().transform((v) => v || undefined).pipe(z.string().refine(isDay, { error: "objectives.errors.date" }).optional()),
});

export const dayOffSchema = z.object({ day, label: z.string().trim().max(100, { error: "common.errors.tooLong|max=100" }).default("") });
