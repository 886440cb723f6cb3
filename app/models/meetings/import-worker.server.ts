// CSV import of meetings, the worker's part: the confirmed file is processed in the job queue, streamed in chunks
// with papaparse so a 20,000-row file never sits in memory as rows, each row checked with the log form's schema and
// inserted 2,000 at a time by one statement. Idempotent on the external id (or, without one, on prospect email + time).
import crypto from "node:crypto";
import Papa from "papaparse";
import pg from "pg";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { actorForUser, type Actor } from "~/utils/auth.server";
import { meetingSchema } from "~/domain/meetings/schemas";
import { CHANNELS, loggingRefusal, type Channel } from "~/domain/meetings/rules";
import { campaignScope } from "~/models/scope.server";
import type { Prisma } from "~/generated/prisma/client";
import { combineDateTime, decodeCsv, norm, type ImportError, type ImportField, type ImportMapping } from "~/domain/meetings/import";
import { withChange } from "~/models/effects.server";
import { activeClientUsers } from "./client-attendees.server";
import { sendCalendarInvitations } from "./invitations.server";
import { notifyBooked, notifyImported } from "./notifications.server";

const MAX_STORED_ERRORS = 500;
/** Rows per INSERT: few statements (each fires the rollups' statement triggers once), a bounded JSON parameter. */
const BATCH = 2000;

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

type Context = {
  actor: Actor;
  campaign: { id: string; agencyId: string; clientCompanyId: string; status: string; invitesProspect: boolean };
  personas: Map<string, string>;
  /** For rows without a persona: the chosen default, else the campaign's only approved persona. */
  defaultPersonaVersionId: string | undefined;
  definitionVersionId: string | null;
  sdrs: Map<string, string>;
  /** For rows without an SDR email: the chosen SDR, else the importer when on the campaign, else its only SDR. */
  defaultSdrId: string | undefined;
  /** Active client users of the campaign's company, by email; the chosen default for rows without one. */
  attendees: Map<string, string>;
  defaultClientAttendeeId: string | undefined;
};

async function importContext(job: { campaignId: string; createdById: string | null }, mapping: ImportMapping): Promise<Context> {
  const actor = job.createdById ? await actorForUser(job.createdById) : null;
  if (!actor) throw new Error("The user who started the import no longer exists");
  const campaign = await prisma.campaign.findFirst({
    where: { AND: [campaignScope(actor), { id: job.campaignId }] },
    select: { id: true, agencyId: true, clientCompanyId: true, status: true, invitesProspect: true, assignments: { select: { user: { select: { id: true, email: true } } } } },
  });
  if (!campaign) throw new Error("The campaign is no longer in the importer's scope");
  const [personas, def, clientUsers] = await Promise.all([
    prisma.personaVersion.findMany({ where: { status: "APPROVED", persona: { campaignId: campaign.id } }, select: { id: true, name: true } }),
    prisma.definitionVersion.findFirst({ where: { status: "APPROVED", definition: { campaignId: campaign.id } }, orderBy: { number: "desc" }, select: { id: true } }),
    activeClientUsers(campaign.agencyId, campaign.clientCompanyId),
  ]);
  const sdrIds = campaign.assignments.map((a) => a.user.id);
  const pick = <T extends string>(chosen: string | undefined, allowed: T[]) => (chosen && allowed.includes(chosen as T) ? chosen : undefined);
  return {
    actor,
    campaign,
    personas: new Map(personas.map((p) => [norm(p.name), p.id])),
    defaultPersonaVersionId: pick(mapping.defaultPersonaVersionId, personas.map((p) => p.id)) ?? (personas.length === 1 ? personas[0].id : undefined),
    definitionVersionId: def?.id ?? null,
    sdrs: new Map(campaign.assignments.map((a) => [a.user.email.toLowerCase(), a.user.id])),
    defaultSdrId: pick(mapping.defaultSdrId, sdrIds) ?? (sdrIds.includes(actor.userId) ? actor.userId : sdrIds.length === 1 ? sdrIds[0] : undefined),
    attendees: new Map(clientUsers.map((u) => [u.email.toLowerCase(), u.id])),
    defaultClientAttendeeId: pick(mapping.defaultClientAttendeeId, clientUsers.map((u) => u.id)),
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
  const personaVersionId = personaName ? ctx.personas.get(norm(personaName)) : ctx.defaultPersonaVersionId;
  if (!personaVersionId) errors.push({ line, field: "persona", message: personaName ? "meetings.errors.unknownPersona" : "common.errors.required", value: personaName });
  const channel = parseChannel(get("channel"));
  if (!channel) errors.push({ line, field: "channel", message: "common.errors.invalid", value: get("channel") });
  let sdrId: string | undefined;
  if (ctx.actor.role === "SDR") sdrId = ctx.actor.userId;
  else {
    const sdrEmail = get("sdrEmail")?.toLowerCase();
    sdrId = sdrEmail ? ctx.sdrs.get(sdrEmail) : ctx.defaultSdrId;
    if (!sdrId) errors.push({ line, field: "sdrEmail", message: "meetings.errors.sdr", value: get("sdrEmail") });
  }
  const attendeeEmail = get("clientAttendeeEmail")?.toLowerCase();
  const clientAttendeeId = attendeeEmail ? ctx.attendees.get(attendeeEmail) : ctx.defaultClientAttendeeId;
  if (attendeeEmail && !clientAttendeeId) errors.push({ line, field: "clientAttendeeEmail", message: "meetings.import.unknownAttendee", value: get("clientAttendeeEmail") });
  const cells = { scheduledAt: get("scheduledAt"), scheduledDate: get("scheduledDate"), scheduledTime: get("scheduledTime") };
  const when = combineDateTime(cells, mapping.dateFormat ?? "DMY");
  if (!when.ok) errors.push({ line, field: when.field, message: when.message, value: [cells.scheduledAt, cells.scheduledDate, cells.scheduledTime].filter(Boolean).join(" ") });
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
    scheduledLocal: when.ok ? when.local : "",
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
      if (field === "scheduledLocal" && !when.ok) continue; // already said, with the cell
      const f = field === "scheduledLocal" ? "scheduledAt" : field;
      const raw = (input as Record<string, unknown>)[field];
      errors.push({ line, field: f, message: issue.message, value: f === "scheduledAt" ? [cells.scheduledAt, cells.scheduledDate, cells.scheduledTime].filter(Boolean).join(" ") : typeof raw === "string" ? raw : undefined });
    }
  }
  if (errors.length || !parsed.success) return errors;
  const v = parsed.data;
  const refusal = loggingRefusal(ctx.campaign.status, v.scheduledAt, now);
  if (refusal) return [{ line, field: mapping.scheduledAt ? "scheduledAt" : "scheduledDate", message: refusal, value: [cells.scheduledAt, cells.scheduledDate, cells.scheduledTime].filter(Boolean).join(" ") }];
  const externalId = v.externalId ?? `csv:${crypto.createHash("sha1").update(`${v.prospectEmail}|${v.scheduledAt.toISOString()}`).digest("hex").slice(0, 24)}`;
  return {
    line,
    data: {
      agencyId: ctx.campaign.agencyId,
      clientCompanyId: ctx.campaign.clientCompanyId,
      campaignId: ctx.campaign.id,
      sdrId: sdrId!,
      clientAttendeeId: clientAttendeeId ?? null,
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
  "clientAttendeeId", "discoveryNeed", "discoveryContext", "discoveryBudget", "discoveryTimeline", "possibleDuplicate", "updatedAt",
] as const;
const COLUMN_LIST = INSERT_COLUMNS.map((c) => `"${c}"`).join(", ");

/**
 * A prepared row as the JSON object the batch statement reads (one short string per row: what a batch holds while
 * it fills is about 400 bytes a row, not the row's objects; decision 0065).
 */
function rowJson(r: Prepared, now: string, id: string) {
  return JSON.stringify({ ...r.data, id, scheduledAt: (r.data.scheduledAt as Date).toISOString(), updatedAt: now });
}

/** Meeting ids for an import: 15 random hex digits drawn once per 100,000 rows, then a counter (no random per row). */
function idMaker() {
  let prefix = "";
  let n = 0;
  return () => {
    if (n % 100_000 === 0) prefix = crypto.randomBytes(8).toString("hex").slice(0, 15);
    return `c${prefix}${(n++ % 100_000).toString(36).padStart(4, "0")}`;
  };
}

/** A batch being filled: its rows as JSON texts, and whether one names a client attendee (their invitations). */
type Batch = { rows: string[]; withAttendee: boolean };

/**
 * Inserts a batch in one statement (rows as one JSON parameter, so 2,000 rows cost one round trip, no per-row query
 * building and no Prisma query to compile); rows whose external id already exists on the campaign are skipped by the
 * unique index, a row matching a live meeting's prospect email and time is flagged a possible duplicate in the same
 * statement (an index probe per row, read before the batch's own rows), and the "created" history event is written
 * for the inserted ones only. The created ids come back (their invitations). The rollups' statement-level triggers run once per batch.
 * Sent on the job's own connection (bulkConnection), not through Prisma: Prisma 6.19's client engine keeps the
 * parameters of its recent raw queries (measured after a forced GC: +1.2 MB of live heap per 0.8 MB batch, 60
 * batches in a row), which took a 100,000-row import to 963 MB; node-postgres keeps nothing (flat over 60 batches).
 */
async function insertBatch(db: pg.Client, ctx: Context, batch: Batch, importJobId: string): Promise<string[]> {
  if (!batch.rows.length) return [];
  const json = `[${batch.rows.join(",")}]`;
  const eventData = JSON.stringify({ importJobId });
  const created = await db.query<{ meetingId: string }>(
    `WITH ins AS (
       INSERT INTO "Meeting" (${COLUMN_LIST})
       SELECT ${INSERT_COLUMNS.map((c) => (c === "possibleDuplicate" ? `EXISTS (SELECT 1 FROM "Meeting" e WHERE e."campaignId" = r."campaignId" AND e."prospectEmail" = r."prospectEmail" AND e."scheduledAt" = r."scheduledAt" AND e."status" <> 'CANCELLED')` : `r."${c}"`)).join(", ")}
         FROM json_populate_recordset(NULL::"Meeting", $1::json) r
       ON CONFLICT ("campaignId", "externalId") DO NOTHING
       RETURNING "id"),
     ev AS (
       INSERT INTO "MeetingEvent" ("id", "meetingId", "actorId", "type", "to", "data", "createdAt")
       SELECT 'e' || md5(random()::text || ins."id"), ins."id", $2, 'created', 'SCHEDULED', $3::jsonb, now() FROM ins
       RETURNING 1)
     SELECT "id" AS "meetingId" FROM ins`,
    [json, ctx.actor.userId, eventData],
  );
  const ids = created.rows.map((c) => c.meetingId);
  await inviteAttendees(ctx, batch.withAttendee, ids);
  return ids;
}

/** A connection of the job's own for the batches (closed at the end), on the app's database. */
async function bulkConnection() {
  const db = new pg.Client({ connectionString: env().DATABASE_URL, application_name: "rdv-import" });
  await db.connect();
  return db;
}

/** Bytes of the stored upload read per statement: a bounded result, never the whole file as one hex text. */
const READ_CHUNK = 1024 * 1024;

/** The stored upload, read in 1 MB slices on the job's connection (not through Prisma: decision 0065). */
async function readFile(db: pg.Client, importJobId: string): Promise<Buffer> {
  const size = Number((await db.query<{ size: number | null }>(`SELECT octet_length("file") AS "size" FROM "ImportJob" WHERE "id" = $1`, [importJobId])).rows[0]?.size ?? 0);
  const parts: Buffer[] = [];
  for (let from = 1; from <= size; from += READ_CHUNK) {
    const { rows } = await db.query<{ part: Buffer }>(`SELECT substring("file" FROM $2 FOR $3) AS "part" FROM "ImportJob" WHERE "id" = $1`, [importJobId, from, READ_CHUNK]);
    parts.push(rows[0].part);
  }
  return Buffer.concat(parts, size);
}

/**
 * Issue 9: an imported meeting sends its client attendee (and the prospect, when the campaign says so) the calendar
 * invitation a logged one sends, in one transaction per batch; a meeting already over sends none.
 */
async function inviteAttendees(ctx: Context, withAttendee: boolean, createdIds: string[]) {
  if (!createdIds.length || (!ctx.campaign.invitesProspect && !withAttendee)) return;
  const ids = ctx.campaign.invitesProspect
    ? createdIds
    : (await prisma.meeting.findMany({ where: { id: { in: createdIds }, clientAttendeeId: { not: null } }, select: { id: true } })).map((m) => m.id);
  if (!ids.length) return;
  await withChange(
    async (tx, fx) => {
      for (const id of ids) fx.emails(await sendCalendarInvitations(tx, id, "booked"));
    },
    { timeout: 60_000 },
  );
}

/**
 * Issue 9: the client users learn of the meetings the import created as they learn of a logged one (MEETING_BOOKED,
 * on the channel each chose), once: one meeting is announced as itself; several in one notification per recipient
 * (one email, one digest line), so a 500-row file never sends 500 emails to the same person. Rows already imported
 * (skipped) are not announced again. A failure here is logged, never turns a finished import into a failed one.
 */
async function announceImport(ctx: Context, created: number, firstCreatedId: string | undefined) {
  if (!created || !firstCreatedId) return;
  try {
    await withChange(async (tx, fx) => {
      const importer = { userId: ctx.actor.userId, name: ctx.actor.name };
      fx.emails(
        created === 1
          ? await notifyBooked(tx, firstCreatedId, importer.userId)
          : await notifyImported(tx, { agencyId: ctx.campaign.agencyId, campaignId: ctx.campaign.id, count: created, importer }),
      );
    });
  } catch (e) {
    console.error("import: could not announce the imported meetings", e);
  }
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
  const job = await prisma.importJob.findUniqueOrThrow({ where: { id: importJobId }, omit: { file: true } });
  let db: pg.Client | null = null;
  try {
    const mapping = job.mapping as ImportMapping;
    const ctx = await importContext(job, mapping);
    if (!ctx.definitionVersionId) throw new Error("meetings.errors.noDefinition");
    db = await bulkConnection();
    const conn = db;
    const text = decodeCsv(await readFile(conn, job.id));
    let total = 0;
    Papa.parse(text, { header: false, skipEmptyLines: "greedy", step: () => void total++ });
    await prisma.importJob.updateMany({ where: { id: job.id }, data: { totalRows: Math.max(0, total - 1) } });

    const errors: ImportError[] = [];
    let errorCount = 0;
    let processed = 0;
    let created = 0;
    let skipped = 0;
    let firstCreatedId: string | undefined;
    const addErrors = (list: ImportError[]) => {
      errorCount += 1;
      for (const e of list) if (errors.length < MAX_STORED_ERRORS) errors.push(e);
    };
    const nowText = new Date().toISOString();
    const nextId = idMaker();
    let batch: Batch = { rows: [], withAttendee: false };
    let batchLines = 0; // rows read (good or not) since the last progress written
    // Progress and status are written with updateMany: Prisma's update returns the whole row, file included, so
    // each progress write read the 7 MB upload back and decoded it (decision 0065: half the worker's CPU, most of its memory).
    const flush = async () => {
      const full = batch;
      batch = { rows: [], withAttendee: false };
      const ids = await insertBatch(conn, ctx, full, job.id);
      firstCreatedId ??= ids[0];
      created += ids.length;
      skipped += full.rows.length - ids.length;
      processed += batchLines;
      batchLines = 0;
      await prisma.importJob.updateMany({
        where: { id: job.id },
        data: { processedRows: processed, createdCount: created, skippedCount: skipped, errorCount, errors: errors as unknown as Prisma.InputJsonValue },
      });
    };
    let read = 0; // rows read so far, for the line numbers
    await new Promise<void>((resolve, reject) => {
      Papa.parse<Record<string, string>>(text, {
        header: true,
        skipEmptyLines: "greedy",
        // Small chunks: a chunk's parsed rows are garbage as soon as they are prepared; only the batch's JSON texts stay.
        chunkSize: 64 * 1024,
        chunk: (results: Papa.ParseResult<Record<string, string>>, parser: Papa.Parser) => {
          const rowErrors = new Map<number, string>();
          for (const e of results.errors) if (typeof e.row === "number") rowErrors.set(e.row, e.code);
          for (let i = 0; i < results.data.length; i++) {
            // Header is line 1; lines of rows spanning several lines (quoted newlines) are approximate.
            const line = read + i + 2;
            const parseError = rowErrors.get(i);
            if (parseError) addErrors([{ line, message: `meetings.import.malformed|code=${parseError}` }]);
            else {
              const r = prepareRow(ctx, mapping, results.data[i], line, now);
              if (Array.isArray(r)) addErrors(r);
              else {
                batch.rows.push(rowJson(r, nowText, nextId()));
                if (r.data.clientAttendeeId) batch.withAttendee = true;
              }
            }
          }
          read += results.data.length;
          batchLines += results.data.length;
          if (batch.rows.length < BATCH) return;
          parser.pause();
          flush().then(
            () => parser.resume(),
            (e) => {
              reject(e); // first: aborting calls complete, which would resolve
              parser.abort();
            },
          );
        },
        complete: () => resolve(),
        error: (e: Error) => reject(e),
      });
    });
    if (batch.rows.length || batchLines) await flush();
    await prisma.importJob.updateMany({
      where: { id: job.id },
      data: { status: "DONE", file: null, finishedAt: new Date(), processedRows: processed, createdCount: created, skippedCount: skipped, errorCount, errors: errors as unknown as Prisma.InputJsonValue },
    });
    await announceImport(ctx, created, firstCreatedId);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await prisma.importJob.updateMany({ where: { id: job.id }, data: { status: "FAILED", failure: message.slice(0, 500), finishedAt: new Date() } });
  } finally {
    await db?.end().catch(() => undefined);
  }
}

