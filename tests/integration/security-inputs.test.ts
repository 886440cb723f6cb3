// Issue 8, finding 12: the edge checks on their own (the fuzz suite in tests/e2e/security-fuzz.spec.ts runs them
// through the real server).
import { filterFromUrl, statusSchema } from "~/domain/meetings/schemas";
import { badUrl, fieldWithNul } from "~/utils/input.server";
import { readForm } from "~/utils/http.server";
import { readUpload } from "~/utils/multipart.server";

const multipart = (body: string, type = "multipart/form-data; boundary=XyZ") =>
  new Request("http://localhost/x", { method: "POST", headers: { "content-type": type }, body });

async function status(work: Promise<unknown>) {
  try {
    await work;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
  return 200;
}

describe("edge validation", () => {
  it("refuses a NUL or a broken encoding in any URL, and keeps ordinary ones", () => {
    expect(badUrl("/campaigns/%00")).toMatch(/NUL/);
    expect(badUrl("/meetings?q=a%00b")).toMatch(/NUL/);
    expect(badUrl("/campaigns/%E0%A4%A")).toMatch(/percent-encoded/);
    expect(badUrl("/meetings?q=%C3%A9t%C3%A9&from=2026-01-01")).toBeNull();
  });

  it("refuses a NUL in any form field, centrally, with a 400", async () => {
    const fd = new FormData();
    fd.set("internalNotes", "ok\u0000not ok");
    expect(fieldWithNul(fd)).toBe("internalNotes");
    const req = new Request("http://localhost/x", { method: "POST", body: new URLSearchParams({ body: "a\u0000b" }) });
    expect(await status(readForm(req))).toBe(400);
  });

  it("ignores impossible filter dates instead of failing", () => {
    for (const [from, to] of [["2026-13-45", "9999-12-31"], ["0000-01-01", "2026-02-30"]]) {
      const f = filterFromUrl(new URL(`http://x/meetings?from=${from}&to=${to}`));
      expect(f.from).toBeUndefined();
      expect(f.to).toBeUndefined();
    }
    expect(filterFromUrl(new URL("http://x/meetings?from=2026-03-01")).from).toBe("2026-03-01");
  });

  it("refuses a revision past 32 bits", () => {
    expect(statusSchema.safeParse({ action: "HELD", revision: "4294967296" }).success).toBe(false);
  });

  it("reads an upload whose file name holds = and ;, and answers 400 for a broken multipart body", async () => {
    const body = '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="leads=2026;Q1.csv"\r\nContent-Type: text/csv\r\n\r\na,b\r\n1,2\r\n--XyZ--\r\n';
    const upload = await readUpload(multipart(body), { maxBytes: 1000 });
    expect(upload.file?.name).toBe("leads=2026;Q1.csv");
    expect(new TextDecoder().decode(upload.file!.bytes)).toBe("a,b\r\n1,2");
    expect(await status(readUpload(multipart(body, "multipart/form-data"), { maxBytes: 1000 }))).toBe(400);
    expect(await status(readUpload(multipart('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na,b'), { maxBytes: 1000 }))).toBe(400);
    expect(await status(readUpload(multipart(body), { maxBytes: 20 }))).toBe(413);
  });
});
