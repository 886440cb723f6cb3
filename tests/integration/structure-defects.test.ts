// Defects found while restructuring: non-form bodies answered 500, and review writes did not check the revision the
// user saw (two people acting at once could overwrite each other silently).
import { action as detailAction } from "~/routes/_app+/campaigns+/$campaignId+/meetings+/$meetingId";
import { action as listAction } from "~/routes/_app+/campaigns+/$campaignId+/meetings+/_index";
import { action as logAction } from "~/routes/_app+/campaigns+/$campaignId+/meetings+/new";
import { action as importAction } from "~/routes/_app+/campaigns+/$campaignId+/meetings+/import";
import { action as definitionAction } from "~/routes/_app+/campaigns+/$campaignId+/qualification+/edit";
import { action as allMeetingsAction } from "~/routes/_app+/meetings+/_index";
import { createSession, sessionCookie, type Actor } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMeetingInState, MEETING_STATES, type AgencyWorld } from "../factories";

let w: AgencyWorld;
let a: Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;
beforeEach(async () => {
  w = await createAgencyWithClient();
  a = await createActiveCampaignWithAgreement(w);
});

async function request(actor: Actor, body: BodyInit, contentType: string) {
  const s = await createSession(actor.userId);
  return new Request("http://test/x", { method: "POST", body, headers: { Cookie: await sessionCookie.serialize(s.id), "Content-Type": contentType } });
}

async function status(run: () => Promise<unknown>) {
  try {
    const r = await run();
    return (r as Response).status;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

describe("a body that is not a form", () => {
  it("answers 400 on every action that reads a form, never 500", async () => {
    const meetingId = await createMeetingInState(w, a, "held");
    const campaign = { campaignId: w.campaign.id };
    const actions: [string, Actor, (r: Request) => Promise<unknown>][] = [
      ["meeting page", w.clientAdmin, (request) => detailAction({ request, params: { ...campaign, meetingId }, context: {} })],
      ["campaign meetings list", w.am, (request) => listAction({ request, params: campaign, context: {} })],
      ["log form", w.sdr, (request) => logAction({ request, params: campaign, context: {} })],
      ["import page", w.sdr, (request) => importAction({ request, params: campaign, context: {} })],
      ["definition editor", w.am, (request) => definitionAction({ request, params: campaign, context: {} })],
      ["cross-campaign list", w.am, (request) => allMeetingsAction({ request, params: {}, context: {} })],
    ];
    for (const [what, actor, run] of actions) {
      expect(await status(async () => run(await request(actor, JSON.stringify({ intent: "comment" }), "application/json"))), `${what}, JSON`).toBe(400);
      expect(await status(async () => run(await request(actor, "", "text/plain"))), `${what}, empty text`).toBe(400);
    }
  });
});

describe("the revision the user saw", () => {
  const form = (body: Record<string, string>) => new URLSearchParams(body).toString();
  async function post(actor: Actor, meetingId: string, body: Record<string, string>) {
    const r = (await detailAction({
      request: await request(actor, form(body), "application/x-www-form-urlencoded"),
      params: { campaignId: w.campaign.id, meetingId },
      context: {},
    })) as Response;
    return { status: r.status, body: r.status === 302 ? null : await r.json() };
  }
  const revisionOf = async (id: string) => (await prisma.meeting.findUniqueOrThrow({ where: { id } })).revision;

  it("refuses rating, accepting, disputing, resolving and the outcome on a stale revision, with the conflict message", async () => {
    const held = await createMeetingInState(w, a, "held");
    const stale = String((await revisionOf(held)) - 1);
    const cases: [Actor, Record<string, string>][] = [
      [w.clientMember, { intent: "rate", ratingOverall: "4", revision: stale }],
      [w.clientAdmin, { intent: "accept", revision: stale }],
      [w.clientAdmin, { intent: "dispute", [`dispute.${a.criteria[0].id}`]: "on", [`reason.${a.criteria[0].id}`]: "Pas décideur", revision: stale }],
    ];
    for (const [actor, body] of cases) {
      const r = await post(actor, held, body);
      expect(r.status, body.intent).toBe(409);
      expect(r.body.errors._form).toEqual(["common.errors.conflict"]);
    }
    const disputed = await createMeetingInState(w, a, "disputed");
    const r = await post(w.am, disputed, { intent: "resolve", decision: "DISPUTE_REJECTED", reasoning: "Vu l'enregistrement.", revision: String((await revisionOf(disputed)) - 1) });
    expect(r.status).toBe(409);
    const accepted = await createMeetingInState(w, a, "accepted");
    const o = await post(w.clientMember, accepted, { intent: "outcome", opportunityCreated: "yes", revision: String((await revisionOf(accepted)) - 1) });
    expect(o.status).toBe(409);
    // Nothing was written by the refused requests.
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: held } })).verdict).toBe("PENDING");
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: disputed } })).verdict).toBe("DISPUTED");
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: accepted } })).opportunityCreated).toBeNull();
  });

  it("accepts the same writes on the current revision", async () => {
    const held = await createMeetingInState(w, a, "held");
    expect((await post(w.clientMember, held, { intent: "rate", ratingOverall: "4", revision: String(await revisionOf(held)) })).status).toBe(302);
    expect((await post(w.clientAdmin, held, { intent: "accept", revision: String(await revisionOf(held)) })).status).toBe(302);
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id: held } })).verdict).toBe("ACCEPTED");
  });

  it("a revision past 32 bits is a 400 next to the form, not a database error", async () => {
    const held = await createMeetingInState(w, a, "held");
    const r = await post(w.clientAdmin, held, { intent: "accept", revision: "99999999999" });
    expect(r.status).toBe(400);
  });
});

describe("the meeting builder", () => {
  it("builds every state through the domain functions", async () => {
    const expected: Record<string, [string, string]> = {
      scheduled: ["SCHEDULED", "PENDING"],
      past: ["SCHEDULED", "PENDING"],
      cancelled: ["CANCELLED", "PENDING"],
      no_show: ["NO_SHOW", "PENDING"],
      held: ["HELD", "PENDING"],
      rated: ["HELD", "PENDING"],
      accepted: ["HELD", "ACCEPTED"],
      auto_accepted: ["HELD", "ACCEPTED"],
      disputed: ["HELD", "DISPUTED"],
      dispute_rejected: ["HELD", "DISPUTE_REJECTED"],
      dispute_upheld: ["HELD", "DISPUTE_UPHELD"],
    };
    for (const state of MEETING_STATES) {
      const id = await createMeetingInState(w, a, state);
      const m = await prisma.meeting.findUniqueOrThrow({ where: { id }, include: { events: true } });
      expect([m.status, m.verdict], state).toEqual(expected[state]);
      expect(m.events.length, `${state} has its history`).toBeGreaterThan(0);
    }
  });
});
