import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { parseForm } from "~/utils/form";
import { optionalText } from "~/domain/shared/validation";
import { acceptInvitation, findInvitationByToken } from "~/models/invitation.server";
import { commitSession } from "~/utils/auth.server";
import { actionError } from "~/utils/http.server";
import { getT } from "~/utils/locale.server";
import { redirectWithToast } from "~/utils/toast.server";
import { Field, FormError } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";
import { readForm } from "~/utils/http.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const { state, invitation, existingUser } = await findInvitationByToken(params.token ?? "");
  return json({
    state,
    existingUser,
    invitation: invitation && {
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      organization: invitation.clientCompany?.name ?? invitation.agency.name,
      inviter: invitation.invitedBy?.name ?? invitation.agency.name,
    },
  }, { status: state === "invalid" ? 404 : state === "valid" ? 200 : 410 });
}

const schema = z.object({
  name: optionalText(120),
  password: z.string({ error: "common.errors.required" }).min(1, { error: "common.errors.required" }).max(200, { error: "common.errors.tooLong|max=200" }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const { state, existingUser } = await findInvitationByToken(params.token ?? "");
  if (state === "valid" && !existingUser) {
    const strict = parseForm(z.object({ name: z.string().trim().min(1, { error: "common.errors.required" }), password: z.string().min(10, { error: "auth.errors.passwordShort" }) }), formData);
    if (!strict.ok) return json(strict, { status: 400 });
  }
  const { locale } = await getT(request);
  try {
    const { sessionId } = await acceptInvitation(params.token ?? "", { ...parsed.data, locale, userAgent: request.headers.get("user-agent") });
    return redirectWithToast("/home", "auth.invite.welcome", { headers: { "Set-Cookie": await commitSession(sessionId) } });
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function AcceptInvitation() {
  const { state, invitation, existingUser } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const errors = data && !data.ok ? data.errors : undefined;
  if (state !== "valid" || !invitation) {
    return (
      <div role="alert" className="card mx-auto max-w-md text-center">
        <p>{t(`auth.invite.${state === "valid" ? "invalid" : state}`, { organization: invitation?.organization ?? "" })}</p>
        <Link to="/login" className="btn-primary mt-4">{t("common.signIn")}</Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="h1 text-center">{t("auth.invite.title", { organization: invitation.organization })}</h1>
      <p className="mt-2 text-center text-sm text-slate-600">
        {t("auth.invite.body", { inviter: invitation.inviter, role: t(`common.role.${invitation.role}`) })}
      </p>
      <Form method="post" className="card mt-6 space-y-4" noValidate>
        <FormError errors={errors} />
        <Field label={t("auth.login.email")} name="emailShown" defaultValue={invitation.email} type="email" autoComplete="username" readOnly />
        {existingUser ? (
          <>
            <p className="text-sm text-slate-600">{t("auth.invite.existing")}</p>
            <Field label={t("auth.login.password")} name="password" type="password" autoComplete="current-password" required errors={errors?.password} />
          </>
        ) : (
          <>
            <Field label={t("auth.invite.name")} name="name" autoComplete="name" required maxLength={120} defaultValue={data && !data.ok ? data.values.name : invitation.name} errors={errors?.name} />
            <Field label={t("auth.invite.password")} name="password" type="password" autoComplete="new-password" required errors={errors?.password} hint={t("auth.errors.passwordShort")} />
          </>
        )}
        <button className="btn-primary w-full" disabled={navigation.state === "submitting"}>{t("auth.invite.submit")}</button>
      </Form>
    </div>
  );
}
