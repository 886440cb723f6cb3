// What the log form can work out for the SDR so a practised one types as little as possible: the prospect's company,
// domain and country from a pasted email or website, and the four discovery notes from one field with optional
// headings. Pure functions, shared by the form (in the browser) and the action.

/** Mailbox providers: their domain says nothing about the prospect's company. */
const FREE_MAIL = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "outlook.fr",
  "hotmail.com",
  "hotmail.fr",
  "live.com",
  "live.fr",
  "msn.com",
  "yahoo.com",
  "yahoo.fr",
  "icloud.com",
  "me.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.fr",
  "gmx.de",
  "web.de",
  "orange.fr",
  "wanadoo.fr",
  "free.fr",
  "sfr.fr",
  "laposte.net",
  "bbox.fr",
  "neuf.fr",
]);

/** Country-code top-level domains that name a country (ISO 3166-1 alpha-2 where it differs: uk is GB). */
const CCTLD: Record<string, string> = {
  fr: "FR", be: "BE", ch: "CH", lu: "LU", mc: "MC", de: "DE", at: "AT", nl: "NL", es: "ES", pt: "PT", it: "IT",
  uk: "GB", ie: "IE", dk: "DK", se: "SE", no: "NO", fi: "FI", pl: "PL", cz: "CZ", ca: "CA", ma: "MA", tn: "TN",
  sn: "SN", ci: "CI", dz: "DZ", re: "RE",
};

/** Second-level labels under a country code that are not the company ("acme.co.uk", "acme.com.br"). */
const GENERIC_SLD = new Set(["co", "com", "org", "net", "gouv", "ac", "gov"]);

/**
 * The host of a pasted website or email domain: "https://www.Acme-Logistique.fr/contact" -> "acme-logistique.fr".
 * Returns null for anything that is not a plausible host.
 */
export function domainFromWebsite(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (!s) return null;
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/^www\./, "");
  s = s.split(/[/?#:]/)[0] ?? "";
  if (!/^(?=.{3,120}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/.test(s)) return null;
  return s;
}

export type ProspectHints = { domain?: string; company?: string; country?: string };

/** What a domain says about the company: its name as people write it, and a country when the TLD names one. */
export function hintsFromDomain(domain: string): ProspectHints {
  const labels = domain.split(".");
  const tld = labels[labels.length - 1];
  let nameIndex = labels.length - 2;
  if (labels.length >= 3 && GENERIC_SLD.has(labels[nameIndex]) && CCTLD[tld]) nameIndex -= 1;
  const label = labels[nameIndex] ?? "";
  // "acme-logistique" -> "Acme Logistique"; a short acronym-like label ("edf", "axa") is written in capitals.
  const company =
    label.length <= 3 && /^[a-z]+$/.test(label)
      ? label.toUpperCase()
      : label
          .split("-")
          .filter(Boolean)
          .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
          .join(" ");
  return { domain, company: company || undefined, country: CCTLD[tld] };
}

/** Hints from a prospect's email: nothing for a mailbox provider's address. */
export function hintsFromEmail(email: string): ProspectHints {
  const at = email.trim().lastIndexOf("@");
  if (at < 1) return {};
  const domain = domainFromWebsite(email.trim().slice(at + 1));
  if (!domain || FREE_MAIL.has(domain)) return {};
  return hintsFromDomain(domain);
}

export type DiscoveryParts = { discoveryNeed: string; discoveryContext: string; discoveryBudget: string; discoveryTimeline: string };

/** Headings an SDR may start a line with, in French or English (case and accents ignored, then ":" or "-"). */
const HEADINGS: Array<[keyof DiscoveryParts, string[]]> = [
  ["discoveryNeed", ["besoin", "besoins", "need", "needs", "enjeu", "pain", "douleur"]],
  ["discoveryContext", ["contexte", "context", "situation", "existant"]],
  ["discoveryBudget", ["budget"]],
  ["discoveryTimeline", ["calendrier", "delai", "delais", "echeance", "timeline", "timing", "when", "quand"]],
];

function fold(s: string) {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/**
 * Splits one free discovery note into the four parts. A line starting with a known heading ("Budget : 20 k€",
 * "Need - ...") opens that part; text before any heading is the need. Without headings the whole note is the need.
 */
export function splitDiscoveryNotes(notes: string): DiscoveryParts {
  const parts: Record<keyof DiscoveryParts, string[]> = { discoveryNeed: [], discoveryContext: [], discoveryBudget: [], discoveryTimeline: [] };
  let current: keyof DiscoveryParts = "discoveryNeed";
  for (const raw of notes.replace(/\r\n?/g, "\n").split("\n")) {
    const m = /^\s*([\p{L} ]{3,20}?)\s*[:\-–]\s?(.*)$/u.exec(raw);
    const heading = m ? HEADINGS.find(([, words]) => words.includes(fold(m[1].trim()))) : undefined;
    if (m && heading) {
      current = heading[0];
      if (m[2].trim()) parts[current].push(m[2].trim());
    } else {
      parts[current].push(raw);
    }
  }
  const join = (lines: string[]) => lines.join("\n").trim();
  return {
    discoveryNeed: join(parts.discoveryNeed),
    discoveryContext: join(parts.discoveryContext),
    discoveryBudget: join(parts.discoveryBudget),
    discoveryTimeline: join(parts.discoveryTimeline),
  };
}
