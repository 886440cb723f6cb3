// The campaign's calibration page: the mapping between the client's meeting ratings and the agency's grid criteria
// (set once per campaign), and the distance per mapped criterion for the team, over time and, agency side only,
// per SDR. Computed by campaignCalibration (qualitative.server.ts): only meetings rated on both sides count.
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { isClientRole } from "~/domain/shared/permissions";
import type { Grid } from "~/domain/qualitative/grid";
import type { CalibrationCell } from "~/domain/qualitative/calibration";
import { campaignCalibration } from "./qualitative.server";
import { campaignScope } from "../scope.server";
import { CLIENT_CRITERIA, type ClientCriterion } from "~/domain/qualitative/client-criteria";


export type AgencyOption = { value: string; objectiveTitle: string; label: string };
type Cell = { distance: number | null; bias: number | null; meetings: number };

async function gridOptions(campaignId: string): Promise<AgencyOption[]> {
  const objectives = await prisma.objective.findMany({
    where: { campaignId, kind: "QUALITATIVE", archivedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, gridVersions: { orderBy: { version: "desc" }, take: 1, select: { grid: true } } },
  });
  return objectives.flatMap((o) =>
    ((o.gridVersions[0]?.grid as unknown as Grid | undefined)?.criteria ?? []).map((c) => ({ value: `${o.id}:${c.key}`, objectiveTitle: o.title ?? "", label: c.label })),
  );
}

/**
 * Everything the calibration page shows. `bySdr` is only ever filled for the agency's managers (admin, AM): a client
 * (or an SDR) gets the team figures and the trend, nothing per person.
 */
export async function calibrationPage(actor: Actor, campaignId: string) {
  assertCan(actor, "objective:read");
  const campaign = await prisma.campaign.findFirst({ where: { id: campaignId, ...campaignScope(actor) }, select: { id: true } });
  if (!campaign) throw notFound();
  const manager = !isClientRole(actor.role) && actor.role !== "SDR";
  const [options, mappings, cal] = await Promise.all([
    gridOptions(campaignId),
    prisma.calibrationMapping.findMany({ where: { campaignId }, select: { objectiveId: true, agencyCriterion: true, clientCriterion: true } }),
    campaignCalibration(actor, campaignId),
  ]);
  const optionBy = new Map(options.map((o) => [o.value, o]));
  const rows = CLIENT_CRITERIA.flatMap((client) => {
    const m = mappings.find((x) => x.clientCriterion === client);
    if (!m) return [];
    const agency = `${m.objectiveId}:${m.agencyCriterion}`;
    const option = optionBy.get(agency);
    return [{ client, agency, agencyLabel: option?.label ?? m.agencyCriterion, objectiveTitle: option?.objectiveTitle ?? "" }];
  });
  const cellOf = (cells: CalibrationCell[] | undefined, agency: string, client: string): Cell => {
    const c = cells?.find((x) => x.agency === agency && x.client === client);
    return { distance: c?.distance ?? null, bias: c?.bias ?? null, meetings: c?.meetings ?? 0 };
  };
  const team = rows.map((r) => ({ ...r, ...cellOf(cal.team, r.agency, r.client) }));
  const months = Object.keys(cal.byMonth).sort().map((month) => ({ month, cells: rows.map((r) => cellOf(cal.byMonth[month], r.agency, r.client)) }));
  let bySdr: { sdrId: string; name: string; cells: Cell[] }[] | null = null;
  if (manager && cal.bySdr) {
    const ids = Object.keys(cal.bySdr);
    const names = new Map((ids.length ? await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : []).map((u) => [u.id, u.name]));
    bySdr = ids
      .map((sdrId) => ({ sdrId, name: names.get(sdrId) ?? "", cells: rows.map((r) => cellOf(cal.bySdr![sdrId], r.agency, r.client)) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
  return {
    manager,
    options: manager ? options : [],
    mapping: Object.fromEntries(rows.map((r) => [r.client, r.agency])) as Partial<Record<ClientCriterion, string>>,
    team,
    months,
    bySdr,
  };
}

/**
 * Sets the campaign's mapping: for each client rating, one agency criterion of one of the campaign's grids, or none.
 * An agency criterion reads against one rating only. Replaces the previous mapping.
 */
export async function setCampaignMapping(actor: Actor, campaignId: string, choice: Partial<Record<ClientCriterion, string>>) {
  assertCan(actor, "objective:manage");
  const campaign = await prisma.campaign.findFirst({ where: { id: campaignId, ...campaignScope(actor) }, select: { id: true } });
  if (!campaign) throw notFound();
  const options = new Set((await gridOptions(campaignId)).map((o) => o.value));
  const seen = new Set<string>();
  const rows: { campaignId: string; objectiveId: string; agencyCriterion: string; clientCriterion: string }[] = [];
  for (const client of CLIENT_CRITERIA) {
    const value = choice[client];
    if (!value) continue;
    if (!options.has(value)) throw new DomainError("INVALID", "qual.calibration.errors.mapping", client);
    if (seen.has(value)) throw new DomainError("INVALID", "qual.calibration.errors.duplicate", client);
    seen.add(value);
    const at = value.indexOf(":");
    rows.push({ campaignId, objectiveId: value.slice(0, at), agencyCriterion: value.slice(at + 1), clientCriterion: client });
  }
  await prisma.$transaction(async (tx) => {
    await tx.calibrationMapping.deleteMany({ where: { campaignId } });
    if (rows.length) await tx.calibrationMapping.createMany({ data: rows });
  });
}
