import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { listTemplatesFor, type TemplateView } from "~/models/qualitative/templates.server";
import { LEVELS } from "~/domain/qualitative/grid";
import { useT } from "~/utils/i18n";

// The template library of qualitative objectives: the built-in templates (the method's examples) and the agency's own.
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "objective:manage");
  return json({ templates: await listTemplatesFor(actor, await getLocale(request, actor)) });
}

export default function Templates() {
  const { templates } = useLoaderData<typeof loader>();
  const { t } = useT();
  const builtIn = templates.filter((x) => x.builtIn);
  const own = templates.filter((x) => !x.builtIn);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="h1">{t("qual.templates.title")}</h1>
          <p className="mt-1 max-w-3xl text-slate-600">{t("qual.templates.intro")}</p>
        </div>
        <Link to="/settings/templates/new" className="btn-primary">{t("qual.templates.new")}</Link>
      </div>
      <section aria-labelledby="own-title" className="space-y-3">
        <h2 id="own-title" className="h2">{t("qual.templates.own")}</h2>
        {own.length === 0 ? <p className="card text-sm text-slate-600">{t("qual.templates.ownNone")}</p> : (
          <ul className="grid gap-3 lg:grid-cols-2">{own.map((x) => <TemplateCard key={x.id} tpl={x} />)}</ul>
        )}
      </section>
      <section aria-labelledby="builtin-title" className="space-y-3">
        <h2 id="builtin-title" className="h2">{t("qual.templates.builtIn")}</h2>
        <ul className="grid gap-3 lg:grid-cols-2">{builtIn.map((x) => <TemplateCard key={x.id} tpl={x} />)}</ul>
      </section>
    </div>
  );
}

function TemplateCard({ tpl }: { tpl: TemplateView }) {
  const { t } = useT();
  return (
    <li className="card min-w-0 space-y-2">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="font-medium text-slate-900">{tpl.title}</h3>
        <span className="flex flex-wrap gap-1">
          {tpl.context ? <span className="badge bg-slate-100 text-slate-700">{t(`qual.context.${tpl.context}`)}</span> : null}
          {tpl.builtIn ? null : <span className="badge bg-brand-50 text-brand-700">{tpl.locale.toUpperCase()}</span>}
        </span>
      </div>
      <p className="break-words text-sm text-slate-700"><span className="font-medium">{t("qual.templates.verb")}{t("qual.colon")}</span>{tpl.verb}</p>
      <p className="text-sm text-slate-600">{t("qual.templates.animation", { ritual: t(`qual.ritual.${tpl.ritual}`), cadence: t(`qual.cadence.${tpl.cadence}`) })}</p>
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700">{t("qual.templates.details", { count: tpl.grid.criteria.length })}</summary>
        <p className="mt-2 break-words text-slate-600"><span className="font-medium">{t("qual.templates.need")}{t("qual.colon")}</span>{tpl.need}</p>
        {tpl.behaviours.length ? (
          <ul className="mt-2 list-disc space-y-0.5 pl-5 text-slate-700">{tpl.behaviours.map((b) => <li key={b} className="break-words">{b}</li>)}</ul>
        ) : null}
        <div className="mt-2 space-y-2">
          {tpl.grid.criteria.map((c) => (
            <div key={c.key} className="rounded border border-slate-200 p-2">
              <p className="font-medium text-slate-900">{c.label}</p>
              <dl className="mt-1 grid gap-1 sm:grid-cols-[auto,1fr] sm:gap-x-3">
                {LEVELS.map((l) => (
                  <div key={l} className="contents">
                    <dt className="text-xs font-medium text-slate-500">{t(`qual.level.${l}`)}</dt>
                    <dd className="break-words text-slate-700">{c.levels[l]}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </div>
      </details>
      {tpl.builtIn ? null : <Link to={`/settings/templates/${tpl.id}`} className="link text-sm">{t("qual.templates.edit")}</Link>}
    </li>
  );
}
