import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { parseObject } from "~/utils/form";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { templateInput, templateSchema } from "~/domain/qualitative/template-form";
import { getTemplate, saveAgencyTemplate } from "~/models/qualitative/templates.server";
import { TemplateFormFields, type TemplateValues } from "~/components/qualitative/TemplateFormFields";
import { useT } from "~/utils/i18n";

// Editing one of the agency's own templates (built-in ones are not edited: an agency copies them into its own).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "objective:manage");
  const tpl = await orResponse(getTemplate(actor, params.templateId!, await getLocale(request, actor)));
  if (tpl.builtIn) throw new Response("Not Found", { status: 404 });
  const values: TemplateValues = {
    locale: tpl.locale, title: tpl.title, need: tpl.need, verb: tpl.verb, behaviours: tpl.behaviours.join("\n"), ritual: tpl.ritual, cadence: tpl.cadence,
  };
  tpl.grid.criteria.forEach((c, i) => {
    values[`criteria.${i}.label`] = c.label;
    for (const [l, text] of Object.entries(c.levels)) values[`criteria.${i}.${l}`] = text;
  });
  return json({ title: tpl.title, values });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "objective:manage");
  const formData = await readForm(request);
  try {
    const parsed = parseObject(templateSchema, templateInput(formData), formData);
    if (!parsed.ok) return json(parsed, { status: 400 });
    await saveAgencyTemplate(actor, params.templateId!, parsed.data);
    return redirectWithToast("/settings/templates", "qual.templates.saved");
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function EditTemplate() {
  const { title, values } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useT();
  const failed = data && !data.ok ? data : undefined;
  return (
    <div className="space-y-6">
      <h1 className="h1 break-words">{t("qual.templates.editTitle", { title })}</h1>
      <TemplateFormFields values={failed?.values ?? values} errors={failed?.errors} />
    </div>
  );
}
