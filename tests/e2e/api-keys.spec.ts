// Issue 15, Settings > API: an agency admin creates a key on the page, uses it against /api/v1 over HTTP, revokes it
// (confirmed), and the key is refused from then on. Then the page's authorization walk: who may open and change it,
// another tenant's key id is a 404, a client admin's key can only read.
import { createApiKey } from "~/models/api/keys.server";
import { createAgencyWithClient, unique, type AgencyWorld } from "../factories";
import { expect, expectFieldError, prisma, sessionCookieHeader, openUserMenu, test } from "./fixtures";

test("an agency admin creates a key, sees it once, uses it, revokes it, and it is refused", async ({ page, world, login, request }) => {
  test.setTimeout(90_000);
  await login(world.admin);
  await page.goto("/home");
  await openUserMenu(page);
  await page.getByRole("link", { name: "API", exact: true }).click();
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();

  // Nothing chosen: the errors are next to the fields.
  await page.getByRole("button", { name: "Create the key" }).click();
  await expectFieldError(page, "Name", "This field is required.");
  await expect(page.getByText("Choose at least one scope.")).toBeVisible();

  await page.getByLabel("Name").fill("Aircall dialer");
  await page.getByRole("checkbox", { name: /Read campaigns/ }).check();
  await page.getByRole("checkbox", { name: /Log meetings/ }).check();
  await page.getByRole("button", { name: "Create the key" }).click();
  await expect(page.getByRole("heading", { name: "Key “Aircall dialer” created" })).toBeVisible();
  const token = await page.getByLabel("Secret key").inputValue();
  expect(token).toMatch(/^rdv_[A-Za-z0-9_-]{40}$/);

  const ok = await request.get("/api/v1/campaigns", { headers: { Authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).data.map((c: { id: string }) => c.id)).toContain(world.campaign.id);

  // The secret is not shown again; the key's last use is.
  await page.goto("/settings/api");
  await expect(page.getByText(token)).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  const item = page.getByRole("listitem").filter({ hasText: "Aircall dialer" });
  await expect(item.getByText("Last used")).toBeVisible();
  await expect(item.getByText("Never")).toHaveCount(0);

  await item.getByText("Revoke…").click();
  await expect(item.getByText("Revoke “Aircall dialer”?")).toBeVisible();
  await item.getByRole("button", { name: "Revoke the key" }).click();
  await expect(page.getByText("Key revoked.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Aircall dialer" }).getByText(/Revoked on/)).toBeVisible();

  const refused = await request.get("/api/v1/campaigns", { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");

  // The reference page renders the document (no script from elsewhere), and the document is public JSON.
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "/api/v1/meetings/{meetingId}/status" })).toBeVisible();
  const doc = await request.get("/api/v1/openapi.json");
  expect((await doc.json()).openapi).toBe("3.1.0");
});

test.describe("the API settings page's authorization walk", () => {
  let a: AgencyWorld;
  let c: AgencyWorld;
  let keyA: { id: string; name: string };
  let keyC: { id: string; name: string };
  test.beforeAll(async () => {
    a = await createAgencyWithClient({ clientName: unique("Client A") });
    c = await createAgencyWithClient({ agencyName: unique("Agency C") });
    keyA = (await createApiKey({ agencyId: a.agency.id, name: unique("Agency A dialer"), scopes: ["meetings:write"], createdById: a.admin.userId })).key;
    keyC = (await createApiKey({ agencyId: c.agency.id, name: unique("Agency C dialer"), scopes: ["meetings:read"], createdById: c.admin.userId })).key;
  });

  test("who may open and change it; another tenant's key is a 404; a client admin's key only reads", async ({ request }) => {
    const as = async (who: keyof AgencyWorld | null): Promise<Record<string, string>> => (who ? { Cookie: await sessionCookieHeader(a[who] as never) } : {});
    const get = async (who: keyof AgencyWorld | null, path = "/settings/api") => request.get(path, { headers: await as(who), maxRedirects: 0 });
    const post = async (who: keyof AgencyWorld | null, form: Record<string, string>) => request.post("/settings/api", { headers: await as(who), form, maxRedirects: 0 });
    const revoke = (id: string) => ({ intent: "revoke", keyId: id });

    for (const path of ["/settings/api", "/settings/api/reference"]) {
      const res = await get(null, path);
      expect(res.status()).toBe(302);
      expect(res.headers()["location"]).toMatch(/^\/login\?redirectTo=/);
    }
    expect((await post(null, revoke(keyA.id))).status()).toBe(302);

    const admin = await get("admin");
    expect(admin.status()).toBe(200);
    const adminPage = await admin.text();
    expect(adminPage).toContain(keyA.name);
    expect(adminPage).not.toContain(keyC.name);
    for (const who of ["am", "sdr", "clientMember"] as const) {
      expect((await get(who)).status(), who).toBe(403);
      expect((await get(who, "/settings/api/reference")).status(), who).toBe(403);
      expect((await post(who, revoke(keyA.id))).status(), who).toBe(403);
    }
    // Another agency's key, and (for a client admin) the agency's own keys: 404, unchanged.
    expect((await post("admin", revoke(keyC.id))).status()).toBe(404);
    expect((await post("clientAdmin", revoke(keyA.id))).status()).toBe(404);
    const clientPage = await (await get("clientAdmin")).text();
    expect(clientPage).not.toContain(keyA.name);
    expect(clientPage).not.toContain("meetings:write");

    const writeKey = await post("clientAdmin", { intent: "create", name: "Our BI", scopes: "meetings:write" });
    expect(writeKey.status()).toBe(400);
    expect(await writeKey.text()).toContain("api.errors.clientScopes");
    const readKey = await post("clientAdmin", { intent: "create", name: "Our BI", scopes: "meetings:read" });
    expect(readKey.status()).toBe(200);
    const created = await prisma.apiKey.findFirstOrThrow({ where: { agencyId: a.agency.id, name: "Our BI" } });
    expect(created).toMatchObject({ scopes: ["meetings:read"], clientCompanyIds: [a.client.id], createdById: a.clientAdmin.userId });
    // The client admin manages it; the agency admin sees it too.
    expect(await (await get("clientAdmin")).text()).toContain("Our BI");
    expect(await prisma.apiKey.count({ where: { id: { in: [keyA.id, keyC.id] }, revokedAt: { not: null } } })).toBe(0);
  });
});
