// CSV import of meetings: upload (10 MB at most, UTF-8 with or without BOM, or Latin-1), column mapping with a
// preview, then processing in the job queue, streamed in chunks with papaparse so a 20,000-row file never sits in
// memory as rows. Idempotent on the external id (or, without one, on prospect email + time): a re-upload adds nothing.
import crypto from "node:crypto";
import Papa from "papaparse";
import { prisma } from "~/utils/db.server";
import { actorForUser, assertCan, type Actor } from "~/utils/auth.server";
import { DomainError, notFound } from "~/domain/errors";
import { meetingSchema } from "~/domain/meeting-schemas";
import { CHANNELS, loggingRefusal, type Channel } from "~/domain/meetings";
import { campaignScope } from "~/models/scope.server";
import type { Prisma } from "~/generated/prisma/client";
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField, type ImportMapping } from "~/domain/meeting-import";

export { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField, type ImportMapping };

export { MAX_IMPORT_BYTES } from "~/domain/meeting-import";
import { MAX_IMPORT_BYTES } from "~/domain/meeting-import";
import { importOwnerScope } from "~/models/import-scope.server";
const MAX_STORED_ERRORS = 500;
const BATCH = 500;

export type ImportError = { line: number; field?: string; message: string };

/** Text of an upload: UTF-8 (a BOM is dropped), or Latin-1 / Windows-1252 when the bytes are not valid UTF-8. */
export function decodeCsv(bytes: Uint8Array): string {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return new TextDecoder("windows-1252").decode(body);
  }
}

const norm = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

const SYNONYMS: Record<ImportField, string[]> = {
  externalId: ["externalid", "id", "externalref", "reference", "ref", "idexterne"],
  prospectName: ["prospectname", "name", "fullname", "prospect", "contact", "nom", "nomcomplet"],
  prospectTitle: ["prospecttitle", "title", "jobtitle", "poste", "fonction"],
  prospectEmail: ["prospectemail", "email", "mail", "courriel", "emailaddress"],
  prospectPhone: ["prospectphone", "phone", "telephone", "tel"],
  prospectCompany: ["prospectcompany", "company", "entreprise", "societe", "account", "organization"],
  prospectDomain: ["prospectdomain", "domain", "domaine", "website"],
  prospectCompanySize: ["prospectcompanysize", "companysize", "size", "taille", "effectif", "headcount"],
  prospectIndustry: ["prospectindustry", "industry", "secteur"],
  prospectCountry: ["prospectcountry", "country", "pays"],
  prospectLinkedinUrl: ["prospectlinkedinurl", "linkedin", "linkedinurl"],
  scheduledAt: ["scheduledat", "date", "datetime", "meetingdate", "when", "start", "rdv", "daterdv", "dateheure"],
  timeZone: ["timezone", "tz", "fuseau", "fuseauhoraire"],
  durationMinutes: ["durationminutes", "duration", "duree", "minutes"],
  channel: ["channel", "canal", "type", "medium"],
  location: ["location", "link", "lien", "lieu", "place", "url"],
  persona: ["persona", "personaname", "cible"],
  sdrEmail: ["sdremail", "sdr", "bookedby", "owner"],
  discoveryNeed: ["discoveryneed", "need", "besoin"],
  discoveryContext: ["discoverycontext", "context", "contexte"],
  discoveryBudget: ["discoverybudget", "budget"],
  discoveryTimeline: ["discoverytimeline", "timeline", "calendrier", "echeance"],
};

/** A first guess of the mapping from the header row. */
export function guessMapping(columns: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  for (const field of IMPORT_FIELDS) {
    const col = columns.find((c) => !used.has(c) && SYNONYMS[field].includes(norm(c)));
    if (col) {
      mapping[field] = col;
      used.add(col);
    }
  }
  return mapping;
}

async function campaignForImport(actor: Actor, campaignId: string) {
  assertCan(actor, "meeting:log");
  const campaign = await prisma.campaign.findFirst({ where: { AND: [campaignScope(actor), { id: campaignId }] }, select: { id: true, agencyId: true, status: true } });
  if (!campaign) throw notFound();
  return campaign;
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
  return prisma.importJob.create({
    data: {
      agencyId: campaign.agencyId,
      campaignId: campaign.id,
      createdById: actor.userId,
      fileName: file.name.replace(/\u0000/g, "").slice(0, 200) || "import.csv",
      file: Buffer.from(file.bytes),
      columns,
      mapping: guessMapping(columns),
    },
    select: { id: true },
  });
}

/** The import in the actor's scope, with a 5-row preview while it is being mapped. */
export async function getImport(actor: Actor, campaignId: string, importJobId: string) {
  const campaign = await campaignForImport(actor, campaignId);
  const job = await prisma.importJob.findFirst({ where: { id: importJobId, campaignId: campaign.id, agencyId: actor.agencyId, ...importOwnerScope(actor) } });
  if (!job) throw notFound();
  let preview: string[][] = [];
  if (job.status === "MAPPING" && job.file) {
    preview = Papa.parse<string[]>(decodeCsv(job.file), { preview: 6, skipEmptyLines: true }).data.slice(1);
  }
  const { file: _file, ...rest } = job;
  return { ...rest, errors: job.errors as ImportError[], mapping: job.mapping as ImportMapping, preview };
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
  const job = await getImport(actor, campaignId, importJobId);
  if (job.status !== "MAPPING") throw new DomainError("CONFLICT", "meetings.import.alreadyStarted");
  const errors: Record<string, string[]> = {};
  for (const f of IMPORT_FIELDS) if (mapping[f] && !job.columns.includes(mapping[f]!)) errors[`map.${f}`] = ["common.errors.invalid"];
  for (const f of REQUIRED_IMPORT_FIELDS) if (!mapping[f]) errors[`map.${f}`] = ["common.errors.required"];
  if (!mapping.timeZone && !mapping.defaultTimeZone) errors["defaultTimeZone"] = ["meetings.import.timeZoneNeeded"];
  if (Object.keys(errors).length) return { ok: false as const, errors };
  const updated = await prisma.importJob.updateMany({ where: { id: job.id, status: "MAPPING" }, data: { mapping, status: "QUEUED" } });
  if (!updated.count) throw new DomainError("CONFLICT", "meetings.import.alreadyStarted");
  return { ok: true as const };
}

const CHANNEL_WORDS: Record<string, Channel> = {
  video: "VIDEO",
  visio: "VIDEO",
  visioconference: "VIDEO",
  videoconference: "VIDEO",
  teams: "VIDEO",
  zoom: "VIDEO",
  meet: "VIDEO",
  phone: "PHONE",
  telephone: "PHONE",
  tel: "PHONE",
  call: "PHONE",
  onsite: "ON_SITE",
  surplace: "ON_SITE",
  inperson: "ON_SITE",
  presentiel: "ON_SITE",
};

function parseChannel(v: string | undefined): Channel | null {
  if (!v) return "VIDEO";
  const n = norm(v);
  if ((CHANNELS as readonly string[]).includes(v.trim().toUpperCase())) return v.trim().toUpperCase() as Channel;
  return CHANNEL_WORDS[n] ?? null;
}

/** "2026-12-01 10:00", "2026-12-01T10:00", "01/12/2026 10:00" (day first) -> a datetime-local value. */
export function normalizeLocalTime(v: string): string {
  const s = v.trim();
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2}):(\d{2})$/.exec(s);
  if (dmy) return `${dmy[3]}-${dmy[2].padStart(2, "0")}-${dmy[1].padStart(2, "0")}T${dmy[4].padStart(2, "0")}:${dmy[5]}`;
  return s.replace(" ", "T");
}

type Context = {
  actor: Actor;
  campaign: { id: string; agencyId: string; clientCompanyId: string; status: string };
  personas: Map<string, string>;
  definitionVersionId: string | null;
  sdrs: Map<string, string>;
};

async function importContext(job: { campaignId: string; createdById: string | null }): Promise<Context> {
  const actor = job.createdById ? await actorForUser(job.createdById) : null;
  if (!actor) throw new Error("The user who started the import no longer exists");
  const campaign = await prisma.campaign.findFirst({
    where: { AND: [campaignScope(actor), { id: job.campaignId }] },
    select: { id: true, agencyId: true, clientCompanyId: true, status: true, assignments: { select: { user: { select: { id: true, email: true } } } } },
  });
  if (!campaign) throw new Error("The campaign is no longer in the importer's scope");
  const [personas, def] = await Promise.all([
    prisma.personaVersion.findMany({ where: { status: "APPROVED", persona: { campaignId: campaign.id } }, select: { id: true, name: true } }),
    prisma.definitionVersion.findFirst({ where: { status: "APPROVED", definition: { campaignId: campaign.id } }, orderBy: { number: "desc" }, select: { id: true } }),
  ]);
  return {
    actor,
    campaign,
    personas: new Map(personas.map((p) => [norm(p.name), p.id])),
    definitionVersionId: def?.id ?? null,
    sdrs: new Map(campaign.assignments.map((a) => [a.user.email.toLowerCase(), a.user.id])),
  };
}

type Prepared = { line: number; data: Prisma.MeetingCreateManyInput };

/** Validates one row into a meeting to create, or the row's errors. */
function prepareRow(ctx: Context, mapping: ImportMapping, row: Record<string, string>, line: number, now: Date): Prepared | ImportError[] {
  const get = (f: ImportField) => {
    const col = mapping[f];
    const v = col ? row[col] : undefined;
    return typeof v === "string" ? v.trim() : undefined;
  };
  const errors: ImportError[] = [];
  const personaName = get("persona");
  const personaVersionId = personaName ? ctx.personas.get(norm(personaName)) : undefined;
  if (!personaVersionId) errors.push({ line, field: "persona", message: "meetings.errors.unknownPersona" });
  const channel = parseChannel(get("channel"));
  if (!channel) errors.push({ line, field: "channel", message: "common.errors.invalid" });
  let sdrId: string | undefined;
  if (ctx.actor.role === "SDR") sdrId = ctx.actor.userId;
  else {
    const sdrEmail = get("sdrEmail")?.toLowerCase();
    sdrId = sdrEmail ? ctx.sdrs.get(sdrEmail) : ctx.sdrs.size === 1 ? [...ctx.sdrs.values()][0] : undefined;
    if (!sdrId) errors.push({ line, field: "sdrEmail", message: "meetings.errors.sdr" });
  }
  const input = {
    personaVersionId: personaVersionId ?? "unknown",
    prospectName: get("prospectName"),
    prospectTitle: get("prospectTitle"),
    prospectEmail: get("prospectEmail"),
    prospectPhone: get("prospectPhone"),
    prospectCompany: get("prospectCompany"),
    prospectDomain: get("prospectDomain"),
    prospectCompanySize: get("prospectCompanySize"),
    prospectIndustry: get("prospectIndustry"),
    prospectCountry: get("prospectCountry"),
    prospectLinkedinUrl: get("prospectLinkedinUrl"),
    scheduledLocal: normalizeLocalTime(get("scheduledAt") ?? ""),
    timeZone: get("timeZone") || mapping.defaultTimeZone || "",
    durationMinutes: get("durationMinutes") || mapping.defaultDuration || "30",
    channel: channel ?? "VIDEO",
    location: get("location"),
    discoveryNeed: get("discoveryNeed"),
    discoveryContext: get("discoveryContext"),
    discoveryBudget: get("discoveryBudget"),
    discoveryTimeline: get("discoveryTimeline"),
    externalId: get("externalId"),
  };
  const parsed = meetingSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      errors.push({ line, field: field === "scheduledLocal" ? "scheduledAt" : field, message: issue.message });
    }
  }
  if (errors.length || !parsed.success) return errors;
  const v = parsed.data;
  const refusal = loggingRefusal(ctx.campaign.status, v.scheduledAt, now);
  if (refusal) return [{ line, field: "scheduledAt", message: refusal }];
  const externalId = v.externalId ?? `csv:${crypto.createHash("sha1").update(`${v.prospectEmail}|${v.scheduledAt.toISOString()}`).digest("hex").slice(0, 24)}`;
  return {
    line,
    data: {
      agencyId: ctx.campaign.agencyId,
      clientCompanyId: ctx.campaign.clientCompanyId,
      campaignId: ctx.campaign.id,
      sdrId: sdrId!,
      createdById: ctx.actor.userId,
      personaVersionId: personaVersionId!,
      definitionVersionId: ctx.definitionVersionId!,
      externalId,
      prospectName: v.prospectName,
      prospectTitle: v.prospectTitle ?? "",
      prospectEmail: v.prospectEmail,
      prospectPhone: v.prospectPhone ?? null,
      prospectCompany: v.prospectCompany,
      prospectDomain: v.prospectDomain ?? null,
      prospectCompanySize: v.prospectCompanySize ?? null,
      prospectIndustry: v.prospectIndustry ?? null,
      prospectCountry: v.prospectCountry ?? null,
      prospectLinkedinUrl: v.prospectLinkedinUrl ?? null,
      scheduledAt: v.scheduledAt,
      timeZone: v.timeZone,
      durationMinutes: v.durationMinutes,
      channel: v.channel,
      location: v.location ?? null,
      discoveryNeed: v.discoveryNeed ?? "",
      discoveryContext: v.discoveryContext ?? "",
      discoveryBudget: v.discoveryBudget ?? "",
      discoveryTimeline: v.discoveryTimeline ?? "",
    },
  };
}

const INSERT_COLUMNS = [
  "id", "agencyId", "clientCompanyId", "campaignId", "sdrId", "createdById", "personaVersionId", "definitionVersionId", "externalId",
  "prospectName", "prospectTitle", "prospectEmail", "prospectPhone", "prospectCompany", "prospectDomain", "prospectCompanySize",
  "prospectIndustry", "prospectCountry", "prospectLinkedinUrl", "scheduledAt", "timeZone", "durationMinutes", "channel", "location",
  "discoveryNeed", "discoveryContext", "discoveryBudget", "discoveryTimeline", "possibleDuplicate", "updatedAt",
] as const;
const COLUMN_LIST = INSERT_COLUMNS.map((c) => `"${c}"`).join(", ");

/**
 * Inserts a batch in one statement (rows as one JSON parameter, so 500 rows cost one round trip and no per-row
 * query building); rows whose external id already exists on the campaign are skipped by the unique index, and the
 * "created" history event is written for the inserted ones only. Returns how many were created.
 */
async function insertBatch(ctx: Context, rows: Prepared[], importJobId: string) {
  if (!rows.length) return 0;
  const emails = [...new Set(rows.map((r) => r.data.prospectEmail))];
  const existing = await prisma.meeting.findMany({
    where: { campaignId: ctx.campaign.id, prospectEmail: { in: emails }, status: { not: "CANCELLED" } },
    select: { prospectEmail: true, scheduledAt: true },
  });
  const taken = new Set(existing.map((e) => `${e.prospectEmail}|${e.scheduledAt.toISOString()}`));
  const now = new Date().toISOString();
  const json = JSON.stringify(
    rows.map((r) => {
      const at = (r.data.scheduledAt as Date).toISOString();
      return { ...r.data, id: `c${crypto.randomBytes(12).toString("hex")}`, scheduledAt: at, updatedAt: now, possibleDuplicate: taken.has(`${r.data.prospectEmail}|${at}`) };
    }),
  );
  const eventData = JSON.stringify({ importJobId });
  const created = await prisma.$queryRawUnsafe<{ meetingId: string }[]>(
    `WITH ins AS (
       INSERT INTO "Meeting" (${COLUMN_LIST})
       SELECT ${COLUMN_LIST} FROM json_populate_recordset(NULL::"Meeting", $1::json)
       ON CONFLICT ("campaignId", "externalId") DO NOTHING
       RETURNING "id")
     INSERT INTO "MeetingEvent" ("id", "meetingId", "actorId", "type", "to", "data", "createdAt")
     SELECT 'e' || md5(random()::text || ins."id"), ins."id", $2, 'created', 'SCHEDULED', $3::jsonb, now() FROM ins
     RETURNING "meetingId"`,
    json,
    ctx.actor.userId,
    eventData,
  );
  return created.length;
}

/**
 * Processes a queued import. Claims it first (a second worker, or a retry of a finished job, does nothing); a job
 * left RUNNING by a crashed process for 5 minutes is taken over, which is safe since rows are idempotent.
 */
export async function processImportJob(importJobId: string, now = new Date()) {
  const claimed = await prisma.importJob.updateMany({
    where: { id: importJobId, OR: [{ status: "QUEUED" }, { status: "RUNNING", updatedAt: { lt: new Date(Date.now() - 5 * 60_000) } }] },
    data: { status: "RUNNING", processedRows: 0, createdCount: 0, skippedCount: 0, errorCount: 0, errors: [] },
  });
  if (!claimed.count) return;
  const job = await prisma.importJob.findUniqueOrThrow({ where: { id: importJobId } });
  try {
    const ctx = await importContext(job);
    if (!ctx.definitionVersionId) throw new Error("meetings.errors.noDefinition");
    const mapping = job.mapping as ImportMapping;
    const text = decodeCsv(job.file ?? new Uint8Array());
    let total = 0;
    Papa.parse(text, { header: false, skipEmptyLines: "greedy", step: () => void total++ });
    await prisma.importJob.update({ where: { id: job.id }, data: { totalRows: Math.max(0, total - 1) } });

    const errors: ImportError[] = [];
    let errorCount = 0;
    let processed = 0;
    let created = 0;
    let skipped = 0;
    const addErrors = (list: ImportError[]) => {
      errorCount += 1;
      for (const e of list) if (errors.length < MAX_STORED_ERRORS) errors.push(e);
    };
    await new Promise<void>((resolve, reject) => {
      Papa.parse<Record<string, string>>(text, {
        header: true,
        skipEmptyLines: "greedy",
        chunkSize: 256 * 1024,
        chunk: (results: Papa.ParseResult<Record<string, string>>, parser: Papa.Parser) => {
          parser.pause();
          const rowErrors = new Map<number, string>();
          for (const e of results.errors) if (typeof e.row === "number") rowErrors.set(e.row, e.code);
          const batch: Prepared[] = [];
          results.data.forEach((row: Record<string, string>, i: number) => {
            // Header is line 1; lines of rows spanning several lines (quoted newlines) are approximate.
            const line = processed + i + 2;
            const parseError = rowErrors.get(i);
            if (parseError) return addErrors([{ line, message: `meetings.import.malformed|code=${parseError}` }]);
            const r = prepareRow(ctx, mapping, row, line, now);
            if (Array.isArray(r)) addErrors(r);
            else batch.push(r);
          });
          (async () => {
            for (let i = 0; i < batch.length; i += BATCH) {
              const slice = batch.slice(i, i + BATCH);
              const n = await insertBatch(ctx, slice, job.id);
              created += n;
              skipped += slice.length - n;
            }
            processed += results.data.length;
            await prisma.importJob.update({
              where: { id: job.id },
              data: { processedRows: processed, createdCount: created, skippedCount: skipped, errorCount, errors: errors as unknown as Prisma.InputJsonValue },
            });
          })().then(
            () => parser.resume(),
            (e) => {
              parser.abort();
              reject(e);
            },
          );
        },
        complete: () => resolve(),
        error: (e: Error) => reject(e),
      });
    });
    await prisma.importJob.update({
      where: { id: job.id },
      data: { status: "DONE", file: null, finishedAt: new Date(), processedRows: processed, createdCount: created, skippedCount: skipped, errorCount, errors: errors as unknown as Prisma.InputJsonValue },
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await prisma.importJob.update({ where: { id: job.id }, data: { status: "FAILED", failure: message.slice(0, 500), finishedAt: new Date() } });
  }
}
