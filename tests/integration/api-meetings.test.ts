// Issue 15: creating meetings through the API (same schema and use case as the log form), idempotent on externalId.
import { prisma } from "~/utils/db.server";
import { createApiKey } from "~/models/api/keys.server";
import { action as createMeeting } from "~/routes/api+/v1+/campaigns.$campaignId.meetings";
import { loader as readMeeting } from "~/routes/api+/v1+/meetings.$meetingId._index";
import { utcToZonedInput } from "~/domain/shared/timezone";
import { createActiveCampaignWithAgreement, createAgencyWithClient, type AgencyWorld } from "../factories";

let w: AgencyWorld;
let a: Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;
beforeEach(async () => {
  w = await createAgencyWithClient();
  a = await createActiveCampaignWithAgreement(w);
});

const future = () => utcToZonedInput(new Date(Date.now() + 3 * 86400_000), "Europe/Paris");
const payload = (over: Record<string, unknown> = {}) => ({
  prospectName: "Sophie Laurent",
  prospectEmail: "sophie@morel.test",
  prospectCompany: "Transports Morel",
  personaVersionId: a.personaVersion.id,
  scheduledLocal: future(),
  timeZone: "Europe/Paris",
  durationMinutes: 45,
  channel: "VIDEO",
  checks: a.criteria.map((c) => ({ key: c.key, met: true })),
  ...over,
});

async function post(token: string, campaignId: string, body: unknown) {
  const request = new Request(`http://localhost/api/v1/campaigns/${campaignId}/meetings`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  try {
    return await createMeeting({ request, params: { campaignId }, context: {} });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

describe("POST /api/v1/campaigns/:id/meetings", () => {
  it("logs a meeting with the checklist by criterion key, as the key's creator", async () => {
    const { token } = await createApiKey({ agencyId: w.agency.id, name: "Dialer", scopes: ["meetings:write"], createdById: w.am.userId });
    const res = await post(token, w.campaign.id, payload({ externalId: "dialer-1" }));
    expect(res.status).toBe(201);
    const { id, created } = await res.json();
    expect(created).toBe(true);
    const m = await prisma.meeting.findUniqueOrThrow({ where: { id }, include: { checks: true } });
    expect(m).toMatchObject({ campaignId: w.campaign.id, sdrId: w.sdr.userId, createdById: w.am.userId, externalId: "dialer-1", definitionVersionId: a.definitionVersion.id });
    expect(m.checks.filter((c) => c.met)).toHaveLength(a.criteria.length);
  });

  it("two identical concurrent requests give the same meeting and one row", async () => {
    const { token } = await createApiKey({ agencyId: w.agency.id, name: "Dialer", scopes: ["meetings:write"], createdById: w.am.userId });
    const body = payload({ externalId: "dialer-42" });
    const [r1, r2] = await Promise.all([post(token, w.campaign.id, body), post(token, w.campaign.id, body)]);
    const [b1, b2] = [await r1.json(), await r2.json()];
    expect(b1.id).toBe(b2.id);
    expect([r1.status, r2.status].sort()).toEqual([200, 201]);
    expect(await prisma.meeting.count({ where: { campaignId: w.campaign.id, externalId: "dialer-42" } })).toBe(1);
    const again = await post(token, w.campaign.id, body);
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(b1.id);
  });

  it("answers bad input as problem+json naming the fields, never a 500", async () => {
    const { token } = await createApiKey({ agencyId: w.agency.id, name: "Dialer", scopes: ["meetings:write"], createdById: w.am.userId });
    const res = await post(token, w.campaign.id, payload({ prospectEmail: "nope", durationMinutes: 2, checks: [{ key: "nope", met: true }] }));
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const fields = (await res.json()).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["prospectEmail", "durationMinutes"]));
    expect((await post(token, w.campaign.id, "{not json")).status).toBe(400);
    const unknownKey = await post(token, w.campaign.id, payload({ checks: [{ key: "nope", met: true }] }));
    expect(await unknownKey.json()).toMatchObject({ code: "invalid", errors: [{ field: "checks" }] });
    expect(await prisma.meeting.count({ where: { campaignId: w.campaign.id } })).toBe(0);
  });

  it("an unmet required criterion is a 422 until confirmed", async () => {
    const { token } = await createApiKey({ agencyId: w.agency.id, name: "Dialer", scopes: ["meetings:write"], createdById: w.am.userId });
    const body = payload({ checks: a.criteria.map((c, i) => ({ key: c.key, met: i !== 0 })) });
    const r1 = await post(token, w.campaign.id, body);
    expect(r1.status).toBe(422);
    expect(await r1.json()).toMatchObject({ code: "unconfirmed_warnings" });
    const r2 = await post(token, w.campaign.id, { ...body, confirmWarnings: true });
    expect(r2.status).toBe(201);
  });

  it("the key-scope walk: a read-only key 403, another agency's key and another client's key 404, writing nothing", async () => {
    const { token: readOnly } = await createApiKey({ agencyId: w.agency.id, name: "Reader", scopes: ["meetings:read", "campaigns:read"], createdById: w.am.userId });
    expect((await post(readOnly, w.campaign.id, payload())).status).toBe(403);
    const b = await createAgencyWithClient();
    const { token: keyB } = await createApiKey({ agencyId: b.agency.id, name: "B", scopes: ["meetings:write"], createdById: b.am.userId });
    expect((await post(keyB, w.campaign.id, payload())).status).toBe(404);
    const { token: otherClientKey } = await createApiKey({ agencyId: w.agency.id, name: "Other", scopes: ["meetings:write"], clientCompanyIds: ["some-other-client"], createdById: w.am.userId });
    expect((await post(otherClientKey, w.campaign.id, payload())).status).toBe(404);
    expect(await prisma.meeting.count({ where: { campaignId: w.campaign.id } })).toBe(0);
  });
});

describe("GET /api/v1/meetings/:id", () => {
  async function get(token: string, meetingId: string) {
    const request = new Request(`http://localhost/api/v1/meetings/${meetingId}`, { headers: { Authorization: `Bearer ${token}` } });
    try {
      return await readMeeting({ request, params: { meetingId }, context: {} });
    } catch (e) {
      if (e instanceof Response) return e;
      throw e;
    }
  }

  it("reads a meeting with its checklist by key and no agency-internal field; other tenants and clients get 404", async () => {
    const { token: writer } = await createApiKey({ agencyId: w.agency.id, name: "Dialer", scopes: ["meetings:write"], createdById: w.am.userId });
    const { id } = await (await post(writer, w.campaign.id, payload({ externalId: "dialer-7" }))).json();
    await prisma.meeting.update({ where: { id }, data: { internalNotes: "agency secret" } });
    expect((await get(writer, id)).status).toBe(403);

    const { token: clientKey } = await createApiKey({ agencyId: w.agency.id, name: "Client tools", scopes: ["meetings:read"], clientCompanyIds: [w.client.id], createdById: w.clientAdmin.userId });
    const res = await get(clientKey, id);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain("agency secret");
    const m = JSON.parse(text);
    expect(m).toMatchObject({ id, externalId: "dialer-7", status: "SCHEDULED", verdict: "PENDING" });
    expect(m).not.toHaveProperty("internalNotes");
    expect(m.checks.map((c: { key: string }) => c.key).sort()).toEqual(a.criteria.map((c) => c.key).sort());

    const { token: otherClient } = await createApiKey({ agencyId: w.agency.id, name: "Other", scopes: ["meetings:read"], clientCompanyIds: ["another-client"] });
    expect((await get(otherClient, id)).status).toBe(404);
    const b = await createAgencyWithClient();
    const { token: keyB } = await createApiKey({ agencyId: b.agency.id, name: "B", scopes: ["meetings:read"] });
    const cross = await get(keyB, id);
    expect(cross.status).toBe(404);
    expect(await cross.text()).not.toContain("Sophie");
  });
});
