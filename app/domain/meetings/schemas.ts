// Form schemas of the meeting screens, shared by the actions, the CSV import and the tests.
import { z } from "zod";
import { email, optionalId, optionalText, optionalUrl, requiredText, revision } from "~/domain/shared/validation";
import { CHANNELS, MEETING_STATUSES, STATUS_ACTIONS, VERDICTS } from "./rules";
import { isValidTimeZone, zonedToUtc } from "~/domain/shared/timezone";

const id = z.string({ error: "common.errors.required" }).trim().min(1, { error: "common.errors.required" }).max(40, { error: "common.errors.invalid" });

export const timeZoneField = z
  .string({ error: "common.errors.required" })
  .trim()
  .min(1, { error: "common.errors.required" })
  .refine(isValidTimeZone, { error: "meetings.errors.timeZone" });

/** Who the prospect is: the same fields when logging, importing and editing a meeting. */
const prospectFields = {
  prospectName: requiredText(160),
  prospectTitle: optionalText(160),
  prospectEmail: email,
  prospectPhone: optionalText(40),
  prospectCompany: requiredText(160),
  prospectDomain: optionalText(120),
  prospectCompanySize: optionalText(40),
  prospectIndustry: optionalText(120),
  prospectCountry: optionalText(2)
    .pipe(z.string().regex(/^[A-Za-z]{2}$/, { error: "meetings.errors.country" }).optional())
    .transform((v) => v?.toUpperCase()),
  prospectLinkedinUrl: optionalUrl,
};

/** The log form (and an imported row): the wall-clock time is read in the prospect's time zone. */
export const meetingSchema = z
  .object({
    personaVersionId: z.string({ error: "meetings.errors.unknownPersona" }).trim().min(1, { error: "meetings.errors.unknownPersona" }).max(40, { error: "meetings.errors.unknownPersona" }),
    sdrId: optionalId,
    ...prospectFields,
    scheduledLocal: z
      .string({ error: "common.errors.required" })
      .trim()
      .min(1, { error: "common.errors.required" })
      .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/, { error: "meetings.errors.dateTime" }),
    timeZone: timeZoneField,
    durationMinutes: z.coerce.number({ error: "meetings.errors.duration" }).int({ error: "meetings.errors.duration" }).min(5, { error: "meetings.errors.duration" }).max(480, { error: "meetings.errors.duration" }),
    channel: z.enum(CHANNELS, { error: "common.errors.invalid" }),
    location: optionalText(500),
    clientAttendeeId: optionalId,
    replacesMeetingId: optionalId,
    discoveryNeed: optionalText(4000),
    discoveryContext: optionalText(4000),
    discoveryBudget: optionalText(2000),
    discoveryTimeline: optionalText(2000),
    externalId: optionalText(120),
    confirmWarnings: z
      .string()
      .optional()
      .transform((v) => v === "on" || v === "true" || v === "1"),
    revision,
  })
  .transform((v, ctx) => {
    const scheduledAt = isValidTimeZone(v.timeZone) ? zonedToUtc(v.scheduledLocal, v.timeZone) : null;
    if (!scheduledAt) {
      ctx.addIssue({ code: "custom", message: "meetings.errors.dateTime", path: ["scheduledLocal"] });
      return z.NEVER;
    }
    return { ...v, scheduledAt };
  });
export type MeetingFormData = z.infer<typeof meetingSchema>;

export const checkSchema = z.object({
  met: z.boolean(),
  note: optionalText(1000),
  evidenceUrl: optionalUrl,
});

const rating = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 5) {
      ctx.addIssue({ code: "custom", message: "meetings.errors.rating" });
      return z.NEVER;
    }
    return n;
  });

export const ratingSchema = z.object({
  ratingOverall: z.coerce.number({ error: "meetings.errors.rating" }).int({ error: "meetings.errors.rating" }).min(1, { error: "meetings.errors.rating" }).max(5, { error: "meetings.errors.rating" }),
  ratingPersonaFit: rating,
  ratingDecisionPower: rating,
  ratingRealNeed: rating,
  ratingBriefing: rating,
  revision,
});
export type RatingInput = z.infer<typeof ratingSchema>;

export const statusSchema = z.object({
  action: z.enum(STATUS_ACTIONS, { error: "common.errors.invalid" }),
  newLocal: optionalText(30),
  newTimeZone: optionalText(64),
  revision,
});

export const bulkStatusSchema = z.object({
  action: z.enum(["HELD", "NO_SHOW", "CANCELLED"], { error: "common.errors.invalid" }),
  ids: z.array(id).min(1, { error: "meetings.errors.noneSelected" }).max(200, { error: "common.errors.invalid" }),
});

export const resolveSchema = z.object({
  /** DISPUTE_UPHELD_REPLACEMENT: upheld, with a replacement meeting promised (issue 9). */
  decision: z.enum(["DISPUTE_UPHELD", "DISPUTE_REJECTED", "DISPUTE_UPHELD_REPLACEMENT"], { error: "common.errors.required" }),
  reasoning: requiredText(4000),
  revision,
});

/** Pipeline value is typed in major units ("12 500,50") and stored in minor units. */
export const outcomeSchema = z.object({
  revision,
  opportunityCreated: z.enum(["", "yes", "no"]).optional().transform((v) => (v === "yes" ? true : v === "no" ? false : null)),
  won: z.enum(["", "yes", "no"]).optional().transform((v) => (v === "yes" ? true : v === "no" ? false : null)),
  pipelineValue: z
    .string()
    .trim()
    .max(20, { error: "meetings.errors.amount" })
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const normalized = v.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
      if (!/^\d+(\.\d{1,2})?$/.test(normalized)) {
        ctx.addIssue({ code: "custom", message: "meetings.errors.amount" });
        return z.NEVER;
      }
      const minor = Math.round(Number(normalized) * 100);
      if (minor > 2_000_000_000) {
        ctx.addIssue({ code: "custom", message: "meetings.errors.amount" });
        return z.NEVER;
      }
      return minor;
    }),
});

import { DISPUTE_REASONS } from "./rules";

export const acceptSchema = z.object({ revision });

/**
 * A dispute: the criteria (of the version the meeting was booked under) the client says were not met, each with its
 * reason. The form posts `dispute.<criterionId>=on` and `reason.<criterionId>`; disputeInput() gathers them.
 */
export const disputeSchema = z
  .object({
    revision,
    dispute: z.array(id).max(50, { error: "common.errors.invalid" }),
    reasons: z.record(z.string(), z.string().max(2000, { error: "common.errors.tooLong|max=2000" })),
    /** Issue 9: a reason beyond the criteria (DISPUTE_REASONS), its text, optional evidence. */
    otherReason: z.enum(["", ...DISPUTE_REASONS], { error: "common.errors.invalid" }).optional().transform((v) => v || null),
    otherText: z.string().trim().max(2000, { error: "common.errors.tooLong|max=2000" }).optional().transform((v) => v ?? ""),
    evidence: z.string().trim().max(2000, { error: "common.errors.tooLong|max=2000" }).optional().transform((v) => v ?? ""),
  })
  .superRefine((v, ctx) => {
    if (!v.dispute.length && !v.otherReason) ctx.addIssue({ code: "custom", path: ["dispute"], message: "meetings.errors.disputeEmpty" });
    for (const c of v.dispute)
      if (!v.reasons[c]?.trim()) ctx.addIssue({ code: "custom", path: [`reason.${c}`], message: "meetings.errors.reasonRequired" });
    if (v.otherReason && !v.otherText) ctx.addIssue({ code: "custom", path: ["otherText"], message: "meetings.errors.reasonRequired" });
  })
  .transform((v) => ({
    revision: v.revision,
    items: v.dispute.map((criterionId) => ({ criterionId, reason: v.reasons[criterionId].trim() })),
    other: v.otherReason ? { reason: v.otherReason, text: v.otherText, evidence: v.evidence || null } : null,
  }));

/** The dispute form's fields as disputeSchema reads them. */
export function disputeInput(formData: FormData) {
  const dispute: string[] = [];
  const reasons: Record<string, string> = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v !== "string") continue;
    if (k.startsWith("dispute.") && v === "on") dispute.push(k.slice("dispute.".length));
    if (k.startsWith("reason.")) reasons[k.slice("reason.".length)] = v;
  }
  const str = (k: string) => (typeof formData.get(k) === "string" ? (formData.get(k) as string) : undefined);
  return { revision: formData.get("revision") ?? undefined, dispute, reasons, otherReason: str("otherReason"), otherText: str("otherText"), evidence: str("evidence") };
}

export const commentSchema = z.object({
  body: requiredText(4000),
  internal: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});

/** What the agency may still edit before the client reviews the meeting (never the booked-under versions). */
export const editSchema = z.object({
  ...prospectFields,
  durationMinutes: z.coerce.number({ error: "meetings.errors.duration" }).int({ error: "meetings.errors.duration" }).min(5, { error: "meetings.errors.duration" }).max(480, { error: "meetings.errors.duration" }),
  channel: z.enum(CHANNELS, { error: "common.errors.invalid" }),
  location: optionalText(500),
  /** Issue 9: the client attendee can be changed (they receive the invitation, the previous one its cancellation); "" = nobody. */
  clientAttendeeId: z.string().max(40).optional().transform((v) => (v === undefined ? undefined : v || null)),
  discoveryNeed: optionalText(4000),
  discoveryContext: optionalText(4000),
  discoveryBudget: optionalText(2000),
  discoveryTimeline: optionalText(2000),
  revision,
});

export const notesSchema = z.object({ internalNotes: z.string().trim().max(8000, { error: "common.errors.tooLong|max=8000" }) });

/** A day of a list filter: a real calendar day in a year people mean (else the filter is ignored, never a 500). */
const filterDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return v >= "1900" && v < "3000" && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  });

/** The list's query string. */
export const listFilterSchema = z.object({
  status: z.enum(MEETING_STATUSES).optional().catch(undefined),
  verdict: z.enum(VERDICTS).optional().catch(undefined),
  sdrId: z.string().max(40).optional().catch(undefined),
  personaVersionId: z.string().max(40).optional().catch(undefined),
  /** Every version of one persona (the persona filter's group); a version id narrows to that version. */
  personaId: z.string().max(40).optional().catch(undefined),
  campaignId: z.string().max(40).optional().catch(undefined),
  /** The client company (cross-campaign list). */
  clientId: z.string().max(40).optional().catch(undefined),
  from: filterDay.optional().catch(undefined),
  to: filterDay.optional().catch(undefined),
  q: z.string().trim().max(120).optional().catch(undefined),
  attention: z.enum(["attendance"]).optional().catch(undefined),
  sort: z.enum(["date_desc", "date_asc", "status"]).default("date_desc").catch("date_desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type ListFilter = z.infer<typeof listFilterSchema>;

export function filterFromUrl(url: URL): ListFilter {
  const raw: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (v !== "") raw[k] = v;
  // The persona select sends one value: "p:<persona id>" (all its versions) or "v:<version id>".
  if (raw.persona?.startsWith("p:")) raw.personaId = raw.persona.slice(2);
  else if (raw.persona?.startsWith("v:")) raw.personaVersionId = raw.persona.slice(2);
  delete raw.persona;
  return listFilterSchema.parse(raw);
}

/** The persona select's value for a filter ("" when none). */
export function personaChoice(f: { personaId?: string | null; personaVersionId?: string | null }): string {
  return f.personaVersionId ? `v:${f.personaVersionId}` : f.personaId ? `p:${f.personaId}` : "";
}
/** Issue 9: a client member flags a meeting to the client admins, with a note. */
export const flagSchema = z.object({ note: requiredText(2000) });
