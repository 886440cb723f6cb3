// The weekly trend's expected line: what the campaign's team objective on a count (booked, held, accepted) expects
// in each week bucket, its target spread over the working days of each of its periods (the objectives' own rule,
// app/domain/objectives/pace.ts), so a week half outside an objective's month expects half a week's share.
import { workingDays } from "~/domain/objectives/pace";
import { maxDay, minDay, type Day } from "~/domain/objectives/dates";
import type { DayRange } from "./periods";

/** The expected value of each week: the sum over the objective's periods of target × working days in common / working days of the period. */
export function expectedPerWeek(weeks: DayRange[], periods: DayRange[], target: number, daysOff: ReadonlySet<Day> = new Set()): (number | null)[] {
  return weeks.map((w) => {
    let expected = 0;
    let covered = false;
    for (const p of periods) {
      const start = maxDay(w.start, p.start);
      const end = minDay(w.end, p.end);
      if (start > end) continue;
      covered = true;
      const total = workingDays(p.start, p.end, daysOff);
      expected += total > 0 ? (target * workingDays(start, end, daysOff)) / total : 0;
    }
    return covered ? Math.round(expected * 10) / 10 : null;
  });
}
