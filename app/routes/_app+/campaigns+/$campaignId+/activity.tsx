import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { KeyboardEvent } from "react";
import { requireActor } from "~/utils/auth.server";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { failure } from "~/utils/form";
import { redirectWithToast } from "~/utils/toast.server";
import { type ActivityImportError, activityContext, activityHistory, getActivityWeek, importActivityCsv, MAX_ACTIVITY_CSV_BYTES, recordActivityWeek } from "~/models/objectives/activity.server";
import { ACTIVITY_FIELDS, ACTIVITY_MAX, activityRowSchema, type ActivityRow } from "~/domain/objectives/activity";
import { addDays, isDay, startOfWeek, todayIn } from "~/domain/objectives/dates";
import { prisma } from "~/utils/db.server";
import { formatDay } from "~/domain/objectives/format";
import { ErrorList, FormError, errorText } from "~/components/forms/Field";
import { formatDateTime, keyFor } from "~/i18n";
import { useT } from "~/utils/i18n";

async function weekAndSdr(request: Request, campaignId: string) {
  const actor = await requireActor(request, "activity:record");
  const { campaign, sdrs } = await orResponse(activityContext(actor, campaignId));
  const url = new URL(request.url);
  const agency = await prisma.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { timeZone: true } });
  const today = todayIn(agency.timeZone);
  const w = url.searchParams.get("week");
  const week = startOfWeek(w && isDay(w) ? w : today);
  const wanted = url.searchParams.get("sdr");
  const named = wanted ? sdrs.find((s) => s.id === wanted) : undefined;
  // The agency naming an SDR who is not on the campaign gets a 404, never another SDR's week in its place
  // (an SDR only ever has their own week, whatever the query says).
  if (wanted && !named && actor.role !== "SDR") throw new Response("Not Found", { status: 404 });
  const sdr = named ?? sdrs.find((s) => s.id === actor.userId) ?? sdrs[0] ?? null;
  return { actor, campaign, sdrs, sdr, week, today };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, campaign, sdrs, sdr, week, today } = await weekAndSdr(request, params.campaignId!);
  const [days, history] = sdr
    ? await Promise.all([getActivityWeek(actor, campaign.id, sdr.id, week), activityHistory(actor, campaign.id, sdr.id)])
    : [[], []];
  return json({ campaign: { id: campaign.id, name: campaign.name }, sdrs, sdr, week, today, days, history, onBehalf: actor.role !== "SDR" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, campaign, sdr, week } = await weekAndSdr(request, params.campaignId!);
  const formData = await readForm(request);
  const here = `/campaigns/${campaign.id}/activity?sdr=${sdr?.id ?? ""}&week=${week}`;
  try {
    if (formData.get("intent") === "import") {
      const file = formData.get("file");
      if (!file || typeof file === "string" || file.size === 0) return json(failure(formData, { file: ["activity.errors.csvFile"] }), { status: 400 });
      if (file.size > MAX_ACTIVITY_CSV_BYTES) return json(failure(formData, { file: ["activity.errors.csvTooBig"] }), { status: 400 });
      const r = await importActivityCsv(actor, campaign.id, await file.text());
      if (!r.ok || r.errors.length) {
        return json({ ...failure(formData, { file: ["activity.errors.csvRows|saved=" + r.saved] }), importErrors: r.errors.slice(0, 50) as ActivityImportError[] }, { status: 400 });
      }
      return redirectWithToast(here, "activity.imported");
    }
    if (!sdr) throw new Response("Not Found", { status: 404 });
    const rows: ActivityRow[] = [];
    const errors: Record<string, string[]> = {};
    for (let i = 0; i < 7; i += 1) {
      const day = addDays(week, i);
      const raw = Object.fromEntries(ACTIVITY_FIELDS.map((f) => [f, String(formData.get(`${day}.${f}`) ?? "")]));
      if (ACTIVITY_FIELDS.every((f) => raw[f].trim() === "") && formData.get(`${day}.present`) !== "1") continue;
      const parsed = activityRowSchema.safeParse({ day, ...raw });
      if (!parsed.success) for (const issue of parsed.error.issues) (errors[`${day}.${String(issue.path[0])}`] ??= []).push(issue.message);
      else rows.push(parsed.data);
    }
    if (Object.keys(errors).length) return json(failure(formData, errors), { status: 400 });
    await recordActivityWeek(actor, campaign.id, sdr.id, rows);
    return redirectWithToast(here, "activity.saved");
  } catch (e) {
    if (e instanceof Response) throw e;
    return actionError(e, formData);
  }
}

/** Arrow keys move between the grid's cells (Tab and Shift+Tab move as usual; Enter saves the week). */
function moveFocus(e: KeyboardEvent<HTMLTableElement>) {
  const target = e.target as HTMLInputElement;
  const row = Number(target.dataset.row);
  const col = Number(target.dataset.col);
  if (Number.isNaN(row)) return;
  const delta: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  const d = delta[e.key];
  if (!d) return;
  if ((e.key === "ArrowLeft" && target.selectionStart !== 0) || (e.key === "ArrowRight" && target.selectionEnd !== target.value.length)) return;
  const next = e.currentTarget.querySelector<HTMLInputElement>(`input[data-row="${row + d[0]}"][data-col="${col + d[1]}"]`);
  if (next) {
    e.preventDefault();
    next.focus();
    next.select();
  }
}

export default function ActivityGrid() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string[]> | undefined = result && !result.ok ? result.errors : undefined;
  const values: Record<string, string> | undefined = result && !result.ok && result.values.intent !== "import" ? result.values : undefined;
  const navigation = useNavigation();
  const { t, locale, timeZone } = useT();
  const importErrors = (result && "importErrors" in result ? result.importErrors : []) as ActivityImportError[];
  const totals = Object.fromEntries(ACTIVITY_FIELDS.map((f) => [f, data.days.reduce((n, d) => n + d[f], 0)]));
  const link = (week: string) => `?sdr=${data.sdr?.id ?? ""}&week=${week}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="h2">{t("activity.title")}</h2>
          <p className="text-sm text-slate-600">{t("activity.help")}</p>
        </div>
        <Link to="../objectives" relative="path" className="link text-sm">{t("objectives.title")} →</Link>
      </div>
      {data.sdrs.length === 0 ? <p className="card text-sm text-slate-600">{t("activity.noSdr")}</p> : (
        <>
          <div className="flex flex-wrap items-end gap-3">
            {data.onBehalf ? (
              <Form method="get" className="flex items-end gap-2">
                <input type="hidden" name="week" value={data.week} />
                <label className="text-sm">
                  <span className="block text-slate-600">{t("activity.sdr")}</span>
                  <select name="sdr" defaultValue={data.sdr?.id} className="input">
                    {data.sdrs.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
                  </select>
                </label>
                <button className="btn-secondary">{t("activity.show")}</button>
              </Form>
            ) : null}
            <nav aria-label={t("activity.weekNav")} className="flex items-center gap-2">
              <Link to={link(addDays(data.week, -7))} className="btn-secondary" aria-label={t("activity.previousWeek")}>←</Link>
              <span className="text-sm font-medium">{t("activity.weekOf", { date: formatDay(locale, data.week, { dateStyle: "long" }) })}</span>
              <Link to={link(addDays(data.week, 7))} className="btn-secondary" aria-label={t("activity.nextWeek")}>→</Link>
              <Link to={link(startOfWeek(data.today))} className="link text-sm">{t("activity.thisWeek")}</Link>
            </nav>
          </div>
          <Form method="post" className="space-y-3" noValidate>
            <input type="hidden" name="intent" value="save" />
            {errors && result?.values.intent !== "import" ? <FormError errors={errors} /> : null}
            <div className="card overflow-x-auto p-0">
              <table className="min-w-full text-sm" onKeyDown={moveFocus}>
                <caption className="sr-only">{t("activity.caption", { name: data.sdr?.name ?? "" })}</caption>
                <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
                  <tr>
                    <th scope="col" className="px-4 py-2">{t("activity.day")}</th>
                    {ACTIVITY_FIELDS.map((f) => <th key={f} scope="col" className="px-2 py-2">{t(keyFor("activity.field", f, "common.unknown"))}</th>)}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {data.days.map((d, row) => {
                    const future = d.day > data.today;
                    const dayLabel = formatDay(locale, d.day, { weekday: "long", day: "numeric", month: "short" });
                    return (
                      <tr key={d.day} className={future ? "bg-slate-50 text-slate-400" : ""}>
                        <th scope="row" className="whitespace-nowrap px-4 py-2 text-left font-medium">
                          {dayLabel}
                          {future ? null : <input type="hidden" name={`${d.day}.present`} value="1" />}
                        </th>
                        {ACTIVITY_FIELDS.map((f, col) => {
                          const name = `${d.day}.${f}`;
                          const err = errors?.[name];
                          return (
                            <td key={f} className="px-2 py-1">
                              <input
                                name={name}
                                data-row={row}
                                data-col={col}
                                inputMode="numeric"
                                autoComplete="off"
                                disabled={future}
                                aria-label={`${t(keyFor("activity.field", f, "common.unknown"))}, ${dayLabel}`}
                                aria-invalid={Boolean(err) || undefined}
                                defaultValue={values?.[name] ?? (future ? "" : String(d[f]))}
                                className={`input w-24 text-right ${err ? "border-red-500" : ""}`}
                              />
                              <ErrorList errors={err} />
                            </td>
                          );
                        })}
                      </tr>
                    );
                  })}
                </tbody>
                <tfoot className="bg-slate-50 text-sm font-medium">
                  <tr>
                    <th scope="row" className="px-4 py-2 text-left">{t("activity.total")}</th>
                    {ACTIVITY_FIELDS.map((f) => <td key={f} className="px-2 py-2 text-right">{totals[f]}</td>)}
                  </tr>
                </tfoot>
              </table>
            </div>
            <p className="text-xs text-slate-500">{t("activity.keyboard", { max: ACTIVITY_MAX.dials })}</p>
            <button className="btn-primary" disabled={navigation.state === "submitting"}>{t("activity.save")}</button>
          </Form>

          <section className="card space-y-3" aria-labelledby="csv-title">
            <h3 id="csv-title" className="font-semibold text-slate-900">{t("activity.csvTitle")}</h3>
            <p className="text-sm text-slate-600">{t("activity.csvHelp")}</p>
            <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-3">
              <input type="hidden" name="intent" value="import" />
              <label className="text-sm">
                <span className="block text-slate-600">{t("activity.csvFile")}</span>
                <input type="file" name="file" accept=".csv,text/csv" className="mt-1 text-sm" />
              </label>
              <button className="btn-secondary">{t("activity.csvImport")}</button>
            </Form>
            {result?.values.intent === "import" ? <ErrorList errors={errors?.file} /> : null}
            {importErrors.length ? (
              <ul className="space-y-0.5 text-sm text-red-700">
                {importErrors.map((e) => (
                  <li key={`${e.line}-${e.field}`}>{t("activity.errors.csvLine", { line: e.line, field: e.field ? t(keyFor("activity.column", e.field, "common.unknown")) : "—" })} {errorText(t, e.message)}</li>
                ))}
              </ul>
            ) : null}
          </section>

          <section className="space-y-2" aria-labelledby="history-title">
            <h3 id="history-title" className="font-semibold text-slate-900">{t("activity.history")}</h3>
            {data.history.length === 0 ? <p className="text-sm text-slate-500">{t("activity.noHistory")}</p> : (
              <ul className="space-y-1 text-sm">
                {data.history.map((h) => (
                  <li key={h.id}>
                    <span className="text-slate-500">{formatDateTime(locale, h.at, timeZone)} · {h.by ?? "—"}:</span>{" "}
                    {h.changes.map((c) => `${formatDay(locale, c.day, { day: "numeric", month: "short" })} ${ACTIVITY_FIELDS.map((f) => `${t(keyFor("activity.field", f, "common.unknown"))} ${c.from ? `${c.from[f]}→` : ""}${c.to[f]}`).join(", ")}`).join(" ; ")}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
