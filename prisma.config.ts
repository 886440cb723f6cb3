// Prisma 6.19.3, fully offline: the experimental JS schema engine (bundled Wasm) + @prisma/adapter-pg
// replaces the native schema-engine binary that the CLI would otherwise download from binaries.prisma.sh.
import "dotenv/config";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const DEFAULT_URL = "postgresql://postgres:postgres@127.0.0.1:54329/rendezvous";
// schema.prisma keeps `url = env("DATABASE_URL")`; if it cannot be resolved the 6.x CLI falls back to
// downloading libquery_engine from binaries.prisma.sh (fails offline) - so always define it.
process.env.DATABASE_URL ??= DEFAULT_URL;

// Patch 4: the Wasm schema engine leaves long timeout timers (10 s for deploy/reset, 60 s for
// `migrate dev`) armed after it finishes, so the CLI lingers. Long timers here are only guards:
// unref them so they cannot keep the process alive (pending DB sockets still do).
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((fn: any, ms?: number, ...rest: any[]) => {
  const t: any = realSetTimeout(fn, ms, ...rest);
  if ((ms ?? 0) >= 5000) t?.unref?.();
  return t;
}) as typeof setTimeout;

// Patch 1+2 (prisma/orm#27403): adapter-pg 6.x cannot map the catalog types `name` (oid 19) and
// `"char"` (oid 18) that the schema engine's introspection queries return. Report `name` as text,
// and `"char"` as text at the pg level but as ColumnType.Character (6) to the engine.
let lastCharColumns: string[] = [];
const fixFields = (res: any) => {
  for (const r of Array.isArray(res) ? res : [res]) {
    lastCharColumns = [];
    for (const f of r?.fields ?? []) {
      if (f.dataTypeID === 19) f.dataTypeID = 25;
      if (f.dataTypeID === 18) { f.dataTypeID = 25; lastCharColumns.push(f.name); }
    }
  }
  return res;
};
class CatalogTypesClient extends pg.Client {
  // @ts-ignore - variadic override of an overloaded method
  query(...args: any[]) {
    const cb = args[args.length - 1];
    if (typeof cb === "function") args[args.length - 1] = (e: any, r: any) => cb(e, e ? r : fixFields(r));
    // @ts-ignore
    const r = super.query(...args);
    return r && typeof (r as any).then === "function" ? (r as Promise<any>).then(fixFields) : r;
  }
}
function wrapQueryable<T extends { queryRaw: (q: any) => Promise<any> }>(q: T): T {
  const orig = q.queryRaw.bind(q);
  q.queryRaw = async (query: any) => {
    const rs = await orig(query);
    const chars = lastCharColumns;
    if (chars.length) rs.columnTypes = rs.columnTypes.map((t: number, i: number) => (chars.includes(rs.columnNames[i]) ? 6 : t));
    return rs;
  };
  return q;
}

// Patch 5: adapter-pg 6.x runs a migration script by splitting it on every ";", which breaks PL/pgSQL
// function bodies (our triggers). PostgreSQL's simple query protocol runs a whole script in one call.
function wholeScripts<T>(a: T): T {
  const anyA = a as any;
  anyA.executeScript = async (script: string) => {
    try {
      await anyA.client.query(script);
    } catch (error) {
      anyA.onError(error);
    }
  };
  return a;
}

function pgConfig(database?: string): pg.PoolConfig {
  // explicit fields, not connectionString: pg lets connectionString override `database`
  const url = new URL(process.env.DATABASE_URL ?? DEFAULT_URL);
  return {
    host: url.hostname, port: Number(url.port || 5432),
    user: decodeURIComponent(url.username), password: decodeURIComponent(url.password),
    database: database ?? url.pathname.slice(1),
    Client: CatalogTypesClient as any,
    allowExitOnIdle: true,
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const main = new PrismaPg(pgConfig());
    const connect = main.connect.bind(main);
    main.connect = async () => {
      const a = await connect();
      const st = a.startTransaction.bind(a);
      a.startTransaction = async (...args: any[]) => wrapQueryable(await st(...(args as [any])));
      return wholeScripts(wrapQueryable(a));
    };
    // Patch 3: adapter-pg 6.x drops the shadow DB while its own pool is still connected
    // ("database ... is being accessed by other users"). Close first, then DROP ... WITH (FORCE).
    main.connectToShadowDb = async () => {
      const name = `prisma_shadow_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
      const admin = new pg.Client(pgConfig());
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const shadow = wholeScripts(wrapQueryable(await new PrismaPg(pgConfig(name)).connect()));
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        const a = new pg.Client(pgConfig());
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await a.end();
      };
      return shadow;
    };
    return main;
  },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
