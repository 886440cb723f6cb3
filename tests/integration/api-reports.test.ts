// Issue 15: sent reports over the API (reports:read). A key lists and reads the sent reports it may see, their
// frozen content as readers received it; never a draft, never a comment, never an SDR's own assessment; another
// tenant's or another client's id is a 404, and a key without the scope a 403.
import { prisma } from "~/utils/db.server";
import { createApiKey, createApiKeyFor } from "~/models/api/keys.server";
import { createClient } from "~/models/client.server";
import { createCampaign } from "~/models/campaign.server";
import { addReportComment, createDraft, sendReport } from "~/models/reports/reports.server";
import { addDays, todayIn } from "~/domain/objectives/dates";
import type { ApiScope } from "~/domain/api/keys";
import * as listReportsRoute from "~/routes/api+/v1+/reports._index";
import * as readReportRoute from "~/routes/api+/v1+/reports.$reportId._index";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMeetingInState, createMember, type AgencyWorld } from "../factories";
import { callApi } from "./api-helpers";

let w: AgencyWorld;
let a: Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;
beforeEach(async () => {
  w = await createAgencyWithClient();
  a = await createActiveCampaignWithAgreement(w);
});

const today = () => todayIn("Europe/Paris");
async function sentReport(world: AgencyWorld, campaignId: string, opts: { days?: number; sections?: string[]; commentary?: string } = {}) {
  const draft = await createDraft(world.am, campaignId, {
    periodStart: addDays(today(), -(opts.days ?? 6)), periodEnd: today(), sections: opts.sections ?? [], highlightIds: [],
    commentary: opts.commentary ?? "", highlights: "", nextSteps: "Call the Lyon accounts.", correctionNote: "",
  });
  await sendReport(world.am, draft.id, [world.clientAdmin.userId], "http://portal.test");
  return draft.id;
}
const key = async (world: AgencyWorld, scopes: ApiScope[], clientCompanyIds: string[] = []) =>
  (await createApiKey({ agencyId: world.agency.id, name: "Reader", scopes, clientCompanyIds, createdById: world.am.userId })).token;
const list = (t: string, qs = "") => callApi(listReportsRoute, "GET", `/api/v1/reports${qs}`, t);
const read = (t: string, id: string) => callApi(readReportRoute, "GET", `/api/v1/reports/${id}`, t, { params: { reportId: id } });

describe("GET /api/v1/reports/:id", () => {
  it("gives a sent report's frozen content: period, figures, commentary; no comment, no recipient, sections not shown are null", async () => {
    await createMeetingInState(w, a, "held");
    const id = await sentReport(w, w.campaign.id, { sections: ["kpis", "funnel", "qualitative"], commentary: "A steady week." });
    await addReportComment(w.am, id, { body: "Internal: push the SDR on follow-ups", internal: true });
    await addReportComment(w.clientAdmin, id, { body: "Thanks, looks good", internal: false });
    const stored = await prisma.report.findUniqueOrThrow({ where: { id }, select: { periodStart: true, periodEnd: true, sentAt: true } });

    const res = await read(await key(w, ["reports:read"]), id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    const body = await res.json();
    expect(body).toMatchObject({
      id, campaignId: w.campaign.id, clientCompanyId: w.client.id, campaignName: w.campaign.name,
      period: { start: stored.periodStart.toISOString().slice(0, 10), end: stored.periodEnd.toISOString().slice(0, 10) },
      sentAt: stored.sentAt!.toISOString(), sections: ["kpis", "funnel", "qualitative"],
      commentary: "A steady week.", nextSteps: "Call the Lyon accounts.", correctsId: null, correctedById: null,
      trend: null, ratings: null, disputes: null, objectives: null, levers: null, highlights: null,
    });
    expect(body.kpis.find((k: { key: string }) => k.key === "MEETINGS_HELD")).toMatchObject({ value: 1 });
    expect(Array.isArray(body.funnel)).toBe(true);
    const text = JSON.stringify(body);
    expect(text).not.toContain("Internal: push");
    expect(text).not.toContain("Thanks, looks good");
    expect(text).not.toContain(w.clientAdmin.email);
    expect(text).not.toContain(w.sdr.userId);
    // A meeting changing after the send does not change the report.
    await prisma.meeting.updateMany({ where: { campaignId: w.campaign.id }, data: { status: "CANCELLED" } });
    expect((await (await read(await key(w, ["reports:read"]), id)).json()).kpis).toEqual(body.kpis);
  });

  it("never gives a draft, another agency's or another client's report (404), nor answers a key without the scope (403)", async () => {
    const sent = await sentReport(w, w.campaign.id);
    const draft = await createDraft(w.am, w.campaign.id, { periodStart: addDays(today(), -3), periodEnd: today(), sections: [], highlightIds: [], commentary: "draft words", highlights: "", nextSteps: "", correctionNote: "" });
    const token = await key(w, ["reports:read"]);
    expect((await read(token, sent)).status).toBe(200);
    const draftRes = await read(token, draft.id);
    expect(draftRes.status).toBe(404);
    expect(await draftRes.json()).toMatchObject({ code: "not_found" });
    expect((await (await list(token)).json()).data.map((r: { id: string }) => r.id)).toEqual([sent]);

    // Another agency's key: 404 on the id, an empty list.
    const other = await createAgencyWithClient();
    const otherToken = await key(other, ["reports:read"]);
    expect((await read(otherToken, sent)).status).toBe(404);
    expect((await (await list(otherToken)).json()).data).toEqual([]);

    // A key limited to another client company of the same agency: 404, empty; limited to this client: 200.
    const otherClient = await createClient(w.admin, { name: "Lemaire Industrie", currency: "EUR", accountManagerId: w.am.userId });
    const otherClientToken = await key(w, ["reports:read", "meetings:read", "campaigns:read"], [otherClient.id]);
    expect((await read(otherClientToken, sent)).status).toBe(404);
    expect((await (await list(otherClientToken)).json()).data).toEqual([]);
    expect((await read(await key(w, ["reports:read"], [w.client.id]), sent)).status).toBe(200);

    // Without the scope: 403 whatever the id.
    const noScope = await key(w, ["meetings:read", "campaigns:read"]);
    for (const res of [await read(noScope, sent), await read(noScope, "nope"), await list(noScope)]) {
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: "forbidden" });
    }
  });
});

describe("GET /api/v1/reports", () => {
  it("lists sent reports by sending time, filters by campaign, pages with a cursor that a later send does not shift", async () => {
    const second = await createCampaign(w.am, { clientCompanyId: w.client.id, name: "Second outbound" });
    const ids = [await sentReport(w, w.campaign.id, { days: 6 }), await sentReport(w, second.id, { days: 5 }), await sentReport(w, w.campaign.id, { days: 4 })];
    const token = await key(w, ["reports:read"]);

    const all = await (await list(token)).json();
    expect(all.data.map((r: { id: string }) => r.id)).toEqual(ids);
    expect(all.nextCursor).toBeNull();
    expect(all.data[1]).toMatchObject({ campaignId: second.id, clientCompanyId: w.client.id });
    expect((await (await list(token, `?campaignId=${second.id}`)).json()).data.map((r: { id: string }) => r.id)).toEqual([ids[1]]);

    const p1 = await (await list(token, "?limit=2")).json();
    expect(p1.data.map((r: { id: string }) => r.id)).toEqual(ids.slice(0, 2));
    expect(typeof p1.nextCursor).toBe("string");
    const later = await sentReport(w, second.id, { days: 3 });
    const p2 = await (await list(token, `?limit=2&cursor=${p1.nextCursor}`)).json();
    expect(p2.data.map((r: { id: string }) => r.id)).toEqual([ids[2], later]);
    expect(p2.nextCursor).toBeNull();

    const bad = await list(token, "?limit=0&cursor=***");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    expect((await bad.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual(["cursor", "limit"]);
  });
});

describe("a client admin's read-only key", () => {
  it("may carry reports:read, and reads its own company's sent reports only", async () => {
    const mine = await sentReport(w, w.campaign.id);
    const otherClient = await createClient(w.admin, { name: "Lemaire Industrie", currency: "EUR", accountManagerId: w.am.userId });
    const theirCampaign = await createCampaign(w.am, { clientCompanyId: otherClient.id, name: "Lemaire outbound" });
    const otherAdmin = await createMember(w.agency.id, "CLIENT_ADMIN", { clientCompanyId: otherClient.id });
    const theirs = await sentReport({ ...w, clientAdmin: otherAdmin }, theirCampaign.id);
    const { key: row, token } = await createApiKeyFor(w.clientAdmin, { name: "Our BI", scopes: ["reports:read"], clientCompanyIds: [] });
    expect(row).toMatchObject({ scopes: ["reports:read"], clientCompanyIds: [w.client.id] });
    expect((await (await list(token)).json()).data.map((r: { id: string }) => r.id)).toEqual([mine]);
    expect((await read(token, mine)).status).toBe(200);
    expect((await read(token, theirs)).status).toBe(404);
  });
});
