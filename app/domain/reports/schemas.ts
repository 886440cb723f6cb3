// The reports' forms: one Zod schema each, errors as i18n keys next to their field.
import { z } from "zod";
import { MAX_TEXT } from "./text";

const text = z.string().max(MAX_TEXT, "reports.errors.tooLong").default("");

export const composeSchema = z.object({
  periodStart: z.string().trim().min(1, "reports.errors.periodStart"),
  periodEnd: z.string().trim().min(1, "reports.errors.periodEnd"),
  sections: z.array(z.string()).default([]),
  highlightIds: z.array(z.string().max(40)).max(50).default([]),
  /** "1" once the AM has touched the highlight picks (else the default best ones are kept). */
  highlightsPicked: z.string().optional(),
  commentary: text,
  highlights: text,
  nextSteps: text,
  correctionNote: z.string().max(1000, "reports.errors.tooLong").default(""),
});
export type ComposeForm = z.infer<typeof composeSchema>;

export const sendSchema = z.object({
  recipientIds: z.array(z.string().max(40)).min(1, "reports.errors.recipients").max(200),
  /** A corrected version only: what changed (required then; the model checks it). */
  correctionNote: z.string().max(1000, "reports.errors.tooLong").optional(),
});

export const commentSchema = z.object({
  body: z.string().trim().min(1, "reports.errors.commentEmpty").max(2000, "reports.errors.tooLong"),
  internal: z.string().optional(),
});

export const scheduleSchema = z
  .object({
    cadence: z.enum(["WEEKLY", "MONTHLY"], { message: "reports.errors.cadence" }),
    weekday: z.coerce.number().int().min(1).max(7).optional(),
    monthDay: z.coerce.number().int().min(1, "reports.errors.monthDay").max(28, "reports.errors.monthDay").optional(),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "reports.errors.time"),
    autoSend: z.string().optional(),
    includeEmpty: z.string().optional(),
    paused: z.string().optional(),
  });
