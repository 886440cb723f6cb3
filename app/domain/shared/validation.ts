// Field schemas shared by forms. Messages are i18n keys (see app/i18n/messages/common.ts), with their parameters
// after a "|" so the form can show "at most 120 characters" in the user's language.
import { z } from "zod";

// PostgreSQL text cannot hold a NUL character: refused here rather than failing the insert with a 500.
const noNul = (v: string) => !v.includes("\u0000");

export const requiredText = (max: number) =>
  z
    .string({ error: "common.errors.required" })
    .trim()
    .min(1, { error: "common.errors.required" })
    .max(max, { error: `common.errors.tooLong|max=${max}` })
    .refine(noNul, { error: "common.errors.invalid" });

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `common.errors.tooLong|max=${max}` })
    .refine(noNul, { error: "common.errors.invalid" })
    .optional()
    .transform((v) => (v ? v : undefined));

export const email = z
  .string({ error: "common.errors.required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "common.errors.required" })
  .max(254, { error: "common.errors.tooLong|max=254" })
  .pipe(z.email({ error: "common.errors.email" }));

export const password = z
  .string({ error: "common.errors.required" })
  .min(10, { error: "auth.errors.passwordShort" })
  .max(200, { error: "common.errors.tooLong|max=200" });

export const optionalUrl = z
  .string()
  .trim()
  .max(500, { error: "common.errors.tooLong|max=500" })
  .optional()
  .transform((v) => (v ? v : undefined))
  // Web addresses only: a stored "javascript:" URL would become a script the day it is rendered as a link.
  .pipe(z.url({ protocol: /^https?$/, error: "common.errors.url" }).optional());

function isCalendarDay(v: string) {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "common.errors.date", abort: true })
      // A real calendar day: JavaScript would silently turn 2025-02-30 into March 2.
      .refine((v) => isCalendarDay(v), { error: "common.errors.date" })
      // Years people mean (PostgreSQL refuses year 0000 with a 500, and nobody runs a campaign in 0042).
      .refine((v) => v >= "1900" && v < "3000", { error: "common.errors.date" })
      .optional(),
  )
  .transform((v) => (v ? new Date(`${v}T00:00:00Z`) : undefined));

/** An optional id from a select ("" means none). */
export const optionalId = z
  .string()
  .trim()
  .max(40, { error: "common.errors.invalid" })
  .optional()
  .transform((v) => (v ? v : undefined));

/** The revision a form was opened on (optimistic concurrency); bounded so a huge number is a 400, not a database error. */
export const revision = z.coerce
  .number({ error: "common.errors.invalid" })
  .int({ error: "common.errors.invalid" })
  .min(0, { error: "common.errors.invalid" })
  .max(2_147_483_647, { error: "common.errors.invalid" })
  .optional();
