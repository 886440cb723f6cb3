// Our i18n: language negotiation, translation with variables, and French complete for every English message.
import fs from "node:fs";
import path from "node:path";
import { formatDate, isLocale, localeFromAcceptLanguage, makeT, translate } from "~/i18n";

describe("localeFromAcceptLanguage", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["fr-FR,fr;q=0.9,en;q=0.8", "fr"],
    ["en-US,en;q=0.9,fr;q=0.8", "en"],
    ["de-DE,de;q=0.9,fr;q=0.5,en;q=0.4", "fr"],
    ["en;q=0.5, fr;q=0.9", "fr"],
    ["FR-ca", "fr"],
    ["de, es", "en"],
    ["*", "en"],
    ["de, fr;q=0", "en"],
    ["fr;q=0, en;q=0.1", "en"],
  ])("%j -> %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe("translate", () => {
  it("fills variables in either language", () => {
    const vars = { inviter: "Claire Martin", organization: "Acme Logistique" };
    expect(translate("en", "emails.invitation.subject", vars)).toBe("Claire Martin invites you to Acme Logistique on Rendezvous");
    expect(translate("fr", "emails.invitation.subject", vars)).toBe("Claire Martin vous invite à rejoindre Acme Logistique sur Rendezvous");
    expect(makeT("fr")("common.errors.tooLong", { max: 120 })).toBe(translate("fr", "common.errors.tooLong", { max: 120 }));
    expect(translate("en", "common.errors.tooLong", { max: 120 })).toBe("This is too long (at most 120 characters).");
  });

  it("leaves a missing variable visible and returns an unknown key as it is", () => {
    expect(translate("en", "emails.invitation.subject", { inviter: "Claire" })).toBe("Claire invites you to {organization} on Rendezvous");
    expect(translate("fr", "nope.missing")).toBe("nope.missing");
  });

  it("knows its locales", () => {
    expect(isLocale("fr")).toBe(true);
    expect(isLocale("de")).toBe(false);
    expect(formatDate("fr", "2026-03-05T12:00:00Z", { dateStyle: "long", timeZone: "UTC" })).toBe("5 mars 2026");
    expect(formatDate("en", "2026-03-05T12:00:00Z", { dateStyle: "long", timeZone: "UTC" })).toBe("5 March 2026");
  });
});

describe("message dictionaries", () => {
  const dir = path.resolve(import.meta.dirname, "../../app/i18n/messages");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "types.ts");
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it("has message modules", () => {
    expect(files).toEqual(expect.arrayContaining(["auth.ts", "common.ts", "agency.ts", "emails.ts"]));
  });

  it.each(files)("%s: French has every English key, with the same variables, and nothing extra", async (file) => {
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    const areas = Object.values(mod).filter((v): v is { en: Record<string, string>; fr: Record<string, string> } => typeof v === "object" && v !== null && "en" in v && "fr" in v);
    expect(areas.length).toBeGreaterThan(0);
    for (const { en, fr } of areas) {
      expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect(fr[key].trim(), `${file} fr ${key} is empty`).not.toBe("");
        expect(placeholders(fr[key]), `${file} ${key}`).toEqual(placeholders(en[key]));
      }
    }
  });

  it("translates the shared keys differently in French (no forgotten copy of the English)", () => {
    for (const key of ["common.signOut", "common.errors.required", "auth.login.invalid", "emails.reset.subject", "common.role.CLIENT_MEMBER"]) {
      expect(translate("fr", key), key).not.toBe(translate("en", key));
      expect(translate("fr", key)).not.toBe(key);
    }
  });
});
