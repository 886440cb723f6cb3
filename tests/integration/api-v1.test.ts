// Issue 15: the rest of /api/v1 (meeting list and status, activity, Idempotency-Key, the per-key rate limit) and the
// scope walk over every operation, called as a dialer would (real Requests, real routes).
import { prisma } from "~/utils/db.server";
import { createApiKey, revokeApiKey } from "~/models/api/keys.server";
import { API_SCOPES, type ApiScope } from "~/domain/api/keys";
import { utcToZonedInput } from "~/domain/shared/timezone";
import { toDay } from "~/domain/objectives/dates";
import * as listCampaignsRoute from "~/routes/api+/v1+/campaigns._index";
import * as readCampaignRoute from "~/routes/api+/v1+/campaigns.$campaignId._index";
import * as createMeetingRoute from "~/routes/api+/v1+/campaigns.$campaignId.meetings";
import * as activityRoute from "~/routes/api+/v1+/campaigns.$campaignId.activity";
import * as listMeetingsRoute from "~/routes/api+/v1+/meetings._index";
import * as readMeetingRoute from "~/routes/api+/v1+/meetings.$meetingId._index";
import * as statusRoute from "~/routes/api+/v1+/meetings.$meetingId.status";
import * as listReportsRoute from "~/routes/api+/v1+/reports._index";
import * as readReportRoute from "~/routes/api+/v1+/reports.$reportId._index";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMeetingInState, unique, type AgencyWorld } from "../factories";
import { useEnv } from "./helpers";
import { callApi } from "./api-helpers";

let w: AgencyWorld;
let a: Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;
beforeEach(async () => {
  w = await createAgencyWithClient();
  a = await createActiveCampaignWithAgreement(w);
});

const future = (days = 3) => utcToZonedInput(new Date(Date.now() + days * 86400_000), "Europe/Paris");
const payload = (over: Record<string, unknown> = {}) => ({
  prospectName: "Sophie Laurent",
  prospectEmail: `${unique("p")}@morel.test`,
  prospectCompany: "Transports Morel",
  personaVersionId: a.personaVersion.id,
  scheduledLocal: future(),
  timeZone: "Europe/Paris",
  durationMinutes: 45,
  channel: "VIDEO",
  checks: a.criteria.map((c) => ({ key: c.key, met: true })),
  ...over,
});
const key = async (scopes: ApiScope[], over: { clientCompanyIds?: string[]; createdById?: string } = {}) =>
  (await createApiKey({ agencyId: w.agency.id, name: "Dialer", scopes, createdById: w.am.userId, ...over })).token;

describe("GET /api/v1/meetings", () => {
  it("filters by campaign, status, verdict, SDR and updated since, within the key's client companies", async () => {
    const scheduled = await createMeetingInState(w, a, "scheduled");
    const held = await createMeetingInState(w, a, "held");
    const cancelled = await createMeetingInState(w, a, "cancelled");
    const token = await key(["meetings:read"]);
    const ids = async (qs: string) => {
      const res = await callApi(listMeetingsRoute, "GET", `/api/v1/meetings${qs}`, token);
      expect(res.status).toBe(200);
      return ((await res.json()).data as { id: string }[]).map((m) => m.id).sort();
    };
    expect(await ids("")).toEqual([scheduled, held, cancelled].sort());
    expect(await ids("?status=HELD")).toEqual([held]);
    expect(await ids(`?campaignId=${w.campaign.id}&verdict=PENDING&status=CANCELLED`)).toEqual([cancelled]);
    expect(await ids(`?sdrId=${w.otherSdr.userId}`)).toEqual([]);
    expect(await ids(`?sdrId=${w.sdr.userId}`)).toHaveLength(3);
    const since = new Date(Date.now() + 1000).toISOString();
    expect(await ids(`?updatedSince=${encodeURIComponent(since)}`)).toEqual([]);

    const bad = await callApi(listMeetingsRoute, "GET", "/api/v1/meetings?status=LOST&limit=500&updatedSince=yesterday", token);
    expect(bad.status).toBe(400);
    expect(((await bad.json()).errors as { field: string }[]).map((e) => e.field).sort()).toEqual(["limit", "status", "updatedSince"]);
    expect((await callApi(listMeetingsRoute, "GET", "/api/v1/meetings?cursor=zzz", token)).status).toBe(400);

    const otherClient = await key(["meetings:read"], { clientCompanyIds: ["another-client"] });
    expect((await (await callApi(listMeetingsRoute, "GET", "/api/v1/meetings", otherClient)).json()).data).toEqual([]);
    const b = await createAgencyWithClient();
    const { token: keyB } = await createApiKey({ agencyId: b.agency.id, name: "B", scopes: ["meetings:read"] });
    expect((await (await callApi(listMeetingsRoute, "GET", "/api/v1/meetings", keyB)).json()).data).toEqual([]);
  });

  it("pages by an opaque keyset cursor that stays stable while meetings are inserted and changed", async () => {
    const first: string[] = [];
    for (let i = 0; i < 5; i++) first.push(await createMeetingInState(w, a, "scheduled"));
    const token = await key(["meetings:read", "meetings:write"]);
    const p1 = await (await callApi(listMeetingsRoute, "GET", "/api/v1/meetings?limit=2", token)).json();
    expect(p1.data).toHaveLength(2);
    expect(p1.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    // Concurrent writes between pages: two new meetings, and a change to one already listed.
    const inserted = [await createMeetingInState(w, a, "scheduled"), await createMeetingInState(w, a, "scheduled")];
    await callApi(statusRoute, "POST", `/api/v1/meetings/${p1.data[0].id}/status`, token, { params: { meetingId: p1.data[0].id }, body: { action: "CANCELLED" } });
    const seen: string[] = p1.data.map((m: { id: string }) => m.id);
    let cursor = p1.nextCursor;
    while (cursor) {
      const page = await (await callApi(listMeetingsRoute, "GET", `/api/v1/meetings?limit=2&cursor=${cursor}`, token)).json();
      seen.push(...page.data.map((m: { id: string }) => m.id));
      cursor = page.nextCursor;
    }
    // Nothing skipped; the changed meeting comes again at the end (its update), nothing else twice.
    expect(new Set(seen)).toEqual(new Set([...first, ...inserted]));
    expect(seen).toHaveLength(first.length + inserted.length + 1);
    expect(seen[seen.length - 1]).toBe(p1.data[0].id);
  });
});

describe("POST /api/v1/meetings/:id/status", () => {
  it("cancels, reschedules, records attendance through the meeting use cases; refuses what the state machine refuses", async () => {
    const token = await key(["meetings:write", "meetings:read"]);
    const call = (id: string, body: unknown) => callApi(statusRoute, "POST", `/api/v1/meetings/${id}/status`, token, { params: { meetingId: id }, body });

    const upcoming = await createMeetingInState(w, a, "scheduled");
    const early = await call(upcoming, { action: "HELD" });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: "conflict" });
    const moved = await call(upcoming, { action: "RESCHEDULE", scheduledLocal: future(5), timeZone: "America/New_York" });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ id: upcoming, status: "SCHEDULED", timeZone: "America/New_York" });
    expect(await prisma.meetingEvent.count({ where: { meetingId: upcoming, type: "rescheduled" } })).toBe(1);
    expect((await call(upcoming, { action: "RESCHEDULE" })).status).toBe(400);
    expect((await call(upcoming, { action: "CANCELLED" })).status).toBe(200);

    const past = await createMeetingInState(w, a, "past");
    const held = await call(past, { action: "HELD" });
    expect(held.status).toBe(200);
    expect(await held.json()).toMatchObject({ status: "HELD" });
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: past } })).reviewDueAt).not.toBeNull();
    const noShow = await createMeetingInState(w, a, "past");
    expect(await (await call(noShow, { action: "NO_SHOW" })).json()).toMatchObject({ status: "NO_SHOW" });

    expect((await call(past, { action: "LOST" })).status).toBe(400);
    expect((await call("nope", { action: "CANCELLED" })).status).toBe(404);
    const b = await createAgencyWithClient();
    const { token: keyB } = await createApiKey({ agencyId: b.agency.id, name: "B", scopes: ["meetings:write"], createdById: b.am.userId });
    const cross = await callApi(statusRoute, "POST", `/api/v1/meetings/${noShow}/status`, keyB, { params: { meetingId: noShow }, body: { action: "CANCELLED" } });
    expect(cross.status).toBe(404);
  });
});

describe("PUT /api/v1/campaigns/:id/activity", () => {
  it("upserts an SDR's counts for a day, idempotently, through the activity use case", async () => {
    const token = await key(["activity:write"]);
    const day = toDay(new Date(Date.now() - 86400_000));
    const body = { sdrId: w.sdr.userId, day, dials: 80, conversations: 12, emails: 30, linkedinMessages: 5 };
    const put = (b: unknown, campaignId = w.campaign.id, t = token) => callApi(activityRoute, "PUT", `/api/v1/campaigns/${campaignId}/activity`, t, { params: { campaignId }, body: b });
    const r1 = await put(body);
    expect(r1.status).toBe(200);
    expect(await r1.json()).toMatchObject({ ...body, campaignId: w.campaign.id, changed: true });
    expect(await (await put(body)).json()).toMatchObject({ changed: false });
    expect(await (await put({ ...body, dials: 90 })).json()).toMatchObject({ changed: true });
    const rows = await prisma.activityDay.findMany({ where: { campaignId: w.campaign.id, sdrId: w.sdr.userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0].dials).toBe(90);
    expect(await prisma.auditEvent.count({ where: { campaignId: w.campaign.id, type: "activity.recorded" } })).toBe(2);

    const notOnCampaign = await put({ ...body, sdrId: w.otherSdr.userId });
    expect(notOnCampaign.status).toBe(400);
    expect(await notOnCampaign.json()).toMatchObject({ errors: [{ field: "sdrId" }] });
    const tomorrow = await put({ ...body, day: toDay(new Date(Date.now() + 3 * 86400_000)) });
    expect(await tomorrow.json()).toMatchObject({ code: "invalid", errors: [{ field: "day" }] });
    const negative = await put({ ...body, dials: -1, emails: "x" });
    expect(((await negative.json()).errors as { field: string }[]).map((e) => e.field).sort()).toEqual(["dials", "emails"]);
    expect((await callApi(activityRoute, "POST", `/api/v1/campaigns/${w.campaign.id}/activity`, token, { params: { campaignId: w.campaign.id }, body })).status).toBe(405);

    const b = await createAgencyWithClient();
    const { token: keyB } = await createApiKey({ agencyId: b.agency.id, name: "B", scopes: ["activity:write"], createdById: b.am.userId });
    expect((await put(body, w.campaign.id, keyB)).status).toBe(404);
  });
});

describe("Idempotency-Key", () => {
  const post = (token: string, body: unknown, idem: string) =>
    callApi(createMeetingRoute, "POST", `/api/v1/campaigns/${w.campaign.id}/meetings`, token, { params: { campaignId: w.campaign.id }, body, headers: { "Idempotency-Key": idem } });

  it("two identical concurrent requests give one meeting and the same answer; another body with the key is a 422", async () => {
    const token = await key(["meetings:write"]);
    const body = payload(); // no externalId: only the header makes it idempotent
    const [r1, r2] = await Promise.all([post(token, body, "order-1"), post(token, body, "order-1")]);
    expect([r1.status, r2.status]).toEqual([201, 201]);
    const [b1, b2] = [await r1.json(), await r2.json()];
    expect(b1).toEqual(b2);
    expect(await prisma.meeting.count({ where: { campaignId: w.campaign.id } })).toBe(1);
    const again = await post(token, body, "order-1");
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await again.json()).toEqual(b1);

    const other = await post(token, payload({ prospectName: "Someone else" }), "order-1");
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ code: "idempotency_mismatch" });
    // A refused request does not keep the key: corrected, it goes through.
    const refused = await post(token, payload({ durationMinutes: 1 }), "order-2");
    expect(refused.status).toBe(400);
    expect((await post(token, payload(), "order-2")).status).toBe(201);
    // Keys are per API key: another key may use the same value.
    expect((await post(await key(["meetings:write"]), payload(), "order-1")).status).toBe(201);
    expect(await prisma.meeting.count({ where: { campaignId: w.campaign.id } })).toBe(3);
  });
});

describe("rate limit", () => {
  const setEnv = useEnv();
  it("answers 429 with Retry-After once a key has spent its minute, other keys unaffected", async () => {
    setEnv({ API_RATE_LIMIT_PER_MINUTE: "3" });
    const token = await key(["campaigns:read"]);
    const get = (t: string) => callApi(listCampaignsRoute, "GET", "/api/v1/campaigns", t);
    for (let i = 0; i < 3; i++) expect((await get(token)).status).toBe(200);
    const limited = await get(token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ code: "rate_limited", status: 429 });
    expect((await get(await key(["campaigns:read"]))).status).toBe(200);
    expect((await get("rdv_unknownunknownunknownunknown")).status).toBe(401);
  });
});

describe("the key-scope walk over every operation", () => {
  it("each operation answers 403 exactly to the keys without its scope; revoked and unknown keys 401", async () => {
    const meetingId = await createMeetingInState(w, a, "scheduled");
    const cid = w.campaign.id;
    // Bodies that are invalid after the scope check: nothing is written whichever key passes.
    const ops: { scope: ApiScope; run: (t: string) => Promise<Response> }[] = [
      { scope: "campaigns:read", run: (t) => callApi(listCampaignsRoute, "GET", "/api/v1/campaigns", t) },
      { scope: "campaigns:read", run: (t) => callApi(readCampaignRoute, "GET", `/api/v1/campaigns/${cid}`, t, { params: { campaignId: cid } }) },
      { scope: "meetings:write", run: (t) => callApi(createMeetingRoute, "POST", `/api/v1/campaigns/${cid}/meetings`, t, { params: { campaignId: cid }, body: {} }) },
      { scope: "meetings:read", run: (t) => callApi(listMeetingsRoute, "GET", "/api/v1/meetings", t) },
      { scope: "meetings:read", run: (t) => callApi(readMeetingRoute, "GET", `/api/v1/meetings/${meetingId}`, t, { params: { meetingId } }) },
      { scope: "meetings:write", run: (t) => callApi(statusRoute, "POST", `/api/v1/meetings/${meetingId}/status`, t, { params: { meetingId }, body: { action: "NOPE" } }) },
      { scope: "activity:write", run: (t) => callApi(activityRoute, "PUT", `/api/v1/campaigns/${cid}/activity`, t, { params: { campaignId: cid }, body: {} }) },
      { scope: "reports:read", run: (t) => callApi(listReportsRoute, "GET", "/api/v1/reports", t) },
      { scope: "reports:read", run: (t) => callApi(readReportRoute, "GET", "/api/v1/reports/nope", t, { params: { reportId: "nope" } }) },
    ];
    const subsets: ApiScope[][] = [];
    for (let mask = 0; mask < 1 << API_SCOPES.length; mask++) subsets.push(API_SCOPES.filter((_, i) => mask & (1 << i)));
    const keys = await Promise.all(subsets.map(async (scopes) => ({ scopes, token: await key(scopes) })));
    for (const op of ops) {
      for (const k of keys) {
        const res = await op.run(k.token);
        const expected = k.scopes.includes(op.scope) ? "allowed" : "forbidden";
        const got = res.status === 403 ? "forbidden" : res.status === 401 ? "unauthenticated" : "allowed";
        expect(`${op.scope} [${k.scopes.join(",")}] ${got}`).toBe(`${op.scope} [${k.scopes.join(",")}] ${expected}`);
        if (res.status === 403) expect(await res.json()).toMatchObject({ code: "forbidden" });
      }
      expect((await op.run("rdv_unknownunknownunknownunknown")).status).toBe(401);
    }
    const all = keys[keys.length - 1];
    const revoked = await prisma.apiKey.findFirstOrThrow({ where: { agencyId: w.agency.id, scopes: { hasEvery: [...API_SCOPES] } } });
    await revokeApiKey(w.agency.id, revoked.id);
    for (const op of ops) expect((await op.run(all.token)).status).toBe(401);
    expect(await prisma.meeting.count({ where: { campaignId: cid } })).toBe(1);
    expect(await prisma.activityDay.count({ where: { campaignId: cid } })).toBe(0);
  });
});
