import { json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { notFoundResponse, requireActor } from "~/utils/auth.server";
import { can } from "~/domain/shared/permissions";
import { getAgencyBilling } from "~/models/billing/billing.server";
import { ledgerFilterFromUrl } from "~/domain/billing/ledger-filter";
import { orResponse } from "~/utils/http.server";
import { InvoiceStatusBadge, Money, NotConnected, usePeriodLabel } from "~/components/billing/BillingBits";
import type { InvoiceStatus } from "~/domain/billing/billing";
import { formatDate } from "~/i18n";
import { useT } from "~/utils/i18n";

// The agency's billing page (admin; AM reads the clients they manage). A client admin lands on their company's.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (!can(actor.role, "billing:read")) throw notFoundResponse();
  if (actor.role === "CLIENT_ADMIN") throw redirect(`/billing/${actor.clientCompanyId}`);
  const filter = ledgerFilterFromUrl(new URL(request.url));
  return json(await orResponse(getAgencyBilling(actor, filter)));
}

export default function AgencyBilling() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t, locale } = useT();
  const periodLabel = usePeriodLabel();
  const day = (iso: string) => formatDate(locale, iso, { dateStyle: "medium", timeZone: "Europe/Paris" });
  const failed = data.unpaid.filter((i) => i.status === "PAYMENT_FAILED");
  const pageLink = (page: number) => {
    const p = new URLSearchParams(params);
    p.set("page", String(page));
    return `?${p}`;
  };
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="h1">{t("billing.agencyTitle")}</h1>
      </div>
      {data.connected ? null : <NotConnected />}

      <section className="card" aria-labelledby="by-client">
        <h2 id="by-client" className="h2">{t("billing.byClient")} · {periodLabel(data.period)}</h2>
        <div className="relative mt-3 overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("billing.client")}</th>
                <th scope="col" className="text-right">{t("billing.accruedThisMonth")}</th>
                <th scope="col" className="text-right">{t("billing.invoicedThisMonth")}</th>
                <th scope="col" className="text-right">{t("billing.paidThisMonth")}</th>
              </tr>
            </thead>
            <tbody>
              {data.byClient.map((c) => (
                <tr key={c.id}>
                  <td><Link to={`/billing/${c.id}`} className="link">{c.name}</Link></td>
                  <td className="text-right">{c.accrued.length ? c.accrued.map((a) => <span key={a.currency} className="block"><Money amount={a.amount} currency={a.currency} /> <span className="text-xs text-slate-500">({a.count})</span></span>) : "—"}</td>
                  <td className="text-right">{c.invoiced.length ? c.invoiced.map((a) => <Money key={a.currency} amount={a.total} currency={a.currency} />) : "—"}</td>
                  <td className="text-right">{c.invoiced.length ? c.invoiced.map((a) => <Money key={a.currency} amount={a.paid} currency={a.currency} />) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="unpaid">
        <h2 id="unpaid" className="h2">{t("billing.unpaid")}</h2>
        {failed.length ? <p className="mt-1 text-sm text-red-800">{t("billing.home.failed", { count: failed.length })}</p> : null}
        {data.unpaid.length ? (
          <div className="relative mt-3 overflow-x-auto">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("billing.client")}</th>
                  <th scope="col">{t("billing.period")}</th>
                  <th scope="col">{t("billing.status")}</th>
                  <th scope="col" className="text-right">{t("billing.amount")}</th>
                  <th scope="col">{t("billing.due")}</th>
                </tr>
              </thead>
              <tbody>
                {data.unpaid.map((i) => (
                  <tr key={i.id}>
                    <td><Link to={`/billing/${i.clientCompanyId}?invoice=${i.id}`} className="link">{i.client}</Link></td>
                    <td>{periodLabel(i.period)}{i.number ? <span className="block text-xs text-slate-500">{i.number}</span> : null}</td>
                    <td><InvoiceStatusBadge status={i.status as InvoiceStatus} /> {i.overdue ? <span className="badge bg-red-100 text-red-800">{t("billing.overdue")}</span> : null}</td>
                    <td className="text-right"><Money amount={i.amountRemaining} currency={i.currency} /></td>
                    <td className="whitespace-nowrap">{i.dueDate ? day(i.dueDate) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="mt-2 text-sm text-slate-500">{t("billing.noUnpaid")}</p>
        )}
      </section>

      <section className="card" aria-labelledby="ledger">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="ledger" className="h2">{t("billing.ledger")}</h2>
          <a href={`/billing/export?${new URLSearchParams([...params].filter(([k]) => k !== "page"))}`} className="btn-secondary" download>{t("billing.exportCsv")}</a>
        </div>
        <Form method="get" className="mt-3 grid gap-3 sm:grid-cols-5">
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("billing.client")}</span>
            <select name="client" defaultValue={params.get("client") ?? ""} className="input mt-1">
              <option value="">{t("billing.anyClient")}</option>
              {data.clients.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("billing.period")}</span>
            <select name="period" defaultValue={params.get("period") ?? ""} className="input mt-1">
              <option value="">{t("billing.anyPeriod")}</option>
              {data.periods.map((p) => <option key={p} value={p}>{periodLabel(p)}</option>)}
            </select>
          </label>
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("billing.kind")}</span>
            <select name="kind" defaultValue={params.get("kind") ?? ""} className="input mt-1">
              <option value="">{t("billing.anyKind")}</option>
              {(["MEETING", "RETAINER", "CREDIT"] as const).map((k) => <option key={k} value={k}>{t(`billing.kind.${k}`)}</option>)}
            </select>
          </label>
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("billing.status")}</span>
            <select name="state" defaultValue={params.get("state") ?? ""} className="input mt-1">
              <option value="">{t("billing.anyState")}</option>
              {(["open", "invoiced", "voided"] as const).map((k) => <option key={k} value={k}>{t(`billing.state.${k}`)}</option>)}
            </select>
          </label>
          <div className="flex items-end"><button className="btn-primary">{t("billing.filter")}</button></div>
        </Form>
        <p className="mt-3 text-sm text-slate-600">{t("billing.ledgerCount", { count: data.ledgerCount })}</p>
        {data.ledger.length ? (
          <div className="relative mt-2 overflow-x-auto">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("billing.client")}</th>
                  <th scope="col">{t("billing.period")}</th>
                  <th scope="col">{t("billing.meeting")}</th>
                  <th scope="col" className="text-right">{t("billing.amount")}</th>
                  <th scope="col">{t("billing.status")}</th>
                </tr>
              </thead>
              <tbody>
                {data.ledger.map((l) => {
                  const d = l.data as { prospectCompany?: string; scheduledAt?: string; reason?: string };
                  return (
                    <tr key={l.id}>
                      <td><Link to={`/billing/${l.clientCompanyId}`} className="link">{l.client}</Link></td>
                      <td className="whitespace-nowrap">{periodLabel(l.period)}</td>
                      <td>
                        {l.kind === "MEETING" ? <Link to={`/campaigns/${l.campaignId}/meetings/${l.meetingId}`} className="link">{d.prospectCompany}</Link> : t(`billing.kind.${l.kind}`)}
                        {l.kind === "CREDIT" && d.reason ? <span className="block text-xs text-slate-500">{d.reason}</span> : null}
                      </td>
                      <td className={`text-right ${l.voidedAt ? "line-through text-slate-500" : ""}`}><Money amount={l.amount} currency={l.currency} /></td>
                      <td className="text-xs">{l.voidedAt ? t("billing.state.voided") : l.invoiceId ? t("billing.state.invoiced") : t("billing.state.open")}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="mt-2 text-sm text-slate-500">{t("billing.emptyLedger")}</p>
        )}
        {data.pages > 1 ? (
          <nav className="mt-3 flex items-center gap-3 text-sm" aria-label={t("billing.ledger")}>
            {data.page > 1 ? <Link to={pageLink(data.page - 1)} className="link">{t("meetings.previous")}</Link> : null}
            <span>{t("meetings.page", { page: data.page, pages: data.pages })}</span>
            {data.page < data.pages ? <Link to={pageLink(data.page + 1)} className="link">{t("meetings.next")}</Link> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
