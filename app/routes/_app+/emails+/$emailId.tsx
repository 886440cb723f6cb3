import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { getOutboxEmail } from "~/models/email.server";
import { orResponse } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { formatDateTime } from "~/i18n";
import { AttachmentTable } from "~/components/emails/EmailAttachments";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "emails:read");
  const email = await orResponse(getOutboxEmail(actor, params.emailId!));
  return json({ email });
}

/** One email as its recipient sees it (in a sandboxed frame), with its text version and delivery state. */
export default function EmailView() {
  const { email } = useLoaderData<typeof loader>();
  const { t, locale, timeZone } = useT();
  return (
    <div className="space-y-4">
      <Link to="/emails" className="link text-sm">← {t("agency.emails.title")}</Link>
      <h1 className="h1">{email.subject}</h1>
      <dl className="grid grid-cols-[8rem_1fr] gap-2 text-sm">
        <dt className="text-slate-500">{t("agency.emails.to")}</dt><dd>{email.to}</dd>
        <dt className="text-slate-500">{t("agency.emails.date")}</dt><dd>{formatDateTime(locale, email.createdAt, timeZone)}</dd>
        <dt className="text-slate-500">{t("agency.emails.status")}</dt><dd>{t(`agency.emails.status.${email.status}`)} ({t("agency.emails.attempts", { n: email.attempts })})</dd>
      </dl>
      {email.linksRemoved ? (
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">{t("security.outbox.linksRemoved")}</p>
      ) : null}
      <AttachmentTable emailId={email.id} attachments={email.attachments} />
      <iframe title={email.subject} sandbox="" srcDoc={email.html} className="h-[32rem] w-full rounded-lg border border-slate-200 bg-white" />
      <details className="card">
        <summary className="cursor-pointer text-sm font-medium">{t("agency.emails.text")}</summary>
        <pre data-testid="email-text" className="mt-3 whitespace-pre-wrap text-xs">{email.text}</pre>
      </details>
    </div>
  );
}
