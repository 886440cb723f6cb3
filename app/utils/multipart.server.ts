// Multipart uploads. Remix's parser (@web3-storage/multipart-parser 1.0) splits the Content-Disposition header on
// every ";" and "=", so a file named "leads=2026;Q1.csv" fails with a 500. Node's own fetch implementation (undici,
// a dependency of @remix-run/node) parses it by the RFC; we feed it the body through a byte limit.
import { json } from "@remix-run/node";
import { Request as UndiciRequest } from "undici";
import { fieldWithNul } from "./input.server";

export type Upload = { fields: Map<string, string>; file: { name: string; bytes: Uint8Array } | null };

class TooLarge extends Error {}

async function* limited(body: ReadableStream<Uint8Array>, maxBytes: number) {
  const reader = body.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    yield value;
  }
}

/**
 * Reads a multipart form with one file field (`fileField`); a body over `maxBytes` answers 413, a body that is not a
 * well-formed multipart form (no boundary, truncated) 400, each with the message key of the file field.
 */
export async function readUpload(request: Request, { maxBytes, fileField = "file" }: { maxBytes: number; fileField?: string }): Promise<Upload> {
  const type = request.headers.get("content-type") ?? "";
  const bad = (key: string, status = 400) => json({ ok: false as const, errors: { [fileField]: [key] } }, { status });
  if (!/^multipart\/form-data;.*boundary=/i.test(type) || !request.body) throw bad("security.input.badUpload");
  let form: FormData;
  try {
    const copy = new UndiciRequest(request.url, {
      method: "POST",
      headers: { "content-type": type },
      body: limited(request.body as ReadableStream<Uint8Array>, maxBytes),
      duplex: "half",
    });
    form = (await copy.formData()) as unknown as FormData;
  } catch (e) {
    if (e instanceof TooLarge || (e as { cause?: unknown })?.cause instanceof TooLarge) throw bad("meetings.import.tooLarge", 413);
    throw bad("security.input.badUpload");
  }
  if (fieldWithNul(form)) throw bad("security.input.nul");
  const fields = new Map<string, string>();
  let file: Upload["file"] = null;
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") fields.set(key, value);
    else if (key === fileField && !file) file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  return { fields, file };
}
