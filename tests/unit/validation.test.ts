// Form schemas through parseForm: each failure is an i18n key on its field, what was typed comes back, passwords never do.
import { z } from "zod";
import { parseForm } from "~/utils/form";
import { campaignEditSchema, campaignSchema, clientSchema, invitationSchema } from "~/domain/shared/schemas";
import { email, password } from "~/domain/shared/validation";
import { translate } from "~/i18n";

function form(entries: Record<string, string | string[]>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
  return fd;
}

function failed<T>(result: ReturnType<typeof parseForm<z.ZodType<T>>>) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.data)}`);
  return result;
}

function ok<T>(result: ReturnType<typeof parseForm<z.ZodType<T>>>) {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result.data;
}

describe("client form", () => {
  it("requires a name, on the name field, and keeps the other values", () => {
    const r = failed(parseForm(clientSchema, form({ name: "   ", website: "https://acme.example", currency: "USD" })));
    expect(r.errors).toEqual({ name: ["common.errors.required"] });
    expect(r.values).toEqual({ name: "   ", website: "https://acme.example", currency: "USD" });
  });

  it("says how long is too long", () => {
    const r = failed(parseForm(clientSchema, form({ name: "x".repeat(121) })));
    expect(r.errors).toEqual({ name: ["common.errors.tooLong|max=120"] });
    expect(r.values.name).toHaveLength(121);
    const [key, param] = r.errors.name[0].split("|");
    expect(translate("en", key, Object.fromEntries([param.split("=")]))).toBe("This is too long (at most 120 characters).");
  });

  it("refuses a malformed website and an unknown currency, each on its field", () => {
    const r = failed(parseForm(clientSchema, form({ name: "Acme", website: "acme dot com", currency: "BTC" })));
    expect(r.errors).toEqual({ website: ["common.errors.url"], currency: ["common.errors.invalid"] });
    expect(r.values).toMatchObject({ name: "Acme", website: "acme dot com", currency: "BTC" });
  });

  it("trims, defaults the currency and turns empty optionals into undefined", () => {
    expect(ok(parseForm(clientSchema, form({ name: "  Acme  ", website: "", accountManagerId: "" })))).toEqual({
      name: "Acme",
      website: undefined,
      currency: "EUR",
      accountManagerId: undefined,
    });
  });
});

describe("campaign forms", () => {
  it("refuses an end date before the start date, on endDate", () => {
    for (const schema of [campaignSchema, campaignEditSchema]) {
      const r = failed(parseForm(schema, form({ clientCompanyId: "c1", name: "Q3 outbound", startDate: "2026-06-30", endDate: "2026-06-01" })));
      expect(r.errors).toEqual({ endDate: ["common.errors.dateOrder"] });
      expect(r.values).toMatchObject({ startDate: "2026-06-30", endDate: "2026-06-01", name: "Q3 outbound" });
    }
  });

  it("accepts the same day and parses dates as UTC days", () => {
    const data = ok(parseForm(campaignSchema, form({ clientCompanyId: "c1", name: "Q3", startDate: "2026-06-01", endDate: "2026-06-01" })));
    expect(data.startDate?.toISOString()).toBe("2026-06-01T00:00:00.000Z");
    expect(data.endDate?.toISOString()).toBe("2026-06-01T00:00:00.000Z");
  });

  it("refuses dates that are not real days", () => {
    for (const bad of ["01/06/2026", "2026-13-01", "2026-02-30", "tomorrow"]) {
      const r = failed(parseForm(campaignSchema, form({ clientCompanyId: "c1", name: "Q3", startDate: bad })));
      expect(r.errors, bad).toEqual({ startDate: ["common.errors.date"] });
      expect(r.values.startDate).toBe(bad);
    }
  });

  it("requires a client and a name, and limits the description", () => {
    const r = failed(parseForm(campaignSchema, form({ name: "", description: "d".repeat(2001) })));
    expect(r.errors).toEqual({
      clientCompanyId: ["common.errors.required"],
      name: ["common.errors.required"],
      description: ["common.errors.tooLong|max=2000"],
    });
  });
});

describe("invitation form", () => {
  it("refuses a malformed email, an unknown role and an unknown language", () => {
    const r = failed(parseForm(invitationSchema, form({ email: "sophie@", role: "OWNER", locale: "de", name: "Sophie" })));
    expect(r.errors).toEqual({ email: ["common.errors.email"], role: ["common.errors.invalid"], locale: ["common.errors.invalid"] });
    expect(r.values).toEqual({ email: "sophie@", role: "OWNER", locale: "de", name: "Sophie" });
  });

  it("requires the email and the role", () => {
    const r = failed(parseForm(invitationSchema, form({ email: " " })));
    expect(r.errors).toEqual({ email: ["common.errors.required"], role: ["common.errors.invalid"] });
  });

  it("normalizes the email", () => {
    const data = ok(parseForm(invitationSchema, form({ email: "  Sophie.Durand@Acme.EXAMPLE ", role: "CLIENT_ADMIN", clientCompanyId: "c1" })));
    expect(data).toMatchObject({ email: "sophie.durand@acme.example", role: "CLIENT_ADMIN", clientCompanyId: "c1", locale: "en" });
  });
});

describe("passwords are never echoed", () => {
  it("in a sign-in form that fails", () => {
    const schema = z.object({ email, password: z.string().min(1, { error: "common.errors.required" }) });
    const r = failed(parseForm(schema, form({ email: "nope", password: "hunter2-secret" })));
    expect(r.values).toEqual({ email: "nope" });
    expect(JSON.stringify(r)).not.toContain("hunter2-secret");
  });

  it("in a new-password form with a confirmation field", () => {
    const schema = z
      .object({ password, confirm: z.string({ error: "common.errors.required" }) })
      .refine((v) => v.password === v.confirm, { error: "auth.errors.passwordMismatch", path: ["confirm"] });
    const short = failed(parseForm(schema, form({ password: "short", confirm: "short" })));
    expect(short.errors).toEqual({ password: ["auth.errors.passwordShort"] });
    const mismatch = failed(parseForm(schema, form({ password: "a-long-password-1", confirm: "a-long-password-2" })));
    expect(mismatch.errors).toEqual({ confirm: ["auth.errors.passwordMismatch"] });
    expect(JSON.stringify(mismatch.values)).not.toContain("a-long-password");
    expect(mismatch.values).toEqual({});
  });
});
