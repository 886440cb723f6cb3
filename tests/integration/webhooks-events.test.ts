// Issue 15: the events besides the meeting's own are written as deliveries in their change's transaction, with the
// right type and the right id in their payload; a client-scoped endpoint of another company gets none of them.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createClient } from "~/models/client.server";
import { createWebhookEndpoint } from "~/models/webhooks/endpoints.server";
import { createDraft, sendReport } from "~/models/reports/reports.server";
import { addDays, todayIn } from "~/domain/objectives/dates";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMeetingInState, createMember, type AgencyWorld } from "../factories";

vi.mock("~/services/queue.server", async (orig) => ({ ...(await orig<object>()), enqueueWebhookDeliveries: vi.fn(async () => undefined) }));

const LOOPBACK_OK = { requireHttps: false, allowLoopback: true };

let w: AgencyWorld;
let a: Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;
beforeEach(async () => {
  w = await createAgencyWithClient();
  a = await createActiveCampaignWithAgreement(w);
});

/** The deliveries of an endpoint, oldest first, with their payload. */
async function deliveriesOf(endpointId: string) {
  const rows = await prisma.webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" }, select: { eventType: true, eventId: true, payload: true } });
  return rows.map((r) => ({ ...r, payload: r.payload as { id: string; type: string; data: Record<string, { id?: string } & Record<string, unknown>> } }));
}

/** A client admin of a second client company of the same agency. */
async function otherClientAdmin() {
  const client = await createClient(w.admin, { name: `Other ${Date.now()}`, currency: "EUR", accountManagerId: w.am.userId });
  return createMember(w.agency.id, "CLIENT_ADMIN", { clientCompanyId: client.id });
}

describe("report.sent", () => {
  it("sending a report writes one delivery to a subscribed endpoint, none to another company's client endpoint", async () => {
    await createMeetingInState(w, a, "held");
    const agencyEndpoint = await createWebhookEndpoint(w.admin, { url: "http://127.0.0.1:9/a", events: ["report.sent"] }, LOOPBACK_OK);
    const clientEndpoint = await createWebhookEndpoint(w.clientAdmin, { url: "http://127.0.0.1:9/c", events: ["report.sent"] }, LOOPBACK_OK);
    const otherEndpoint = await createWebhookEndpoint(await otherClientAdmin(), { url: "http://127.0.0.1:9/o", events: ["report.sent"] }, LOOPBACK_OK);
    const notSubscribed = await createWebhookEndpoint(w.admin, { url: "http://127.0.0.1:9/n", events: ["meeting.created"] }, LOOPBACK_OK);
    const today = todayIn("Europe/Paris");
    const draft = await createDraft(w.am, w.campaign.id, {
      periodStart: addDays(today, -6), periodEnd: today, sections: [], highlightIds: [], commentary: "", highlights: "", nextSteps: "", correctionNote: "",
    });
    // A draft is no event.
    expect(await deliveriesOf(agencyEndpoint.id)).toHaveLength(0);
    await sendReport(w.am, draft.id, [w.clientAdmin.userId], "http://portal.test");

    const [delivery, ...more] = await deliveriesOf(agencyEndpoint.id);
    expect(more).toHaveLength(0);
    expect(delivery.eventType).toBe("report.sent");
    expect(delivery.payload).toMatchObject({ id: delivery.eventId, type: "report.sent", data: { report: { id: draft.id, campaignId: w.campaign.id, clientCompanyId: w.client.id } } });
    const sent = await prisma.report.findUniqueOrThrow({ where: { id: draft.id }, select: { sentAt: true } });
    expect(delivery.payload.data.report.sentAt).toBe(sent.sentAt!.toISOString());
    // Identifiers and dates only: no figures, no commentary.
    expect(Object.keys(delivery.payload.data.report).sort()).toEqual(["campaignId", "clientCompanyId", "id", "periodEnd", "periodStart", "sentAt"]);
    expect(await deliveriesOf(clientEndpoint.id)).toHaveLength(1);
    expect(await deliveriesOf(otherEndpoint.id)).toHaveLength(0);
    expect(await deliveriesOf(notSubscribed.id)).toHaveLength(0);
  });
});
