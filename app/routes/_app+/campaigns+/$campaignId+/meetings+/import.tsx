import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { readUpload } from "~/utils/multipart.server";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { requireActor } from "~/utils/auth.server";
import { confirmImport, createImport, getImport, importChoices, listImports } from "~/models/meetings/import.server";
import { DATE_FORMATS, IMPORT_FIELDS, MAX_IMPORT_BYTES, REQUIRED_IMPORT_FIELDS, type DateFormat, type ImportMapping } from "~/domain/meetings/import";
import { enqueueImport } from "~/services/queue.server";
import { timeZones } from "~/domain/shared/timezone";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { ErrorList, FormError, errorText } from "~/components/forms/Field";
import { isMessageKey, keyFor, type TFunction } from "~/i18n";
import { useT } from "~/utils/i18n";
import { formatDateTime } from "~/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "meeting:log");
  const jobId = new URL(request.url).searchParams.get("job");
  if (jobId) {
    const job = await orResponse(getImport(actor, params.campaignId!, jobId));
    const mapping = job.status === "MAPPING";
    return json({ job, recent: [], timeZones: mapping ? timeZones() : [], choices: mapping ? await orResponse(importChoices(actor, params.campaignId!)) : null });
  }
  return json({ job: null, recent: await orResponse(listImports(actor, params.campaignId!)), timeZones: [] as string[], choices: null });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "meeting:log");
  const base = `/campaigns/${params.campaignId}/meetings/import`;
  const isMultipart = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
  if (isMultipart) {
    // Refuse before reading a body that announces itself as too large; the upload handler enforces the limit anyway.
    if (Number(request.headers.get("Content-Length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) return json({ ok: false as const, errors: { file: ["meetings.import.tooLarge"] } }, { status: 413 });
    // Our own reader: Remix's multipart parser fails on a file name holding "=" or ";" (app/utils/multipart.server.ts).
    const { file } = await readUpload(request, { maxBytes: MAX_IMPORT_BYTES + 64 * 1024 });
    if (file && file.bytes.length > MAX_IMPORT_BYTES) return json({ ok: false as const, errors: { file: ["meetings.import.tooLarge"] } }, { status: 413 });
    if (!file || !file.bytes.length) return json({ ok: false as const, errors: { file: ["meetings.import.empty"] } }, { status: 400 });
    if (!/\.(csv|txt)$/i.test(file.name)) return json({ ok: false as const, errors: { file: ["meetings.import.notCsv"] } }, { status: 400 });
    try {
      const job = await createImport(actor, params.campaignId!, file);
      return redirect(`${base}?job=${job.id}`);
    } catch (e) {
      return actionError(e, new FormData());
    }
  }
  const formData = await readForm(request);
  const jobId = String(formData.get("jobId") ?? "");
  const mapping: ImportMapping = {};
  for (const f of IMPORT_FIELDS) {
    const v = formData.get(`map.${f}`);
    if (typeof v === "string" && v) mapping[f] = v;
  }
  const tz = String(formData.get("defaultTimeZone") ?? "").trim();
  if (tz) mapping.defaultTimeZone = tz;
  const duration = String(formData.get("defaultDuration") ?? "").trim();
  if (duration) mapping.defaultDuration = duration;
  const dateFormat = String(formData.get("dateFormat") ?? "");
  if ((DATE_FORMATS as readonly string[]).includes(dateFormat)) mapping.dateFormat = dateFormat as DateFormat;
  for (const k of ["defaultPersonaVersionId", "defaultSdrId", "defaultClientAttendeeId"] as const) {
    const v = String(formData.get(k) ?? "").trim();
    if (v) mapping[k] = v;
  }
  try {
    const r = await confirmImport(actor, params.campaignId!, jobId, mapping);
    if (!r.ok) return json({ ok: false as const, errors: r.errors }, { status: 400 });
    await enqueueImport(jobId);
    return redirect(`${base}?job=${jobId}`);
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function ImportMeetings() {
  const { job, recent, timeZones, choices } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale, timeZone } = useT();
  const navigation = useNavigation();
  const errors = data && !data.ok ? data.errors : undefined;
  return (
    <div className="space-y-4">
      <Link to=".." relative="path" className="link text-sm">← {t("meetings.import.back")}</Link>
      <h2 className="h2">{t("meetings.import.title")}</h2>
      {!job ? (
        <>
          <Form method="post" encType="multipart/form-data" className="card space-y-3">
            <p className="text-sm text-slate-600">{t("meetings.import.intro")}</p>
            <p className="text-sm text-slate-600">
              <a href="import/template" download className="link underline">{t("meetings.import.template")}</a>{" "}
              <span>{t("meetings.import.templateHint", { separator: locale === "fr" ? "« ; »" : "“,”" })}</span>
            </p>
            <FormError errors={errors && !errors.file ? errors : undefined} />
            <div>
              <label htmlFor="file" className="block text-sm font-medium text-slate-700">{t("meetings.import.file")}</label>
              <input id="file" name="file" type="file" accept=".csv,text/csv" required aria-invalid={errors?.file ? true : undefined} aria-describedby="file-error" className="mt-1 block text-sm" />
              <ErrorList id="file-error" errors={errors?.file} />
            </div>
            <button className="btn-primary" disabled={navigation.state === "submitting"}>{t("meetings.import.upload")}</button>
          </Form>
          {recent.length ? (
            <section className="card">
              <h3 className="font-medium">{t("meetings.import.recent")}</h3>
              <ul className="mt-2 space-y-1 text-sm">
                {recent.map((r) => (
                  <li key={r.id}>
                    <Link to={`?job=${r.id}`} className="link underline">{r.fileName}</Link> · {t(`meetings.import.status.${r.status}`)} · {formatDateTime(locale, r.createdAt, timeZone)} ·{" "}
                    {importSummary(t, r.createdCount, r.skippedCount, r.errorCount)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : job.status === "MAPPING" ? (
        <MappingForm job={job} timeZones={timeZones} choices={choices!} errors={errors} busy={navigation.state === "submitting"} />
      ) : (
        <Progress job={job} />
      )}
    </div>
  );
}

type Job = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["job"]>;
type Choices = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["choices"]>;

/** "1 meeting imported, 2 already imported, 1 row with errors." with the right singular or plural in each language. */
function importSummary(t: TFunction, created: number, skipped: number, errors: number) {
  const parts = [created === 1 ? t("meetings.import.created.one") : t("meetings.import.created.other", { count: created })];
  if (skipped) parts.push(skipped === 1 ? t("meetings.import.skipped.one") : t("meetings.import.skipped.other", { count: skipped }));
  if (errors) parts.push(errors === 1 ? t("meetings.import.errorRows.one") : t("meetings.import.errorRows.other", { count: errors }));
  return `${parts.join(", ")}.`;
}

function DefaultSelect({ name, label, options, value, empty, errors }: { name: string; label: string; options: { id: string; name: string }[]; value?: string; empty?: string; errors?: string[] }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">{label}</label>
      <select id={name} name={name} defaultValue={value ?? ""} className="input mt-1" aria-invalid={errors ? true : undefined}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((o) => (
          <option key={o.id} value={o.id}>{o.name}</option>
        ))}
      </select>
      <ErrorList errors={errors} />
    </div>
  );
}

function MappingForm({ job, timeZones, choices, errors, busy }: { job: Job; timeZones: string[]; choices: Choices; errors?: Record<string, string[]>; busy: boolean }) {
  const { t, timeZone } = useT();
  const onlyPersona = choices.personas.length === 1 ? choices.personas[0] : null;
  return (
    <Form method="post" className="space-y-4">
      <input type="hidden" name="jobId" value={job.id} />
      <FormError errors={errors} />
      <section className="card">
        <h3 className="font-medium">{t("meetings.import.mapping")} — {job.fileName}</h3>
        <div className="mt-3 grid gap-3 md:grid-cols-3">
          {IMPORT_FIELDS.map((f) => (
            <div key={f}>
              <label htmlFor={`map-${f}`} className="block text-sm font-medium text-slate-700">
                {t(`meetings.field.${f}`)}
                {REQUIRED_IMPORT_FIELDS.includes(f) || (f === "persona" && !onlyPersona) ? <span className="text-red-700"> *</span> : null}
              </label>
              <select id={`map-${f}`} name={`map.${f}`} defaultValue={job.mapping[f] ?? ""} className="input mt-1" aria-invalid={errors?.[`map.${f}`] ? true : undefined}>
                <option value="">{t("meetings.import.notMapped")}</option>
                {job.columns.map((c) => (
                  <option key={c} value={c}>{c}</option>
                ))}
              </select>
              <ErrorList errors={errors?.[`map.${f}`]} />
            </div>
          ))}
          <div>
            <label htmlFor="defaultTimeZone" className="block text-sm font-medium text-slate-700">{t("meetings.import.defaultTimeZone")}</label>
            <input id="defaultTimeZone" name="defaultTimeZone" list="tz-list" defaultValue={timeZone} className="input mt-1" />
            <datalist id="tz-list">
              {timeZones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
            <ErrorList errors={errors?.defaultTimeZone} />
          </div>
          <div>
            <label htmlFor="defaultDuration" className="block text-sm font-medium text-slate-700">{t("meetings.import.defaultDuration")}</label>
            <input id="defaultDuration" name="defaultDuration" type="number" defaultValue="30" className="input mt-1" />
          </div>
          <div>
            <label htmlFor="dateFormat" className="block text-sm font-medium text-slate-700">{t("meetings.import.dateFormat")}</label>
            <select id="dateFormat" name="dateFormat" defaultValue={job.mapping.dateFormat ?? "DMY"} className="input mt-1">
              {DATE_FORMATS.map((f) => (
                <option key={f} value={f}>{t(`meetings.import.dateFormat.${f}`)}</option>
              ))}
            </select>
            <ErrorList errors={errors?.dateFormat} />
          </div>
          <DefaultSelect
            name="defaultPersonaVersionId"
            label={t("meetings.import.defaultPersona")}
            options={choices.personas.map((p) => ({ id: p.id, name: onlyPersona ? t("meetings.import.onlyPersona", { persona: p.name }) : `${p.name} (v${p.number})` }))}
            value={onlyPersona?.id}
            empty={onlyPersona ? undefined : t("meetings.import.notMapped")}
            errors={errors?.defaultPersonaVersionId}
          />
          {choices.isSdr ? null : (
            <DefaultSelect name="defaultSdrId" label={t("meetings.import.defaultSdr")} options={choices.sdrs} value={choices.defaultSdrId} empty={choices.defaultSdrId ? undefined : "—"} errors={errors?.defaultSdrId} />
          )}
          <DefaultSelect
            name="defaultClientAttendeeId"
            label={t("meetings.import.defaultAttendee")}
            options={choices.clientUsers}
            empty={t("meetings.import.noAttendee")}
            errors={errors?.defaultClientAttendeeId}
          />
        </div>
      </section>
      <section className="card overflow-x-auto p-0">
        <h3 className="px-5 pt-4 font-medium">{t("meetings.import.preview")}</h3>
        <table className="table mt-2">
          <thead>
            <tr>{job.columns.map((c) => <th key={c}>{c}</th>)}</tr>
          </thead>
          <tbody>
            {job.preview.map((row, i) => (
              <tr key={i}>{job.columns.map((c, j) => <td key={c}>{row[j] ?? ""}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </section>
      <button className="btn-primary" disabled={busy}>{t("meetings.import.start")}</button>
    </Form>
  );
}

function Progress({ job }: { job: Job }) {
  const { t } = useT();
  const revalidator = useRevalidator();
  const running = job.status === "QUEUED" || job.status === "RUNNING";
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1000);
    return () => clearInterval(id);
  }, [running, revalidator]);
  const pct = job.totalRows ? Math.round((job.processedRows / job.totalRows) * 100) : 0;
  return (
    <div className="space-y-4">
      <section className="card space-y-2">
        <p className="text-sm font-medium">{job.fileName} · {t(`meetings.import.status.${job.status}`)}</p>
        <div role="progressbar" aria-label={t("meetings.import.progress", { processed: job.processedRows, total: job.totalRows })} aria-valuemin={0} aria-valuemax={100} aria-valuenow={job.status === "DONE" ? 100 : pct} className="h-3 w-full overflow-hidden rounded-full bg-slate-100">
          <div className="h-full bg-brand-600 transition-all" style={{ width: `${job.status === "DONE" ? 100 : pct}%` }} />
        </div>
        <p className="text-sm text-slate-600">{t("meetings.import.progress", { processed: job.processedRows, total: job.totalRows })}</p>
        {job.status === "DONE" || job.status === "FAILED" ? (
          <p role="status" className="text-sm font-medium">{importSummary(t, job.createdCount, job.skippedCount, job.errorCount)}</p>
        ) : null}
        {job.status === "FAILED" ? <p role="alert" className="text-sm text-red-700">{t("meetings.import.failed", { reason: job.failure && isMessageKey(job.failure) ? t(job.failure) : job.failure ?? "" })}</p> : null}
      </section>
      {job.errors.length ? (
        <section className="card overflow-x-auto p-0">
          <h3 className="px-5 pt-4 font-medium">{t("meetings.import.errors")}</h3>
          {/* On a phone each error is a card (table-cards): the problem is never scrolled out of sight. */}
          <table className="table table-cards mt-2">
            <thead>
              <tr>
                <th>{t("meetings.import.line")}</th>
                <th>{t("meetings.import.field")}</th>
                <th>{t("meetings.import.value")}</th>
                <th>{t("meetings.import.problem")}</th>
              </tr>
            </thead>
            <tbody>
              {job.errors.map((e, i) => (
                <tr key={i}>
                  <td data-label={t("meetings.import.line")}>{e.line}</td>
                  <td data-label={t("meetings.import.field")}>{e.field ? t(keyFor("meetings.field", e.field === "scheduledLocal" ? "scheduledAt" : e.field === "personaVersionId" ? "persona" : e.field, "meetings.import.field")) : "—"}</td>
                  <td className="max-w-xs break-words font-mono text-xs before:font-sans max-md:max-w-none" data-label={e.value ? t("meetings.import.value") : undefined}>{e.value ?? ""}</td>
                  <td data-label={t("meetings.import.problem")}>{errorText(t, e.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {job.errorCount > job.errors.length ? <p className="px-5 py-2 text-xs text-slate-500">{t("meetings.import.moreErrors", { count: job.errors.length })}</p> : null}
          {running ? null : (
            <p className="px-5 py-3 text-sm">
              <a href={`import/errors?job=${job.id}`} download className="link underline">{t("meetings.import.downloadErrors")}</a>
            </p>
          )}
        </section>
      ) : null}
      {!running ? <Link to="?" className="btn-secondary">{t("meetings.import.another")}</Link> : null}
    </div>
  );
}
