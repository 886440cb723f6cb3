import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireActor } from "~/utils/auth.server";
import { listOutbox } from "~/models/email.server";
import { retryEmail, emailDeliveryConfigured } from "~/services/email.server";
import { enqueueEmails } from "~/services/queue.server";
import { redirectWithToast } from "~/utils/toast.server";
import { useT } from "~/utils/i18n";
import { formatDateTime } from "~/i18n";
import { readForm } from "~/utils/http.server";
import { AttachmentLines } from "~/components/emails/EmailAttachments";

const STATUSES = ["PENDING", "SENT", "FAILED", "HELD"] as const;
const query = z.object({ status: z.enum(STATUSES).optional().catch(undefined), page: z.coerce.number().int().min(1).max(100000).catch(1) });

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "emails:read");
  const url = new URL(request.url);
  const q = query.parse({ status: url.searchParams.get("status") || undefined, page: url.searchParams.get("page") ?? 1 });
  return json({ ...(await listOutbox(actor, q)), configured: emailDeliveryConfigured() });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "emails:read");
  const form = await readForm(request);
  const id = String(form.get("emailId") ?? "");
  if (await retryEmail(actor.agencyId, id)) await enqueueEmails([id]);
  return redirectWithToast("/emails", "agency.emails.requeued");
}

const COLORS: Record<string, string> = {
  PENDING: "bg-amber-100 text-amber-800",
  SENT: "bg-green-100 text-green-800",
  FAILED: "bg-red-100 text-red-800",
  HELD: "bg-slate-100 text-slate-700",
};

export default function Emails() {
  const { rows, total, page, pages, configured } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t, locale, timeZone } = useT();
  const status = params.get("status") ?? "";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="h1">{t("agency.emails.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{configured ? t("agency.emails.configured") : t("agency.emails.notConfigured")}</p>
      </div>
      <Form method="get" className="flex items-end gap-2">
        <label className="text-sm">
          <span className="block font-medium text-slate-700">{t("agency.emails.status")}</span>
          <select name="status" defaultValue={status} className="input mt-1">
            <option value="">{t("agency.emails.all")}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`agency.emails.status.${s}`)}</option>)}
          </select>
        </label>
        <button className="btn-secondary">{t("agency.emails.filter")}</button>
      </Form>
      {rows.length === 0 ? (
        <p className="card text-sm text-slate-600">{t("agency.emails.empty")}</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="table">
            <thead>
              <tr>
                <th>{t("agency.emails.date")}</th>
                <th>{t("agency.emails.to")}</th>
                <th>{t("agency.emails.subject")}</th>
                <th>{t("agency.emails.status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="whitespace-nowrap">{formatDateTime(locale, r.createdAt, timeZone)}</td>
                  <td>{r.to}</td>
                  <td>
                    <Link to={`/emails/${r.id}`} className="link">{r.subject}</Link>
                    <AttachmentLines emailId={r.id} attachments={r.attachments} />
                  </td>
                  <td>
                    <span className={`badge ${COLORS[r.status]}`}>{t(`agency.emails.status.${r.status}`)}</span>
                    {r.status === "FAILED" ? (
                      <Form method="post" className="mt-1">
                        <input type="hidden" name="emailId" value={r.id} />
                        <button className="link text-xs">{t("agency.emails.retry")}</button>
                      </Form>
                    ) : null}
                    {r.lastError && r.status !== "SENT" ? <p className="mt-1 max-w-xs truncate text-xs text-red-700" title={r.lastError}>{r.lastError}</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t("agency.emails.pages")} className="flex items-center justify-between text-sm text-slate-600">
        <span>{t("agency.emails.count", { total })}</span>
        <span className="flex gap-2">
          {page > 1 ? <Link className="btn-secondary" to={`?${new URLSearchParams({ ...(status ? { status } : {}), page: String(page - 1) })}`}>←</Link> : null}
          <span className="px-2 py-2">{page} / {pages}</span>
          {page < pages ? <Link className="btn-secondary" to={`?${new URLSearchParams({ ...(status ? { status } : {}), page: String(page + 1) })}`}>→</Link> : null}
        </span>
      </nav>
    </div>
  );
}
