// The rollup never drifts: after random sequences of meeting changes through the real model functions (and the
// sweep's raw SQL, and the bulk import), "CampaignDayStat" equals a direct count of the rows, and equals its rebuild;
// its period totals ("CampaignPeriodStat": per SDR and team, per day and month) equal sums of that direct count.
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/domain/shared/errors";
import { acceptMeeting, disputeMeeting, rateMeeting, recordOutcome, resolveDispute } from "~/models/meetings/review.server";
import { autoAcceptDueMeetings } from "~/models/meetings/sweep.server";
import { changeMeetingStatus } from "~/models/meetings/attendance.server";
import { logMeeting, type MeetingInput } from "~/models/meetings/logging.server";
import { confirmImport, createImport, getImport } from "~/models/meetings/import.server";
import { processImportJob } from "~/models/meetings/import-worker.server";
import { rebuildRollup, sumRanges, type Range } from "~/models/objectives/rollup.server";
import { addDays, addMonths, startOfMonth } from "~/domain/objectives/dates";
import { COUNTER_KEYS } from "~/domain/objectives/metrics";
import { recordActivityWeek } from "~/models/objectives/activity.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMember, type AgencyWorld } from "../factories";
import { setCampaignSdrs } from "~/models/campaign.server";
import type { Actor } from "~/utils/auth.server";

const HOUR = 3600_000;
type Agreement = Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;

/** A small deterministic PRNG (mulberry32), so a failing sequence can be replayed from its seed. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const localDay = (d: Date, tz: string) => new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);

type Row = Record<string, number>;
const FIELDS = [
  "dials", "conversations", "emails", "linkedinMessages", "booked", "held", "noShow", "cancelled", "accepted", "disputed", "upheld",
  "opportunities", "pipelineValue", "won", "wonValue", "ratingSum", "ratingCount", "personaFitSum", "personaFitCount",
  "decisionPowerSum", "decisionPowerCount", "realNeedSum", "realNeedCount", "briefingSum", "briefingCount",
];

/** The expected rollup, counted in JavaScript from the rows themselves (an independent implementation). */
async function directCount() {
  const agencies = new Map((await prisma.agency.findMany({ select: { id: true, timeZone: true } })).map((a) => [a.id, a.timeZone]));
  const out = new Map<string, Row>();
  const add = (key: string, field: string, n: number) => {
    const row = (out.get(key) ?? out.set(key, Object.fromEntries(FIELDS.map((f) => [f, 0]))).get(key))!;
    row[field] += n;
  };
  for (const m of await prisma.meeting.findMany()) {
    const tz = agencies.get(m.agencyId)!;
    const base = `${m.campaignId}|${m.sdrId}|${m.personaVersionId}|`;
    add(base + localDay(m.createdAt, tz), "booked", 1);
    const k = base + localDay(m.scheduledAt, tz);
    if (m.status === "HELD") add(k, "held", 1);
    if (m.status === "NO_SHOW") add(k, "noShow", 1);
    if (m.status === "CANCELLED") add(k, "cancelled", 1);
    if (m.status === "HELD" && (m.verdict === "ACCEPTED" || m.verdict === "DISPUTE_REJECTED")) add(k, "accepted", 1);
    if (["DISPUTED", "DISPUTE_UPHELD", "DISPUTE_REJECTED"].includes(m.verdict)) add(k, "disputed", 1);
    if (m.verdict === "DISPUTE_UPHELD") add(k, "upheld", 1);
    if (m.opportunityCreated) add(k, "opportunities", 1), add(k, "pipelineValue", m.pipelineValue ?? 0);
    if (m.won) add(k, "won", 1), add(k, "wonValue", m.pipelineValue ?? 0);
    const pairs: [number | null, string][] = [
      [m.ratingOverall, "rating"], [m.ratingPersonaFit, "personaFit"], [m.ratingDecisionPower, "decisionPower"], [m.ratingRealNeed, "realNeed"], [m.ratingBriefing, "briefing"],
    ];
    for (const [v, name] of pairs) if (v !== null) add(k, `${name}Sum`, v), add(k, `${name}Count`, 1);
  }
  for (const a of await prisma.activityDay.findMany()) {
    const k = `${a.campaignId}|${a.sdrId}||${a.day.toISOString().slice(0, 10)}`;
    add(k, "dials", a.dials), add(k, "conversations", a.conversations), add(k, "emails", a.emails), add(k, "linkedinMessages", a.linkedinMessages);
  }
  return nonZero(out);
}

async function rollup() {
  const out = new Map<string, Row>();
  for (const s of await prisma.campaignDayStat.findMany()) {
    const row: Row = {};
    for (const f of FIELDS) row[f] = Number((s as unknown as Record<string, number | bigint>)[f]);
    out.set(`${s.campaignId}|${s.sdrId}|${s.personaVersionId}|${s.day.toISOString().slice(0, 10)}`, row);
  }
  return nonZero(out);
}

/** The period totals expected from rollup rows (campaign|sdr|persona|day): per SDR and team (""), per day and month. */
function periodTotals(rows: Record<string, Row>) {
  const out = new Map<string, Row>();
  for (const [key, row] of Object.entries(rows)) {
    const [campaignId, sdrId, , day] = key.split("|");
    for (const k of [`${campaignId}|${sdrId}|D|${day}`, `${campaignId}|${sdrId}|M|${day.slice(0, 7)}-01`, `${campaignId}||D|${day}`, `${campaignId}||M|${day.slice(0, 7)}-01`]) {
      const t = (out.get(k) ?? out.set(k, Object.fromEntries(FIELDS.map((f) => [f, 0]))).get(k))!;
      for (const f of FIELDS) t[f] += row[f];
    }
  }
  return nonZero(out);
}

/** "CampaignPeriodStat" as it stands. */
async function periodStats() {
  const out = new Map<string, Row>();
  for (const s of await prisma.campaignPeriodStat.findMany()) {
    const row: Row = {};
    for (const f of FIELDS) row[f] = Number((s as unknown as Record<string, number | bigint>)[f]);
    out.set(`${s.campaignId}|${s.sdrId}|${s.grain}|${s.start.toISOString().slice(0, 10)}`, row);
  }
  return nonZero(out);
}

/** The rollup equals the direct count, and its period totals equal sums of the direct count. */
async function expectExact(expected?: Record<string, Row>) {
  const want = expected ?? (await directCount());
  expect(await rollup()).toEqual(want);
  expect(await periodStats()).toEqual(periodTotals(want));
}

/**
 * sumRanges (whole months from the month rows, edge days from the day rows) equals the direct count summed over the
 * same days, for the team and each SDR, over ranges that start and end inside months, on their edges, and span them.
 */
async function expectRangeSums(expected: Record<string, Row>, sdrIds: string[]) {
  const today = new Date().toISOString().slice(0, 10);
  const month = startOfMonth(today);
  const starts = [addDays(today, -45), addMonths(month, -1), month, addDays(today, -3)];
  const ends = [today, addDays(addMonths(month, 1), -1), addDays(today, 30), addDays(month, -1), addDays(addMonths(month, 2), 4)];
  const ranges: Range[] = [];
  for (const start of starts)
    for (const end of ends)
      for (const sdrId of [null, ...sdrIds]) if (start <= end) ranges.push({ key: `${start}|${end}|${sdrId}`, campaignId: w.campaign.id, sdrId, start, end });
  const sums = await sumRanges(ranges);
  let nonEmpty = 0;
  for (const r of ranges) {
    const want: Record<string, number> = Object.fromEntries(COUNTER_KEYS.map((f) => [f, 0]));
    for (const [key, row] of Object.entries(expected)) {
      const [campaignId, sdrId, , day] = key.split("|");
      if (campaignId === r.campaignId && (!r.sdrId || sdrId === r.sdrId) && day >= r.start && day <= r.end) for (const f of COUNTER_KEYS) want[f] += row[f];
    }
    if (want.booked > 0) nonEmpty += 1;
    const got = sums.get(r.key)!;
    expect(Object.fromEntries(COUNTER_KEYS.map((f) => [f, got[f]])), r.key).toEqual(want);
  }
  expect(nonEmpty).toBeGreaterThan(ranges.length / 3);
}

function nonZero(m: Map<string, Row>) {
  return Object.fromEntries([...m].filter(([, row]) => Object.values(row).some((v) => v !== 0)).sort(([a], [b]) => a.localeCompare(b)));
}

function input(a: Agreement, scheduledAt: Date, over: Partial<MeetingInput> = {}): MeetingInput {
  return {
    personaVersionId: a.personaVersion.id,
    prospectName: "Prospect",
    prospectEmail: `p.${Math.random().toString(36).slice(2)}@acme.test`,
    prospectCompany: "Acme",
    scheduledAt,
    timeZone: "Europe/Paris",
    durationMinutes: 45,
    channel: "VIDEO",
    checks: a.criteria.map((c) => ({ criterionId: c.id, met: true })),
    ...over,
  };
}

async function attempt(work: () => Promise<unknown>) {
  try {
    await work();
    return true;
  } catch (e) {
    if (e instanceof DomainError) return false;
    throw e;
  }
}

let w: AgencyWorld;
let a: Agreement;
let sdr2: Actor;
beforeEach(async () => {
  w = await createAgencyWithClient();
  a = await createActiveCampaignWithAgreement(w);
  sdr2 = await createMember(w.agency.id, "SDR");
  await setCampaignSdrs(w.am, w.campaign.id, [w.sdr.userId, sdr2.userId]);
});

describe("rollup", () => {
  for (const seed of [1, 2, 3]) {
    it(`equals a direct count after a random sequence of changes (seed ${seed})`, async () => {
      const rand = rng(seed);
      const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
      const ids: string[] = [];
      const applied: Record<string, number> = {};
      const now = Date.now();
      for (let step = 0; step < 70; step += 1) {
        const op = ids.length < 4 ? "log" : pick(["log", "held", "noshow", "cancel", "rate", "accept", "dispute", "resolve", "outcome", "reschedule", "activity", "sweep"]);
        const id = ids.length ? pick(ids) : "";
        let ok = false;
        switch (op) {
          case "log": {
            // Past meetings (logged days ago, when they were ahead) and future ones, across midnight in Paris.
            const past = rand() < 0.7;
            const at = new Date(now + (past ? -1 : 1) * Math.floor(1 + rand() * 10 * 24) * HOUR);
            const r = await logMeeting(pick([w.sdr, sdr2]), w.campaign.id, input(a, at), past ? new Date(at.getTime() - 72 * HOUR) : new Date());
            if (r.ok) ids.push(r.meetingId);
            ok = r.ok;
            break;
          }
          case "held": ok = await attempt(() => changeMeetingStatus(pick([w.clientMember, w.am]), id, "HELD")); break;
          case "noshow": ok = await attempt(() => changeMeetingStatus(w.clientMember, id, "NO_SHOW")); break;
          case "cancel": ok = await attempt(() => changeMeetingStatus(w.am, id, "CANCELLED")); break;
          case "reschedule": ok = await attempt(() => changeMeetingStatus(w.am, id, "RESCHEDULE", { newTime: new Date(now + Math.floor(1 + rand() * 200) * HOUR) })); break;
          case "rate": {
            const n = () => 1 + Math.floor(rand() * 5);
            ok = await attempt(() => rateMeeting(w.clientMember, id, { ratingOverall: n(), ratingPersonaFit: rand() < 0.5 ? n() : undefined, ratingRealNeed: n(), ratingBriefing: n(), ratingDecisionPower: rand() < 0.5 ? n() : undefined }));
            break;
          }
          case "accept": ok = await attempt(() => acceptMeeting(w.clientAdmin, id)); break;
          case "dispute": ok = await attempt(() => disputeMeeting(w.clientAdmin, id, [{ criterionId: a.criteria[0].id, reason: "Not the decision maker" }])); break;
          case "resolve": ok = await attempt(() => resolveDispute(w.am, id, { decision: rand() < 0.5 ? "DISPUTE_UPHELD" : "DISPUTE_REJECTED", reasoning: "Checked the call" })); break;
          case "outcome": {
            const opp = rand() < 0.7;
            ok = await attempt(() => recordOutcome(w.clientAdmin, id, { opportunityCreated: opp, pipelineValue: opp ? Math.floor(rand() * 5_000_000) : null, won: opp ? rand() < 0.4 : null }));
            break;
          }
          case "activity": {
            const day = new Date(now - Math.floor(rand() * 10) * 86400_000).toISOString().slice(0, 10);
            const n = () => Math.floor(rand() * 120);
            await recordActivityWeek(pick([w.sdr, w.am]), w.campaign.id, w.sdr.userId, [{ day, dials: n(), conversations: n(), emails: n(), linkedinMessages: n() }]);
            ok = true;
            break;
          }
          case "sweep": ok = (await autoAcceptDueMeetings(new Date(now + 30 * 86400_000))) > 0; break;
        }
        if (ok) applied[op] = (applied[op] ?? 0) + 1;
      }
      // The sequences really exercised the write paths.
      expect(applied.log).toBeGreaterThan(3);
      expect(Object.keys(applied).length).toBeGreaterThan(6);
      const expected = await directCount();
      await expectExact(expected);
      // The team's month rows really are sums over SDRs and days (not an empty table equal to an empty expectation).
      expect(Object.keys(periodTotals(expected)).some((k) => k.includes("||M|"))).toBe(true);
      await rebuildRollup();
      await expectExact(expected);
      await expectRangeSums(expected, [w.sdr.userId, sdr2.userId]);
    });
  }

  it("counts the bulk CSV import, a deleted meeting and the agency's time zone", async () => {
    await prisma.agency.update({ where: { id: w.agency.id }, data: { timeZone: "America/New_York" } });
    const day = new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10);
    const csv = ["external id,name,email,company,date,timezone,persona", ...[1, 2, 3].map((n) => `X-${n},P ${n},p${n}@acme.test,Acme,${day} 0${n}:30,Europe/Paris,${a.personaVersion.name}`)].join("\n");
    const job = await createImport(w.sdr, w.campaign.id, { name: "m.csv", bytes: new TextEncoder().encode(csv) });
    const j = await getImport(w.sdr, w.campaign.id, job.id);
    expect((await confirmImport(w.sdr, w.campaign.id, job.id, { ...j.mapping, defaultTimeZone: "Europe/Paris" })).ok).toBe(true);
    await processImportJob(job.id);
    expect(await prisma.meeting.count()).toBe(3);
    await expectExact();
    await prisma.meeting.deleteMany({ where: { externalId: "X-1" } });
    await expectExact();
    const booked = await prisma.campaignDayStat.aggregate({ _sum: { booked: true } });
    expect(booked._sum.booked).toBe(2);
  });
});
