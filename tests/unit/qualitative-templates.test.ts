import { BUILT_IN_TEMPLATES } from "~/domain/qualitative/templates";
import { gridProblems } from "~/domain/qualitative/grid";
import { vagueVerbHint } from "~/domain/qualitative/verbs";
import { gridOf, templateInput, templateSchema } from "~/domain/qualitative/template-form";
import { typeset } from "../../scripts/french-typography.mjs";

describe("the built-in template library", () => {
  it("has the method's examples, each in French and English with a valid grid on the same criteria", () => {
    const keys = BUILT_IN_TEMPLATES.map((t) => t.key);
    expect(keys).toEqual(expect.arrayContaining(["active_listening", "pitch_maturity", "value_followups", "new_sdr_pitch", "post_meeting_rigour"]));
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of BUILT_IN_TEMPLATES) {
      for (const locale of ["fr", "en"] as const) {
        const c = t[locale];
        expect(gridProblems(c.grid), `${t.key} ${locale}`).toEqual([]);
        expect(c.behaviours.length).toBeGreaterThan(0);
        // The verbs are precise: none of the vague expressions the objective form flags.
        expect(vagueVerbHint(c.verb, locale), `${t.key} ${locale}: ${c.verb}`).toBeNull();
      }
      expect(t.fr.grid.criteria.map((c) => c.key)).toEqual(t.en.grid.criteria.map((c) => c.key));
      expect(t.fr.behaviours).toHaveLength(t.en.behaviours.length);
    }
  });

  it("French texts follow French typography", () => {
    for (const t of BUILT_IN_TEMPLATES) {
      const texts = [t.fr.title, t.fr.need, t.fr.verb, ...t.fr.behaviours, ...t.fr.grid.criteria.flatMap((c) => [c.label, ...Object.values(c.levels)])];
      for (const s of texts) expect(typeset(s)).toBe(s);
    }
  });
});

describe("the agency's template form", () => {
  const form = (entries: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(entries)) f.set(k, v);
    return templateSchema.safeParse(templateInput(f));
  };
  const base = { locale: "fr", title: "Relances", need: "Retour client", verb: "Structurer", ritual: "CALL_REVIEW", cadence: "WEEKLY" };
  const row = { "criteria.0.label": "Valeur", "criteria.0.not_observed": "a", "criteria.0.emerging": "b", "criteria.0.acquired": "c", "criteria.0.exemplary": "d" };

  it("needs a criterion, and every level of a used row described, next to its field", () => {
    const none = form(base);
    expect(none.success).toBe(false);
    expect(none.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["criteria.0.label", "qual.templates.errors.noCriterion"]]);
    const partial = form({ ...base, ...row, "criteria.0.acquired": "", "criteria.2.label": "Clarté" });
    expect(partial.error?.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["criteria.0.acquired", "criteria.2.not_observed", "criteria.2.exemplary"]));
    const bad = form({ ...base, ...row, ritual: "COFFEE", title: "" });
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["ritual", "title"]));
  });

  it("turns the filled rows into a grid with unique keys", () => {
    const ok = form({ ...base, ...row, "criteria.1.label": "Valeur", "criteria.1.not_observed": "a", "criteria.1.emerging": "b", "criteria.1.acquired": "c", "criteria.1.exemplary": "d" });
    expect(ok.success).toBe(true);
    const grid = gridOf(ok.data!);
    expect(grid.criteria.map((c) => c.key)).toEqual(["valeur", "valeur_2"]);
    expect(gridProblems(grid)).toEqual([]);
  });
});
