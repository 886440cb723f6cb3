// Every French message reads by the rules of French typography: a narrow no-break space before ":", ";", "!" and "?", no-break spaces inside « guillemets » (scripts/french-typography.mjs fixes them).
import { translate, type MessageKey } from "~/i18n";
import { typeset } from "../../scripts/french-typography.mjs";

// Every file of app/i18n/messages, so that a new area (settings was once left out) is read too.
const files = (import.meta as unknown as { glob: (p: string, o: { eager: true }) => Record<string, Record<string, unknown>> }).glob(
  "../../app/i18n/messages/*.ts",
  { eager: true },
);
const areas: Record<string, { fr: Record<string, string> }> = {};
for (const [file, mod] of Object.entries(files))
  for (const [name, value] of Object.entries(mod))
    if (value && typeof value === "object" && "fr" in value) areas[`${file.split("/").pop()}:${name}`] = value as { fr: Record<string, string> };

function problems(text: string) {
  const found: string[] = [];
  if (/[^\u00a0\u202f][:](?=\s|$)/u.test(text) && !/\{\w+\}:/.test(text)) found.push("':' without a no-break space before it");
  if (/[^\u202f\u00a0][;!?](?=\s|$|["»)])/u.test(text)) found.push("';', '!' or '?' without a narrow no-break space before it");
  if (/«(?!\u00a0)|(?<!\u00a0)»/u.test(text)) found.push("guillemets without no-break spaces inside");
  return found;
}

describe("French typography", () => {
  it("reads every message file", () => {
    expect(Object.keys(areas).length).toBeGreaterThanOrEqual(Object.keys(files).length - 1);
    expect(Object.keys(areas).some((k) => k.startsWith("settings.ts:"))).toBe(true);
  });

  it("every French message has its no-break spaces", () => {
    const wrong: string[] = [];
    for (const [area, pair] of Object.entries(areas))
      for (const [key, text] of Object.entries(pair.fr as Record<string, string>)) {
        const p = problems(text);
        if (p.length) wrong.push(`${area}.${key}: ${p.join(", ")}: ${JSON.stringify(text)}`);
      }
    expect(wrong).toEqual([]);
  });

  it("typesets the cases French text meets, leaving URLs, times and placeholders alone", () => {
    expect(typeset("Statut : {from} → {to}")).toBe("Statut\u202f: {from} → {to}");
    expect(typeset("Prête à démarrer ?")).toBe("Prête à démarrer\u202f?");
    expect(typeset("Bienvenue !")).toBe("Bienvenue\u202f!");
    expect(typeset("Elle a été enregistrée ; veuillez réessayer.")).toBe("Elle a été enregistrée\u202f; veuillez réessayer.");
    expect(typeset("le motif « absent »")).toBe("le motif «\u00a0absent\u00a0»");
    expect(typeset("À 12:40 dans https://exemple.fr/x")).toBe("À 12:40 dans https://exemple.fr/x");
    expect(typeset(typeset("Statut : ok ?"))).toBe(typeset("Statut : ok ?"));
  });

  it("what the screen shows keeps them", () => {
    expect(translate("fr", "meetings.event.status" as MessageKey, { from: "Planifié", to: "Tenu" })).toBe("Statut\u202f: Planifié → Tenu");
  });
});
