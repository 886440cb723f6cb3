import { describe, expect, it } from "vitest";
import { disputesWithoutWord, groupsOf, strongestContrast, titleWords } from "~/domain/dashboards/evidence";

describe("persona evidence", () => {
  const groups = groupsOf({
    Logistics: { accepted: 10, disputed: 4 },
    Retail: { accepted: 2, disputed: 7 },
    Banking: { accepted: 1, disputed: 1 }, // too few to say anything
  });

  it("keeps groups with enough decided meetings, largest first, with their acceptance rate", () => {
    expect(groups.map((g) => g.value)).toEqual(["Logistics", "Retail"]);
    expect(groups[0].acceptanceRate).toBeCloseTo(71.43, 1);
    expect(groups[1].acceptanceRate).toBeCloseTo(22.22, 1);
  });

  it("names the strongest contrast", () => {
    const c = strongestContrast(groups)!;
    expect([c.best.value, c.worst.value]).toEqual(["Logistics", "Retail"]);
    expect(strongestContrast(groups.slice(0, 1))).toBeNull();
  });

  it("counts disputes from titles without a word, ignoring case and accents", () => {
    expect(titleWords("Directeur Général / Achats")).toEqual(["directeur", "general", "achats"]);
    const titles = ["Sales Director", "Office manager", "Assistant", "director of ops", "Buyer"];
    expect(disputesWithoutWord(titles, "Director")).toEqual({ without: 3, of: 5 });
  });
});
