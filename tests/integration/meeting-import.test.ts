import { prisma } from "~/utils/db.server";
import { DomainError } from "~/domain/shared/errors";
import { confirmImport, createImport, decodeCsv, getImport, guessMapping, MAX_IMPORT_BYTES } from "~/models/meetings/import.server";
import { processImportJob } from "~/models/meetings/import-worker.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient, type AgencyWorld } from "../factories";

const day = new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10);
const header = "external id,name,email,company,date,timezone,persona,channel";
const good = (n: number) => `X-${n},Prospect ${n},p${n}@acme.test,Acme ${n},${day} 10:${String(n % 60).padStart(2, "0")},Europe/Paris,CFO ETI,video`;

let w: AgencyWorld;
beforeEach(async () => {
  w = await createAgencyWithClient();
  await createActiveCampaignWithAgreement(w, { personaName: "CFO ETI" });
});

async function run(csv: string | Uint8Array, actor = w.sdr) {
  const bytes = typeof csv === "string" ? new TextEncoder().encode(csv) : csv;
  const job = await createImport(actor, w.campaign.id, { name: "m.csv", bytes });
  const j = await getImport(actor, w.campaign.id, job.id);
  const r = await confirmImport(actor, w.campaign.id, job.id, { ...j.mapping, defaultTimeZone: "Europe/Paris" });
  expect(r.ok).toBe(true);
  await processImportJob(job.id);
  return prisma.importJob.findUniqueOrThrow({ where: { id: job.id } });
}

describe("CSV import", () => {
  it("guesses the mapping, imports valid rows, lists bad rows by line, and is idempotent", async () => {
    const csv = [header, good(1), "X-2,Bad Persona,b@acme.test,Acme,2030-01-01 10:00,Europe/Paris,Nobody,video", good(3), "X-4,Bad Zone,z@acme.test,Acme,2030-01-01 10:00,Mars/Olympus,CFO ETI,video", "X-5,,nomail,Acme,not a date,Europe/Paris,CFO ETI,fax"].join("\n");
    const job = await run(csv);
    expect(job).toMatchObject({ status: "DONE", totalRows: 5, processedRows: 5, createdCount: 2, skippedCount: 0, errorCount: 3, file: null });
    const errors = job.errors as { line: number; field: string; message: string }[];
    expect(errors.find((e) => e.line === 3)).toMatchObject({ field: "persona", message: "meetings.errors.unknownPersona" });
    expect(errors.find((e) => e.line === 5)).toMatchObject({ field: "timeZone", message: "meetings.errors.timeZone" });
    expect(errors.filter((e) => e.line === 6).map((e) => e.field).sort()).toEqual(["channel", "prospectEmail", "prospectName", "scheduledAt"]);
    expect(await prisma.meeting.count()).toBe(2);
    expect(await prisma.meetingEvent.count({ where: { type: "created" } })).toBe(2);

    const again = await run(csv);
    expect(again).toMatchObject({ createdCount: 0, skippedCount: 2, errorCount: 3 });
    expect(await prisma.meeting.count()).toBe(2);
  });

  it("is idempotent without an external id column too (prospect email + time)", async () => {
    const csv = ["name,email,company,date,persona", `A,a@x.test,X,${day} 09:00,CFO ETI`].join("\n");
    expect((await run(csv)).createdCount).toBe(1);
    expect((await run(csv)).skippedCount).toBe(1);
    expect(await prisma.meeting.count()).toBe(1);
  });

  it("reads UTF-8 with a BOM and Latin-1 with semicolons", async () => {
    const text = ["Réf;Nom;Email;Société;Date;Persona", `L-1;Hélène Dupré;h@x.test;Crème & Co;${day} 09:00;CFO ETI`].join("\r\n");
    const latin1 = Uint8Array.from(Buffer.from(text, "latin1"));
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from(text.replace("L-1", "U-1").replace("h@x", "u@x"), "utf8")]);
    expect(decodeCsv(latin1)).toBe(text);
    expect(decodeCsv(bom).startsWith("Réf")).toBe(true);
    await run(latin1);
    await run(bom);
    const names = (await prisma.meeting.findMany({ orderBy: { externalId: "asc" } })).map((m) => [m.externalId, m.prospectName, m.prospectCompany]);
    expect(names).toEqual([["L-1", "Hélène Dupré", "Crème & Co"], ["U-1", "Hélène Dupré", "Crème & Co"]]);
    expect(guessMapping(["Réf", "Nom", "Société"])).toEqual({ externalId: "Réf", prospectName: "Nom", prospectCompany: "Société" });
  });

  it("refuses empty, header-only, headerless and oversized files with clear messages; malformed rows are reported", async () => {
    const refuse = async (bytes: Uint8Array) => {
      try {
        await createImport(w.sdr, w.campaign.id, { name: "x.csv", bytes });
        return "OK";
      } catch (e) {
        return e instanceof DomainError ? e.messageKey : String(e);
      }
    };
    expect(await refuse(new Uint8Array())).toBe("meetings.import.empty");
    expect(await refuse(new TextEncoder().encode(header))).toBe("meetings.import.noRows");
    expect(await refuse(new TextEncoder().encode("just one column\nx"))).toBe("meetings.import.noHeader");
    expect(await refuse(new Uint8Array(MAX_IMPORT_BYTES + 1))).toBe("meetings.import.tooLarge");
    const job = await run([header, good(1), `X-9,"unterminated,q@x.test,Q,${day} 10:00,Europe/Paris,CFO ETI,video`].join("\n"));
    expect(job.createdCount).toBe(1);
    expect(job.errorCount).toBeGreaterThan(0);
  });

  it("streams a 20,000-row file", async () => {
    const rows = [header];
    for (let i = 0; i < 20_000; i++) rows.push(`B-${i},Prospect ${i},p${i}@bulk.test,Bulk ${i},${day} ${String(8 + (i % 10)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")},Europe/Paris,CFO ETI,video`);
    const csv = rows.join("\n");
    // Live memory (collected every 100 ms) while the import runs: a streamed import holds a chunk and a batch,
    // not the 20,000 parsed rows. Garbage is not counted, so the figure does not depend on when V8 collects.
    const gc = (globalThis as { gc?: () => void }).gc!;
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sampler = setInterval(() => {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 100);
    const job = await run(csv).finally(() => clearInterval(sampler));
    expect(job).toMatchObject({ status: "DONE", totalRows: 20_000, createdCount: 20_000, errorCount: 0 });
    console.info(`20,000-row import: live heap grew by at most ${Math.round((peak - before) / 1048576)} MB`);
    expect(peak - before).toBeLessThan(64 * 1024 * 1024);
  }, 120_000);

  it("is scoped: another client's users and unassigned SDRs cannot see or start an import", async () => {
    const job = await createImport(w.sdr, w.campaign.id, { name: "m.csv", bytes: new TextEncoder().encode([header, good(1)].join("\n")) });
    const other = await createAgencyWithClient();
    for (const actor of [w.otherSdr, other.am, other.sdr]) {
      await expect(getImport(actor, w.campaign.id, job.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(getImport(w.clientAdmin, w.campaign.id, job.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
