// Finding 1 of issue 8, kept as a test: a page on another port of the same host (same-site, so the SameSite=Lax
// session cookie goes along) makes a signed-in user's Chromium post to the portal. Every such request is refused
// with 403 in server.mjs, before Remix runs an action: `?_data=` fetcher posts, document posts, resource routes.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { logMeeting } from "~/models/meetings/logging.server";
import { createActiveCampaignWithAgreement } from "../factories";
import { expect, prisma, test } from "./fixtures";

function attackerSite(html: string) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end(html);
  });
  return new Promise<{ url: string; close: () => void }>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ url: `http://localhost:${(server.address() as AddressInfo).port}/`, close: () => server.close() })),
  );
}

test("a same-site page cannot make a signed-in browser comment, switch language or create a calendar feed", async ({ page, world, login, baseURL }) => {
  const ag = await createActiveCampaignWithAgreement(world);
  const logged = await logMeeting(world.sdr, world.campaign.id, {
    personaVersionId: ag.personaVersion.id,
    prospectName: "Forged Target",
    prospectEmail: "forged.target@prospect.test",
    prospectCompany: "Forged SA",
    scheduledAt: new Date(Date.now() + 3 * 86400_000),
    timeZone: "Europe/Paris",
    durationMinutes: 30,
    channel: "VIDEO",
    checks: ag.criteria.map((c) => ({ criterionId: c.id, met: true })),
  });
  if (!logged.ok) throw new Error(`meeting not logged: ${JSON.stringify(logged)}`);
  const meetingPath = `/campaigns/${world.campaign.id}/meetings/${logged.meetingId}`;
  const post = (path: string, body: string) =>
    `fetch(${JSON.stringify(baseURL + path)}, { method: "POST", mode: "no-cors", credentials: "include", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: ${JSON.stringify(body)} })`;
  const site = await attackerSite(`<!doctype html><title>cute cats</title><script>
    Promise.allSettled([
      ${post(`${meetingPath}?_data=${encodeURIComponent("routes/_app.campaigns.$campaignId.meetings.$meetingId")}`, "intent=comment&body=FORGED-COMMENT")},
      ${post(`/set-locale?_data=routes%2Fset-locale`, "locale=fr&redirectTo=%2F")},
      ${post(`/calendar?_data=${encodeURIComponent("routes/_app.calendar")}`, "intent=create")},
    ]).then(() => { document.title = "sent"; });
  </script>`);
  const refused: number[] = [];
  page.on("response", (r) => {
    if (r.url().startsWith(baseURL!) && r.request().method() === "POST") refused.push(r.status());
  });
  try {
    await login(world.clientAdmin);
    await page.goto(site.url);
    await expect(page).toHaveTitle("sent");

    // A document post too: a form on the attacker's page, submitted by the browser.
    await page.goto(site.url);
    await page.evaluate((action) => {
      const f = document.createElement("form");
      f.method = "post";
      f.action = action;
      f.innerHTML = '<input name="locale" value="fr"><input name="redirectTo" value="/home">';
      document.body.append(f);
      f.submit();
    }, `${baseURL}/set-locale`);
    await expect(page.getByText(/did not come from a Rendezvous page/)).toBeVisible();
  } finally {
    site.close();
  }

  expect(await prisma.meetingComment.count({ where: { meetingId: logged.meetingId } })).toBe(0);
  expect((await prisma.user.findUniqueOrThrow({ where: { id: world.clientAdmin.userId } })).locale).toBeNull();
  expect(await prisma.calendarFeed.count({ where: { userId: world.clientAdmin.userId } })).toBe(0);

  // The portal's own pages still post: the same comment from the meeting page goes through.
  await page.goto(meetingPath);
  await page.getByRole("textbox", { name: "Comment" }).fill("A genuine comment");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByText("A genuine comment")).toBeVisible();
  expect(await prisma.meetingComment.count({ where: { meetingId: logged.meetingId } })).toBe(1);
});

test("every non-GET request with a foreign Origin or Sec-Fetch-Site is a 403 with a clear body, on every route", async ({ request, baseURL, world, cookieFor }) => {
  const cookie = await cookieFor(world.am);
  const paths = ["/set-locale", "/logout", "/login", "/forgot-password", "/invitations", `/campaigns/${world.campaign.id}/settings`, "/campaigns/new?_data=routes%2F_app.campaigns.new", "/no-such-route"];
  const foreign: Record<string, string>[] = [
    { origin: "http://localhost:8081" },
    { origin: "null" },
    { origin: baseURL!.replace("localhost", "127.0.0.1") },
    { "sec-fetch-site": "same-site" },
    { "sec-fetch-site": "cross-site" },
    { "sec-fetch-site": "same-site", origin: baseURL! },
  ];
  for (const path of paths) {
    for (const headers of foreign) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const r = await request.fetch(path, { method, headers: { ...headers, cookie }, form: { locale: "fr" }, maxRedirects: 0 });
        expect(r.status(), `${method} ${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(await r.text()).toContain("did not come from a Rendezvous page");
        expect(r.headers()["x-frame-options"]).toBe("DENY");
      }
    }
  }
  // Same origin and non-browser clients (no Origin, no Fetch Metadata) reach the route.
  const ok = await request.post("/set-locale", { headers: { origin: baseURL!, "sec-fetch-site": "same-origin", cookie }, form: { locale: "fr" }, maxRedirects: 0 });
  expect(ok.status()).toBe(302);
  const plain = await request.post("/set-locale", { form: { locale: "en" }, maxRedirects: 0 });
  expect(plain.status()).toBe(302);
  // The Bearer-key API and the Stripe webhook carry their own credentials: not refused by the forgery check.
  for (const path of ["/api/v1/meetings", "/webhooks/stripe"]) {
    const r = await request.post(path, { headers: { origin: "https://evil.test", "sec-fetch-site": "cross-site" }, data: "{}" });
    expect(r.status(), path).not.toBe(403);
    expect(r.status(), path).toBeLessThan(500);
  }
});
