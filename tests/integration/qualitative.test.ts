import { prisma } from "~/utils/db.server";
import { logMeeting, type MeetingInput } from "~/models/meetings/logging.server";
import { setCampaignSdrs } from "~/models/campaign.server";
import { addDays, todayIn } from "~/domain/objectives/dates";
import {
  campaignCalibration, createQualitativeObjective, editAssessment, getAssessment, recordAssessment, saveGrid, setCalibrationMapping,
  type QualObjectiveInput,
} from "~/models/qualitative/qualitative.server";
import type { Grid } from "~/domain/qualitative/grid";
import { campaignObjectives } from "~/models/objectives/objectives.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMember, type AgencyWorld } from "../factories";
import { expectDomainError } from "./helpers";
import type { Actor } from "~/utils/auth.server";

type Agreement = Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;
const HOUR = 3600_000;
let w: AgencyWorld;
let a: Agreement;
let sdr2: Actor;
const today = () => todayIn("Europe/Paris");
const levels = { not_observed: "Never", emerging: "Sometimes", acquired: "Usually", exemplary: "Always" };
const grid: Grid = { criteria: [{ key: "qualif", label: "Qualifies the need", levels }, { key: "rephrase", label: "Rephrases", levels }] };
const input = (over: Partial<QualObjectiveInput> = {}): QualObjectiveInput => ({
  title: "Active listening", need: "Client: meetings lack a real need", verb: "Rephrase the prospect's need", behaviours: ["Open questions"],
  stake: "GROWTH", ritual: "CALL_REVIEW", cadence: "WEEKLY", sdrId: null, startsOn: today(), grid, ...over,
});

function meeting(): MeetingInput {
  return {
    personaVersionId: a.personaVersion.id, prospectName: "P", prospectEmail: `p.${Math.random().toString(36).slice(2)}@acme.test`, prospectCompany: "Acme",
    scheduledAt: new Date(Date.now() + 48 * HOUR), timeZone: "Europe/Paris", durationMinutes: 45, channel: "VIDEO",
    checks: a.criteria.map((c) => ({ criterionId: c.id, met: true })),
  };
}
async function logged(actor: Actor) {
  const r = await logMeeting(actor, w.campaign.id, meeting());
  if (!r.ok) throw new Error("not logged");
  return r.meetingId;
}
const review = (sdrId: string, meetingIds: string[], lv: Record<string, string>) =>
  ({ sdrId, kind: "MANAGER" as const, ritual: "CALL_REVIEW" as const, day: today(), levels: lv, meetingIds, comment: "Good" });

beforeEach(async () => {
  w = await createAgencyWithClient();
  a = await createActiveCampaignWithAgreement(w);
  sdr2 = await createMember(w.agency.id, "SDR");
  await setCampaignSdrs(w.am, w.campaign.id, [w.sdr.userId, sdr2.userId]);
});

describe("qualitative objectives", () => {
  it("an assessment keeps the grid version it was made on; editing keeps its history", async () => {
    const o = await createQualitativeObjective(w.am, w.campaign.id, input());
    const m = await logged(w.sdr);
    const first = await recordAssessment(w.am, o.id, review(w.sdr.userId, [m], { qualif: "acquired", rephrase: "emerging" }));
    expect(await saveGrid(w.am, o.id, grid)).toBe(1);
    expect(await saveGrid(w.am, o.id, { criteria: [grid.criteria[0]!] })).toBe(2);
    const second = await recordAssessment(w.am, o.id, review(w.sdr.userId, [], { qualif: "exemplary" }));
    expect((await getAssessment(w.am, first.id)).gridVersion.version).toBe(1);
    expect(((await getAssessment(w.am, first.id)).gridVersion.grid as Grid).criteria).toHaveLength(2);
    expect((await getAssessment(w.am, second.id)).gridVersion.version).toBe(2);
    await editAssessment(w.am, first.id, { levels: { qualif: "exemplary", rephrase: "acquired" }, comment: "Better after re-listening" });
    const edited = await getAssessment(w.am, first.id);
    expect(edited.levels).toEqual({ qualif: "exemplary", rephrase: "acquired" });
    expect(edited.revisions).toHaveLength(1);
    expect(edited.revisions[0]!.snapshot).toMatchObject({ levels: { qualif: "acquired", rephrase: "emerging" }, comment: "Good" });
  });

  it("refuses bad input: levels outside the grid, another SDR's meeting, a future date, a non-http link, an empty grid", async () => {
    const o = await createQualitativeObjective(w.am, w.campaign.id, input());
    const other = await logged(sdr2);
    await expectDomainError(recordAssessment(w.am, o.id, review(w.sdr.userId, [], { qualif: "great", rephrase: "acquired" })), "INVALID");
    await expectDomainError(recordAssessment(w.am, o.id, review(w.sdr.userId, [other], { qualif: "acquired", rephrase: "acquired" })), "INVALID");
    await expectDomainError(recordAssessment(w.am, o.id, { ...review(w.sdr.userId, [], { qualif: "acquired", rephrase: "acquired" }), day: addDays(today(), 1) }), "INVALID");
    await expectDomainError(recordAssessment(w.am, o.id, { ...review(w.sdr.userId, [], { qualif: "acquired", rephrase: "acquired" }), recordingUrl: "ftp://x" }), "INVALID");
    await expectDomainError(createQualitativeObjective(w.am, w.campaign.id, input({ grid: { criteria: [] } })), "INVALID");
  });

  it("no client query returns an individual assessment; an SDR reads their own and records a self-assessment", async () => {
    const o = await createQualitativeObjective(w.am, w.campaign.id, input());
    const r = await recordAssessment(w.am, o.id, review(w.sdr.userId, [], { qualif: "acquired", rephrase: "acquired" }));
    await expectDomainError(getAssessment(w.clientMember, r.id), "NOT_FOUND");
    await expectDomainError(getAssessment(sdr2, r.id), "NOT_FOUND");
    expect((await getAssessment(w.sdr, r.id)).id).toBe(r.id);
    await expectDomainError(recordAssessment(w.clientMember, o.id, review(w.sdr.userId, [], { qualif: "acquired", rephrase: "acquired" })), "NOT_FOUND");
    await expectDomainError(recordAssessment(w.sdr, o.id, review(w.sdr.userId, [], { qualif: "acquired", rephrase: "acquired" })), "NOT_FOUND");
    const self = await recordAssessment(w.sdr, o.id, { ...review(w.sdr.userId, [], { qualif: "emerging", rephrase: "acquired" }), kind: "SELF" });
    expect(self.kind).toBe("SELF");
    const cal = await campaignCalibration(w.clientMember, w.campaign.id);
    expect(cal.bySdr).toBeNull();
    // The quantitative Objectives tab still reads with a qualitative objective on the campaign.
    await expect(campaignObjectives(w.clientMember, w.campaign.id)).resolves.toBeDefined();
  });

  it("calibration uses only meetings rated on both sides", async () => {
    const o = await createQualitativeObjective(w.am, w.campaign.id, input());
    await setCalibrationMapping(w.am, o.id, [{ agency: "qualif", client: "real_need" }]);
    const [m1, m2, m3] = [await logged(w.sdr), await logged(w.sdr), await logged(sdr2)];
    // m1: both sides; m2: agency only; m3: client only.
    await prisma.meeting.update({ where: { id: m1 }, data: { ratingRealNeed: 2, ratedAt: new Date() } });
    await prisma.meeting.update({ where: { id: m3 }, data: { ratingRealNeed: 5, ratedAt: new Date() } });
    await recordAssessment(w.am, o.id, review(w.sdr.userId, [m1], { qualif: "exemplary", rephrase: "acquired" }));
    await recordAssessment(w.am, o.id, review(w.sdr.userId, [m2], { qualif: "not_observed", rephrase: "acquired" }));
    const cal = await campaignCalibration(w.am, w.campaign.id);
    // exemplary (3) against 2 stars (0.75): the agency rates 2.25 levels higher, on one meeting.
    expect(cal.team).toEqual([{ agency: `${o.id}:qualif`, client: "real_need", meetings: 1, bias: 2.25, distance: 2.25 }]);
    expect(cal.bySdr?.[w.sdr.userId]?.[0]?.meetings).toBe(1);
    expect(cal.bySdr?.[sdr2.userId]).toBeUndefined();
    const forClient = await campaignCalibration(w.clientMember, w.campaign.id);
    expect(forClient.team[0]?.meetings).toBe(1);
    expect(forClient.bySdr).toBeNull();
  });
});
