import { prisma } from "~/utils/db.server";
import { logMeeting, type MeetingInput } from "~/models/meetings/logging.server";
import { changeMeetingStatus } from "~/models/meetings/attendance.server";
import { addGapAnalysis, campaignObjectives, changeTarget, createObjective, getObjective } from "~/models/objectives/objectives.server";
import { applySplit, setMaturity, splitSuggestion } from "~/models/objectives/team.server";
import { objectivesAtRisk, openActions } from "~/models/objectives/homes.server";
import { activityHistory, importActivityCsv, recordActivityWeek } from "~/models/objectives/activity.server";
import { objectiveSchema } from "~/domain/objectives/schemas";
import { setCampaignSdrs } from "~/models/campaign.server";
import { todayIn, addDays, startOfMonth, startOfWeek } from "~/domain/objectives/dates";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMember, type AgencyWorld } from "../factories";
import { expectDomainError } from "./helpers";
import type { Actor } from "~/utils/auth.server";
import { runObjectiveCheck } from "~/models/objectives/check.server";

type Agreement = Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;
const HOUR = 3600_000;
let w: AgencyWorld;
let a: Agreement;
let sdr2: Actor;
const today = () => todayIn("Europe/Paris");

function objective(over: Record<string, string> = {}) {
  const r = objectiveSchema.safeParse({ metric: "MEETINGS_BOOKED", target: "20", scope: "TEAM", periodKind: "MONTH", recurring: "on", startsOn: startOfMonth(today()), stake: "GROWTH", why: "New logos in logistics", ...over });
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data;
}

function meeting(over: Partial<MeetingInput> = {}): MeetingInput {
  return {
    personaVersionId: a.personaVersion.id, prospectName: "P", prospectEmail: `p.${Math.random().toString(36).slice(2)}@acme.test`, prospectCompany: "Acme",
    scheduledAt: new Date(Date.now() + 48 * HOUR), timeZone: "Europe/Paris", durationMinutes: 45, channel: "VIDEO",
    checks: a.criteria.map((c) => ({ criterionId: c.id, met: true })), ...over,
  };
}

beforeEach(async () => {
  w = await createAgencyWithClient();
  a = await createActiveCampaignWithAgreement(w);
  sdr2 = await createMember(w.agency.id, "SDR");
  await setCampaignSdrs(w.am, w.campaign.id, [w.sdr.userId, sdr2.userId]);
});

describe("objectives", () => {
  it("computes the actual from meetings: the pace moves when an SDR logs a meeting", async () => {
    const o = await createObjective(w.am, w.campaign.id, objective());
    const before = (await campaignObjectives(w.am, w.campaign.id)).objectives[0];
    expect(before.pace.actual).toBe(0);
    expect((await logMeeting(w.sdr, w.campaign.id, meeting())).ok).toBe(true);
    expect((await logMeeting(sdr2, w.campaign.id, meeting())).ok).toBe(true);
    const after = await getObjective(w.am, o.id);
    expect(after.objective.pace.actual).toBe(2);
    expect(after.chart.at(-1)).toBeDefined();
  });

  it("held and show rate follow status changes; activity feeds dials", async () => {
    const held = await createObjective(w.am, w.campaign.id, objective({ metric: "SHOW_RATE", target: "80" }));
    const dials = await createObjective(w.am, w.campaign.id, objective({ metric: "DIALS", target: "400" }));
    for (let i = 0; i < 2; i += 1) {
      const r = await logMeeting(w.sdr, w.campaign.id, meeting({ scheduledAt: new Date(Date.now() - HOUR) }), new Date(Date.now() - 72 * HOUR));
      if (!r.ok) throw new Error("not logged");
      await changeMeetingStatus(w.clientMember, r.meetingId, i === 0 ? "HELD" : "NO_SHOW");
    }
    await recordActivityWeek(w.sdr, w.campaign.id, w.sdr.userId, [{ day: today(), dials: 70, conversations: 12, emails: 5, linkedinMessages: 3 }]);
    const list = (await campaignObjectives(w.am, w.campaign.id)).objectives;
    const show = list.find((x) => x.id === held.id)!;
    // Meetings scheduled an hour ago may fall on yesterday, still in the month unless today is the 1st.
    if (addDays(today(), -1) >= startOfMonth(today())) expect(show.pace.actual).toBe(50);
    expect(list.find((x) => x.id === dials.id)!.pace.actual).toBe(70);
  });

  it("validates: target unit, SDR assigned, period inside the campaign, duplicates", async () => {
    await expectDomainError(createObjective(w.am, w.campaign.id, objective({ metric: "SHOW_RATE", target: "120" })), "INVALID");
    await expectDomainError(createObjective(w.am, w.campaign.id, objective({ target: "0" })), "INVALID");
    await expectDomainError(createObjective(w.am, w.campaign.id, objective({ scope: "SDR", sdrId: w.otherSdr.userId })), "INVALID");
    await expectDomainError(createObjective(w.am, w.campaign.id, objective({ periodKind: "CAMPAIGN", recurring: "" } as never)), "INVALID");
    await prisma.campaign.update({ where: { id: w.campaign.id }, data: { startDate: new Date("2026-01-05"), endDate: new Date("2026-06-30") } });
    await expectDomainError(createObjective(w.am, w.campaign.id, objective({ startsOn: "2027-01-04" })), "INVALID");
    await prisma.campaign.update({ where: { id: w.campaign.id }, data: { startDate: null, endDate: null } });
    await createObjective(w.am, w.campaign.id, objective());
    const dup = await expectDomainError(createObjective(w.am, w.campaign.id, objective()), "CONFLICT");
    expect(dup.messageKey).toBe("objectives.errors.duplicate");
    // Another scope is not a duplicate.
    await createObjective(w.am, w.campaign.id, objective({ scope: "SDR", sdrId: w.sdr.userId }));
    // Clients and SDRs cannot create objectives.
    await expectDomainError(createObjective(w.clientAdmin, w.campaign.id, objective({ metric: "DIALS" })), "FORBIDDEN");
    await expectDomainError(createObjective(w.sdr, w.campaign.id, objective({ metric: "DIALS" })), "FORBIDDEN");
  });

  it("a target change without a reason is refused; with one it is in the history the client reads", async () => {
    const o = await createObjective(w.am, w.campaign.id, objective({ target: "40" }));
    await expectDomainError(changeTarget(w.am, o.id, { target: 30, reason: "  " }), "INVALID");
    await expectDomainError(changeTarget(w.clientAdmin, o.id, { target: 30, reason: "Client asked" }), "FORBIDDEN");
    await changeTarget(w.am, o.id, { target: 30, reason: "Two SDRs on leave in August" });
    const seen = await getObjective(w.clientAdmin, o.id);
    expect(seen.changes).toMatchObject([{ from: 40, to: 30, reason: "Two SDRs on leave in August" }]);
    expect(seen.objective.target).toBe(30);
    expect(await prisma.auditEvent.count({ where: { type: "objective.target_changed" } })).toBe(1);
  });

  it("per-SDR objectives never reach a client query; an SDR sees the team's and their own", async () => {
    const team = await createObjective(w.am, w.campaign.id, objective());
    const mine = await createObjective(w.am, w.campaign.id, objective({ scope: "SDR", sdrId: w.sdr.userId, metric: "DIALS", target: "300" }));
    const theirs = await createObjective(w.am, w.campaign.id, objective({ scope: "SDR", sdrId: sdr2.userId, metric: "DIALS", target: "300" }));
    await addGapAnalysis(w.am, mine.id, { lever: "WORKLOAD", diagnosis: "Too many admin tasks", action: "Block calling hours", ownerId: w.am.userId, dueDate: addDays(today(), 7) });
    for (const client of [w.clientAdmin, w.clientMember]) {
      const ids = (await campaignObjectives(client, w.campaign.id)).objectives.map((o) => o.id);
      expect(ids).toEqual([team.id]);
      await expectDomainError(getObjective(client, mine.id), "NOT_FOUND");
      expect(await openActions(client)).toEqual([]);
      const home = await objectivesAtRisk(client);
      expect(home.atRisk.every((o) => o.scope === "TEAM")).toBe(true);
    }
    const sdrIds = (await campaignObjectives(w.sdr, w.campaign.id)).objectives.map((o) => o.id).sort();
    expect(sdrIds).toEqual([team.id, mine.id].sort());
    await expectDomainError(getObjective(w.sdr, theirs.id), "NOT_FOUND");
    // Another agency's AM gets a 404.
    const other = await createAgencyWithClient();
    await expectDomainError(getObjective(other.am, team.id), "NOT_FOUND");
    await expectDomainError(campaignObjectives(other.clientAdmin, w.campaign.id), "NOT_FOUND");
  });

  it("splits a team target by maturity and creates the individual objectives", async () => {
    await setMaturity(w.am, w.campaign.id, { sdrId: w.sdr.userId, maturity: "RAMPING" });
    await setMaturity(w.am, w.campaign.id, { sdrId: sdr2.userId, maturity: "SENIOR" });
    const o = await createObjective(w.am, w.campaign.id, objective({ target: "34" }));
    const s = await splitSuggestion(w.am, o.id);
    const bySdr = Object.fromEntries(s.sdrs.map((x) => [x.sdrId, x.suggested]));
    expect(bySdr[w.sdr.userId] + bySdr[sdr2.userId]).toBe(34);
    expect(bySdr[w.sdr.userId]).toBeLessThan(bySdr[sdr2.userId]);
    await expectDomainError(applySplit(w.am, o.id, [{ sdrId: w.otherSdr.userId, target: 5 }]), "INVALID");
    expect(await applySplit(w.am, o.id, s.sdrs.map((x) => ({ sdrId: x.sdrId, target: x.suggested })))).toBe(2);
    const individual = await prisma.objective.findMany({ where: { scope: "SDR" }, orderBy: { target: "asc" } });
    expect(individual.map((i) => [i.sdrId, i.target])).toEqual([[w.sdr.userId, bySdr[w.sdr.userId]], [sdr2.userId, bySdr[sdr2.userId]]]);
    // A second split would duplicate them.
    await expectDomainError(applySplit(w.am, o.id, [{ sdrId: w.sdr.userId, target: 3 }]), "INVALID");
  });

  it("lists the objectives at risk on the AM's home with the open actions", async () => {
    // A weekly target nobody can meet, started last week: its final result is off track.
    const last = addDays(startOfWeek(today()), -7);
    const o = await createObjective(w.am, w.campaign.id, objective({ periodKind: "WEEK", recurring: "", startsOn: last, target: "50" }));
    await addGapAnalysis(w.am, o.id, { lever: "MESSAGE", diagnosis: "Pitch too generic", action: "Rewrite the opener", ownerId: w.am.userId, dueDate: addDays(today(), 5) });
    const home = await objectivesAtRisk(w.am);
    expect(home.atRisk.map((x) => [x.id, x.pace.status])).toEqual([[o.id, "OFF_TRACK"]]);
    expect(home.actions.map((x) => x.action)).toEqual(["Rewrite the opener"]);
    const client = await objectivesAtRisk(w.clientAdmin);
    expect(client.actions.map((x) => x.action)).toEqual(["Rewrite the opener"]);
  });
});

describe("the scheduled check", () => {
  it("emails the AM once per period when an objective turns off track, and freezes closed periods", async () => {
    const t = today();
    await prisma.campaign.update({ where: { id: w.campaign.id }, data: { startDate: new Date(`${addDays(t, -14)}T00:00:00Z`), endDate: new Date(`${addDays(t, 14)}T00:00:00Z`), accountManagerId: w.am.userId } });
    await prisma.user.update({ where: { id: w.am.userId }, data: { locale: "fr" } });
    const o = await createObjective(w.am, w.campaign.id, objective({ metric: "DIALS", target: "1000", periodKind: "CAMPAIGN" }));
    const weekly = await createObjective(w.am, w.campaign.id, objective({ metric: "MEETINGS_HELD", target: "5", periodKind: "WEEK", recurring: "", startsOn: addDays(t, -14) }));
    const first = await runObjectiveCheck();
    expect(first.emailed).toBe(1);
    const email = await prisma.emailOutbox.findFirstOrThrow({ where: { to: w.am.email, template: "objective-off-track" } });
    expect(email.subject).toBe(`En retard\u202f: Appels sur ${w.campaign.name}`);
    expect(email.text).toContain(`/campaigns/${w.campaign.id}/objectives/${o.id}`);
    expect((await runObjectiveCheck()).emailed).toBe(0);
    expect(await prisma.emailOutbox.count({ where: { template: "objective-off-track" } })).toBe(1);
    const closed = await prisma.objectivePeriod.findMany({ where: { objectiveId: weekly.id, closedAt: { not: null } } });
    expect(closed.length).toBeGreaterThan(0);
    expect(closed[0]).toMatchObject({ actual: 0, target: 5, status: "OFF_TRACK" });
  });
});

describe("activity", () => {
  it("an SDR records their own days only; corrections are in the history", async () => {
    const day = today();
    await recordActivityWeek(w.sdr, w.campaign.id, w.sdr.userId, [{ day, dials: 50, conversations: 8, emails: 10, linkedinMessages: 4 }]);
    await recordActivityWeek(w.sdr, w.campaign.id, w.sdr.userId, [{ day, dials: 55, conversations: 8, emails: 10, linkedinMessages: 4 }]);
    await expectDomainError(recordActivityWeek(w.sdr, w.campaign.id, sdr2.userId, [{ day, dials: 1, conversations: 0, emails: 0, linkedinMessages: 0 }]), "INVALID");
    await expectDomainError(recordActivityWeek(w.otherSdr, w.campaign.id, w.otherSdr.userId, [{ day, dials: 1, conversations: 0, emails: 0, linkedinMessages: 0 }]), "NOT_FOUND");
    await expectDomainError(recordActivityWeek(w.clientAdmin, w.campaign.id, w.sdr.userId, [{ day, dials: 1, conversations: 0, emails: 0, linkedinMessages: 0 }]), "FORBIDDEN");
    await expectDomainError(recordActivityWeek(w.sdr, w.campaign.id, w.sdr.userId, [{ day, dials: 2001, conversations: 0, emails: 0, linkedinMessages: 0 }]), "INVALID");
    await expectDomainError(recordActivityWeek(w.sdr, w.campaign.id, w.sdr.userId, [{ day: addDays(day, 2), dials: 1, conversations: 0, emails: 0, linkedinMessages: 0 }]), "INVALID");
    // The AM records on the SDR's behalf.
    await recordActivityWeek(w.am, w.campaign.id, sdr2.userId, [{ day, dials: 10, conversations: 1, emails: 0, linkedinMessages: 0 }]);
    const history = await activityHistory(w.am, w.campaign.id, w.sdr.userId);
    expect(history.map((h) => h.changes[0].to.dials)).toEqual([55, 50]);
    expect(history[0].changes[0].from?.dials).toBe(50);
  });

  it("imports a CSV idempotently per SDR, campaign and day, listing bad rows", async () => {
    const d1 = addDays(today(), -1);
    const d2 = addDays(today(), -2);
    const csv = ["date,sdr,dials,conversations,emails,linkedin", `${d1},${w.sdr.email},80,12,20,5`, `${d2},${sdr2.email},60,9,,2`, `${d1},${w.otherSdr.email},5,1,0,0`, `${d2},${w.sdr.email},-4,0,0,0`].join("\n");
    const r1 = await importActivityCsv(w.am, w.campaign.id, csv);
    expect(r1.errors.map((e) => [e.line, e.message])).toEqual([[4, "activity.errors.sdr"], [5, "activity.errors.negative"]]);
    expect(r1.saved).toBe(2);
    const r2 = await importActivityCsv(w.am, w.campaign.id, csv);
    expect(r2.saved).toBe(0);
    expect(await prisma.activityDay.count()).toBe(2);
    const sum = await prisma.campaignDayStat.aggregate({ _sum: { dials: true } });
    expect(sum._sum.dials).toBe(140);
  });
});
