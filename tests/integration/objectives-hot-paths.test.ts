// The objectives pages' hot paths (plain SQL rows, paceRows, the memoising pacer: docs/decisions/0061) against the
// definition they replaced — the Prisma rows paced one by one by paceFor — on random objectives, activity and days off:
// the home's objectives at risk and the Objectives tab give the same objectives, figures and order, for every role
// and on several days (before, inside and after the periods).
import { prisma } from "~/utils/db.server";
import { campaignObjectives, INCLUDE, objectiveScope, paceFor, type ObjectivePace } from "~/models/objectives/objectives.server";
import { objectivesAtRisk } from "~/models/objectives/homes.server";
import { createCampaign, setCampaignSdrs } from "~/models/campaign.server";
import { METRIC_KEYS } from "~/domain/objectives/metrics";
import { addDays, parseDay, todayIn, type Day } from "~/domain/objectives/dates";
import { campaignScope } from "~/models/scope.server";
import { createAgencyWithClient, createMember, type AgencyWorld } from "../factories";
import type { Actor } from "~/utils/auth.server";

// A seeded generator, so a failure can be replayed.
function rng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

/** The home's list as it was computed before 0061: Prisma rows, paceFor, the same filter and order. */
async function atRiskReference(actor: Actor, now: Date, take: number) {
  const objectives = await prisma.objective.findMany({
    where: { AND: [objectiveScope(actor), { kind: "QUANTITATIVE", campaign: { AND: [campaignScope(actor), { status: "ACTIVE" }] } }] },
    include: INCLUDE,
  });
  const { list } = await paceFor(actor.agencyId, objectives, now);
  const rank = { OFF_TRACK: 0, AT_RISK: 1 } as Record<string, number>;
  return list
    .filter((o) => o.pace.status === "OFF_TRACK" || o.pace.status === "AT_RISK")
    .sort((a, b) => rank[a.pace.status] - rank[b.pace.status] || (a.pace.ratioPct ?? 0) - (b.pace.ratioPct ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, take);
}

/** The tab's list as it was computed before 0061. */
async function tabReference(actor: Actor, campaignId: string, now: Date) {
  const objectives = await prisma.objective.findMany({
    where: { AND: [objectiveScope(actor), { campaignId }] },
    include: INCLUDE,
    orderBy: [{ scope: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  const { list } = await paceFor(actor.agencyId, objectives, now);
  const ids = list.map((o) => o.id);
  const gaps = await prisma.gapAnalysis.groupBy({ by: ["objectiveId"], where: { objectiveId: { in: ids }, status: "OPEN" }, _count: { _all: true } });
  const changes = await prisma.objectiveTargetChange.findMany({ where: { objectiveId: { in: ids } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], distinct: ["objectiveId"] });
  const openGaps = new Map(gaps.map((g) => [g.objectiveId, g._count._all]));
  const last = new Map(changes.map((c) => [c.objectiveId, { from: c.from, to: c.to, reason: c.reason, at: c.createdAt.toISOString() }]));
  return { objectives: list.map((o: ObjectivePace) => ({ ...o, openGaps: openGaps.get(o.id) ?? 0, lastChange: last.get(o.id) ?? null })) };
}

let w: AgencyWorld;
let sdr2: Actor;

beforeEach(async () => {
  w = await createAgencyWithClient();
  sdr2 = await createMember(w.agency.id, "SDR");
});

describe("objectives hot paths", () => {
  it("give the same objectives at risk and the same Objectives tab as paceFor over the Prisma rows, on random data", async () => {
    const r = rng(61);
    const today = todayIn("Europe/Paris");
    const second = await createCampaign(w.am, { clientCompanyId: w.client.id, name: "Second outbound" });
    const campaigns = [w.campaign.id, second.id];
    const sdrs = [w.sdr.userId, sdr2.userId];
    for (const [i, id] of campaigns.entries()) {
      await setCampaignSdrs(w.am, id, sdrs);
      // The first campaign ends within the periods (clipping), the second has no end.
      await prisma.campaign.update({
        where: { id },
        data: { status: "ACTIVE", startDate: parseDay(addDays(today, -120)), endDate: i === 0 ? parseDay(addDays(today, 17)) : null },
      });
    }
    // Activity on random days of the last four months, and a few days off (some on weekends).
    const activity: { campaignId: string; sdrId: string; day: Day; dials: number; conversations: number }[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 160; i += 1) {
      const a = { campaignId: campaigns[Math.floor(r() * 2)], sdrId: sdrs[Math.floor(r() * 2)], day: addDays(today, -Math.floor(r() * 120)), dials: Math.floor(r() * 60), conversations: Math.floor(r() * 12) };
      const key = `${a.campaignId}|${a.sdrId}|${a.day}`;
      if (seen.has(key)) continue;
      seen.add(key);
      activity.push(a);
    }
    await prisma.activityDay.createMany({ data: activity.map((a) => ({ ...a, agencyId: w.agency.id, day: parseDay(a.day) })) });
    for (let i = 0; i < 6; i += 1) {
      await prisma.campaignDayOff.createMany({ data: [{ campaignId: campaigns[i % 2], day: parseDay(addDays(today, Math.floor(r() * 60) - 40)) }], skipDuplicates: true });
    }
    // Random objectives: every metric, kind, recurrence, scope; periods before, around and after today.
    const kinds = ["WEEK", "MONTH", "QUARTER", "CAMPAIGN"] as const;
    for (let i = 0; i < 48; i += 1) {
      const metric = METRIC_KEYS[Math.floor(r() * METRIC_KEYS.length)];
      const periodKind = kinds[Math.floor(r() * kinds.length)];
      const campaignId = campaigns[i % 2];
      const sdrId = r() < 0.35 ? sdrs[Math.floor(r() * 2)] : null;
      const startsOn = addDays(today, Math.floor(r() * 150) - 120);
      const endsOn = r() < 0.4 ? null : addDays(startsOn, Math.floor(r() * 90));
      const o = await prisma.objective.create({
        data: {
          agencyId: w.agency.id, campaignId, kind: "QUANTITATIVE", metric, target: metric.endsWith("RATE") ? 5 + Math.floor(r() * 90) : metric === "AVERAGE_RATING" ? 3 : 1 + Math.floor(r() * 400),
          scope: sdrId ? "SDR" : "TEAM", sdrId, scopeKey: sdrId ?? `TEAM-${i}`, periodKind, recurring: r() < 0.6, startsOn: parseDay(startsOn), endsOn: endsOn ? parseDay(endsOn) : null,
          stake: "GROWTH", why: `Objective ${i}`,
        },
      });
      if (r() < 0.3) await prisma.gapAnalysis.create({ data: { objectiveId: o.id, lever: "MESSAGE", diagnosis: "d", action: "a", ownerId: w.am.userId, dueDate: parseDay(today), status: r() < 0.5 ? "OPEN" : "DONE" } });
      if (r() < 0.3) {
        await prisma.objectiveTargetChange.create({ data: { objectiveId: o.id, from: 10, to: 20, reason: "first", createdAt: new Date(Date.now() - 5000) } });
        await prisma.objectiveTargetChange.create({ data: { objectiveId: o.id, from: 20, to: 30, reason: "second" } });
      }
    }
    // An archived objective and a qualitative one are never paced.
    await prisma.objective.create({ data: { agencyId: w.agency.id, campaignId: w.campaign.id, kind: "QUANTITATIVE", metric: "DIALS", target: 10, scopeKey: "TEAM-archived", periodKind: "MONTH", startsOn: parseDay(today), stake: "GROWTH", archivedAt: new Date() } });
    await prisma.objective.create({ data: { agencyId: w.agency.id, campaignId: w.campaign.id, kind: "QUALITATIVE", title: "Q", scopeKey: "TEAM-q", periodKind: "MONTH", startsOn: parseDay(today), stake: "GROWTH" } });

    const sdrActor = (await import("~/utils/auth.server")).actorForUser;
    const sdrOne = (await sdrActor(w.sdr.userId))!;
    let compared = 0;
    for (const shift of [0, -45, 9, 40]) {
      const now = new Date(Date.now() + shift * 86_400_000);
      for (const actor of [w.am, w.admin, w.clientAdmin, sdrOne]) {
        const home = await objectivesAtRisk(actor, now, 1000);
        expect(home.atRisk).toEqual(await atRiskReference(actor, now, 1000));
        expect((await objectivesAtRisk(actor, now, 5)).atRisk).toEqual(await atRiskReference(actor, now, 5));
        for (const campaignId of campaigns) {
          const tab = await campaignObjectives(actor, campaignId, now);
          const ref = await tabReference(actor, campaignId, now);
          expect(tab.objectives).toEqual(ref.objectives);
          compared += tab.objectives.length + home.atRisk.length;
        }
      }
    }
    // The comparison covered a real mix (not two empty lists).
    expect(compared).toBeGreaterThan(200);
  }, 600_000);
});
