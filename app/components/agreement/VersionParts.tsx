import type { VersionStatus } from "~/domain/agreement/lifecycle";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { Confirm } from "~/components/forms/Confirm";
import { useT } from "~/utils/i18n";
import { formatDateTime, keyFor } from "~/i18n";
import { ErrorList, FormError } from "~/components/forms/Field";

const STATUS_COLORS: Record<string, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  PROPOSED: "bg-amber-100 text-amber-800",
  APPROVED: "bg-green-100 text-green-800",
  CHANGES_REQUESTED: "bg-red-100 text-red-800",
  SUPERSEDED: "bg-slate-100 text-slate-500",
};

export function VersionBadge({ status }: { status: VersionStatus }) {
  const { t } = useT();
  return <span className={`badge ${STATUS_COLORS[status] ?? ""}`}>{t(`agreement.status.${status}`)}</span>;
}

type VersionSummary = { id: string; number: number; status: VersionStatus; updatedAt: string };

/** The list of versions, newest first; the selected one is marked. */
export function VersionList({ versions, selectedId, href }: { versions: VersionSummary[]; selectedId: string; href: (id: string) => string }) {
  const { t, locale, timeZone } = useT();
  return (
    <nav aria-label={t("agreement.versions")} className="card">
      <h2 className="h2">{t("agreement.versions")}</h2>
      <ol className="mt-3 space-y-1">
        {versions.map((v) => (
          <li key={v.id}>
            <Link
              to={href(v.id)}
              aria-current={v.id === selectedId ? "page" : undefined}
              className={`flex items-center justify-between gap-2 rounded-md px-2 py-1.5 text-sm ${v.id === selectedId ? "bg-brand-50 font-medium" : "hover:bg-slate-50"}`}
            >
              <span>{t("agreement.versionN", { n: v.number })}</span>
              <VersionBadge status={v.status} />
            </Link>
            <p className="px-2 text-xs text-slate-500">{formatDateTime(locale, v.updatedAt, timeZone)}</p>
          </li>
        ))}
      </ol>
    </nav>
  );
}

type ActionData = { ok: boolean; errors?: Record<string, string[]>; values?: Record<string, string>; intent?: unknown } | undefined;

/** Propose (agency, drafts) or approve / request changes (client admin, proposed versions). */
export function VersionActions({
  versionId,
  revision,
  canPropose,
  canDecide,
  editHref,
  canEdit,
}: {
  versionId: string;
  revision: number;
  canPropose: boolean;
  canDecide: boolean;
  canEdit: boolean;
  editHref: string;
}) {
  const { t } = useT();
  const data = useActionData() as ActionData;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const decisionErrors = data && !data.ok && (data.intent === "approve" || data.intent === "requestChanges" || data.intent === "propose") ? data.errors : undefined;
  if (!canPropose && !canDecide && !canEdit) return null;
  return (
    <section className="card space-y-4" aria-label={t("agreement.decision")}>
      <FormError errors={decisionErrors} />
      {canEdit || canPropose ? (
        <div className="flex flex-wrap gap-3">
          {canEdit ? <Link to={editHref} className="btn-secondary">{t("agreement.edit")}</Link> : null}
          {canPropose ? (
            <Form method="post">
              <input type="hidden" name="versionId" value={versionId} />
              <input type="hidden" name="revision" value={revision} />
              <button name="intent" value="propose" className="btn-primary" disabled={busy}>{t("agreement.propose")}</button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {canDecide ? (
        <Form method="post" className="space-y-3">
          <h2 className="h2">{t("agreement.yourDecision")}</h2>
          <input type="hidden" name="versionId" value={versionId} />
          <input type="hidden" name="revision" value={revision} />
          <label className="block text-sm font-medium text-slate-700" htmlFor="decision-comment">{t("agreement.decisionComment")}</label>
          <textarea
            id="decision-comment"
            name="comment"
            rows={3}
            className="input"
            maxLength={2000}
            defaultValue={data && !data.ok && data.values ? data.values.comment : ""}
            aria-invalid={decisionErrors?.comment ? true : undefined}
            aria-describedby="decision-comment-error"
          />
          <ErrorList id="decision-comment-error" errors={decisionErrors?.comment} />
          <p className="text-xs text-slate-500">{t("agreement.commentRequiredHelp")}</p>
          <div className="flex flex-wrap items-start gap-3">
            <Confirm
              label={t("agreement.approve")}
              title={t("agreement.approveConfirmTitle")}
              consequence={t("agreement.approveConsequence")}
              confirmLabel={t("agreement.approveConfirm")}
              name="intent"
              value="approve"
              disabled={busy}
            />
            <button name="intent" value="requestChanges" className="btn-danger" disabled={busy}>{t("agreement.requestChanges")}</button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

type Comment = { id: string; body: string; createdAt: string; author: { name: string; memberships: { role: string }[] } | null };

export function VersionThread({ versionId, comments, canComment }: { versionId: string; comments: Comment[]; canComment: boolean }) {
  const { t, locale, timeZone } = useT();
  const data = useActionData() as ActionData;
  const errors = data && !data.ok && data.intent === "comment" ? data.errors : undefined;
  return (
    <section className="card" aria-label={t("agreement.thread")}>
      <h2 className="h2">{t("agreement.thread")}</h2>
      {comments.length ? (
        <ol className="mt-3 space-y-3">
          {comments.map((c) => (
            <li key={c.id} className="rounded-md bg-slate-50 p-3">
              <p className="text-xs text-slate-500">
                <span className="font-medium text-slate-700">{c.author?.name ?? "—"}</span>
                {c.author?.memberships[0] ? ` · ${t(keyFor("common.role", c.author.memberships[0].role, "common.unknownRole"))}` : ""} · {formatDateTime(locale, c.createdAt, timeZone)}
              </p>
              <p className="mt-1 whitespace-pre-line text-sm">{c.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-3 text-sm text-slate-500">{t("agreement.noComment")}</p>
      )}
      {canComment ? (
        <Form method="post" className="mt-4 space-y-2">
          <input type="hidden" name="intent" value="comment" />
          <input type="hidden" name="versionId" value={versionId} />
          <label htmlFor="comment-body" className="block text-sm font-medium text-slate-700">{t("agreement.addComment")}</label>
          <textarea id="comment-body" name="body" rows={3} maxLength={4000} className="input" aria-invalid={errors?.body ? true : undefined} aria-describedby={errors?.body ? "comment-body-error" : undefined} defaultValue={errors ? data?.values?.body : ""} />
          <ErrorList id="comment-body-error" errors={errors?.body} />
          <button className="btn-secondary">{t("agreement.send")}</button>
        </Form>
      ) : null}
    </section>
  );
}

/** Who proposed and who decided, with the decision's comment. */
export function VersionTrail({ v, people }: { v: { proposedAt: string | null; decidedAt: string | null; decisionComment: string | null; status: string; proposedById: string | null; decidedById: string | null }; people: Record<string, string> }) {
  const { t, locale, timeZone } = useT();
  if (!v.proposedAt && !v.decidedAt) return null;
  return (
    <dl className="grid grid-cols-[10rem_1fr] gap-1 text-sm">
      {v.proposedAt ? (
        <>
          <dt className="text-slate-500">{t("agreement.proposedBy")}</dt>
          <dd>{people[v.proposedById ?? ""] ?? "—"} · {formatDateTime(locale, v.proposedAt, timeZone)}</dd>
        </>
      ) : null}
      {v.decidedAt ? (
        <>
          <dt className="text-slate-500">{t("agreement.decidedBy")}</dt>
          <dd>
            {people[v.decidedById ?? ""] ?? "—"} · {formatDateTime(locale, v.decidedAt, timeZone)}
            {v.decisionComment ? <q className="mt-1 block italic text-slate-700">{v.decisionComment}</q> : null}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** Compare any two versions (a plain GET form: works without JavaScript). */
export function CompareForm({ versions, selectedId, againstId }: { versions: { id: string; number: number }[]; selectedId: string; againstId?: string }) {
  const { t } = useT();
  return (
    <form method="get" className="card space-y-2">
      <h2 className="h2">{t("agreement.diff.compare")}</h2>
      <label className="block text-sm">
        <span className="text-slate-600">{t("agreement.diff.version")}</span>
        <select name="v" defaultValue={selectedId} className="input mt-1">
          {versions.map((v) => <option key={v.id} value={v.id}>{t("agreement.versionN", { n: v.number })}</option>)}
        </select>
      </label>
      <label className="block text-sm">
        <span className="text-slate-600">{t("agreement.diff.against")}</span>
        <select name="against" defaultValue={againstId ?? ""} className="input mt-1">
          {versions.map((v) => <option key={v.id} value={v.id}>{t("agreement.versionN", { n: v.number })}</option>)}
        </select>
      </label>
      <button className="btn-secondary w-full">{t("agreement.diff.compare")}</button>
    </form>
  );
}

/**
 * Beside a revision compared with the version sent back: who sent it back, when, the comment they wrote, and how
 * much changed since, so the client checks their request was followed without opening the old version.
 */
export function SentBackNote({
  against,
  people,
  changes,
  inForce,
  selectedId,
}: {
  against: { number: number; decidedAt: string | null; decidedById: string | null; decisionComment: string | null };
  people: Record<string, string>;
  changes: number;
  inForce: { id: string; number: number } | null;
  selectedId: string;
}) {
  const { t, locale, timeZone } = useT();
  const title = t("agreement.sentBack.title", { n: against.number });
  return (
    <aside aria-label={title} className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm">
      <p className="font-medium text-red-900">{title}</p>
      {against.decidedAt ? (
        <p className="text-slate-700">{t("agreement.sentBack.by", { name: people[against.decidedById ?? ""] ?? "—", date: formatDateTime(locale, against.decidedAt, timeZone) })}</p>
      ) : null}
      {against.decisionComment ? (
        <figure>
          <figcaption className="text-xs text-slate-500">{t("agreement.sentBack.comment")}</figcaption>
          <blockquote className="mt-1 whitespace-pre-line border-l-4 border-red-300 pl-3 italic text-slate-800">{against.decisionComment}</blockquote>
        </figure>
      ) : null}
      <p className={changes === 0 ? "font-medium text-amber-800" : "text-slate-700"}>
        {changes === 0 ? t("agreement.sentBack.noChange") : changes === 1 ? t("agreement.sentBack.changesOne") : t("agreement.sentBack.changes", { count: changes })}
      </p>
      {inForce ? (
        <Link to={`?v=${selectedId}&against=${inForce.id}`} className="link text-sm">{t("agreement.sentBack.compareInForce", { n: inForce.number })}</Link>
      ) : null}
    </aside>
  );
}
