import type { LoaderFunctionArgs } from "@remix-run/node";
import Papa from "papaparse";
import { requireActor } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { orResponse } from "~/utils/http.server";
import { importChoices } from "~/models/meetings/import.server";
import { templateHeader } from "~/domain/meetings/import";
import { attachmentDisposition, csvDelimiter } from "~/domain/shared/csv-download";
import { translate } from "~/i18n";

// The import's template (issue 9): the columns in the user's language (the import maps them back by themselves), the
// date and the time apart, with the separator of their spreadsheet and the BOM.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "meeting:log");
  await orResponse(importChoices(actor, params.campaignId!)); // the campaign in the actor's scope, else 404
  const url = new URL(request.url);
  const locale = await getLocale(request, actor);
  const body = "\uFEFF" + Papa.unparse([templateHeader(locale)], { quotes: true, delimiter: csvDelimiter(url, locale) }) + "\r\n";
  const name = `${translate(locale, "meetings.import.templateFile")}.csv`;
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachmentDisposition(name), "Cache-Control": "no-store" },
  });
}
