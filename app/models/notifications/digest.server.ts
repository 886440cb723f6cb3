// The daily digest: for each user whose local hour has reached their digest hour, the notifications they chose to
// receive by digest and not yet digested, grouped per campaign, in one email through the outbox, at most once per
// local day. The claim is the DigestRun row (userId, day): two workers racing for one user find it taken, and the
// claim, the email and the marking of its notifications share one transaction.
// Set-based (1,000 users in well under 30 s): one query gathers every waiting notification with its user, campaign
// and agency; the emails are rendered outside any transaction; then each batch of users is claimed, marked, written
// and linked in one transaction of four statements, whatever the batch's size.
import { prisma, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { isLocale, type Locale } from "~/i18n";
import { renderOutboxRow, writeOutboxRows, type OutboxRow } from "~/services/email.server";
import { DEFAULT_TIME_ZONE } from "~/domain/shared/timezone";
import { textIn } from "~/domain/notifications/texts";
import { withChange } from "../effects.server";
import { noticeLinks } from "./write.server";

/** The most notifications one digest lists (the rest wait for the next day's). */
const MAX_ITEMS = 500;
/** Users claimed and written per transaction (a few hundred kB of outbox rows), and how long it may take under load. */
const BATCH = 50;
const BATCH_TIMEOUT_MS = 30_000;

function origin() {
  return env().APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

// One formatter per time zone (making one costs far more than using it, and a run meets the same few zones).
const formatters = new Map<string, Intl.DateTimeFormat>();
const dayAndHour = (timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" });
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = dayAndHour(timeZone);
    } catch {
      f = dayAndHour(DEFAULT_TIME_ZONE); // a zone the runtime does not know reads as the default one
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local date (YYYY-MM-DD) and hour of an instant in a time zone. */
export function localDayAndHour(at: Date, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return { day: `${get("year")}-${get("month")}-${get("day")}`, hour: Number(get("hour")) % 24 };
}

type Item = { id: string; title: string; body: string | null; agencyId: string; agency: string; campaign: string | null };
type Waiting = { userId: string; day: string; email: string; locale: Locale; items: Item[] };

/**
 * Everyone with something waiting whose local hour has come and who got no digest that local day (two statements):
 * with their notifications, oldest first. `onlyUserId` narrows it to one user (and then ignores the hour).
 */
async function gather(now: Date, onlyUserId?: { userId: string; day: string }): Promise<Waiting[]> {
  const rows = await prisma.$queryRaw<
    { userId: string; timeZone: string | null; digestHour: number; email: string; locale: string | null; id: string; title: string; body: string | null; texts: unknown; agencyId: string; agency: string; campaign: string | null }[]
  >`
    SELECT n."userId", u."timeZone", u."digestHour", u."email", u."locale"::text AS "locale",
           n."id", n."title", n."body", n."texts", n."agencyId", a."name" AS "agency", c."name" AS "campaign"
      FROM (SELECT n.*, row_number() OVER (PARTITION BY n."userId" ORDER BY n."createdAt", n."id") AS rn
              FROM "Notification" n
             WHERE n."channel" = 'DIGEST' AND n."digestedAt" IS NULL AND n."createdAt" <= ${now}
               AND (${onlyUserId?.userId ?? null}::text IS NULL OR n."userId" = ${onlyUserId?.userId ?? null}::text)) n
      JOIN "User" u ON u."id" = n."userId"
      JOIN "Agency" a ON a."id" = n."agencyId"
      LEFT JOIN "Campaign" c ON c."id" = n."campaignId"
     WHERE n.rn <= ${MAX_ITEMS}
     ORDER BY n."userId", n."createdAt", n."id"`;
  const byUser = new Map<string, Waiting>();
  for (const r of rows) {
    let w = byUser.get(r.userId);
    if (!w) {
      let day: string;
      if (onlyUserId) day = onlyUserId.day;
      else {
        const local = localDayAndHour(now, r.timeZone ?? DEFAULT_TIME_ZONE);
        if (local.hour < r.digestHour) continue;
        day = local.day;
      }
      w = { userId: r.userId, day, email: r.email, locale: isLocale(r.locale) ? r.locale : "en", items: [] };
      byUser.set(r.userId, w);
    }
    // In the language the user reads in today, whatever it was when the notification was written.
    w.items.push({ id: r.id, ...textIn(r, w.locale), agencyId: r.agencyId, agency: r.agency, campaign: r.campaign });
  }
  const due = [...byUser.values()];
  if (!due.length) return [];
  const done = await prisma.$queryRaw<{ userId: string; day: string }[]>`
    SELECT "userId", to_char("day", 'YYYY-MM-DD') AS "day" FROM "DigestRun"
     WHERE ("userId", "day") IN (SELECT * FROM unnest(${due.map((d) => d.userId)}::text[], ${due.map((d) => d.day)}::date[]))`;
  const taken = new Set(done.map((d) => `${d.userId} ${d.day}`));
  return due.filter((d) => !taken.has(`${d.userId} ${d.day}`));
}

/** One user's digest email, rendered (not written). */
function render(w: Waiting, items: Item[]): OutboxRow {
  const groups = new Map<string, { campaign: string; items: { title: string; body: string | null; url: string }[] }>();
  for (const n of items) {
    const key = n.campaign ?? "";
    const g = groups.get(key) ?? groups.set(key, { campaign: key, items: [] }).get(key)!;
    g.items.push({ title: n.title, body: n.body, url: `${origin()}/notifications/${n.id}` });
  }
  const sorted = [...groups.values()].sort((a, b) => (a.campaign === "" ? 1 : b.campaign === "" ? -1 : a.campaign.localeCompare(b.campaign, w.locale)));
  return renderOutboxRow({
    to: w.email,
    template: "notification-digest",
    locale: w.locale,
    agencyId: items[0].agencyId,
    props: { locale: w.locale, agency: items[0].agency, count: items.length, groups: sorted, inboxUrl: `${origin()}/notifications` },
    // Like every notification email: the preferences, and a one-click unsubscribe (RFC 8058) from the digest.
    notice: noticeLinks(w.userId, "DIGEST"),
  });
}

/**
 * Claims, marks and writes the digests of `batch` in one transaction; returns how many were written. A user whose
 * claim is taken (another worker) is skipped; one whose notifications another worker digested meanwhile gets only
 * what is left, or nothing and the day back.
 */
async function writeBatch(batch: { w: Waiting; row: OutboxRow }[], now: Date) {
  return withChange(async (tx, fx) => {
    const claimed = await tx.$queryRaw<{ userId: string }[]>`
      INSERT INTO "DigestRun" ("userId", "day", "createdAt")
      SELECT u, d, ${now} FROM unnest(${batch.map((b) => b.w.userId)}::text[], ${batch.map((b) => b.w.day)}::date[]) AS t(u, d)
      ON CONFLICT ("userId", "day") DO NOTHING RETURNING "userId"`;
    const mine = new Set(claimed.map((c) => c.userId));
    const ours = batch.filter((b) => mine.has(b.w.userId));
    if (!ours.length) return 0;
    const marked = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Notification" SET "digestedAt" = ${now}
       WHERE "id" = ANY(${ours.flatMap((b) => b.w.items.map((i) => i.id))}::text[]) AND "digestedAt" IS NULL RETURNING "id"`;
    const markedIds = new Set(marked.map((m) => m.id));
    const rows: OutboxRow[] = [];
    const giveBack: Waiting[] = [];
    for (const b of ours) {
      const left = b.w.items.filter((i) => markedIds.has(i.id));
      if (left.length === b.w.items.length) rows.push(b.row);
      else if (left.length) rows.push(render(b.w, left));
      else giveBack.push(b.w); // nothing to say after all: the day is not used up
    }
    if (giveBack.length) await releaseClaims(tx, giveBack);
    if (!rows.length) return 0;
    const ids = await writeOutboxRows(tx, rows); // in the order of `rows`, that is of `sent`
    const sent = ours.filter((b) => !giveBack.includes(b.w));
    await tx.$executeRaw`
      UPDATE "DigestRun" r SET "emailId" = t.e
        FROM unnest(${sent.map((b) => b.w.userId)}::text[], ${sent.map((b) => b.w.day)}::date[], ${ids}::text[]) AS t(u, d, e)
       WHERE r."userId" = t.u AND r."day" = t.d`;
    fx.emails(ids);
    return ids.length;
  }, { timeout: BATCH_TIMEOUT_MS });
}

async function releaseClaims(tx: Tx, users: Waiting[]) {
  await tx.$executeRaw`
    DELETE FROM "DigestRun" r USING unnest(${users.map((u) => u.userId)}::text[], ${users.map((u) => u.day)}::date[]) AS t(u, d)
     WHERE r."userId" = t.u AND r."day" = t.d`;
}

async function composeAndWrite(due: Waiting[], now: Date) {
  let sent = 0;
  for (let i = 0; i < due.length; i += BATCH) {
    const slice = due.slice(i, i + BATCH);
    const batch = [];
    for (const w of slice) batch.push({ w, row: render(w, w.items) });
    sent += await writeBatch(batch, now);
  }
  return sent;
}

/** The users with something waiting for their digest whose local hour has come and who got none today. */
export async function dueDigestUsers(now: Date) {
  return (await gather(now)).map((w) => ({ userId: w.userId, day: w.day }));
}

/** Writes one user's digest for `day` if nobody has (returns false when the claim was taken or there was nothing). */
export async function sendDigest(userId: string, day: string, now: Date) {
  const due = await gather(now, { userId, day });
  return (await composeAndWrite(due, now)) > 0;
}

/** The scheduled run: every due user's digest (one per user and local day, whatever the number of workers). */
export async function runDigests(now = new Date()) {
  const due = await gather(now);
  if (!due.length) return { due: 0, sent: 0 };
  return { due: due.length, sent: await composeAndWrite(due, now) };
}
