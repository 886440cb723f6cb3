// The attendance and dispute windows (issue 9): calendar time, or business days (Monday to Friday) in the agency's
// zone, across weekends and DST changes.
import { describe, expect, it } from "vitest";
import { addWindowDays, addWindowHours, isBusinessDate, presumptionAt, presumptionReminderAt, reviewDeadline } from "~/domain/meetings/windows";

const PARIS = { businessDays: true, timeZone: "Europe/Paris" };
const CAL = { businessDays: false, timeZone: "Europe/Paris" };

describe("business dates", () => {
  it("are Monday to Friday", () => {
    expect(isBusinessDate("2026-12-04")).toBe(true); // Friday
    expect(isBusinessDate("2026-12-05")).toBe(false); // Saturday
    expect(isBusinessDate("2026-12-06")).toBe(false); // Sunday
    expect(isBusinessDate("2026-12-07")).toBe(true); // Monday
  });
});

describe("addWindowDays", () => {
  it("counts 24-hour days in calendar counting (as before)", () => {
    const from = new Date("2026-12-04T09:00:00Z");
    expect(addWindowDays(from, 7, CAL).toISOString()).toBe("2026-12-11T09:00:00.000Z");
    expect(reviewDeadline(from, from, 7).toISOString()).toBe("2026-12-11T09:00:00.000Z");
  });

  it("skips the weekend in business days, keeping the local time", () => {
    // Friday 10:00 Paris (09:00 UTC) + 1 business day = Monday 10:00.
    expect(addWindowDays(new Date("2026-12-04T09:00:00Z"), 1, PARIS).toISOString()).toBe("2026-12-07T09:00:00.000Z");
    // Saturday + 1 = Monday; Friday + 5 = next Friday.
    expect(addWindowDays(new Date("2026-12-05T09:00:00Z"), 1, PARIS).toISOString()).toBe("2026-12-07T09:00:00.000Z");
    expect(addWindowDays(new Date("2026-12-04T09:00:00Z"), 5, PARIS).toISOString()).toBe("2026-12-11T09:00:00.000Z");
  });

  it("keeps the wall-clock time across a DST change", () => {
    // Friday 27 March 2026 10:00 CET (09:00 UTC); Paris moves to CEST on Sunday 29 March: Monday 10:00 is 08:00 UTC.
    expect(addWindowDays(new Date("2026-03-27T09:00:00Z"), 1, PARIS).toISOString()).toBe("2026-03-30T08:00:00.000Z");
    // Back to CET on Sunday 25 October 2026: Friday 23 October 10:00 CEST (08:00 UTC) + 1 = Monday 10:00 CET (09:00 UTC).
    expect(addWindowDays(new Date("2026-10-23T08:00:00Z"), 1, PARIS).toISOString()).toBe("2026-10-26T09:00:00.000Z");
  });

  it("reads the weekday in the agency's zone, not in UTC", () => {
    // Friday 23:30 in New York is already Saturday in UTC: one business day later is Monday 23:30 New York.
    const ny = { businessDays: true, timeZone: "America/New_York" };
    expect(addWindowDays(new Date("2026-12-05T04:30:00Z"), 1, ny).toISOString()).toBe("2026-12-08T04:30:00.000Z");
  });
});

describe("addWindowHours", () => {
  it("counts elapsed hours in calendar counting", () => {
    expect(addWindowHours(new Date("2026-12-04T16:00:00Z"), 48, CAL).toISOString()).toBe("2026-12-06T16:00:00.000Z");
  });

  it("counts only weekday hours in business days", () => {
    // Friday 17:00 Paris (16:00 UTC) + 48 hours: 7 hours left on Friday, Monday 24, Tuesday 17 -> Tuesday 17:00.
    expect(addWindowHours(new Date("2026-12-04T16:00:00Z"), 48, PARIS).toISOString()).toBe("2026-12-08T16:00:00.000Z");
    // Starting on a Saturday: the clock starts on Monday at midnight.
    expect(addWindowHours(new Date("2026-12-05T10:00:00Z"), 2, PARIS).toISOString()).toBe("2026-12-07T01:00:00.000Z");
  });

  it("counts real hours across a DST change", () => {
    // Monday 26 October 2026 is after the change; Friday 23 October 22:00 CEST (20:00 UTC) + 4 hours:
    // 2 hours on Friday, then Monday from 00:00 CET (Sunday 23:00 UTC) 2 hours -> Monday 02:00 CET = 01:00 UTC.
    expect(addWindowHours(new Date("2026-10-23T20:00:00Z"), 4, PARIS).toISOString()).toBe("2026-10-26T01:00:00.000Z");
  });
});

describe("the attendance presumption", () => {
  it("is the rule's hours past the meeting's end, and off without a rule", () => {
    const at = new Date("2026-12-01T09:00:00Z"); // Tuesday 10:00 Paris
    expect(presumptionAt(at, 30, 48, CAL)!.toISOString()).toBe("2026-12-03T09:30:00.000Z");
    expect(presumptionAt(at, 30, null, CAL)).toBeNull();
  });

  it("is reminded a day before, never before the meeting ended", () => {
    const at = new Date("2026-12-01T09:00:00Z");
    const due = presumptionAt(at, 30, 48, CAL)!;
    expect(presumptionReminderAt(at, 30, due).toISOString()).toBe("2026-12-02T09:30:00.000Z");
    const short = presumptionAt(at, 30, 6, CAL)!;
    expect(presumptionReminderAt(at, 30, short).toISOString()).toBe("2026-12-01T09:30:00.000Z");
  });
});
