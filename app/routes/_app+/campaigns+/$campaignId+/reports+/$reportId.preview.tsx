import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { appOrigin, orResponse } from "~/utils/http.server";
import { getReport, reportEmailProps } from "~/models/reports/reports.server";
import { renderEmail } from "~/services/email.server";
import { reportPdfFileName } from "~/services/report-pdf.server";
import { prisma } from "~/utils/db.server";
import { isLocale, LOCALES } from "~/i18n";
import { ReportView } from "~/components/reports/ReportView";
import { useT } from "~/utils/i18n";

// What each recipient gets, in ?lang=fr|en: the email (rendered as it will be sent), the portal page, the PDF.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "report:send");
  const report = await orResponse(getReport(actor, params.reportId!));
  if (report.campaign.id !== params.campaignId || !report.snapshot) throw new Response("Not Found", { status: 404 });
  const lang = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(lang) ? lang : actor.locale ?? "en";
  const url = `${appOrigin(request)}/campaigns/${report.campaign.id}/reports/${report.id}`;
  // The email says the PDF is attached when the agency attaches it (as the send will).
  const { reportPdfAttached } = await prisma.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { reportPdfAttached: true } });
  const attachment = reportPdfAttached ? reportPdfFileName(report.snapshot, locale) : null;
  const email = await renderEmail("report-sent", reportEmailProps(report.snapshot, locale, url, { correctionNote: report.corrects ? report.correctionNote : null, attachment }));
  return json({ id: report.id, locale, snapshot: report.snapshot, email: { subject: email.subject, html: email.html } });
}

export default function PreviewReport() {
  const { id, locale, snapshot, email } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="space-y-4">
      <Link to={`../${id}`} relative="path" className="link text-sm">← {t("reports.backToReports")}</Link>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="h2">{t("reports.preview.title")}</h2>
          <p className="text-sm text-slate-600">{t("reports.preview.intro")}</p>
        </div>
        <nav aria-label={t("reports.preview.language")} className="flex gap-2">
          {LOCALES.map((l) => (
            <Link key={l} to={`?lang=${l}`} className={l === locale ? "btn-primary" : "btn-secondary"} aria-current={l === locale ? "page" : undefined}>
              {t(`reports.language.${l}`)}
            </Link>
          ))}
        </nav>
      </div>
      <section className="card space-y-2">
        <h3 className="h2 text-base">{t("reports.preview.email")}</h3>
        <p className="break-words text-sm font-medium" lang={locale}>{email.subject}</p>
        <iframe title={t("reports.preview.email")} srcDoc={email.html} sandbox="" className="h-[560px] w-full rounded-md border border-slate-200" />
      </section>
      <section className="card space-y-2">
        <h3 className="h2 text-base">{t("reports.preview.pdf")}</h3>
        <a href={`pdf?lang=${locale}`} className="btn-secondary" download>{t("reports.preview.openPdf", { language: t(`reports.language.${locale}`) })}</a>
      </section>
      <section className="space-y-2">
        <h3 className="h2 text-base">{t("reports.preview.page")}</h3>
        <ReportView snapshot={snapshot} locale={locale} />
      </section>
    </div>
  );
}
