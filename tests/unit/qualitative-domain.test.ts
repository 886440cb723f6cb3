import { describe, expect, it } from "vitest";
import { assessmentProblems, gridProblems, nextGridVersions, type Grid } from "~/domain/qualitative/grid";
import { nextAfter, ritualStatus } from "~/domain/qualitative/rituals";
import { vagueVerbHint } from "~/domain/qualitative/verbs";
import { calibrate, calibrateBy, starsToScore, type Rating } from "~/domain/qualitative/calibration";

const levels = { not_observed: "Never", emerging: "Sometimes", acquired: "Usually", exemplary: "Always, and shows others" };
const grid: Grid = { criteria: [{ key: "rephrase", label: "Rephrases the need", levels }, { key: "open", label: "Open questions", levels }] };

describe("grid", () => {
  it("needs at least one criterion and the four level descriptions", () => {
    expect(gridProblems({ criteria: [] })).toEqual([{ code: "no_criteria" }]);
    expect(gridProblems({ criteria: [{ key: "a", label: "A", levels: { ...levels, emerging: " " } }] })).toEqual([
      { code: "criterion_level", index: 0, level: "emerging" },
    ]);
    expect(gridProblems(grid)).toEqual([]);
  });

  it("is versioned: same content keeps the version, a change appends one and never rewrites the past", () => {
    const first = nextGridVersions([], grid);
    expect(first.current.version).toBe(1);
    const same = nextGridVersions(first.versions, { criteria: grid.criteria.map((c) => ({ ...c, label: ` ${c.label} ` })) });
    expect(same.changed).toBe(false);
    expect(same.current.version).toBe(1);
    const changed = nextGridVersions(first.versions, { criteria: [grid.criteria[0]!] });
    expect(changed.changed).toBe(true);
    expect(changed.current.version).toBe(2);
    expect(changed.versions[0]).toEqual(first.versions[0]);
    expect(changed.versions[0]!.grid.criteria).toHaveLength(2);
  });
});

describe("assessment rules", () => {
  const campaignMeetings = new Map([
    ["m1", { sdrId: "sdr1" }],
    ["m2", { sdrId: "sdr2" }],
  ]);
  const ok = { date: "2026-12-03", today: "2026-12-03", levels: { rephrase: "acquired", open: "emerging" }, evidenceMeetingIds: ["m1"] };
  it("accepts levels from the grid and the SDR's own meetings", () => {
    expect(assessmentProblems(ok, { grid, campaignMeetings, sdrId: "sdr1" })).toEqual([]);
  });
  it("refuses a future date, a level not in the grid, foreign evidence and a non-http link", () => {
    const problems = assessmentProblems(
      { ...ok, date: "2026-12-04", levels: { rephrase: "great", open: "" }, evidenceMeetingIds: ["m2", "zz"], recordingUrl: "javascript:alert(1)" },
      { grid, campaignMeetings, sdrId: "sdr1" },
    );
    expect(problems).toEqual([
      { field: "date", code: "future" },
      { field: "level:rephrase", code: "not_in_grid" },
      { field: "level:open", code: "missing" },
      { field: "evidence", code: "not_this_sdr" },
      { field: "evidence", code: "not_in_campaign" },
      { field: "recordingUrl", code: "not_http" },
    ]);
    expect(assessmentProblems({ ...ok, recordingUrl: "https://rec.example/c/1?t=95" }, { grid, campaignMeetings, sdrId: "sdr1" })).toEqual([]);
  });
});

describe("ritual due dates", () => {
  it("steps by the cadence, months keep their day or clamp to the last one", () => {
    expect(nextAfter("2026-12-01", "weekly")).toBe("2026-12-08");
    expect(nextAfter("2026-12-01", "biweekly")).toBe("2026-12-15");
    expect(nextAfter("2027-01-31", "monthly")).toBe("2027-02-28");
    expect(nextAfter("2026-12-15", "monthly")).toBe("2027-01-15");
  });
  it("is upcoming, due, overdue, then not animated after two skipped rituals", () => {
    const base = { start: "2026-12-01", cadence: "weekly" as const, held: [] as string[] };
    expect(ritualStatus({ ...base, today: "2026-12-03" })).toMatchObject({ due: "2026-12-08", state: "upcoming", skipped: 0 });
    expect(ritualStatus({ ...base, today: "2026-12-07" })).toMatchObject({ due: "2026-12-08", state: "due" });
    expect(ritualStatus({ ...base, today: "2026-12-09" })).toMatchObject({ due: "2026-12-08", state: "overdue", skipped: 1, notAnimated: false });
    expect(ritualStatus({ ...base, today: "2026-12-16" })).toMatchObject({ state: "overdue", skipped: 2, notAnimated: true });
  });
  it("counts from the last ritual held", () => {
    const s = ritualStatus({ start: "2026-11-01", cadence: "biweekly", held: ["2026-11-15", "2026-11-30"], today: "2026-12-03" });
    expect(s).toMatchObject({ due: "2026-12-14", state: "upcoming", skipped: 0, notAnimated: false });
  });
});

describe("vague-verb hint", () => {
  it("flags vague English verbs and suggests precise ones", () => {
    expect(vagueVerbHint("Improve listening in calls", "en")).toEqual({
      vague: ["improve"],
      suggestions: ["clarify", "structure", "rephrase", "formalise", "strengthen"],
    });
    expect(vagueVerbHint("Be more proactive", "en")?.vague).toEqual(["be more"]);
    expect(vagueVerbHint("Rephrase the prospect's need before pitching", "en")).toBeNull();
  });
  it("flags vague French verbs and suggests French ones", () => {
    expect(vagueVerbHint("Améliorer l'écoute", "fr")).toEqual({
      vague: ["améliorer"],
      suggestions: ["clarifier", "structurer", "reformuler", "formaliser", "renforcer"],
    });
    expect(vagueVerbHint("Être plus proactif", "fr")?.vague).toEqual(["être plus"]);
    expect(vagueVerbHint("Reformuler le besoin du prospect", "fr")).toBeNull();
  });
});

describe("calibration distance", () => {
  const mapping = [{ agency: "qualif", client: "fit" }];
  const a = (meetingId: string, sdrId: string, level: "not_observed" | "emerging" | "acquired" | "exemplary"): Rating => ({
    meetingId,
    sdrId,
    day: "2026-12-01",
    levels: { qualif: level },
  });
  const c = (meetingId: string, level: "not_observed" | "emerging" | "acquired" | "exemplary"): Rating => ({
    meetingId,
    sdrId: null,
    day: "2026-12-01",
    levels: { fit: level },
  });
  it("uses only meetings rated on both sides", () => {
    const cells = calibrate([a("m1", "s1", "exemplary"), a("m2", "s1", "acquired"), a("m3", "s2", "exemplary")], [c("m1", "emerging"), c("m2", "acquired"), c("m9", "not_observed")], mapping);
    expect(cells).toEqual([{ agency: "qualif", client: "fit", meetings: 2, bias: 1, distance: 1 }]);
  });
  it("has a signed bias and an absolute distance, per SDR too", () => {
    const by = calibrateBy((r) => r.sdrId, [a("m1", "s1", "emerging"), a("m2", "s2", "exemplary")], [c("m1", "exemplary"), c("m2", "emerging")], mapping);
    expect(by.get("s1")![0]).toMatchObject({ meetings: 1, bias: -2, distance: 2 });
    expect(by.get("s2")![0]).toMatchObject({ meetings: 1, bias: 2, distance: 2 });
    expect(calibrate([], [], mapping)[0]).toMatchObject({ meetings: 0, bias: null, distance: null });
  });
  it("reads the client's 1-5 stars on the 0..3 level scale", () => {
    expect([1, 2, 3, 4, 5].map(starsToScore)).toEqual([0, 0.75, 1.5, 2.25, 3]);
    const cells = calibrate([a("m1", "s1", "acquired")], [{ meetingId: "m1", sdrId: null, day: "2026-12-01", levels: { fit: starsToScore(5) } }], mapping);
    expect(cells[0]).toMatchObject({ meetings: 1, bias: -1, distance: 1 });
  });
});
