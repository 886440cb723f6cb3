// Campaign reports (issue 14): compose a draft from the data, save it, send it (frozen, one outbox row per recipient
// in their language), read it (clients: sent reports of their company only), comment, correct. Every query is
// scoped by the actor (campaignScope); another company's report id is not found.
import { prisma, type Tx } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { settingsOf } from "../objectives/objectives.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { isClientRole } from "~/domain/shared/permissions";
import type { Prisma } from "~/generated/prisma/client";
import { parseDay, toDay, todayIn, type Day } from "~/domain/objectives/dates";
import { checkPeriod, defaultReportPeriod, overlapsRange } from "~/domain/reports/period";
import { normalizeSections } from "~/domain/reports/sections";
import { cleanText } from "~/domain/reports/text";
import { figureChanges, keyFigures, readSnapshot, type ReportSnapshot } from "~/domain/reports/snapshot";
import { changeLines, formatChange, formatRange, formatValue } from "~/domain/reports/format";
import type { ComposeForm } from "~/domain/reports/schemas";
import { isLocale, makeT, type Locale } from "~/i18n";
import { sendEmail, type EmailAttachmentInput } from "~/services/email.server";
import { renderReportPdf, reportPdfAttachment, reportPdfFileName } from "~/services/report-pdf.server";
import { campaignScope } from "../scope.server";
import { audit } from "../audit.server";
import { withChange, type ChangeEffects } from "../effects.server";
import { emitReportSent } from "../webhooks/events.server";
import { composeFor } from "./compose.server";
import { textsInEveryLanguage } from "~/domain/notifications/texts";

const invalid = (key: string, field?: string) => new DomainError("INVALID", key, field);

/** Reports the actor may see: the agency's of campaigns in scope; a client's only once sent. */
export function reportScope(actor: Actor): Prisma.ReportWhereInput {
  const base: Prisma.ReportWhereInput = { agencyId: actor.agencyId, campaign: campaignScope(actor) };
  return isClientRole(actor.role) ? { ...base, status: "SENT" } : base;
}

// The agency's settings as the other blocks of the page read them (one statement per request: settingsOf).
async function agencyToday(actor: Actor, now: Date) {
  const { timeZone } = await settingsOf(actor);
  return { timeZone, today: todayIn(timeZone, now) };
}

/** A campaign the actor may compose reports on (agency admin, or its AM), else not found / forbidden. */
export async function reportingCampaign(actor: Actor, campaignId: string) {
  assertCan(actor, "report:send");
  const c = await prisma.campaign.findFirst({
    where: { AND: [campaignScope(actor), { id: campaignId }] },
    select: { id: true, name: true, clientCompanyId: true, agencyId: true },
  });
  if (!c) throw notFound();
  return c;
}

/** The campaign's reports the actor may read, newest period first (clients: the sent ones). */
export async function listReports(actor: Actor, campaignId: string) {
  assertCan(actor, "report:read");
  const campaign = await prisma.campaign.findFirst({ where: { AND: [campaignScope(actor), { id: campaignId }] }, select: { id: true } });
  if (!campaign) throw notFound();
  const rows = await prisma.report.findMany({
    where: { AND: [reportScope(actor), { campaignId }] },
    orderBy: [{ periodEnd: "desc" }, { createdAt: "desc" }],
    take: 100,
    select: {
      id: true, status: true, periodStart: true, periodEnd: true, sentAt: true, frozenAt: true, scheduled: true, supersedesId: true,
      correction: { select: { id: true, status: true } },
      createdBy: { select: { name: true } },
      _count: { select: { recipients: true, comments: isClientRole(actor.role) ? { where: { internal: false } } : true } },
    },
  });
  return rows.map((r) => ({
    id: r.id, status: r.status, period: { start: toDay(r.periodStart), end: toDay(r.periodEnd) }, sentAt: r.sentAt?.toISOString() ?? null,
    scheduled: r.scheduled, correctsId: r.supersedesId, correctedById: r.correction?.status === "SENT" ? r.correction.id : null,
    author: r.createdBy?.name ?? null, recipients: r._count.recipients, comments: r._count.comments,
  }));
}

type Draftable = Pick<ComposeForm, "sections" | "highlightIds" | "highlightsPicked" | "commentary" | "highlights" | "nextSteps">;

function draftFields(form: Draftable) {
  return {
    sections: normalizeSections(form.sections),
    highlightIds: form.highlightsPicked ? form.highlightIds : null,
    commentary: cleanText(form.commentary),
    highlights: cleanText(form.highlights),
    nextSteps: cleanText(form.nextSteps),
  };
}

function periodOrThrow(form: Pick<ComposeForm, "periodStart" | "periodEnd">, today: Day) {
  const checked = checkPeriod(form.periodStart, form.periodEnd, today);
  if (!checked.ok) {
    const field = checked.error === "periodStart" || checked.error === "tooLong" ? "periodStart" : "periodEnd";
    throw invalid(`reports.errors.${checked.error}`, field);
  }
  return checked.period;
}

/** Starts a draft for a campaign and period, filled from the data. */
export async function createDraft(actor: Actor, campaignId: string, form: ComposeForm, now = new Date()) {
  const campaign = await reportingCampaign(actor, campaignId);
  const { today } = await agencyToday(actor, now);
  const period = periodOrThrow(form, today);
  const fields = draftFields(form);
  const { snapshot } = await composeFor(prisma, campaign.id, period, {
    sections: fields.sections, highlightIds: fields.highlightIds,
    texts: { commentary: fields.commentary, highlights: fields.highlights, nextSteps: fields.nextSteps }, now,
  });
  const highlightIds = fields.highlightIds ?? snapshot.highlights.map((h) => h.id);
  return prisma.report.create({
    data: {
      agencyId: actor.agencyId, campaignId: campaign.id, periodStart: parseDay(period.start), periodEnd: parseDay(period.end),
      sections: fields.sections, highlightIds, commentary: fields.commentary, highlights: fields.highlights, nextSteps: fields.nextSteps,
      snapshot: snapshot as unknown as Prisma.InputJsonValue, createdById: actor.userId,
    },
    select: { id: true, campaignId: true },
  });
}

async function draftInScope(actor: Actor, reportId: string) {
  assertCan(actor, "report:send");
  const r = await prisma.report.findFirst({ where: { AND: [reportScope(actor), { id: reportId }] } });
  if (!r) throw notFound();
  return r;
}

/** Saves a draft's period, sections, highlights and texts, and recomposes its figures. */
export async function saveDraft(actor: Actor, reportId: string, form: ComposeForm, now = new Date()) {
  const r = await draftInScope(actor, reportId);
  if (r.status !== "DRAFT") throw new DomainError("CONFLICT", "reports.errors.alreadySent");
  const { today } = await agencyToday(actor, now);
  const period = periodOrThrow(form, today);
  const fields = draftFields(form);
  const highlightIds = fields.highlightIds ?? r.highlightIds;
  const { snapshot: composed } = await composeFor(prisma, r.campaignId, period, {
    sections: fields.sections, highlightIds, texts: { commentary: fields.commentary, highlights: fields.highlights, nextSteps: fields.nextSteps }, now,
  });
  const snapshot = await withChanges(composed, r.supersedesId);
  await prisma.report.update({
    where: { id: r.id },
    data: {
      periodStart: parseDay(period.start), periodEnd: parseDay(period.end), sections: fields.sections, highlightIds,
      commentary: fields.commentary, highlights: fields.highlights, nextSteps: fields.nextSteps,
      correctionNote: r.supersedesId ? cleanText(form.correctionNote ?? "").slice(0, 1000) : "",
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
    },
  });
  return { id: r.id, campaignId: r.campaignId };
}

/** A draft with what its compose page needs: the highlight candidates, sent reports it overlaps. */
export async function getDraftForEdit(actor: Actor, reportId: string, now = new Date()) {
  const r = await draftInScope(actor, reportId);
  const period = { start: toDay(r.periodStart), end: toDay(r.periodEnd) };
  const { candidates } = await composeFor(prisma, r.campaignId, period, {
    sections: r.sections, highlightIds: r.highlightIds, texts: { commentary: r.commentary, highlights: r.highlights, nextSteps: r.nextSteps }, now,
  });
  // A corrected version covers its first's period on purpose: that one is not an overlap to warn about.
  const overlapping = (await overlappingSent(r.campaignId, period, r.id)).filter((o) => o.id !== r.supersedesId);
  return { report: r, period, candidates, overlapping };
}

/** Sent reports of the campaign whose period overlaps (allowed, but the compose page says so). */
export async function overlappingSent(campaignId: string, period: { start: Day; end: Day }, exceptId?: string) {
  const rows = await prisma.report.findMany({
    where: { campaignId, status: "SENT", periodStart: { lte: parseDay(period.end) }, periodEnd: { gte: parseDay(period.start) }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true, periodStart: true, periodEnd: true },
    take: 5,
  });
  return rows
    .map((r) => ({ id: r.id, period: { start: toDay(r.periodStart), end: toDay(r.periodEnd) } }))
    .filter((r) => overlapsRange(r.period, period));
}

/** One report the actor may read, with its snapshot; a client opening it is recorded (first and last open). */
export async function getReport(actor: Actor, reportId: string, now = new Date()) {
  assertCan(actor, "report:read");
  const r = await prisma.report.findFirst({
    where: { AND: [reportScope(actor), { id: reportId }] },
    include: {
      campaign: { select: { id: true, name: true, clientCompanyId: true } },
      supersedes: { select: { id: true, sentAt: true } },
      correction: { select: { id: true, status: true } },
      createdBy: { select: { name: true } },
    },
  });
  if (!r) throw notFound();
  const client = isClientRole(actor.role);
  if (client) await recordOpen(r.id, actor.userId, now);
  const [comments, recipients] = await Promise.all([
    prisma.reportComment.findMany({
      where: { reportId: r.id, ...(client ? { internal: false } : {}) },
      orderBy: { createdAt: "asc" },
      take: 500,
      select: { id: true, body: true, internal: true, createdAt: true, author: { select: { name: true } } },
    }),
    client
      ? Promise.resolve([])
      : prisma.reportRecipient.findMany({
          where: { reportId: r.id },
          orderBy: { sentAt: "asc" },
          select: { id: true, locale: true, sentAt: true, openedAt: true, lastOpenedAt: true, user: { select: { name: true, email: true } } },
        }),
  ]);
  return {
    id: r.id,
    campaign: r.campaign,
    status: r.status,
    period: { start: toDay(r.periodStart), end: toDay(r.periodEnd) },
    frozenAt: r.frozenAt?.toISOString() ?? null,
    sentAt: r.sentAt?.toISOString() ?? null,
    correctionNote: r.correctionNote,
    corrects: r.supersedes ? { id: r.supersedes.id, sentAt: r.supersedes.sentAt?.toISOString() ?? null } : null,
    correctedById: r.correction?.status === "SENT" || !client ? r.correction?.id ?? null : null,
    /** The agency only: the corrected version is still a draft (not sent to anyone yet). */
    correctionDraft: !client && r.correction?.status === "DRAFT",
    author: r.createdBy?.name ?? null,
    snapshot: readSnapshot(r.snapshot),
    comments: comments.map((c) => ({ id: c.id, body: c.body, internal: c.internal, at: c.createdAt.toISOString(), author: c.author?.name ?? null })),
    recipients: recipients.map((x) => ({ id: x.id, name: x.user.name, email: x.user.email, locale: x.locale, sentAt: x.sentAt.toISOString(), openedAt: x.openedAt?.toISOString() ?? null, lastOpenedAt: x.lastOpenedAt?.toISOString() ?? null })),
  };
}

/** A client's open: first and last in one statement (a recipient only: another reader of the company updates no row). */
async function recordOpen(reportId: string, userId: string, now: Date) {
  await prisma.$executeRaw`UPDATE "ReportRecipient" SET "openedAt" = COALESCE("openedAt", ${now}), "lastOpenedAt" = ${now} WHERE "reportId" = ${reportId} AND "userId" = ${userId}`;
}

/**
 * A report's PDF in a language (a client downloading it counts as an open). A sent report's is rendered once per
 * language from its frozen snapshot and kept (`ReportPdf`, decision 0064: the very bytes attached to that language's
 * emails when the agency attaches it); later downloads read that row. A draft's follows its last saved snapshot.
 */
export async function getReportPdf(actor: Actor, reportId: string, locale: Locale, now = new Date()) {
  assertCan(actor, "report:read");
  const r = await prisma.report.findFirst({
    where: { AND: [reportScope(actor), { id: reportId }] },
    select: {
      id: true, campaignId: true, status: true, frozenAt: true, correctionNote: true, supersedesId: true,
      pdfs: { where: { locale }, select: { filename: true, content: true } },
    },
  });
  if (!r) throw notFound();
  if (isClientRole(actor.role)) await recordOpen(r.id, actor.userId, now);
  const kept = r.status === "SENT" ? r.pdfs[0] : undefined;
  if (kept) return { campaignId: r.campaignId, filename: kept.filename, content: kept.content, kept: true };
  const row = await prisma.report.findUniqueOrThrow({ where: { id: r.id }, select: { snapshot: true } });
  const snapshot = readSnapshot(row.snapshot);
  if (!snapshot) throw notFound();
  const content = new Uint8Array(await renderReportPdf(snapshot, locale, r.frozenAt?.toISOString() ?? null, r.supersedesId ? r.correctionNote : null));
  const filename = reportPdfFileName(snapshot, locale);
  // Two first readers at once render twice and keep one: the bytes are the same function of the frozen snapshot.
  if (r.status === "SENT") await prisma.reportPdf.createMany({ data: [{ reportId: r.id, locale, filename, content, size: content.length }], skipDuplicates: true });
  return { campaignId: r.campaignId, filename, content, kept: false };
}

/** The client company's users a report may go to; the client admins are chosen by default. */
export async function recipientChoices(actor: Actor, campaignId: string, correctsId?: string | null) {
  const c = await reportingCampaign(actor, campaignId);
  const [members, first] = await Promise.all([
    prisma.membership.findMany({
      where: { agencyId: actor.agencyId, clientCompanyId: c.clientCompanyId, role: { in: ["CLIENT_ADMIN", "CLIENT_MEMBER"] } },
      select: { role: true, user: { select: { id: true, name: true, email: true, locale: true } } },
      orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    }),
    // A corrected version goes by default to whoever received the first.
    correctsId ? prisma.reportRecipient.findMany({ where: { reportId: correctsId, report: { campaignId: c.id } }, select: { userId: true } }) : Promise.resolve(null),
  ]);
  const readers = first?.length ? new Set(first.map((x) => x.userId)) : null;
  return members.map((m) => ({
    id: m.user.id, name: m.user.name, email: m.user.email, locale: (m.user.locale ?? "en") as Locale, role: m.role,
    byDefault: readers ? readers.has(m.user.id) : m.role === "CLIENT_ADMIN",
  }));
}


/** The email's props for one reader's language, from the snapshot. */
export function reportEmailProps(s: ReportSnapshot, locale: Locale, url: string, opts: { correctionNote?: string | null; test?: boolean; attachment?: string | null } = {}) {
  const t = makeT(locale);
  return {
    locale,
    campaign: s.campaign.name,
    client: s.campaign.client,
    agency: s.campaign.agency,
    period: formatRange(locale, s.period),
    figures: keyFigures(s).map((k) => ({
      label: t(`objectives.metricName.${k.key}`),
      value: formatValue(locale, k.unit, k.value, s.campaign.currency),
      change: formatChange(locale, k, s.campaign.currency),
    })),
    url,
    correctionNote: opts.correctionNote || null,
    changes: opts.correctionNote ? changeLines(locale, t, s.changes, s.campaign.currency) : [],
    test: opts.test ?? false,
    attachment: opts.attachment ?? null,
  };
}

/** The report's PDF per reader language, rendered once each, when the agency attaches it to report emails. */
export type ReportPdfs = Partial<Record<Locale, EmailAttachmentInput>>;

export async function reportPdfsFor(
  agencyId: string, snapshot: ReportSnapshot, locales: Iterable<Locale>, frozenAt: string | null, correctionNote?: string | null,
): Promise<ReportPdfs> {
  const agency = await prisma.agency.findUniqueOrThrow({ where: { id: agencyId }, select: { reportPdfAttached: true } });
  if (!agency.reportPdfAttached) return {};
  const out: ReportPdfs = {};
  for (const locale of new Set(locales)) out[locale] = await reportPdfAttachment(snapshot, locale, frozenAt, correctionNote);
  return out;
}

const readerLocale = (l: string | null | undefined): Locale => (isLocale(l) ? l : "en");

const reportPath = (campaignId: string, reportId: string) => `/campaigns/${campaignId}/reports/${reportId}`;

/**
 * Sends a draft: recomposes and freezes its figures, marks it SENT (immutable from then on, also in the database),
 * writes one outbox email per recipient in their own language and their REPORT_SENT notification. Recipients must be
 * users of the campaign's client company.
 */
export async function sendReport(
  actor: Actor, reportId: string, recipientIds: string[], origin: string, now = new Date(), opts: { correctionNote?: string } = {},
) {
  const found = await draftInScope(actor, reportId);
  if (found.status !== "DRAFT") throw new DomainError("CONFLICT", "reports.errors.alreadySent");
  // A corrected version says what changed: its note is required (the send page shows it, the edit page too).
  const correctionNote = found.supersedesId ? cleanText(opts.correctionNote ?? found.correctionNote).slice(0, 1000) : "";
  if (found.supersedesId && !correctionNote) throw invalid("reports.errors.correctionNote", "correctionNote");
  const r = { ...found, correctionNote };
  const campaign = await reportingCampaign(actor, r.campaignId);
  const choices = await recipientChoices(actor, r.campaignId);
  const wanted = [...new Set(recipientIds)];
  const recipients = choices.filter((c) => wanted.includes(c.id));
  if (!recipients.length || recipients.length !== wanted.length) throw invalid("reports.errors.recipients", "recipientIds");
  const snapshot = await composeDraft(r, now);
  // Rendered before the transaction (a PDF takes its time), from the very snapshot being frozen.
  const pdfs = await reportPdfsFor(r.agencyId, snapshot, recipients.map((x) => readerLocale(x.locale)), now.toISOString(), r.supersedesId ? correctionNote : null);
  return withChange((tx, fx) => freezeAndSend(tx, fx, { report: r, snapshot, clientCompanyId: campaign.clientCompanyId, recipients, origin, by: actor, now, pdfs }));
}

/** A draft's figures composed now (outside any transaction: the rollup reads take their time at scale). */
export async function composeDraft(r: DraftRow, now: Date) {
  const period = { start: toDay(r.periodStart), end: toDay(r.periodEnd) };
  const { snapshot } = await composeFor(prisma, r.campaignId, period, {
    sections: r.sections, highlightIds: r.highlightIds, texts: { commentary: r.commentary, highlights: r.highlights, nextSteps: r.nextSteps }, now,
  });
  return withChanges(snapshot, r.supersedesId);
}

/** A corrected version's snapshot with the key figures that differ from the first version's frozen ones. */
async function withChanges(snapshot: ReportSnapshot, supersedesId: string | null): Promise<ReportSnapshot> {
  if (!supersedesId) return snapshot;
  const first = await prisma.report.findUnique({ where: { id: supersedesId }, select: { snapshot: true } });
  const frozen = readSnapshot(first?.snapshot);
  return frozen ? { ...snapshot, changes: figureChanges(frozen, snapshot) } : snapshot;
}

type DraftRow = { id: string; agencyId: string; campaignId: string; periodStart: Date; periodEnd: Date; sections: string[]; highlightIds: string[]; commentary: string; highlights: string; nextSteps: string; supersedesId: string | null; correctionNote: string };

/**
 * Recomposes and freezes a draft's figures, marks it SENT (the conditional update is the claim: a second send finds
 * it no longer DRAFT), writes one outbox email per recipient in their language, their notification and the audit
 * event. Shared by the AM's send and the schedule's automatic send.
 */
export async function freezeAndSend(
  tx: Tx,
  fx: ChangeEffects,
  a: {
    report: DraftRow; snapshot: ReportSnapshot; clientCompanyId: string; recipients: { id: string; email: string; locale: string | null }[]; origin: string;
    by: { agencyId: string; userId: string | null }; now: Date;
    /** The PDF to attach per reader language (none: the agency does not attach it). */
    pdfs?: ReportPdfs;
  },
) {
  const r = a.report;
  const period = { start: toDay(r.periodStart), end: toDay(r.periodEnd) };
  const snapshot = a.snapshot;
  const claimed = await tx.report.updateMany({
    where: { id: r.id, status: "DRAFT" },
    data: { status: "SENT", snapshot: snapshot as unknown as Prisma.InputJsonValue, frozenAt: a.now, sentAt: a.now, correctionNote: r.correctionNote },
  });
  if (claimed.count === 0) throw new DomainError("CONFLICT", "reports.errors.alreadySent");
  // The PDFs attached are kept as the report's own (decision 0064): a download gives the very file the email carried.
  const kept = Object.entries(a.pdfs ?? {}).map(([locale, p]) => {
    const content = new Uint8Array(typeof p.content === "string" ? new TextEncoder().encode(p.content) : p.content);
    return { reportId: r.id, locale, filename: p.filename, content, size: content.length };
  });
  if (kept.length) await tx.reportPdf.createMany({ data: kept });
  const url = `${a.origin}${reportPath(r.campaignId, r.id)}`;
  for (const rc of a.recipients) {
    const locale = readerLocale(rc.locale);
    const pdf = a.pdfs?.[locale];
    const email = await sendEmail(tx, {
      to: rc.email, template: "report-sent", locale, agencyId: r.agencyId,
      props: reportEmailProps(snapshot, locale, url, { correctionNote: r.supersedesId ? r.correctionNote : null, attachment: pdf?.filename ?? null }),
      attachments: pdf ? [pdf] : undefined,
    });
    fx.emails([email.id]);
    await tx.reportRecipient.create({ data: { reportId: r.id, userId: rc.id, locale, sentAt: a.now, emailId: email.id } });
  }
  await notifyReportSent(tx, r.agencyId, r.campaignId, reportPath(r.campaignId, r.id), snapshot, a.recipients.map((x) => x.id));
  await audit(tx, a.by, "report.sent", { clientCompanyId: a.clientCompanyId, campaignId: r.campaignId }, {
    reportId: r.id, period, recipients: a.recipients.length, corrects: r.supersedesId,
  });
  // The report.sent webhook, in the same transaction: identifiers and dates only (the content is read with reports:read).
  await emitReportSent(tx, fx, {
    id: r.id, agencyId: r.agencyId, clientCompanyId: a.clientCompanyId, campaignId: r.campaignId, periodStart: r.periodStart, periodEnd: r.periodEnd, sentAt: a.now,
  });
  return { id: r.id, campaignId: r.campaignId, recipients: a.recipients.length };
}

/** In-app notifications of a sent report for its recipients (their email is the report's own, already written). */
async function notifyReportSent(tx: Tx, agencyId: string, campaignId: string, href: string, s: ReportSnapshot, recipientIds: string[]) {
  const ids = new Set(recipientIds);
  const rows = await tx.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, locale: true } });
  const texts = textsInEveryLanguage((locale) => ({ title: makeT(locale)("reports.notification.title", { campaign: s.campaign.name }), body: formatRange(locale, s.period) }));
  await tx.notification.createMany({
    data: rows.map((u) => {
      const locale: Locale = isLocale(u.locale) ? u.locale : "en";
      return { agencyId, userId: u.id, kind: "REPORT_SENT" as const, channel: "IN_APP" as const, locale, ...texts[locale], texts, href, campaignId };
    }),
  });
}

/** A test send: the draft's email, in the AM's language, to the AM alone; nothing is frozen. */
export async function testSendReport(actor: Actor, reportId: string, origin: string, now = new Date()) {
  const r = await draftInScope(actor, reportId);
  const locale: Locale = actor.locale ?? "en";
  const snapshot = await composeDraft(r, now);
  const pdf = (await reportPdfsFor(r.agencyId, snapshot, [locale], null, r.supersedesId ? r.correctionNote : null))[locale];
  return withChange(async (tx, fx) => {
    const email = await sendEmail(tx, {
      to: actor.email, template: "report-sent", locale, agencyId: actor.agencyId,
      props: reportEmailProps(snapshot, locale, `${origin}${reportPath(r.campaignId, r.id)}`, { test: true, attachment: pdf?.filename ?? null, correctionNote: r.supersedesId ? r.correctionNote : null }),
      attachments: pdf ? [pdf] : undefined,
    });
    fx.emails([email.id]);
    return { email: actor.email };
  });
}

/** Starts the corrected version of a sent report: a new draft that keeps the first and will say what changed. */
export async function startCorrection(actor: Actor, reportId: string, now = new Date()) {
  const r = await draftInScope(actor, reportId);
  if (r.status !== "SENT") throw new DomainError("CONFLICT", "reports.errors.notSent");
  const existing = await prisma.report.findFirst({ where: { supersedesId: r.id }, select: { id: true, campaignId: true } });
  if (existing) return existing;
  const period = { start: toDay(r.periodStart), end: toDay(r.periodEnd) };
  const { snapshot: composed } = await composeFor(prisma, r.campaignId, period, {
    sections: r.sections, highlightIds: r.highlightIds, texts: { commentary: r.commentary, highlights: r.highlights, nextSteps: r.nextSteps }, now,
  });
  const snapshot = await withChanges(composed, r.id);
  return prisma.report.create({
    data: {
      agencyId: r.agencyId, campaignId: r.campaignId, periodStart: r.periodStart, periodEnd: r.periodEnd, sections: r.sections,
      highlightIds: r.highlightIds, commentary: r.commentary, highlights: r.highlights, nextSteps: r.nextSteps,
      supersedesId: r.id, createdById: actor.userId, snapshot: snapshot as unknown as Prisma.InputJsonValue,
    },
    select: { id: true, campaignId: true },
  });
}

/** Adds a comment to a report's thread; only the agency writes internal notes, and clients comment on sent reports. */
export async function addReportComment(actor: Actor, reportId: string, input: { body: string; internal: boolean }) {
  assertCan(actor, "report:read");
  const r = await prisma.report.findFirst({ where: { AND: [reportScope(actor), { id: reportId }] }, select: { id: true, status: true } });
  if (!r) throw notFound();
  const internal = isClientRole(actor.role) ? false : input.internal || r.status === "DRAFT";
  return prisma.reportComment.create({ data: { reportId: r.id, authorId: actor.userId, body: cleanText(input.body).slice(0, 2000), internal }, select: { id: true } });
}

/**
 * The AM's action items for the home: drafts waiting for review, and active campaigns whose last month has no sent
 * report yet (reports due). Agency admins and AMs only; two indexed queries.
 */
export type ReportActionItems = {
  drafts: { id: string; campaign: { id: string; name: string }; period: { start: Day; end: Day }; scheduled: boolean }[];
  due: { id: string; name: string }[];
  lastMonth: { start: Day; end: Day } | null;
};

export async function reportActionItems(actor: Actor, now = new Date(), take = 10): Promise<ReportActionItems> {
  if (isClientRole(actor.role) || actor.role === "SDR") return { drafts: [], due: [], lastMonth: null };
  const { today } = await agencyToday(actor, now);
  const lastMonth = defaultReportPeriod(today);
  const [drafts, due] = await Promise.all([
    prisma.report.findMany({
      where: { AND: [reportScope(actor), { status: "DRAFT" }] },
      orderBy: { periodEnd: "asc" },
      take,
      select: { id: true, periodStart: true, periodEnd: true, scheduled: true, campaign: { select: { id: true, name: true } } },
    }),
    prisma.campaign.findMany({
      where: {
        AND: [campaignScope(actor), { status: "ACTIVE" }, { OR: [{ startDate: null }, { startDate: { lte: parseDay(lastMonth.end) } }] }],
        reports: { none: { periodEnd: { gte: parseDay(lastMonth.end) } } },
      },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
      take,
    }),
  ]);
  return {
    drafts: drafts.map((d) => ({ id: d.id, campaign: d.campaign, period: { start: toDay(d.periodStart), end: toDay(d.periodEnd) }, scheduled: d.scheduled })),
    due,
    lastMonth,
  };
}
