import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";
import { parseObject } from "~/utils/form";
import { actionError, readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { templateInput, templateSchema } from "~/domain/qualitative/template-form";
import { saveAgencyTemplate } from "~/models/qualitative/templates.server";
import { TemplateFormFields } from "~/components/qualitative/TemplateFormFields";
import { useT } from "~/utils/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "objective:manage");
  return json({ locale: await getLocale(request, actor) });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "objective:manage");
  const formData = await readForm(request);
  try {
    const parsed = parseObject(templateSchema, templateInput(formData), formData);
    if (!parsed.ok) return json(parsed, { status: 400 });
    await saveAgencyTemplate(actor, null, parsed.data);
    return redirectWithToast("/settings/templates", "qual.templates.saved");
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function NewTemplate() {
  const { locale } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useT();
  const failed = data && !data.ok ? data : undefined;
  return (
    <div className="space-y-6">
      <h1 className="h1">{t("qual.templates.newTitle")}</h1>
      <TemplateFormFields values={failed?.values ?? { locale, ritual: "CALL_REVIEW", cadence: "WEEKLY" }} errors={failed?.errors} />
    </div>
  );
}
