// Changing a qualitative objective's grid: a changed grid is saved as a new version; past assessments keep theirs.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireActor } from "~/utils/auth.server";
import { actionError, orResponse, readForm } from "~/utils/http.server";
import { failure } from "~/utils/form";
import { redirectWithToast } from "~/utils/toast.server";
import { gridForEdit } from "~/models/qualitative/pages.server";
import { saveGrid } from "~/models/qualitative/qualitative.server";
import { gridErrors, gridFromForm } from "~/domain/qualitative/schemas";
import { gridProblems } from "~/domain/qualitative/grid";
import { FormError } from "~/components/forms/Field";
import { GridFields } from "~/components/qualitative/GridFields";
import { useT } from "~/utils/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "objective:manage");
  return json(await orResponse(gridForEdit(actor, params.campaignId!, params.objectiveId!)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "objective:manage");
  const formData = await readForm(request);
  // The objective must be this campaign's, in the actor's scope (else 404).
  await orResponse(gridForEdit(actor, params.campaignId!, params.objectiveId!));
  const { grid, rows } = gridFromForm(formData);
  if (gridProblems(grid).length) return json(failure(formData, gridErrors(grid, rows)), { status: 400 });
  try {
    const before = (await gridForEdit(actor, params.campaignId!, params.objectiveId!)).versions[0]!.version;
    const version = await saveGrid(actor, params.objectiveId!, grid);
    return redirectWithToast(`/campaigns/${params.campaignId}/objectives/qualitative/${params.objectiveId}`, version === before ? "objectives.qual.grid.unchanged" : "objectives.qual.grid.saved");
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function EditGrid() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const navigation = useNavigation();
  const { t, dateTime } = useT();
  return (
    <section className="card max-w-4xl">
      <Link to=".." relative="path" className="link text-sm">← {d.objective.title}</Link>
      <h2 className="h2 mt-2">{t("objectives.qual.grid.edit")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("objectives.qual.grid.editIntro")}</p>
      <ul className="mt-2 text-xs text-slate-500">
        {d.versions.map((v) => <li key={v.version}>{t("objectives.qual.grid.version", { version: v.version })} · {dateTime(v.at)}</li>)}
      </ul>
      <Form method="post" className="mt-4 space-y-6" noValidate>
        <FormError errors={failed?.errors} />
        <GridFields criteria={d.criteria} values={failed?.values} errors={failed?.errors} />
        <button className="btn-primary" disabled={navigation.state === "submitting"}>{t("objectives.qual.grid.save")}</button>
      </Form>
    </section>
  );
}
