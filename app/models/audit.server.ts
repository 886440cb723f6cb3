import type { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/utils/db.server";
import type { Actor } from "~/utils/auth.server";
import type { AuditType } from "~/domain/shared/audit";

/** Writes one audit event (who did what, on what) in the caller's transaction. */
export function audit(
  tx: Tx,
  actor: Pick<Actor, "agencyId" | "userId"> | { agencyId: string; userId: null },
  type: AuditType,
  target: { clientCompanyId?: string | null; campaignId?: string | null },
  data: Prisma.InputJsonValue = {},
) {
  return tx.auditEvent.create({
    data: { agencyId: actor.agencyId, actorId: actor.userId, type, data, clientCompanyId: target.clientCompanyId ?? null, campaignId: target.campaignId ?? null },
  });
}
