// The HTTP server of the portal (what `remix-serve` did, plus what must see every request before Remix does):
// the forgery check on every non-GET request, the security headers on every response, the client address
// resolved through configured proxies only, and an access log without secrets. The rules themselves live in
// app/utils/{csrf,headers}.server.ts (compiled into the build, tested there); see docs/decisions/0010 and 0011.
//   node server.mjs [build/index.js]      PORT, HOST, TRUSTED_PROXIES, APP_URL from the environment
import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";

process.env.NODE_ENV = process.env.NODE_ENV ?? "production";
const production = process.env.NODE_ENV === "production";
const buildPath = path.resolve(process.argv[2] ?? "build/index.js");
const build = await import(url.pathToFileURL(buildPath).href);
installGlobals({ nativeFetch: build.future.v3_singleFetch });
/** @type {import("./app/utils/server-security.server").ServerSecurity} */
const security = build.entry.module.security;
const appUrl = process.env.APP_URL || undefined;

const app = express();
app.disable("x-powered-by");

// SQL_STATS=1 (the bench, development): each response says how many SQL statements it sent and their time, in a
// Server-Timing header (app/utils/sql-stats.server.ts shares this store through the registered symbol).
if (process.env.SQL_STATS === "1") {
  const sqlStats = (globalThis[Symbol.for("rendezvous.sqlStats")] ??= new AsyncLocalStorage());
  app.use((req, res, next) => {
    const stats = { count: 0, ms: 0 };
    const writeHead = res.writeHead;
    res.writeHead = function (...args) {
      res.setHeader("Server-Timing", `db;dur=${stats.ms.toFixed(1)};desc="${stats.count} statements"`);
      return writeHead.apply(this, args);
    };
    sqlStats.run(stats, next);
  });
}
// X-Forwarded-For and X-Forwarded-Proto are believed only from these addresses (express "trust proxy" syntax:
// "loopback", "10.0.0.0/8, 192.168.1.2"...). Unset: nobody, the socket's address is the client's.
app.set("trust proxy", process.env.TRUSTED_PROXIES ? process.env.TRUSTED_PROXIES.split(",").map((s) => s.trim()) : false);

// Headers on every response (static files, HTML, data requests, CSV, iCalendar, health), set last so a route
// cannot leave one out; responses of the portal itself are never stored by a browser or a shared cache.
app.use((req, res, next) => {
  const nonce = security.newCspNonce();
  res.locals.cspNonce = nonce;
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    const headers = security.securityHeaders({
      nonce,
      production,
      https: req.secure || (appUrl?.startsWith("https:") ?? false),
      dynamic: !res.locals.staticFile,
      development: process.env.NODE_ENV === "development",
    });
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    return writeHead.apply(this, args);
  };
  next();
});

morgan.token("safe-url", (req) => security.redactUrlForLog(req.originalUrl || req.url));
app.use(morgan(":method :safe-url :status :res[content-length] - :response-time ms"));
app.use(compression());
const markStatic = (res) => {
  res.locals.staticFile = true;
};
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y", setHeaders: markStatic }));
app.use(express.static("public", { maxAge: "1h", setHeaders: markStatic }));

// A NUL in the path or the query (an id, a filter), or a broken percent-encoding, can only fail further in:
// refused here, for every route.
app.use((req, res, next) => {
  const refusal = security.badUrl(req.originalUrl);
  if (!refusal) return next();
  res.status(400).type("text/plain").send(refusal);
});

// Forgery: every non-GET request must come from our own pages (Sec-Fetch-Site / Origin), whatever the route.
app.use((req, res, next) => {
  const headers = new Headers();
  for (const name of ["origin", "sec-fetch-site"]) {
    const value = req.get(name);
    if (value) headers.set(name, value);
  }
  const verdict = security.checkRequestOrigin({ method: req.method, url: `${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`, headers }, appUrl);
  if (verdict.ok) {
    // The exempt routes (Bearer key, Stripe signature) ignore Origin; Remix's own document-post check would turn a
    // foreign one into a 500 there.
    if (verdict.exempt) delete req.headers.origin;
    return next();
  }
  console.warn(`Refused a cross-origin ${req.method} ${security.redactUrlForLog(req.originalUrl)} (${verdict.reason})`);
  res.status(403).type("text/plain").send(security.FORGERY_REFUSAL_BODY);
});

// The client address the app sees (sign-in throttling): resolved above through trusted proxies only; a client
// cannot set this header itself.
app.use((req, _res, next) => {
  req.headers["x-rendezvous-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "unknown";
  next();
});

app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }) }));

const port = Number(process.env.PORT) || 3000;
const onListen = () => console.log(`[rendezvous] http://localhost:${port}`);
const server = process.env.HOST ? app.listen(port, process.env.HOST, onListen) : app.listen(port, onListen);
for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => server.close());
