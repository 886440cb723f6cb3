import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { clientIp, commitSession, createSession, getActor, login, safeRedirect } from "~/utils/auth.server";
import { failure, parseForm } from "~/utils/form";
import { email } from "~/domain/shared/validation";
import { Field, FormError } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";
import { readForm } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Rendezvous · Sign in" }];

const schema = z.object({
  email,
  password: z.string({ error: "common.errors.required" }).min(1, { error: "common.errors.required" }).max(200, { error: "common.errors.tooLong|max=200" }),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getActor(request)) return redirect("/home");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const result = await login(parsed.data.email, parsed.data.password, clientIp(request));
  if (!result.ok) {
    const key = result.reason === "rate_limited" ? "auth.login.rateLimited" : result.reason === "deactivated" ? "auth.login.deactivated" : "auth.login.invalid";
    return json(failure(formData, { _form: [key] }), { status: result.reason === "rate_limited" ? 429 : result.reason === "deactivated" ? 403 : 400 });
  }
  const session = await createSession(result.userId, request.headers.get("user-agent"));
  return redirect(safeRedirect(parsed.data.redirectTo), { headers: { "Set-Cookie": await commitSession(session.id) } });
}

export default function Login() {
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useT();
  const errors = data && !data.ok ? data.errors : undefined;
  const values = data && !data.ok ? data.values : undefined;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="h1 text-center">{t("auth.login.title")}</h1>
      <p className="mt-2 text-center text-sm text-slate-500">{t("common.tagline")}</p>
      <Form method="post" className="card mt-6 space-y-4" noValidate>
        <FormError errors={errors} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field label={t("auth.login.email")} name="email" type="email" autoComplete="email" required autoFocus defaultValue={values?.email} errors={errors?.email} />
        <Field label={t("auth.login.password")} name="password" type="password" autoComplete="current-password" required errors={errors?.password} />
        <button className="btn-primary w-full" disabled={navigation.state === "submitting"}>
          {t("auth.login.submit")}
        </button>
        <p className="text-center text-sm">
          <Link to="/forgot-password" className="link">{t("auth.login.forgot")}</Link>
        </p>
      </Form>
    </div>
  );
}
