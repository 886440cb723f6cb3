// The agreement: persona versions and qualified-meeting definition versions, their lifecycle and thread.
// Every function takes the acting user; versions are found through the campaign scope, so another tenant's
// version is NOT_FOUND. Writes check the version's revision (optimistic concurrency): a stale form is refused.
import { prisma, type Tx } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import {
  activationReadiness,
  canActOnVersion,
  withCriterionKeys,
  visibleStatuses,
  type CriterionContent,
  type DefinitionContent,
  type PersonaContent,
  type VersionKind,
  type VersionStatus,
} from "~/domain/agreement/lifecycle";
import type { DefinitionInput, PersonaInput } from "~/domain/agreement/schemas";
import type { Prisma } from "~/generated/prisma/client";
import { sendEmailToEach } from "~/services/email.server";
import { enqueueEmails } from "~/services/queue.server";
import { campaignScope } from "./scope.server";
import { getCampaign } from "./campaign.server";
import { audit } from "./audit.server";

const conflict = () => new DomainError("CONFLICT", "common.errors.conflict");

function personaContent(input: PersonaInput): PersonaContent {
  return {
    name: input.name,
    jobTitles: input.jobTitles,
    seniorities: input.seniorities,
    departments: input.departments,
    industries: input.industries,
    companySizeMin: input.companySizeMin,
    companySizeMax: input.companySizeMax,
    geographies: input.geographies,
    exclusions: input.exclusions,
    pains: input.pains,
    pitch: input.pitch,
    notes: input.notes,
  };
}

const versionSummary = { id: true, number: true, status: true, name: true, updatedAt: true, proposedAt: true, decidedAt: true } as const;

/** The campaign's personas the actor may see, each with its versions (clients never see drafts). */
export async function listPersonas(actor: Actor, campaignId: string) {
  const campaign = await getCampaign(actor, campaignId);
  const personas = await prisma.persona.findMany({
    where: { campaignId: campaign.id },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      versions: { where: { status: { in: visibleStatuses(actor.role) } }, orderBy: { number: "desc" }, select: versionSummary },
    },
  });
  return personas.filter((p) => p.versions.length > 0);
}

/** One persona with all its versions the actor may see, newest first. */
export async function getPersona(actor: Actor, campaignId: string, personaId: string) {
  const persona = await prisma.persona.findFirst({
    where: { id: personaId, campaignId, campaign: campaignScope(actor) },
    select: {
      id: true,
      campaignId: true,
      versions: { where: { status: { in: visibleStatuses(actor.role) } }, orderBy: { number: "desc" } },
    },
  });
  if (!persona || persona.versions.length === 0) throw notFound();
  return persona;
}

/** Starts a persona with its first draft. */
export async function createPersona(actor: Actor, campaignId: string, input: PersonaInput) {
  assertCan(actor, "version:draft");
  const campaign = await getCampaign(actor, campaignId);
  return prisma.$transaction(async (tx) => {
    const persona = await tx.persona.create({ data: { campaignId: campaign.id } });
    const version = await tx.personaVersion.create({
      data: { personaId: persona.id, number: 1, ...personaContent(input), createdById: actor.userId },
    });
    await audit(tx, actor, "persona.drafted", { clientCompanyId: campaign.clientCompanyId, campaignId: campaign.id }, { personaId: persona.id, version: 1, name: input.name });
    return { persona, version };
  });
}

/**
 * Saves the agency's edit of a persona: a draft changes in place; any other version (proposed, approved,
 * sent back) is never touched and the edit becomes the next draft. Refused when the version changed since
 * the form was opened, or when another draft already exists.
 */
export async function savePersonaDraft(actor: Actor, campaignId: string, personaId: string, input: PersonaInput) {
  assertCan(actor, "version:draft");
  const persona = await getPersona(actor, campaignId, personaId);
  const base = persona.versions.find((v) => v.id === input.baseVersionId) ?? null;
  if (!base) throw conflict();
  const campaign = await getCampaign(actor, campaignId);
  return prisma.$transaction(async (tx) => {
    let version;
    if (base.status === "DRAFT") {
      const updated = await tx.personaVersion.updateMany({
        where: { id: base.id, status: "DRAFT", revision: input.revision },
        data: { ...personaContent(input), revision: { increment: 1 } },
      });
      if (updated.count === 0) throw conflict();
      version = await tx.personaVersion.findUniqueOrThrow({ where: { id: base.id } });
    } else {
      if (base.revision !== input.revision) throw conflict();
      const draft = await tx.personaVersion.findFirst({ where: { personaId, status: "DRAFT" }, select: { id: true } });
      if (draft) throw new DomainError("CONFLICT", "agreement.errors.draftExists");
      const last = await tx.personaVersion.aggregate({ where: { personaId }, _max: { number: true } });
      version = await tx.personaVersion.create({
        data: { personaId, number: (last._max.number ?? 0) + 1, ...personaContent(input), createdById: actor.userId },
      });
    }
    await audit(tx, actor, "persona.drafted", { clientCompanyId: campaign.clientCompanyId, campaignId: campaign.id }, { personaId, version: version.number, name: version.name });
    return version;
  });
}

const definitionVersionInclude = { criteria: { orderBy: { position: "asc" as const } } };

/** The campaign's definition with the versions the actor may see (null when none was drafted yet). */
export async function getDefinition(actor: Actor, campaignId: string) {
  const campaign = await getCampaign(actor, campaignId);
  const definition = await prisma.qualificationDefinition.findUnique({
    where: { campaignId: campaign.id },
    include: { versions: { where: { status: { in: visibleStatuses(actor.role) } }, orderBy: { number: "desc" }, include: definitionVersionInclude } },
  });
  if (!definition || definition.versions.length === 0) return null;
  return definition;
}

function definitionData(input: DefinitionInput) {
  return {
    disputeWindowDays: input.disputeWindowDays,
    noShowPolicy: input.noShowPolicy,
    minDurationMinutes: input.minDurationMinutes,
    allowedChannels: input.allowedChannels,
    minLeadTimeHours: input.minLeadTimeHours,
    notes: input.notes,
  };
}

function criteriaRows(versionId: string, criteria: CriterionContent[]) {
  return withCriterionKeys(criteria).map((c, position) => ({ versionId, key: c.key, label: c.label, helpText: c.helpText, required: c.required, position }));
}

/** Saves the agency's edit of the definition, with the same rules as a persona (draft in place, else next draft). */
export async function saveDefinitionDraft(actor: Actor, campaignId: string, input: DefinitionInput) {
  assertCan(actor, "version:draft");
  const campaign = await getCampaign(actor, campaignId);
  return prisma.$transaction(async (tx) => {
    const definition = await tx.qualificationDefinition.upsert({ where: { campaignId: campaign.id }, create: { campaignId: campaign.id }, update: {} });
    const versions = await tx.definitionVersion.findMany({ where: { definitionId: definition.id }, select: { id: true, status: true, revision: true, number: true } });
    let versionId: string;
    let number: number;
    const base = input.baseVersionId ? versions.find((v) => v.id === input.baseVersionId) : null;
    if (input.baseVersionId && !base) throw conflict();
    if (!base && versions.length > 0) throw conflict(); // the form was opened before anyone drafted: reload
    if (base && base.status === "DRAFT") {
      const updated = await tx.definitionVersion.updateMany({
        where: { id: base.id, status: "DRAFT", revision: input.revision },
        data: { ...definitionData(input), revision: { increment: 1 } },
      });
      if (updated.count === 0) throw conflict();
      await tx.definitionCriterion.deleteMany({ where: { versionId: base.id } });
      versionId = base.id;
      number = base.number;
    } else {
      if (base && base.revision !== input.revision) throw conflict();
      if (versions.some((v) => v.status === "DRAFT")) throw new DomainError("CONFLICT", "agreement.errors.draftExists");
      number = Math.max(0, ...versions.map((v) => v.number)) + 1;
      const created = await tx.definitionVersion.create({
        data: { definitionId: definition.id, number, ...definitionData(input), createdById: actor.userId },
      });
      versionId = created.id;
    }
    await tx.definitionCriterion.createMany({ data: criteriaRows(versionId, input.criteria) });
    await audit(tx, actor, "definition.drafted", { clientCompanyId: campaign.clientCompanyId, campaignId: campaign.id }, { version: number });
    return tx.definitionVersion.findUniqueOrThrow({ where: { id: versionId }, include: definitionVersionInclude });
  });
}

type LoadedVersion = {
  kind: VersionKind;
  id: string;
  number: number;
  status: VersionStatus;
  revision: number;
  name: string;
  parentId: string;
  proposedById: string | null;
  campaign: { id: string; name: string; clientCompanyId: string; accountManagerId: string | null };
};

const campaignSelect = { id: true, name: true, clientCompanyId: true, accountManagerId: true } as const;

/** A version of either kind in the actor's scope, or NOT_FOUND. */
export async function loadVersion(actor: Actor, campaignId: string, kind: VersionKind, versionId: string): Promise<LoadedVersion> {
  const statuses = { in: visibleStatuses(actor.role) };
  if (kind === "persona") {
    const v = await prisma.personaVersion.findFirst({
      where: { id: versionId, status: statuses, persona: { campaignId, campaign: campaignScope(actor) } },
      include: { persona: { select: { id: true, campaign: { select: campaignSelect } } } },
    });
    if (!v) throw notFound();
    return { kind, id: v.id, number: v.number, status: v.status, revision: v.revision, name: v.name, parentId: v.personaId, proposedById: v.proposedById, campaign: v.persona.campaign };
  }
  const v = await prisma.definitionVersion.findFirst({
    where: { id: versionId, status: statuses, definition: { campaignId, campaign: campaignScope(actor) } },
    include: { definition: { select: { id: true, campaign: { select: campaignSelect } } } },
  });
  if (!v) throw notFound();
  return { kind, id: v.id, number: v.number, status: v.status, revision: v.revision, name: "", parentId: v.definitionId, proposedById: v.proposedById, campaign: v.definition.campaign };
}

/** Moves a version from one status to another only if nobody changed it since `revision`. */
async function transition(tx: Tx, v: LoadedVersion, from: VersionStatus, revision: number, data: Record<string, unknown>) {
  const where = { id: v.id, status: from, revision };
  const update = { ...data, revision: { increment: 1 } };
  const res = v.kind === "persona" ? await tx.personaVersion.updateMany({ where, data: update }) : await tx.definitionVersion.updateMany({ where, data: update });
  if (res.count === 0) throw conflict();
}

/** Marks the parent's other versions in `status` as SUPERSEDED. */
async function supersede(tx: Tx, v: LoadedVersion, status: VersionStatus) {
  const where = { id: { not: v.id }, status };
  if (v.kind === "persona") await tx.personaVersion.updateMany({ where: { ...where, personaId: v.parentId }, data: { status: "SUPERSEDED" } });
  else await tx.definitionVersion.updateMany({ where: { ...where, definitionId: v.parentId }, data: { status: "SUPERSEDED" } });
}

/** The agency proposes a draft to the client: the client admins are emailed. A previous pending proposal is withdrawn. */
export async function proposeVersion(actor: Actor, campaignId: string, kind: VersionKind, versionId: string, revision: number, origin: string) {
  assertCan(actor, "version:draft");
  const v = await loadVersion(actor, campaignId, kind, versionId);
  if (!canActOnVersion(actor.role, v.status, "propose")) throw new DomainError("CONFLICT", "agreement.errors.notDraft");
  const recipients = await prisma.user.findMany({
    where: { memberships: { some: { agencyId: actor.agencyId, clientCompanyId: v.campaign.clientCompanyId, role: "CLIENT_ADMIN" } } },
    select: { email: true, locale: true },
  });
  const url = `${origin}/campaigns/${v.campaign.id}/${kind === "persona" ? `targeting/${v.parentId}?v=${v.id}` : `qualification?v=${v.id}`}`;
  const emailIds = await prisma.$transaction(async (tx) => {
    await supersede(tx, v, "PROPOSED");
    await transition(tx, v, "DRAFT", revision, { status: "PROPOSED", proposedById: actor.userId, proposedAt: new Date() });
    const ids = await sendEmailToEach(tx, recipients, {
      template: "version-proposed",
      agencyId: actor.agencyId,
      props: (locale) => ({ locale, kind, name: v.name, number: v.number, campaign: v.campaign.name, proposer: actor.name, agency: actor.agencyName, url }),
    });
    await audit(tx, actor, `${kind}.proposed`, { clientCompanyId: v.campaign.clientCompanyId, campaignId: v.campaign.id }, { versionId: v.id, version: v.number, name: v.name });
    return ids;
  });
  await enqueueEmails(emailIds);
}

async function decide(
  actor: Actor,
  campaignId: string,
  kind: VersionKind,
  versionId: string,
  revision: number,
  decision: "approve" | "requestChanges",
  comment: string,
  origin: string,
) {
  assertCan(actor, "version:decide");
  const v = await loadVersion(actor, campaignId, kind, versionId);
  if (!canActOnVersion(actor.role, v.status, decision)) throw new DomainError("CONFLICT", "agreement.errors.notProposed");
  const status = decision === "approve" ? "APPROVED" : "CHANGES_REQUESTED";
  const recipientIds = [...new Set([v.campaign.accountManagerId, v.proposedById].filter((x): x is string => Boolean(x)))];
  const recipients = await prisma.user.findMany({ where: { id: { in: recipientIds }, memberships: { some: { agencyId: actor.agencyId } } }, select: { email: true, locale: true } });
  const url = `${origin}/campaigns/${v.campaign.id}/${kind === "persona" ? `targeting/${v.parentId}?v=${v.id}` : `qualification?v=${v.id}`}`;
  const emailIds = await prisma.$transaction(async (tx) => {
    await transition(tx, v, "PROPOSED", revision, { status, decidedById: actor.userId, decidedAt: new Date(), decisionComment: comment || null });
    if (decision === "approve") await supersede(tx, v, "APPROVED");
    if (comment) {
      await tx.versionComment.create({
        data: { campaignId: v.campaign.id, authorId: actor.userId, body: comment, ...(kind === "persona" ? { personaVersionId: v.id } : { definitionVersionId: v.id }) },
      });
    }
    const ids = await sendEmailToEach(tx, recipients, {
      template: "version-decided",
      agencyId: actor.agencyId,
      props: (locale) => ({ locale, kind, name: v.name, number: v.number, campaign: v.campaign.name, decider: actor.name, client: actor.clientCompanyName ?? "", decision, comment, agency: actor.agencyName, url }),
    });
    await audit(tx, actor, `${kind}.${decision === "approve" ? "approved" : "changes_requested"}`, { clientCompanyId: v.campaign.clientCompanyId, campaignId: v.campaign.id }, {
      versionId: v.id,
      version: v.number,
      name: v.name,
      comment,
    } as Prisma.InputJsonValue);
    return ids;
  });
  await enqueueEmails(emailIds);
}

/** The client admin approves a proposed version; the previously approved one becomes SUPERSEDED. */
export function approveVersion(actor: Actor, campaignId: string, kind: VersionKind, versionId: string, revision: number, comment: string, origin: string) {
  return decide(actor, campaignId, kind, versionId, revision, "approve", comment, origin);
}

/** The client admin sends a proposed version back, with a required comment. */
export async function requestVersionChanges(actor: Actor, campaignId: string, kind: VersionKind, versionId: string, revision: number, comment: string, origin: string) {
  if (!comment.trim()) throw new DomainError("INVALID", "agreement.errors.commentRequired", "comment");
  return decide(actor, campaignId, kind, versionId, revision, "requestChanges", comment, origin);
}

/** Adds a message to a version's thread (every role that can see the version). */
export async function addVersionComment(actor: Actor, campaignId: string, kind: VersionKind, versionId: string, body: string) {
  assertCan(actor, "version:comment");
  const v = await loadVersion(actor, campaignId, kind, versionId);
  return prisma.versionComment.create({
    data: { campaignId: v.campaign.id, authorId: actor.userId, body, ...(kind === "persona" ? { personaVersionId: v.id } : { definitionVersionId: v.id }) },
  });
}

/** The thread of one version, oldest first. */
export async function listVersionComments(actor: Actor, campaignId: string, kind: VersionKind, versionId: string) {
  const v = await loadVersion(actor, campaignId, kind, versionId);
  return prisma.versionComment.findMany({
    where: kind === "persona" ? { personaVersionId: v.id } : { definitionVersionId: v.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, body: true, createdAt: true, author: { select: { name: true, memberships: { select: { role: true }, take: 1 } } } },
  });
}

/** Proposed versions waiting for a client decision, in the actor's scope (the client admin's action items). */
export async function pendingDecisions(actor: Actor, take = 50) {
  const scope = campaignScope(actor);
  const [personas, definitions] = await Promise.all([
    prisma.personaVersion.findMany({
      where: { status: "PROPOSED", persona: { campaign: scope } },
      orderBy: { proposedAt: "asc" },
      take,
      select: { id: true, number: true, name: true, proposedAt: true, persona: { select: { id: true, campaign: { select: { id: true, name: true } } } } },
    }),
    prisma.definitionVersion.findMany({
      where: { status: "PROPOSED", definition: { campaign: scope } },
      orderBy: { proposedAt: "asc" },
      take,
      select: { id: true, number: true, proposedAt: true, definition: { select: { campaign: { select: { id: true, name: true } } } } },
    }),
  ]);
  return [
    ...personas.map((p) => ({ kind: "persona" as const, versionId: p.id, number: p.number, name: p.name, proposedAt: p.proposedAt, campaign: p.persona.campaign, href: `/campaigns/${p.persona.campaign.id}/targeting/${p.persona.id}?v=${p.id}` })),
    ...definitions.map((d) => ({ kind: "definition" as const, versionId: d.id, number: d.number, name: "", proposedAt: d.proposedAt, campaign: d.definition.campaign, href: `/campaigns/${d.definition.campaign.id}/qualification?v=${d.id}` })),
  ];
}

/** How many versions wait for a client decision in the actor's scope. */
export async function countPendingDecisions(actor: Actor) {
  const scope = campaignScope(actor);
  const [p, d] = await Promise.all([
    prisma.personaVersion.count({ where: { status: "PROPOSED", persona: { campaign: scope } } }),
    prisma.definitionVersion.count({ where: { status: "PROPOSED", definition: { campaign: scope } } }),
  ]);
  return p + d;
}

/** What the campaign still lacks to be activated. */
export async function campaignReadiness(actor: Actor, campaignId: string) {
  const campaign = await getCampaign(actor, campaignId);
  const [personas, definitions] = await Promise.all([
    prisma.personaVersion.count({ where: { status: "APPROVED", persona: { campaignId: campaign.id } } }),
    prisma.definitionVersion.count({ where: { status: "APPROVED", definition: { campaignId: campaign.id } } }),
  ]);
  return activationReadiness(personas, definitions);
}

/** The content of a persona version as the diff compares it. */
export function personaOf(v: PersonaContent): PersonaContent {
  return {
    name: v.name,
    jobTitles: v.jobTitles,
    seniorities: v.seniorities,
    departments: v.departments,
    industries: v.industries,
    companySizeMin: v.companySizeMin,
    companySizeMax: v.companySizeMax,
    geographies: v.geographies,
    exclusions: v.exclusions,
    pains: v.pains,
    pitch: v.pitch,
    notes: v.notes,
  };
}

export function definitionOf(v: Omit<DefinitionContent, "criteria"> & { criteria: CriterionContent[] }): DefinitionContent {
  return {
    disputeWindowDays: v.disputeWindowDays,
    noShowPolicy: v.noShowPolicy,
    minDurationMinutes: v.minDurationMinutes,
    allowedChannels: v.allowedChannels,
    minLeadTimeHours: v.minLeadTimeHours,
    notes: v.notes,
    criteria: v.criteria.map((c) => ({ key: c.key, label: c.label, helpText: c.helpText, required: c.required })),
  };
}

/** Names of the agency's or client's people behind a version's decisions (ids outside the agency are ignored). */
export async function peopleNames(actor: Actor, ids: (string | null)[]) {
  const wanted = ids.filter((x): x is string => Boolean(x));
  if (!wanted.length) return {} as Record<string, string>;
  const users = await prisma.user.findMany({
    where: { id: { in: wanted }, memberships: { some: { agencyId: actor.agencyId } } },
    select: { id: true, name: true },
  });
  return Object.fromEntries(users.map((u) => [u.id, u.name])) as Record<string, string>;
}
