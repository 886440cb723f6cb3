// Report snapshot composition: sections, the previous period, empty periods, highlights, plain-text blocks, periods.
import { describe, expect, it } from "vitest";
import { composeSnapshot, figureChanges, type ComposeInput } from "~/domain/reports/snapshot";
import { changeLines } from "~/domain/reports/format";
import { makeT } from "~/i18n";
import { zeroCounters } from "~/domain/objectives/metrics";
import { checkPeriod, duePeriod } from "~/domain/reports/period";
import { textBlocks } from "~/domain/reports/text";

function input(over: Partial<ComposeInput> = {}): ComposeInput {
  return {
    campaign: { name: "C", client: "Acme", agency: "PP", currency: "EUR" },
    period: { start: "2026-11-01", end: "2026-11-30" },
    previous: { start: "2026-10-02", end: "2026-10-31" },
    current: { ...zeroCounters(), booked: 12, held: 10, noShow: 2, accepted: 9, ratingSum: 40, ratingCount: 10 },
    previousCounters: { ...zeroCounters(), booked: 10, held: 8, accepted: 8 },
    daily: [{ day: "2026-11-03", counters: { ...zeroCounters(), booked: 5, held: 4, accepted: 4 } }, { day: "2026-11-20", counters: { ...zeroCounters(), booked: 7, held: 6, accepted: 5 } }],
    ratings: [{ rating: 4, count: 6 }, { rating: 5, count: 4 }],
    disputes: { opened: 1, upheld: 1, rejected: 0, pending: 0 },
    objectives: [],
    qualitative: [],
    levers: [],
    candidates: [
      { id: "a", day: "2026-11-03", company: "A", prospectTitle: "CFO", rating: 5, opportunity: false, pipelineValue: null, won: false },
      { id: "b", day: "2026-11-04", company: "B", prospectTitle: "CEO", rating: 4, opportunity: true, pipelineValue: 500000, won: false },
      { id: "c", day: "2026-11-05", company: "C", prospectTitle: "COO", rating: 3, opportunity: true, pipelineValue: 100000, won: true },
      { id: "d", day: "2026-11-06", company: "D", prospectTitle: "CTO", rating: 4, opportunity: false, pipelineValue: null, won: false },
    ],
    highlightIds: null,
    sections: ["highlights", "kpis", "nonsense"],
    texts: { commentary: "", highlights: "", nextSteps: "" },
    ...over,
  };
}

describe("composeSnapshot", () => {
  it("keeps the chosen sections in the report's order and drops unknown ones", () => {
    expect(composeSnapshot(input()).sections).toEqual(["kpis", "highlights"]);
    expect(composeSnapshot(input({ sections: [] })).sections).toEqual(["kpis"]);
  });

  it("compares with the previous period", () => {
    const s = composeSnapshot(input());
    const booked = s.kpis.find((k) => k.key === "MEETINGS_BOOKED")!;
    expect(booked.value).toBe(12);
    expect(booked.previous).toBe(10);
    expect(booked.change?.ratio).toBeCloseTo(0.2);
    const rate = s.kpis.find((k) => k.key === "ACCEPTANCE_RATE")!;
    expect(rate.change?.ratio).toBeNull();
    expect(rate.change?.delta).toBeCloseTo(90 - 100);
  });

  it("buckets the weekly trend and fills the rating distribution", () => {
    const s = composeSnapshot(input());
    expect(s.trend[0]).toEqual({ start: "2026-11-01", end: "2026-11-01", booked: 0, held: 0, accepted: 0 });
    expect(s.trend.reduce((n, w) => n + w.booked, 0)).toBe(12);
    expect(s.ratings).toEqual([{ rating: 1, count: 0 }, { rating: 2, count: 0 }, { rating: 3, count: 0 }, { rating: 4, count: 6 }, { rating: 5, count: 4 }]);
  });

  it("an empty period has no activity and no change to compare against a zero", () => {
    const s = composeSnapshot(input({ current: zeroCounters(), previousCounters: zeroCounters(), daily: [], ratings: [], candidates: [] }));
    expect(s.hasActivity).toBe(false);
    expect(s.kpis.find((k) => k.key === "MEETINGS_BOOKED")!.change).toEqual({ delta: 0, ratio: null });
    expect(s.kpis.find((k) => k.key === "SHOW_RATE")!.value).toBeNull();
    expect(s.highlights).toEqual([]);
  });

  it("suggests the best highlights by default and keeps the AM's pick otherwise", () => {
    expect(composeSnapshot(input()).highlights.map((h) => h.id)).toEqual(["c", "b", "a"]);
    expect(composeSnapshot(input({ highlightIds: ["d", "zz"] })).highlights.map((h) => h.id)).toEqual(["d"]);
    expect(composeSnapshot(input({ highlightIds: [] })).highlights).toEqual([]);
  });
});

describe("report periods", () => {
  it("refuses bad days, reversed days and a future end", () => {
    expect(checkPeriod("2026-11-01", "2026-11-30", "2026-12-03")).toMatchObject({ ok: true, previous: { start: "2026-10-02", end: "2026-10-31" } });
    expect(checkPeriod("2026-13-01", "2026-11-30", "2026-12-03")).toEqual({ ok: false, error: "periodStart" });
    expect(checkPeriod("2026-11-10", "2026-11-01", "2026-12-03")).toEqual({ ok: false, error: "order" });
    expect(checkPeriod("2026-12-01", "2026-12-04", "2026-12-03")).toEqual({ ok: false, error: "future" });
  });

  it("a schedule's due period: last month from the chosen day and time, the last full week otherwise", () => {
    const monthly = { cadence: "MONTHLY" as const, weekday: null, monthDay: 2, time: "08:00" };
    expect(duePeriod(monthly, "2026-12-02", 7 * 60)).toEqual({ start: "2026-10-01", end: "2026-10-31" });
    expect(duePeriod(monthly, "2026-12-02", 8 * 60)).toEqual({ start: "2026-11-01", end: "2026-11-30" });
    const weekly = { cadence: "WEEKLY" as const, weekday: 7, monthDay: null, time: "08:00" };
    // 2026-12-07 is a Monday: the week ending Sunday 6 December is due from 08:00.
    expect(duePeriod(weekly, "2026-12-07", 9 * 60)).toEqual({ start: "2026-11-30", end: "2026-12-06" });
    expect(duePeriod(weekly, "2026-12-07", 7 * 60)).toEqual({ start: "2026-11-23", end: "2026-11-29" });
  });
});

describe("textBlocks", () => {
  it("reads paragraphs and lists, leaving markup as text", () => {
    expect(textBlocks("Hello\nworld\n\n- one\n* two\n\n<b>x</b>")).toEqual([
      { kind: "p", text: "Hello world" },
      { kind: "ul", items: ["one", "two"] },
      { kind: "p", text: "<b>x</b>" },
    ]);
  });
});

describe("a corrected version's changed figures", () => {
  it("lists the key figures and dispute counts that differ from the first version, nothing when only texts changed", () => {
    const first = composeSnapshot(input());
    expect(figureChanges(first, composeSnapshot(input({ texts: { commentary: "new words", highlights: "", nextSteps: "" } })))).toEqual([]);
    const next = composeSnapshot(input({
      current: { ...zeroCounters(), booked: 12, held: 11, noShow: 1, accepted: 9, ratingSum: 40, ratingCount: 10 },
      disputes: { opened: 1, upheld: 0, rejected: 1, pending: 0 },
    }));
    const changes = figureChanges(first, next);
    expect(changes.map((c) => c.key)).toEqual(expect.arrayContaining(["MEETINGS_HELD", "DISPUTES_UPHELD", "DISPUTES_REJECTED"]));
    expect(changes.find((c) => c.key === "MEETINGS_HELD")).toMatchObject({ from: 10, to: 11 });
    expect(changes.map((c) => c.key)).not.toContain("MEETINGS_BOOKED");
    const fr = changeLines("fr", makeT("fr"), changes, "EUR");
    expect(fr.find((l) => l.label === "Contestations ouvertes")).toBeUndefined();
    expect(fr).toContainEqual({ label: "Accordées (non facturés)", from: "1", to: "0" });
    expect(makeT("fr")("reports.changes.line", fr[0])).toMatch(/\u202f: .+ → /);
  });
});
