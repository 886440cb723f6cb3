// The agency's own template form: one schema for the action, errors as i18n keys next to each field.
import { z } from "zod";
import { LEVELS, type Grid } from "./grid";

export const TEMPLATE_ROWS = 4;
const RITUALS = ["CALL_REVIEW", "HOT_DEBRIEF", "ONE_TO_ONE", "PEER_FEEDBACK", "TEAM_SESSION"] as const;
const CADENCES = ["WEEKLY", "BIWEEKLY", "MONTHLY"] as const;

const text = (max: number, key: string) => z.string({ error: key }).trim().min(1, { error: key }).max(max, { error: "qual.templates.errors.tooLong" });
const optional = (max: number) => z.string().trim().max(max, { error: "qual.templates.errors.tooLong" }).default("");

const criterion = z.object({
  label: optional(120),
  not_observed: optional(300),
  emerging: optional(300),
  acquired: optional(300),
  exemplary: optional(300),
});

export const templateSchema = z
  .object({
    locale: z.enum(["fr", "en"], { error: "qual.templates.errors.locale" }),
    title: text(160, "qual.templates.errors.title"),
    need: text(1000, "qual.templates.errors.need"),
    verb: text(300, "qual.templates.errors.verb"),
    behaviours: optional(2000),
    ritual: z.enum(RITUALS, { error: "qual.templates.errors.ritual" }),
    cadence: z.enum(CADENCES, { error: "qual.templates.errors.cadence" }),
    criteria: z.array(criterion).max(TEMPLATE_ROWS),
  })
  .superRefine((v, ctx) => {
    const used = v.criteria.map((c, i) => ({ c, i })).filter(({ c }) => c.label || LEVELS.some((l) => c[l]));
    if (used.length === 0) ctx.addIssue({ code: "custom", path: ["criteria", 0, "label"], message: "qual.templates.errors.noCriterion" });
    for (const { c, i } of used) {
      if (!c.label) ctx.addIssue({ code: "custom", path: ["criteria", i, "label"], message: "qual.templates.errors.label" });
      for (const l of LEVELS) if (!c[l]) ctx.addIssue({ code: "custom", path: ["criteria", i, l], message: "qual.templates.errors.level" });
    }
  });
export type TemplateForm = z.infer<typeof templateSchema>;

/** Reads the criteria rows (criteria.0.label, criteria.0.emerging...) of the form into an object. */
export function templateInput(form: FormData) {
  const value = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  return {
    locale: value("locale"), title: value("title"), need: value("need"), verb: value("verb"), behaviours: value("behaviours"),
    ritual: value("ritual"), cadence: value("cadence"),
    criteria: Array.from({ length: TEMPLATE_ROWS }, (_, i) => Object.fromEntries(["label", ...LEVELS].map((k) => [k, value(`criteria.${i}.${k}`) ?? ""]))),
  };
}

/** The grid of a valid form: filled rows only, each with a key made from its label (unique within the grid). */
export function gridOf(form: TemplateForm): Grid {
  const seen = new Set<string>();
  const criteria = form.criteria
    .filter((c) => c.label)
    .map((c) => {
      const base = slug(c.label) || "criterion";
      let key = base;
      for (let n = 2; seen.has(key); n++) key = `${base}_${n}`;
      seen.add(key);
      return { key, label: c.label, levels: { not_observed: c.not_observed, emerging: c.emerging, acquired: c.acquired, exemplary: c.exemplary } };
    });
  return { criteria };
}

export function behavioursOf(text: string): string[] {
  return text.split("\n").map((l) => l.trim()).filter(Boolean).slice(0, 20);
}

function slug(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 40);
}
