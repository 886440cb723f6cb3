// The campaign Overview's figures equal direct counts of the meetings after random changes through the real model
// functions, for the period and the previous one; per-SDR figures never reach a client; another agency's campaign
// is not found.
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/domain/shared/errors";
import { acceptMeeting, disputeMeeting, rateMeeting, recordOutcome, resolveDispute } from "~/models/meetings/review.server";
import { changeMeetingStatus } from "~/models/meetings/attendance.server";
import { logMeeting, type MeetingInput } from "~/models/meetings/logging.server";
import { recordActivityWeek } from "~/models/objectives/activity.server";
import { setCampaignSdrs } from "~/models/campaign.server";
import { campaignOverview, type CampaignOverview } from "~/models/dashboards/overview.server";
import { portfolio } from "~/models/dashboards/portfolio.server";
import { addDays, todayIn } from "~/domain/objectives/dates";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMember, type AgencyWorld } from "../factories";
import type { Actor } from "~/utils/auth.server";

const HOUR = 3600_000;
type Agreement = Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;

function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TZ = "Europe/Paris";
const localDay = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);

async function attempt(work: () => Promise<unknown>) {
  try {
    await work();
    return true;
  } catch (e) {
    if (e instanceof DomainError) return false;
    throw e;
  }
}

/** The Overview's totals counted from the meeting rows, in JavaScript (an independent implementation). */
async function direct(campaignId: string, start: string, end: string, sdrId?: string) {
  const ms = await prisma.meeting.findMany({ where: { campaignId, ...(sdrId ? { sdrId } : {}) } });
  const acts = await prisma.activityDay.findMany({ where: { campaignId, ...(sdrId ? { sdrId } : {}) } });
  const inP = (d: string) => d >= start && d <= end;
  const sched = ms.filter((m) => inP(localDay(m.scheduledAt)));
  const held = sched.filter((m) => m.status === "HELD").length;
  const noShow = sched.filter((m) => m.status === "NO_SHOW").length;
  const accepted = sched.filter((m) => m.status === "HELD" && (m.verdict === "ACCEPTED" || m.verdict === "DISPUTE_REJECTED")).length;
  const rated = sched.filter((m) => m.ratingOverall !== null);
  const activity = acts.filter((a) => inP(a.day.toISOString().slice(0, 10))).reduce((s, a) => s + a.dials + a.conversations + a.emails + a.linkedinMessages, 0);
  return {
    MEETINGS_BOOKED: ms.filter((m) => inP(localDay(m.createdAt))).length,
    MEETINGS_HELD: held,
    SHOW_RATE: held + noShow ? (held / (held + noShow)) * 100 : null,
    MEETINGS_ACCEPTED: accepted,
    ACCEPTANCE_RATE: held ? (accepted / held) * 100 : null,
    AVERAGE_RATING: rated.length ? rated.reduce((s, m) => s + m.ratingOverall!, 0) / rated.length : null,
    OPPORTUNITIES: sched.filter((m) => m.opportunityCreated).length,
    PIPELINE_VALUE: sched.filter((m) => m.opportunityCreated).reduce((s, m) => s + (m.pipelineValue ?? 0), 0),
    WON_VALUE: sched.filter((m) => m.won).reduce((s, m) => s + (m.pipelineValue ?? 0), 0),
    activity,
    ratings: sched.filter((m) => m.ratedAt),
    disputed: sched,
  } as const;
}

let w: AgencyWorld;
let a: Agreement;
let sdr2: Actor;
beforeEach(async () => {
  w = await createAgencyWithClient();
  a = await createActiveCampaignWithAgreement(w);
  sdr2 = await createMember(w.agency.id, "SDR");
  await setCampaignSdrs(w.am, w.campaign.id, [w.sdr.userId, sdr2.userId]);
}, 60_000);

function input(scheduledAt: Date, rand: () => number): MeetingInput {
  return {
    personaVersionId: a.personaVersion.id,
    prospectName: "Prospect",
    prospectTitle: rand() < 0.5 ? "Directeur financier" : "Comptable",
    prospectEmail: `p.${Math.random().toString(36).slice(2)}@acme.test`,
    prospectCompany: "Acme",
    scheduledAt,
    timeZone: TZ,
    durationMinutes: 45,
    channel: "VIDEO",
    checks: a.criteria.map((c) => ({ criterionId: c.id, met: true })),
  };
}

async function randomHistory(seed: number) {
  const rand = rng(seed);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const ids: string[] = [];
  const now = Date.now();
  for (let step = 0; step < 90; step += 1) {
    const op = ids.length < 6 ? "log" : pick(["log", "held", "held", "noshow", "rate", "rate", "accept", "dispute", "resolve", "outcome", "activity"]);
    const id = ids.length ? pick(ids) : "";
    switch (op) {
      case "log": {
        // Meetings over the last ~50 days, so both the period and the previous one have some.
        const at = new Date(now - Math.floor(1 + rand() * 50 * 24) * HOUR);
        const r = await logMeeting(pick([w.sdr, sdr2]), w.campaign.id, input(at, rand), new Date(at.getTime() - Math.floor(rand() * 96) * HOUR));
        if (r.ok) ids.push(r.meetingId);
        break;
      }
      case "held": await attempt(() => changeMeetingStatus(w.am, id, "HELD")); break;
      case "noshow": await attempt(() => changeMeetingStatus(w.clientMember, id, "NO_SHOW")); break;
      case "rate": {
        const n = () => 1 + Math.floor(rand() * 5);
        await attempt(() => rateMeeting(w.clientMember, id, { ratingOverall: n(), ratingPersonaFit: n(), ratingRealNeed: rand() < 0.5 ? n() : undefined, ratingBriefing: n(), ratingDecisionPower: n() }));
        break;
      }
      case "accept": await attempt(() => acceptMeeting(w.clientAdmin, id)); break;
      case "dispute": await attempt(() => disputeMeeting(w.clientAdmin, id, [{ criterionId: pick(a.criteria).id, reason: "Not the decision maker" }])); break;
      case "resolve": await attempt(() => resolveDispute(w.am, id, { decision: rand() < 0.5 ? "DISPUTE_UPHELD" : "DISPUTE_REJECTED", reasoning: "Checked the call" })); break;
      case "outcome": {
        const opp = rand() < 0.7;
        await attempt(() => recordOutcome(w.clientAdmin, id, { opportunityCreated: opp, pipelineValue: opp ? Math.floor(rand() * 5_000_000) : null, won: opp ? rand() < 0.4 : null }));
        break;
      }
      case "activity": {
        const day = new Date(now - Math.floor(rand() * 40) * 86400_000).toISOString().slice(0, 10);
        const n = () => Math.floor(rand() * 50);
        await recordActivityWeek(w.am, w.campaign.id, pick([w.sdr, sdr2]).userId, [{ day, dials: n(), conversations: n(), emails: n(), linkedinMessages: n() }]);
        break;
      }
    }
  }
  // Then disputes of two criteria (the disputes rollup counts items, not meetings), resolutions, meetings moved into
  // the period (their items move with them) and at most two disputed meetings deleted (their items cascade).
  let deleted = 0;
  for (let step = 0; step < 30; step += 1) {
    const op = pick(["dispute2", "dispute2", "resolve", "move", "move", "delete"]);
    const id = pick(ids);
    switch (op) {
      case "dispute2": {
        const first = Math.floor(rand() * a.criteria.length);
        const chosen = [...new Set([a.criteria[first], a.criteria[(first + 1) % a.criteria.length]])];
        await attempt(() => changeMeetingStatus(w.am, id, "HELD"));
        await attempt(() => disputeMeeting(w.clientAdmin, id, chosen.map((c) => ({ criterionId: c.id, reason: "Not the decision maker" }))));
        break;
      }
      case "resolve": await attempt(() => resolveDispute(w.am, id, { decision: rand() < 0.5 ? "DISPUTE_UPHELD" : "DISPUTE_REJECTED", reasoning: "Checked the call" })); break;
      case "move": await prisma.meeting.update({ where: { id }, data: { scheduledAt: new Date(now - Math.floor(1 + rand() * 18 * 24) * HOUR) } }); break;
      case "delete": {
        const disputed = await prisma.meeting.findMany({ where: { id: { in: ids }, disputeItems: { some: {} } }, select: { id: true }, orderBy: { id: "asc" } });
        if (deleted < 2 && disputed.length >= 2) {
          const gone = disputed[Math.floor(rand() * disputed.length)].id;
          await prisma.meeting.delete({ where: { id: gone } });
          ids.splice(ids.indexOf(gone), 1);
          deleted += 1;
        }
        break;
      }
    }
  }
  expect(deleted).toBeGreaterThan(0);
}

const close = (x: number | null, y: number | null) => (x === null || y === null ? expect(x).toBe(y) : expect(x).toBeCloseTo(y, 6));

describe("campaign Overview", () => {
  for (const seed of [12, 13, 14]) {
    it(`equals direct counts of the meetings after random changes (seed ${seed})`, async () => {
      await randomHistory(seed);
      const today = todayIn(TZ);
      const from = addDays(today, -20);
      const admin = { ...w.admin, timeZone: TZ };
      const o = await campaignOverview(admin, w.campaign.id, { kind: "custom", from, to: today });
      if (!o.ok) throw new Error(o.error);
      expect(o.period.previous).toEqual({ start: addDays(from, -21), end: addDays(from, -1) });

      const cur = await direct(w.campaign.id, from, today);
      const prev = await direct(w.campaign.id, o.period.previous.start, o.period.previous.end);
      // The history really reaches both periods and the later stages.
      expect(cur.MEETINGS_BOOKED).toBeGreaterThan(0);
      expect(cur.MEETINGS_HELD).toBeGreaterThan(0);
      expect(cur.ratings.length).toBeGreaterThan(0);
      expect(prev.MEETINGS_BOOKED + prev.MEETINGS_HELD).toBeGreaterThan(0);
      for (const tile of o.tiles) {
        close(tile.value, cur[tile.key]);
        close(tile.previous, prev[tile.key]);
      }
      // The weekly trend adds up to the period's totals.
      const sum = (k: string) => o.trend.rows.reduce((s, r) => s + Number(r[k] ?? 0), 0);
      expect(sum("booked")).toBe(cur.MEETINGS_BOOKED);
      expect(sum("held")).toBe(cur.MEETINGS_HELD);
      expect(sum("accepted")).toBe(cur.MEETINGS_ACCEPTED);

      // Ratings per score, per criterion.
      const overall = [1, 2, 3, 4, 5].map((n) => cur.ratings.filter((m) => m.ratingOverall === n).length);
      expect(o.ratings.find((r) => r.criterion === "overall")!.scores).toEqual(overall);
      const power = [1, 2, 3, 4, 5].map((n) => cur.ratings.filter((m) => m.ratingDecisionPower === n).length);
      expect(o.ratings.find((r) => r.criterion === "decisionPower")!.scores).toEqual(power);

      // Disputes by criterion.
      const items = await prisma.meetingDisputeItem.findMany({ where: { meetingId: { in: cur.disputed.map((m) => m.id) } }, include: { criterion: true, meeting: true } });
      for (const d of o.disputes) {
        const mine = items.filter((i) => i.criterion.key === d.key);
        expect(d.upheld).toBe(mine.filter((i) => i.meeting.verdict === "DISPUTE_UPHELD").length);
        expect(d.rejected).toBe(mine.filter((i) => i.meeting.verdict === "DISPUTE_REJECTED").length);
        expect(d.open).toBe(mine.filter((i) => i.meeting.verdict === "DISPUTED").length);
      }
      expect(o.disputes.reduce((s, d) => s + d.upheld + d.rejected + d.open, 0)).toBe(items.length);
      expect(items.length).toBeGreaterThan(0);
      // The portfolio's open disputes (from "CampaignDisputeCount") equal the meetings still disputed.
      const open = await prisma.meeting.count({ where: { campaignId: w.campaign.id, verdict: "DISPUTED" } });
      const pf = await portfolio(admin, { kind: "month", sort: "name", dir: "asc", page: 1 });
      if (!pf.ok) throw new Error("portfolio failed");
      expect(pf.rows.find((r) => r.id === w.campaign.id)?.openDisputes).toBe(open);
      // The rebuild finds the very rows the triggers kept.
      const snapshot = () => prisma.$queryRawUnsafe<unknown[]>(`SELECT "campaignId", "day"::text, "criterionId", "verdict", "n" FROM "CampaignDayDispute" WHERE "n" <> 0 UNION ALL SELECT "campaignId", NULL, NULL, 'open', "open" FROM "CampaignDisputeCount" WHERE "open" <> 0 ORDER BY 1, 2, 3, 4`);
      const kept = await snapshot();
      await prisma.$executeRawUnsafe(`SELECT rdv_rebuild_rollup()`);
      expect(await snapshot()).toEqual(kept);

      // Per SDR and per persona version.
      for (const sdr of [w.sdr, sdr2]) {
        const row = o.perSdr!.find((r) => r.id === sdr.userId);
        const mine = await direct(w.campaign.id, from, today, sdr.userId);
        expect(row?.booked ?? 0).toBe(mine.MEETINGS_BOOKED);
        expect(row?.held ?? 0).toBe(mine.MEETINGS_HELD);
        expect(row?.activity ?? 0).toBe(mine.activity);
        close(row?.acceptanceRate ?? null, mine.ACCEPTANCE_RATE);
      }
      expect(o.byPersona.reduce((s, p) => s + p.booked, 0)).toBe(cur.MEETINGS_BOOKED);
    }, 120_000);
  }

  it("never sends a per-SDR figure to a client; an SDR sees only their own row; another agency's campaign is not found", async () => {
    await randomHistory(5);
    const names = await prisma.user.findMany({ where: { id: { in: [w.sdr.userId, sdr2.userId] } }, select: { name: true } });
    for (const client of [w.clientAdmin, w.clientMember]) {
      const o = (await campaignOverview(client, w.campaign.id, { kind: "campaign" })) as CampaignOverview;
      expect(o.ok).toBe(true);
      expect(o.perSdr).toBeNull();
      const json = JSON.stringify(o);
      for (const id of [w.sdr.userId, sdr2.userId]) expect(json).not.toContain(id);
      for (const n of names) expect(json).not.toContain(n.name);
    }
    const own = (await campaignOverview(w.sdr, w.campaign.id, { kind: "campaign" })) as CampaignOverview;
    expect(own.perSdr!.every((r) => r.id === w.sdr.userId)).toBe(true);

    const other = await createAgencyWithClient();
    await expect(campaignOverview(other.admin, w.campaign.id, { kind: "month" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(campaignOverview(other.clientAdmin, w.campaign.id, { kind: "month" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  }, 120_000);

  it("answers a bad custom range with the field to fix", async () => {
    const o = await campaignOverview(w.clientAdmin, w.campaign.id, { kind: "custom", from: "2026-05-10", to: "2026-05-01" });
    expect(o).toMatchObject({ ok: false, error: "order" });
  });
});
