// Issue 15: the events besides the meeting's own are written as deliveries in their change's transaction, with the
// right type and the right id in their payload; a client-scoped endpoint of another company gets none of them.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createClient } from "~/models/client.server";
import { createWebhookEndpoint } from "~/models/webhooks/endpoints.server";
import { createDraft, sendReport } from "~/models/reports/reports.server";
import { addDays, todayIn } from "~/domain/objectives/dates";
import { createObjective } from "~/models/objectives/objectives.server";
import { runObjectiveCheck } from "~/models/objectives/check.server";
import { objectiveSchema } from "~/domain/objectives/schemas";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMeetingInState, createMember, type AgencyWorld } from "../factories";


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

describe("agreement, review and objective events", () => {
  it("persona.version_approved and definition.version_approved: one delivery each, with the approved version's id", async () => {
    const x = await createAgencyWithClient();
    const endpoint = await createWebhookEndpoint(x.admin, { url: "http://127.0.0.1:9/v", events: ["persona.version_approved", "definition.version_approved"] }, LOOPBACK_OK);
    const other = await createWebhookEndpoint(await otherClientAdmin(), { url: "http://127.0.0.1:9/o", events: ["persona.version_approved", "definition.version_approved"] }, LOOPBACK_OK);
    const agreement = await createActiveCampaignWithAgreement(x);
    const rows = await deliveriesOf(endpoint.id);
    expect(rows.map((r) => [r.eventType, r.payload.type, r.payload.data.version.id]).sort()).toEqual(
      [
        ["definition.version_approved", "definition.version_approved", agreement.definitionVersion.id],
        ["persona.version_approved", "persona.version_approved", agreement.personaVersion.id],
      ].sort(),
    );
    expect(rows.every((r) => r.payload.data.version.campaignId === x.campaign.id && r.payload.id === r.eventId)).toBe(true);
    // Another agency's client endpoint (w's second company) hears nothing of agency x.
    expect(await deliveriesOf(other.id)).toHaveLength(0);
  });

  it("meeting.dispute_resolved and meeting.billable: one delivery each for a rejected dispute, with the meeting's id", async () => {
    const endpoint = await createWebhookEndpoint(w.admin, { url: "http://127.0.0.1:9/d", events: ["meeting.dispute_resolved", "meeting.billable"] }, LOOPBACK_OK);
    const other = await createWebhookEndpoint(await otherClientAdmin(), { url: "http://127.0.0.1:9/o", events: ["meeting.dispute_resolved", "meeting.billable"] }, LOOPBACK_OK);
    const id = await createMeetingInState(w, a, "dispute_rejected");
    const rows = await deliveriesOf(endpoint.id);
    expect(rows.map((r) => r.eventType).sort()).toEqual(["meeting.billable", "meeting.dispute_resolved"]);
    for (const r of rows) expect(r.payload).toMatchObject({ id: r.eventId, type: r.eventType, data: { meeting: { id } } });
    expect(rows.find((r) => r.eventType === "meeting.dispute_resolved")!.payload.data).toMatchObject({ decision: "rejected" });
    // An upheld dispute is resolved but not billable.
    const upheld = await createMeetingInState(w, a, "dispute_upheld");
    const after = (await deliveriesOf(endpoint.id)).filter((r) => r.payload.data.meeting.id === upheld);
    expect(after.map((r) => [r.eventType, r.payload.data.decision])).toEqual([["meeting.dispute_resolved", "upheld"]]);
    expect(await deliveriesOf(other.id)).toHaveLength(0);
  });

  it("objective.off_track: one delivery per objective and period, with the objective's id, agency endpoints only", async () => {
    const t = todayIn("Europe/Paris");
    await prisma.campaign.update({ where: { id: w.campaign.id }, data: { startDate: new Date(`${addDays(t, -14)}T00:00:00Z`), endDate: new Date(`${addDays(t, 14)}T00:00:00Z`), accountManagerId: w.am.userId } });
    const endpoint = await createWebhookEndpoint(w.admin, { url: "http://127.0.0.1:9/t", events: ["objective.off_track"] }, LOOPBACK_OK);
    // A client admin cannot subscribe to it (agency-internal): the endpoint is refused for want of an allowed event.
    await expect(createWebhookEndpoint(w.clientAdmin, { url: "http://127.0.0.1:9/c", events: ["objective.off_track"] }, LOOPBACK_OK)).rejects.toMatchObject({ code: "INVALID" });
    const form = objectiveSchema.parse({ metric: "DIALS", target: "1000", scope: "TEAM", periodKind: "CAMPAIGN", recurring: "", startsOn: addDays(t, -14), stake: "GROWTH", why: "Fill the pipeline" });
    const o = await createObjective(w.am, w.campaign.id, form);
    await runObjectiveCheck();
    await runObjectiveCheck();
    const rows = await deliveriesOf(endpoint.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].payload).toMatchObject({ id: rows[0].eventId, type: "objective.off_track", data: { objective: { id: o.id, campaignId: w.campaign.id, status: "OFF_TRACK" } } });
  });
});
