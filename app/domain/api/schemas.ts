// The API's JSON shapes, as Zod schemas: the routes validate requests with them and the OpenAPI document
// (./openapi.ts) is generated from them, so the two cannot drift apart. Pure: no I/O.
// Business rules (a time in the prospect's zone, the persona's version...) stay in the form's schemas and use cases.
import { z } from "zod";
import { CHANNELS, MEETING_STATUSES, STATUS_ACTIONS, VERDICTS } from "~/domain/meetings/rules";
import { ACTIVITY_MAX } from "~/domain/objectives/activity";
import { API_SCOPES } from "./keys";

const id = z.string().min(1).max(40);
const text = (max: number) => z.string().max(max);
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/)
  .meta({ description: "Wall-clock time in `timeZone`, e.g. 2026-12-10T14:30", example: "2026-12-10T14:30" });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(["unauthenticated", "forbidden", "not_found", "invalid", "rate_limited", "method_not_allowed", "conflict", "unconfirmed_warnings", "idempotency_mismatch", "idempotency_in_progress", "unavailable"]),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem", description: "An error, as application/problem+json (RFC 9457), with a stable `code`." });

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional().meta({ description: "Page size, 1 to 100 (default 50)." }),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/).optional().meta({ description: "The `nextCursor` of the previous page." }),
});

// ---------- campaigns ----------
export const campaignSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.string(),
    clientCompanyId: z.string(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: "CampaignSummary" });

export const campaignListSchema = z.object({ data: z.array(campaignSummarySchema), nextCursor: z.string().nullable() }).meta({ id: "CampaignList" });

export const campaignSchema = campaignSummarySchema
  .extend({
    personas: z.array(
      z.object({
        personaId: z.string(),
        versionId: z.string().meta({ description: "Give it as `personaVersionId` when creating a meeting." }),
        number: z.number().int(),
        name: z.string(),
        jobTitles: z.array(z.string()),
        seniorities: z.array(z.string()),
        departments: z.array(z.string()),
        industries: z.array(z.string()),
        geographies: z.array(z.string()),
      }),
    ),
    definition: z
      .object({
        versionId: z.string(),
        number: z.number().int(),
        disputeWindowDays: z.number().int(),
        minDurationMinutes: z.number().int().nullable(),
        allowedChannels: z.array(z.string()),
        minLeadTimeHours: z.number().int().nullable(),
        criteria: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
      })
      .nullable()
      .meta({ description: "The qualified-meeting definition in force; its criteria keys make the checklist." }),
  })
  .meta({ id: "Campaign" });

// ---------- meetings ----------
export const meetingCheckInputSchema = z.object({
  key: z.string().min(1).max(80).meta({ description: "A criterion key of the campaign's definition." }),
  met: z.boolean(),
  note: text(2000).optional(),
  evidenceUrl: z.string().url().max(2000).optional(),
});

export const meetingCreateSchema = z
  .object({
    personaVersionId: id,
    sdrId: id.optional().meta({ description: "The SDR who booked it; defaults to the key's creator when an SDR." }),
    prospectName: text(160),
    prospectTitle: text(160).optional(),
    prospectEmail: text(254),
    prospectPhone: text(40).optional(),
    prospectCompany: text(160),
    prospectDomain: text(120).optional(),
    prospectCompanySize: text(40).optional(),
    prospectIndustry: text(120).optional(),
    prospectCountry: text(2).optional().meta({ description: "ISO 3166-1 alpha-2" }),
    prospectLinkedinUrl: text(2000).optional(),
    scheduledLocal: localDateTime,
    timeZone: text(64).meta({ example: "Europe/Paris" }),
    durationMinutes: z.number().int().min(5).max(480),
    channel: z.enum(CHANNELS),
    location: text(500).optional(),
    clientAttendeeId: id.optional(),
    discoveryNeed: text(4000).optional(),
    discoveryContext: text(4000).optional(),
    discoveryBudget: text(2000).optional(),
    discoveryTimeline: text(2000).optional(),
    externalId: text(120).optional().meta({ description: "Your id for it: the same externalId on the campaign gives back the same meeting." }),
    confirmWarnings: z.boolean().optional().meta({ description: "Log it even where it departs from the agreement (otherwise a 422 lists the warnings)." }),
    checks: z.array(meetingCheckInputSchema).max(50).optional(),
  })
  .meta({ id: "MeetingCreate" });

export const meetingCreatedSchema = z.object({ id: z.string(), created: z.boolean() }).meta({ id: "MeetingCreated" });

const iso = z.string().meta({ format: "date-time" });
export const meetingSchema = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    clientCompanyId: z.string(),
    sdrId: z.string(),
    externalId: z.string().nullable(),
    personaVersionId: z.string(),
    definitionVersionId: z.string(),
    prospectName: z.string(),
    prospectTitle: z.string().nullable(),
    prospectEmail: z.string(),
    prospectPhone: z.string().nullable(),
    prospectCompany: z.string(),
    prospectDomain: z.string().nullable(),
    prospectCompanySize: z.string().nullable(),
    prospectIndustry: z.string().nullable(),
    prospectCountry: z.string().nullable(),
    prospectLinkedinUrl: z.string().nullable(),
    scheduledAt: iso,
    timeZone: z.string(),
    durationMinutes: z.number().int(),
    channel: z.enum(CHANNELS),
    location: z.string().nullable(),
    discoveryNeed: z.string().nullable(),
    discoveryContext: z.string().nullable(),
    discoveryBudget: z.string().nullable(),
    discoveryTimeline: z.string().nullable(),
    status: z.enum(MEETING_STATUSES),
    statusChangedAt: iso.nullable(),
    verdict: z.enum(VERDICTS),
    verdictAt: iso.nullable(),
    ratingOverall: z.number().int().nullable(),
    createdAt: iso,
    updatedAt: iso,
    checks: z.array(z.object({ key: z.string(), met: z.boolean(), note: z.string().nullable() })),
  })
  .meta({ id: "Meeting" });

export const meetingListSchema = z.object({ data: z.array(meetingSchema), nextCursor: z.string().nullable() }).meta({ id: "MeetingList" });

export const meetingListQuerySchema = pageQuerySchema.extend({
  campaignId: id.optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  verdict: z.enum(VERDICTS).optional(),
  sdrId: id.optional(),
  updatedSince: z.iso.datetime({ offset: true }).optional().meta({ description: "Only meetings changed at or after this instant (ISO 8601)." }),
});

export const meetingStatusSchema = z
  .object({
    action: z.enum(STATUS_ACTIONS).meta({ description: "HELD, NO_SHOW, CANCELLED, or RESCHEDULE (with a new time)." }),
    scheduledLocal: localDateTime.optional().meta({ description: "RESCHEDULE only: the new wall-clock time." }),
    timeZone: text(64).optional().meta({ description: "RESCHEDULE only: the new time's zone (defaults to the meeting's)." }),
  })
  .meta({ id: "MeetingStatusChange" });

// ---------- activity ----------
const count = (max: number) => z.number().int().min(0).max(max);
export const activityUpsertSchema = z
  .object({
    sdrId: id,
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ description: "The day, in the agency's calendar (YYYY-MM-DD), not in the future." }),
    dials: count(ACTIVITY_MAX.dials),
    conversations: count(ACTIVITY_MAX.conversations),
    emails: count(ACTIVITY_MAX.emails),
    linkedinMessages: count(ACTIVITY_MAX.linkedinMessages),
  })
  .meta({ id: "ActivityDay", description: "An SDR's counts on a campaign for one day (absolute values: sending it twice is harmless)." });

export const activityResultSchema = activityUpsertSchema.extend({ campaignId: z.string(), changed: z.boolean() }).meta({ id: "ActivityDayResult" });

// ---------- reports ----------
const day = z.string().meta({ format: "date", description: "A calendar day (YYYY-MM-DD) in the agency's time zone." });
const dayRange = z.object({ start: day, end: day });

export const reportSummarySchema = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    clientCompanyId: z.string(),
    period: dayRange.meta({ description: "The days the report covers, both included." }),
    sentAt: iso,
    correctsId: z.string().nullable().meta({ description: "The sent report this one corrects." }),
    correctedById: z.string().nullable().meta({ description: "The sent report that corrects this one." }),
  })
  .meta({ id: "ReportSummary", description: "A sent report (drafts are never listed)." });

export const reportListSchema = z.object({ data: z.array(reportSummarySchema), nextCursor: z.string().nullable() }).meta({ id: "ReportList" });

export const reportListQuerySchema = pageQuerySchema.extend({ campaignId: id.optional() });

const nullableNumber = z.number().nullable();
export const reportSchema = reportSummarySchema
  .extend({
    campaignName: z.string(),
    frozenAt: iso.nullable(),
    previousPeriod: dayRange.meta({ description: "The period the figures are compared with." }),
    correctionNote: z.string().meta({ description: "What changed, when this report corrects another (otherwise empty)." }),
    sections: z.array(z.string()).meta({ description: "The sections the report shows; the others are null." }),
    kpis: z.array(z.object({ key: z.string(), unit: z.string(), value: nullableNumber, previous: nullableNumber })).nullable(),
    funnel: z.array(z.object({ stage: z.string(), value: z.number(), conversion: nullableNumber })).nullable(),
    trend: z.array(z.object({ start: day, end: day, booked: z.number().int(), held: z.number().int(), accepted: z.number().int() })).nullable(),
    ratings: z.array(z.object({ rating: z.number().int(), count: z.number().int() })).nullable(),
    disputes: z.object({ opened: z.number().int(), upheld: z.number().int(), rejected: z.number().int(), pending: z.number().int() }).nullable(),
    objectives: z
      .array(z.object({ metric: z.string(), unit: z.string(), target: z.number(), actual: nullableNumber, expected: nullableNumber, status: z.string(), final: z.boolean(), period: dayRange }))
      .nullable(),
    qualitative: z
      .array(z.object({ title: z.string(), score: nullableNumber, previousScore: nullableNumber, assessments: z.number().int() }))
      .nullable()
      .meta({ description: "Team-level means (0-3) of the period's assessments; never an SDR's own." }),
    levers: z
      .array(z.object({ lever: z.string(), metric: z.string().nullable(), diagnosis: z.string(), action: z.string(), dueDate: day, status: z.enum(["OPEN", "DONE"]) }))
      .nullable(),
    highlights: z
      .array(z.object({ meetingId: z.string(), day, company: z.string(), prospectTitle: z.string(), rating: nullableNumber, opportunity: z.boolean(), pipelineValue: nullableNumber, won: z.boolean() }))
      .nullable(),
    commentary: z.string(),
    highlightsText: z.string().meta({ description: "The account manager's words on the highlights." }),
    nextSteps: z.string(),
  })
  .meta({ id: "Report", description: "A sent report's frozen content: what its readers received, never a draft or an internal note." });

export const scopesSchema = z.array(z.enum(API_SCOPES));

/** Zod issues as the API's `errors` (field path, English message). */
export function issuesToErrors(error: z.ZodError, prefix: string[] = []) {
  return error.issues.map((i) => ({ field: [...prefix, ...i.path.map(String)].join("."), message: i.message }));
}
