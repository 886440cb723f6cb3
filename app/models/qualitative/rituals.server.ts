// Rituals that happen: when each qualitative objective's next ritual is due (from its cadence and the last ritual
// held), the due and overdue ones as action items on the AM's and the SDR's homes, the reminder job, and the
// "not animated" flag (two rituals skipped in a row). docs/decisions/0034-rituals.md.
import { prisma } from "~/utils/db.server";
import type { Actor } from "~/utils/auth.server";
import { settingsOf } from "../objectives/objectives.server";
import { isClientRole } from "~/domain/shared/permissions";
import { ritualStatus, type Cadence, type RitualStatus } from "~/domain/qualitative/rituals";
import { toDay, todayIn, type Day } from "~/domain/objectives/dates";
import { formatDay } from "~/domain/objectives/format";
import { makeT } from "~/i18n";
import { sendEmailToEach } from "~/services/email.server";
import { withChange } from "../effects.server";
import { campaignScope } from "../scope.server";

const CADENCE: Record<string, Cadence> = { WEEKLY: "weekly", BIWEEKLY: "biweekly", MONTHLY: "monthly" };

type Animated = { id: string; startsOn: Date; cadence: string | null };

/**
 * The ritual status of each objective: one grouped query for the last ritual held (an assessment recorded by a
 * manager or a peer; a self-assessment is not the ritual).
 */
export async function ritualStatuses(objectives: Animated[], today: Day): Promise<Map<string, RitualStatus>> {
  const withCadence = objectives.filter((o) => o.cadence && CADENCE[o.cadence]);
  if (!withCadence.length) return new Map();
  const held = await prisma.qualAssessment.groupBy({
    by: ["objectiveId"],
    where: { objectiveId: { in: withCadence.map((o) => o.id) }, kind: { not: "SELF" }, day: { lte: new Date(`${today}T00:00:00Z`) } },
    _max: { day: true },
  });
  const last = new Map(held.map((h) => [h.objectiveId, h._max.day ? toDay(h._max.day) : null]));
  return new Map(
    withCadence.map((o) => {
      const l = last.get(o.id);
      return [o.id, ritualStatus({ start: toDay(o.startsOn), cadence: CADENCE[o.cadence!]!, held: l ? [l] : [], today })];
    }),
  );
}

// The agency's settings as the other blocks of the page read them (one statement per request: settingsOf).
async function agencyToday(actor: Actor, now: Date): Promise<Day> {
  return todayIn((await settingsOf(actor)).timeZone, now);
}

/**
 * Whether each qualitative objective of a campaign is animated (for wherever objectives are listed): its next due
 * date, its state and the "not animated" flag. Agency side only; a client gets an empty map.
 */
export async function campaignAnimation(actor: Actor, campaignId: string, now = new Date()): Promise<Record<string, RitualStatus>> {
  if (isClientRole(actor.role)) return {};
  const objectives = await prisma.objective.findMany({
    where: { campaignId, kind: "QUALITATIVE", archivedAt: null, agencyId: actor.agencyId, campaign: campaignScope(actor) },
    select: { id: true, startsOn: true, cadence: true },
  });
  return Object.fromEntries(await ritualStatuses(objectives, await agencyToday(actor, now)));
}

export type RitualItem = {
  objectiveId: string;
  campaignId: string;
  campaignName: string;
  title: string;
  ritual: string;
  sdrName: string | null;
  due: Day;
  state: "due" | "overdue";
  notAnimated: boolean;
};

/**
 * The due and overdue rituals of the actor's active campaigns, overdue first: an AM's (and the admin's) for the
 * campaigns they follow, an SDR's for the team objectives of their campaigns and their own. Clients: none.
 */
export async function ritualsDue(actor: Actor, now = new Date(), take = 10): Promise<{ items: RitualItem[]; total: number } | null> {
  if (isClientRole(actor.role)) return null;
  const objectives = await prisma.objective.findMany({
    where: {
      agencyId: actor.agencyId, kind: "QUALITATIVE", archivedAt: null, cadence: { not: null },
      campaign: { AND: [campaignScope(actor), { status: "ACTIVE" }] },
      ...(actor.role === "SDR" ? { OR: [{ sdrId: null }, { sdrId: actor.userId }] } : {}),
    },
    select: { id: true, startsOn: true, cadence: true, ritual: true, title: true, campaignId: true, campaign: { select: { name: true } }, sdr: { select: { name: true } } },
    take: 2000,
  });
  const statuses = await ritualStatuses(objectives, await agencyToday(actor, now));
  const items: RitualItem[] = [];
  for (const o of objectives) {
    const s = statuses.get(o.id);
    if (!s || s.state === "upcoming" || !o.ritual) continue;
    items.push({
      objectiveId: o.id, campaignId: o.campaignId, campaignName: o.campaign.name, title: o.title ?? "", ritual: o.ritual, sdrName: o.sdr?.name ?? null,
      due: s.due, state: s.state, notAnimated: s.notAnimated,
    });
  }
  items.sort((a, b) => (a.state === b.state ? a.due.localeCompare(b.due) : a.state === "overdue" ? -1 : 1));
  return { items: items.slice(0, take), total: items.length };
}

/**
 * The reminder job: for every due or overdue ritual of an active campaign, one email to the ritual's owner (else the
 * campaign's AM) and, for an SDR's objective, to that SDR, once per due date. The claim (RitualReminder's primary key)
 * and the outbox rows are written in one transaction, so two workers never both send and a crash loses nothing.
 */
export async function sendRitualReminders(now = new Date()) {
  const objectives = await prisma.objective.findMany({
    where: { kind: "QUALITATIVE", archivedAt: null, cadence: { not: null }, ritual: { not: null }, campaign: { status: "ACTIVE" } },
    select: {
      id: true, agencyId: true, startsOn: true, cadence: true, ritual: true, title: true, campaignId: true, ritualOwnerId: true,
      sdr: { select: { name: true, email: true, locale: true } },
      campaign: { select: { name: true, agency: { select: { name: true, timeZone: true } }, accountManager: { select: { id: true, email: true, locale: true } } } },
    },
  });
  const owners = new Map(
    (await prisma.user.findMany({ where: { id: { in: [...new Set(objectives.map((o) => o.ritualOwnerId).filter((x): x is string => Boolean(x)))] } }, select: { id: true, email: true, locale: true } })).map((u) => [u.id, u]),
  );
  const byZone = new Map<string, typeof objectives>();
  for (const o of objectives) (byZone.get(o.campaign.agency.timeZone) ?? byZone.set(o.campaign.agency.timeZone, []).get(o.campaign.agency.timeZone)!).push(o);
  const origin = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  let sent = 0;
  for (const [zone, list] of byZone) {
    const today = todayIn(zone, now);
    const statuses = await ritualStatuses(list, today);
    for (const o of list) {
      const s = statuses.get(o.id);
      if (!s || s.state === "upcoming") continue;
      const owner = (o.ritualOwnerId ? owners.get(o.ritualOwnerId) : undefined) ?? o.campaign.accountManager;
      const recipients: { email: string; locale: string | null }[] = [];
      for (const r of [owner, o.sdr]) if (r && !recipients.some((x) => x.email === r.email)) recipients.push({ email: r.email, locale: r.locale });
      const claimed = await withChange(async (tx, fx) => {
        const rows = await tx.$queryRaw<{ objectiveId: string }[]>`
          INSERT INTO "RitualReminder" ("objectiveId", "dueOn", "sentAt") VALUES (${o.id}, ${s.due}::date, ${now})
          ON CONFLICT ("objectiveId", "dueOn") DO NOTHING RETURNING "objectiveId"`;
        if (!rows.length) return false;
        fx.emails(
          await sendEmailToEach(tx, recipients, {
            template: "ritual-due",
            agencyId: o.agencyId,
            props: (locale) => {
              const t = makeT(locale);
              return {
                locale, agency: o.campaign.agency.name, campaign: o.campaign.name, objective: o.title ?? "", ritual: t(`qual.ritual.${o.ritual!}`),
                scope: o.sdr?.name ?? t("qual.rituals.team"), date: formatDay(locale, s.due, { dateStyle: "long" }), overdue: s.state === "overdue",
                url: `${origin}/campaigns/${o.campaignId}/objectives/${o.id}`,
              };
            },
          }),
        );
        return true;
      });
      if (claimed) sent += 1;
    }
  }
  return { sent };
}
