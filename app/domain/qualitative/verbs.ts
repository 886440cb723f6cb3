// The Verb of O-V-A: an observable action verb. Vague ones are flagged (never forbidden) and precise ones suggested.
export type Locale = "fr" | "en";

const VAGUE: Record<Locale, RegExp[]> = {
  en: [/\bimprov(e|es|ed|ing)\b/i, /\bbe(come)? more\b/i, /\bbetter\b/i, /\bwork on\b/i, /\bdevelop\b/i],
  fr: [/\bam[ée]lior(er|e|ez|ation)\b/i, /(^|\s)[êe]tre plus\b/i, /\bmieux\b/i, /\btravailler (sur|son|sa|ses)\b/i, /\bdevenir plus\b/i],
};

export const PRECISE_VERBS: Record<Locale, string[]> = {
  en: ["clarify", "structure", "rephrase", "formalise", "strengthen"],
  fr: ["clarifier", "structurer", "reformuler", "formaliser", "renforcer"],
};

/** The vague expressions found in the verb (checked against both languages), and precise verbs to suggest. */
export function vagueVerbHint(text: string, locale: Locale): { vague: string[]; suggestions: string[] } | null {
  const found: string[] = [];
  for (const re of [...VAGUE.en, ...VAGUE.fr]) {
    const m = re.exec(text);
    if (m) found.push(m[0].trim().toLowerCase());
  }
  if (found.length === 0) return null;
  return { vague: [...new Set(found)], suggestions: PRECISE_VERBS[locale] };
}
