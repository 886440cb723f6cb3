// Reads what a report's snapshot is composed from, for one campaign and period: aggregates of the rollup, the period's
// rating distribution (from the ratings rollup) and disputes counted by the database (index-only), the highlight candidates (at most 60
// rows), the team objectives' pace at the period's end, the qualitative objectives' team level (never an SDR's
// assessment), the levers being adjusted. Takes no actor: callers have already scoped the campaign.
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { METRICS, isMetricKey, metricValue, zeroCounters } from "~/domain/objectives/metrics";
import { currentPeriod } from "~/domain/objectives/periods";
import { pace } from "~/domain/objectives/pace";
import { minDay, parseDay, toDay, todayIn, type Day } from "~/domain/objectives/dates";
import { levelScore, isLevel } from "~/domain/qualitative/grid";
import { composeSnapshot, type ComposeInput, type HighlightMeeting, type ReportSnapshot, type ReportTexts } from "~/domain/reports/snapshot";
import type { DayRange } from "~/domain/dashboards/periods";
import { previousOf } from "~/domain/dashboards/periods";
import { dailyCounters, sumRanges } from "../objectives/rollup.server";
import { daysOffOf, dayOrNull, spec } from "../objectives/objectives.server";

type Db = Tx | typeof prisma;

/** Instants bounding a range of agency days (a little wide: days are filtered again on the agency's calendar). */
function instants(r: DayRange) {
  return { gte: new Date(parseDay(r.start).getTime() - 14 * 3600_000), lt: new Date(parseDay(r.end).getTime() + 38 * 3600_000) };
}

const dayIn = (tz: string, d: Date) => todayIn(tz, d);

async function qualitativeTeam(db: Db, campaignId: string, period: DayRange, previous: DayRange) {
  const objectives = await db.objective.findMany({
    where: { campaignId, kind: "QUALITATIVE", archivedAt: null },
    select: { id: true, title: true },
    orderBy: { createdAt: "asc" },
    take: 20,
  });
  if (!objectives.length) return [];
  const rows = await db.qualAssessment.findMany({
    where: { campaignId, objectiveId: { in: objectives.map((o) => o.id) }, day: { gte: parseDay(previous.start), lte: parseDay(period.end) } },
    select: { objectiveId: true, day: true, levels: true },
  });
  const mean = (objectiveId: string, r: DayRange) => {
    let sum = 0;
    let n = 0;
    let count = 0;
    for (const a of rows) {
      const d = toDay(a.day);
      if (a.objectiveId !== objectiveId || d < r.start || d > r.end) continue;
      count++;
      for (const v of Object.values((a.levels ?? {}) as Record<string, unknown>)) {
        if (isLevel(v) && v !== "not_observed") {
          sum += levelScore(v);
          n++;
        }
      }
    }
    return { score: n ? sum / n : null, count };
  };
  return objectives.map((o) => {
    const cur = mean(o.id, period);
    return { title: o.title ?? "", score: cur.score, previousScore: mean(o.id, previous).score, assessments: cur.count };
  });
}

/** Everything a snapshot needs, read in a handful of queries (the rollup does the counting). */
export async function readComposeInput(
  db: Db,
  campaignId: string,
  period: DayRange,
  opts: { sections: readonly string[]; highlightIds: string[] | null; texts: ReportTexts; now?: Date },
): Promise<{ input: ComposeInput; candidates: HighlightMeeting[] }> {
  const campaign = await db.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    select: {
      id: true, name: true, endDate: true,
      clientCompany: { select: { name: true, currency: true } },
      agency: { select: { name: true, timeZone: true, paceOnTrackPct: true, paceAtRiskPct: true } },
    },
  });
  const tz = campaign.agency.timeZone;
  const previous = previousOf(period);
  const between = instants(period);
  const [sums, daily, ratingRows, disputeRows, candidatesRaw, objectives, qualitative] = await Promise.all([
    sumRanges([
      { key: "current", campaignId, sdrId: null, ...period },
      { key: "previous", campaignId, sdrId: null, ...previous },
    ]),
    dailyCounters({ campaignId, sdrId: null, ...period }),
    // The period's overall ratings from their rollup ("CampaignDayRating", kept by triggers, as the Overview reads them):
    // at most 5 scores per day, whatever the number of meetings.
    db.$queryRaw<{ rating: number; n: number }[]>`
      SELECT "score" AS rating, sum("n")::int AS n
        FROM "CampaignDayRating"
       WHERE "campaignId" = ${campaignId} AND "criterion" = 'overall' AND "day" BETWEEN ${period.start}::date AND ${period.end}::date
       GROUP BY 1`,
    // The period's disputes by outcome, counted on the agency's calendar from the (campaign, verdict, scheduledAt) index
    // alone (index-only: the disputed meetings of the period, never the campaign's other meetings).
    db.$queryRaw<{ upheld: number; rejected: number; pending: number }[]>`
      SELECT count(*) FILTER (WHERE "verdict" = 'DISPUTE_UPHELD')::int AS upheld,
             count(*) FILTER (WHERE "verdict" = 'DISPUTE_REJECTED')::int AS rejected,
             count(*) FILTER (WHERE "verdict" = 'DISPUTED')::int AS pending
        FROM "Meeting"
       WHERE "campaignId" = ${campaignId} AND "verdict" IN ('DISPUTED', 'DISPUTE_UPHELD', 'DISPUTE_REJECTED')
         AND "scheduledAt" >= ${between.gte} AND "scheduledAt" < ${between.lt}
         AND (("scheduledAt" AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date BETWEEN ${period.start}::date AND ${period.end}::date`,
    db.meeting.findMany({
      where: { campaignId, scheduledAt: between, status: "HELD", OR: [{ opportunityCreated: true }, { won: true }, { ratingOverall: { gte: 4 } }] },
      select: { id: true, scheduledAt: true, prospectCompany: true, prospectTitle: true, ratingOverall: true, opportunityCreated: true, pipelineValue: true, won: true },
      orderBy: [{ scheduledAt: "desc" }],
      take: 60,
    }),
    db.objective.findMany({
      where: { campaignId, kind: "QUANTITATIVE", scope: "TEAM", archivedAt: null },
      select: { id: true, metric: true, target: true, periodKind: true, recurring: true, startsOn: true, endsOn: true, gapAnalyses: { where: { OR: [{ status: "OPEN" }, { doneAt: { gte: parseDay(period.start) } }] }, select: { lever: true, diagnosis: true, action: true, dueDate: true, status: true }, orderBy: { createdAt: "asc" }, take: 10 } },
      orderBy: { createdAt: "asc" },
      take: 30,
    }),
    qualitativeTeam(db, campaignId, period, previous),
  ]);
  const inPeriod = (d: Date) => {
    const day = dayIn(tz, d);
    return day >= period.start && day <= period.end;
  };
  const ratingCounts = new Map<number, number>(ratingRows.map((r) => [Number(r.rating), Number(r.n)]));
  const { upheld = 0, rejected = 0, pending = 0 } = disputeRows[0] ?? {};
  const disputes = { opened: upheld + rejected + pending, upheld, rejected, pending };
  const candidates: HighlightMeeting[] = candidatesRaw
    .filter((m) => inPeriod(m.scheduledAt))
    .map((m) => ({
      id: m.id, day: dayIn(tz, m.scheduledAt), company: m.prospectCompany, prospectTitle: m.prospectTitle, rating: m.ratingOverall,
      opportunity: m.opportunityCreated === true, pipelineValue: m.pipelineValue, won: m.won === true,
    }));
  // Objectives: the period of each objective that holds the report's last day, paced on that day.
  const asOf = minDay(period.end, todayIn(tz, opts.now ?? new Date()));
  const quantitative = objectives.filter((o) => isMetricKey(o.metric));
  const objPeriods = new Map(quantitative.map((o) => [o.id, currentPeriod(spec(o), dayOrNull(campaign.endDate), asOf)]));
  const [objSums, daysOff] = await Promise.all([
    sumRanges(quantitative.map((o) => ({ key: o.id, campaignId, sdrId: null, ...objPeriods.get(o.id)! }))),
    daysOffOf([campaignId]),
  ]);
  const thresholds = { onTrackPct: campaign.agency.paceOnTrackPct, atRiskPct: campaign.agency.paceAtRiskPct };
  const objectiveLines = quantitative.map((o) => {
    const metric = o.metric as keyof typeof METRICS;
    const p = objPeriods.get(o.id)!;
    const actual = metricValue(metric, objSums.get(o.id) ?? zeroCounters());
    const pc = pace({ aggregation: METRICS[metric].aggregation, target: o.target ?? 0, actual, period: p, today: asOf, daysOff: daysOff.get(campaignId) ?? new Set<Day>(), thresholds });
    return { metric, unit: METRICS[metric].unit, target: o.target ?? 0, actual, expected: pc.expected, status: pc.status, final: pc.final, period: p };
  });
  const levers = objectives.flatMap((o) =>
    o.gapAnalyses.map((g) => ({ lever: g.lever, metric: o.metric, diagnosis: g.diagnosis, action: g.action, dueDate: toDay(g.dueDate), status: g.status })),
  );
  const input: ComposeInput = {
    campaign: { name: campaign.name, client: campaign.clientCompany.name, agency: campaign.agency.name, currency: campaign.clientCompany.currency },
    period,
    previous,
    current: sums.get("current") ?? zeroCounters(),
    previousCounters: sums.get("previous") ?? zeroCounters(),
    daily,
    ratings: [...ratingCounts.entries()].map(([rating, count]) => ({ rating, count })),
    disputes,
    objectives: objectiveLines,
    qualitative,
    levers,
    candidates,
    highlightIds: opts.highlightIds,
    sections: opts.sections,
    texts: opts.texts,
  };
  return { input, candidates };
}

/** Composes a campaign's snapshot for a period (and the highlight candidates the AM may pick from). */
export async function composeFor(db: Db, campaignId: string, period: DayRange, opts: Parameters<typeof readComposeInput>[3]): Promise<{ snapshot: ReportSnapshot; candidates: HighlightMeeting[] }> {
  const { input, candidates } = await readComposeInput(db, campaignId, period, opts);
  return { snapshot: composeSnapshot(input), candidates };
}
