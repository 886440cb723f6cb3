// The agency's drafts of the agreement: personas and their versions, the qualified-meeting definition and its
// versions. Editing never touches a proposed or approved version: it writes the next draft (docs/decisions/0004).
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { withCriterionKeys, visibleStatuses, type CriterionContent, type PersonaContent } from "~/domain/agreement/lifecycle";
import type { DefinitionInput, PersonaInput } from "~/domain/agreement/schemas";
import { campaignScope } from "../scope.server";
import { getCampaign } from "../campaign.server";
import { audit } from "../audit.server";
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
    attendanceRuleHours: input.attendanceRuleHours,
    windowsInBusinessDays: input.windowsInBusinessDays,
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
