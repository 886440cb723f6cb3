// Issue 15, Settings > Webhooks: an admin adds an endpoint pointing at a receiver started here, a meeting logged in
// the portal reaches it signed (verified with the standardwebhooks library), the delivery shows in the log; a
// failing receiver is retried until it answers, and the admin redelivers an event. A private address is refused next
// to the field, in French. Then the pages' authorization walk.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { createWebhookEndpoint } from "~/models/webhooks/endpoints.server";
import { utcToZonedInput } from "~/domain/shared/timezone";
import { createActiveCampaignWithAgreement, createAgencyWithClient, DEFAULT_CRITERIA, unique, type AgencyWorld } from "../factories";
import { expect, expectFieldError, prisma, sessionCookieHeader, test } from "./fixtures";

type Received = { headers: http.IncomingHttpHeaders; body: string; status: number };

/** A receiver on 127.0.0.1 answering the next status of `plan` (then 200) and keeping every request. */
async function receiver() {
  const received: Received[] = [];
  const plan: number[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const status = plan.shift() ?? 200;
      received.push({ headers: req.headers, body, status });
      res.statusCode = status;
      res.end(status === 200 ? "thanks" : "receiver is down for maintenance");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, plan, close: () => new Promise((r) => server.close(r)) };
}

function verified(secret: string, r: Received) {
  return new Webhook(secret).verify(r.body, {
    "webhook-id": String(r.headers["webhook-id"]),
    "webhook-timestamp": String(r.headers["webhook-timestamp"]),
    "webhook-signature": String(r.headers["webhook-signature"]),
  }) as { id: string; type: string; data: { meeting?: { prospectName: string } } };
}

test("an admin adds an endpoint; a logged meeting reaches it signed; a failing receiver is retried; the admin redelivers", async ({ page, world, login }) => {
  test.setTimeout(120_000);
  await createActiveCampaignWithAgreement(world);
  const r = await receiver();
  try {
    await login(world.admin);
    await page.goto("/settings/api");
    await page.getByRole("link", { name: "Webhooks", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();

    // Nothing chosen: the errors are next to the fields.
    await page.getByRole("button", { name: "Add the endpoint" }).click();
    await expectFieldError(page, "URL", "This field is required.");
    await expect(page.getByText("Choose at least one event.")).toBeVisible();

    await page.getByLabel("URL", { exact: true }).fill(r.url);
    await page.getByLabel("Description", { exact: true }).fill("CRM sync");
    await page.getByRole("checkbox", { name: /meeting\.created/ }).check();
    await page.getByRole("button", { name: "Add the endpoint" }).click();
    await expect(page.getByRole("heading", { name: `Signing secret of ${r.url}` })).toBeVisible();
    const secret = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    // Shown once: not on the page any more.
    await page.goto("/settings/webhooks");
    expect(await page.content()).not.toContain(secret);
    await expect(page.getByRole("listitem").filter({ hasText: r.url }).getByText("None yet")).toBeVisible();

    // An SDR logs a meeting in the portal.
    await login(world.sdr);
    await page.goto(`/campaigns/${world.campaign.id}/meetings`);
    await page.getByRole("link", { name: "Log a meeting" }).click();
    await page.getByLabel("Full name").fill("Sophie Laurent");
    await page.getByLabel("Job title").fill("CFO");
    await page.getByLabel("Email").fill("sophie.laurent@morel.test");
    await page.getByLabel("Company", { exact: true }).fill("Transports Morel");
    await page.getByLabel("Date and time (prospect's time)").fill(utcToZonedInput(new Date(Date.now() + 3 * 86400_000), "Europe/Paris"));
    await page.getByLabel("Prospect's time zone").fill("Europe/Paris");
    await page.getByLabel("Duration (minutes)").fill("45");
    for (const c of DEFAULT_CRITERIA) await page.getByRole("checkbox", { name: new RegExp(c.label.slice(0, 30)) }).check();
    await page.getByRole("button", { name: "Log the meeting" }).click();
    await expect(page.getByText("Meeting logged.")).toBeVisible({ timeout: 30_000 }); // logging writes notifications, emails and the webhook event: slow on a loaded machine

    // The receiver gets it, signed: the standardwebhooks library verifies it with the secret shown once.
    await expect.poll(() => r.received.length, { timeout: 15_000 }).toBe(1);
    const created = verified(secret, r.received[0]);
    expect(created.type).toBe("meeting.created");
    expect(created.data.meeting?.prospectName).toBe("Sophie Laurent");
    expect(() => verified(`whsec_${Buffer.alloc(32, 7).toString("base64")}`, r.received[0])).toThrow();

    // The admin sees the delivery in the endpoint's log.
    await login(world.admin);
    await page.goto("/settings/webhooks");
    const item = page.getByRole("listitem").filter({ hasText: r.url });
    await expect(item.getByText(/Delivered \(200\)/)).toBeVisible();
    await item.getByRole("link", { name: "Deliveries and settings" }).click();
    const createdRow = page.locator("li[data-delivery]").filter({ hasText: created.id });
    await expect(createdRow.getByText("Delivered", { exact: true })).toBeVisible();
    await expect(createdRow.getByRole("cell", { name: "200", exact: true })).toBeVisible();
    await expect(createdRow.getByText("thanks")).toBeVisible();

    // The receiver fails twice: the test event is retried until it answers.
    r.plan.push(500, 503);
    await page.getByRole("button", { name: "Send a test event" }).click();
    await expect(page.getByText("Test event queued: it appears below in a moment.")).toBeVisible();
    await expect.poll(() => r.received.length, { timeout: 30_000 }).toBe(4);
    expect(r.received.slice(1).map((x) => x.status)).toEqual([500, 503, 200]);
    const test1 = verified(secret, r.received[3]);
    expect(test1.type).toBe("webhook.test");
    expect(new Set(r.received.slice(1).map((x) => x.headers["webhook-id"]))).toEqual(new Set([test1.id]));
    await page.reload();
    const testRow = page.locator("li[data-delivery]").filter({ hasText: test1.id });
    await expect(testRow.getByText("Delivered", { exact: true })).toBeVisible();
    await expect(testRow.getByRole("cell", { name: "500", exact: true })).toBeVisible();
    await expect(testRow.getByRole("cell", { name: "503", exact: true })).toBeVisible();
    await expect(testRow.getByText(/HTTP 503 · receiver is down for maintenance/)).toBeVisible();

    // Redeliver the meeting's event: the same event id again, still verifiable.
    await createdRow.getByRole("button", { name: /^Redeliver meeting\.created/ }).click();
    await expect(page.getByText("Delivery queued again.")).toBeVisible();
    await expect.poll(() => r.received.length, { timeout: 15_000 }).toBe(5);
    expect(verified(secret, r.received[4]).id).toBe(created.id);

    // A private address is refused next to the field, in French.
    await prisma.user.update({ where: { id: world.admin.userId }, data: { locale: "fr" } });
    await page.goto("/settings/webhooks");
    await page.getByLabel("URL", { exact: true }).fill("https://169.254.169.254/latest/meta-data");
    await page.getByRole("checkbox", { name: /meeting\.created/ }).check();
    await page.getByRole("button", { name: "Ajouter le point de réception" }).click();
    await expectFieldError(page, "URL", "Cette adresse est sur un réseau privé, local ou de métadonnées cloud : Rendezvous n'y envoie rien.");
    expect(await prisma.webhookEndpoint.count({ where: { agencyId: world.agency.id } })).toBe(1);
  } finally {
    await r.close();
  }
});

test.describe("the webhooks pages' authorization walk", () => {
  let a: AgencyWorld;
  let c: AgencyWorld;
  let endpointA: string;
  let endpointC: string;
  const loopback = { requireHttps: false, allowLoopback: true };
  test.beforeAll(async () => {
    a = await createAgencyWithClient({ clientName: unique("Client A") });
    c = await createAgencyWithClient({ agencyName: unique("Agency C") });
    endpointA = (await createWebhookEndpoint(a.admin, { url: "http://127.0.0.1:9/agency-a", events: ["meeting.created"] }, loopback)).id;
    endpointC = (await createWebhookEndpoint(c.admin, { url: "http://127.0.0.1:9/agency-c", events: ["meeting.created"] }, loopback)).id;
  });

  test("who may open and change them; another tenant's endpoint is a 404; a client admin only has their company's", async ({ request }) => {
    const as = async (who: keyof AgencyWorld | null): Promise<Record<string, string>> => (who ? { Cookie: await sessionCookieHeader(a[who] as never) } : {});
    const get = async (who: keyof AgencyWorld | null, path: string) => request.get(path, { headers: await as(who), maxRedirects: 0 });
    const post = async (who: keyof AgencyWorld | null, path: string, form: Record<string, string>) => request.post(path, { headers: await as(who), form, maxRedirects: 0 });
    const pageA = `/settings/webhooks/${endpointA}`;
    const pageC = `/settings/webhooks/${endpointC}`;

    for (const path of ["/settings/webhooks", pageA]) {
      const res = await get(null, path);
      expect(res.status()).toBe(302);
      expect(res.headers()["location"]).toMatch(/^\/login\?redirectTo=/);
    }
    expect((await post(null, pageA, { intent: "delete" })).status()).toBe(302);

    const list = await get("admin", "/settings/webhooks");
    expect(list.status()).toBe(200);
    const listText = await list.text();
    expect(listText).toContain("/agency-a");
    expect(listText).not.toContain("/agency-c");
    expect((await get("admin", pageA)).status()).toBe(200);

    for (const who of ["am", "sdr", "clientMember"] as const) {
      expect((await get(who, "/settings/webhooks")).status(), who).toBe(403);
      expect((await get(who, pageA)).status(), who).toBe(403);
      expect((await post(who, "/settings/webhooks", { url: "https://example.com/hooks", events: "meeting.created" })).status(), who).toBe(403);
      for (const intent of ["test", "disable", "rotate", "delete"]) expect((await post(who, pageA, { intent })).status(), `${who} ${intent}`).toBe(403);
    }
    // Another agency's endpoint, and (for a client admin) the agency's own: 404 to read and to change.
    expect((await get("admin", pageC)).status()).toBe(404);
    expect((await get("clientAdmin", pageA)).status()).toBe(404);
    for (const intent of ["test", "disable", "enable", "rotate", "delete"]) {
      expect((await post("admin", pageC, { intent })).status(), intent).toBe(404);
      expect((await post("clientAdmin", pageA, { intent })).status(), intent).toBe(404);
    }
    const deliveryC = await prisma.webhookDelivery.create({ data: { endpointId: endpointC, eventId: unique("msg_c"), eventType: "meeting.created", payload: {} } });
    expect((await post("admin", pageA, { intent: "redeliver", deliveryId: deliveryC.id })).status()).toBe(404);
    const endpoints = await prisma.webhookEndpoint.findMany({ where: { id: { in: [endpointA, endpointC] } }, select: { enabled: true } });
    expect(endpoints).toEqual([{ enabled: true }, { enabled: true }]);

    // A client admin registers their company's endpoint; it cannot carry the agency-internal event.
    const clientList = await (await get("clientAdmin", "/settings/webhooks")).text();
    expect(clientList).not.toContain("/agency-a");
    expect(clientList).not.toContain("objective.off_track");
    const internal = await post("clientAdmin", "/settings/webhooks", { url: "https://example.com/hooks", events: "objective.off_track" });
    expect(internal.status()).toBe(400);
    expect(await internal.text()).toContain("webhooks.errors.events");
    // A private address: a 400 naming the field, never a 500.
    const privateUrl = await post("clientAdmin", "/settings/webhooks", { url: "https://10.0.0.1/hooks", events: "meeting.created" });
    expect(privateUrl.status()).toBe(400);
    expect(await privateUrl.text()).toContain("webhooks.errors.url.address");
    const ok = await post("clientAdmin", "/settings/webhooks", { url: "http://127.0.0.1:9/client-a", events: "meeting.created" });
    expect(ok.status()).toBe(200);
    const mine = await prisma.webhookEndpoint.findFirstOrThrow({ where: { agencyId: a.agency.id, url: "http://127.0.0.1:9/client-a" } });
    expect(mine).toMatchObject({ clientCompanyId: a.client.id, events: ["meeting.created"] });
    expect((await get("clientAdmin", `/settings/webhooks/${mine.id}`)).status()).toBe(200);
    // The agency admin sees it too.
    expect(await (await get("admin", "/settings/webhooks")).text()).toContain("/client-a");
  });
});
