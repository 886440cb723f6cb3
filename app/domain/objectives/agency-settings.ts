// The agency's own parameters of the objectives method: where "on track" and "at risk" start (pace thresholds) and
// how a team target splits by SDR maturity (weights). The agency admin sets them; defaults are in pace.ts and split.ts.
import { z } from "zod";

const required = { error: "common.errors.required" };
const wholeNumber = (min: number, max: number) =>
  z
    .string(required)
    .trim()
    .min(1, required)
    .refine((v) => /^\d+$/.test(v), { error: "objectives.errors.targetInteger" })
    .transform(Number)
    .pipe(z.number().min(min, { error: `settings.errors.between|min=${min}|max=${max}` }).max(max, { error: `settings.errors.between|min=${min}|max=${max}` }));

export const agencySettingsSchema = z
  .object({
    paceOnTrackPct: wholeNumber(1, 100),
    paceAtRiskPct: wholeNumber(1, 100),
    weightRampingPct: wholeNumber(10, 300),
    weightConfirmedPct: wholeNumber(10, 300),
    weightSeniorPct: wholeNumber(10, 300),
    /** A checkbox: attach the report's PDF to report emails (issue 14). */
    reportPdfAttached: z.string().optional().transform((v) => v === "on"),
  })
  .superRefine((v, ctx) => {
    // "At risk" is the band below "on track": its threshold must be lower, or no objective could ever be at risk.
    if (v.paceAtRiskPct >= v.paceOnTrackPct) ctx.addIssue({ code: "custom", path: ["paceAtRiskPct"], message: "settings.errors.atRiskBelowOnTrack" });
  });
export type AgencySettingsInput = z.infer<typeof agencySettingsSchema>;
