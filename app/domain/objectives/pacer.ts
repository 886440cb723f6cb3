// Pacing many objectives on one day (a home paces a thousand objectives of two hundred campaigns): the current period
// of each distinct period definition and the working days of each distinct range and calendar are computed once.
// Same results as currentPeriod and pace called one by one (tests/unit/objectives-pacer.test.ts compares them);
// docs/decisions/0061-objectives-pages-cpu.md.
import type { Day } from "./dates";
import type { Aggregation } from "./metrics";
import { currentPeriod, type ObjectivePeriods, type Period } from "./periods";
import { paceOf, workingDays, type Pace, type Thresholds } from "./pace";

export type Pacer = ReturnType<typeof pacer>;

/** A pacer for one request: `today` and the agency's thresholds fixed; memoised periods and working days. */
export function pacer(today: Day, thresholds: Thresholds) {
  const periods = new Map<string, Period>();
  // One memo per calendar (a campaign's days off, by identity: the sets are built once per request and never changed).
  const calendars = new WeakMap<ReadonlySet<Day>, (from: Day, to: Day) => number>();
  const calendar = (daysOff: ReadonlySet<Day>) => {
    let count = calendars.get(daysOff);
    if (!count) {
      const memo = new Map<string, number>();
      count = (from: Day, to: Day) => {
        const key = from + to;
        let n = memo.get(key);
        if (n === undefined) memo.set(key, (n = workingDays(from, to, daysOff)));
        return n;
      };
      calendars.set(daysOff, count);
    }
    return count;
  };
  return {
    today,
    /** currentPeriod(o, campaignEnd, today), once per distinct definition. */
    period(o: ObjectivePeriods, campaignEnd: Day | null): Period {
      const key = `${o.periodKind}|${o.recurring ? 1 : 0}|${o.startsOn}|${o.endsOn ?? ""}|${campaignEnd ?? ""}`;
      let p = periods.get(key);
      if (!p) periods.set(key, (p = currentPeriod(o, campaignEnd, today)));
      return p;
    },
    /** pace({ aggregation, target, actual, period, today, daysOff, thresholds }), its working days counted once per range and calendar. */
    pace(aggregation: Aggregation, target: number, actual: number | null, period: Period, daysOff: ReadonlySet<Day>): Pace {
      return paceOf(aggregation, target, actual, period, today, thresholds, daysOff, calendar(daysOff));
    },
  };
}
