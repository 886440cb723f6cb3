import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/utils/auth.server";
import { orResponse } from "~/utils/http.server";
import { getReportPdf } from "~/models/reports/reports.server";
import { pdfDisposition } from "~/services/report-pdf.server";
import { isLocale } from "~/i18n";

// The report's PDF in ?lang=fr|en or the reader's language: a sent report's is rendered once per language from its
// frozen snapshot and kept (decision 0064); a draft's follows its last saved snapshot, for the preview.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "report:read");
  const lang = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(lang) ? lang : actor.locale ?? "en";
  const pdf = await orResponse(getReportPdf(actor, params.reportId!, locale));
  if (pdf.campaignId !== params.campaignId) throw new Response("Not Found", { status: 404 });
  return new Response(new Uint8Array(pdf.content), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": pdfDisposition(pdf.filename),
      "Cache-Control": "private, no-store",
    },
  });
}
