// CSV import of meetings, the user's part: upload (10 MB at most, UTF-8 with or without BOM, or Latin-1), the
// column mapping with a preview, then confirmation, which hands the file to the job queue (./import-worker.server.ts).
import crypto from "node:crypto";
import Papa from "papaparse";
import { prisma, sqlPool } from "~/utils/db.server";
import { assertCan, type Actor } from "~/utils/auth.server";
import { DomainError, notFound } from "~/domain/shared/errors";
import { campaignScope } from "~/models/scope.server";
import { importOwnerScope } from "~/models/import-scope.server";
import { DATE_FORMATS, decodeCsv, guessDateFormat, guessMapping, IMPORT_FIELDS, MAX_IMPORT_BYTES, REQUIRED_IMPORT_FIELDS, type DateFormat, type ImportError, type ImportField, type ImportMapping } from "~/domain/meetings/import";
import { activeClientUsers } from "./client-attendees.server";

export { DATE_FORMATS, decodeCsv, guessMapping, IMPORT_FIELDS, MAX_IMPORT_BYTES, REQUIRED_IMPORT_FIELDS, type ImportError, type ImportField, type ImportMapping };


async function campaignForImport(actor: Actor, campaignId: string) {
  assertCan(actor, "meeting:log");
  const campaign = await prisma.campaign.findFirst({ where: { AND: [campaignScope(actor), { id: campaignId }] }, select: { id: true, agencyId: true, clientCompanyId: true, status: true } });
  if (!campaign) throw notFound();
  return campaign;
}

/** The date format of the first rows' date column (a year first, or a day or month over 12, settles it). */
function guessFormat(text: string, columns: string[]): DateFormat {
  const mapping = guessMapping(columns);
  const col = mapping.scheduledDate ?? mapping.scheduledAt;
  const i = col ? columns.indexOf(col) : -1;
  if (i < 0) return "DMY";
  const rows = Papa.parse<string[]>(text, { preview: 51, skipEmptyLines: true }).data.slice(1);
  return guessDateFormat(rows.map((r) => String(r[i] ?? "")));
}

/** What the mapping screen offers as defaults for the whole file: approved personas, the campaign's SDRs, its client users. */
export async function importChoices(actor: Actor, campaignId: string) {
  const campaign = await campaignForImport(actor, campaignId);
  const [personas, assignments, clientUsers] = await Promise.all([
    prisma.personaVersion.findMany({ where: { status: "APPROVED", persona: { campaignId: campaign.id } }, select: { id: true, name: true, number: true }, orderBy: { name: "asc" } }),
    prisma.campaignAssignment.findMany({ where: { campaignId: campaign.id }, select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } }),
    activeClientUsers(campaign.agencyId, campaign.clientCompanyId),
  ]);
  const sdrs = assignments.map((a) => a.user);
  const defaultSdrId = sdrs.some((u) => u.id === actor.userId) ? actor.userId : sdrs.length === 1 ? sdrs[0].id : undefined;
  return { personas, sdrs, clientUsers: clientUsers.map(({ id, name }) => ({ id, name })), defaultSdrId, isSdr: actor.role === "SDR" };
}

/** Stores an upload and reads its header; the user then confirms the column mapping. */
export async function createImport(actor: Actor, campaignId: string, file: { name: string; bytes: Uint8Array }) {
  const campaign = await campaignForImport(actor, campaignId);
  if (file.bytes.length > MAX_IMPORT_BYTES) throw new DomainError("INVALID", "meetings.import.tooLarge", "file");
  if (!file.bytes.length) throw new DomainError("INVALID", "meetings.import.empty", "file");
  const text = decodeCsv(file.bytes);
  const head = Papa.parse<string[]>(text, { preview: 2, skipEmptyLines: true });
  const columns = (head.data[0] ?? []).map((c) => String(c).trim());
  if (columns.some((c) => c.includes("\u0000"))) throw new DomainError("INVALID", "security.input.nul", "file");
  if (columns.length < 2 || columns.every((c) => !c)) throw new DomainError("INVALID", "meetings.import.noHeader", "file");
  if (new Set(columns).size !== columns.length) throw new DomainError("INVALID", "meetings.import.duplicateColumns", "file");
  if (head.data.length < 2) throw new DomainError("INVALID", "meetings.import.noRows", "file");
  // Stored through node-postgres, not as a Prisma `Bytes` parameter (decision 0065): the file goes once to the
  // database as the Buffer it is, and nothing keeps it afterwards.
  const id = `c${crypto.randomBytes(12).toString("hex")}`;
  const mapping = { ...guessMapping(columns), dateFormat: guessFormat(text, columns) };
  await sqlPool().query(
    `INSERT INTO "ImportJob" ("id", "agencyId", "campaignId", "createdById", "fileName", "file", "columns", "mapping", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8::jsonb, now())`,
    [id, campaign.agencyId, campaign.id, actor.userId, file.name.replace(/\u0000/g, "").slice(0, 200) || "import.csv", Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength), columns, JSON.stringify(mapping)],
  );
  return { id };
}

/** Bytes of an upload read for its preview: the first rows only, never the whole file. */
const PREVIEW_BYTES = 256 * 1024;

/** The first bytes of a stored upload, cut after its last whole line when the file is longer. */
async function fileHead(importJobId: string): Promise<Uint8Array | null> {
  const { rows } = await sqlPool().query<{ head: Buffer | null; size: number | null }>(
    `SELECT substring("file" FROM 1 FOR $2) AS "head", octet_length("file") AS "size" FROM "ImportJob" WHERE "id" = $1`,
    [importJobId, PREVIEW_BYTES],
  );
  const { head, size } = rows[0] ?? { head: null, size: null };
  if (!head) return null;
  if (size === null || head.length >= size) return head;
  const lastNewline = head.lastIndexOf(0x0a);
  return lastNewline > 0 ? head.subarray(0, lastNewline + 1) : head;
}

/** The import in the actor's scope, without its file. */
async function importInScope(actor: Actor, campaignId: string, importJobId: string) {
  const campaign = await campaignForImport(actor, campaignId);
  const job = await prisma.importJob.findFirst({ where: { id: importJobId, campaignId: campaign.id, agencyId: actor.agencyId, ...importOwnerScope(actor) }, omit: { file: true } });
  if (!job) throw notFound();
  return { ...job, errors: job.errors as ImportError[], mapping: job.mapping as ImportMapping };
}

/** The import in the actor's scope, with a 5-row preview while it is being mapped. */
export async function getImport(actor: Actor, campaignId: string, importJobId: string) {
  const job = await importInScope(actor, campaignId, importJobId);
  let preview: string[][] = [];
  if (job.status === "MAPPING") {
    const head = await fileHead(job.id);
    if (head) preview = Papa.parse<string[]>(decodeCsv(head), { preview: 6, skipEmptyLines: true }).data.slice(1);
  }
  return { ...job, preview };
}

/** Recent imports of a campaign. */
export async function listImports(actor: Actor, campaignId: string) {
  const campaign = await campaignForImport(actor, campaignId);
  return prisma.importJob.findMany({
    where: { campaignId: campaign.id, agencyId: actor.agencyId, ...importOwnerScope(actor) },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, fileName: true, status: true, totalRows: true, processedRows: true, createdCount: true, skippedCount: true, errorCount: true, createdAt: true },
  });
}

/** Saves the mapping (every required field mapped, a time zone column or default) and queues the processing. */
export async function confirmImport(actor: Actor, campaignId: string, importJobId: string, mapping: ImportMapping) {
  const job = await importInScope(actor, campaignId, importJobId);
  if (job.status !== "MAPPING") throw new DomainError("CONFLICT", "meetings.import.alreadyStarted");
  const errors: Record<string, string[]> = {};
  for (const f of IMPORT_FIELDS) if (mapping[f] && !job.columns.includes(mapping[f]!)) errors[`map.${f}`] = ["common.errors.invalid"];
  for (const f of REQUIRED_IMPORT_FIELDS) if (!mapping[f]) errors[`map.${f}`] = ["common.errors.required"];
  if (!mapping.timeZone && !mapping.defaultTimeZone) errors["defaultTimeZone"] = ["meetings.import.timeZoneNeeded"];
  // The time: one date-and-time column, or a date column (with a time column).
  if (!mapping.scheduledAt && !mapping.scheduledDate) errors["map.scheduledAt"] = ["meetings.import.dateOrDate"];
  if (mapping.scheduledAt && (mapping.scheduledDate || mapping.scheduledTime)) errors["map.scheduledAt"] = ["meetings.import.dateOrDate"];
  if (mapping.scheduledDate && !mapping.scheduledTime) errors["map.scheduledTime"] = ["common.errors.required"];
  if (mapping.dateFormat && !DATE_FORMATS.includes(mapping.dateFormat)) errors["dateFormat"] = ["common.errors.invalid"];
  // Defaults for the whole file: one of the offered choices.
  const choices = await importChoices(actor, campaignId);
  if (mapping.defaultPersonaVersionId && !choices.personas.some((p) => p.id === mapping.defaultPersonaVersionId)) errors["defaultPersonaVersionId"] = ["common.errors.invalid"];
  if (!mapping.persona && !mapping.defaultPersonaVersionId && choices.personas.length !== 1) errors["map.persona"] = ["common.errors.required"];
  if (mapping.defaultSdrId && !choices.sdrs.some((u) => u.id === mapping.defaultSdrId)) errors["defaultSdrId"] = ["common.errors.invalid"];
  if (mapping.defaultClientAttendeeId && !choices.clientUsers.some((u) => u.id === mapping.defaultClientAttendeeId)) errors["defaultClientAttendeeId"] = ["common.errors.invalid"];
  if (Object.keys(errors).length) return { ok: false as const, errors };
  const updated = await prisma.importJob.updateMany({ where: { id: job.id, status: "MAPPING" }, data: { mapping, status: "QUEUED" } });
  if (!updated.count) throw new DomainError("CONFLICT", "meetings.import.alreadyStarted");
  return { ok: true as const };
}

