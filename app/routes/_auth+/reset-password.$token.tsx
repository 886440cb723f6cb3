import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { parseForm } from "~/utils/form";
import { password } from "~/domain/shared/validation";
import { resetPassword, resetTokenValid } from "~/models/user.server";
import { commitSession } from "~/utils/auth.server";
import { actionError } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { Field, FormError } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";
import { readForm } from "~/utils/http.server";
import { userHasCalendarFeed } from "~/models/sessions/sessions.server";

const schema = z
  .object({ password, confirm: z.string({ error: "common.errors.required" }) })
  .refine((v) => v.password === v.confirm, { error: "auth.errors.passwordMismatch", path: ["confirm"] });

export async function loader({ params }: LoaderFunctionArgs) {
  return json({ valid: await resetTokenValid(params.token ?? "") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const { sessionId, userId } = await resetPassword(params.token ?? "", parsed.data.password, request.headers.get("user-agent"));
    // With a calendar link, the profile offers to reset it too (whoever had the password may have copied it).
    const [to, toast] = (await userHasCalendarFeed(userId)) ? ["/calendar", "security.reset.doneCalendar"] : ["/home", "auth.reset.done"];
    return redirectWithToast(to, toast, { headers: { "Set-Cookie": await commitSession(sessionId) } });
  } catch (e) {
    return actionError(e, formData);
  }
}

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const errors = data && !data.ok ? data.errors : undefined;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="h1 text-center">{t("auth.reset.title")}</h1>
      {valid ? (
        <Form method="post" className="card mt-6 space-y-4" noValidate>
          <FormError errors={errors} />
          <Field label={t("auth.reset.password")} name="password" type="password" autoComplete="new-password" required errors={errors?.password} hint={t("auth.errors.passwordShort")} />
          <Field label={t("auth.reset.confirm")} name="confirm" type="password" autoComplete="new-password" required errors={errors?.confirm} />
          <button className="btn-primary w-full" disabled={navigation.state === "submitting"}>{t("auth.reset.submit")}</button>
        </Form>
      ) : (
        <div role="alert" className="card mt-6 text-sm">
          <p>{t("auth.reset.invalid")}</p>
          <Link to="/forgot-password" className="link mt-3 inline-block">{t("auth.forgot.submit")}</Link>
        </div>
      )}
    </div>
  );
}
