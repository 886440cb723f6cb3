// Issue 15: the OpenAPI document. It is served at /api/v1/openapi.json, passes `redocly lint` (recommended rules, no
// warning), and every documented operation is called through its real route, each answer checked against the
// document: its status is documented for the operation, and its body matches that status's schema.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Ajv2020 from "ajv/dist/2020";
import { createApiKey } from "~/models/api/keys.server";
import { API_OPERATIONS } from "~/domain/api/openapi";
import { addDays, toDay, todayIn } from "~/domain/objectives/dates";
import { utcToZonedInput } from "~/domain/shared/timezone";
import * as openapiRoute from "~/routes/api+/v1+/openapi[.]json";
import * as listCampaignsRoute from "~/routes/api+/v1+/campaigns._index";
import * as readCampaignRoute from "~/routes/api+/v1+/campaigns.$campaignId._index";
import * as createMeetingRoute from "~/routes/api+/v1+/campaigns.$campaignId.meetings";
import * as activityRoute from "~/routes/api+/v1+/campaigns.$campaignId.activity";
import * as listMeetingsRoute from "~/routes/api+/v1+/meetings._index";
import * as readMeetingRoute from "~/routes/api+/v1+/meetings.$meetingId._index";
import * as statusRoute from "~/routes/api+/v1+/meetings.$meetingId.status";
import * as listReportsRoute from "~/routes/api+/v1+/reports._index";
import * as readReportRoute from "~/routes/api+/v1+/reports.$reportId._index";
import { createDraft, sendReport } from "~/models/reports/reports.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMeetingInState } from "../factories";
import { callApi } from "./api-helpers";
import { useEnv } from "./helpers";

type Doc = { openapi: string; paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components: { schemas: Record<string, object> } };

async function documentOf() {
  const res = await openapiRoute.loader();
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/json");
  return (await res.json()) as Doc;
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and passes redocly lint without an error or a warning", async () => {
    const doc = await documentOf();
    expect(doc.openapi).toBe("3.1.0");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rdv-openapi-"));
    const file = path.join(dir, "openapi.json");
    fs.writeFileSync(file, JSON.stringify(doc));
    const bin = path.resolve("node_modules/.bin/redocly");
    const run = await promisify(execFile)(bin, ["lint", file, "--format=json"], {
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      cwd: dir,
    }).catch((e: { stdout: string; stderr: string }) => e);
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf("{"))) as { totals: { errors: number; warnings: number }; problems: { message: string }[] };
    expect(report.problems.map((p) => p.message)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("documents every operation of API_OPERATIONS, and only those", async () => {
    const doc = await documentOf();
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([m, o]) => `${m} ${p} ${o.operationId}`));
    expect(documented.sort()).toEqual(API_OPERATIONS.map((o) => `${o.method} ${o.path} ${o.operationId}`).sort());
  });
});

describe("the contract: every documented operation answers as the document says", () => {
  const setEnv = useEnv();

  it("success and error answers of each operation match their documented schema", async () => {
    const doc = await documentOf();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addFormat("date-time", true);
    ajv.addFormat("uri", true);
    ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
    ajv.addSchema({ $id: "doc", components: doc.components });
    const check = async (operationId: string, res: Response) => {
      const op = Object.entries(doc.paths).flatMap(([, ops]) => Object.values(ops)).find((o) => o.operationId === operationId)!;
      const documented = op.responses[String(res.status)];
      expect(documented, `${operationId} answered ${res.status}, not documented`).toBeDefined();
      const [type, media] = Object.entries(documented.content ?? {})[0] ?? [];
      expect(res.headers.get("content-type")).toBe(type);
      const body = await res.json();
      const schema = JSON.parse(JSON.stringify(media!.schema).replaceAll('"#/components/', '"doc#/components/'));
      const valid = ajv.validate(schema, body);
      expect(valid ? [] : ajv.errors, `${operationId} ${res.status}`).toEqual([]);
      return body;
    };

    const w = await createAgencyWithClient();
    const a = await createActiveCampaignWithAgreement(w);
    const meetingId = await createMeetingInState(w, a, "held");
    const past = await createMeetingInState(w, a, "past");
    // A sent report, every section shown.
    const today = todayIn("Europe/Paris");
    const draft = await createDraft(w.am, w.campaign.id, {
      periodStart: addDays(today, -6), periodEnd: today, sections: ["kpis", "funnel", "trend", "ratings", "disputes", "objectives", "qualitative", "levers", "highlights"],
      highlightIds: [], commentary: "A good week.", highlights: "", nextSteps: "More calls.", correctionNote: "",
    });
    await sendReport(w.am, draft.id, [w.clientAdmin.userId], "http://portal.test");
    const reportId = draft.id;
    const { token } = await createApiKey({ agencyId: w.agency.id, name: "All", scopes: ["campaigns:read", "meetings:read", "meetings:write", "activity:write", "reports:read"], createdById: w.am.userId });
    const { token: none } = await createApiKey({ agencyId: w.agency.id, name: "None", scopes: [], createdById: w.am.userId });
    const cid = w.campaign.id;
    const body = {
      prospectName: "Sophie Laurent", prospectEmail: "sophie@morel.test", prospectCompany: "Transports Morel", personaVersionId: a.personaVersion.id,
      scheduledLocal: utcToZonedInput(new Date(Date.now() + 3 * 86400_000), "Europe/Paris"), timeZone: "Europe/Paris", durationMinutes: 45, channel: "VIDEO",
      externalId: "contract-1", checks: a.criteria.map((c) => ({ key: c.key, met: true })),
    };
    const activity = { sdrId: w.sdr.userId, day: toDay(new Date(Date.now() - 86400_000)), dials: 10, conversations: 2, emails: 3, linkedinMessages: 1 };

    // Each operation: its success, a 400 or 404, a 401 and a 403.
    const calls: Record<string, (t: string | null, variant: "ok" | "bad") => Promise<Response>> = {
      listCampaigns: (t, v) => callApi(listCampaignsRoute, "GET", `/api/v1/campaigns${v === "bad" ? "?limit=0" : ""}`, t),
      getCampaign: (t, v) => callApi(readCampaignRoute, "GET", `/api/v1/campaigns/${v === "bad" ? "nope" : cid}`, t, { params: { campaignId: v === "bad" ? "nope" : cid } }),
      createMeeting: (t, v) => callApi(createMeetingRoute, "POST", `/api/v1/campaigns/${cid}/meetings`, t, { params: { campaignId: cid }, body: v === "bad" ? { ...body, durationMinutes: 1 } : body }),
      listMeetings: (t, v) => callApi(listMeetingsRoute, "GET", `/api/v1/meetings${v === "bad" ? "?status=NOPE" : "?limit=1"}`, t),
      getMeeting: (t, v) => callApi(readMeetingRoute, "GET", `/api/v1/meetings/${v === "bad" ? "nope" : meetingId}`, t, { params: { meetingId: v === "bad" ? "nope" : meetingId } }),
      changeMeetingStatus: (t, v) => callApi(statusRoute, "POST", `/api/v1/meetings/${past}/status`, t, { params: { meetingId: past }, body: { action: v === "bad" ? "LOST" : "NO_SHOW" } }),
      listReports: (t, v) => callApi(listReportsRoute, "GET", `/api/v1/reports${v === "bad" ? "?limit=0" : `?campaignId=${cid}`}`, t),
      getReport: (t, v) => callApi(readReportRoute, "GET", `/api/v1/reports/${v === "bad" ? "nope" : reportId}`, t, { params: { reportId: v === "bad" ? "nope" : reportId } }),
      upsertActivity: (t, v) => callApi(activityRoute, "PUT", `/api/v1/campaigns/${cid}/activity`, t, { params: { campaignId: cid }, body: v === "bad" ? { ...activity, dials: -1 } : activity }),
    };
    expect(Object.keys(calls).sort()).toEqual(API_OPERATIONS.map((o) => o.operationId).sort());
    for (const [operationId, call] of Object.entries(calls)) {
      const ok = await call(token, "ok");
      expect(ok.status, operationId).toBeLessThan(300);
      await check(operationId, ok);
      const bad = await call(token, "bad");
      expect([400, 404], operationId).toContain(bad.status);
      await check(operationId, bad);
      await check(operationId, await call(null, "ok"));
      await check(operationId, await call(none, "ok"));
    }
    // The same creation again: 200 with the same meeting; a refused status change: 409; a warning: 422.
    await check("createMeeting", await calls.createMeeting(token, "ok"));
    expect((await check("changeMeetingStatus", await calls.changeMeetingStatus(token, "ok"))).code).toBe("conflict");
    const unmet = await callApi(createMeetingRoute, "POST", `/api/v1/campaigns/${cid}/meetings`, token, { params: { campaignId: cid }, body: { ...body, externalId: "contract-2", checks: a.criteria.map((c) => ({ key: c.key, met: false })) } });
    expect((await check("createMeeting", unmet)).code).toBe("unconfirmed_warnings");
    // Past the rate limit: 429, documented for every operation.
    setEnv({ API_RATE_LIMIT_PER_MINUTE: "1" });
    const { token: once } = await createApiKey({ agencyId: w.agency.id, name: "Once", scopes: ["campaigns:read"], createdById: w.am.userId });
    await calls.listCampaigns(once, "ok");
    const limited = await calls.listCampaigns(once, "ok");
    expect(limited.status).toBe(429);
    await check("listCampaigns", limited);
  }, 60_000);
});
