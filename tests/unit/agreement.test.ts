import { activationReadiness, canActOnVersion, criterionKey, defaultComparison, diffDefinition, diffPersona, nextStatus, withCriterionKeys } from "~/domain/agreement/lifecycle";
import { definitionSchema, personaSchema, readCriteria } from "~/domain/agreement/schemas";
import { parseForm, parseObject } from "~/utils/form";
import { personaInput, definitionInput } from "../factories";

describe("version lifecycle rules", () => {
  it("allows each transition to the right role only", () => {
    expect(nextStatus("DRAFT", "propose")).toBe("PROPOSED");
    expect(nextStatus("PROPOSED", "approve")).toBe("APPROVED");
    expect(nextStatus("PROPOSED", "requestChanges")).toBe("CHANGES_REQUESTED");
    for (const s of ["PROPOSED", "APPROVED", "CHANGES_REQUESTED", "SUPERSEDED"] as const) expect(nextStatus(s, "propose")).toBeNull();
    for (const s of ["DRAFT", "APPROVED", "CHANGES_REQUESTED", "SUPERSEDED"] as const) {
      expect(nextStatus(s, "approve")).toBeNull();
      expect(canActOnVersion("CLIENT_ADMIN", s, "approve")).toBe(false);
    }
    expect(canActOnVersion("CLIENT_ADMIN", "PROPOSED", "approve")).toBe(true);
    expect(canActOnVersion("CLIENT_MEMBER", "PROPOSED", "approve")).toBe(false);
    expect(canActOnVersion("ACCOUNT_MANAGER", "PROPOSED", "approve")).toBe(false);
    expect(canActOnVersion("ACCOUNT_MANAGER", "DRAFT", "propose")).toBe(true);
    expect(canActOnVersion("SDR", "DRAFT", "propose")).toBe(false);
    expect(canActOnVersion("SDR", "DRAFT", "edit")).toBe(false);
  });

  it("needs both an approved persona and an approved definition to activate", () => {
    expect(activationReadiness(0, 0)).toEqual({ persona: false, definition: false, ready: false });
    expect(activationReadiness(2, 0).ready).toBe(false);
    expect(activationReadiness(0, 1).ready).toBe(false);
    expect(activationReadiness(1, 1).ready).toBe(true);
  });
});

describe("default comparison", () => {
  const v = (number: number, status: string) => ({ id: `v${number}`, number, status });
  it("compares a new version with the one in force, else with the previous one", () => {
    const sentBack = [v(2, "PROPOSED"), v(1, "CHANGES_REQUESTED")];
    expect(defaultComparison(sentBack, sentBack[0])?.id).toBe("v1");
    const revision = [v(4, "PROPOSED"), v(3, "CHANGES_REQUESTED"), v(2, "APPROVED"), v(1, "SUPERSEDED")];
    // A revision answering a send-back is compared with the version sent back, not the one in force.
    expect(defaultComparison(revision, revision[0])?.id).toBe("v3");
    const draft = [v(5, "DRAFT"), v(4, "CHANGES_REQUESTED"), v(3, "CHANGES_REQUESTED"), v(2, "APPROVED"), v(1, "SUPERSEDED")];
    expect(defaultComparison(draft, draft[0])?.id).toBe("v4");
    // A send-back older than the version in force is history: compare with the version in force.
    const old = [v(4, "PROPOSED"), v(3, "APPROVED"), v(2, "CHANGES_REQUESTED"), v(1, "SUPERSEDED")];
    expect(defaultComparison(old, old[0])?.id).toBe("v3");
    // The version sent back itself is compared with the one in force.
    expect(defaultComparison(revision, revision[1])?.id).toBe("v2");
    expect(defaultComparison(revision, revision[2])?.id).toBe("v1");
    expect(defaultComparison(revision, revision[3])).toBeNull();
  });
});

describe("diff", () => {
  it("compares personas field by field", () => {
    const before = { ...personaInput() };
    const after = { ...before, geographies: [...before.geographies, "Belgium"], pitch: "New pitch" };
    const diff = diffPersona(before, after);
    expect(diff.filter((d) => d.changed).map((d) => d.field)).toEqual(["geographies", "pitch"]);
    expect(diffPersona(null, after).every((d) => d.changed)).toBe(true);
  });

  it("matches criteria by key: added, removed, changed, unchanged", () => {
    const before = definitionInput();
    const after = {
      ...before,
      disputeWindowDays: 10,
      criteria: [
        { ...before.criteria[0] },
        { ...before.criteria[1], required: false, label: "Company size checked" },
        { key: "budget", label: "Budget identified", helpText: "", required: false },
      ],
    };
    const d = diffDefinition(before, after);
    expect(d.rules.filter((r) => r.changed).map((r) => r.field)).toEqual(["disputeWindowDays"]);
    expect(d.criteria.map((c) => [c.key, c.change, c.fields])).toEqual([
      ["decision_maker", "same", []],
      ["company_size", "changed", ["label", "required"]],
      ["budget", "added", []],
      ["need", "removed", []],
      ["timeline", "removed", []],
    ]);
  });

  it("makes stable unique keys from labels", () => {
    expect(criterionKey("Décideur ou influenceur direct !")).toBe("decideur_ou_influenceur_direct");
    expect(withCriterionKeys([{ key: "", label: "Need" }, { key: "", label: "need" }, { key: "custom", label: "x" }]).map((c) => c.key)).toEqual(["need", "need_2", "custom"]);
  });
});

function form(entries: [string, string][]) {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("persona form", () => {
  it("reads lists one per line and checks the size range", () => {
    const ok = parseForm(personaSchema, form([["name", "CFOs"], ["jobTitles", "CFO\n\n  Finance Director \nCFO"], ["companySizeMin", "50"], ["companySizeMax", "500"]]), ["seniorities"]);
    expect(ok.ok && ok.data.jobTitles).toEqual(["CFO", "Finance Director"]);
    const bad = parseForm(personaSchema, form([["name", "CFOs"], ["jobTitles", "CFO"], ["companySizeMin", "500"], ["companySizeMax", "50"]]), ["seniorities"]);
    expect(!bad.ok && bad.errors.companySizeMax).toEqual(["agreement.errors.sizeRange"]);
    expect(!bad.ok && bad.values.companySizeMin).toBe("500");
  });

  it("refuses unknown enums, over-long text, a missing name and non-numbers", () => {
    const bad = parseForm(
      personaSchema,
      form([["name", ""], ["seniorities", "GOD"], ["pitch", "x".repeat(4001)], ["companySizeMin", "abc"], ["jobTitles", "y".repeat(121)]]),
      ["seniorities"],
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.name).toEqual(["common.errors.required"]);
    expect(bad.errors["seniorities.0"]).toEqual(["common.errors.invalid"]);
    expect(bad.errors.pitch).toEqual(["common.errors.tooLong|max=4000"]);
    expect(bad.errors.companySizeMin).toEqual(["agreement.errors.number"]);
    expect(bad.errors["jobTitles.0"]).toEqual(["agreement.errors.lineTooLong|max=120"]);
  });
});

describe("definition form", () => {
  it("needs at least one criterion and one channel, and bounds the numbers", () => {
    const f = form([["disputeWindowDays", "0"], ["noShowPolicy", "NOT_BILLED"], ["minDurationMinutes", "30"], ["minLeadTimeHours", "abc"], ["criteria.0.label", ""], ["criteria.0.helpText", ""]]);
    const input = { ...Object.fromEntries(f.entries()), allowedChannels: f.getAll("allowedChannels"), criteria: readCriteria(f) };
    const r = parseObject(definitionSchema, input, f);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.criteria).toEqual(["agreement.errors.noCriteria"]);
    expect(r.errors.allowedChannels).toEqual(["agreement.errors.channels"]);
    expect(r.errors.disputeWindowDays).toEqual(["agreement.errors.min|min=1"]);
    expect(r.errors.minLeadTimeHours).toEqual(["agreement.errors.number"]);
  });

  it("reads criteria rows in order, with their required flag, and names a row's missing label", () => {
    const f = form([
      ["criteria.1.label", "Need"],
      ["criteria.0.label", "Decision maker"],
      ["criteria.0.required", "on"],
      ["criteria.2.label", ""],
      ["criteria.2.helpText", "help without label"],
    ]);
    const rows = readCriteria(f);
    expect(rows.map((r) => [r.label, r.required])).toEqual([["Decision maker", true], ["Need", false], ["", false]]);
    const r = parseObject(definitionSchema, { ...definitionInput(), criteria: rows }, f);
    expect(!r.ok && r.errors["criteria.2.label"]).toEqual(["common.errors.required"]);
  });
});
