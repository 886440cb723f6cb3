// Recording an assessment on the objective's grid: by an AM or admin (a call review when it starts from a meeting's
// page, `?meetingId=`), or by an SDR (their self-assessment, or a peer feedback when the ritual says so).
// It lands on the objective's page, with every other assessment. Clients: 404.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { orResponse, readForm } from "~/utils/http.server";
import { failure, parseForm } from "~/utils/form";
import { redirectWithToast } from "~/utils/toast.server";
import { DomainError } from "~/domain/shared/errors";
import { can } from "~/domain/shared/permissions";
import { assessmentFormData } from "~/models/qualitative/pages.server";
import { recordAssessment } from "~/models/qualitative/qualitative.server";
import { assessmentFormSchema, levelsFromForm, RITUAL_ENUM } from "~/domain/qualitative/schemas";
import { LEVELS } from "~/domain/qualitative/grid";
import { formatDay } from "~/domain/objectives/format";
import { Field, FormError, ErrorList, SelectField } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";

function pickFrom(url: URL) {
  const sdr = url.searchParams.get("sdrId");
  return { team: sdr === "team", sdrId: sdr && sdr !== "team" ? sdr : null, meetingId: url.searchParams.get("meetingId"), kind: url.searchParams.get("kind") };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "objective:read");
  const pick = pickFrom(new URL(request.url));
  const d = await orResponse(assessmentFormData(actor, params.campaignId!, params.objectiveId!, pick));
  const kind = d.manager ? "MANAGER" : pick.kind === "PEER" && d.objective.ritual === "PEER_FEEDBACK" ? "PEER" : "SELF";
  // A peer feedback is about someone else: the SDR picks the peer first.
  const sdrId = kind === "PEER" ? (d.sdrId !== actor.userId ? d.sdrId : null) : d.sdrId;
  const chosen = Boolean(sdrId) || (pick.team && d.teamAllowed);
  const choices = kind === "PEER" ? d.sdrs.filter((s) => s.id !== actor.userId) : d.sdrs;
  return json({ ...d, kind, sdrId, chosen, team: pick.team && d.teamAllowed, choices, fromMeeting: Boolean(d.prefilledMeetingId) });
}

const FIELD: Record<string, string> = { date: "day", evidence: "meetingIds", levels: "_form", kind: "_form" };

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "objective:read");
  const formData = await readForm(request);
  const parsed = parseForm(assessmentFormSchema, formData, ["meetingIds"]);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const manager = can(actor.role, "objective:manage");
  const kind = manager ? "MANAGER" : parsed.data.kind === "PEER" ? "PEER" : "SELF";
  const sdrId = kind === "SELF" ? actor.userId : parsed.data.sdrId;
  if (kind === "PEER" && !sdrId) return json(failure(formData, { sdrId: ["objectives.qual.errors.sdrRequired"] }), { status: 400 });
  try {
    await recordAssessment(actor, params.objectiveId!, {
      sdrId, kind, ritual: parsed.data.ritual, day: parsed.data.day, levels: levelsFromForm(formData), meetingIds: parsed.data.meetingIds,
      recordingUrl: parsed.data.recordingUrl, recordingAt: parsed.data.recordingAt, note: parsed.data.note, comment: parsed.data.comment, nextStep: parsed.data.nextStep,
    }, params.campaignId!);
    return redirectWithToast(`/campaigns/${params.campaignId}/objectives/qualitative/${params.objectiveId}`, "objectives.qual.assess.saved");
  } catch (e) {
    if (e instanceof DomainError && e.code !== "NOT_FOUND" && e.code !== "FORBIDDEN") {
      const f = e.field ?? "_form";
      const field = f.startsWith("level:") ? `level.${f.slice(6)}` : FIELD[f] ?? f;
      return json(failure(formData, { [field]: [e.messageKey] }), { status: e.status });
    }
    if (e instanceof DomainError) throw new Response(e.code, { status: e.status });
    throw e;
  }
}

export default function RecordAssessment() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const errors = failed?.errors;
  const v = failed?.values;
  const navigation = useNavigation();
  const { t, locale } = useT();
  const title = d.fromMeeting ? t("objectives.qual.assess.titleReview") : d.kind === "SELF" ? t("objectives.qual.assess.titleSelf") : d.kind === "PEER" ? t("objectives.qual.assess.titlePeer") : t("objectives.qual.assess.title");
  const who = d.team ? t("objectives.qual.team") : d.sdrs.find((s) => s.id === d.sdrId)?.name ?? "";
  const picked = new Set(v ? (v.meetingIds ?? "").split(",").filter(Boolean) : d.prefilledMeetingId ? [d.prefilledMeetingId] : []);
  return (
    <section className="card max-w-3xl">
      <Link to=".." relative="path" className="link text-sm">← {d.objective.title}</Link>
      <h2 className="h2 mt-2">{title}</h2>
      <p className="mt-1 text-sm text-slate-600">{d.objective.title} · {t("objectives.qual.assess.gridNote", { version: d.grid.version })}</p>

      {!d.chosen ? (
        <Form method="get" className="mt-4 flex flex-wrap items-end gap-2">
          {d.kind !== "MANAGER" ? <input type="hidden" name="kind" value={d.kind} /> : null}
          <SelectField
            label={t("objectives.qual.assess.who")}
            name="sdrId"
            required
            emptyLabel={t("objectives.qual.assess.choose")}
            options={[...(d.teamAllowed ? [{ value: "team", label: t("objectives.qual.team") }] : []), ...d.choices.map((s) => ({ value: s.id, label: s.name }))]}
          />
          <button className="btn-primary">{t("objectives.qual.assess.continue")}</button>
        </Form>
      ) : (
        <Form method="post" className="mt-4 space-y-5" noValidate>
          <FormError errors={errors} />
          <input type="hidden" name="kind" value={d.kind} />
          <input type="hidden" name="sdrId" value={d.team ? "" : d.sdrId ?? ""} />
          <p className="text-sm">
            <span className="block text-xs font-medium text-slate-500">{t("objectives.qual.assess.who")}</span>
            <span className="font-medium text-slate-900">{who}</span>
          </p>
          <ErrorList errors={errors?.sdrId} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("objectives.qual.assess.day")} name="day" type="date" required defaultValue={v?.day ?? d.today} errors={errors?.day} />
            <SelectField
              label={t("objectives.qual.assess.ritual")}
              name="ritual"
              required
              defaultValue={v?.ritual ?? (d.fromMeeting ? "CALL_REVIEW" : d.kind === "PEER" ? "PEER_FEEDBACK" : d.objective.ritual ?? "CALL_REVIEW")}
              errors={errors?.ritual}
              options={RITUAL_ENUM.map((r) => ({ value: r, label: t(`objectives.qual.ritual.${r}`) }))}
            />
          </div>

          <fieldset className="space-y-4">
            <legend className="text-base font-semibold text-slate-900">{t("objectives.qual.assess.levels")}</legend>
            {d.grid.criteria.map((c) => {
              const errs = errors?.[`level.${c.key}`];
              return (
                <fieldset key={c.key} className="rounded-md border border-slate-200 p-3" aria-invalid={errs?.length ? true : undefined} aria-describedby={errs?.length ? `lvl-${c.key}-error` : undefined}>
                  <legend className="px-1 text-sm font-medium text-slate-900">{c.label}</legend>
                  <div className="mt-1 grid gap-2 sm:grid-cols-2">
                    {LEVELS.map((l) => (
                      <label key={l} className="flex items-start gap-2 rounded-md p-1 text-sm hover:bg-slate-50">
                        <input type="radio" name={`level.${c.key}`} value={l} defaultChecked={v?.[`level.${c.key}`] === l} className="mt-1 h-4 w-4" />
                        <span>
                          <span className="font-medium text-slate-800">{t(`objectives.qual.level.${l}`)}</span>
                          <span className="block text-xs text-slate-600">{c.levels[l]}</span>
                        </span>
                      </label>
                    ))}
                  </div>
                  <ErrorList id={`lvl-${c.key}-error`} errors={errs} />
                </fieldset>
              );
            })}
          </fieldset>

          <fieldset>
            <legend className="text-sm font-medium text-slate-700">{t("objectives.qual.assess.evidence")}</legend>
            {d.meetings.length === 0 ? <p className="text-sm text-slate-500">{t("objectives.qual.assess.noMeetings")}</p> : (
              <ul className="mt-1 max-h-56 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2 text-sm">
                {d.meetings.map((m) => (
                  <li key={m.id}>
                    <label className="flex items-start gap-2">
                      <input type="checkbox" name="meetingIds" value={m.id} defaultChecked={picked.has(m.id)} className="mt-1 h-4 w-4 rounded border-slate-300" />
                      <span>{m.prospectName} · {m.prospectCompany} · {formatDay(locale, m.scheduledAt.slice(0, 10))}{d.team ? ` · ${m.sdr.name}` : ""}</span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            <ErrorList errors={errors?.meetingIds} />
          </fieldset>

          <div className="grid gap-4 sm:grid-cols-3">
            <div className="sm:col-span-2">
              <Field label={t("objectives.qual.assess.recordingUrl")} name="recordingUrl" type="url" maxLength={2000} defaultValue={v?.recordingUrl} errors={errors?.recordingUrl} placeholder="https://" />
            </div>
            <Field label={t("objectives.qual.assess.recordingAt")} name="recordingAt" defaultValue={v?.recordingAt} errors={errors?.recordingAt} hint={t("objectives.qual.assess.recordingAtHint")} maxLength={10} />
          </div>
          <Field label={t("objectives.qual.assess.note")} name="note" multiline maxLength={2000} defaultValue={v?.note} errors={errors?.note} />
          <Field label={t("objectives.qual.assess.comment")} name="comment" multiline maxLength={4000} defaultValue={v?.comment} errors={errors?.comment} />
          <Field label={t("objectives.qual.assess.nextStep")} name="nextStep" multiline maxLength={2000} defaultValue={v?.nextStep} errors={errors?.nextStep} />
          <button className="btn-primary" disabled={navigation.state === "submitting"}>{t("objectives.qual.assess.save")}</button>
        </Form>
      )}
    </section>
  );
}
