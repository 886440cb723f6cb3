// Reads a PDF's document title (its Info dictionary) without a PDF library: enough for the tests to check that a
// report's PDF is the campaign's, accents included. Handles the literal strings @react-pdf/renderer writes (plain or
// UTF-16BE with a byte-order mark, indirect or not).

function literalAt(src: string, at: number): string | null {
  if (src[at] !== "(") return null;
  let out = "";
  let depth = 0;
  for (let i = at; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") {
      const n = src[++i];
      const map: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };
      if (/[0-7]/.test(n)) {
        const oct = src.slice(i, i + 3).match(/^[0-7]{1,3}/)![0];
        out += String.fromCharCode(parseInt(oct, 8));
        i += oct.length - 1;
      } else out += map[n] ?? n;
      continue;
    }
    if (c === "(") {
      if (depth++ > 0) out += c;
      continue;
    }
    if (c === ")") {
      if (--depth === 0) return out;
      out += c;
      continue;
    }
    out += c;
  }
  return null;
}

function decode(bytes: string): string {
  if (bytes.startsWith("\u00fe\u00ff")) {
    let s = "";
    for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
    return s;
  }
  return bytes;
}

/** The PDF's /Title, or null. */
export function pdfTitle(pdf: Uint8Array): string | null {
  const src = Buffer.from(pdf).toString("latin1");
  const direct = src.match(/\/Title\s*\(/);
  if (direct) return decode(literalAt(src, direct.index! + direct[0].length - 1) ?? "");
  const ref = src.match(/\/Title\s+(\d+)\s+0\s+R/);
  if (!ref) return null;
  const obj = src.match(new RegExp(`(?:^|\\n)${ref[1]} 0 obj\\s*\\(`));
  if (!obj) return null;
  return decode(literalAt(src, obj.index! + obj[0].length - 1) ?? "");
}
