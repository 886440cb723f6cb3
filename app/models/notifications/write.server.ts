// Writes one event's notifications inside the change's transaction: once per recipient (computed from who may see
// the campaign, app/domain/notifications), in the recipient's language, on the channel of their choice or their
// role's default. Returns who chose an email at once, so the caller writes those outbox rows and no others.
import type { Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { unsubscribeToken, type UnsubscribeScope } from "~/utils/unsubscribe.server";
import { sendEmail } from "~/services/email.server";
import type { EmailTemplates, TemplateName } from "../../../emails";
import { isLocale, type Locale } from "~/i18n";
import { channelFor, recipientsFor, type Channel, type NotificationKind, type Preferences } from "~/domain/notifications/kinds";
import type { Role } from "~/domain/shared/permissions";
import { textsInEveryLanguage } from "~/domain/notifications/texts";

export interface NotificationEvent {
  agencyId: string;
  /** The campaign it is about: its audience is who may see the campaign. */
  campaignId?: string | null;
  /** Without a campaign (an invoice): the agency's admins and the client company's users. */
  clientCompanyId?: string | null;
  /** Narrows the audience to these users (the version's proposer and AM, say). */
  onlyUserIds?: readonly string[];
  kind: NotificationKind;
  href: string;
  meetingId?: string | null;
  /** The user who made the change: not notified of it. */
  actorUserId?: string | null;
  /** About an internal note or an SDR's assessment: no client user receives it. */
  internal?: boolean;
  text: (locale: Locale) => { title: string; body?: string };
}

/**
 * Users who may see the campaign, with their role there: the agency's admins, its AM (campaign's or client's), its
 * SDRs, the client's users; with `kind`, each one's own choice of channel for it (null: their role's default). One
 * statement (issue 15's speed: every logged meeting notifies).
 */
export async function campaignAudience(tx: Tx, agencyId: string, campaignId: string, kind?: NotificationKind) {
  const rows = await tx.$queryRaw<{ userId: string; role: string; locale: string | null; chosen: string | null }[]>`
    SELECT m."userId", m."role"::text AS "role", u."locale"::text AS "locale", p."channel"::text AS "chosen"
      FROM "Campaign" c
      JOIN "ClientCompany" cc ON cc."id" = c."clientCompanyId"
      JOIN "Membership" m ON m."agencyId" = c."agencyId"
      JOIN "User" u ON u."id" = m."userId"
      LEFT JOIN "NotificationPreference" p ON p."userId" = m."userId" AND p."kind"::text = ${kind ?? null}::text
     WHERE c."id" = ${campaignId} AND c."agencyId" = ${agencyId}
       AND ((m."role" = 'AGENCY_ADMIN' AND m."clientCompanyId" IS NULL)
         OR (m."role" = 'ACCOUNT_MANAGER' AND m."clientCompanyId" IS NULL AND m."userId" IN (c."accountManagerId", cc."accountManagerId"))
         OR (m."role" = 'SDR' AND m."clientCompanyId" IS NULL AND EXISTS (SELECT 1 FROM "CampaignAssignment" a WHERE a."campaignId" = c."id" AND a."userId" = m."userId"))
         OR (m."role" IN ('CLIENT_ADMIN', 'CLIENT_MEMBER') AND m."clientCompanyId" = c."clientCompanyId"))
     ORDER BY m."createdAt" ASC, m."id" ASC`;
  return rows.map((m) => ({ userId: m.userId, role: m.role as Role, locale: m.locale, chosen: kind ? ((m.chosen as Channel | null) ?? null) : undefined }));
}

/** Users of a client company and the agency's admins: who may see an invoice. */
export async function clientAudience(tx: Tx, agencyId: string, clientCompanyId: string) {
  const memberships = await tx.membership.findMany({
    where: { agencyId, OR: [{ role: "AGENCY_ADMIN", clientCompanyId: null }, { role: { in: ["CLIENT_ADMIN", "CLIENT_MEMBER"] }, clientCompanyId }] },
    select: { userId: true, role: true, user: { select: { locale: true } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({ userId: m.userId, role: m.role as Role, locale: m.user.locale }));
}

async function audienceOf(tx: Tx, event: NotificationEvent): Promise<{ userId: string; role: Role; locale: string | null; chosen?: Channel | null }[]> {
  const all = event.campaignId
    ? await campaignAudience(tx, event.agencyId, event.campaignId, event.kind)
    : event.clientCompanyId
      ? await clientAudience(tx, event.agencyId, event.clientCompanyId)
      : [];
  return event.onlyUserIds ? all.filter((a) => event.onlyUserIds!.includes(a.userId)) : all;
}

export async function writeNotifications(tx: Tx, event: NotificationEvent) {
  const audience = await audienceOf(tx, event);
  const recipients = recipientsFor(
    event.kind,
    audience.map((a) => ({ ...a, isActor: a.userId === event.actorUserId })),
    { internal: event.internal },
  );
  if (!recipients.length) return { emailUserIds: new Set<string>(), count: 0 };
  // The campaign's audience comes with each one's choice for this kind; otherwise it is read here.
  const prefs = audience.every((a) => a.chosen !== undefined)
    ? audience.filter((a) => a.chosen).map((a) => ({ userId: a.userId, channel: a.chosen! }))
    : await tx.notificationPreference.findMany({ where: { userId: { in: recipients.map((r) => r.userId) }, kind: event.kind }, select: { userId: true, channel: true } });
  const chosen = new Map(prefs.map((p) => [p.userId, p.channel as Channel]));
  const localeOf = new Map(audience.map((a) => [a.userId, a.locale]));
  // Written in every language (the reader's language of the moment is shown), the recipient's own as title and body.
  const texts = textsInEveryLanguage(event.text);
  const rows = recipients.map((r) => {
    const raw = localeOf.get(r.userId);
    const locale: Locale = isLocale(raw) ? raw : "en";
    const preferences: Preferences = chosen.has(r.userId) ? { [event.kind]: chosen.get(r.userId) } : {};
    const { title, body } = texts[locale];
    return {
      agencyId: event.agencyId,
      userId: r.userId,
      kind: event.kind,
      channel: channelFor(r.role, event.kind, preferences),
      locale,
      title,
      body,
      texts,
      href: event.href,
      campaignId: event.campaignId ?? null,
      meetingId: event.meetingId ?? null,
    };
  });
  await tx.notification.createMany({ data: rows });
  return { emailUserIds: new Set(rows.filter((r) => r.channel === "EMAIL").map((r) => r.userId)), count: rows.length };
}

function origin() {
  return env().APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

/** The links every notification email carries: the preferences, and a signed one-click unsubscribe from its kind (or from the digest). */
export function noticeLinks(userId: string, kind: UnsubscribeScope) {
  return { preferencesUrl: `${origin()}/profile#notifications`, unsubscribeUrl: `${origin()}/unsubscribe/${unsubscribeToken(userId, kind)}` };
}

/**
 * The one path of a notifying event: its notifications (every recipient's inbox) and, for the recipients whose
 * choice is an email at once, the email, with its preferences and unsubscribe links. Returns the outbox ids, which
 * the caller hands to its change's collector (`fx.emails`).
 */
export async function notify<K extends TemplateName>(
  tx: Tx,
  event: NotificationEvent,
  email?: { template: K; props: (locale: Locale) => EmailTemplates[K] },
): Promise<string[]> {
  const { emailUserIds } = await writeNotifications(tx, event);
  if (!email || !emailUserIds.size) return [];
  const users = await tx.user.findMany({ where: { id: { in: [...emailUserIds] } }, select: { id: true, email: true, locale: true }, orderBy: { createdAt: "asc" } });
  const ids: string[] = [];
  for (const u of users) {
    const locale: Locale = isLocale(u.locale) ? u.locale : "en";
    const row = await sendEmail(tx, { to: u.email, template: email.template, locale, agencyId: event.agencyId, props: email.props(locale), notice: noticeLinks(u.id, event.kind) });
    ids.push(row.id);
  }
  return ids;
}
