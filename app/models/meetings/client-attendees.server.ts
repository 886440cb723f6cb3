// The client users who can attend a campaign's meetings: members of the client company whose membership is active
// (a deactivated member is never offered, matched by an import, nor sent an invitation).
import { prisma } from "~/utils/db.server";

export function activeClientUsers(agencyId: string, clientCompanyId: string) {
  return prisma.membership
    .findMany({
      where: { agencyId, clientCompanyId, role: { in: ["CLIENT_ADMIN", "CLIENT_MEMBER"] }, deactivatedAt: null },
      select: { user: { select: { id: true, name: true, email: true } } },
      orderBy: { createdAt: "asc" },
    })
    .then((rows) => rows.map((r) => r.user));
}
