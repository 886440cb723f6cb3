// The pricing form's schema (shared by the action and its tests). Amounts are typed in major units ("12.50")
// and become integer minor units; each refusal names its field.
import { z } from "zod";
import { isBillingCurrency, isVatNumber, normalizeVat, parseAmount, TAX_RATE_CHOICES } from "./billing";
import { optionalText } from "~/domain/shared/validation";

const amount = z
  .string({ error: "common.errors.required" })
  .trim()
  .min(1, { error: "common.errors.required" })
  .transform((v, ctx) => {
    const minor = parseAmount(v);
    if (minor === null) {
      ctx.addIssue({ code: "custom", message: "billing.errors.amount" });
      return z.NEVER;
    }
    if (minor < 0) {
      ctx.addIssue({ code: "custom", message: "billing.errors.negative" });
      return z.NEVER;
    }
    if (minor > 100_000_000) {
      ctx.addIssue({ code: "custom", message: "billing.errors.tooLarge" });
      return z.NEVER;
    }
    return minor;
  });

export const pricingSchema = z.object({
  currency: z
    .string({ error: "common.errors.required" })
    .trim()
    .toUpperCase()
    .refine(isBillingCurrency, { error: "billing.errors.currency" }),
  retainerAmount: amount,
  meetingPrice: amount,
  billingDay: z.coerce
    .number({ error: "billing.errors.billingDay" })
    .int({ error: "billing.errors.billingDay" })
    .min(1, { error: "billing.errors.billingDay" })
    .max(28, { error: "billing.errors.billingDay" }),
  billingEmail: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, { error: "common.errors.tooLong|max=254" })
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.email({ error: "common.errors.email" }).optional()),
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  postalCode: optionalText(20),
  city: optionalText(100),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => /^[A-Z]{2}$/.test(v), { error: "billing.errors.country" }),
  vatNumber: z
    .string()
    .trim()
    .max(30, { error: "common.errors.tooLong|max=30" })
    .optional()
    .transform((v) => (v ? normalizeVat(v) : undefined))
    .refine((v) => v === undefined || isVatNumber(v), { error: "billing.errors.vat" }),
  taxRateBps: z.coerce
    .number({ error: "billing.errors.taxRate" })
    .int({ error: "billing.errors.taxRate" })
    .refine((v) => (TAX_RATE_CHOICES as readonly number[]).includes(v), { error: "billing.errors.taxRate" }),
  locale: z.enum(["fr", "en"], { error: "common.errors.invalid" }),
});
export type PricingInput = z.infer<typeof pricingSchema>;

/** Per-campaign overrides, fields named campaignPrice_<campaignId>; empty means "the client's price". */
export function parseCampaignPrices(formData: FormData, campaignIds: string[]) {
  const prices: Record<string, number> = {};
  const errors: Record<string, string[]> = {};
  for (const id of campaignIds) {
    const raw = formData.get(`campaignPrice_${id}`);
    if (typeof raw !== "string" || !raw.trim()) continue;
    const r = amount.safeParse(raw);
    if (r.success) prices[id] = r.data;
    else errors[`campaignPrice_${id}`] = r.error.issues.map((i) => i.message);
  }
  return { prices, errors };
}

export const voidSchema = z.object({
  itemId: z.string().min(1).max(40),
  reason: z.string({ error: "common.errors.required" }).trim().min(1, { error: "common.errors.required" }).max(500, { error: "common.errors.tooLong|max=500" }),
});
