import { overallLevel, subjectTrend, teamTrend } from "~/domain/qualitative/trend";
import { gridFromForm, parseRecordingTime, slugKey } from "~/domain/qualitative/schemas";

describe("qualitative trend", () => {
  it("a subject's points by day; the team mean of each one's latest level, with how many it covers", () => {
    const rows = [
      { subject: "a", day: "2026-11-02", levels: { x: "emerging" } },
      { subject: "b", day: "2026-11-09", levels: { x: "exemplary" } },
      { subject: "a", day: "2026-11-16", levels: { x: "acquired" } },
    ];
    expect(subjectTrend(rows.filter((r) => r.subject === "a")).map((p) => p.scores.x)).toEqual([1, 2]);
    const team = teamTrend(rows);
    expect(team.map((p) => [p.scores.x, p.contributors])).toEqual([[1, 1], [2, 2], [2.5, 2]]);
    expect(overallLevel(team.at(-1))?.level).toBe("exemplary");
    expect(overallLevel(null)).toBeNull();
  });
  it("grid rows from a form: blank rows dropped, keys from labels made unique; recording times", () => {
    const f = new FormData();
    f.set("criteria.0.label", "Écoute active");
    f.set("criteria.1.label", "Écoute active");
    f.set("criteria.1.emerging", "x");
    const { grid, rows } = gridFromForm(f);
    expect(grid.criteria.map((c) => c.key)).toEqual(["ecoute_active", "ecoute_active_2"]);
    expect(rows).toEqual([0, 1]);
    expect(slugKey("  ")).toBe("criterion");
    expect(parseRecordingTime("12:30")).toBe(750);
    expect(parseRecordingTime("1:02:03")).toBe(3723);
    expect(parseRecordingTime("")).toBeNull();
    expect(parseRecordingTime("12h")).toBeUndefined();
  });
});
