import type { AuditType } from "~/domain/shared/audit";
import { prisma } from "~/utils/db.server";
import type { Actor } from "~/utils/auth.server";
import { assertCan } from "~/utils/auth.server";
import { perRequest } from "~/utils/request-memo.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { Prisma, type CampaignStatus } from "~/generated/prisma/client";
import { campaignScope, clientScope } from "./scope.server";
import { audit } from "./audit.server";
import { activationReadiness } from "~/domain/agreement/lifecycle";
import { isClientRole } from "~/domain/shared/permissions";

/** Campaigns the actor may see, newest first. */
export function listCampaigns(actor: Actor, filter: { clientCompanyId?: string; status?: CampaignStatus; take?: number } = {}) {
  assertCan(actor, "campaign:read");
  return prisma.campaign.findMany({
    take: filter.take,
    where: { AND: [campaignScope(actor), filter.clientCompanyId ? { clientCompanyId: filter.clientCompanyId } : {}, filter.status ? { status: filter.status } : {}] },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      status: true,
      startDate: true,
      endDate: true,
      clientCompany: { select: { id: true, name: true } },
      accountManager: { select: { id: true, name: true } },
      _count: { select: { assignments: true } },
    },
  });
}

/** How many campaigns the actor may see, in total and per status (one grouped, indexed query). */
export async function campaignCounts(actor: Actor) {
  assertCan(actor, "campaign:read");
  const rows = await prisma.campaign.groupBy({ by: ["status"], where: campaignScope(actor), _count: { _all: true } });
  const byStatus = Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Partial<Record<CampaignStatus, number>>;
  return { total: rows.reduce((n, r) => n + r._count._all, 0), byStatus };
}

/**
 * A campaign's header in the actor's scope (campaignScope), or NOT_FOUND: what the campaign layout shows and what
 * its tabs check and pace with. Read once per request: the layout and the tab's blocks share one statement
 * (app/utils/request-memo.server.ts). For loaders only: an action reads what it writes with its own queries.
 */
export function campaignHeader(actor: Actor, campaignId: string) {
  assertCan(actor, "campaign:read");
  return perRequest(actor, `campaign:${campaignId}`, async () => {
    const campaign = await prisma.campaign.findFirst({
      where: { AND: [campaignScope(actor), { id: campaignId }] },
      select: { id: true, name: true, status: true, startDate: true, endDate: true, clientCompanyId: true, clientCompany: { select: { id: true, name: true } } },
    });
    if (!campaign) throw notFound();
    return campaign;
  });
}

/** One campaign in the actor's scope, or NOT_FOUND. */
export async function getCampaign(actor: Actor, campaignId: string) {
  assertCan(actor, "campaign:read");
  const campaign = await prisma.campaign.findFirst({
    where: { AND: [campaignScope(actor), { id: campaignId }] },
    include: {
      clientCompany: { select: { id: true, name: true } },
      accountManager: { select: { id: true, name: true, email: true } },
      assignments: { include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!campaign) throw notFound();
  return campaign;
}

export type CampaignInput = {
  clientCompanyId: string;
  name: string;
  description?: string;
  startDate?: Date;
  endDate?: Date;
  accountManagerId?: string;
};

async function checkRefs(actor: Actor, input: CampaignInput) {
  const client = await prisma.clientCompany.findFirst({ where: { AND: [clientScope(actor), { id: input.clientCompanyId }] }, select: { id: true } });
  if (!client) throw new DomainError("INVALID", "common.errors.invalid", "clientCompanyId");
  if (input.accountManagerId) {
    const am = await prisma.membership.count({
      where: { agencyId: actor.agencyId, userId: input.accountManagerId, role: { in: ["ACCOUNT_MANAGER", "AGENCY_ADMIN"] } },
    });
    if (!am) throw new DomainError("INVALID", "common.errors.invalid", "accountManagerId");
  }
  if (input.startDate && input.endDate && input.endDate < input.startDate) throw new DomainError("INVALID", "common.errors.dateOrder", "endDate");
}

function duplicateName(e: unknown) {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

/** Creates a draft campaign for a client in the actor's scope. */
export async function createCampaign(actor: Actor, input: CampaignInput) {
  assertCan(actor, "campaign:manage");
  const accountManagerId = input.accountManagerId ?? (actor.role === "ACCOUNT_MANAGER" ? actor.userId : undefined);
  await checkRefs(actor, { ...input, accountManagerId });
  try {
    return await prisma.$transaction(async (tx) => {
      const c = await tx.campaign.create({
        data: {
          agencyId: actor.agencyId,
          clientCompanyId: input.clientCompanyId,
          name: input.name,
          description: input.description,
          startDate: input.startDate,
          endDate: input.endDate,
          accountManagerId,
        },
      });
      await audit(tx, actor, "campaign.created", { clientCompanyId: c.clientCompanyId, campaignId: c.id }, { name: c.name });
      return c;
    });
  } catch (e) {
    if (duplicateName(e)) throw new DomainError("CONFLICT", "common.errors.duplicate", "name");
    throw e;
  }
}

/** Edits a campaign's details (its client never changes). */
export async function updateCampaign(actor: Actor, campaignId: string, input: Omit<CampaignInput, "clientCompanyId"> & { invitesProspect?: boolean }) {
  assertCan(actor, "campaign:manage");
  const current = await getCampaign(actor, campaignId);
  await checkRefs(actor, { ...input, clientCompanyId: current.clientCompanyId });
  try {
    return await prisma.$transaction(async (tx) => {
      const c = await tx.campaign.update({
        where: { id: current.id },
        data: {
          name: input.name,
          description: input.description ?? null,
          startDate: input.startDate ?? null,
          endDate: input.endDate ?? null,
          accountManagerId: input.accountManagerId ?? null,
          ...(input.invitesProspect === undefined ? {} : { invitesProspect: input.invitesProspect }),
        },
      });
      await audit(tx, actor, "campaign.updated", { clientCompanyId: c.clientCompanyId, campaignId: c.id }, { name: c.name });
      return c;
    });
  } catch (e) {
    if (duplicateName(e)) throw new DomainError("CONFLICT", "common.errors.duplicate", "name");
    throw e;
  }
}

/** Replaces the SDRs assigned to a campaign; each must be an SDR of the actor's agency. */
export async function setCampaignSdrs(actor: Actor, campaignId: string, sdrIds: string[]) {
  assertCan(actor, "campaign:manage");
  const campaign = await getCampaign(actor, campaignId);
  const unique = [...new Set(sdrIds)];
  const valid = await prisma.membership.count({ where: { agencyId: actor.agencyId, role: "SDR", userId: { in: unique } } });
  if (valid !== unique.length) throw new DomainError("INVALID", "common.errors.invalid", "sdrIds");
  await prisma.$transaction(async (tx) => {
    await tx.campaignAssignment.deleteMany({ where: { campaignId: campaign.id, userId: { notIn: unique } } });
    await tx.campaignAssignment.createMany({ data: unique.map((userId) => ({ campaignId: campaign.id, userId })), skipDuplicates: true });
    await audit(tx, actor, "campaign.sdrs_assigned", { clientCompanyId: campaign.clientCompanyId, campaignId: campaign.id }, { sdrIds: unique });
  });
}

/** Events the client side does not see: the agency's work in progress, and anything about one SDR (an assessment,
 * a maturity): nothing of an individual assessment reaches a client, not even that it happened. */
export const AGENCY_ONLY_EVENTS: AuditType[] = [
  "persona.drafted",
  "definition.drafted",
  "campaign.sdrs_assigned",
  "campaign.maturity_set",
  "qualitative.assessment_recorded",
  "qualitative.assessment_edited",
];

/** The campaign's recent history, newest first (clients see decisions and status, not the agency's drafts). */
export async function campaignHistory(actor: Actor, campaignId: string) {
  const campaign = await getCampaign(actor, campaignId);
  return prisma.auditEvent.findMany({
    where: { agencyId: actor.agencyId, campaignId: campaign.id, ...(isClientRole(actor.role) ? { type: { notIn: AGENCY_ONLY_EVENTS } } : {}) },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, type: true, data: true, createdAt: true, actor: { select: { name: true } } },
  });
}

/**
 * Changes a campaign's status. ACTIVE needs an approved persona version and an approved definition
 * (see activationReadiness); the refusal says what is missing.
 */
export async function setCampaignStatus(actor: Actor, campaignId: string, status: CampaignStatus) {
  assertCan(actor, "campaign:manage");
  const campaign = await getCampaign(actor, campaignId);
  if (campaign.status === status) return campaign;
  if (status === "ACTIVE") {
    const [personas, definitions] = await Promise.all([
      prisma.personaVersion.count({ where: { status: "APPROVED", persona: { campaignId: campaign.id } } }),
      prisma.definitionVersion.count({ where: { status: "APPROVED", definition: { campaignId: campaign.id } } }),
    ]);
    const readiness = activationReadiness(personas, definitions);
    if (!readiness.ready) throw new DomainError("CONFLICT", readiness.persona ? "agreement.activation.needDefinition" : "agreement.activation.needPersona");
  }
  return prisma.$transaction(async (tx) => {
    const updated = await tx.campaign.updateMany({ where: { id: campaign.id, status: campaign.status }, data: { status } });
    if (updated.count === 0) throw new DomainError("CONFLICT", "common.errors.conflict");
    await audit(tx, actor, "campaign.status_changed", { clientCompanyId: campaign.clientCompanyId, campaignId: campaign.id }, { from: campaign.status, to: status });
    return { ...campaign, status };
  });
}
