// The agreement between the agency and a client: versioned personas and qualified-meeting definitions.
// Pure rules, no I/O: the version lifecycle, who may act on a version, what makes a campaign activatable,
// and the field-by-field diff clients read before deciding.
import type { Role } from "~/domain/shared/permissions";
export { CHANNELS } from "~/domain/shared/constants";

export const VERSION_STATUSES = ["DRAFT", "PROPOSED", "APPROVED", "CHANGES_REQUESTED", "SUPERSEDED"] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const SENIORITIES = ["C_LEVEL", "VP", "DIRECTOR", "HEAD", "MANAGER", "INDIVIDUAL_CONTRIBUTOR"] as const;
export const NO_SHOW_POLICIES = ["NOT_BILLED_REBOOKED", "NOT_BILLED", "BILLED_AFTER_TWO"] as const;

export type VersionKind = "persona" | "definition";
export type VersionAction = "edit" | "propose" | "approve" | "requestChanges";

/**
 * Whether an action is allowed on a version in a given status, for a role.
 * - edit: the agency edits a draft in place; editing any other version starts a new draft from it.
 * - propose: the agency proposes a draft to the client.
 * - approve / requestChanges: the client admin decides on a proposed version.
 * Approved (and superseded) versions never change: every other action on them is refused.
 */
export function canActOnVersion(role: Role, status: VersionStatus, action: VersionAction): boolean {
  const agency = role === "AGENCY_ADMIN" || role === "ACCOUNT_MANAGER";
  switch (action) {
    case "edit":
      return agency;
    case "propose":
      return agency && status === "DRAFT";
    case "approve":
    case "requestChanges":
      return role === "CLIENT_ADMIN" && status === "PROPOSED";
  }
}

/** The status a version moves to, or null when the transition does not exist. */
export function nextStatus(status: VersionStatus, action: Exclude<VersionAction, "edit">): VersionStatus | null {
  if (action === "propose") return status === "DRAFT" ? "PROPOSED" : null;
  if (action === "approve") return status === "PROPOSED" ? "APPROVED" : null;
  if (action === "requestChanges") return status === "PROPOSED" ? "CHANGES_REQUESTED" : null;
  return null;
}

/** Editing a draft changes it in place; editing anything else creates the next draft from it. */
export function editCreatesNewDraft(status: VersionStatus) {
  return status !== "DRAFT";
}

/** Which versions a role may see: clients never see the agency's drafts. */
export function visibleStatuses(role: Role): VersionStatus[] {
  return role === "CLIENT_ADMIN" || role === "CLIENT_MEMBER" ? ["PROPOSED", "APPROVED", "CHANGES_REQUESTED", "SUPERSEDED"] : [...VERSION_STATUSES];
}

export type Readiness = { persona: boolean; definition: boolean; ready: boolean };

/** A campaign can be activated only with at least one approved persona version and an approved definition. */
export function activationReadiness(approvedPersonaVersions: number, approvedDefinitionVersions: number): Readiness {
  const persona = approvedPersonaVersions > 0;
  const definition = approvedDefinitionVersions > 0;
  return { persona, definition, ready: persona && definition };
}

export type PersonaContent = {
  name: string;
  jobTitles: string[];
  seniorities: string[];
  departments: string[];
  industries: string[];
  companySizeMin: number | null;
  companySizeMax: number | null;
  geographies: string[];
  exclusions: string[];
  pains: string;
  pitch: string;
  notes: string;
};

export type CriterionContent = { key: string; label: string; helpText: string; required: boolean };

export type DefinitionContent = {
  disputeWindowDays: number;
  noShowPolicy: string;
  minDurationMinutes: number;
  allowedChannels: string[];
  minLeadTimeHours: number;
  notes: string;
  /** Hours past a meeting's end before, without attendance, it is presumed held (null: never). */
  attendanceRuleHours: number | null;
  /** Windows counted in business days (Monday to Friday, the agency's time zone). */
  windowsInBusinessDays: boolean;
  criteria: CriterionContent[];
};

export type FieldDiff = { field: string; before: string | string[] | number | boolean | null; after: string | string[] | number | boolean | null; changed: boolean };

const PERSONA_FIELDS: (keyof PersonaContent)[] = [
  "name", "jobTitles", "seniorities", "departments", "industries", "companySizeMin", "companySizeMax", "geographies", "exclusions", "pains", "pitch", "notes",
];

function same(a: unknown, b: unknown) {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Field-by-field comparison of two persona versions (before may be null: nothing approved yet). */
export function diffPersona(before: PersonaContent | null, after: PersonaContent): FieldDiff[] {
  return PERSONA_FIELDS.map((field) => ({
    field,
    before: before ? before[field] : null,
    after: after[field],
    changed: !before || !same(before[field], after[field]),
  }));
}

const RULE_FIELDS = ["disputeWindowDays", "windowsInBusinessDays", "attendanceRuleHours", "noShowPolicy", "minDurationMinutes", "allowedChannels", "minLeadTimeHours", "notes"] as const;

export type CriterionDiff = {
  key: string;
  change: "added" | "removed" | "changed" | "same";
  before: CriterionContent | null;
  after: CriterionContent | null;
  fields: ("label" | "helpText" | "required")[];
};

/** Rules field by field, criteria matched by key: added, removed, changed (which parts) or the same. */
export function diffDefinition(before: DefinitionContent | null, after: DefinitionContent): { rules: FieldDiff[]; criteria: CriterionDiff[] } {
  const rules = RULE_FIELDS.map((field) => ({
    field,
    before: before ? before[field] : null,
    after: after[field],
    changed: !before || !same(before[field], after[field]),
  }));
  const beforeByKey = new Map((before?.criteria ?? []).map((c) => [c.key, c]));
  const criteria: CriterionDiff[] = [];
  for (const c of after.criteria) {
    const b = beforeByKey.get(c.key);
    if (!b) {
      criteria.push({ key: c.key, change: "added", before: null, after: c, fields: [] });
      continue;
    }
    beforeByKey.delete(c.key);
    const fields = (["label", "helpText", "required"] as const).filter((f) => b[f] !== c[f]);
    criteria.push({ key: c.key, change: fields.length ? "changed" : "same", before: b, after: c, fields: [...fields] });
  }
  for (const b of beforeByKey.values()) criteria.push({ key: b.key, change: "removed", before: b, after: null, fields: [] });
  return { rules, criteria };
}

/** A stable key from a criterion's label ("Décideur ou influenceur direct" -> "decideur_ou_influenceur_direct"). */
export function criterionKey(label: string) {
  const key = label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 60);
  return key || "criterion";
}

/** Gives every criterion a unique stable key: its own when set, else one made from its label. */
export function withCriterionKeys<C extends { key: string; label: string }>(criteria: C[]): C[] {
  const seen = new Set<string>();
  return criteria.map((c) => {
    const base = criterionKey(c.key || c.label);
    let key = base;
    for (let i = 2; seen.has(key); i++) key = `${base}_${i}`;
    seen.add(key);
    return { ...c, key };
  });
}

/**
 * The version a reader compares with by default. A revision answering a send-back (a draft or proposed version
 * with a version sent back with changes requested since the one in force) is compared with the version sent back,
 * so the client sees whether their comment was followed; otherwise the version in force when the selected one
 * would replace it; otherwise the previous version (the one it superseded). Versions are newest first.
 */
export function defaultComparison<V extends { id: string; number: number; status: string }>(versions: V[], selected: V): V | null {
  const approved = versions.find((v) => v.status === "APPROVED");
  if (selected.status === "DRAFT" || selected.status === "PROPOSED") {
    const sentBack = versions.find((v) => v.status === "CHANGES_REQUESTED" && v.number < selected.number);
    if (sentBack && (!approved || sentBack.number > approved.number)) return sentBack;
  }
  if (approved && approved.id !== selected.id && approved.number < selected.number) return approved;
  return versions.find((v) => v.number < selected.number) ?? null;
}

/** How many rows of a comparison changed (fields, or criteria added, removed or changed). */
export function changedCount(rows: ({ changed: boolean } | { change: string })[]): number {
  return rows.filter((r) => ("changed" in r ? r.changed : r.change !== "same")).length;
}
