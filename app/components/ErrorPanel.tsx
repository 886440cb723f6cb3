import { isRouteErrorResponse, Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";

/** The page shown for errors: 404 and 403 say so; anything else hides its details. */
export function ErrorPanel({ error }: { error: unknown }) {
  const { t } = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status !== 404 && status !== 403 && !isRouteErrorResponse(error)) console.error(error);
  const [title, body] =
    status === 404
      ? [t("common.notFoundTitle"), t("common.notFoundBody")]
      : status === 403
        ? [t("common.forbiddenTitle"), t("common.forbiddenBody")]
        : [t("common.errorTitle"), t("common.errorBody")];
  return (
    <div className="card mx-auto max-w-lg text-center">
      <p className="text-sm font-semibold text-brand-600">{status}</p>
      <h1 className="h1 mt-2">{title}</h1>
      <p className="mt-2 text-slate-600">{body}</p>
      <Link to="/" className="btn-primary mt-6">{t("common.backHome")}</Link>
    </div>
  );
}
