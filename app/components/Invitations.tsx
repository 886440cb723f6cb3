import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Confirm } from "~/components/forms/Confirm";
import { Field, FormError, SelectField } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";
import { formatDate } from "~/i18n";
import type { FormFailure } from "~/utils/form";
import { defaultInviteRole, isAgencyRole, type Role } from "~/domain/shared/permissions";
import type { MessageKey } from "~/i18n";

/** What the /invitations action answers a fetcher. */
export type InvitationResult = { ok: true; message: MessageKey; email: string } | FormFailure;

type Pending = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  expiresAt: string;
  clientCompany: { id: string; name: string } | null;
  invitedBy: { name: string } | null;
};

/** The invitation form: roles limited to what the inviter may hand out; client roles name a client company. */
export function InviteForm({ roles, clients, fixedClientId }: { roles: Role[]; clients?: { id: string; name: string }[]; fixedClientId?: string }) {
  const fetcher = useFetcher<InvitationResult>();
  const { t, locale, timeZone } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const data = fetcher.data;
  const errors = data && !data.ok ? data.errors : undefined;
  const values = data && !data.ok ? data.values : undefined;
  useEffect(() => {
    if (data?.ok && fetcher.state === "idle") formRef.current?.reset();
  }, [data, fetcher.state]);
  return (
    <fetcher.Form ref={formRef} method="post" action="/invitations" className="space-y-4" noValidate aria-label={t("agency.team.inviteTitle")}>
      <input type="hidden" name="intent" value="invite" />
      {fixedClientId ? <input type="hidden" name="clientCompanyId" value={fixedClientId} /> : null}
      <FormError errors={errors} />
      {data?.ok && data.email ? <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t(data.message, { email: data.email })}</p> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("agency.team.email")} name="email" type="email" required defaultValue={values?.email} errors={errors?.email} />
        <Field label={t("agency.team.name")} name="name" defaultValue={values?.name} errors={errors?.name} />
        <SelectField label={t("agency.team.role")} name="role" options={roles.map((r) => ({ value: r, label: t(`common.role.${r}`) }))} defaultValue={values?.role ?? defaultInviteRole(roles, Boolean(fixedClientId) || !roles.some(isAgencyRole))} errors={errors?.role} />
        {!fixedClientId && clients?.length ? (
          <SelectField
            label={t("agency.team.clientCompany")}
            name="clientCompanyId"
            emptyLabel={t("agency.team.agencyItself")}
            options={clients.map((c) => ({ value: c.id, label: c.name }))}
            defaultValue={values?.clientCompanyId}
            errors={errors?.clientCompanyId}
          />
        ) : null}
        <SelectField
          label={t("agency.team.emailLanguage")}
          name="locale"
          options={[{ value: "fr", label: t("common.french") }, { value: "en", label: t("common.english") }]}
          defaultValue={values?.locale ?? locale}
          errors={errors?.locale}
        />
      </div>
      <button className="btn-primary" disabled={fetcher.state !== "idle"}>{t("agency.team.send")}</button>
    </fetcher.Form>
  );
}

export function PendingInvitations({ invitations, showCompany }: { invitations: Pending[]; showCompany?: boolean }) {
  const { t, locale, timeZone } = useT();
  if (!invitations.length) return <p className="text-sm text-slate-500">{t("agency.team.noPending")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="table" aria-label={t("agency.team.pending")}>
        <thead>
          <tr>
            <th>{t("agency.team.email")}</th>
            <th>{t("agency.team.role")}</th>
            {showCompany ? <th>{t("agency.team.clientCompany")}</th> : null}
            <th>{t("agency.team.expires")}</th>
            <th className="text-right">{t("common.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((inv) => (
            <PendingRow key={inv.id} inv={inv} showCompany={showCompany} locale={locale} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PendingRow({ inv, showCompany, locale }: { inv: Pending; showCompany?: boolean; locale: "en" | "fr" }) {
  const fetcher = useFetcher<InvitationResult>();
  const { t, timeZone } = useT();
  const expired = new Date(inv.expiresAt) < new Date();
  return (
    <tr>
      <td>
        <span className="font-medium">{inv.email}</span>
        {inv.name ? <span className="block text-xs text-slate-500">{inv.name}</span> : null}
      </td>
      <td>{t(`common.role.${inv.role}`)}</td>
      {showCompany ? <td>{inv.clientCompany?.name ?? t("agency.team.agencyItself")}</td> : null}
      <td className={expired ? "text-red-700" : ""}>{expired ? t("agency.team.expired") : formatDate(locale, inv.expiresAt, { dateStyle: "medium", timeZone })}</td>
      <td className="text-right">
        <fetcher.Form method="post" action="/invitations" className="inline-flex flex-wrap items-start justify-end gap-2">
          <input type="hidden" name="invitationId" value={inv.id} />
          <button name="intent" value="resend" className="btn-secondary" aria-label={t("agency.team.resendTo", { email: inv.email })}>
            {t("agency.team.resend")}
          </button>
          <Confirm
            label={t("agency.team.revoke")}
            ariaLabel={t("agency.team.revokeFor", { email: inv.email })}
            title={t("agency.team.revokeConfirmTitle", { email: inv.email })}
            consequence={t("agency.team.revokeConsequence")}
            confirmLabel={t("agency.team.revokeConfirm")}
            tone="danger"
            name="intent"
            value="revoke"
          />
        </fetcher.Form>
        {fetcher.state === "idle" && fetcher.data?.ok ? (
          <p role="status" className="mt-1 text-xs text-green-700">{t(fetcher.data.message)}</p>
        ) : null}
      </td>
    </tr>
  );
}
