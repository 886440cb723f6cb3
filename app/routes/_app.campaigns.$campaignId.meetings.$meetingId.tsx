import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireActor, type Actor } from "~/utils/auth.server";
import {
  acceptMeeting,
  addMeetingComment,
  changeMeetingStatus,
  disputeMeeting,
  editMeeting,
  getMeeting,
  rateMeeting,
  recordOutcome,
  resolveDispute,
  updateInternalNotes,
} from "~/models/meeting.server";
import { commentSchema, editSchema, notesSchema, outcomeSchema, ratingSchema, resolveSchema, statusSchema } from "~/domain/meeting-schemas";
import { allowedStatusActions, canDecide, canEdit, canRate, canRecordOutcome, canResolve, CHANNELS, isBillable, RATING_KEYS, type MeetingFacts } from "~/domain/meetings";
import { utcToZonedInput, zonedToUtc } from "~/domain/timezone";
import { can, isAgencyRole } from "~/domain/permissions";
import { failure, parseForm } from "~/utils/form";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { ErrorList, Field, FormError } from "~/components/forms/Field";
import { MeetingStatusBadge, VerdictBadge } from "~/components/meetings/Badges";
import { useT } from "~/utils/i18n";
import { formatDate, formatDateTime } from "~/i18n";

async function load(actor: Actor, params: { campaignId?: string; meetingId?: string }) {
  const m = await orResponse(getMeeting(actor, params.meetingId!));
  if (m.campaignId !== params.campaignId) throw new Response("Not Found", { status: 404 });
  return m;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "campaign:read");
  const m = await load(actor, params);
  const facts: MeetingFacts = m;
  const now = new Date();
  return json({
    m,
    agency: isAgencyRole(actor.role),
    billable: isBillable(m),
    statusActions: allowedStatusActions(actor.role, actor.userId, facts, now),
    canRate: canRate(actor.role, facts).ok,
    canDecide: canDecide(actor.role, facts, now).ok,
    canResolve: canResolve(actor.role, facts).ok,
    canOutcome: canRecordOutcome(actor.role, facts).ok,
    canComment: can(actor.role, "version:comment"),
    canEdit: canEdit(actor.role, actor.userId, facts).ok,
    isPast: m.scheduledAt.getTime() < now.getTime(),
    nowLocal: utcToZonedInput(new Date(now.getTime() + 86400_000), m.timeZone),
  });
}

const intentCapability = {
  status: "meeting:status",
  rate: "meeting:rate",
  accept: "meeting:review",
  dispute: "meeting:review",
  resolve: "dispute:resolve",
  outcome: "meeting:rate",
  comment: "version:comment",
  notes: "meeting:log",
  edit: "meeting:log",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "") as keyof typeof intentCapability;
  if (!(intent in intentCapability)) throw new Response("Bad Request", { status: 400 });
  const actor = await requireActor(request, intentCapability[intent]);
  const m = await load(actor, params);
  const back = `/campaigns/${params.campaignId}/meetings/${m.id}`;
  const bad = (errors: Record<string, string[]>) => json(failure(formData, errors), { status: 400 });
  try {
    switch (intent) {
      case "status": {
        const p = parseForm(statusSchema, formData);
        if (!p.ok) return json(p, { status: 400 });
        let newTime: Date | undefined;
        const tz = p.data.newTimeZone ?? m.timeZone;
        if (p.data.action === "RESCHEDULE") {
          newTime = p.data.newLocal ? zonedToUtc(p.data.newLocal, tz) ?? undefined : undefined;
          if (!newTime) return bad({ newLocal: ["meetings.errors.dateTime"] });
        }
        await changeMeetingStatus(actor, m.id, p.data.action, { newTime, newTimeZone: tz, revision: p.data.revision });
        return redirectWithToast(back, p.data.action === "RESCHEDULE" ? "meetings.rescheduled" : "meetings.statusChanged");
      }
      case "rate": {
        const p = parseForm(ratingSchema, formData);
        if (!p.ok) return json(p, { status: 400 });
        await rateMeeting(actor, m.id, p.data);
        return redirectWithToast(back, "meetings.rated");
      }
      case "accept":
        await acceptMeeting(actor, m.id);
        return redirectWithToast(back, "meetings.accepted");
      case "dispute": {
        const items = m.criteria
          .filter((c) => formData.get(`dispute.${c.id}`) === "on")
          .map((c) => ({ criterionId: c.id, reason: String(formData.get(`reason.${c.id}`) ?? "").slice(0, 2000) }));
        if (!items.length) return bad({ dispute: ["meetings.errors.disputeEmpty"] });
        const missing = items.filter((i) => !i.reason.trim());
        if (missing.length) return bad(Object.fromEntries(missing.map((i) => [`reason.${i.criterionId}`, ["meetings.errors.reasonRequired"]])));
        await disputeMeeting(actor, m.id, items);
        return redirectWithToast(back, "meetings.disputed");
      }
      case "resolve": {
        const p = parseForm(resolveSchema, formData);
        if (!p.ok) return json(p, { status: 400 });
        await resolveDispute(actor, m.id, p.data);
        return redirectWithToast(back, "meetings.resolved");
      }
      case "outcome": {
        const p = parseForm(outcomeSchema, formData);
        if (!p.ok) return json(p, { status: 400 });
        await recordOutcome(actor, m.id, p.data);
        return redirectWithToast(back, "meetings.outcomeSaved");
      }
      case "comment": {
        const p = parseForm(commentSchema, formData);
        if (!p.ok) return json(p, { status: 400 });
        await addMeetingComment(actor, m.id, p.data.body, p.data.internal);
        return redirectWithToast(back, "meetings.commentAdded");
      }
      case "edit": {
        const p = parseForm(editSchema, formData);
        if (!p.ok) return json(p, { status: 400 });
        const { revision, ...fields } = p.data;
        await editMeeting(actor, m.id, fields, revision);
        return redirectWithToast(back, "meetings.edited");
      }
      case "notes": {
        const p = parseForm(notesSchema, formData);
        if (!p.ok) return json(p, { status: 400 });
        await updateInternalNotes(actor, m.id, p.data.internalNotes);
        return redirectWithToast(back, "meetings.notesSaved");
      }
    }
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function MeetingDetail() {
  const d = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, locale } = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const m = d.m;
  const failed = data && !data.ok ? data : null;
  const errorsFor = (intent: string) => (failed && failed.values.intent === intent ? failed.errors : undefined);
  const valuesFor = (intent: string) => (failed && failed.values.intent === intent ? failed.values : undefined);
  const when = (iso: string) => formatDate(locale, iso, { dateStyle: "full", timeStyle: "short", timeZone: m.timeZone });
  const statusErrors = errorsFor("status");
  return (
    <div className="space-y-6">
      <Link to={`/campaigns/${m.campaignId}/meetings`} className="link text-sm">← {t("meetings.title")}</Link>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="h1">{m.prospectName}</h2>
        <MeetingStatusBadge status={m.status} />
        <VerdictBadge verdict={m.verdict} />
        {m.status === "HELD" ? (
          <span className={`badge ${d.billable ? "bg-green-100 text-green-800" : "bg-slate-100 text-slate-600"}`}>{d.billable ? t("meetings.billable") : t("meetings.notBillable")}</span>
        ) : null}
        {m.possibleDuplicate ? <span className="badge bg-amber-100 text-amber-800">{t("meetings.duplicate")}</span> : null}
      </div>
      <p className="text-slate-700">
        {when(m.scheduledAt)} ({m.timeZone}) · {t("meetings.duration", { minutes: m.durationMinutes })} · {t(`meetings.channel.${m.channel}`)}
      </p>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section className="card space-y-3">
            <h3 className="h2">{t("meetings.details")}</h3>
            <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-2">
              <Item label={t("meetings.form.prospectTitle")} value={m.prospectTitle} />
              <Item label={t("meetings.company")} value={[m.prospectCompany, m.prospectDomain].filter(Boolean).join(" · ")} />
              <Item label={t("meetings.form.prospectEmail")} value={m.prospectEmail} />
              <Item label={t("meetings.form.prospectPhone")} value={m.prospectPhone} />
              <Item label={t("meetings.form.prospectCompanySize")} value={m.prospectCompanySize} />
              <Item label={t("meetings.form.prospectIndustry")} value={[m.prospectIndustry, m.prospectCountry].filter(Boolean).join(" · ")} />
              {m.prospectLinkedinUrl ? (
                <div>
                  <dt className="text-slate-500">LinkedIn</dt>
                  <dd><a href={m.prospectLinkedinUrl} className="link" rel="noreferrer noopener" target="_blank">{m.prospectLinkedinUrl}</a></dd>
                </div>
              ) : null}
              <Item label={t("meetings.location")} value={m.location} />
              <Item label={t("meetings.sdr")} value={m.sdr.name} />
              <Item label={t("meetings.attendee")} value={m.clientAttendee?.name} />
              <Item label={t("meetings.persona")} value={`${m.personaVersion.name} (v${m.personaVersion.number})`} />
            </dl>
            <p className="text-xs text-slate-500">{t("meetings.bookedUnder", { persona: m.personaVersion.number, definition: m.definitionVersion.number })}</p>
            <div className="grid gap-3 sm:grid-cols-2">
              {(["discoveryNeed", "discoveryContext", "discoveryBudget", "discoveryTimeline"] as const).map((k) =>
                m[k] ? (
                  <div key={k}>
                    <p className="text-sm font-medium text-slate-700">{t(`meetings.form.${k}`)}</p>
                    <p className="whitespace-pre-line text-sm">{m[k]}</p>
                  </div>
                ) : null,
              )}
            </div>
            {d.canEdit ? <EditDetails m={m} errors={errorsFor("edit")} values={valuesFor("edit")} busy={busy} /> : null}
          </section>

          <section className="card space-y-2">
            <h3 className="h2">{t("meetings.checklist")}</h3>
            {m.unmetRequiredConfirmed ? <p className="text-sm text-amber-800">{t("meetings.unmetConfirmed")}</p> : null}
            <ul className="divide-y divide-slate-100 text-sm">
              {m.checks.map((c) => (
                <li key={c.id} className="py-2">
                  <span className={`badge mr-2 ${c.met ? "bg-green-100 text-green-800" : "bg-red-100 text-red-800"}`}>{c.met ? t("meetings.met") : t("meetings.unmet")}</span>
                  <span className="font-medium">{c.criterion.label}</span>
                  {c.criterion.required ? <span className="ml-1 text-xs text-slate-500">({t("meetings.form.required")})</span> : null}
                  {c.note ? <p className="mt-1 text-slate-600">{c.note}</p> : null}
                  {c.evidenceUrl ? (
                    <p className="mt-1"><a href={c.evidenceUrl} className="link" rel="noreferrer noopener" target="_blank">{t("meetings.evidence")}</a></p>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>

          {d.statusActions.length ? (
            <section className="card space-y-3">
              <h3 className="h2">{t("meetings.statusActions")}</h3>
              {m.status === "SCHEDULED" && d.isPast ? <p className="text-sm text-amber-800">{t("meetings.attendancePast")}</p> : null}
              <FormError errors={statusErrors && !statusErrors.newLocal ? statusErrors : undefined} />
              <div className="flex flex-wrap gap-2">
                {d.statusActions
                  .filter((a) => a !== "RESCHEDULE")
                  .map((a) => (
                    <Form method="post" key={a}>
                      <input type="hidden" name="intent" value="status" />
                      <input type="hidden" name="action" value={a} />
                      <input type="hidden" name="revision" value={m.revision} />
                      <button className={a === "CANCELLED" ? "btn-danger" : "btn-secondary"} disabled={busy}>{t(`meetings.action.${a}`)}</button>
                    </Form>
                  ))}
              </div>
              {d.statusActions.includes("RESCHEDULE") ? (
                <Form method="post" className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="intent" value="status" />
                  <input type="hidden" name="action" value="RESCHEDULE" />
                  <input type="hidden" name="revision" value={m.revision} />
                  <input type="hidden" name="newTimeZone" value={m.timeZone} />
                  <div>
                    <Field label={`${t("meetings.newTime")} (${m.timeZone})`} name="newLocal" type="datetime-local" defaultValue={valuesFor("status")?.newLocal ?? d.nowLocal} errors={statusErrors?.newLocal} />
                  </div>
                  <button className="btn-secondary" disabled={busy}>{t("meetings.action.RESCHEDULE")}</button>
                </Form>
              ) : null}
            </section>
          ) : null}

          <ReviewSection d={d} errorsFor={errorsFor} valuesFor={valuesFor} busy={busy} />

          <section className="card space-y-3">
            <h3 className="h2">{t("meetings.comments")}</h3>
            {m.comments.length ? (
              <ul className="space-y-3 text-sm">
                {m.comments.map((c) => (
                  <li key={c.id} className={c.internal ? "rounded-md border border-amber-200 bg-amber-50 p-2" : ""}>
                    <p className="text-xs text-slate-500">
                      {c.author?.name ?? t("meetings.system")} · {formatDateTime(locale, c.createdAt)}
                      {c.internal ? <span className="badge ml-2 bg-amber-100 text-amber-800">{t("meetings.internalBadge")}</span> : null}
                    </p>
                    <p className="whitespace-pre-line">{c.body}</p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-500">{t("meetings.noComments")}</p>
            )}
            {d.canComment ? (
              <Form method="post" className="space-y-2">
                <input type="hidden" name="intent" value="comment" />
                <Field label={t("meetings.commentBody")} name="body" multiline defaultValue={valuesFor("comment")?.body} errors={errorsFor("comment")?.body} />
                {d.agency ? (
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="internal" className="h-4 w-4 rounded border-slate-300" />
                    {t("meetings.internal")}
                  </label>
                ) : null}
                <button className="btn-secondary" disabled={busy}>{t("meetings.addComment")}</button>
              </Form>
            ) : null}
          </section>
        </div>

        <aside className="space-y-6">
          {d.agency && m.internalNotes !== null ? (
            <section className="card space-y-2">
              <Form method="post" className="space-y-2">
                <input type="hidden" name="intent" value="notes" />
                <Field label={t("meetings.internalNotes")} hint={t("meetings.internalNotesHint")} name="internalNotes" multiline defaultValue={valuesFor("notes")?.internalNotes ?? m.internalNotes} errors={errorsFor("notes")?.internalNotes} />
                <button className="btn-secondary" disabled={busy}>{t("common.save")}</button>
              </Form>
            </section>
          ) : null}
          <section className="card">
            <h3 className="font-medium">{t("meetings.history")}</h3>
            <ol className="mt-3 space-y-3 text-sm">
              {m.events.map((e) => (
                <li key={e.id}>
                  <p className="font-medium">{eventText(t, e, m.timeZone, locale)}</p>
                  <p className="text-xs text-slate-500">{e.actor?.name ?? t("meetings.system")} · {formatDateTime(locale, e.createdAt)}</p>
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </div>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function ReviewSection({
  d,
  errorsFor,
  valuesFor,
  busy,
}: {
  d: LoaderData;
  errorsFor: (i: string) => Record<string, string[]> | undefined;
  valuesFor: (i: string) => Record<string, string> | undefined;
  busy: boolean;
}) {
  const { t, locale } = useT();
  const m = d.m;
  if (m.status !== "HELD") return null;
  const rateValues = valuesFor("rate");
  const rateErrors = errorsFor("rate");
  const disputeErrors = errorsFor("dispute");
  const disputeValues = valuesFor("dispute");
  const resolveErrors = errorsFor("resolve");
  const outcomeErrors = errorsFor("outcome");
  const yn = (v: boolean | null) => (v === true ? "yes" : v === false ? "no" : "");
  return (
    <section className="card space-y-5" aria-labelledby="review-title">
      <h3 id="review-title" className="h2">{t("meetings.review")}</h3>

      {d.canRate ? (
        <Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value="rate" />
          <FormError errors={rateErrors} />
          <p className="text-sm text-slate-600">{t("meetings.ratingScale")}</p>
          <div className="grid gap-3 sm:grid-cols-5">
            {RATING_KEYS.map((k) => (
              <div key={k}>
                <label htmlFor={k} className="block text-sm font-medium text-slate-700">{t(`meetings.rating.${k}`)}</label>
                <select id={k} name={k} className="input mt-1" defaultValue={rateValues?.[k] ?? (m[k] ? String(m[k]) : "")} aria-invalid={rateErrors?.[k] ? true : undefined}>
                  <option value="">—</option>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <option key={n} value={n}>{n}</option>
                  ))}
                </select>
                <ErrorList errors={rateErrors?.[k]} />
              </div>
            ))}
          </div>
          <button className="btn-secondary" disabled={busy}>{t("meetings.saveRating")}</button>
        </Form>
      ) : m.ratingOverall ? (
        <dl className="grid gap-2 text-sm sm:grid-cols-5">
          {RATING_KEYS.map((k) => (
            <div key={k}>
              <dt className="text-slate-500">{t(`meetings.rating.${k}`)}</dt>
              <dd className="font-medium">{m[k] ? `${m[k]}/5` : "—"}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {m.ratedBy ? <p className="text-xs text-slate-500">{t("meetings.ratedBy", { name: m.ratedBy })}</p> : null}

      {m.verdict === "PENDING" && m.reviewDueAt ? (
        <p className="text-sm text-slate-700">
          {new Date(m.reviewDueAt) > new Date()
            ? t("meetings.reviewDue", { date: formatDateTime(locale, m.reviewDueAt) })
            : t("meetings.windowClosed", { date: formatDateTime(locale, m.reviewDueAt) })}
        </p>
      ) : null}
      {m.verdict !== "PENDING" && m.verdictAt ? (
        <p className="text-sm text-slate-700">
          {m.autoAccepted
            ? t("meetings.autoAccepted")
            : t("meetings.verdictBy", { verdict: t(`meetings.verdict.${m.verdict === "ACCEPTED" ? "ACCEPTED" : "DISPUTED"}`), name: m.verdictBy ?? "—", date: formatDateTime(locale, m.verdictAt) })}
        </p>
      ) : null}

      {m.disputeItems.length ? (
        <div>
          <h4 className="font-medium">{t("meetings.disputeItems")}</h4>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {m.disputeItems.map((i) => (
              <li key={i.id}><span className="font-medium">{i.criterion.label}</span>: {i.reason}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {m.resolutionReasoning ? (
        <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
          <h4 className="font-medium">{t("meetings.resolution")} — {t(`meetings.verdict.${m.verdict}`)}</h4>
          <p className="mt-1 whitespace-pre-line">{m.resolutionReasoning}</p>
          <p className="mt-1 text-xs text-slate-500">{m.resolvedBy ?? ""}{m.resolvedAt ? ` · ${formatDateTime(locale, m.resolvedAt)}` : ""}</p>
        </div>
      ) : null}

      {d.canDecide ? (
        <div className="space-y-4 border-t border-slate-100 pt-4">
          <Form method="post">
            <input type="hidden" name="intent" value="accept" />
            <FormError errors={errorsFor("accept")} />
            <button className="btn-primary" disabled={busy}>{t("meetings.accept")}</button>
          </Form>
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="dispute" />
            <h4 className="font-medium">{t("meetings.dispute")}</h4>
            <p className="text-sm text-slate-600">{t("meetings.disputeIntro")}</p>
            <ErrorList errors={disputeErrors?.dispute ?? disputeErrors?._form} />
            {m.criteria.map((c) => (
              <div key={c.id} className="space-y-1">
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name={`dispute.${c.id}`} defaultChecked={disputeValues?.[`dispute.${c.id}`] === "on"} className="h-4 w-4 rounded border-slate-300" />
                  {c.label}
                </label>
                <Field label={`${t("meetings.disputeReason")} — ${c.label}`} name={`reason.${c.id}`} defaultValue={disputeValues?.[`reason.${c.id}`]} errors={disputeErrors?.[`reason.${c.id}`]} />
              </div>
            ))}
            <button className="btn-danger" disabled={busy}>{t("meetings.submitDispute")}</button>
          </Form>
        </div>
      ) : null}

      {d.canResolve ? (
        <Form method="post" className="space-y-3 border-t border-slate-100 pt-4">
          <input type="hidden" name="intent" value="resolve" />
          <h4 className="font-medium">{t("meetings.resolve")}</h4>
          <FormError errors={resolveErrors && !resolveErrors.reasoning && !resolveErrors.decision ? resolveErrors : undefined} />
          <Field label={t("meetings.reasoning")} name="reasoning" multiline defaultValue={valuesFor("resolve")?.reasoning} errors={resolveErrors?.reasoning} />
          <ErrorList errors={resolveErrors?.decision} />
          <div className="flex flex-wrap gap-2">
            <button name="decision" value="DISPUTE_REJECTED" className="btn-primary" disabled={busy}>{t("meetings.reject")}</button>
            <button name="decision" value="DISPUTE_UPHELD" className="btn-secondary" disabled={busy}>{t("meetings.uphold")}</button>
          </div>
        </Form>
      ) : null}

      {d.canOutcome || m.outcomeUpdatedAt ? (
        <div className="border-t border-slate-100 pt-4">
          <h4 className="font-medium">{t("meetings.outcome")}</h4>
          {d.canOutcome ? (
            <Form method="post" className="mt-2 grid gap-3 sm:grid-cols-4">
              <input type="hidden" name="intent" value="outcome" />
              <YesNo name="opportunityCreated" label={t("meetings.opportunityCreated")} value={valuesFor("outcome")?.opportunityCreated ?? yn(m.opportunityCreated)} />
              <Field
                label={t("meetings.pipelineValue", { currency: m.clientCompany.currency })}
                name="pipelineValue"
                defaultValue={valuesFor("outcome")?.pipelineValue ?? (m.pipelineValue !== null ? (m.pipelineValue / 100).toFixed(2) : "")}
                errors={outcomeErrors?.pipelineValue}
              />
              <YesNo name="won" label={t("meetings.won")} value={valuesFor("outcome")?.won ?? yn(m.won)} />
              <div className="flex items-end">
                <button className="btn-secondary" disabled={busy}>{t("meetings.saveOutcome")}</button>
              </div>
            </Form>
          ) : (
            <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-3">
              <Item label={t("meetings.opportunityCreated")} value={m.opportunityCreated === null ? t("meetings.unknown") : m.opportunityCreated ? t("meetings.yes") : t("meetings.no")} />
              <Item
                label={t("meetings.pipelineValue", { currency: m.clientCompany.currency })}
                value={m.pipelineValue !== null ? new Intl.NumberFormat(locale, { style: "currency", currency: m.clientCompany.currency }).format(m.pipelineValue / 100) : "—"}
              />
              <Item label={t("meetings.won")} value={m.won === null ? t("meetings.unknown") : m.won ? t("meetings.yes") : t("meetings.no")} />
            </dl>
          )}
        </div>
      ) : null}
    </section>
  );
}

function EditDetails({ m, errors, values, busy }: { m: LoaderData["m"]; errors?: Record<string, string[]>; values?: Record<string, string>; busy: boolean }) {
  const { t } = useT();
  const v = (k: keyof typeof m & string) => values?.[k] ?? (m[k] === null || m[k] === undefined ? "" : String(m[k]));
  const text = ["prospectName", "prospectTitle", "prospectEmail", "prospectPhone", "prospectCompany", "prospectDomain", "prospectCompanySize", "prospectIndustry", "prospectCountry", "prospectLinkedinUrl"] as const;
  return (
    <details className="border-t border-slate-100 pt-3" open={Boolean(errors)}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("meetings.edit")}</summary>
      <Form method="post" className="mt-3 space-y-3" noValidate>
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="revision" value={m.revision} />
        <FormError errors={errors} />
        <div className="grid gap-3 sm:grid-cols-2">
          {text.map((k) => (
            <Field key={k} label={t(`meetings.form.${k}`)} name={k} defaultValue={v(k)} errors={errors?.[k]} />
          ))}
          <Field label={t("meetings.form.durationMinutes")} name="durationMinutes" type="number" defaultValue={v("durationMinutes")} errors={errors?.durationMinutes} />
          <div>
            <label htmlFor="edit-channel" className="block text-sm font-medium text-slate-700">{t("meetings.form.channel")}</label>
            <select id="edit-channel" name="channel" defaultValue={v("channel")} className="input mt-1">
              {CHANNELS.map((c) => (
                <option key={c} value={c}>{t(`meetings.channel.${c}`)}</option>
              ))}
            </select>
          </div>
        </div>
        <Field label={t("meetings.form.location")} name="location" defaultValue={v("location")} errors={errors?.location} />
        <div className="grid gap-3 sm:grid-cols-2">
          {(["discoveryNeed", "discoveryContext", "discoveryBudget", "discoveryTimeline"] as const).map((k) => (
            <Field key={k} label={t(`meetings.form.${k}`)} name={k} multiline defaultValue={v(k)} errors={errors?.[k]} />
          ))}
        </div>
        <button className="btn-secondary" disabled={busy}>{t("common.save")}</button>
      </Form>
    </details>
  );
}

function YesNo({ name, label, value }: { name: string; label: string; value: string }) {
  const { t } = useT();
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">{label}</label>
      <select id={name} name={name} defaultValue={value} className="input mt-1">
        <option value="">{t("meetings.unknown")}</option>
        <option value="yes">{t("meetings.yes")}</option>
        <option value="no">{t("meetings.no")}</option>
      </select>
    </div>
  );
}

function Item({ label, value }: { label: string; value?: string | null }) {
  if (!value) return null;
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function eventText(t: ReturnType<typeof useT>["t"], e: { type: string; from: string | null; to: string | null }, timeZone: string, locale: "en" | "fr") {
  const label = (v: string | null) => {
    if (!v) return "";
    if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDate(locale, v, { dateStyle: "medium", timeStyle: "short", timeZone });
    if (["SCHEDULED", "HELD", "NO_SHOW", "CANCELLED"].includes(v)) return t(`meetings.status.${v}`);
    if (v.startsWith("DISPUTE_") || ["PENDING", "ACCEPTED", "DISPUTED"].includes(v)) return t(`meetings.verdict.${v}`);
    return v;
  };
  return t(`meetings.event.${e.type}`, { from: label(e.from), to: label(e.to) });
}
