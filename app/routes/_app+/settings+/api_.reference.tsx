// Settings > API > reference: the OpenAPI document rendered on the server as a readable page (no script from a CDN:
// the CSP forbids them). Operations with their scope, parameters, body and answers; the schemas as field tables.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { openApiDocument, API_OPERATIONS } from "~/domain/api/openapi";
import { useT } from "~/utils/i18n";

type JsonSchema = { type?: string | string[]; $ref?: string; items?: JsonSchema; enum?: unknown[]; properties?: Record<string, JsonSchema>; required?: string[]; description?: string; anyOf?: JsonSchema[]; format?: string; minimum?: number; maximum?: number; maxLength?: number; pattern?: string };
type Field = { name: string; type: string; required: boolean; description: string };

/** A schema's type in a few words: "string", "integer (5..480)", "Meeting[]", "HELD | NO_SHOW", "string | null". */
function typeOf(s: JsonSchema | undefined): string {
  if (!s) return "";
  if (s.$ref) return s.$ref.split("/").pop()!;
  if (s.anyOf) return s.anyOf.map(typeOf).join(" | ");
  if (s.enum) return s.enum.map(String).join(" | ");
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  return types
    .map((t) => {
      if (t === "array") return `${typeOf(s.items)}[]`;
      const range = s.minimum !== undefined || s.maximum !== undefined ? ` (${s.minimum ?? ""}..${s.maximum ?? ""})` : "";
      const max = s.maxLength !== undefined ? ` (≤ ${s.maxLength})` : "";
      return `${t}${s.format ? `, ${s.format}` : ""}${range}${max}`;
    })
    .join(" | ");
}
/** Descriptions are Markdown in the document; the page shows them as plain text. */
const plain = (s = "") => s.replace(/`([^`]+)`/g, "$1");
function fieldsOf(s: JsonSchema): Field[] {
  return Object.entries(s.properties ?? {}).map(([name, p]) => ({ name, type: typeOf(p), required: (s.required ?? []).includes(name), description: plain(p.description) }));
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "api:keys");
  const doc = openApiDocument() as unknown as {
    info: { title: string; version: string; description: string };
    paths: Record<string, Record<string, { summary: string; description?: string; parameters?: { name: string; in: string; required?: boolean; schema: JsonSchema; description?: string }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> }; responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }> }>>;
    components: { schemas: Record<string, JsonSchema> };
  };
  const operations = API_OPERATIONS.map((o) => {
    const d = doc.paths[o.path][o.method];
    const body = d.requestBody ? Object.values(d.requestBody.content)[0]?.schema : undefined;
    return {
      ...o,
      description: plain(d.description),
      parameters: (d.parameters ?? []).map((p) => ({ name: p.name, in: p.in, required: Boolean(p.required), type: typeOf(p.schema), description: plain(p.description ?? p.schema.description) })),
      body: body ? typeOf(body) : null,
      responses: Object.entries(d.responses).map(([status, r]) => ({ status, description: plain(r.description), type: r.content ? `${Object.keys(r.content)[0]}: ${typeOf(Object.values(r.content)[0].schema)}` : "" })),
    };
  });
  const schemas = Object.entries(doc.components.schemas).map(([name, s]) => ({ name, description: plain(s.description), fields: fieldsOf(s) }));
  return json({ info: { ...doc.info, description: plain(doc.info.description) }, operations, schemas });
}

const METHOD_COLORS: Record<string, string> = { get: "bg-sky-100 text-sky-900", post: "bg-emerald-100 text-emerald-900", put: "bg-amber-100 text-amber-900" };

export default function ApiReference() {
  const { info, operations, schemas } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm"><Link to="/settings/api" className="link">← {t("api.ref.back")}</Link></p>
        <h1 className="h1 mt-2">{t("api.ref.title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-600">{t("api.ref.intro")}</p>
        <p className="mt-1 max-w-3xl text-sm text-slate-500" lang="en">{info.title} {info.version}. {info.description}</p>
      </div>
      <nav aria-label={t("api.ref.title")} className="card">
        <ul className="space-y-1 text-sm">
          {operations.map((o) => (
            <li key={o.operationId} className="flex flex-wrap items-baseline gap-2">
              <span className={`rounded px-1.5 py-0.5 font-mono text-xs uppercase ${METHOD_COLORS[o.method]}`}>{o.method}</span>
              <a href={`#${o.operationId}`} className="link break-all font-mono">/api/v1{o.path}</a>
              <span className="text-slate-600" lang="en">{o.summary}</span>
            </li>
          ))}
        </ul>
      </nav>
      {operations.map((o) => (
        <section key={o.operationId} id={o.operationId} className="card space-y-3" aria-labelledby={`${o.operationId}-title`} lang="en">
          <h2 id={`${o.operationId}-title`} className="h2 flex flex-wrap items-baseline gap-2">
            <span className={`rounded px-1.5 py-0.5 font-mono text-xs uppercase ${METHOD_COLORS[o.method]}`}>{o.method}</span>
            <span className="break-all font-mono text-base">/api/v1{o.path}</span>
          </h2>
          <p className="text-slate-700">{o.summary}</p>
          <p className="text-sm"><span className="text-slate-500">{t("api.ref.scope")}</span> <code>{o.scope}</code></p>
          {o.parameters.length ? (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="text-left text-sm font-medium text-slate-700">{t("api.ref.params")}</caption>
                <tbody>
                  {o.parameters.map((p) => (
                    <tr key={`${p.in}-${p.name}`} className="border-t border-slate-100 align-top">
                      <th scope="row" className="py-1 pr-3 font-mono font-normal">{p.name}</th>
                      <td className="py-1 pr-3 text-slate-500">{p.in}{p.required ? `, ${t("api.ref.required")}` : ""}</td>
                      <td className="py-1 pr-3 font-mono text-xs">{p.type}</td>
                      <td className="py-1 text-slate-600">{p.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {o.body ? <p className="text-sm"><span className="text-slate-500">{t("api.ref.request")}</span> <a href={`#schema-${o.body}`} className="link font-mono">{o.body}</a></p> : null}
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="text-left text-sm font-medium text-slate-700">{t("api.ref.responses")}</caption>
              <tbody>
                {o.responses.map((r) => (
                  <tr key={r.status} className="border-t border-slate-100 align-top">
                    <th scope="row" className="py-1 pr-3 font-mono font-normal">{r.status}</th>
                    <td className="py-1 pr-3 text-slate-700">{r.description}</td>
                    <td className="py-1 font-mono text-xs text-slate-500">{r.type}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <h2 className="h2">{t("api.ref.schemas")}</h2>
      {schemas.map((s) => (
        <section key={s.name} id={`schema-${s.name}`} className="card space-y-2" aria-labelledby={`schema-${s.name}-title`} lang="en">
          <h3 id={`schema-${s.name}-title`} className="font-mono font-semibold text-slate-900">{s.name}</h3>
          {s.description ? <p className="text-sm text-slate-600">{s.description}</p> : null}
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="text-slate-500">
                  <th scope="col" className="py-1 pr-3 font-medium">{t("api.ref.field")}</th>
                  <th scope="col" className="py-1 pr-3 font-medium">{t("api.ref.type")}</th>
                  <th scope="col" className="py-1 font-medium"><span className="sr-only">{t("api.ref.field")}</span></th>
                </tr>
              </thead>
              <tbody>
                {s.fields.map((f) => (
                  <tr key={f.name} className="border-t border-slate-100 align-top">
                    <th scope="row" className="py-1 pr-3 font-mono font-normal">{f.name}{f.required ? "" : "?"}</th>
                    <td className="py-1 pr-3 font-mono text-xs text-slate-600">{f.type}</td>
                    <td className="py-1 text-slate-600">{f.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
