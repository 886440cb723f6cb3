// Issue 15's speed (decision 0063): what the faster paths must keep. Creating a meeting through the API sends a
// bounded number of statements and writes the meeting, its checklist, its history, its notifications and its webhook
// delivery exactly once (nothing when it is refused); the webhook worker's batch is claimed and recorded in a few
// statements whatever its size, each row keeping its own outcome.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { prisma } from "~/utils/db.server";
import { countStatements } from "~/utils/sql-stats.server";
import { createApiKey } from "~/models/api/keys.server";
import { createWebhookEndpoint } from "~/models/webhooks/endpoints.server";
import { deliverWebhooks } from "~/models/webhooks/delivery.server";
import { action as createMeeting } from "~/routes/api+/v1+/campaigns.$campaignId.meetings";
import { utcToZonedInput } from "~/domain/shared/timezone";
import { createActiveCampaignWithAgreement, createAgencyWithClient, type AgencyWorld } from "../factories";
import { callApi } from "./api-helpers";


const LOOPBACK_OK = { requireHttps: false, allowLoopback: true };

let w: AgencyWorld;
let a: Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;
beforeEach(async () => {
  w = await createAgencyWithClient();
  a = await createActiveCampaignWithAgreement(w);
});

const body = (over: Record<string, unknown> = {}) => ({
  prospectName: "Sophie Laurent",
  prospectEmail: "sophie@morel.test",
  prospectCompany: "Transports Morel",
  personaVersionId: a.personaVersion.id,
  scheduledLocal: utcToZonedInput(new Date(Date.now() + 3 * 86400_000), "Europe/Paris"),
  timeZone: "Europe/Paris",
  durationMinutes: 45,
  channel: "VIDEO",
  checks: a.criteria.map((c) => ({ key: c.key, met: true })),
  ...over,
});

/** Receives webhooks; answers 500 to the event ids in `failing`, 204 otherwise. */
async function receiver(failing: Set<string>) {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let text = "";
    req.on("data", (c) => (text += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: text });
      res.statusCode = failing.has(String(req.headers["webhook-id"])) ? 500 : 204;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received, close: () => new Promise((r) => server.close(r)) };
}

describe("creating a meeting through the API, fast", () => {
  it("sends at most 13 statements (with a subscribed endpoint) and writes everything once; a refused creation writes nothing", async () => {
    const { token } = await createApiKey({ agencyId: w.agency.id, name: "Dialer", scopes: ["meetings:write"], createdById: w.admin.userId });
    await createWebhookEndpoint(w.admin, { url: "http://127.0.0.1:9/hooks", events: ["meeting.created"] }, LOOPBACK_OK);
    const post = (b: unknown) => callApi({ action: createMeeting }, "POST", `/api/v1/campaigns/${w.campaign.id}/meetings`, token, { params: { campaignId: w.campaign.id }, body: b });

    const { result: res, stats } = await countStatements(() => post(body({ externalId: "dialer-1" })));
    expect(res.status).toBe(201);
    // Key and budget 1, actor 1, logging facts 1, external id and duplicate 1; in the transaction (BEGIN, COMMIT
    // included) the meeting with its checklist and history 1, the notification's meeting 1, audience 1, the inbox rows
    // 1, the endpoints 1, the meeting as the API shows it 1, the delivery 1: 13 with a subscribed endpoint.
    expect(stats.count).toBeLessThanOrEqual(13);
    const { id } = await res.json();
    const m = await prisma.meeting.findUniqueOrThrow({ where: { id }, include: { checks: true, events: true } });
    expect(m).toMatchObject({ externalId: "dialer-1", createdById: w.admin.userId, definitionVersionId: a.definitionVersion.id, possibleDuplicate: false });
    expect(m.checks).toHaveLength(a.criteria.length);
    expect(m.checks.every((c) => c.met)).toBe(true);
    expect(m.events.map((e) => [e.type, e.to, e.actorId])).toEqual([["created", "SCHEDULED", w.admin.userId]]);
    // The dates are the instants given (UTC), as Prisma would have written them.
    expect(Math.abs(m.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(m.events[0].createdAt.getTime()).toBe(m.createdAt.getTime());
    expect(await prisma.notification.count({ where: { meetingId: id } })).toBeGreaterThan(0);
    expect(await prisma.webhookDelivery.count({ where: { eventType: "meeting.created" } })).toBe(1);

    // The same external id again: the same meeting, nothing written.
    const again = await post(body({ externalId: "dialer-1", prospectName: "Someone else" }));
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(id);
    // A duplicate (same prospect, same time) unconfirmed: refused, nothing written.
    const dup = await post(body({ scheduledLocal: utcToZonedInput(m.scheduledAt, "Europe/Paris") }));
    expect(dup.status).toBe(422);
    expect(await prisma.meeting.count({ where: { campaignId: w.campaign.id } })).toBe(1);
    expect(await prisma.meetingEvent.count({ where: { meeting: { campaignId: w.campaign.id } } })).toBe(1);
    expect(await prisma.webhookDelivery.count({ where: { eventType: "meeting.created" } })).toBe(1);
    // Confirmed: logged, flagged as a possible duplicate.
    const confirmed = await post(body({ scheduledLocal: utcToZonedInput(m.scheduledAt, "Europe/Paris"), confirmWarnings: true }));
    expect(confirmed.status).toBe(201);
    expect(await prisma.meeting.findUniqueOrThrow({ where: { id: (await confirmed.json()).id }, select: { possibleDuplicate: true } })).toEqual({ possibleDuplicate: true });
  });
});

describe("the webhook worker's batch", () => {
  it("claims and records a batch in a few statements; each row keeps its own outcome, signed and verifiable", async () => {
    const failing = new Set<string>();
    const r = await receiver(failing);
    try {
      const { id: endpointId, secret } = await createWebhookEndpoint(w.admin, { url: r.url, events: ["meeting.created"] }, LOOPBACK_OK);
      const { token } = await createApiKey({ agencyId: w.agency.id, name: "Dialer", scopes: ["meetings:write"], createdById: w.admin.userId });
      for (let i = 0; i < 5; i++) {
        const res = await callApi({ action: createMeeting }, "POST", `/api/v1/campaigns/${w.campaign.id}/meetings`, token, {
          params: { campaignId: w.campaign.id },
          body: body({ prospectEmail: `p${i}@morel.test`, externalId: `batch-${i}` }),
        });
        expect(res.status).toBe(201);
      }
      const rows = await prisma.webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" }, select: { id: true, eventId: true } });
      expect(rows).toHaveLength(5);
      failing.add(rows[1].eventId);
      const now = new Date();

      const { result: outcomes, stats } = await countStatements(() => deliverWebhooks([...rows.map((x) => x.id), "missing"], { now, guard: LOOPBACK_OK, enqueueRetry: false }));
      expect(outcomes).toEqual(["sent", "retry", "sent", "sent", "sent", "skipped"]);
      // Claim 1, record 1; the one failure: its row, the endpoint read and marked failing.
      expect(stats.count).toBeLessThanOrEqual(5);
      expect(r.received).toHaveLength(5);
      const wh = new Webhook(secret);
      for (const x of r.received) {
        expect(() =>
          wh.verify(x.body, { "webhook-id": String(x.headers["webhook-id"]), "webhook-timestamp": String(x.headers["webhook-timestamp"]), "webhook-signature": String(x.headers["webhook-signature"]) }),
        ).not.toThrow();
      }
      const after = await prisma.webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" }, include: { attemptLog: true } });
      expect(after.map((d) => [d.status, d.attempts, d.lastResponseCode, d.attemptLog.length])).toEqual([
        ["SENT", 1, 204, 1], ["PENDING", 1, 500, 1], ["SENT", 1, 204, 1], ["SENT", 1, 204, 1], ["SENT", 1, 204, 1],
      ]);
      expect(after[1].nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
      expect(after[0].deliveredAt?.getTime()).toBe(now.getTime());
      expect((await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).failingSince?.getTime()).toBe(now.getTime());

      // Sent rows are not sent again; the failed one succeeds at its next attempt and the endpoint recovers.
      failing.clear();
      const later = new Date(now.getTime() + 120_000);
      expect(await deliverWebhooks(rows.map((x) => x.id), { now: later, guard: LOOPBACK_OK, enqueueRetry: false })).toEqual(["skipped", "sent", "skipped", "skipped", "skipped"]);
      expect(r.received).toHaveLength(6);
      expect((await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).failingSince).toBeNull();
    } finally {
      await r.close();
    }
  });
});
