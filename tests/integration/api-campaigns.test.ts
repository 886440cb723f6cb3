// Issue 15: the REST API's keys and its campaigns endpoints, called as a dialer would (real Requests, real routes).
import { prisma } from "~/utils/db.server";
import { createApiKey, revokeApiKey } from "~/models/api/keys.server";
import { loader as listCampaigns } from "~/routes/api+/v1+/campaigns._index";
import { loader as readCampaign } from "~/routes/api+/v1+/campaigns.$campaignId._index";
import { hashApiToken } from "~/domain/api/keys";
import { createActiveCampaignWithAgreement, createAgencyWithClient, unique } from "../factories";

/** Calls a loader as Remix would; a thrown Response (401, 403) is returned like an answered one. */
async function call(loader: (args: any) => Promise<Response>, url: string, token: string | null, params: Record<string, string> = {}) {
  const request = new Request(`http://localhost${url}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  try {
    return await loader({ request, params, context: {} });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

async function twoClientsWorld() {
  const w = await createAgencyWithClient();
  const a = await createActiveCampaignWithAgreement(w);
  const other = await prisma.clientCompany.create({ data: { agencyId: w.agency.id, name: unique("Other client") } });
  const otherCampaign = await prisma.campaign.create({ data: { agencyId: w.agency.id, clientCompanyId: other.id, name: "Other campaign" } });
  return { w, a, other, otherCampaign };
}

describe("API keys", () => {
  it("keeps only the hash of the secret, and a revoked key is a 401", async () => {
    const { w } = await twoClientsWorld();
    const { key, token } = await createApiKey({ agencyId: w.agency.id, name: "Dialer", scopes: ["campaigns:read", "not-a-scope"] });
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.secretHash).toBe(hashApiToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.scopes).toEqual(["campaigns:read"]);
    expect(token.startsWith(row.prefix)).toBe(true);

    const ok = await call(listCampaigns, "/api/v1/campaigns", token);
    expect(ok.status).toBe(200);
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).not.toBeNull();

    expect(await revokeApiKey(w.agency.id, key.id)).toBe(true);
    const revoked = await call(listCampaigns, "/api/v1/campaigns", token);
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get("content-type")).toBe("application/problem+json");
    expect(await revoked.json()).toMatchObject({ status: 401, code: "unauthenticated" });
  });

  it("answers 401 without a key or with a made-up one, 403 outside its scopes", async () => {
    const { w } = await twoClientsWorld();
    expect((await call(listCampaigns, "/api/v1/campaigns", null)).status).toBe(401);
    expect((await call(listCampaigns, "/api/v1/campaigns", "rdv_madeupmadeupmadeupmadeupmadeup")).status).toBe(401);
    const { token } = await createApiKey({ agencyId: w.agency.id, name: "Writer", scopes: ["meetings:write"] });
    const res = await call(listCampaigns, "/api/v1/campaigns", token);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "forbidden" });
  });
});

describe("GET /api/v1/campaigns", () => {
  it("lists the agency's campaigns by a stable cursor, and a client-limited key only its client's", async () => {
    const { w, other, otherCampaign } = await twoClientsWorld();
    const { token } = await createApiKey({ agencyId: w.agency.id, name: "All", scopes: ["campaigns:read"] });
    const first = await call(listCampaigns, "/api/v1/campaigns?limit=1", token);
    const page1 = await first.json();
    expect(page1.data).toHaveLength(1);
    expect(page1.nextCursor).toBe(page1.data[0].id);
    const page2 = await (await call(listCampaigns, `/api/v1/campaigns?limit=1&cursor=${page1.nextCursor}`, token)).json();
    expect(page2.data).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    expect([page1.data[0].id, page2.data[0].id].sort()).toEqual([w.campaign.id, otherCampaign.id].sort());

    const { token: clientToken } = await createApiKey({ agencyId: w.agency.id, name: "Client", scopes: ["campaigns:read"], clientCompanyIds: [other.id] });
    const limited = await (await call(listCampaigns, "/api/v1/campaigns", clientToken)).json();
    expect(limited.data.map((c: { id: string }) => c.id)).toEqual([otherCampaign.id]);
  });

  it("refuses a bad limit as a problem naming the field", async () => {
    const { w } = await twoClientsWorld();
    const { token } = await createApiKey({ agencyId: w.agency.id, name: "All", scopes: ["campaigns:read"] });
    const res = await call(listCampaigns, "/api/v1/campaigns?limit=1000", token);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "invalid", errors: [{ field: "limit" }] });
  });
});

describe("GET /api/v1/campaigns/:id", () => {
  it("gives the approved persona versions and the criteria keys of the definition in force", async () => {
    const { w, a } = await twoClientsWorld();
    const { token } = await createApiKey({ agencyId: w.agency.id, name: "Dialer", scopes: ["campaigns:read"] });
    const res = await call(readCampaign, `/api/v1/campaigns/${w.campaign.id}`, token, { campaignId: w.campaign.id });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.personas.map((p: { versionId: string }) => p.versionId)).toEqual([a.personaVersion.id]);
    expect(body.definition.versionId).toBe(a.definitionVersion.id);
    expect(body.definition.criteria.map((c: { key: string }) => c.key)).toEqual(a.criteria.map((c) => c.key));
  });

  it("the key-scope walk: another agency's campaign, another client's campaign: 404, never data", async () => {
    const { w, otherCampaign } = await twoClientsWorld();
    const b = await createAgencyWithClient();
    const { token: keyB } = await createApiKey({ agencyId: b.agency.id, name: "B", scopes: ["campaigns:read"] });
    const crossAgency = await call(readCampaign, `/api/v1/campaigns/${w.campaign.id}`, keyB, { campaignId: w.campaign.id });
    expect(crossAgency.status).toBe(404);
    const crossBody = await crossAgency.text();
    expect(crossBody).not.toContain(w.campaign.name);

    const { token: clientKey } = await createApiKey({ agencyId: w.agency.id, name: "Client", scopes: ["campaigns:read"], clientCompanyIds: [w.client.id] });
    const crossClient = await call(readCampaign, `/api/v1/campaigns/${otherCampaign.id}`, clientKey, { campaignId: otherCampaign.id });
    expect(crossClient.status).toBe(404);
    expect(await crossClient.json()).toMatchObject({ code: "not_found" });
    const own = await call(readCampaign, `/api/v1/campaigns/${w.campaign.id}`, clientKey, { campaignId: w.campaign.id });
    expect(own.status).toBe(200);
  });
});

describe("the demo's API key", () => {
  it("lists the demo agency's campaigns with the token `npm run demo` prints", async () => {
    const { seedDemoApi } = await import("../../prisma/seed-api");
    const { DEMO_API_TOKEN, demoApiCurl } = await import("../../prisma/demo-api.mjs");
    const { w } = await twoClientsWorld();
    await seedDemoApi(w.agency.id, w.admin.userId);
    expect(demoApiCurl("http://localhost:3000")).toContain(DEMO_API_TOKEN);
    const res = await call(listCampaigns, "/api/v1/campaigns", DEMO_API_TOKEN);
    expect(res.status).toBe(200);
    expect((await res.json()).data).toHaveLength(2);
  });
});
