// Form schemas of the foundation's screens, shared by the actions (and tests).
import { z } from "zod";
import { email, optionalDate, optionalId, optionalText, optionalUrl, requiredText } from "./validation";
import { ROLES } from "./permissions";

export const CURRENCIES = ["EUR", "USD", "GBP", "CHF"] as const;

export const clientSchema = z.object({
  name: requiredText(120),
  website: optionalUrl,
  currency: z.enum(CURRENCIES, { error: "common.errors.invalid" }).default("EUR"),
  accountManagerId: optionalId,
});

export const campaignSchema = z
  .object({
    clientCompanyId: z.string({ error: "common.errors.required" }).trim().min(1, { error: "common.errors.required" }).max(40, { error: "common.errors.invalid" }),
    name: requiredText(120),
    description: optionalText(2000),
    startDate: optionalDate,
    endDate: optionalDate,
    accountManagerId: optionalId,
  })
  .refine((v) => !v.startDate || !v.endDate || v.endDate >= v.startDate, { error: "common.errors.dateOrder", path: ["endDate"] });

export const campaignEditSchema = z
  .object({
    name: requiredText(120),
    description: optionalText(2000),
    startDate: optionalDate,
    endDate: optionalDate,
    accountManagerId: optionalId,
    /** A checkbox: absent when unticked. */
    invitesProspect: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  })
  .refine((v) => !v.startDate || !v.endDate || v.endDate >= v.startDate, { error: "common.errors.dateOrder", path: ["endDate"] });

export const invitationSchema = z.object({
  email,
  name: optionalText(120),
  role: z.enum(ROLES, { error: "common.errors.invalid" }),
  clientCompanyId: optionalId,
  locale: z.enum(["en", "fr"], { error: "common.errors.invalid" }).default("en"),
});
