// Puts French typography into the French dictionaries (app/i18n/messages/*.ts, the `fr` half): a narrow no-break
// space before ":", ";", "!" and "?" (as Intl's French number format uses for thousands), no-break spaces inside
// « guillemets ».
// `node scripts/french-typography.mjs` rewrites the files; tests/unit/french-typography.test.ts checks them.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "app", "i18n", "messages");
const NBSP = "\u00a0";
const NNBSP = "\u202f";

/** One French message, typeset. Placeholders ({name}), URLs and times (12:40) are left as they are. */
export function typeset(text) {
  return text
    .replace(/[ \u00a0\u202f]*:(?=\s|$)/g, (m, offset, s) => (offset > 0 && /[\p{L}\p{N})}»"’']/u.test(s[offset - 1]) ? `${NNBSP}:` : m.replace(/ /g, NNBSP)))
    .replace(/([\p{L}\p{N})}»"’'])[ \u00a0\u202f]*([;!?])/gu, `$1${NNBSP}$2`)
    .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`)
    .replace(/[ \u00a0\u202f]*»/g, `${NBSP}»`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "types.ts")) {
    const p = path.join(dir, file);
    const src = fs.readFileSync(p, "utf8");
    const at = src.search(/\n {2}fr: \{\n/);
    if (at < 0) continue;
    const fr = src.slice(at).replace(/(: )"((?:[^"\\]|\\.)*)"/g, (m, sep, body) => `${sep}"${typeset(body)}"`);
    if (fr !== src.slice(at)) {
      fs.writeFileSync(p, src.slice(0, at) + fr);
      console.log(`typeset ${file}`);
    }
  }
}
