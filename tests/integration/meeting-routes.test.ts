// Bad input through the real actions: clear messages next to the fields, what was typed kept, never a 500.
import { action as logAction } from "~/routes/_app+/campaigns+/$campaignId+/meetings+/new";
import { action as importAction } from "~/routes/_app+/campaigns+/$campaignId+/meetings+/import";
import { action as detailAction } from "~/routes/_app+/campaigns+/$campaignId+/meetings+/$meetingId";
import { createSession, sessionCookie, type Actor } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { MAX_IMPORT_BYTES } from "~/domain/meetings/import";
import { utcToZonedInput } from "~/domain/shared/timezone";
import { changeMeetingStatus } from "~/models/meetings/attendance.server";
import { logMeeting } from "~/models/meetings/logging.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient, type AgencyWorld } from "../factories";

let w: AgencyWorld;
let a: Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;
beforeEach(async () => {
  w = await createAgencyWithClient();
  a = await createActiveCampaignWithAgreement(w);
});

async function post(actor: Actor, path: string, body: FormData | Record<string, string>) {
  const s = await createSession(actor.userId);
  const form = body instanceof FormData ? body : new URLSearchParams(body);
  return new Request(`http://test${path}`, { method: "POST", body: form, headers: { Cookie: await sessionCookie.serialize(s.id) } });
}

const future = () => utcToZonedInput(new Date(Date.now() + 3 * 86400_000), "Europe/Paris");
const logForm = (over: Record<string, string> = {}) => ({
  prospectName: "Sophie Laurent",
  prospectEmail: "sophie@morel.test",
  prospectCompany: "Transports Morel",
  personaVersionId: a.personaVersion.id,
  scheduledLocal: future(),
  timeZone: "Europe/Paris",
  durationMinutes: "45",
  channel: "VIDEO",
  ...Object.fromEntries(a.criteria.map((c) => [`check.${c.id}.met`, "on"])),
  ...over,
});

async function body(r: unknown) {
  return (r as Response).json();
}

describe("log form", () => {
  it("answers an unknown persona and an invalid time zone next to their fields, keeping what was typed", async () => {
    const params = { campaignId: w.campaign.id };
    const r1 = (await logAction({ request: await post(w.sdr, "/", logForm({ personaVersionId: "unknown" })), params, context: {} })) as Response;
    expect(r1.status).toBe(400);
    const b1 = await body(r1);
    expect(b1.errors.personaVersionId).toEqual(["meetings.errors.unknownPersona"]);
    expect(b1.values.prospectName).toBe("Sophie Laurent");
    const r2 = (await logAction({ request: await post(w.sdr, "/", logForm({ timeZone: "Mars/Olympus" })), params, context: {} })) as Response;
    expect(r2.status).toBe(400);
    expect((await body(r2)).errors.timeZone).toEqual(["meetings.errors.timeZone"]);
    const r3 = (await logAction({ request: await post(w.sdr, "/", logForm({ [`check.${a.criteria[0].id}.evidenceUrl`]: "not a url" })), params, context: {} })) as Response;
    expect((await body(r3)).errors[`check.${a.criteria[0].id}.evidenceUrl`]).toEqual(["common.errors.url"]);
    expect(await prisma.meeting.count()).toBe(0);
  });

  it("asks for confirmation of an unmet required criterion, then logs on confirm", async () => {
    const params = { campaignId: w.campaign.id };
    const form = logForm({ [`check.${a.criteria[0].id}.met`]: "" });
    const r1 = (await logAction({ request: await post(w.sdr, "/", form), params, context: {} })) as Response;
    expect(r1.status).toBe(200);
    expect((await body(r1)).warnings.map((x: { key: string }) => x.key)).toEqual(["meetings.warnings.requiredUnmet"]);
    const r2 = (await logAction({ request: await post(w.sdr, "/", { ...form, confirmWarnings: "on" }), params, context: {} })) as Response;
    expect(r2.status).toBe(302);
    expect(await prisma.meeting.count({ where: { unmetRequiredConfirmed: true } })).toBe(1);
  });

  it("refuses a time too far in the past next to the field", async () => {
    const r = (await logAction({ request: await post(w.sdr, "/", logForm({ scheduledLocal: "2020-01-01T10:00" })), params: { campaignId: w.campaign.id }, context: {} })) as Response;
    expect(r.status).toBe(400);
    expect((await body(r)).errors.scheduledLocal).toEqual(["meetings.errors.tooFarInPast"]);
  });
});

describe("detail actions", () => {
  it("rating out of range and an empty dispute are refused with messages", async () => {
    const r = await logMeeting(w.sdr, w.campaign.id, { personaVersionId: a.personaVersion.id, prospectName: "P", prospectEmail: "p@x.test", prospectCompany: "X", scheduledAt: new Date(Date.now() - 3600_000), timeZone: "Europe/Paris", durationMinutes: 45, channel: "VIDEO", checks: a.criteria.map((c) => ({ criterionId: c.id, met: true })) }, new Date(Date.now() - 72 * 3600_000));
    const id = r.ok ? r.meetingId : "";
    await changeMeetingStatus(w.am, id, "HELD");
    const params = { campaignId: w.campaign.id, meetingId: id };
    const rate = (await detailAction({ request: await post(w.clientMember, "/", { intent: "rate", ratingOverall: "6", ratingBriefing: "0" }), params, context: {} })) as Response;
    expect(rate.status).toBe(400);
    const rb = await body(rate);
    expect(rb.errors.ratingOverall).toEqual(["meetings.errors.rating"]);
    expect(rb.errors.ratingBriefing).toEqual(["meetings.errors.rating"]);
    const dispute = (await detailAction({ request: await post(w.clientAdmin, "/", { intent: "dispute" }), params, context: {} })) as Response;
    expect((await body(dispute)).errors.dispute).toEqual(["meetings.errors.disputeEmpty"]);
    const reasonless = (await detailAction({ request: await post(w.clientAdmin, "/", { intent: "dispute", [`dispute.${a.criteria[1].id}`]: "on" }), params, context: {} })) as Response;
    expect((await body(reasonless)).errors[`reason.${a.criteria[1].id}`]).toEqual(["meetings.errors.reasonRequired"]);
    const outcome = (await detailAction({ request: await post(w.clientMember, "/", { intent: "outcome", pipelineValue: "12 500,50", opportunityCreated: "yes" }), params, context: {} })) as Response;
    expect(outcome.status).toBe(302);
    expect((await prisma.meeting.findUniqueOrThrow({ where: { id } })).pipelineValue).toBe(1250050);
    const badAmount = (await detailAction({ request: await post(w.clientMember, "/", { intent: "outcome", pipelineValue: "lots" }), params, context: {} })) as Response;
    expect((await body(badAmount)).errors.pipelineValue).toEqual(["meetings.errors.amount"]);
  });
});

describe("import upload", () => {
  it("refuses a file over 10 MB with a clear message", async () => {
    const fd = new FormData();
    fd.append("file", new File([new Uint8Array(MAX_IMPORT_BYTES + 10)], "big.csv", { type: "text/csv" }));
    const r = (await importAction({ request: await post(w.sdr, "/", fd), params: { campaignId: w.campaign.id }, context: {} })) as Response;
    expect(r.status).toBe(413);
    expect((await body(r)).errors.file).toEqual(["meetings.import.tooLarge"]);
    const fd2 = new FormData();
    fd2.append("file", new File(["x"], "photo.png", { type: "image/png" }));
    const r2 = (await importAction({ request: await post(w.sdr, "/", fd2), params: { campaignId: w.campaign.id }, context: {} })) as Response;
    expect((await body(r2)).errors.file).toEqual(["meetings.import.notCsv"]);
  });
});
