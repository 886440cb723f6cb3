// Issue 8, finding 13: the fuzz suite that stays. Every route of the build's route manifest (so new routes are
// picked up), as every role and signed out, gets malformed ids, query filters, form fields and bodies; any 5xx (or
// a dropped connection) fails the test. Bounded: about a thousand requests, well under a minute.
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { logMeeting } from "~/models/meetings/logging.server";
import { createInvitation } from "~/models/invitation.server";
import { requestPasswordReset } from "~/models/user.server";
import { resetCalendarFeed } from "~/models/meetings/calendar.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient } from "../factories";
import { expect, prisma, sessionCookieHeader, test } from "./fixtures";

type ManifestRoute = { id: string; parentId?: string; path?: string; index?: boolean; hasAction: boolean; hasLoader: boolean };

/** The routes of the production build (public/build/manifest-*.js), with their full URL patterns. */
function routesFromManifest() {
  const dir = path.resolve("public/build");
  const file = fs.readdirSync(dir).find((f) => /^manifest-[A-Z0-9]+\.js$/i.test(f));
  if (!file) throw new Error("no route manifest in public/build: run `npm run build` first");
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  const manifest = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as { routes: Record<string, ManifestRoute> };
  const full = (r: ManifestRoute): string => {
    const parent = r.parentId ? manifest.routes[r.parentId] : undefined;
    const own = r.path ?? "";
    const base = parent ? full(parent) : "";
    return own ? `${base.replace(/\/$/, "")}/${own}` : base || "/";
  };
  return Object.values(manifest.routes)
    .filter((r) => r.id !== "root" && (r.hasAction || r.hasLoader) && r.path !== "*")
    .map((r) => ({ ...r, pattern: full(r).replace(/\/+/g, "/") || "/", source: routeSource(r.id) }));
}

/** The route's source file, to read its form field names and intents (flat files or folders with route.tsx). */
function routeSource(id: string) {
  for (const candidate of [`app/${id}.tsx`, `app/${id}.ts`, `app/${id}/route.tsx`, `app/${id}/route.ts`]) {
    if (fs.existsSync(candidate)) return fs.readFileSync(candidate, "utf8");
  }
  return "";
}

function fieldsOf(source: string) {
  const names = new Set<string>();
  for (const m of source.matchAll(/name="([\w.$-]+)"/g)) names.add(m[1]);
  for (const m of source.matchAll(/\.get(?:All)?\("([\w.$-]+)"\)/g)) names.add(m[1]);
  for (const m of source.matchAll(/name=\{`([\w.$-]+)\.\$\{/g)) names.add(`${m[1]}.x`);
  return [...names];
}

function intentsOf(source: string) {
  const intents = new Set<string>([""]);
  for (const m of source.matchAll(/name="intent" value="(\w+)"/g)) intents.add(m[1]);
  for (const m of source.matchAll(/intent === "(\w+)"/g)) intents.add(m[1]);
  for (const m of source.matchAll(/case "(\w+)":/g)) intents.add(m[1]);
  return [...intents];
}

const BAD = [
  "\u0000", "a\u0000b", "x".repeat(6000), "2026-13-45", "0000-01-01", "9999-12-31", "2026-02-30T25:61", "99999999999", "4294967296",
  "-1", "1e400", "NaN", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "☃".repeat(40), "../../etc/passwd", " ", "",
];
const BAD_IDS = ["%00", "x%00y", "'", "a".repeat(300), "%E0%A4%A"];
const QUERIES = ["?q=%00", "?from=2026-13-45&to=9999-12-31", "?from=0000-01-01&page=-1", "?page=99999999999999999999&sort=nope&status=NOPE&verdict=%00", "?campaign=%00&job=%00&status=%00"];

test("no malformed request to any route, as any role, gets a 5xx", async ({ playwright, baseURL }) => {
  test.setTimeout(120_000);
  const started = Date.now();
  const w = await createAgencyWithClient();
  const ag = await createActiveCampaignWithAgreement(w);
  const logged = await logMeeting(w.sdr, w.campaign.id, {
    personaVersionId: ag.personaVersion.id, prospectName: "Fuzz Target", prospectEmail: "fuzz.target@prospect.test", prospectCompany: "Fuzz SA",
    scheduledAt: new Date(Date.now() + 3 * 86400_000), timeZone: "Europe/Paris", durationMinutes: 30, channel: "VIDEO",
    checks: ag.criteria.map((c) => ({ criterionId: c.id, met: true })),
  });
  if (!logged.ok) throw new Error("meeting not logged");
  const { token: inviteToken } = await createInvitation(w.am, { email: "fuzz.invitee@acme.test", role: "CLIENT_MEMBER", clientCompanyId: w.client.id, locale: "en" }, baseURL!);
  await requestPasswordReset(w.clientMember.email, "en", baseURL!);
  const resetToken = /\/reset-password\/([A-Za-z0-9_-]+)/.exec((await prisma.emailOutbox.findFirstOrThrow({ where: { to: w.clientMember.email, template: "password-reset" } })).text)![1];
  const calendarToken = await resetCalendarFeed(w.am);
  const email = await prisma.emailOutbox.findFirstOrThrow({ where: { agencyId: w.agency.id } });
  const real: Record<string, string> = {
    campaignId: w.campaign.id, meetingId: logged.meetingId, personaId: ag.persona.id, clientId: w.client.id, emailId: email.id,
  };
  const tokenFor = (pattern: string) => (pattern.startsWith("/calendar") ? `${calendarToken}.ics` : pattern.startsWith("/reset-password") ? resetToken : inviteToken);
  const fill = (pattern: string, bad?: string) => pattern.replace(/:(\w+)/g, (_, name: string) => bad ?? (name === "token" ? tokenFor(pattern) : real[name] ?? "unknown-id"));

  const cookies: Record<string, string | undefined> = { signedOut: undefined };
  for (const role of ["admin", "am", "sdr", "clientAdmin", "clientMember"] as const) cookies[role] = await sessionCookieHeader(w[role]);

  const routes = routesFromManifest();
  expect(routes.length).toBeGreaterThan(25);
  const failures: string[] = [];
  let sent = 0;
  type Job = (api: APIRequestContext) => Promise<void>;
  const jobs: Job[] = [];
  const check = (what: string, status: number) => {
    sent++;
    if (status >= 500) failures.push(`${status} ${what}`);
  };
  const guard = async (what: string, work: () => Promise<number>) => {
    try {
      check(what, await work());
    } catch (e) {
      sent++;
      failures.push(`connection failed: ${what}: ${(e as Error).message.split("\n")[0]}`);
    }
  };

  const roles = Object.entries(cookies);
  roles.forEach(([role, cookie], roleIndex) => {
    const headers: Record<string, string> = { origin: baseURL!, ...(cookie ? { cookie } : {}) };
    routes.forEach((r, routeIndex) => {
      // Rotating through the variants keeps the run bounded while every role meets every kind of input.
      const turn = roleIndex + routeIndex;
      const readsQuery = /searchParams|filterFromUrl|url\.search/.test(r.source);
      const data = `_data=${encodeURIComponent(r.id)}`;
      const join = (url: string, q: string) => (url.includes("?") ? `${url}&${q.replace(/^\?/, "")}` : `${url}${q}`);
      const index = r.index ? "?index" : "";
      if (r.hasLoader) {
        const queries = readsQuery ? QUERIES : [QUERIES[turn % QUERIES.length]];
        queries.forEach((q, i) => {
          const url = join(fill(r.pattern) + index, q);
          const target = (turn + i) % 2 ? join(url, data) : url;
          jobs.push((api) => guard(`GET ${target} as ${role}`, async () => (await api.get(target, { headers, maxRedirects: 0 })).status()));
        });
        if (/:\w+/.test(r.pattern)) {
          for (const bad of [BAD_IDS[turn % BAD_IDS.length], BAD_IDS[(turn + 2) % BAD_IDS.length]]) {
            const url = fill(r.pattern, bad) + index;
            jobs.push((api) => guard(`GET ${url} as ${role}`, async () => (await api.get(url, { headers, maxRedirects: 0 })).status()));
          }
        }
      }
      if (r.hasAction) {
        const fields = fieldsOf(r.source);
        const target = fill(r.pattern) + index;
        intentsOf(r.source).forEach((intent, i) => {
          const form: Record<string, string> = intent ? { intent } : {};
          fields.forEach((f, j) => {
            if (f !== "intent") form[f] = BAD[(i + j) % BAD.length];
          });
          form.revision = "4294967296";
          jobs.push((api) => guard(`POST ${target} intent=${intent} as ${role}`, async () => (await api.post(target, { headers, form, maxRedirects: 0 })).status()));
        });
        if (/:\w+/.test(r.pattern)) {
          const url = fill(r.pattern, BAD_IDS[0]) + index;
          jobs.push((api) => guard(`POST ${url} as ${role}`, async () => (await api.post(url, { headers, form: { intent: "x" }, maxRedirects: 0 })).status()));
        }
        const raw: [string, string, string | Buffer][] = [
          ["application/json", "json", '{"intent":"comment","body":"\\u0000"}'],
          ["text/plain", "text", "\u0000\u0001garbage"],
          ["multipart/form-data", "multipart without boundary", "--x\r\ncontent-disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--"],
          ["multipart/form-data; boundary=XyZ", "truncated multipart", "--XyZ\r\nContent-Disposition: form-data; name=\"intent\"\r\n\r\ncomm"],
          ["multipart/form-data; boundary=XyZ", "file name with = and ;", Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="leads=2026;Q1.csv"\r\nContent-Type: text/csv\r\n\r\nname,email,company,date\r\nA,a@x.test,X,2030-01-01 10:00\r\n--XyZ--\r\n')],
          ["application/x-www-form-urlencoded", "broken percent-encoding", "intent=%E0%A4%A&body=%"],
        ];
        for (const [k, [type, what, body]] of raw.entries()) {
          if ((k + turn) % roles.length !== 0 && role !== "admin") continue;
          jobs.push((api) => guard(`POST ${target} (${what}) as ${role}`, async () => (await api.post(target, { headers: { ...headers, "content-type": type }, data: body, maxRedirects: 0 })).status()));
        }
      }
    });
  });

  // A few parallel clients, like the browsers of a small team.
  const apis = await Promise.all(Array.from({ length: 4 }, () => playwright.request.newContext({ baseURL })));
  let next = 0;
  await Promise.all(apis.map(async (api) => {
    while (next < jobs.length) await jobs[next++](api);
  }));
  await Promise.all(apis.map((a) => a.dispose()));
  const seconds = (Date.now() - started) / 1000;
  console.log(`fuzz: ${sent} requests over ${routes.length} routes in ${seconds.toFixed(1)} s`);
  if (process.env.FUZZ_REPORT) fs.writeFileSync(process.env.FUZZ_REPORT, failures.join("\n"));
  expect(failures.slice(0, 40), `${failures.length} of ${sent} requests failed`).toEqual([]);
  expect(sent).toBeGreaterThan(500);
});
