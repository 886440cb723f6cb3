import { Field, SelectField } from "~/components/forms/Field";
import { CURRENCIES } from "~/domain/shared/schemas";
import { useT } from "~/utils/i18n";

type Props = {
  managers: { id: string; name: string }[];
  errors?: Record<string, string[]>;
  values?: Record<string, string | null | undefined>;
};

/** The fields of a client company, for the create and edit forms. */
export function ClientFields({ managers, errors, values }: Props) {
  const { t } = useT();
  return (
    <>
      <Field label={t("agency.clients.name")} name="name" required maxLength={120} defaultValue={values?.name} errors={errors?.name} autoFocus />
      <Field label={t("agency.clients.website")} name="website" type="url" placeholder="https://" defaultValue={values?.website} errors={errors?.website} />
      <SelectField label={t("agency.clients.currency")} name="currency" options={CURRENCIES.map((c) => ({ value: c, label: c }))} defaultValue={values?.currency ?? "EUR"} errors={errors?.currency} />
      <SelectField
        label={t("agency.clients.accountManager")}
        name="accountManagerId"
        emptyLabel={t("common.none")}
        options={managers.map((m) => ({ value: m.id, label: m.name }))}
        defaultValue={values?.accountManagerId}
        errors={errors?.accountManagerId}
      />
    </>
  );
}
