// The AM's commentary, highlights and next steps: plain text with a light formatting (paragraphs separated by a
// blank line, lists of lines starting with "- " or "* "). Parsed into blocks that every renderer (page, email,
// PDF) writes as escaped text: no HTML or script typed into a report ever reaches a reader as markup.

export type TextBlock = { kind: "p"; text: string } | { kind: "ul"; items: string[] };

/** Longest commentary, highlights or next steps accepted (characters). */
export const MAX_TEXT = 5000;

const BULLET = /^\s*[-*•]\s+/;

export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const chunks = text.replace(/\r\n?/g, "\n").split(/\n\s*\n/);
  for (const chunk of chunks) {
    const lines = chunk.split("\n").map((l) => l.trimEnd()).filter((l) => l.trim() !== "");
    if (!lines.length) continue;
    let para: string[] = [];
    let list: string[] = [];
    const flushPara = () => {
      if (para.length) blocks.push({ kind: "p", text: para.join(" ").trim() });
      para = [];
    };
    const flushList = () => {
      if (list.length) blocks.push({ kind: "ul", items: list });
      list = [];
    };
    for (const line of lines) {
      if (BULLET.test(line)) {
        flushPara();
        list.push(line.replace(BULLET, "").trim());
      } else {
        flushList();
        para.push(line.trim());
      }
    }
    flushPara();
    flushList();
  }
  return blocks;
}

/** Removes what must never be stored: control characters other than tabs and new lines. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim();
}
