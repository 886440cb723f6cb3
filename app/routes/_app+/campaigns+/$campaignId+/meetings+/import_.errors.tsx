import type { LoaderFunctionArgs } from "@remix-run/node";
import Papa from "papaparse";
import { requireActor } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { orResponse } from "~/utils/http.server";
import { getImport } from "~/models/meetings/import.server";
import { importMessageText } from "~/domain/meetings/import";
import { safeCell } from "~/domain/meetings/export-csv";
import { attachmentDisposition, csvDelimiter } from "~/domain/shared/csv-download";
import { translate } from "~/i18n";

// An import's rows not imported as a CSV (issue 9): line, field, the value as it was in the file, the problem, in the
// user's language and with their spreadsheet's separator, to correct and upload again.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "meeting:log");
  const url = new URL(request.url);
  const job = await orResponse(getImport(actor, params.campaignId!, url.searchParams.get("job") ?? ""));
  const locale = await getLocale(request, actor);
  const field = (f?: string) => (f ? translate(locale, `meetings.field.${f === "scheduledLocal" ? "scheduledAt" : f === "personaVersionId" ? "persona" : f}`) : "");
  const rows = [
    [translate(locale, "meetings.import.line"), translate(locale, "meetings.import.field"), translate(locale, "meetings.import.value"), translate(locale, "meetings.import.problem")],
    ...job.errors.map((e) => [String(e.line), field(e.field), safeCell(e.value), importMessageText(locale, e.message)]),
  ];
  const body = "\uFEFF" + Papa.unparse(rows, { quotes: true, delimiter: csvDelimiter(url, locale) }) + "\r\n";
  const name = `${translate(locale, "meetings.import.errorsFile")}-${job.fileName.replace(/\.(csv|txt)$/i, "")}.csv`;
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachmentDisposition(name), "Cache-Control": "no-store" },
  });
}
