// The agency's settings (objectives' pace thresholds and maturity weights): read by its agency users, changed by an
// agency admin, every change in the audit history with what it was before.
import { prisma } from "~/utils/db.server";
import type { Actor } from "~/utils/auth.server";
import { audit } from "~/models/audit.server";
import type { AgencySettingsInput } from "~/domain/objectives/agency-settings";

const FIELDS = { name: true, timeZone: true, paceOnTrackPct: true, paceAtRiskPct: true, weightRampingPct: true, weightConfirmedPct: true, weightSeniorPct: true, reportPdfAttached: true } as const;

/** The actor's own agency's settings (an agency user only: the guard checks the capability). */
export function getAgencySettings(actor: Actor) {
  return prisma.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: FIELDS });
}

/** Changes the actor's agency's settings; audits the change (before and after) in the same transaction. */
export function updateAgencySettings(actor: Actor, input: AgencySettingsInput) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: FIELDS });
    const after = await tx.agency.update({ where: { id: actor.agencyId }, data: input, select: FIELDS });
    const changed = (Object.keys(input) as (keyof AgencySettingsInput)[]).filter((k) => before[k] !== after[k]);
    if (changed.length) {
      await audit(tx, actor, "agency.settings_changed", {}, Object.fromEntries(changed.map((k) => [k, { from: before[k], to: after[k] }])));
    }
    return after;
  });
}
