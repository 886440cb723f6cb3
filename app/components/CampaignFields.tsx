import { Field, SelectField } from "~/components/forms/Field";
import { useT } from "~/utils/i18n";

type Props = {
  managers: { id: string; name: string }[];
  errors?: Record<string, string[]>;
  values?: Record<string, string | null | undefined>;
};

export function CampaignFields({ managers, errors, values }: Props) {
  const { t } = useT();
  return (
    <>
      <Field label={t("agency.campaigns.name")} name="name" required maxLength={120} defaultValue={values?.name} errors={errors?.name} />
      <Field label={t("agency.campaigns.description")} name="description" multiline maxLength={2000} defaultValue={values?.description} errors={errors?.description} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("agency.campaigns.startDate")} name="startDate" type="date" defaultValue={values?.startDate} errors={errors?.startDate} />
        <Field label={t("agency.campaigns.endDate")} name="endDate" type="date" defaultValue={values?.endDate} errors={errors?.endDate} />
      </div>
      <SelectField
        label={t("agency.campaigns.accountManager")}
        name="accountManagerId"
        emptyLabel={t("common.none")}
        options={managers.map((m) => ({ value: m.id, label: m.name }))}
        defaultValue={values?.accountManagerId}
        errors={errors?.accountManagerId}
      />
    </>
  );
}
