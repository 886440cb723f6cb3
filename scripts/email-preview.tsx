// `npm run email`: renders every template with its preview props, in English and French, to .data/email-preview/.
import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { render } from "@react-email/render";
import { templates } from "../emails";

const out = path.resolve(".data/email-preview");
fs.mkdirSync(out, { recursive: true });
const index: string[] = [];
for (const [name, entry] of Object.entries(templates)) {
  const preview = (entry.component as { PreviewProps?: Record<string, unknown> }).PreviewProps;
  if (!preview) continue;
  for (const locale of ["en", "fr"] as const) {
    const props = { ...preview, locale };
    const html = await render(createElement(entry.component as React.ComponentType<typeof props>, props));
    const file = `${name}.${locale}.html`;
    fs.writeFileSync(path.join(out, file), html);
    index.push(`<li><a href="${file}">${name} (${locale})</a>: ${(entry.subject as (p: typeof props) => string)(props)}</li>`);
  }
}
fs.writeFileSync(path.join(out, "index.html"), `<!doctype html><meta charset="utf-8"><title>Emails</title><ul>${index.join("")}</ul>`);
console.log(`Rendered ${index.length} emails to ${path.relative(process.cwd(), out)}/index.html`);
