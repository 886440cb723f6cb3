import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { notFoundResponse, requireActor } from "~/utils/auth.server";
import { can } from "~/domain/shared/permissions";
import { getClientBilling, savePricing } from "~/models/billing/billing.server";
import { voidLedgerItem } from "~/models/billing/ledger.server";
import { invoiceNow } from "~/models/billing/billing-run.server";
import { parseCampaignPrices, pricingSchema, voidSchema } from "~/domain/billing/schemas";
import { amountInput, formatMoney } from "~/domain/billing/billing";
import { parseForm } from "~/utils/form";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { PricingForm } from "~/components/billing/PricingForm";
import { InvoiceStatusBadge, Money, NotConnected, usePeriodLabel } from "~/components/billing/BillingBits";
import { ErrorList } from "~/components/forms/Field";
import { formatDate } from "~/i18n";
import { useT } from "~/utils/i18n";

// A client company's billing: what accrued this month (each meeting linked), the next invoice, past invoices
// with their Stripe links, credit notes and the meetings each bills. Client admins read their own company's;
// the agency admin also edits pricing, voids items and invoices now; the AM reads. Other roles: 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (!can(actor.role, "billing:read")) throw notFoundResponse();
  const url = new URL(request.url);
  const data = await orResponse(getClientBilling(actor, params.clientId!, { invoiceId: url.searchParams.get("invoice") }));
  return json({ ...data, manage: can(actor.role, "billing:manage") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  // Only the agency admin changes billing; the AM, who reads it, is refused; client roles never see these forms.
  if (!can(actor.role, "billing:manage")) throw actor.role === "ACCOUNT_MANAGER" ? new Response("Forbidden", { status: 403 }) : notFoundResponse();
  const clientId = params.clientId!;
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const back = `/billing/${clientId}`;
  try {
    if (intent === "void") {
      const parsed = parseForm(voidSchema, formData);
      if (!parsed.ok) return json({ ...parsed, intent: "void" as const }, { status: 400 });
      await voidLedgerItem(actor, parsed.data.itemId, parsed.data.reason);
      return redirectWithToast(back, "billing.itemVoided");
    }
    if (intent === "invoiceNow") {
      const r = await invoiceNow(actor, clientId);
      if (r.error) return json({ ok: false as const, intent: "invoiceNow" as const, errors: { _form: [`billing.invoiceFailed|error=${r.error.slice(0, 200)}`] }, values: {} }, { status: 502 });
      return redirectWithToast(`${back}?invoice=${r.invoiceId}`, "billing.invoiced");
    }
    const parsed = parseForm(pricingSchema, formData);
    const billing = await orResponse(getClientBilling(actor, clientId));
    const overrides = parseCampaignPrices(formData, billing.campaigns.map((c) => c.id));
    if (!parsed.ok || Object.keys(overrides.errors).length) {
      const errors = { ...(parsed.ok ? {} : parsed.errors), ...overrides.errors };
      return json({ ok: false as const, intent: "pricing" as const, errors, values: parsed.ok ? Object.fromEntries([...formData].map(([k, v]) => [k, String(v)])) : parsed.values }, { status: 400 });
    }
    await savePricing(actor, clientId, parsed.data, overrides.prices);
    return redirectWithToast(back, "billing.pricingSaved");
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function ClientBilling() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { t, locale } = useT();
  const periodLabel = usePeriodLabel();
  type Failure = { ok: false; intent?: "pricing" | "void" | "invoiceNow"; errors: Record<string, string[]>; values: Record<string, string> };
  const failure = result && !result.ok ? (result as unknown as Failure) : null;
  const intent = failure?.intent ?? (failure?.values.intent === "void" ? "void" : "pricing");
  const pricingErrors = failure && intent === "pricing" ? failure.errors : undefined;
  const edit = data.next ?? data.current;
  const cur = edit?.currency ?? data.accrued.currency;
  const pricingValues: Record<string, string | null | undefined> =
    pricingErrors && failure
      ? failure.values
      : {
          currency: cur,
          retainerAmount: edit ? amountInput(edit.retainerAmount, cur) : "",
          meetingPrice: edit ? amountInput(edit.meetingPrice, cur) : "",
          billingDay: String(data.profile.billingDay),
          billingEmail: data.profile.billingEmail,
          addressLine1: data.profile.addressLine1,
          addressLine2: data.profile.addressLine2,
          postalCode: data.profile.postalCode,
          city: data.profile.city,
          country: data.profile.country,
          vatNumber: data.profile.vatNumber,
          taxRateBps: String(data.profile.taxRateBps),
          locale: data.profile.locale,
          ...Object.fromEntries(Object.entries(edit?.campaignPrices ?? {}).map(([id, v]) => [`campaignPrice_${id}`, amountInput(v, cur)])),
        };
  const a = data.accrued;
  // Typed back as the user would type it: "350,00" in French.
  if (!pricingErrors && locale === "fr") for (const k of Object.keys(pricingValues)) if (k === "retainerAmount" || k === "meetingPrice" || k.startsWith("campaignPrice_")) pricingValues[k] = pricingValues[k]?.replace(".", ",");
  const meetingLink = (i: { campaignId: string | null; meetingId: string | null }) => `/campaigns/${i.campaignId}/meetings/${i.meetingId}`;
  const day = (iso: string) => formatDate(locale, iso, { dateStyle: "medium", timeZone: "Europe/Paris" });
  return (
    <div className="space-y-8">
      <div>
        {data.agencySide ? <Link to="/billing" className="link text-sm">← {t("billing.title")}</Link> : null}
        <h1 className="h1 mt-2">{t("billing.clientTitle", { client: data.client.name })}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("billing.nextInvoice", { date: day(data.nextInvoiceDate) })}</p>
      </div>
      {data.connected ? null : <NotConnected />}

      <section className="card" aria-labelledby="accrued">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 id="accrued" className="h2">{t("billing.accruedPeriod", { period: periodLabel(data.period) })}</h2>
            <p className="mt-1 text-3xl font-semibold text-slate-900">
              <Money amount={a.total} currency={a.currency} /> <span className="text-sm font-normal text-slate-500">{t("billing.total")}</span>
            </p>
            <p className="text-sm text-slate-600">
              {t("billing.retainer")} <Money amount={a.retainer} currency={a.currency} /> · {t("billing.meetings", { count: a.meetingCount })} <Money amount={a.meetingsTotal} currency={a.currency} />
            </p>
            {a.late.count ? <p className="mt-1 text-sm text-amber-800">{t("billing.late", { amount: formatMoney(locale, a.late.total, a.currency), count: a.late.count })}</p> : null}
          </div>
          {data.manage && data.connected ? (
            <Form method="post">
              <button className="btn-secondary" name="intent" value="invoiceNow" disabled={navigation.state !== "idle"} title={t("billing.invoiceNowHint")}>
                {t("billing.invoiceNow")}
              </button>
            </Form>
          ) : null}
        </div>
        {failure && intent === "invoiceNow" ? <ErrorList errors={failure.errors._form} /> : null}
        {a.items.length ? (
          <div className="relative mt-4 overflow-x-auto">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("billing.prospectCompany")}</th>
                  <th scope="col" className="hidden sm:table-cell">{t("billing.meetingDate")}</th>
                  <th scope="col" className="text-right">{t("billing.amount")}</th>
                  {data.manage ? <th scope="col"><span className="sr-only">{t("billing.void")}</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {a.items.map((i) => {
                  const d = i.data as { prospectCompany?: string; scheduledAt?: string; campaignName?: string };
                  return (
                    <tr key={i.id} className={i.voidedAt ? "text-slate-500" : undefined}>
                      <td>
                        <Link to={meetingLink(i)} className="link">{d.prospectCompany}</Link>
                        <span className="block text-xs text-slate-500">{d.campaignName}<span className="sm:hidden">{d.scheduledAt ? ` · ${day(d.scheduledAt)}` : ""}</span></span>
                        {i.voidedAt ? <span className="block text-xs">{t("billing.voided", { reason: i.voidReason ?? "" })}</span> : null}
                      </td>
                      <td className="hidden whitespace-nowrap sm:table-cell">{d.scheduledAt ? day(d.scheduledAt) : ""}</td>
                      <td className={`text-right ${i.voidedAt ? "line-through" : ""}`}><Money amount={i.amount} currency={i.currency} /></td>
                      {data.manage ? <td>{i.voidedAt ? null : <VoidForm itemId={i.id} failure={failure && intent === "void" && failure.values.itemId === i.id ? failure : null} />}</td> : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {a.more > 0 ? <p className="mt-2 text-sm text-slate-500">{t("billing.moreMeetings", { count: a.more })}</p> : null}
          </div>
        ) : (
          <p className="mt-3 text-sm text-slate-500">{t("billing.noMeetingsYet")}</p>
        )}
      </section>

      <section className="card" aria-labelledby="invoices">
        <h2 id="invoices" className="h2">{t("billing.invoices")}</h2>
        {data.invoices.length ? (
          <div className="relative mt-3 overflow-x-auto">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("billing.period")}</th>
                  <th scope="col">{t("billing.status")}</th>
                  <th scope="col" className="text-right">{t("billing.amount")}</th>
                  <th scope="col">{t("billing.issued")}</th>
                  <th scope="col"><span className="sr-only">{t("billing.pay")}</span></th>
                </tr>
              </thead>
              <tbody>
                {data.invoices.map((inv) => (
                  <tr key={inv.id}>
                    <td>
                      <span className="font-medium">{periodLabel(inv.period)}</span>
                      {inv.number ? <span className="block text-xs text-slate-500">{inv.number}</span> : null}
                      {inv.creditNotes.map((c) => (
                        <span key={c.id} className="block text-xs text-slate-600">
                          {c.pdf ? <a href={c.pdf} className="link" target="_blank" rel="noreferrer">{t("billing.creditNote", { number: c.number ?? "", amount: formatMoney(locale, c.amount, inv.currency) })}</a> : t("billing.creditNote", { number: c.number ?? "", amount: formatMoney(locale, c.amount, inv.currency) })}
                        </span>
                      ))}
                      {inv.lastError ? <span className="block text-xs text-red-700">{inv.lastError}</span> : null}
                    </td>
                    <td><InvoiceStatusBadge status={inv.status} /></td>
                    <td className="text-right"><Money amount={inv.total} currency={inv.currency} /></td>
                    <td className="whitespace-nowrap">{inv.issuedAt ? day(inv.issuedAt) : "—"}</td>
                    <td>
                      <div className="flex flex-wrap gap-3">
                        {inv.hostedInvoiceUrl && (inv.status === "OPEN" || inv.status === "PAYMENT_FAILED") ? <a href={inv.hostedInvoiceUrl} className="link" target="_blank" rel="noreferrer">{t("billing.pay")}</a> : null}
                        {inv.invoicePdf ? <a href={inv.invoicePdf} className="link" target="_blank" rel="noreferrer">{t("billing.pdf")}</a> : null}
                        <Link to={params.get("invoice") === inv.id ? "." : `?invoice=${inv.id}`} className="link" preventScrollReset>
                          {params.get("invoice") === inv.id ? t("billing.hideLines") : `${t("billing.showLines")} (${inv.meetingCount})`}
                        </Link>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="mt-3 text-sm text-slate-500">{t("billing.noInvoices")}</p>
        )}
        {data.opened ? (
          <div className="mt-4 rounded-md border border-slate-200 p-4">
            <h3 className="font-medium">{t("billing.linesOf", { period: periodLabel(data.opened.period) })}</h3>
            <ul className="mt-2 divide-y divide-slate-100 text-sm">
              {data.opened.lines.map((l) => {
                const d = l.data as { prospectCompany?: string; scheduledAt?: string; campaignName?: string };
                return (
                  <li key={l.id} className="flex flex-wrap items-baseline justify-between gap-2 py-1.5">
                    <span>
                      {l.kind === "MEETING" ? <Link to={meetingLink(l)} className="link">{d.prospectCompany}</Link> : t(`billing.kind.${l.kind}`)}
                      {l.kind === "MEETING" && d.scheduledAt ? <span className="text-slate-500"> · {day(d.scheduledAt)} · {d.campaignName}</span> : null}
                      {l.kind === "CREDIT" ? <span className="text-slate-500"> · {l.voidReason}</span> : null}
                      {l.voidedAt ? <span className="block text-xs text-slate-500">{t("billing.voided", { reason: l.voidReason ?? "" })}</span> : null}
                    </span>
                    <span className="flex items-start gap-3">
                      <Money amount={l.amount} currency={l.currency} />
                      {data.manage && l.kind !== "CREDIT" && !l.voidedAt ? <VoidForm itemId={l.id} failure={failure && intent === "void" && failure.values.itemId === l.id ? failure : null} /> : null}
                    </span>
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </section>

      {data.agencySide ? (
        <section className="card" aria-labelledby="pricing">
          <h2 id="pricing" className="h2">{t("billing.pricing")}</h2>
          <p className="mb-4 text-sm text-slate-600">{t("billing.pricingHint")}</p>
          {data.next && data.current ? (
            <p className="mb-4 text-sm text-slate-700">
              {t("billing.pricingNext", { period: periodLabel(data.next.effectivePeriod), retainer: formatMoney(locale, data.next.retainerAmount, data.next.currency), price: formatMoney(locale, data.next.meetingPrice, data.next.currency) })}
            </p>
          ) : null}
          {!data.current && !data.next ? <p className="mb-4 text-sm text-slate-500">{t("billing.noPricing")}</p> : null}
          <PricingForm values={pricingValues} errors={pricingErrors} campaigns={data.campaigns} readOnly={!data.manage} submitting={navigation.state === "submitting"} />
        </section>
      ) : null}
    </div>
  );
}

function VoidForm({ itemId, failure }: { itemId: string; failure: { errors: Record<string, string[]>; values: Record<string, string> } | null }) {
  const { t } = useT();
  return (
    <details open={Boolean(failure)}>
      <summary className="cursor-pointer text-sm text-red-700">{t("billing.void")}</summary>
      <Form method="post" className="mt-2 w-56 space-y-2" noValidate>
        <input type="hidden" name="itemId" value={itemId} />
        <label className="block text-xs font-medium text-slate-700" htmlFor={`reason-${itemId}`}>{t("billing.voidReason")}</label>
        <input id={`reason-${itemId}`} name="reason" className="input" defaultValue={failure?.values.reason} placeholder={t("billing.voidHint")} aria-invalid={failure ? true : undefined} />
        <ErrorList errors={failure?.errors.reason} />
        <button className="btn-danger" name="intent" value="void">{t("billing.void")}</button>
      </Form>
    </details>
  );
}
