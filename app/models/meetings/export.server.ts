// CSV export of a filtered meeting list, streamed page by page (never the whole list in memory).
import Papa from "papaparse";
import type { Actor } from "~/utils/auth.server";
import { iterateMeetings } from "~/models/meetings/queries.server";
import { isAgencyRole } from "~/domain/shared/permissions";
import type { ListFilter } from "~/domain/meetings/schemas";
import type { CsvDelimiter } from "~/domain/shared/csv-download";

const COLUMNS = [
  "id", "externalId", "campaign", "scheduledAt", "timeZone", "durationMinutes", "channel", "status", "verdict", "autoAccepted",
  "prospectName", "prospectTitle", "prospectEmail", "prospectPhone", "prospectCompany", "prospectDomain", "prospectCompanySize",
  "prospectIndustry", "prospectCountry", "prospectLinkedinUrl", "sdr", "persona", "personaVersion", "definitionVersion",
  "ratingOverall", "opportunityCreated", "pipelineValue", "won",
];

/** A cell a spreadsheet would run as a formula is prefixed with a quote (CSV injection). */
function safe(v: unknown) {
  if (v === null || v === undefined) return "";
  const s = v instanceof Date ? v.toISOString() : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function meetingsCsvStream(actor: Actor, filter: Partial<ListFilter>, delimiter: CsvDelimiter = ","): ReadableStream<Uint8Array> {
  const columns = isAgencyRole(actor.role) ? [...COLUMNS, "internalNotes"] : COLUMNS;
  const encoder = new TextEncoder();
  const pages = iterateMeetings(actor, filter);
  let first = true;
  return new ReadableStream({
    async pull(controller) {
      if (first) {
        first = false;
        // BOM so spreadsheet apps read UTF-8 accents correctly.
        controller.enqueue(encoder.encode("\uFEFF" + Papa.unparse([columns], { quotes: true, delimiter }) + "\r\n"));
        return;
      }
      const next = await pages.next();
      if (next.done) return controller.close();
      const rows = next.value.map((m) => {
        const r: Record<string, unknown> = {
          ...m,
          campaign: m.campaign.name,
          sdr: m.sdr.name,
          persona: m.personaVersion.name,
          personaVersion: m.personaVersion.number,
          definitionVersion: m.definitionVersion.number,
          pipelineValue: m.pipelineValue === null ? "" : (m.pipelineValue / 100).toFixed(2),
        };
        return columns.map((c) => safe(r[c]));
      });
      // Every field quoted: a French spreadsheet splits on ";" too, so "Acme;=1+2" must stay one cell (issue 8, finding 10).
      controller.enqueue(encoder.encode(Papa.unparse(rows, { quotes: true, delimiter }) + "\r\n"));
    },
  });
}
