// An email's HTML and plain text, the same strings @react-email/render gives (tests/unit/email-render.test.ts
// compares them for every template), at a fraction of its cost: the daily digest renders a thousand emails in a row
// (issue 16: composed for 1,000 users in under 30 s). What @react-email/render 2.3 does per call and this does not:
// `await import("react-dom/server")` (a module resolution each time), a streaming render (a pipe, a Writable and
// chunks decoded one by one, for templates that never suspend), and a second render for the plain text. What it does
// and this does too: the tree inside a Suspense boundary (its markers are part of the HTML), image preload links
// removed, its XHTML doctype in front, and the text converted with its selectors (the converter compiled once).
import { plainTextSelectors } from "@react-email/render";
import { compile } from "html-to-text";
import { createElement, Suspense, type ReactElement } from "react";
import { renderToString } from "react-dom/server";

const DOCTYPE = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">`;

// React 19 may emit `<link rel="preload" as="image">` for an email's images; @react-email/render removes them.
function stripImagePreloadLinks(html: string) {
  if (!html.includes("<link")) return html;
  return html.replace(/<link\b[^>]*\/?>/gi, (tag) => (/\brel\s*=\s*["']?preload\b/i.test(tag) && /\bas\s*=\s*["']?image\b/i.test(tag) ? "" : tag));
}

/**
 * The HTML of an email's React tree. Synchronous: the templates read nothing asynchronously (a template that
 * suspended would render its fallback, which the comparison test would catch).
 */
export function renderEmailHtml(element: ReactElement): string {
  const html = stripImagePreloadLinks(renderToString(createElement(Suspense, null, element)));
  return DOCTYPE + html.replace(/<!DOCTYPE.*?>/, "");
}

/** The plain text of an email's HTML, as `render(…, { plainText: true })` gives it, without rendering twice. */
export const emailPlainText: (html: string) => string = compile({ wordwrap: false, selectors: plainTextSelectors });
