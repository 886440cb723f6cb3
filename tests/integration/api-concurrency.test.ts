// Issue 15: concurrent creations through the API never answer 500. Twenty distinct meetings at once, plus two groups
// of five identical requests (one sharing an Idempotency-Key, one sharing an externalId) fired together, on a
// campaign whose client has several users to notify by email and a webhook endpoint listening: each distinct meeting
// is created exactly once, each identical group gives one meeting, and the Idempotency-Key group the same answer.
import { prisma } from "~/utils/db.server";
import { createApiKey } from "~/models/api/keys.server";
import { createWebhookEndpoint } from "~/models/webhooks/endpoints.server";
import { utcToZonedInput } from "~/domain/shared/timezone";
import * as createMeetingRoute from "~/routes/api+/v1+/campaigns.$campaignId.meetings";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMember, type AgencyWorld } from "../factories";
import { callApi } from "./api-helpers";

let w: AgencyWorld;
let a: Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;
beforeEach(async () => {
  w = await createAgencyWithClient();
  a = await createActiveCampaignWithAgreement(w);
  // More recipients: each creation writes a notification and renders an email per client user.
  for (let i = 0; i < 4; i++) await createMember(w.agency.id, i % 2 ? "CLIENT_MEMBER" : "CLIENT_ADMIN", { clientCompanyId: w.client.id, locale: i % 2 ? "fr" : "en" });
  await createWebhookEndpoint(w.admin, { url: "http://127.0.0.1:9/rdv", events: ["meeting.created"] }, { requireHttps: false, allowLoopback: true });
});

const payload = (n: number, over: Record<string, unknown> = {}) => ({
  prospectName: `Prospect ${n}`,
  prospectEmail: `prospect-${n}@morel.test`,
  prospectCompany: `Company ${n}`,
  personaVersionId: a.personaVersion.id,
  scheduledLocal: utcToZonedInput(new Date(Date.now() + 3 * 86400_000 + n * 3600_000), "Europe/Paris"),
  timeZone: "Europe/Paris",
  durationMinutes: 45,
  channel: "VIDEO",
  checks: a.criteria.map((c) => ({ key: c.key, met: true })),
  ...over,
});

describe("concurrent creations through the API", () => {
  it("twenty distinct and two groups of five identical requests at once: no 500, each meeting once, identical ones the same", { timeout: 120_000 }, async () => {
    const { token } = await createApiKey({ agencyId: w.agency.id, name: "Dialer", scopes: ["meetings:write"], createdById: w.am.userId });
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      callApi(createMeetingRoute, "POST", `/api/v1/campaigns/${w.campaign.id}/meetings`, token, { params: { campaignId: w.campaign.id }, body, headers });

    const distinct = Array.from({ length: 20 }, (_, i) => payload(i, { externalId: `dialer-${i}` }));
    const byIdem = payload(100); // no externalId: only the header makes these five one request
    const byExternal = payload(200, { externalId: "dialer-shared" });
    const calls = [
      ...distinct.map((b) => ({ group: "distinct", run: () => post(b) })),
      ...Array.from({ length: 5 }, () => ({ group: "idem", run: () => post(byIdem, { "Idempotency-Key": "order-77" }) })),
      ...Array.from({ length: 5 }, () => ({ group: "external", run: () => post(byExternal) })),
    ];
    const answers = await Promise.all(calls.map(async (c) => {
      const res = await c.run();
      return { group: c.group, status: res.status, text: await res.text() };
    }));

    const statuses = answers.map((r) => `${r.group} ${r.status}${r.status >= 300 ? ` ${r.text.slice(0, 200)}` : ""}`);
    expect(statuses.filter((s) => !/ 20[01]$/.test(s))).toEqual([]);

    // Each distinct request created its own meeting, once.
    const distinctAnswers = answers.filter((r) => r.group === "distinct").map((r) => JSON.parse(r.text) as { id: string; created: boolean });
    expect(distinctAnswers.every((b) => b.created)).toBe(true);
    expect(new Set(distinctAnswers.map((b) => b.id)).size).toBe(20);

    // The Idempotency-Key group: one meeting, the very same answer five times.
    const idem = answers.filter((r) => r.group === "idem");
    expect(new Set(idem.map((r) => `${r.status} ${r.text}`)).size).toBe(1);
    expect(idem[0].status).toBe(201);

    // The externalId group: one meeting; the first answer says created, the others find it.
    const external = answers.filter((r) => r.group === "external").map((r) => ({ status: r.status, ...(JSON.parse(r.text) as { id: string; created: boolean }) }));
    expect(new Set(external.map((b) => b.id)).size).toBe(1);
    expect(external.filter((b) => b.created && b.status === 201)).toHaveLength(1);
    expect(external.filter((b) => !b.created && b.status === 200)).toHaveLength(4);

    // In the database: 22 meetings, each with its full checklist, its history, its webhook delivery and its emails.
    const meetings = await prisma.meeting.findMany({
      where: { campaignId: w.campaign.id },
      select: { id: true, externalId: true, _count: { select: { checks: true, events: true } } },
    });
    expect(meetings).toHaveLength(22);
    expect(new Set(meetings.map((m) => m.externalId ?? "none")).size).toBe(22 - 1 + 1); // 21 external ids and the one without
    expect(meetings.every((m) => m._count.checks === a.criteria.length && m._count.events === 1)).toBe(true);
    const ids = meetings.map((m) => m.id);
    expect(new Set([...distinctAnswers.map((b) => b.id), external[0].id, (JSON.parse(idem[0].text) as { id: string }).id])).toEqual(new Set(ids));
    expect(await prisma.webhookDelivery.count({ where: { eventType: "meeting.created" } })).toBe(22);
    const notified = await prisma.notification.groupBy({ by: ["meetingId"], where: { kind: "MEETING_BOOKED" }, _count: true });
    expect(notified).toHaveLength(22);
    expect(new Set(notified.map((n) => n._count)).size).toBe(1); // the same recipients for each meeting
  });
});
