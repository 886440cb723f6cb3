// The daily digest: for each user whose local hour has reached their digest hour, the notifications they chose to
// receive by digest and not yet digested, grouped per campaign, in one email through the outbox, at most once per
// local day. The claim is the DigestRun row (userId, day): two workers racing for one user find it taken, and the
// claim, the email and the marking of its notifications share one transaction.
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { isLocale, type Locale } from "~/i18n";
import { sendEmail } from "~/services/email.server";
import { DEFAULT_TIME_ZONE } from "~/domain/shared/timezone";
import { withChange } from "../effects.server";

function origin() {
  return env().APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

/** The local date (YYYY-MM-DD) and hour of an instant in a time zone. */
export function localDayAndHour(at: Date, timeZone: string) {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" }).formatToParts(at);
  } catch {
    parts = new Intl.DateTimeFormat("en-CA", { timeZone: DEFAULT_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" }).formatToParts(at);
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return { day: `${get("year")}-${get("month")}-${get("day")}`, hour: Number(get("hour")) % 24 };
}

/** The users with something waiting for their digest whose local hour has come and who got none today. */
export async function dueDigestUsers(now: Date) {
  const waiting = await prisma.$queryRaw<{ id: string; timeZone: string | null; digestHour: number }[]>`
    SELECT u."id", u."timeZone", u."digestHour" FROM "User" u
     WHERE EXISTS (SELECT 1 FROM "Notification" n
                    WHERE n."userId" = u."id" AND n."channel" = 'DIGEST' AND n."digestedAt" IS NULL AND n."createdAt" <= ${now})`;
  const due: { userId: string; day: string }[] = [];
  for (const u of waiting) {
    const { day, hour } = localDayAndHour(now, u.timeZone ?? DEFAULT_TIME_ZONE);
    if (hour >= u.digestHour) due.push({ userId: u.id, day });
  }
  if (!due.length) return [];
  const done = await prisma.digestRun.findMany({
    where: { OR: due.map((d) => ({ userId: d.userId, day: new Date(`${d.day}T00:00:00Z`) })) },
    select: { userId: true },
  });
  const doneIds = new Set(done.map((d) => d.userId));
  return due.filter((d) => !doneIds.has(d.userId));
}

/** Writes one user's digest for `day` if nobody has (returns false when the claim was taken or there was nothing). */
export async function sendDigest(userId: string, day: string, now: Date) {
  return withChange(async (tx, fx) => {
    const claimed = await tx.$queryRaw<{ userId: string }[]>`
      INSERT INTO "DigestRun" ("userId", "day", "createdAt") VALUES (${userId}, ${day}::date, ${now})
      ON CONFLICT ("userId", "day") DO NOTHING RETURNING "userId"`;
    if (!claimed.length) return false;
    const items = await tx.notification.findMany({
      where: { userId, channel: "DIGEST", digestedAt: null, createdAt: { lte: now } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, title: true, body: true, agencyId: true, campaign: { select: { name: true } }, agency: { select: { name: true } } },
      take: 500,
    });
    if (!items.length) {
      // Nothing to say (another worker took them): give the day back.
      await tx.digestRun.delete({ where: { userId_day: { userId, day: new Date(`${day}T00:00:00Z`) } } });
      return false;
    }
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, locale: true } });
    const locale: Locale = isLocale(user.locale) ? user.locale : "en";
    const groups = new Map<string, { campaign: string; items: { title: string; body: string | null; url: string }[] }>();
    for (const n of items) {
      const key = n.campaign?.name ?? "";
      const g = groups.get(key) ?? groups.set(key, { campaign: key, items: [] }).get(key)!;
      g.items.push({ title: n.title, body: n.body, url: `${origin()}/notifications/${n.id}` });
    }
    const email = await sendEmail(tx, {
      to: user.email,
      template: "notification-digest",
      locale,
      agencyId: items[0].agencyId,
      props: { locale, agency: items[0].agency.name, count: items.length, groups: [...groups.values()].sort((a, b) => (a.campaign === "" ? 1 : b.campaign === "" ? -1 : a.campaign.localeCompare(b.campaign, locale))), inboxUrl: `${origin()}/notifications` },
      notice: { preferencesUrl: `${origin()}/profile#notifications` },
    });
    await tx.notification.updateMany({ where: { id: { in: items.map((n) => n.id) } }, data: { digestedAt: now } });
    await tx.digestRun.update({ where: { userId_day: { userId, day: new Date(`${day}T00:00:00Z`) } }, data: { emailId: email.id } });
    fx.emails([email.id]);
    return true;
  });
}

/** The scheduled run: every due user's digest (one per user and local day, whatever the number of workers). */
export async function runDigests(now = new Date()) {
  const due = await dueDigestUsers(now);
  let sent = 0;
  for (const d of due) if (await sendDigest(d.userId, d.day, now)) sent += 1;
  return { due: due.length, sent };
}
