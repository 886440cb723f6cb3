// A member's access: change their role, deactivate (with a confirmation that says what happens, working before
// JavaScript loads: it is a page state, not a script) or reactivate. Agency admins: anyone of the agency; client
// admins: their company's members. Someone else's member, or oneself, is a 404.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireActor } from "~/utils/auth.server";
import { actionError, readForm } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { changeMemberRole, deactivateMember, getManagedMember, reactivateMember } from "~/models/team.server";
import { ROLES } from "~/domain/shared/permissions";
import { SelectField } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";
import { formatDate } from "~/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "team:manage");
  const member = await getManagedMember(actor, params.membershipId ?? "");
  if (!member) throw new Response("Not Found", { status: 404 });
  return json({ member });
}

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
  z.object({ intent: z.literal("role"), role: z.enum(ROLES).optional() }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "team:manage");
  const formData = await readForm(request);
  const parsed = intentSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return json({ ok: false as const, roleError: "agency.team.roleNotAllowed" as const }, { status: 400 });
  const id = params.membershipId ?? "";
  const back = `/team/${id}`;
  try {
    switch (parsed.data.intent) {
      case "deactivate":
        await deactivateMember(actor, id);
        return redirectWithToast(back, "agency.team.deactivatedDone");
      case "reactivate":
        await reactivateMember(actor, id);
        return redirectWithToast(back, "agency.team.reactivatedDone");
      case "role": {
        if (!parsed.data.role) return json({ ok: false as const, roleError: "agency.team.roleNotAllowed" as const }, { status: 400 });
        const changed = await changeMemberRole(actor, id, parsed.data.role);
        if (!changed.ok) return json({ ok: false as const, roleError: changed.error }, { status: 400 });
        return redirectWithToast(back, "agency.team.roleChanged");
      }
    }
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function Member() {
  const { member } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const { t, locale, timeZone } = useT();
  const name = member.user.name;
  const confirming = params.get("confirm") === "deactivate" && !member.deactivatedAt;
  const roleError = data && "roleError" in data ? data.roleError : undefined;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link to="/team" className="text-sm text-brand-700 hover:underline">← {t("agency.team.back")}</Link>
      </p>
      <div>
        <h1 className="h1 break-words">{t("agency.team.memberTitle", { name })}</h1>
        <p className="mt-1 break-words text-slate-600">
          {t("agency.team.memberIntro", {
            email: member.user.email,
            role: t(`common.role.${member.role}`),
            date: formatDate(locale, member.createdAt, { dateStyle: "long", timeZone }),
          })}
        </p>
        {member.clientCompany ? <p className="text-sm text-slate-500">{member.clientCompany.name}</p> : null}
        <p className="mt-2">
          {member.deactivatedAt ? (
            <span className="badge bg-slate-200 text-slate-700">
              {t("agency.team.deactivatedOn", { date: formatDate(locale, member.deactivatedAt, { dateStyle: "medium", timeZone }) })}
            </span>
          ) : (
            <span className="badge bg-green-100 text-green-800">{t("agency.team.active")}</span>
          )}
        </p>
      </div>

      {!member.deactivatedAt && member.roles.length > 1 ? (
        <section className="card space-y-3" aria-labelledby="role-title">
          <h2 id="role-title" className="h2">{t("agency.team.roleTitle")}</h2>
          <p className="text-sm text-slate-600">{t("agency.team.roleHelp")}</p>
          <Form method="post" className="flex flex-wrap items-end gap-3" noValidate>
            <input type="hidden" name="intent" value="role" />
            <div className="min-w-[14rem] flex-1">
              <SelectField
                label={t("agency.team.newRole")}
                name="role"
                defaultValue={member.role}
                options={member.roles.map((r) => ({ value: r, label: t(`common.role.${r}`) }))}
                errors={roleError ? [roleError] : undefined}
              />
            </div>
            <button type="submit" className="btn-primary" disabled={busy}>{t("agency.team.saveRole")}</button>
          </Form>
        </section>
      ) : null}

      {member.deactivatedAt ? (
        <section className="card space-y-3" aria-labelledby="reactivate-title">
          <h2 id="reactivate-title" className="h2">{t("agency.team.reactivateTitle")}</h2>
          <p className="text-sm text-slate-600">{t("agency.team.reactivateHelp", { name })}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="reactivate" />
            <button type="submit" className="btn-primary" disabled={busy}>{t("agency.team.reactivate", { name })}</button>
          </Form>
        </section>
      ) : confirming ? (
        <section role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-body" className="card space-y-3 border-red-300 bg-red-50">
          <h2 id="confirm-title" className="h2 text-red-900">{t("agency.team.deactivateConfirmTitle", { name })}</h2>
          <p id="confirm-body" className="text-sm text-red-900">{t("agency.team.deactivateHelp", { name })}</p>
          <div className="flex flex-wrap gap-3">
            <Form method="post">
              <input type="hidden" name="intent" value="deactivate" />
              <button type="submit" className="btn-danger" disabled={busy} autoFocus>{t("agency.team.deactivateConfirm")}</button>
            </Form>
            <Link to="." className="btn-secondary">{t("agency.team.keep")}</Link>
          </div>
        </section>
      ) : (
        <section className="card space-y-3" aria-labelledby="deactivate-title">
          <h2 id="deactivate-title" className="h2">{t("agency.team.deactivateTitle")}</h2>
          <p className="text-sm text-slate-600">{t("agency.team.deactivateHelp", { name })}</p>
          <Link to="?confirm=deactivate" className="btn-danger inline-flex">
            {t("agency.team.deactivate", { name })}
          </Link>
        </section>
      )}
    </div>
  );
}
