import { prisma } from "~/utils/db.server";
import type { Actor } from "~/utils/auth.server";
import { assertCan } from "~/utils/auth.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { Prisma } from "~/generated/prisma/client";
import { campaignScope, clientScope } from "./scope.server";
import { audit } from "./audit.server";

/** Client companies the actor may see, with their campaign and user counts. */
export function listClients(actor: Actor) {
  assertCan(actor, "client:read");
  return prisma.clientCompany.findMany({
    where: clientScope(actor),
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      website: true,
      accountManager: { select: { id: true, name: true } },
      _count: { select: { campaigns: { where: campaignScope(actor) }, memberships: true } },
    },
  });
}

/** How many client companies the actor may see. */
export function countClients(actor: Actor) {
  assertCan(actor, "client:read");
  return prisma.clientCompany.count({ where: clientScope(actor) });
}

/** One client company in the actor's scope, or NOT_FOUND. */
export async function getClient(actor: Actor, clientId: string) {
  assertCan(actor, "client:read");
  const client = await prisma.clientCompany.findFirst({
    where: { AND: [clientScope(actor), { id: clientId }] },
    include: {
      accountManager: { select: { id: true, name: true } },
      campaigns: {
        // Only the campaigns the actor may open (an AM running one campaign of a client does not see the others).
        where: campaignScope(actor),
        orderBy: { createdAt: "desc" },
        select: { id: true, name: true, status: true, startDate: true, endDate: true, accountManager: { select: { name: true } } },
      },
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { id: true, role: true, deactivatedAt: true, clientCompanyId: true, user: { select: { id: true, name: true, email: true } } },
      },
    },
  });
  if (!client) throw notFound();
  return client;
}

export type ClientInput = { name: string; website?: string; accountManagerId?: string; currency: string };

async function checkAccountManager(actor: Actor, accountManagerId?: string) {
  if (!accountManagerId) return;
  const ok = await prisma.membership.count({
    where: { agencyId: actor.agencyId, userId: accountManagerId, role: { in: ["ACCOUNT_MANAGER", "AGENCY_ADMIN"] } },
  });
  if (!ok) throw new DomainError("INVALID", "common.errors.invalid", "accountManagerId");
}

/** Creates a client company in the actor's agency. An AM becomes its lead AM unless another is named. */
export async function createClient(actor: Actor, input: ClientInput) {
  assertCan(actor, "client:manage");
  const accountManagerId = input.accountManagerId ?? (actor.role === "ACCOUNT_MANAGER" ? actor.userId : undefined);
  await checkAccountManager(actor, accountManagerId);
  try {
    return await prisma.$transaction(async (tx) => {
      const client = await tx.clientCompany.create({
        data: { agencyId: actor.agencyId, name: input.name, website: input.website, currency: input.currency, accountManagerId },
      });
      await audit(tx, actor, "client.created", { clientCompanyId: client.id }, { name: client.name });
      return client;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new DomainError("CONFLICT", "common.errors.duplicate", "name");
    throw e;
  }
}

export async function updateClient(actor: Actor, clientId: string, input: ClientInput) {
  assertCan(actor, "client:manage");
  await getClient(actor, clientId);
  await checkAccountManager(actor, input.accountManagerId);
  try {
    return await prisma.$transaction(async (tx) => {
      const client = await tx.clientCompany.update({
        where: { id: clientId },
        data: { name: input.name, website: input.website ?? null, currency: input.currency, accountManagerId: input.accountManagerId ?? null },
      });
      await audit(tx, actor, "client.updated", { clientCompanyId: client.id }, { name: client.name });
      return client;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new DomainError("CONFLICT", "common.errors.duplicate", "name");
    throw e;
  }
}

/** Agency people who can lead a client or run a campaign. */
export function listAccountManagers(actor: Actor) {
  return prisma.user.findMany({
    where: { memberships: { some: { agencyId: actor.agencyId, role: { in: ["ACCOUNT_MANAGER", "AGENCY_ADMIN"] }, deactivatedAt: null } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** The agency's SDRs. */
export function listSdrs(actor: Actor) {
  return prisma.user.findMany({
    where: { memberships: { some: { agencyId: actor.agencyId, role: "SDR", deactivatedAt: null } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
