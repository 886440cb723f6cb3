// Issue 15: outbound webhooks. Events written in the change's transaction, delivered signed (Standard Webhooks),
// retried until the receiver answers, never to a private address, never to another company's endpoint.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { prisma } from "~/utils/db.server";
import { createWebhookEndpoint, getWebhookEndpoint, listWebhookEndpoints, rotateWebhookSecret, sendTestWebhook } from "~/models/webhooks/endpoints.server";
import { deliverWebhook } from "~/models/webhooks/delivery.server";
import { checkWebhookTarget, postWebhook } from "~/services/webhook-http.server";
import { isForbiddenAddress } from "~/domain/webhooks/addresses";
import { seedDemoWebhooks } from "../../prisma/seed-webhooks";
import { createActiveCampaignWithAgreement, createAgencyWithClient, type AgencyWorld } from "../factories";
import { createMeetingInState } from "../factories/meetings";


const LOOPBACK_OK = { requireHttps: false, allowLoopback: true };
const STRICT = { requireHttps: true, allowLoopback: false };

type Received = { headers: http.IncomingHttpHeaders; body: string };
async function receiver(statuses: number[]) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.statusCode = statuses[received.length - 1] ?? 200;
      res.end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, close: () => new Promise((r) => server.close(r)) };
}

let w: AgencyWorld;
let a: Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;
beforeEach(async () => {
  w = await createAgencyWithClient();
  a = await createActiveCampaignWithAgreement(w);
});

describe("webhook delivery", () => {
  it("a receiver that fails twice then succeeds gets the event once, verified with the standardwebhooks library", async () => {
    const r = await receiver([500, 503, 200]);
    try {
      const { id, secret } = await createWebhookEndpoint(w.admin, { url: r.url, events: ["meeting.created"] }, LOOPBACK_OK);
      await createMeetingInState(w, a, "scheduled");
      const [delivery] = await prisma.webhookDelivery.findMany({ where: { endpointId: id } });
      expect(delivery.eventType).toBe("meeting.created");
      let now = new Date();
      const outcomes = [];
      for (let i = 0; i < 4; i++) {
        outcomes.push(await deliverWebhook(delivery.id, { now, guard: LOOPBACK_OK, enqueueRetry: false }));
        now = new Date(now.getTime() + 60_000);
      }
      expect(outcomes).toEqual(["retry", "retry", "sent", "skipped"]);
      expect(r.received).toHaveLength(3);
      // The same webhook-id on every attempt: the receiver keeps the event once.
      expect(new Set(r.received.map((x) => x.headers["webhook-id"])).size).toBe(1);
      const accepted = r.received[2];
      const headers = {
        "webhook-id": String(accepted.headers["webhook-id"]),
        "webhook-timestamp": String(accepted.headers["webhook-timestamp"]),
        "webhook-signature": String(accepted.headers["webhook-signature"]),
      };
      expect(new Webhook(secret).verify(accepted.body, headers)).toMatchObject({ type: "meeting.created" });
      // A wrong signature does not verify.
      expect(() => new Webhook(secret).verify(accepted.body, { ...headers, "webhook-signature": "v1,bad" })).toThrow();
      // The log keeps each attempt with its code and the answer's first characters; the list shows the streak reset.
      const attempts = await prisma.webhookAttempt.findMany({ where: { deliveryId: delivery.id }, orderBy: { at: "asc" } });
      expect(attempts.map((x) => [x.responseCode, x.ok, x.responseExcerpt])).toEqual([[500, false, "ok"], [503, false, "ok"], [200, true, "ok"]]);
      const [listed] = await listWebhookEndpoints(w.admin);
      expect(listed).toMatchObject({ id, failureStreak: 0, failingSince: null, lastDelivery: { status: "SENT", lastResponseCode: 200 } });
    } finally {
      await r.close();
    }
  });

  it("the list counts the failures in a row since the last success; rotating the secret signs with the new one", async () => {
    const r = await receiver([500, 500, 200]);
    try {
      const { id, secret } = await createWebhookEndpoint(w.admin, { url: r.url, events: ["meeting.created"] }, LOOPBACK_OK);
      await createMeetingInState(w, a, "scheduled");
      const [delivery] = await prisma.webhookDelivery.findMany({ where: { endpointId: id } });
      const t0 = new Date();
      await deliverWebhook(delivery.id, { now: t0, guard: LOOPBACK_OK, enqueueRetry: false });
      await deliverWebhook(delivery.id, { now: new Date(t0.getTime() + 60_000), guard: LOOPBACK_OK, enqueueRetry: false });
      const [failing] = await listWebhookEndpoints(w.admin);
      expect(failing).toMatchObject({ failureStreak: 2, lastDelivery: { status: "PENDING", lastResponseCode: 500 } });
      expect(failing.failingSince).toEqual(t0);

      const rotated = await rotateWebhookSecret(w.admin, id);
      expect(rotated.secret).not.toBe(secret);
      await expect(rotateWebhookSecret((await createAgencyWithClient()).admin, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      // A test event: its own delivery, signed with the new secret only.
      const testId = await sendTestWebhook(w.admin, id);
      expect(await deliverWebhook(testId, { guard: LOOPBACK_OK, enqueueRetry: false })).toBe("sent");
      const got = r.received[2];
      const headers = { "webhook-id": String(got.headers["webhook-id"]), "webhook-timestamp": String(got.headers["webhook-timestamp"]), "webhook-signature": String(got.headers["webhook-signature"]) };
      expect(new Webhook(rotated.secret).verify(got.body, headers)).toMatchObject({ type: "webhook.test" });
      expect(() => new Webhook(secret).verify(got.body, headers)).toThrow();
      const [ok] = await listWebhookEndpoints(w.admin);
      expect(ok).toMatchObject({ failureStreak: 0, failingSince: null });
    } finally {
      await r.close();
    }
  });

  it("signs each attempt so Webhook.verify accepts it, with the meeting as the API shows it", async () => {
    const r = await receiver([200]);
    try {
      const { id, secret } = await createWebhookEndpoint(w.admin, { url: r.url, events: ["meeting.created", "meeting.status_changed"] }, LOOPBACK_OK);
      await createMeetingInState(w, a, "scheduled");
      const [delivery] = await prisma.webhookDelivery.findMany({ where: { endpointId: id } });
      expect(await deliverWebhook(delivery.id, { guard: LOOPBACK_OK, enqueueRetry: false })).toBe("sent");
      const got = r.received[0];
      const verified = new Webhook(secret).verify(got.body, {
        "webhook-id": String(got.headers["webhook-id"]),
        "webhook-timestamp": String(got.headers["webhook-timestamp"]),
        "webhook-signature": String(got.headers["webhook-signature"]),
      }) as { id: string; type: string; apiVersion: string; data: { meeting: Record<string, unknown> } };
      expect(verified).toMatchObject({ type: "meeting.created", apiVersion: "v1", id: got.headers["webhook-id"] });
      expect(await prisma.meeting.count({ where: { id: String(verified.data.meeting.id), campaignId: w.campaign.id } })).toBe(1);
      expect(verified.data.meeting).not.toHaveProperty("internalNotes");
      expect(verified.data.meeting).not.toHaveProperty("possibleDuplicate");
      const page = await getWebhookEndpoint(w.admin, id);
      expect(page.deliveries[0]).toMatchObject({ status: "SENT", lastResponseCode: 200, attempts: 1 });
      expect(await prisma.webhookAttempt.count({ where: { deliveryId: delivery.id } })).toBe(1);
    } finally {
      await r.close();
    }
  });

  it("an endpoint failing for a day is disabled and the agency's admins are emailed", async () => {
    const r = await receiver(Array(20).fill(500));
    await prisma.user.update({ where: { id: w.admin.userId }, data: { locale: "fr" } });
    try {
      const { id } = await createWebhookEndpoint(w.admin, { url: r.url, events: ["meeting.created"] }, LOOPBACK_OK);
      await createMeetingInState(w, a, "scheduled");
      const [delivery] = await prisma.webhookDelivery.findMany({ where: { endpointId: id } });
      const t0 = new Date();
      expect(await deliverWebhook(delivery.id, { now: t0, guard: LOOPBACK_OK, enqueueRetry: false })).toBe("retry");
      expect(await deliverWebhook(delivery.id, { now: new Date(t0.getTime() + 25 * 3600_000), guard: LOOPBACK_OK, enqueueRetry: false })).toBe("endpoint-disabled");
      expect(await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id } })).toMatchObject({ enabled: false, disabledReason: "failing" });
      // The agency's admins are emailed once, in their language, with a link to the endpoint; nobody else.
      const emails = await prisma.emailOutbox.findMany({ where: { template: "webhook-disabled", agencyId: w.agency.id } });
      expect(emails.map((e) => e.to)).toEqual([w.admin.email]);
      expect(emails[0].subject).toBe(`Point de réception webhook désactivé\u202f: ${r.url}`);
      expect(emails[0].text).toContain(`/settings/webhooks/${id}`);
      expect(emails[0].text).toContain("HTTP 500");
      expect(await deliverWebhook(delivery.id, { now: new Date(t0.getTime() + 26 * 3600_000), guard: LOOPBACK_OK, enqueueRetry: false })).toBe("skipped");
      expect(await prisma.emailOutbox.count({ where: { template: "webhook-disabled", agencyId: w.agency.id } })).toBe(1);
    } finally {
      await r.close();
    }
  });
});

describe("no server-side request forgery", () => {
  it.each(["http://127.0.0.1/x", "https://10.0.0.1/x", "https://169.254.169.254/latest/meta-data", "https://[::1]/x", "https://localhost/x", "https://0.0.0.0/", "https://[::ffff:127.0.0.1]/", "https://192.168.1.10/", "https://172.20.0.1/", "https://[fd00::1]/", "https://[fe80::1]/"])(
    "refuses %s at registration",
    async (url) => {
      await expect(createWebhookEndpoint(w.admin, { url, events: ["meeting.created"] }, STRICT)).rejects.toMatchObject({ field: "url" });
      const t = await checkWebhookTarget(url, STRICT);
      expect(t.ok).toBe(false);
    },
  );

  it("refuses http in production", async () => {
    expect(await checkWebhookTarget("http://example.com/hook", STRICT)).toMatchObject({ ok: false, reason: "https" });
  });

  it("refuses at delivery a name that resolves to loopback (checked at connect time)", async () => {
    const r = await receiver([200]);
    try {
      const port = new URL(r.url).port;
      const res = await postWebhook(`http://localhost:${port}/hooks`, {}, "{}", { guard: { requireHttps: false, allowLoopback: false } });
      expect(res.error).toMatch(/Refused/);
      expect(r.received).toHaveLength(0);
    } finally {
      await r.close();
    }
  });

  it("classifies addresses", () => {
    for (const ip of ["127.0.0.1", "10.0.0.1", "169.254.169.254", "::1", "0.0.0.0", "::", "fc00::1", "::ffff:10.0.0.1", "64:ff9b::7f00:1", "100.64.0.1"]) expect(isForbiddenAddress(ip)).toBe(true);
    for (const ip of ["93.184.216.34", "2606:4700::1111", "8.8.8.8"]) expect(isForbiddenAddress(ip)).toBe(false);
    expect(isForbiddenAddress("127.0.0.1", { allowLoopback: true })).toBe(false);
    expect(isForbiddenAddress("10.0.0.1", { allowLoopback: true })).toBe(true);
  });
});

describe("client-scoped endpoints", () => {
  it("a client admin's endpoint receives only its company's events; another agency's endpoints none", async () => {
    const other = await createAgencyWithClient();
    const mine = await createWebhookEndpoint(w.clientAdmin, { url: "http://127.0.0.1:9/x", events: ["meeting.created", "objective.off_track"] }, LOOPBACK_OK);
    const theirs = await createWebhookEndpoint(other.admin, { url: "http://127.0.0.1:9/y", events: ["meeting.created"] }, LOOPBACK_OK);
    const row = await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: mine.id } });
    expect(row).toMatchObject({ clientCompanyId: w.client.id, events: ["meeting.created"] });
    // A second client company of the same agency: its meeting does not reach this client's endpoint.
    await createMeetingInState(w, a, "scheduled");
    expect(await prisma.webhookDelivery.count({ where: { endpointId: mine.id } })).toBe(1);
    expect(await prisma.webhookDelivery.count({ where: { endpointId: theirs.id } })).toBe(0);
    await expect(getWebhookEndpoint(other.admin, mine.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getWebhookEndpoint(w.clientAdmin, theirs.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("demo webhooks", () => {
  it("seeds one endpoint whose log has deliveries, one failed then succeeded, and lists it", async () => {
    await createMeetingInState(w, a, "scheduled");
    await createMeetingInState(w, a, "scheduled");
    expect(await seedDemoWebhooks(w.agency.id, w.admin.userId)).toBe(2);
    expect(await seedDemoWebhooks(w.agency.id, w.admin.userId)).toBe(0);
    const [listed] = await listWebhookEndpoints(w.admin);
    expect(listed).toMatchObject({ enabled: true, failureStreak: 0, lastDelivery: { status: "SENT", lastResponseCode: 200 } });
    const page = await getWebhookEndpoint(w.admin, listed.id);
    expect(page.deliveries.map((d) => d.attemptLog.map((x) => x.responseCode))).toEqual(expect.arrayContaining([[200, 503], [200]]));
  });
});
