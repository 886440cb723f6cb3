import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/utils/auth.server";
import { orResponse } from "~/utils/http.server";
import { getReport } from "~/models/reports/reports.server";
import { pdfDisposition, renderReportPdf } from "~/services/report-pdf.server";
import { isLocale } from "~/i18n";

// The report's PDF, from its snapshot (a sent report's frozen one; a draft's last saved one, for the preview),
// in ?lang=fr|en or the reader's language.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "report:read");
  const report = await orResponse(getReport(actor, params.reportId!));
  if (report.campaign.id !== params.campaignId || !report.snapshot) throw new Response("Not Found", { status: 404 });
  const lang = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(lang) ? lang : actor.locale ?? "en";
  const pdf = await renderReportPdf(report.snapshot, locale, report.frozenAt);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": pdfDisposition(report.snapshot, locale),
      "Cache-Control": "private, no-store",
    },
  });
}
