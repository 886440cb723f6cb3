import { Form } from "@remix-run/react";
import { Field, FormError, SelectField } from "~/components/forms/Field";
import { BILLING_CURRENCIES, TAX_RATE_CHOICES } from "~/domain/billing/billing";
import { useT } from "~/utils/i18n";

type Props = {
  values: Record<string, string | null | undefined>;
  errors?: Record<string, string[]>;
  campaigns: { id: string; name: string }[];
  readOnly: boolean;
  submitting: boolean;
};

/** The pricing of a client company: prices (from next month) and billing details (at once). Admin edits, AM reads. */
export function PricingForm({ values, errors, campaigns, readOnly, submitting }: Props) {
  const { t } = useT();
  const currency = values.currency ?? "EUR";
  const amountHint = t("billing.amountHint", { currency });
  const body = (
    <fieldset disabled={readOnly} className="space-y-4">
      <FormError errors={errors} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField label={t("billing.currency")} name="currency" options={Object.keys(BILLING_CURRENCIES).map((c) => ({ value: c, label: c }))} defaultValue={currency} errors={errors?.currency} />
        <Field label={t("billing.retainerAmount")} name="retainerAmount" defaultValue={values.retainerAmount} errors={errors?.retainerAmount} hint={amountHint} required />
        <Field label={t("billing.meetingPrice")} name="meetingPrice" defaultValue={values.meetingPrice} errors={errors?.meetingPrice} hint={amountHint} required />
      </div>
      {campaigns.length ? (
        <div>
          <h3 className="text-sm font-medium text-slate-700">{t("billing.campaignPrices")}</h3>
          <p className="text-xs text-slate-500">{t("billing.campaignPriceHint")}</p>
          <div className="mt-2 grid gap-4 sm:grid-cols-3">
            {campaigns.map((c) => (
              <Field key={c.id} label={c.name} name={`campaignPrice_${c.id}`} defaultValue={values[`campaignPrice_${c.id}`]} errors={errors?.[`campaignPrice_${c.id}`]} />
            ))}
          </div>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("billing.billingDay")} name="billingDay" type="number" defaultValue={values.billingDay} errors={errors?.billingDay} hint={t("billing.billingDayHint")} required />
        <Field label={t("billing.billingEmail")} name="billingEmail" type="email" defaultValue={values.billingEmail} errors={errors?.billingEmail} />
        <SelectField label={t("billing.locale")} name="locale" options={[{ value: "fr", label: "Français" }, { value: "en", label: "English" }]} defaultValue={values.locale ?? "fr"} errors={errors?.locale} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("billing.addressLine1")} name="addressLine1" defaultValue={values.addressLine1} errors={errors?.addressLine1} />
        <Field label={t("billing.addressLine2")} name="addressLine2" defaultValue={values.addressLine2} errors={errors?.addressLine2} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("billing.postalCode")} name="postalCode" defaultValue={values.postalCode} errors={errors?.postalCode} />
        <Field label={t("billing.city")} name="city" defaultValue={values.city} errors={errors?.city} />
        <Field label={t("billing.country")} name="country" defaultValue={values.country ?? "FR"} errors={errors?.country} maxLength={2} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("billing.vatNumber")} name="vatNumber" defaultValue={values.vatNumber} errors={errors?.vatNumber} hint={t("billing.vatHint")} />
        <SelectField label={t("billing.taxRate")} name="taxRateBps" options={TAX_RATE_CHOICES.map((r) => ({ value: String(r), label: t(`billing.taxRate.${r}`) }))} defaultValue={values.taxRateBps ?? "2000"} errors={errors?.taxRateBps} />
      </div>
      {readOnly ? null : (
        <button className="btn-primary" name="intent" value="pricing" disabled={submitting}>
          {t("billing.savePricing")}
        </button>
      )}
    </fieldset>
  );
  return readOnly ? body : <Form method="post" noValidate>{body}</Form>;
}
