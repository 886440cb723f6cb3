// The agency ledger's filters, read from the URL (shared by the page and its CSV export).
import { isPeriod } from "./billing";

export type LedgerUrlFilter = { clientId?: string; period?: string; kind?: "MEETING" | "RETAINER" | "CREDIT"; state?: "open" | "invoiced" | "voided"; page?: number };

export function ledgerFilterFromUrl(url: URL): LedgerUrlFilter {
  const p = url.searchParams;
  const kind = p.get("kind");
  const state = p.get("state");
  const period = p.get("period") ?? "";
  const clientId = (p.get("client") ?? "").slice(0, 40);
  const page = Number(p.get("page") ?? "1");
  return {
    clientId: clientId || undefined,
    period: isPeriod(period) ? period : undefined,
    kind: kind === "MEETING" || kind === "RETAINER" || kind === "CREDIT" ? kind : undefined,
    state: state === "open" || state === "invoiced" || state === "voided" ? state : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}
