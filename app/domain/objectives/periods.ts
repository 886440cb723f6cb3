// An objective's periods: a week, a month, a quarter or the whole campaign. Weekly and monthly objectives recur.
import { addDays, addMonths, daysBetween, startOfMonth, startOfQuarter, startOfWeek, type Day } from "./dates";

export const PERIOD_KINDS = ["WEEK", "MONTH", "QUARTER", "CAMPAIGN"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type Period = { start: Day; end: Day };

/** The period of a kind containing a day (CAMPAIGN: the campaign's dates). */
export function periodContaining(kind: PeriodKind, day: Day, campaign?: Period): Period {
  switch (kind) {
    case "WEEK": {
      const start = startOfWeek(day);
      return { start, end: addDays(start, 6) };
    }
    case "MONTH": {
      const start = startOfMonth(day);
      return { start, end: addDays(addMonths(start, 1), -1) };
    }
    case "QUARTER": {
      const start = startOfQuarter(day);
      return { start, end: addDays(addMonths(start, 3), -1) };
    }
    case "CAMPAIGN":
      return campaign ?? { start: day, end: day };
  }
}

export type ObjectivePeriods = { periodKind: PeriodKind; recurring: boolean; startsOn: Day; endsOn: Day | null };

/** The last day an objective covers: its end, else the campaign's end, else one year after its start. */
export function lastDay(o: ObjectivePeriods, campaignEnd: Day | null): Day {
  return o.endsOn ?? campaignEnd ?? addDays(o.startsOn, 365);
}

/** Every period of an objective up to `until` (inclusive), oldest first. Non-recurring objectives have one. */
export function periodsOf(o: ObjectivePeriods, campaignEnd: Day | null, until?: Day, max = 200): Period[] {
  const first = periodContaining(o.periodKind, o.startsOn);
  if (!o.recurring || o.periodKind === "CAMPAIGN" || o.periodKind === "QUARTER") {
    return [{ start: o.startsOn, end: o.periodKind === "CAMPAIGN" || !o.recurring ? o.endsOn ?? first.end : first.end }];
  }
  const last = lastDay(o, campaignEnd);
  const out: Period[] = [];
  let p: Period = { start: o.startsOn, end: first.end };
  while (p.start <= last && (!until || p.start <= until) && out.length < max) {
    out.push({ start: p.start, end: p.end < last ? p.end : last });
    const next = addDays(p.end, 1);
    p = periodContaining(o.periodKind, next);
  }
  return out;
}

/** The period shown as "current": the one containing today, else the next one, else the last one. */
export function currentPeriod(o: ObjectivePeriods, campaignEnd: Day | null, today: Day): Period {
  // Computed directly in the usual case (a home paces a thousand objectives: listing every week of each costs more
  // than the rest of the page); the listing decides the rare ones (before the first period ends, after the last).
  if (o.recurring && (o.periodKind === "WEEK" || o.periodKind === "MONTH")) {
    const last = lastDay(o, campaignEnd);
    const firstEnd = periodContaining(o.periodKind, o.startsOn).end;
    const span = daysBetween(o.startsOn, today);
    if (today > firstEnd && today <= last && span < (o.periodKind === "WEEK" ? 7 : 28) * 190) {
      const p = periodContaining(o.periodKind, today);
      return { start: p.start, end: p.end < last ? p.end : last };
    }
  }
  return currentPeriodListed(o, campaignEnd, today);
}

/** currentPeriod by listing every period (the reference the direct computation is tested against). */
export function currentPeriodListed(o: ObjectivePeriods, campaignEnd: Day | null, today: Day): Period {
  const all = periodsOf(o, campaignEnd);
  return all.find((p) => p.start <= today && today <= p.end) ?? all.find((p) => p.start > today) ?? all[all.length - 1];
}

/** Two objectives' periods overlap (used to refuse duplicates: same metric, scope and period kind). */
export function overlaps(a: Period, b: Period) {
  return a.start <= b.end && b.start <= a.end;
}

/** A part of a range as the rollup's period totals hold it: whole calendar months ("M" rows) or days ("D" rows). */
export type Segment = { grain: "D" | "M"; from: Day; to: Day };

/**
 * A range of days (both included) as its whole calendar months and the days before and after them: what the period
 * totals ("CampaignPeriodStat", docs/decisions/0058-rollup-period-totals.md) read. A week is its days; a quarter is three
 * month rows; a campaign of a year is about twelve month rows and at most two partial months of days.
 */
export function segmentsOf(start: Day, end: Day): Segment[] {
  if (end < start) return [];
  const firstFull = start === startOfMonth(start) ? start : addMonths(startOfMonth(start), 1);
  const afterLastFull = addDays(end, 1) === addMonths(startOfMonth(end), 1) ? addDays(end, 1) : startOfMonth(end);
  if (firstFull >= afterLastFull) return [{ grain: "D", from: start, to: end }];
  const out: Segment[] = [];
  if (start < firstFull) out.push({ grain: "D", from: start, to: addDays(firstFull, -1) });
  out.push({ grain: "M", from: firstFull, to: addMonths(afterLastFull, -1) });
  if (afterLastFull <= end) out.push({ grain: "D", from: afterLastFull, to: end });
  return out;
}
