// One-click unsubscribe from one kind of notification email (RFC 8058): the mail client POSTs here with
// "List-Unsubscribe=One-Click"; a person following the link gets a page with one button (a GET never changes
// anything, so a mail scanner opening links does not unsubscribe anyone). No sign-in: the signed token is the credential.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { readUnsubscribeToken } from "~/utils/unsubscribe.server";
import { unsubscribeFromDigest, unsubscribeFromKind } from "~/models/notifications/preferences.server";
import { useT } from "~/utils/i18n";
import type { UnsubscribeScope } from "~/utils/unsubscribe.server";

export const meta: MetaFunction = () => [{ title: "Rendezvous · Unsubscribe" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const token = readUnsubscribeToken(String(params.token ?? "").slice(0, 200));
  if (!token) return json({ kind: null }, { status: 404 });
  return json({ kind: token.kind as UnsubscribeScope | null });
}

export async function action({ params }: ActionFunctionArgs) {
  const token = readUnsubscribeToken(String(params.token ?? "").slice(0, 200));
  const done = token && (token.kind === "DIGEST" ? await unsubscribeFromDigest(token.userId) : await unsubscribeFromKind(token.userId, token.kind));
  if (!token || !done) return json({ done: false as const }, { status: 404 });
  return json({ done: true as const, kind: token.kind });
}

export default function Unsubscribe() {
  const { kind } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useT();
  const what = (scope: UnsubscribeScope) => (scope === "DIGEST" ? t("notifications.unsub.digest") : t(`notifications.kind.${scope}`));
  return (
    <div className="mx-auto max-w-lg">
      <div className="card space-y-4">
        <h1 className="h1">{t("notifications.unsub.title")}</h1>
        {!kind || (data && !data.done) ? (
          <p className="text-sm text-slate-700">{t("notifications.unsub.invalid")}</p>
        ) : data?.done ? (
          <p role="status" className="text-sm text-slate-700">{t("notifications.unsub.done", { kind: what(kind) })}</p>
        ) : (
          <Form method="post" className="space-y-4">
            <p className="text-sm text-slate-700">{t("notifications.unsub.confirm", { kind: what(kind) })}</p>
            <button className="btn-primary">{t("notifications.unsub.button")}</button>
          </Form>
        )}
      </div>
    </div>
  );
}
