// The meetings list shared by the campaign tab and the cross-campaign page: filters (a GET form, so the URL is the
// state and can be shared or exported), the table with selection for bulk status changes, and pagination.
import { Form, Link, useSearchParams, useSubmit } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { personaChoice } from "~/domain/meetings/schemas";
import { useT } from "~/utils/i18n";
import { formatDate } from "~/i18n";
import { MEETING_STATUSES, VERDICTS, type MeetingStatus, type Verdict } from "~/domain/meetings/rules";
import { MeetingStatusBadge, VerdictBadge } from "./Badges";

type Option = { id: string; name: string; number?: number };
export type ListRow = {
  id: string;
  campaignId: string;
  prospectName: string;
  prospectTitle: string;
  prospectCompany: string;
  scheduledAt: string;
  timeZone: string;
  status: MeetingStatus;
  verdict: Verdict;
  ratingOverall: number | null;
  possibleDuplicate: boolean;
  reviewDueAt: string | null;
  sdr: { id: string; name: string };
  personaVersion: { id: string; name: string; number: number };
  campaign: { id: string; name: string };
};

type PersonaOption = { id: string; name: string; versions: { id: string; name: string; number: number }[] };

/**
 * The filters, as a GET form: with JavaScript each change applies at once (the search box after a pause in typing);
 * without it the Filter button submits the same form.
 */
export function MeetingFilters({ sdrs, personas, campaigns, clients }: { sdrs: Option[]; personas: PersonaOption[]; campaigns?: Option[]; clients?: Option[] }) {
  const { t } = useT();
  const [params] = useSearchParams();
  const submit = useSubmit();
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);
  const v = (k: string) => params.get(k) ?? "";
  const persona = personaChoice({ personaId: params.get("personaId"), personaVersionId: params.get("personaVersionId") }) || v("persona");
  const apply = (form: HTMLFormElement) => {
    const data = new FormData(form);
    for (const [k, value] of [...data.entries()]) if (value === "") data.delete(k);
    submit(data, { method: "get", replace: true, preventScrollReset: true });
  };
  const onChange = (e: FormEvent<HTMLFormElement>) => {
    const form = e.currentTarget;
    if (typing.current) clearTimeout(typing.current);
    if ((e.target as HTMLInputElement).type === "search") typing.current = setTimeout(() => apply(form), 400);
    else apply(form);
  };
  useEffect(() => () => { if (typing.current) clearTimeout(typing.current); }, []);
  // The fields are uncontrolled: when the URL changes by a link (a saved view, "Clear filters"), they follow it.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    for (const el of Array.from(form.elements)) {
      if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement) || !el.name || el.type === "hidden") continue;
      if (el.type === "search" && el === document.activeElement) continue;
      const want = el.name === "persona" ? persona : el.name === "sort" ? v("sort") || "date_desc" : v(el.name);
      if (el.value !== want) el.value = want;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params]);
  return (
    <Form ref={formRef} method="get" className="card grid gap-3 md:grid-cols-4" role="search" aria-label={t("meetings.filters")} aria-describedby="filters-live" onChange={onChange}>
      <p id="filters-live" className="sr-only">{t("meetings.filtersLive")}</p>
      <div className="md:col-span-2">
        <label htmlFor="f-q" className="block text-sm font-medium text-slate-700">{t("meetings.search")}</label>
        <input id="f-q" name="q" type="search" defaultValue={v("q")} placeholder={t("meetings.searchHint")} className="input mt-1" />
      </div>
      <Select id="f-status" name="status" label={t("meetings.status")} value={v("status")} empty={t("meetings.anyStatus")} options={MEETING_STATUSES.map((s) => ({ value: s, label: t(`meetings.status.${s}`) }))} />
      <Select id="f-verdict" name="verdict" label={t("meetings.verdict")} value={v("verdict")} empty={t("meetings.anyVerdict")} options={VERDICTS.map((s) => ({ value: s, label: t(`meetings.verdict.${s}`) }))} />
      {clients ? (
        <Select id="f-client" name="clientId" label={t("meetings.client")} value={v("clientId")} empty={t("meetings.anyClient")} options={clients.map((c) => ({ value: c.id, label: c.name }))} />
      ) : null}
      {campaigns ? (
        <Select id="f-campaign" name="campaignId" label={t("meetings.campaign")} value={v("campaignId")} empty={t("meetings.anyCampaign")} options={campaigns.map((c) => ({ value: c.id, label: c.name }))} />
      ) : null}
      {sdrs.length ? <Select id="f-sdr" name="sdrId" label={t("meetings.sdr")} value={v("sdrId")} empty={t("meetings.anySdr")} options={sdrs.map((s) => ({ value: s.id, label: s.name }))} /> : null}
      <div>
        <label htmlFor="f-persona" className="block text-sm font-medium text-slate-700">{t("meetings.persona")}</label>
        <select id="f-persona" name="persona" defaultValue={persona} className="input mt-1">
          <option value="">{t("meetings.anyPersona")}</option>
          {personas.map((p) => (
            <optgroup key={p.id} label={p.name}>
              <option value={`p:${p.id}`}>{t("meetings.personaAllVersions", { name: p.name })}</option>
              {p.versions.map((pv) => (
                <option key={pv.id} value={`v:${pv.id}`}>{t("meetings.personaVersion", { number: pv.number, name: pv.name })}</option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-from" className="block text-sm font-medium text-slate-700">{t("meetings.from")}</label>
        <input id="f-from" name="from" type="date" defaultValue={v("from")} className="input mt-1" />
      </div>
      <div>
        <label htmlFor="f-to" className="block text-sm font-medium text-slate-700">{t("meetings.to")}</label>
        <input id="f-to" name="to" type="date" defaultValue={v("to")} className="input mt-1" />
      </div>
      <Select
        id="f-sort"
        name="sort"
        label={t("meetings.sort")}
        value={v("sort") || "date_desc"}
        options={(["date_desc", "date_asc", "status"] as const).map((s) => ({ value: s, label: t(`meetings.sort.${s}`) }))}
      />
      {v("attention") ? <input type="hidden" name="attention" value={v("attention")} /> : null}
      <div className="flex items-end gap-2">
        <button className="btn-primary">{t("meetings.filter")}</button>
        <Link to="?" className="btn-secondary">{t("meetings.clearFilters")}</Link>
      </div>
    </Form>
  );
}

function Select({ id, name, label, value, options, empty }: { id: string; name: string; label: string; value: string; options: { value: string; label: string }[]; empty?: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      <select id={id} name={name} defaultValue={value} className="input mt-1">
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}

/** The table; with `bulk`, rows get checkboxes and a status action submits them to the page's action. */
export function MeetingTable({ rows, showCampaign, bulk, error }: { rows: ListRow[]; showCampaign?: boolean; bulk?: boolean; error?: string | null }) {
  const { t, locale } = useT();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const all = rows.length > 0 && selected.size === rows.length;
  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const table = (
    <div className="card overflow-x-auto p-0">
      <table className="table table-cards">
        <thead>
          <tr>
            {bulk ? (
              <th className="w-8">
                <input
                  type="checkbox"
                  aria-label={t("meetings.selectAll")}
                  checked={all}
                  onChange={() => setSelected(all ? new Set() : new Set(rows.map((r) => r.id)))}
                  className="h-4 w-4 rounded border-slate-300"
                />
              </th>
            ) : null}
            <th>{t("meetings.when")}</th>
            <th>{t("meetings.prospect")}</th>
            {showCampaign ? <th>{t("meetings.campaign")}</th> : null}
            <th>{t("meetings.sdr")}</th>
            <th>{t("meetings.persona")}</th>
            <th>{t("meetings.status")}</th>
            <th>{t("meetings.verdict")}</th>
            <th>{t("meetings.reviewBy")}</th>
            <th>{t("meetings.rating")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id}>
              {bulk ? (
                <td>
                  <input
                    type="checkbox"
                    name="ids"
                    value={m.id}
                    checked={selected.has(m.id)}
                    onChange={() => toggle(m.id)}
                    aria-label={`${t("meetings.select")} ${m.prospectName}`}
                    className="h-4 w-4 rounded border-slate-300"
                  />
                </td>
              ) : null}
              <td className="whitespace-nowrap" data-label={t("meetings.when")}>{formatDate(locale, m.scheduledAt, { dateStyle: "medium", timeStyle: "short", timeZone: m.timeZone })}</td>
              <td>
                <Link to={`/campaigns/${m.campaignId}/meetings/${m.id}`} className="link font-medium">{m.prospectName}</Link>
                <span className="block text-xs text-slate-500">
                  {[m.prospectTitle, m.prospectCompany].filter(Boolean).join(" · ")}
                  {m.possibleDuplicate ? <span className="ml-1 badge bg-amber-100 text-amber-800">{t("meetings.duplicate")}</span> : null}
                </span>
              </td>
              {showCampaign ? <td data-label={t("meetings.campaign")}>{m.campaign.name}</td> : null}
              <td data-label={t("meetings.sdr")}>{m.sdr.name}</td>
              <td data-label={t("meetings.persona")}>{m.personaVersion.name} <span className="text-xs text-slate-500">v{m.personaVersion.number}</span></td>
              <td data-label={t("meetings.status")}><MeetingStatusBadge status={m.status} /></td>
              <td data-label={t("meetings.verdict")}><VerdictBadge verdict={m.verdict} /></td>
              <td className="whitespace-nowrap" data-label={t("meetings.reviewBy")}>
                {m.verdict === "PENDING" && m.reviewDueAt ? formatDate(locale, m.reviewDueAt, { dateStyle: "medium", timeStyle: "short", timeZone: m.timeZone }) : "—"}
              </td>
              <td data-label={t("meetings.rating")}>{m.ratingOverall ? `${m.ratingOverall}/5` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  if (!bulk) return table;
  return (
    <Form method="post" className="space-y-3">
      <input type="hidden" name="intent" value="bulk" />
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="bulk-action" className="block text-sm font-medium text-slate-700">{t("meetings.bulkAction")}</label>
          <select id="bulk-action" name="action" className="input mt-1" defaultValue="HELD">
            {(["HELD", "NO_SHOW", "CANCELLED"] as const).map((a) => (
              <option key={a} value={a}>{t(`meetings.action.${a}`)}</option>
            ))}
          </select>
        </div>
        <button className="btn-secondary" disabled={selected.size === 0}>{t("meetings.bulkApply")} ({selected.size})</button>
        {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      </div>
      {table}
    </Form>
  );
}

export function Pagination({ page, pages, total, totalIsLowerBound = false }: { page: number; pages: number; total: number; totalIsLowerBound?: boolean }) {
  const { t } = useT();
  const [params] = useSearchParams();
  const to = (p: number) => {
    const n = new URLSearchParams(params);
    n.set("page", String(p));
    return `?${n.toString()}`;
  };
  return (
    <nav aria-label={totalIsLowerBound ? t("meetings.pageOnly", { page }) : t("meetings.page", { page, pages })} className="flex items-center justify-between text-sm text-slate-600">
      <span>
        {totalIsLowerBound ? t("meetings.countMore", { count: total }) : t("meetings.count", { count: total })} ·{" "}
        {totalIsLowerBound ? t("meetings.pageOnly", { page }) : t("meetings.page", { page, pages })}
      </span>
      <span className="flex gap-2">
        {page > 1 ? <Link to={to(page - 1)} className="btn-secondary">{t("meetings.previous")}</Link> : null}
        {page < pages ? <Link to={to(page + 1)} className="btn-secondary">{t("meetings.next")}</Link> : null}
      </span>
    </nav>
  );
}
