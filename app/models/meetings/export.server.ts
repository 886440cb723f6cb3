// CSV export of a filtered meeting list, streamed page by page (never the whole list in memory), in the reader's
// language and time zone (app/domain/meetings/export-csv.ts), with the separator and BOM they chose.
import Papa from "papaparse";
import type { Actor } from "~/utils/auth.server";
import { iterateMeetings } from "~/models/meetings/queries.server";
import { isAgencyRole } from "~/domain/shared/permissions";
import type { ListFilter } from "~/domain/meetings/schemas";
import type { CsvFormat } from "~/domain/shared/csv-download";
import { meetingCsvLayout } from "~/domain/meetings/export-csv";
import { DEFAULT_TIME_ZONE } from "~/domain/shared/timezone";
import type { Locale } from "~/i18n";

export function meetingsCsvStream(
  actor: Actor,
  filter: Partial<ListFilter>,
  format: CsvFormat = { delimiter: ",", bom: true },
  locale: Locale = actor.locale ?? "en",
): ReadableStream<Uint8Array> {
  const { delimiter, bom } = format;
  const layout = meetingCsvLayout(locale, actor.timeZone ?? DEFAULT_TIME_ZONE, isAgencyRole(actor.role));
  const encoder = new TextEncoder();
  const pages = iterateMeetings(actor, filter);
  let first = true;
  return new ReadableStream({
    async pull(controller) {
      if (first) {
        first = false;
        // The BOM (unless the user chose without) so spreadsheet apps read UTF-8 accents correctly.
        controller.enqueue(encoder.encode((bom ? "\uFEFF" : "") + Papa.unparse([layout.header], { quotes: true, delimiter }) + "\r\n"));
        return;
      }
      const next = await pages.next();
      if (next.done) return controller.close();
      // Every field quoted: a French spreadsheet splits on ";" too, so "Acme;=1+2" must stay one cell (issue 8, finding 10).
      controller.enqueue(encoder.encode(Papa.unparse(next.value.map(layout.row), { quotes: true, delimiter }) + "\r\n"));
    },
  });
}
