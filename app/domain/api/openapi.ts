// The OpenAPI 3.1 document of /api/v1, generated from the Zod schemas the routes validate with (./schemas.ts).
// Pure: served by /api/v1/openapi.json, rendered by the reference page, linted and checked against in the tests.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import type { ApiScope } from "./keys";
import {
  activityResultSchema,
  activityUpsertSchema,
  campaignListSchema,
  campaignSchema,
  meetingCreateSchema,
  meetingCreatedSchema,
  meetingListQuerySchema,
  meetingListSchema,
  meetingSchema,
  meetingStatusSchema,
  pageQuerySchema,
  problemSchema,
  reportListQuerySchema,
  reportListSchema,
  reportSchema,
} from "./schemas";

export const API_VERSION = "1.0.0";

/** One documented operation: enough for the reference page and for the contract test to call each of them. */
export type ApiOperation = { method: "get" | "post" | "put"; path: string; operationId: string; summary: string; scope: ApiScope; tag: string };

export const API_OPERATIONS: ApiOperation[] = [
  { method: "get", path: "/campaigns", operationId: "listCampaigns", summary: "List campaigns", scope: "campaigns:read", tag: "Campaigns" },
  { method: "get", path: "/campaigns/{campaignId}", operationId: "getCampaign", summary: "Read a campaign with its approved personas and criteria keys", scope: "campaigns:read", tag: "Campaigns" },
  { method: "post", path: "/campaigns/{campaignId}/meetings", operationId: "createMeeting", summary: "Log a meeting", scope: "meetings:write", tag: "Meetings" },
  { method: "get", path: "/meetings", operationId: "listMeetings", summary: "List meetings", scope: "meetings:read", tag: "Meetings" },
  { method: "get", path: "/meetings/{meetingId}", operationId: "getMeeting", summary: "Read a meeting", scope: "meetings:read", tag: "Meetings" },
  { method: "post", path: "/meetings/{meetingId}/status", operationId: "changeMeetingStatus", summary: "Held, no-show, cancelled or rescheduled", scope: "meetings:write", tag: "Meetings" },
  { method: "put", path: "/campaigns/{campaignId}/activity", operationId: "upsertActivity", summary: "Set an SDR's activity for a day", scope: "activity:write", tag: "Activity" },
  { method: "get", path: "/reports", operationId: "listReports", summary: "List sent reports", scope: "reports:read", tag: "Reports" },
  { method: "get", path: "/reports/{reportId}", operationId: "getReport", summary: "Read a sent report's frozen content", scope: "reports:read", tag: "Reports" },
];

const problemContent = { "application/problem+json": { schema: problemSchema } };
const err = (description: string) => ({ description, content: problemContent });
const common = {
  401: err("No valid API key (missing, unknown or revoked)."),
  403: err("The key lacks the operation's scope."),
  429: {
    description: "The key's requests of this minute are spent.",
    headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" as const } } },
    content: problemContent,
  },
};
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const idempotencyHeader = z.object({
  "Idempotency-Key": z.string().min(1).max(255).optional().meta({ description: "The same key with the same request gives the same answer, once, for 24 hours." }),
});
const campaignParams = z.object({ campaignId: z.string().meta({ description: "A campaign id" }) });
const meetingParams = z.object({ meetingId: z.string().meta({ description: "A meeting id" }) });
const reportParams = z.object({ reportId: z.string().meta({ description: "A report id" }) });

function op(o: ApiOperation) {
  return { method: o.method, path: o.path, operationId: o.operationId, summary: o.summary, tags: [o.tag], security: [{ bearer: [] }], description: `Scope: \`${o.scope}\`.` };
}
const find = (id: string) => API_OPERATIONS.find((o) => o.operationId === id)!;

function registry() {
  const r = new OpenAPIRegistry();
  r.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", description: "An API key (rdv_...) created on Settings > API." });
  r.registerPath({ ...op(find("listCampaigns")), request: { query: pageQuerySchema }, responses: { 200: json(campaignListSchema, "A page of campaigns."), 400: err("Invalid parameters."), ...common } });
  r.registerPath({ ...op(find("getCampaign")), request: { params: campaignParams }, responses: { 200: json(campaignSchema, "The campaign."), 404: err("No such campaign for this key."), ...common } });
  r.registerPath({
    ...op(find("createMeeting")),
    request: { params: campaignParams, headers: idempotencyHeader, body: { required: true, content: { "application/json": { schema: meetingCreateSchema } } } },
    responses: {
      200: json(meetingCreatedSchema, "A meeting with this externalId already existed: the same meeting."),
      201: json(meetingCreatedSchema, "Logged."),
      400: err("Invalid fields (listed in `errors`)."),
      404: err("No such campaign for this key."),
      409: err("A conflict, or a request with this Idempotency-Key still running."),
      422: err("Warnings to confirm (`unconfirmed_warnings`), or an Idempotency-Key used for another request."),
      503: err("The database is saturated (`unavailable`): nothing was written; send the same request again after `Retry-After` seconds."),
      ...common,
    },
  });
  r.registerPath({ ...op(find("listMeetings")), request: { query: meetingListQuerySchema }, responses: { 200: json(meetingListSchema, "A page of meetings, by last change."), 400: err("Invalid parameters."), ...common } });
  r.registerPath({ ...op(find("getMeeting")), request: { params: meetingParams }, responses: { 200: json(meetingSchema, "The meeting."), 404: err("No such meeting for this key."), ...common } });
  r.registerPath({
    ...op(find("changeMeetingStatus")),
    request: { params: meetingParams, headers: idempotencyHeader, body: { required: true, content: { "application/json": { schema: meetingStatusSchema } } } },
    responses: {
      200: json(meetingSchema, "The meeting as it now is."),
      400: err("Invalid fields."),
      404: err("No such meeting for this key."),
      409: err("The meeting's state does not allow it (`conflict`)."),
      422: err("An Idempotency-Key used for another request."),
      ...common,
    },
  });
  r.registerPath({
    ...op(find("upsertActivity")),
    request: { params: campaignParams, body: { required: true, content: { "application/json": { schema: activityUpsertSchema } } } },
    responses: { 200: json(activityResultSchema, "The day as stored, and whether it changed."), 400: err("Invalid fields (an SDR not on the campaign, a future day...)."), 404: err("No such campaign for this key."), ...common },
  });
  r.registerPath({ ...op(find("listReports")), request: { query: reportListQuerySchema }, responses: { 200: json(reportListSchema, "A page of sent reports, by sending time."), 400: err("Invalid parameters."), ...common } });
  r.registerPath({ ...op(find("getReport")), request: { params: reportParams }, responses: { 200: json(reportSchema, "The sent report."), 404: err("No such sent report for this key."), ...common } });
  return r;
}

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | undefined;

/** The document (built once per process). */
export function openApiDocument() {
  cached ??= new OpenApiGeneratorV31(registry().definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Rendezvous API",
      version: API_VERSION,
      description:
        "Meetings, campaigns, activity and reports for dialers, CRMs and clients' own tools. JSON over HTTPS with a Bearer API key; errors as application/problem+json (RFC 9457) with a stable `code`; lists page with an opaque `nextCursor`.",
      license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
    },
    servers: [{ url: "/api/v1" }],
    tags: [
      { name: "Campaigns", description: "What a dialer needs to fill the checklist." },
      { name: "Meetings", description: "Log, read, list and move meetings." },
      { name: "Activity", description: "SDRs' daily counts." },
      { name: "Reports", description: "Sent campaign reports, as their readers received them." },
    ],
  });
  return cached;
}
