// Report schedules: per campaign, weekly or monthly, at a time of day in the agency's zone. The job runs every
// quarter hour in every app process; each schedule's period is claimed with one conditional UPDATE (lastPeriodEnd),
// so a period gets exactly one draft whatever the number of workers, and a restart resumes where it stopped.
import { prisma } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { parseDay, toDay, todayIn } from "~/domain/objectives/dates";
import { duePeriod } from "~/domain/reports/period";
import { hasActivity } from "~/domain/reports/snapshot";
import { SECTION_KEYS } from "~/domain/reports/sections";
import { formatRange } from "~/domain/reports/format";
import { textsInEveryLanguage } from "~/domain/notifications/texts";
import { isLocale, makeT, type Locale } from "~/i18n";
import type { Prisma } from "~/generated/prisma/client";
import { sendEmail } from "~/services/email.server";
import { withChange } from "../effects.server";
import { sumRanges } from "../objectives/rollup.server";
import { composeFor } from "./compose.server";
import { freezeAndSend, reportPdfsFor, reportingCampaign, type ReportPdfs } from "./reports.server";

export type ScheduleInput = { cadence: "WEEKLY" | "MONTHLY"; weekday?: number; monthDay?: number; time: string; autoSend?: string; includeEmpty?: string; paused?: string };

function view(s: { cadence: "WEEKLY" | "MONTHLY"; weekday: number | null; monthDay: number | null; time: string; autoSend: boolean; includeEmpty: boolean; pausedAt: Date | null }) {
  return { cadence: s.cadence, weekday: s.weekday, monthDay: s.monthDay, time: s.time, autoSend: s.autoSend, includeEmpty: s.includeEmpty, paused: s.pausedAt !== null };
}

/** The campaign's schedule, or null. */
export async function getSchedule(actor: Actor, campaignId: string) {
  const c = await reportingCampaign(actor, campaignId);
  const s = await prisma.reportSchedule.findUnique({ where: { campaignId: c.id } });
  return s ? view(s) : null;
}

/** Creates or changes the campaign's schedule (review before sending unless autoSend is chosen). */
export async function saveSchedule(actor: Actor, campaignId: string, input: ScheduleInput, now = new Date()) {
  assertCan(actor, "report:send");
  const c = await reportingCampaign(actor, campaignId);
  const data = {
    cadence: input.cadence,
    weekday: input.cadence === "WEEKLY" ? input.weekday ?? 7 : null,
    monthDay: input.cadence === "MONTHLY" ? input.monthDay ?? 1 : null,
    time: input.time,
    autoSend: input.autoSend === "on",
    includeEmpty: input.includeEmpty === "on",
  };
  const existing = await prisma.reportSchedule.findUnique({ where: { campaignId: c.id }, select: { pausedAt: true } });
  const pausedAt = input.paused === "on" ? existing?.pausedAt ?? now : null;
  await prisma.reportSchedule.upsert({ where: { campaignId: c.id }, create: { campaignId: c.id, ...data, pausedAt }, update: { ...data, pausedAt } });
}

function minutesIn(timeZone: string, now: Date) {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(now);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get("hour") * 60 + get("minute");
}

/**
 * Prepares the drafts that are due: for every active schedule whose period has ended (and whose time of day has
 * come), claims the period, composes a draft unless the period had no activity (and the schedule does not ask for
 * empty ones), tells the AM by email and notification, or sends it to the client admins when the agency chose so.
 * Returns how many drafts were prepared.
 */
export async function runReportSchedules(now = new Date(), origin = env().APP_URL ?? "http://localhost:3000") {
  const schedules = await prisma.reportSchedule.findMany({
    where: { pausedAt: null, campaign: { status: { in: ["ACTIVE", "PAUSED", "COMPLETED"] } } },
    select: {
      id: true, cadence: true, weekday: true, monthDay: true, time: true, autoSend: true, includeEmpty: true, lastPeriodEnd: true,
      campaign: {
        select: {
          id: true, name: true, agencyId: true, clientCompanyId: true, startDate: true,
          agency: { select: { timeZone: true } },
          accountManager: { select: { id: true, email: true, locale: true } },
          clientCompany: { select: { accountManager: { select: { id: true, email: true, locale: true } } } },
        },
      },
    },
    take: 1000,
  });
  let prepared = 0;
  for (const s of schedules) {
    const c = s.campaign;
    const tz = c.agency.timeZone;
    const period = duePeriod(s, todayIn(tz, now), minutesIn(tz, now));
    if (!period) continue;
    if (c.startDate && period.end < toDay(c.startDate)) continue;
    if (s.lastPeriodEnd && toDay(s.lastPeriodEnd) >= period.end) continue;
    // The claim: only one worker moves lastPeriodEnd to this period's end.
    const claimed = await prisma.reportSchedule.updateMany({
      where: { id: s.id, OR: [{ lastPeriodEnd: null }, { lastPeriodEnd: { lt: parseDay(period.end) } }] },
      data: { lastPeriodEnd: parseDay(period.end) },
    });
    if (claimed.count === 0) continue;
    const counters = (await sumRanges([{ key: "p", campaignId: c.id, sdrId: null, ...period }])).get("p")!;
    if (!s.includeEmpty && !hasActivity(counters)) continue;
    const am = c.accountManager ?? c.clientCompany.accountManager;
    const { snapshot } = await composeFor(prisma, c.id, period, { sections: SECTION_KEYS, highlightIds: null, texts: { commentary: "", highlights: "", nextSteps: "" }, now });
    // An automatic send attaches the PDF (when the agency does) in both languages, rendered before the transaction.
    const pdfs: ReportPdfs = s.autoSend ? await reportPdfsFor(c.agencyId, snapshot, ["fr", "en"], now.toISOString()) : {};
    await withChange(async (tx, fx) => {
      const report = await tx.report.create({
        data: {
          agencyId: c.agencyId, campaignId: c.id, periodStart: parseDay(period.start), periodEnd: parseDay(period.end), sections: [...SECTION_KEYS],
          highlightIds: snapshot.highlights.map((h) => h.id), snapshot: snapshot as unknown as Prisma.InputJsonValue, scheduled: true, createdById: am?.id ?? null,
        },
      });
      const href = `/campaigns/${c.id}/reports/${report.id}`;
      if (s.autoSend) {
        const admins = await tx.membership.findMany({
          where: { agencyId: c.agencyId, clientCompanyId: c.clientCompanyId, role: "CLIENT_ADMIN" },
          select: { user: { select: { id: true, email: true, locale: true } } },
        });
        if (admins.length) {
          await freezeAndSend(tx, fx, { report, snapshot, clientCompanyId: c.clientCompanyId, recipients: admins.map((m) => m.user), origin, by: { agencyId: c.agencyId, userId: null }, now, pdfs });
          return;
        }
      }
      if (am) {
        const locale: Locale = isLocale(am.locale) ? am.locale : "en";
        const email = await sendEmail(tx, {
          to: am.email, template: "report-draft-ready", locale, agencyId: c.agencyId,
          props: { locale, campaign: c.name, period: formatRange(locale, period), url: `${origin}${href}` },
        });
        fx.emails([email.id]);
        const texts = textsInEveryLanguage((l) => ({ title: makeT(l)("reports.notification.draftTitle", { campaign: c.name }), body: formatRange(l, period) }));
        await tx.notification.create({
          data: { agencyId: c.agencyId, userId: am.id, kind: "REPORT_SENT", channel: "EMAIL", locale, ...texts[locale], texts, href, campaignId: c.id },
        });
      }
    });
    prepared++;
  }
  return prepared;
}
