// A sent report on the bench's largest campaign (c_0, last month), written once so bench/run.ts and bench/reports.ts
// can open it: composed by the app's own code from the bench data, then stored SENT with its frozen snapshot and one
// recipient (the client admin of cl_0, c_0's client). Id fixed: rp_bench_c0.
import { defaultReportPeriod } from "~/domain/reports/period";
import { SECTION_KEYS } from "~/domain/reports/sections";
import { parseDay, todayIn } from "~/domain/objectives/dates";

export const BENCH_REPORT = "rp_bench_c0";
export const BENCH_CAMPAIGN = "c_0";

/** Writes the bench's sent report unless it is there; DATABASE_URL must point at the bench database. */
export async function ensureBenchReport() {
  const { prisma } = await import("~/utils/db.server");
  const existing = await prisma.report.findUnique({ where: { id: BENCH_REPORT }, select: { id: true } });
  if (existing) return BENCH_REPORT;
  const { composeFor } = await import("~/models/reports/compose.server");
  const period = defaultReportPeriod(todayIn("Europe/Paris"));
  const { snapshot } = await composeFor(prisma, BENCH_CAMPAIGN, period, {
    sections: SECTION_KEYS, highlightIds: null, texts: { commentary: "A steady month.\n\n- More held meetings\n- Fewer disputes", highlights: "", nextSteps: "- Keep the pace" },
  });
  const now = new Date();
  await prisma.report.create({
    data: {
      id: BENCH_REPORT, agencyId: "ag", campaignId: BENCH_CAMPAIGN, periodStart: parseDay(period.start), periodEnd: parseDay(period.end),
      sections: [...SECTION_KEYS], highlightIds: snapshot.highlights.map((h) => h.id), commentary: snapshot.texts.commentary, nextSteps: snapshot.texts.nextSteps,
      snapshot: JSON.parse(JSON.stringify(snapshot)), status: "SENT", frozenAt: now, sentAt: now, createdById: "u_am_0",
      recipients: { create: { userId: "u_cadmin_0", locale: "fr", sentAt: now } },
    },
  });
  return BENCH_REPORT;
}
