import { Form } from "@remix-run/react";
import { ErrorList, Field, FormError } from "~/components/forms/Field";
import { Confirm } from "~/components/forms/Confirm";
import { DISPUTE_REASONS, RATING_KEYS } from "~/domain/meetings/rules";
import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";
import { formatDateTime } from "~/i18n";
import { Item } from "./MeetingDetails";
import type { FormState, MeetingPage } from "./types";

/** The client's review (rating, acceptance or dispute), the agency's answer to a dispute, and the outcome. */
export function ReviewSection({ d, form }: { d: MeetingPage; form: FormState }) {
  const { errorsFor, valuesFor, busy } = form;
  const { t, locale, timeZone } = useT();
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
          <input type="hidden" name="revision" value={m.revision} />
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
            ? m.deciders.length && !d.canDecide
              ? t("meetings.reviewDueMember", { admins: new Intl.ListFormat(locale, { type: "disjunction" }).format(m.deciders), date: formatDateTime(locale, m.reviewDueAt, timeZone) })
              : t("meetings.reviewDue", { date: formatDateTime(locale, m.reviewDueAt, timeZone) })
            : t("meetings.windowClosed", { date: formatDateTime(locale, m.reviewDueAt, timeZone) })}
        </p>
      ) : null}
      {m.verdict !== "PENDING" && m.verdictAt ? (
        <p className="text-sm text-slate-700">
          {m.autoAccepted
            ? t("meetings.autoAccepted")
            : t("meetings.verdictBy", { verdict: t(`meetings.verdict.${m.verdict === "ACCEPTED" ? "ACCEPTED" : "DISPUTED"}`), name: m.verdictBy ?? "—", date: formatDateTime(locale, m.verdictAt, timeZone) })}
        </p>
      ) : null}

      {m.presumedHeldAt ? <p className="text-sm text-slate-700" data-testid="presumed-held"><span className="badge bg-slate-100 text-slate-700">{t("meetings.presumedHeld")}</span> {t("meetings.presumedHeldHelp")}</p> : null}

      {d.canFlag ? (
        <Form method="post" className="space-y-2 rounded-md border border-slate-200 p-3">
          <input type="hidden" name="intent" value="flag" />
          <h4 className="font-medium">{t("meetings.flag.title")}</h4>
          <Field label={t("meetings.flag.note", { admins: new Intl.ListFormat(locale, { type: "conjunction" }).format(m.deciders) })} name="note" multiline defaultValue={valuesFor("flag")?.note} errors={errorsFor("flag")?.note} />
          <FormError errors={errorsFor("flag") && !errorsFor("flag")?.note ? errorsFor("flag") : undefined} />
          <button className="btn-secondary" disabled={busy}>{t("meetings.flag.submit")}</button>
        </Form>
      ) : null}

      {m.disputeReason ? (
        <div data-testid="dispute-reason">
          <h4 className="font-medium">{t("meetings.disputeOther")}</h4>
          <p className="text-sm"><span className="font-medium">{t(`meetings.disputeReason.${m.disputeReason as (typeof DISPUTE_REASONS)[number]}`)}</span>: {m.disputeReasonText}</p>
          {m.disputeEvidence ? <p className="text-sm text-slate-600">{t("meetings.disputeEvidenceShown")}: {m.disputeEvidence}</p> : null}
        </div>
      ) : null}
      {m.replacementPromised ? (
        <p className="text-sm text-slate-700" data-testid="replacement">
          {m.replacement ? <Link className="link" to={`/campaigns/${m.campaignId}/meetings/${m.replacement.id}`}>{t("meetings.replacedBy", { prospect: m.replacement.prospectName })}</Link> : t("meetings.replacementOwed")}
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
          <p className="mt-1 text-xs text-slate-500">{m.resolvedBy ?? ""}{m.resolvedAt ? ` · ${formatDateTime(locale, m.resolvedAt, timeZone)}` : ""}</p>
        </div>
      ) : null}

      {d.canDecide ? (
        <div className="space-y-4 border-t border-slate-100 pt-4">
          <Form method="post">
            <input type="hidden" name="intent" value="accept" />
            <input type="hidden" name="revision" value={m.revision} />
            <FormError errors={errorsFor("accept")} />
            <Confirm
              label={t("meetings.accept")}
              title={t("meetings.acceptConfirmTitle")}
              consequence={t("meetings.acceptConsequence")}
              confirmLabel={t("meetings.acceptConfirm")}
              disabled={busy}
            />
          </Form>
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="dispute" />
            <input type="hidden" name="revision" value={m.revision} />
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
            <p className="text-sm text-slate-600">{t("meetings.disputeOtherIntro")}</p>
            <div className="grid gap-3 sm:grid-cols-2">
              <div>
                <label htmlFor="otherReason" className="block text-sm font-medium text-slate-700">{t("meetings.disputeReason.label")}</label>
                <select id="otherReason" name="otherReason" className="input mt-1" defaultValue={disputeValues?.otherReason ?? ""}>
                  <option value="">{t("meetings.disputeReason.none")}</option>
                  {DISPUTE_REASONS.map((r) => (
                    <option key={r} value={r}>{t(`meetings.disputeReason.${r}`)}</option>
                  ))}
                </select>
                <ErrorList errors={disputeErrors?.otherReason} />
              </div>
              <Field label={t("meetings.disputeReasonText")} name="otherText" defaultValue={disputeValues?.otherText} errors={disputeErrors?.otherText} />
            </div>
            <Field label={t("meetings.disputeEvidence")} name="evidence" defaultValue={disputeValues?.evidence} errors={disputeErrors?.evidence} />
            <button className="btn-danger" disabled={busy}>{t("meetings.submitDispute")}</button>
          </Form>
        </div>
      ) : null}

      {d.canResolve ? (
        <Form method="post" className="space-y-3 border-t border-slate-100 pt-4">
          <input type="hidden" name="intent" value="resolve" />
          <input type="hidden" name="revision" value={m.revision} />
          <h4 className="font-medium">{t("meetings.resolve")}</h4>
          <FormError errors={resolveErrors && !resolveErrors.reasoning && !resolveErrors.decision ? resolveErrors : undefined} />
          <Field label={t("meetings.reasoning")} name="reasoning" multiline defaultValue={valuesFor("resolve")?.reasoning} errors={resolveErrors?.reasoning} />
          <ErrorList errors={resolveErrors?.decision} />
          <div className="flex flex-wrap items-start gap-2">
            <Confirm
              label={t("meetings.reject")}
              title={t("meetings.rejectConfirmTitle")}
              consequence={t("meetings.rejectConsequence")}
              confirmLabel={t("meetings.rejectConfirm")}
              name="decision"
              value="DISPUTE_REJECTED"
              disabled={busy}
            />
            <Confirm
              label={t("meetings.uphold")}
              title={t("meetings.upholdConfirmTitle")}
              consequence={t("meetings.upholdConsequence")}
              confirmLabel={t("meetings.upholdConfirm")}
              tone="secondary"
              name="decision"
              value="DISPUTE_UPHELD"
              disabled={busy}
            />
            <Confirm
              label={t("meetings.upholdReplace")}
              title={t("meetings.upholdReplaceConfirmTitle")}
              consequence={t("meetings.upholdReplaceConsequence")}
              confirmLabel={t("meetings.upholdReplaceConfirm")}
              tone="secondary"
              name="decision"
              value="DISPUTE_UPHELD_REPLACEMENT"
              disabled={busy}
            />
          </div>
        </Form>
      ) : null}

      {d.canOutcome || m.outcomeUpdatedAt ? (
        <div className="border-t border-slate-100 pt-4">
          <h4 className="font-medium">{t("meetings.outcome")}</h4>
          {d.canOutcome ? (
            <Form method="post" className="mt-2 grid gap-3 sm:grid-cols-4">
              <input type="hidden" name="intent" value="outcome" />
              <input type="hidden" name="revision" value={m.revision} />
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
