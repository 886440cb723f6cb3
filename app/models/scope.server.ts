// Scope inside the query: the Prisma `where` of what an actor may see. Every model function starts from these,
// so a record of another tenant is simply not found (404), and its existence is not revealed.
import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/utils/auth.server";

/** Client companies the actor may see. */
export function clientScope(actor: Actor): Prisma.ClientCompanyWhereInput {
  switch (actor.role) {
    case "AGENCY_ADMIN":
      return { agencyId: actor.agencyId };
    case "ACCOUNT_MANAGER":
      return {
        agencyId: actor.agencyId,
        OR: [{ accountManagerId: actor.userId }, { campaigns: { some: { accountManagerId: actor.userId } } }],
      };
    case "SDR":
      return { agencyId: actor.agencyId, campaigns: { some: { assignments: { some: { userId: actor.userId } } } } };
    case "CLIENT_ADMIN":
    case "CLIENT_MEMBER":
      return { agencyId: actor.agencyId, id: actor.clientCompanyId ?? "__none__" };
  }
}

/** Campaigns the actor may see. */
export function campaignScope(actor: Actor): Prisma.CampaignWhereInput {
  switch (actor.role) {
    case "AGENCY_ADMIN":
      return { agencyId: actor.agencyId };
    case "ACCOUNT_MANAGER":
      return {
        agencyId: actor.agencyId,
        OR: [{ accountManagerId: actor.userId }, { clientCompany: { accountManagerId: actor.userId } }],
      };
    case "SDR":
      return { agencyId: actor.agencyId, assignments: { some: { userId: actor.userId } } };
    case "CLIENT_ADMIN":
    case "CLIENT_MEMBER":
      return { agencyId: actor.agencyId, clientCompanyId: actor.clientCompanyId ?? "__none__" };
  }
}
