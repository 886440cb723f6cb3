// Input that would otherwise reach PostgreSQL or a parser and come back as a 500 (issue 8, finding 12), refused at
// the edge with a 400 and a clear message.
import { z } from "zod";

/**
 * Why server.mjs refuses this URL with a 400, or null: a NUL (raw or percent-encoded) in the path or the query can
 * only fail further in; a path whose percent-encoding is broken cannot name any of our records.
 */
export function badUrl(rawUrl: string): string | null {
  if (/%00|\u0000/i.test(rawUrl)) return "Bad Request: the address contains a NUL character (%00), which no id or filter can hold.";
  const path = rawUrl.split("?")[0];
  try {
    decodeURIComponent(path);
  } catch {
    return "Bad Request: the address is not correctly percent-encoded.";
  }
  return null;
}

/** The first form field holding a NUL character, if any. */
export function fieldWithNul(formData: FormData): string | null {
  for (const [key, value] of formData.entries()) {
    if (key.includes("\u0000")) return key.replace(/\u0000/g, "\\u0000");
    if (typeof value === "string" && value.includes("\u0000")) return key;
  }
  return null;
}

/** A revision number as PostgreSQL's integer holds it. */
export const MAX_INT32 = 2_147_483_647;
