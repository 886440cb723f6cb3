// The user's saved views of the meetings list: apply one (a link to its filters), delete one, or name the filters
// now on screen to save them. Plain forms: all of it works before JavaScript loads.
import { Form, Link, useLocation } from "@remix-run/react";
import { ErrorList } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";

export function SavedViews({ views, errors, name }: { views: { id: string; name: string; query: string }[]; errors?: string[]; name?: string }) {
  const { t } = useT();
  const { search } = useLocation();
  const current = new URLSearchParams(search);
  current.delete("page");
  const here = current.toString();
  return (
    <section className="card space-y-3" aria-labelledby="views-title">
      <h2 id="views-title" className="text-sm font-semibold text-slate-900">{t("meetings.views.title")}</h2>
      {views.length === 0 ? (
        <p className="text-sm text-slate-600">{t("meetings.views.none")}</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {views.map((v) => (
            <li key={v.id} className="flex items-center gap-1 rounded-full border border-slate-200 bg-white py-0.5 pl-3 pr-1 text-sm">
              <Link to={`?${v.query}`} className="link" aria-current={v.query === here ? "true" : undefined}>{v.name}</Link>
              <Form method="post" className="inline">
                <input type="hidden" name="intent" value="deleteView" />
                <input type="hidden" name="viewId" value={v.id} />
                <button className="rounded-full px-2 text-slate-500 hover:bg-slate-100 hover:text-slate-900" aria-label={t("meetings.views.delete", { name: v.name })}>×</button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      {here ? (
        <Form method="post" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="intent" value="saveView" />
          <input type="hidden" name="query" value={here} />
          <div className="min-w-0 flex-1 sm:max-w-xs">
            <label htmlFor="view-name" className="block text-sm font-medium text-slate-700">{t("meetings.views.name")}</label>
            <input id="view-name" name="name" maxLength={80} defaultValue={name} className="input mt-1" aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? "view-name-error" : undefined} />
            <ErrorList id="view-name-error" errors={errors} />
          </div>
          <button className="btn-secondary">{t("meetings.views.save")}</button>
        </Form>
      ) : null}
    </section>
  );
}
