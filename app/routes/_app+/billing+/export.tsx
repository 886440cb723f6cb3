import type { LoaderFunctionArgs } from "@remix-run/node";
import Papa from "papaparse";
import { notFoundResponse, requireActor } from "~/utils/auth.server";
import { can, isAgencyRole } from "~/domain/shared/permissions";
import { iterateLedger } from "~/models/billing/billing.server";
import { ledgerFilterFromUrl } from "~/domain/billing/ledger-filter";

// CSV of the agency's ledger with the page's filters (admin and AM), streamed; amounts in minor units and major units.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (!can(actor.role, "billing:read") || !isAgencyRole(actor.role)) throw notFoundResponse();
  const filter = ledgerFilterFromUrl(new URL(request.url));
  const rows = iterateLedger(actor, filter);
  const header = ["id", "client", "kind", "period", "meeting_id", "campaign_id", "prospect_company", "amount_minor", "amount", "currency", "invoice_number", "invoice_status", "voided_at", "void_reason", "created_at"];
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(Papa.unparse([header]) + "\r\n"));
      for await (const r of rows) {
        const d = (r.data ?? {}) as { prospectCompany?: string };
        const line = [r.id, r.client, r.kind, r.period, r.meetingId ?? "", r.campaignId ?? "", d.prospectCompany ?? "", r.amount, Number((r.amount / 100).toFixed(2)), r.currency, r.invoice?.number ?? "", r.invoice?.status ?? "", r.voidedAt?.toISOString() ?? "", r.voidReason ?? "", r.createdAt.toISOString()];
        // Formula injection: a cell starting with = + - @ is prefixed with a quote.
        controller.enqueue(encoder.encode(Papa.unparse([line.map((v) => (typeof v === "string" && /^[=+\-@]/.test(v) ? `'${v}` : v))]) + "\r\n"));
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="ledger-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
