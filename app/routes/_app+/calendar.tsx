import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { actionError, appOrigin, readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { calendarPage, resetCalendarFeed } from "~/models/meetings/calendar.server";
import { Confirm } from "~/components/forms/Confirm";
import { FeedLinks } from "~/components/calendar/FeedLinks";
import { useT } from "~/utils/i18n";

export const meta: MetaFunction = () => [{ title: "Rendezvous · Calendar" }];

/** The user's calendar links: one feed across their campaigns and one per campaign, to copy or subscribe to. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const page = await calendarPage(actor);
  const base = page.token ? `${appOrigin(request)}/calendar/${page.token}.ics` : null;
  return json({
    exists: page.exists,
    legacy: page.legacy,
    all: base ? { url: base, name: actor.clientCompanyName ?? actor.agencyName } : null,
    campaigns: page.campaigns.map((c) => ({ ...c, url: base ? `${base}?campaign=${encodeURIComponent(c.id)}` : null })),
  });
}

/** Creates the links, or resets them (every old link stops working). */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const formData = await readForm(request);
  try {
    const intent = formData.get("intent");
    if (intent !== "create" && intent !== "reset") return json({ ok: false as const, error: "common.errors.invalid" as const }, { status: 400 });
    await resetCalendarFeed(actor);
    return redirectWithToast("/calendar", intent === "create" ? "calendar.created" : "calendar.resetDone");
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function CalendarPage() {
  const { exists, legacy, all, campaigns } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const { t } = useT();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="h1">{t("calendar.title")}</h1>
        <p className="mt-1 max-w-prose text-sm text-slate-600">{t("calendar.intro")}</p>
      </div>

      {!exists ? (
        <section className="card space-y-3">
          <p className="text-sm text-slate-600">{t("calendar.none")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="create" />
            <button className="btn-primary" disabled={busy}>{t("calendar.create")}</button>
          </Form>
        </section>
      ) : null}

      {legacy ? <p className="card text-sm text-slate-700">{t("calendar.legacy")}</p> : null}

      {all ? (
        <section className="card space-y-3" aria-labelledby="feed-all-title">
          <h2 id="feed-all-title" className="h2">{t("calendar.allTitle")}</h2>
          <p className="text-sm text-slate-600">{t("calendar.allHint")}</p>
          <FeedLinks id="all" url={all.url} name={t("calendar.calendarName", { name: all.name })} />
        </section>
      ) : null}

      {all ? (
        <section className="card space-y-3" aria-labelledby="feed-campaigns-title">
          <h2 id="feed-campaigns-title" className="h2">{t("calendar.campaignsTitle")}</h2>
          <p className="text-sm text-slate-600">{t("calendar.campaignsHint")}</p>
          {campaigns.length ? (
            <ul className="divide-y divide-slate-200">
              {campaigns.map((c) => (
                <li key={c.id} id={`campaign-${c.id}`} className="space-y-2 py-3">
                  <h3 className="font-medium text-slate-900">
                    {c.name} <span className="text-sm font-normal text-slate-500">· {c.client}</span>
                  </h3>
                  {c.url ? <FeedLinks id={c.id} url={c.url} name={c.name} /> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">{t("calendar.noCampaign")}</p>
          )}
        </section>
      ) : null}

      {exists ? (
        <Form method="post" className="card">
          <input type="hidden" name="intent" value="reset" />
          <Confirm label={t("calendar.reset")} title={t("calendar.resetTitle")} consequence={t("calendar.resetConsequence")} confirmLabel={t("calendar.resetConfirm")} tone="danger" disabled={busy} />
        </Form>
      ) : null}
    </div>
  );
}
