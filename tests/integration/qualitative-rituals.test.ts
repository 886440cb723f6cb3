import { prisma } from "~/utils/db.server";
import { setCampaignSdrs } from "~/models/campaign.server";
import { addDays, todayIn } from "~/domain/objectives/dates";
import { createQualitativeObjective, recordAssessment, type QualObjectiveInput } from "~/models/qualitative/qualitative.server";
import { campaignAnimation, ritualsDue, sendRitualReminders } from "~/models/qualitative/rituals.server";
import type { Grid } from "~/domain/qualitative/grid";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMember, type AgencyWorld } from "../factories";
import type { Actor } from "~/utils/auth.server";

let w: AgencyWorld;
let outsider: Actor;
const today = () => todayIn("Europe/Paris");
const levels = { not_observed: "Never", emerging: "Sometimes", acquired: "Usually", exemplary: "Always" };
const grid: Grid = { criteria: [{ key: "rephrase", label: "Rephrases", levels }] };
const input = (over: Partial<QualObjectiveInput> = {}): QualObjectiveInput => ({
  title: "Active listening", need: "Client feedback", verb: "Rephrase the need", behaviours: [], stake: "GROWTH", ritual: "CALL_REVIEW",
  cadence: "WEEKLY", sdrId: null, startsOn: addDays(today(), -20), grid, ...over,
});

beforeEach(async () => {
  w = await createAgencyWithClient();
  await createActiveCampaignWithAgreement(w);
  outsider = await createMember(w.agency.id, "SDR");
  await setCampaignSdrs(w.am, w.campaign.id, [w.sdr.userId]);
});

describe("rituals that happen", () => {
  it("a ritual skipped twice is overdue and flags the objective not animated, on the AM's and the SDR's homes; holding it clears it", async () => {
    const o = await createQualitativeObjective(w.am, w.campaign.id, input());
    const fresh = await createQualitativeObjective(w.am, w.campaign.id, input({ title: "Fresh", startsOn: today() }));
    const am = await ritualsDue(w.am);
    expect(am?.items).toEqual([expect.objectContaining({ objectiveId: o.id, state: "overdue", notAnimated: true, due: addDays(today(), -6), title: "Active listening" })]);
    expect((await ritualsDue(w.sdr))?.items.map((i) => i.objectiveId)).toEqual([o.id]);
    expect((await ritualsDue(outsider))?.items).toEqual([]);
    expect(await ritualsDue(w.clientAdmin)).toBeNull();
    const animation = await campaignAnimation(w.am, w.campaign.id);
    expect(animation[o.id]).toMatchObject({ notAnimated: true, state: "overdue" });
    expect(animation[fresh.id]).toMatchObject({ notAnimated: false, state: "upcoming" });
    expect(await campaignAnimation(w.clientMember, w.campaign.id)).toEqual({});
    // A self-assessment is not the ritual; the manager's call review is.
    await recordAssessment(w.sdr, o.id, { sdrId: w.sdr.userId, kind: "SELF", ritual: "CALL_REVIEW", day: today(), levels: { rephrase: "acquired" }, meetingIds: [] });
    expect((await ritualsDue(w.am))?.items).toHaveLength(1);
    await recordAssessment(w.am, o.id, { sdrId: w.sdr.userId, kind: "MANAGER", ritual: "CALL_REVIEW", day: today(), levels: { rephrase: "acquired" }, meetingIds: [] });
    expect((await ritualsDue(w.am))?.items).toEqual([]);
    expect((await campaignAnimation(w.am, w.campaign.id))[o.id]).toMatchObject({ notAnimated: false, state: "upcoming", due: addDays(today(), 7) });
  }, 60_000);

  it("the reminder is written once per ritual occurrence, even with two workers at once", async () => {
    const o = await createQualitativeObjective(w.am, w.campaign.id, input({ sdrId: w.sdr.userId }));
    const [a, b] = await Promise.all([sendRitualReminders(), sendRitualReminders()]);
    expect(a.sent + b.sent).toBe(1);
    const rows = await prisma.emailOutbox.findMany({ where: { template: "ritual-due", agencyId: w.agency.id } });
    // The ritual's owner (the AM who created it) and the SDR it is about.
    expect(rows.map((r) => r.to).sort()).toEqual([w.am.email, w.sdr.email].sort());
    expect((await sendRitualReminders()).sent).toBe(0);
    expect(await prisma.ritualReminder.count({ where: { objectiveId: o.id } })).toBe(1);
  });
});
