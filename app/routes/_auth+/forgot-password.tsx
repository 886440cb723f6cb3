import { json, type ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { failure, parseForm } from "~/utils/form";
import { email } from "~/domain/shared/validation";
import { queuePasswordResetRequest } from "~/models/password-reset-request.server";
import { clientIp } from "~/utils/auth.server";
import { getT } from "~/utils/locale.server";
import { appOrigin } from "~/utils/http.server";
import { Field, FormError } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";
import { readForm } from "~/utils/http.server";

const schema = z.object({ email });

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const { locale } = await getT(request);
  const outcome = await queuePasswordResetRequest({ email: parsed.data.email, ip: clientIp(request), locale, origin: appOrigin(request) });
  if (outcome === "address-throttled") return json(failure(formData, { _form: ["security.reset.tooMany"] }), { status: 429 });
  return json({ ok: true as const, sent: true });
}

export default function ForgotPassword() {
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const errors = data && !data.ok ? data.errors : undefined;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="h1 text-center">{t("auth.forgot.title")}</h1>
      {data?.ok ? (
        <p role="status" className="card mt-6 text-sm text-slate-700">{t("auth.forgot.sent")}</p>
      ) : (
        <Form method="post" className="card mt-6 space-y-4" noValidate>
          <p className="text-sm text-slate-600">{t("auth.forgot.body")}</p>
          <FormError errors={errors} />
          <Field label={t("auth.login.email")} name="email" type="email" autoComplete="email" required autoFocus defaultValue={data && !data.ok ? data.values.email : undefined} errors={errors?.email} />
          <button className="btn-primary w-full" disabled={navigation.state === "submitting"}>{t("auth.forgot.submit")}</button>
        </Form>
      )}
    </div>
  );
}
