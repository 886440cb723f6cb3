// Daily activity: the top of the funnel. Counts are non-negative integers under a sane bound per day.
import { z } from "zod";
import { isDay } from "./dates";

export const ACTIVITY_FIELDS = ["dials", "conversations", "emails", "linkedinMessages"] as const;
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];
/** Per SDR and day: more than this is a typo, not a day's work. */
export const ACTIVITY_MAX: Record<ActivityField, number> = { dials: 2000, conversations: 1000, emails: 2000, linkedinMessages: 1000 };

const count = (field: ActivityField) =>
  z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? 0 : typeof v === "string" ? Number(v.trim()) : v),
    z.number({ error: "activity.errors.integer" }).int("activity.errors.integer").min(0, "activity.errors.negative").max(ACTIVITY_MAX[field], `activity.errors.max.${field}`),
  );

export const activityRowSchema = z.object({
  day: z.string().refine(isDay, "common.errors.invalid"),
  dials: count("dials"),
  conversations: count("conversations"),
  emails: count("emails"),
  linkedinMessages: count("linkedinMessages"),
});
export type ActivityRow = z.infer<typeof activityRowSchema>;
