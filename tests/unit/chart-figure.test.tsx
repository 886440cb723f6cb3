// The shared chart's pure parts: the CSV (BOM, French semicolons and decimal commas, money in major units), the
// axis ticks, and the server-rendered SVG (recharts 3 draws nothing on the server, so this is what a page without
// JavaScript and a printout show).
import { renderToString } from "react-dom/server";
import { axisTicks, chartCsv, csvFileName, csvHref, formatTick, formatValue, maxOf, niceTicks } from "~/components/charts/chart-data";
import { StaticChart } from "~/components/charts/StaticChart";

const x = { key: "week", label: "Week", type: "week" as const };
const series = [
  { key: "booked", label: "Booked" },
  { key: "rate", label: "Acceptance; rate", unit: "percent" as const },
  { key: "won", label: "Won", unit: "money" as const },
];
const rows = [
  { week: "2026-03-02", booked: 12, rate: 66.5, won: 123456 },
  { week: "2026-03-09", booked: 3, rate: null, won: 0 },
];

describe("chart CSV", () => {
  it("starts with a byte-order mark and uses commas in English", () => {
    const csv = chartCsv("en", x, series, rows);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Week,Booked,Acceptance; rate,Won",
      "2026-03-02,12,66.5,1234.56",
      "2026-03-09,3,,0",
      "",
    ]);
  });

  it("uses semicolons and decimal commas in French, quoting a cell that holds a semicolon", () => {
    const csv = chartCsv("fr", { ...x, label: "Semaine" }, series, rows);
    expect(csv.slice(1).split("\r\n")[0]).toBe('Semaine;Booked;"Acceptance; rate";Won');
    expect(csv.slice(1).split("\r\n")[1]).toBe("2026-03-02;12;66,5;1234,56");
  });

  it("makes a data: link and a file name", () => {
    expect(csvHref("\uFEFFa,b")).toBe("data:text/csv;charset=utf-8,%EF%BB%BFa%2Cb");
    expect(csvFileName("Tendance hebdomadaire — réservés")).toBe("tendance-hebdomadaire-reserves.csv");
  });
});

describe("chart scale", () => {
  it("rounds the top tick up", () => {
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(4.2)).toEqual([0, 2, 4, 6]);
  });

  it("adds up stacked bars only", () => {
    const s = [{ key: "a", label: "A", stack: "d" }, { key: "b", label: "B", stack: "d" }, { key: "c", label: "C", kind: "line" as const }];
    expect(maxOf([{ a: 3, b: 4, c: 5 }], s)).toBe(7);
  });

  it("formats ticks in the reader's language", () => {
    expect(formatTick("fr", "percent", 40)).toMatch(/^40\s?%$/);
    expect(formatTick("en", "count", 1200)).toMatch(/^1\.2k$/i);
  });

  it("reads a qualitative grid's levels by name, on an axis of the four levels", () => {
    expect(axisTicks("level", 1.4)).toEqual([0, 1, 2, 3]);
    expect(formatTick("en", "level", 0)).toBe("Not observed");
    expect(formatTick("fr", "level", 3)).not.toBe(formatTick("en", "level", 3));
    // A mean is named after its nearest level, its value kept beside the name.
    expect(formatValue("en", "level", 2.25)).toBe(`${formatTick("en", "level", 2)} (2.25)`);
    expect(formatValue("fr", "level", 2.25)).toBe(`${formatTick("fr", "level", 2)} (2,25)`);
  });
});

describe("server-rendered chart", () => {
  it("draws bars, the dashed expected line and localized labels without a DOM", () => {
    const html = renderToString(
      <StaticChart
        locale="fr"
        rows={[{ week: "2026-03-02", booked: 12, expected: 10 }, { week: "2026-03-09", booked: 3, expected: 20 }]}
        x={x}
        series={[{ key: "booked", label: "Réservés" }, { key: "expected", label: "Attendu", kind: "line", dashed: true }]}
        kind="bar"
        unit="count"
        currency="EUR"
        height={240}
        horizontal={false}
      />,
    );
    expect(html).toContain("<svg");
    expect(html.match(/<rect/g)?.length).toBe(2 + 1); // two bars and the legend's swatch
    expect(html).toContain('stroke-dasharray="6 4"');
    expect(html).toContain("2 mars");
  });

  it("draws horizontal stacked bars with category names", () => {
    const html = renderToString(
      <StaticChart
        locale="en"
        rows={[{ c: "Decision power", upheld: 3, rejected: 2 }, { c: "Budget", upheld: 1, rejected: 0 }]}
        x={{ key: "c", label: "Criterion" }}
        series={[{ key: "upheld", label: "Upheld", stack: "d" }, { key: "rejected", label: "Rejected", stack: "d" }]}
        kind="bar"
        unit="count"
        currency="EUR"
        height={200}
        horizontal
      />,
    );
    expect(html).toContain("Decision power");
    expect(html.match(/<rect/g)?.length).toBe(4 + 2);
  });

  it("names the levels on the axis of a qualitative chart", () => {
    const html = renderToString(
      <StaticChart
        locale="en"
        rows={[{ day: "2026-03-02", a: 1 }, { day: "2026-03-09", a: 2 }]}
        x={{ key: "day", label: "Date", type: "day" }}
        series={[{ key: "a", label: "Rephrases the need" }]}
        kind="line"
        unit="level"
        currency="EUR"
        height={240}
        horizontal={false}
      />,
    );
    for (const tick of [0, 1, 2, 3]) expect(html).toContain(`>${formatTick("en", "level", tick)}<`);
  });
});
