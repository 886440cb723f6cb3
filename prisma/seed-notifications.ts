// Demo: every demo user has a few unread notifications at first sign-in (the seed's own changes already wrote some:
// versions proposed and decided, meetings booked, invoices), each on the channel of their role's default, so the bell
// and the next digest show something. Tops each user up to three unread, on a campaign they may see; then, as in an
// account in use, only each user's newest few stay unread: the older ones were read (and digested) long ago, so a
// busy client admin's bell says 5, not 39.
import { prisma } from "~/utils/db.server";
import { isLocale, translate, type Locale } from "~/i18n";
import { channelFor, mayReceive, type NotificationKind } from "~/domain/notifications/kinds";
import { textsInEveryLanguage } from "~/domain/notifications/texts";
import type { Role } from "~/domain/shared/permissions";
import { campaignAudience } from "~/models/notifications/write.server";

type Demo = { kind: NotificationKind; title: (l: Locale, c: string) => string; body: (l: Locale, c: string) => string };

const DEMOS: Demo[] = [
  { kind: "OBJECTIVE_OFF_TRACK", title: (l) => translate(l, "notifications.objectiveOffTrack.title", { metric: l === "fr" ? "Rendez-vous pris" : "Meetings booked" }), body: (l, c) => translate(l, "notifications.objectiveOffTrack.body", { campaign: c, scope: l === "fr" ? "Équipe" : "Team", actual: "6", expected: "9" }) },
  { kind: "ATTENDANCE_MISSING", title: (l) => translate(l, "notifications.attendanceMissing.title", { prospect: "Julien Moreau", company: "Groupe Vidal" }), body: (l, c) => translate(l, "notifications.attendanceMissing.body", { when: l === "fr" ? "mardi 10:00" : "Tuesday 10:00", campaign: c }) },
  { kind: "RITUAL_DUE", title: (l) => translate(l, "notifications.ritualDue.title", { name: l === "fr" ? "Revue hebdomadaire" : "Weekly review" }), body: (l, c) => translate(l, "notifications.ritualDue.body", { campaign: c, when: l === "fr" ? "vendredi 14:00" : "Friday 2:00 pm" }) },
  { kind: "DISPUTE_OPENED", title: (l) => translate(l, "notifications.disputeOpened.title", { client: "Client", prospect: "Paul Girard" }), body: (l) => translate(l, "notifications.disputeOpened.body", { by: "Anna", criteria: l === "fr" ? "Budget" : "Budget" }) },
  { kind: "DISPUTE_RESOLVED", title: (l) => translate(l, "notifications.disputeResolved.rejected.title", { prospect: "Paul Girard" }), body: (l) => translate(l, "notifications.disputeResolved.body", { by: "Claire", reasoning: l === "fr" ? "L’enregistrement montre l’autorité budgétaire." : "The recording shows budget authority." }) },
  { kind: "REPORT_SENT", title: (l) => translate(l, "notifications.reportSent.title", { name: l === "fr" ? "Bilan mensuel" : "Monthly report" }), body: (l, c) => translate(l, "notifications.reportSent.body", { campaign: c }) },
  { kind: "MEETING_TO_REVIEW", title: (l) => translate(l, "notifications.meetingToReview.title", { prospect: "Sophie Laurent" }), body: (l, c) => translate(l, "notifications.meetingToReview.body", { company: "Transports Morel", campaign: c, due: l === "fr" ? "vendredi" : "Friday" }) },
  { kind: "VERSION_PROPOSED", title: (l) => translate(l, "notifications.versionProposed.title", { number: 2, name: "Persona" }), body: (l, c) => translate(l, "notifications.versionProposed.body", { proposer: "Claire", campaign: c }) },
];

/** How many of their newest notifications each demo user has not read yet. */
export const DEMO_UNREAD = 5;

/** A demo notification's words in every language, as the app writes them (app/domain/notifications/texts.ts). */
const texts = (d: Demo, campaign: string) => textsInEveryLanguage((l) => ({ title: d.title(l, campaign), body: d.body(l, campaign) }));

export async function seedDemoNotifications(agencyId: string) {
  const campaigns = await prisma.campaign.findMany({ where: { agencyId }, select: { id: true, name: true }, orderBy: { createdAt: "asc" } });
  const done = new Set<string>();
  for (const campaign of campaigns) {
    const audience = await prisma.$transaction((tx) => campaignAudience(tx, agencyId, campaign.id));
    for (const u of audience) {
      if (done.has(u.userId)) continue;
      const unread = await prisma.notification.count({ where: { userId: u.userId, agencyId, readAt: null } });
      const locale: Locale = isLocale(u.locale) ? u.locale : "en";
      const prefs = {};
      const rows = DEMOS.filter((d) => mayReceive(u.role as Role, d.kind))
        .slice(0, Math.max(0, 3 - unread))
        .map((d, i) => ({
          agencyId, userId: u.userId, kind: d.kind, channel: channelFor(u.role as Role, d.kind, prefs), locale,
          ...texts(d, campaign.name)[locale], texts: texts(d, campaign.name), href: `/campaigns/${campaign.id}`, campaignId: campaign.id,
          createdAt: new Date(Date.now() - (i + 1) * 47 * 60_000),
        }));
      if (rows.length) await prisma.notification.createMany({ data: rows });
      if (rows.length || unread >= 3) done.add(u.userId);
    }
  }
  // The older ones were read a few hours after they came, and those of the digest went out in the next morning's.
  await prisma.$executeRaw`
    UPDATE "Notification" n
       SET "readAt" = LEAST(n."createdAt" + interval '3 hours', now()),
           "digestedAt" = CASE WHEN n."channel" = 'DIGEST' THEN COALESCE(n."digestedAt", LEAST(n."createdAt" + interval '1 day', now())) ELSE n."digestedAt" END
      FROM (SELECT "id", row_number() OVER (PARTITION BY "userId" ORDER BY "createdAt" DESC, "id" DESC) AS rn
              FROM "Notification" WHERE "agencyId" = ${agencyId} AND "readAt" IS NULL) r
     WHERE n."id" = r."id" AND r.rn > ${DEMO_UNREAD}`;
}
