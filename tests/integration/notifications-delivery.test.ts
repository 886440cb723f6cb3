// Notifications reaching people: preferences (only what differs from the role's default is kept), the signed
// one-click unsubscribe (single kind, no sign-in, never a security email), the daily digest (local hour, grouped per
// campaign, once per user and day even with two workers), and delivery through a provider outage (each email once,
// in order of creation per recipient, failures visible on the Emails page meanwhile).
import { prisma } from "~/utils/db.server";
import { createAgencyWithClient, createActiveCampaignWithAgreement } from "../factories";
import { logMeeting } from "~/models/meetings/logging.server";
import { myPreferences, saveMyPreferences } from "~/models/notifications/preferences.server";
import { readUnsubscribeToken, unsubscribeToken } from "~/utils/unsubscribe.server";
import { action as unsubscribeAction, loader as unsubscribeLoader } from "~/routes/_resources+/unsubscribe.$token";
import { runDigests, sendDigest } from "~/models/notifications/digest.server";
import { deliverEmail, sendEmail } from "~/services/email.server";
import { listOutbox } from "~/models/email.server";
import { templates } from "../../emails";
import { startFakeResend, type FakeResend } from "../fakes/resend";
import { useEnv } from "./helpers";

type World = Awaited<ReturnType<typeof createAgencyWithClient>>;
let w: World;
let a: Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;
beforeEach(async () => {
  w = await createAgencyWithClient();
  a = await createActiveCampaignWithAgreement(w);
  await prisma.notification.deleteMany();
});

function input(n: number) {
  return {
    personaVersionId: a.personaVersion.id,
    prospectName: `Prospect ${n}`,
    prospectTitle: "CFO",
    prospectEmail: `p${n}.${Math.random().toString(36).slice(2)}@morel.test`,
    prospectCompany: `Company ${n}`,
    scheduledAt: new Date(Date.now() + 48 * 3600_000),
    timeZone: "Europe/Paris",
    durationMinutes: 45,
    channel: "VIDEO" as const,
    checks: a.criteria.map((c) => ({ criterionId: c.id, met: true })),
  };
}

describe("preferences and unsubscribe", () => {
  it("keeps only the choices that differ from the role's default, for the kinds the role receives", async () => {
    await saveMyPreferences(w.clientAdmin, { MEETING_BOOKED: "EMAIL", INVOICE_ISSUED: "EMAIL", DISPUTE_OPENED: "EMAIL" }, 9);
    const rows = await prisma.notificationPreference.findMany({ where: { userId: w.clientAdmin.userId } });
    expect(rows.map((r) => [r.kind, r.channel])).toEqual([["MEETING_BOOKED", "EMAIL"]]);
    const mine = await myPreferences(w.clientAdmin);
    expect(mine.digestHour).toBe(9);
    expect(mine.kinds.find((k) => k.kind === "MEETING_BOOKED")).toEqual({ kind: "MEETING_BOOKED", channel: "EMAIL", isDefault: false });
    expect(mine.kinds.map((k) => k.kind)).not.toContain("DISPUTE_OPENED");
    // Back to the default: the row goes.
    await saveMyPreferences(w.clientAdmin, { MEETING_BOOKED: "DIGEST" }, 8);
    expect(await prisma.notificationPreference.count({ where: { userId: w.clientAdmin.userId } })).toBe(0);
  });

  it("unsubscribes one user from one kind through a signed link, without signing in; a tampered link does nothing", async () => {
    await saveMyPreferences(w.clientAdmin, { MEETING_BOOKED: "EMAIL" }, 8);
    expect((await logMeeting(w.sdr, w.campaign.id, input(1))).ok).toBe(true);
    const email = await prisma.emailOutbox.findFirstOrThrow({ where: { template: "meeting-booked", to: w.clientAdmin.email } });
    const link = String((email.headers as Record<string, string>)["List-Unsubscribe"]).slice(1, -1);
    const token = decodeURIComponent(link.split("/unsubscribe/")[1]);
    expect(readUnsubscribeToken(token)).toEqual({ userId: w.clientAdmin.userId, kind: "MEETING_BOOKED" });
    expect(token).toBe(unsubscribeToken(w.clientAdmin.userId, "MEETING_BOOKED"));

    // Another kind with the same signature, another user, garbage: refused.
    const [uid, , sig] = token.split(".");
    for (const bad of [`${uid}.INVOICE_ISSUED.${sig}`, `${w.clientMember.userId}.MEETING_BOOKED.${sig}`, "x", `${uid}.MEETING_BOOKED.`]) {
      const res = (await unsubscribeAction({ request: new Request(`http://localhost/unsubscribe/${bad}`, { method: "POST" }), params: { token: bad }, context: {} })) as Response;
      expect(res.status).toBe(404);
    }
    // A GET (a mail scanner opening the link) changes nothing.
    await unsubscribeLoader({ request: new Request(link), params: { token }, context: {} });
    expect((await myPreferences(w.clientAdmin)).kinds.find((k) => k.kind === "MEETING_BOOKED")?.channel).toBe("EMAIL");

    // The mail client's one-click POST, with no cookie.
    const res = (await unsubscribeAction({
      request: new Request(link, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }),
      params: { token },
      context: {},
    })) as Response;
    expect(res.status).toBe(200);
    const prefs = await prisma.notificationPreference.findMany({ where: { userId: w.clientAdmin.userId }, select: { kind: true, channel: true } });
    expect(prefs).toEqual([{ kind: "MEETING_BOOKED", channel: "IN_APP" }]);

    // The next meeting reaches the inbox only; other kinds still by email.
    expect((await logMeeting(w.sdr, w.campaign.id, input(2))).ok).toBe(true);
    expect(await prisma.emailOutbox.count({ where: { template: "meeting-booked", to: w.clientAdmin.email } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: w.clientAdmin.userId, kind: "MEETING_BOOKED" } })).toBe(2);
    expect((await myPreferences(w.clientAdmin)).kinds.find((k) => k.kind === "DISPUTE_WINDOW_CLOSING")?.channel).toBe("EMAIL");
  });

  it("never puts preferences or unsubscribe on a security email", async () => {
    const row = await prisma.$transaction((tx) =>
      sendEmail(tx, { to: "claire@acme.test", template: "password-reset", locale: "en", props: { locale: "en", email: "claire@acme.test", agency: "A", url: "http://localhost/reset-password/abc" } }),
    );
    const email = await prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(email.headers).toBeNull();
    expect(email.html).not.toContain("/unsubscribe/");
    expect(email.html).not.toContain("/profile#notifications");
  });
});

describe("daily digest", () => {
  async function note(userId: string, title: string, campaignId: string | null, createdAt: Date, kind: "MEETING_BOOKED" | "INVOICE_ISSUED" = "MEETING_BOOKED") {
    await prisma.notification.create({
      data: { agencyId: w.agency.id, userId, kind, channel: "DIGEST", locale: "en", title, href: "/home", campaignId, createdAt },
    });
  }

  it("goes at the user's local hour, groups per campaign, once per local day, only when there is something", async () => {
    await prisma.user.update({ where: { id: w.clientAdmin.userId }, data: { timeZone: "America/New_York", digestHour: 8, locale: "en" } });
    const day = (iso: string) => new Date(iso);
    await note(w.clientAdmin.userId, "Meeting booked with Ann", w.campaign.id, day("2026-06-09T20:00:00Z"));
    await note(w.clientAdmin.userId, "Meeting booked with Bob", w.campaign.id, day("2026-06-09T21:00:00Z"));
    await note(w.clientAdmin.userId, "Invoice INV-1 issued", null, day("2026-06-09T22:00:00Z"), "INVOICE_ISSUED");
    // An in-app one never goes in a digest.
    await prisma.notification.create({ data: { agencyId: w.agency.id, userId: w.clientAdmin.userId, kind: "MEETING_BOOKED", channel: "IN_APP", locale: "en", title: "In-app only", href: "/home", createdAt: day("2026-06-09T22:00:00Z") } });

    expect(await runDigests(day("2026-06-10T11:30:00Z"))).toMatchObject({ sent: 0 }); // 07:30 in New York
    expect(await runDigests(day("2026-06-10T12:10:00Z"))).toMatchObject({ sent: 1 }); // 08:10
    const digests = await prisma.emailOutbox.findMany({ where: { template: "notification-digest" } });
    expect(digests).toHaveLength(1);
    expect(digests[0].to).toBe(w.clientAdmin.email);
    const text = digests[0].text.toUpperCase(); // the plain text shows headings in capitals
    expect(text).toContain(w.campaign.name.toUpperCase());
    expect(text.indexOf(w.campaign.name.toUpperCase())).toBeLessThan(text.indexOf("MEETING BOOKED WITH ANN"));
    expect(text.indexOf("MEETING BOOKED WITH ANN")).toBeLessThan(text.indexOf("MEETING BOOKED WITH BOB"));
    expect(text.indexOf("MEETING BOOKED WITH BOB")).toBeLessThan(text.indexOf("OTHER"));
    expect(text.indexOf("OTHER")).toBeLessThan(text.indexOf("INVOICE INV-1 ISSUED"));
    expect(text).not.toContain("IN-APP ONLY");
    expect(digests[0].html).toContain("/profile#notifications");
    expect(await prisma.notification.count({ where: { channel: "DIGEST", digestedAt: null } })).toBe(0);

    // Something new the same day waits for tomorrow's digest.
    await note(w.clientAdmin.userId, "Meeting booked with Cid", w.campaign.id, day("2026-06-10T13:00:00Z"));
    expect(await runDigests(day("2026-06-10T15:00:00Z"))).toMatchObject({ sent: 0 });
    expect(await runDigests(day("2026-06-11T12:05:00Z"))).toMatchObject({ sent: 1 });
    // Nothing to say: no digest.
    expect(await runDigests(day("2026-06-12T12:05:00Z"))).toMatchObject({ due: 0, sent: 0 });
    expect(await prisma.emailOutbox.count({ where: { template: "notification-digest" } })).toBe(2);
  });

  it("is written in the language the user reads in when it goes, also for what was written in another", async () => {
    // A meeting booked while she read in French (the client admin's default for it: the digest)...
    await prisma.user.update({ where: { id: w.clientAdmin.userId }, data: { timeZone: "Europe/Paris", digestHour: 8, locale: "fr" } });
    expect((await logMeeting(w.sdr, w.campaign.id, input(7))).ok).toBe(true);
    const n = await prisma.notification.findFirstOrThrow({ where: { userId: w.clientAdmin.userId, kind: "MEETING_BOOKED" } });
    expect(n).toMatchObject({ channel: "DIGEST", locale: "fr", title: "Rendez-vous pris avec Prospect 7 (Company 7)" });
    // ...and the digest after she switched to English: all of it in English.
    await prisma.user.update({ where: { id: w.clientAdmin.userId }, data: { locale: "en" } });
    const at = new Date(Date.now() + 26 * 3600_000);
    at.setUTCHours(12, 0, 0, 0);
    expect(await runDigests(at)).toMatchObject({ sent: expect.any(Number) });
    const digest = await prisma.emailOutbox.findFirstOrThrow({ where: { template: "notification-digest", to: w.clientAdmin.email } });
    expect(digest.locale).toBe("en");
    expect(digest.text).toContain("Meeting booked with Prospect 7 (Company 7)");
    expect(digest.text).not.toContain("Rendez-vous pris");
    expect(digest.html).toContain('lang="en"');
  });

  it("two workers at once send one digest per user per day", async () => {
    const now = new Date("2026-06-10T10:00:00Z"); // 12:00 in Paris
    for (const u of [w.clientAdmin, w.clientMember, w.am]) {
      await prisma.user.update({ where: { id: u.userId }, data: { timeZone: "Europe/Paris", digestHour: 8 } });
      for (let i = 0; i < 3; i++) await note(u.userId, `Note ${i}`, w.campaign.id, new Date("2026-06-10T06:00:00Z"));
    }
    const results = await Promise.all([runDigests(now), runDigests(now), sendDigest(w.clientAdmin.userId, "2026-06-10", now)]);
    const sent = results.reduce<number>((s, r) => s + (typeof r === "boolean" ? Number(r) : r.sent), 0);
    expect(sent).toBe(3);
    const digests = await prisma.emailOutbox.findMany({ where: { template: "notification-digest" }, select: { to: true } });
    expect(digests.map((d) => d.to).sort()).toEqual([w.clientAdmin.email, w.clientMember.email, w.am.email].sort());
    expect(await prisma.digestRun.count()).toBe(3);
    expect(await prisma.notification.count({ where: { digestedAt: null } })).toBe(0);
  });
});

describe("delivery through a provider outage", () => {
  const setEnv = useEnv();
  let fake: FakeResend;
  beforeAll(async () => {
    fake = await startFakeResend();
  });
  afterAll(async () => {
    await fake.close();
  });

  it("a digest reaches Resend with List-Unsubscribe and List-Unsubscribe-Post; its one-click POST stops the digest only", async () => {
    setEnv({ RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: fake.url });
    fake.reset();
    await prisma.user.update({ where: { id: w.clientAdmin.userId }, data: { timeZone: "Europe/Paris", digestHour: 8 } });
    await prisma.notification.create({ data: { agencyId: w.agency.id, userId: w.clientAdmin.userId, kind: "MEETING_BOOKED", channel: "DIGEST", locale: "en", title: "Meeting booked with Ann", href: "/home", campaignId: w.campaign.id, createdAt: new Date("2026-06-10T05:00:00Z") } });
    expect(await runDigests(new Date("2026-06-10T10:00:00Z"))).toMatchObject({ sent: 1 });
    const row = await prisma.emailOutbox.findFirstOrThrow({ where: { template: "notification-digest" } });
    expect(await deliverEmail(row.id)).toBe("sent");
    const [sent] = fake.delivered();
    const headers = (sent.body as { headers: Record<string, string> }).headers;
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const link = headers["List-Unsubscribe"].slice(1, -1);
    const token = decodeURIComponent(link.split("/unsubscribe/")[1]);
    expect(readUnsubscribeToken(token)).toEqual({ userId: w.clientAdmin.userId, kind: "DIGEST" });
    expect((sent.body as { html: string }).html).toContain(link.replaceAll("&", "&amp;"));
    const res = (await unsubscribeAction({
      request: new Request(link, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }),
      params: { token },
      context: {},
    })) as Response;
    expect(res.status).toBe(200);
    const kinds = Object.fromEntries((await myPreferences(w.clientAdmin)).kinds.map((k) => [k.kind, k.channel]));
    expect(kinds.MEETING_BOOKED).toBe("IN_APP"); // was the digest
    expect(kinds.DISPUTE_WINDOW_CLOSING).toBe("EMAIL"); // by email at once: untouched
    expect(Object.values(kinds)).not.toContain("DIGEST");
  });

  it("delivers 100 emails (immediate and digests) exactly once, in order of creation per recipient; the Emails page shows the failures meanwhile", async () => {
    setEnv({ RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: fake.url, EMAIL_RETRY_LIMIT: "20" });
    fake.reset();
    const recipients = Array.from({ length: 10 }, (_, i) => `r${i}@client.test`);
    const ids: string[] = [];
    const booked = templates["meeting-booked"].component.PreviewProps!;
    const digest = templates["notification-digest"].component.PreviewProps!;
    for (let k = 0; k < 10; k++) {
      await prisma.$transaction(async (tx) => {
        for (const to of recipients) {
          const row = k % 3 === 2
            ? await sendEmail(tx, { to, template: "notification-digest", locale: "en", agencyId: w.agency.id, props: { ...digest, locale: "en" } })
            : await sendEmail(tx, { to, template: "meeting-booked", locale: "en", agencyId: w.agency.id, props: { ...booked, locale: "en" } });
          ids.push(row.id);
        }
      });
    }
    const shuffled = () => [...ids].sort(() => Math.random() - 0.5);

    // The outage: every attempt fails (the jobs throw and would be retried with backoff).
    fake.failNext(1_000_000);
    let thrown = 0;
    for (const id of shuffled()) await deliverEmail(id).catch(() => (thrown += 1));
    expect(thrown).toBe(100);
    expect(fake.delivered()).toHaveLength(0);
    const page = await listOutbox(w.admin, { status: "PENDING" });
    expect(page.total).toBe(100);
    const failing = [...page.rows, ...(await listOutbox(w.admin, { status: "PENDING", page: 2 })).rows].filter((r) => r.lastError?.includes("The fake was told to fail."));
    // The oldest email of each recipient was tried (the newer ones wait behind it), and says why it is not delivered.
    expect(failing.length).toBeGreaterThanOrEqual(10);

    // The provider is back; retries come in any order, some twice.
    fake.failNext(0);
    for (const id of [...shuffled(), ...shuffled().slice(0, 30)]) await deliverEmail(id);
    const rows = await prisma.emailOutbox.findMany({ where: { id: { in: ids } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(rows.every((r) => r.status === "SENT")).toBe(true);
    const delivered = fake.delivered();
    expect(delivered).toHaveLength(100);
    expect(new Set(delivered.map((r) => r.idempotencyKey)).size).toBe(100);
    for (const to of recipients) {
      const sentOrder = delivered.filter((r) => (r.body as { to: string[] | string }).to.toString() === to).map((r) => r.idempotencyKey);
      expect(sentOrder).toEqual(rows.filter((r) => r.to === to).map((r) => `outbox-${r.id}`));
    }
  }, 120_000);
});
