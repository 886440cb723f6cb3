// SDR activity per campaign and day. An SDR records their own, on campaigns they are assigned to; an AM or admin
// records on behalf of any SDR assigned to a campaign in their scope. Every correction is an audit event.
import Papa from "papaparse";
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { ACTIVITY_FIELDS, activityRowSchema, type ActivityRow } from "~/domain/objectives/activity";
import { addDays, parseDay, toDay, todayIn, type Day } from "~/domain/objectives/dates";
import { campaignScope } from "../scope.server";
import { audit } from "../audit.server";

/** The campaign (in scope) and the SDRs the actor may record for on it. */
export async function activityContext(actor: Actor, campaignId: string) {
  assertCan(actor, "activity:record");
  const campaign = await prisma.campaign.findFirst({
    where: { id: campaignId, ...campaignScope(actor) },
    select: {
      id: true, name: true, clientCompanyId: true,
      assignments: { where: actor.role === "SDR" ? { userId: actor.userId } : {}, select: { user: { select: { id: true, name: true, email: true } } }, orderBy: { user: { name: "asc" } } },
    },
  });
  if (!campaign) throw notFound();
  return { campaign, sdrs: campaign.assignments.map((a) => a.user) };
}

async function assertSdr(actor: Actor, campaignId: string, sdrId: string) {
  const { campaign, sdrs } = await activityContext(actor, campaignId);
  if (!sdrs.some((s) => s.id === sdrId)) throw new DomainError("INVALID", "activity.errors.sdr", "sdrId");
  return campaign;
}

/** Seven days from a Monday: the stored counts (zeros where nothing was recorded). */
export async function getActivityWeek(actor: Actor, campaignId: string, sdrId: string, weekStart: Day) {
  await assertSdr(actor, campaignId, sdrId);
  const end = addDays(weekStart, 6);
  const rows = await prisma.activityDay.findMany({
    where: { campaignId, sdrId, day: { gte: parseDay(weekStart), lte: parseDay(end) } },
    select: { day: true, dials: true, conversations: true, emails: true, linkedinMessages: true },
  });
  const byDay = new Map(rows.map((r) => [toDay(r.day), r]));
  return Array.from({ length: 7 }, (_, i) => {
    const day = addDays(weekStart, i);
    const r = byDay.get(day);
    return { day, dials: r?.dials ?? 0, conversations: r?.conversations ?? 0, emails: r?.emails ?? 0, linkedinMessages: r?.linkedinMessages ?? 0 };
  });
}

/** The latest recorded changes of one SDR's activity on the campaign (the history of corrections). */
export async function activityHistory(actor: Actor, campaignId: string, sdrId: string, take = 10) {
  await assertSdr(actor, campaignId, sdrId);
  const events = await prisma.auditEvent.findMany({
    where: { agencyId: actor.agencyId, campaignId, type: "activity.recorded", data: { path: ["sdrId"], equals: sdrId } },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, createdAt: true, data: true, actor: { select: { name: true } } },
  });
  return events.map((e) => ({ id: e.id, at: e.createdAt.toISOString(), by: e.actor?.name ?? null, changes: (e.data as { changes?: Change[] }).changes ?? [] }));
}

type Counts = Omit<ActivityRow, "day">;
type Change = { day: Day; from: Counts | null; to: Counts };

/**
 * Saves days of one SDR's activity (absolute values: saving twice is harmless). Days not changed are not written;
 * the changes, with their previous values, go into one audit event.
 */
export async function recordActivityWeek(actor: Actor, campaignId: string, sdrId: string, rows: ActivityRow[]) {
  const campaign = await assertSdr(actor, campaignId, sdrId);
  const agency = await prisma.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { timeZone: true } });
  const today = todayIn(agency.timeZone);
  for (const r of rows) {
    const parsed = activityRowSchema.safeParse(r);
    if (!parsed.success) throw new DomainError("INVALID", parsed.error.issues[0].message, `${r.day}.${String(parsed.error.issues[0].path[0])}`);
    // A past day can be corrected (the correction is in the history); a future day has no activity yet.
    if (r.day > today) throw new DomainError("INVALID", "activity.errors.future", `${r.day}.dials`);
  }
  return prisma.$transaction(async (tx) => {
    const existing = await tx.activityDay.findMany({ where: { campaignId, sdrId, day: { in: rows.map((r) => parseDay(r.day)) } } });
    const byDay = new Map(existing.map((e) => [toDay(e.day), e]));
    const changes: Change[] = [];
    for (const r of rows) {
      const prev = byDay.get(r.day);
      const to: Counts = { dials: r.dials, conversations: r.conversations, emails: r.emails, linkedinMessages: r.linkedinMessages };
      const from: Counts | null = prev ? { dials: prev.dials, conversations: prev.conversations, emails: prev.emails, linkedinMessages: prev.linkedinMessages } : null;
      const same = ACTIVITY_FIELDS.every((f) => (from?.[f] ?? 0) === to[f]);
      if (same) continue;
      await tx.activityDay.upsert({
        where: { campaignId_sdrId_day: { campaignId, sdrId, day: parseDay(r.day) } },
        create: { agencyId: actor.agencyId, campaignId, sdrId, day: parseDay(r.day), ...to, updatedById: actor.userId },
        update: { ...to, updatedById: actor.userId },
      });
      changes.push({ day: r.day, from, to });
    }
    if (changes.length) await audit(tx, actor, "activity.recorded", { clientCompanyId: campaign.clientCompanyId, campaignId }, { sdrId, changes });
    return { changed: changes.length };
  });
}

export type ActivityImportError = { line: number; field?: string; message: string };
const COLUMNS: Record<string, string[]> = {
  day: ["date", "day", "jour"],
  sdr: ["sdr", "email", "sdr email", "e-mail"],
  dials: ["dials", "calls", "appels"],
  conversations: ["conversations", "connects", "conversations (connects)"],
  emails: ["emails", "e-mails", "mails"],
  linkedinMessages: ["linkedin", "linkedin messages", "messages linkedin"],
};
export const MAX_ACTIVITY_CSV_BYTES = 1_000_000;

/**
 * A small CSV of activity (date, sdr email, dials, conversations, emails, linkedin), read at once: each valid row
 * sets that SDR's day (idempotent per SDR, campaign and day); invalid rows are listed by line, nothing else lost.
 */
export async function importActivityCsv(actor: Actor, campaignId: string, text: string) {
  const { sdrs } = await activityContext(actor, campaignId);
  const tz = (await prisma.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { timeZone: true } })).timeZone;
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim().toLowerCase() });
  const headers = parsed.meta.fields ?? [];
  const col = (k: string) => headers.find((h) => COLUMNS[k].includes(h));
  if (!col("day")) return { ok: false as const, errors: [{ line: 1, field: "day", message: "activity.errors.csvColumns" }], saved: 0 };
  const bySdr = new Map<string, ActivityRow[]>();
  const errors: ActivityImportError[] = [];
  const seen = new Set<string>();
  parsed.data.forEach((raw, i) => {
    const line = i + 2;
    const email = (col("sdr") ? raw[col("sdr")!] : "")?.trim().toLowerCase();
    const sdr = email ? sdrs.find((s) => s.email.toLowerCase() === email) : actor.role === "SDR" ? sdrs[0] : undefined;
    if (!sdr) return void errors.push({ line, field: "sdr", message: "activity.errors.sdr" });
    const day = (raw[col("day")!] ?? "").trim();
    const row = activityRowSchema.safeParse({
      day, dials: raw[col("dials") ?? ""], conversations: raw[col("conversations") ?? ""], emails: raw[col("emails") ?? ""], linkedinMessages: raw[col("linkedinMessages") ?? ""],
    });
    if (!row.success) return void errors.push({ line, field: String(row.error.issues[0].path[0]), message: row.error.issues[0].message });
    if (day > todayIn(tz)) return void errors.push({ line, field: "day", message: "activity.errors.future" });
    const key = `${sdr.id}|${day}`;
    if (seen.has(key)) return void errors.push({ line, field: "day", message: "activity.errors.csvDuplicateDay" });
    seen.add(key);
    (bySdr.get(sdr.id) ?? bySdr.set(sdr.id, []).get(sdr.id)!).push(row.data);
  });
  if (parsed.data.length > 2000) return { ok: false as const, errors: [{ line: 1, message: "activity.errors.csvTooLong" }], saved: 0 };
  let saved = 0;
  for (const [sdrId, rows] of bySdr) saved += (await recordActivityWeek(actor, campaignId, sdrId, rows)).changed;
  return { ok: true as const, errors: errors.slice(0, 200), saved, rows: parsed.data.length - errors.length };
}
