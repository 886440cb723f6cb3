// Calendar invitations: booking, rescheduling and cancelling a meeting write an email with an .ics to its client
// attendee (and the prospect when the campaign says so), delivered through the real Resend SDK to the local fake; the
// same UID with a rising SEQUENCE, so the attendee's calendar updates one event. And the calendar page's links.
import { prisma } from "~/utils/db.server";
import { deliverEmail } from "~/services/email.server";
import { logMeeting } from "~/models/meetings/logging.server";
import { changeMeetingStatus } from "~/models/meetings/attendance.server";
import { updateCampaign } from "~/models/campaign.server";
import { zonedToUtc } from "~/domain/shared/timezone";
import { action as calendarAction, loader as calendarPageLoader } from "~/routes/_app+/calendar";
import { loader as feedLoader } from "~/routes/_resources+/calendar.$token";
import { createSession, sessionCookie, type Actor } from "~/utils/auth.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient, createMember, type AgencyWorld } from "../factories";
import { startFakeResend, type FakeResend } from "../fakes/resend";
import { useEnv } from "./helpers";

const setEnv = useEnv();
let fake: FakeResend;
let w: AgencyWorld;
let a: Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;
let attendee: Actor;

beforeAll(async () => {
  fake = await startFakeResend();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  fake.reset();
  setEnv({ RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: fake.url });
  w = await createAgencyWithClient();
  a = await createActiveCampaignWithAgreement(w);
  attendee = await createMember(w.agency.id, "CLIENT_MEMBER", { clientCompanyId: w.client.id, locale: "fr", name: "Claire Martin" });
});

const at = (local: string) => zonedToUtc(local, "Europe/Paris")!;
const nextYear = new Date().getUTCFullYear() + 1;

async function book(over: Partial<Parameters<typeof logMeeting>[2]> = {}) {
  const r = await logMeeting(w.am, w.campaign.id, {
    personaVersionId: a.personaVersion.id,
    sdrId: w.sdr.userId,
    prospectName: "Sophie Laurent",
    prospectEmail: "sophie@morel.test",
    prospectCompany: "Transports Morel",
    prospectCountry: "FR",
    scheduledAt: at(`${nextYear}-01-12T10:00`),
    timeZone: "Europe/Paris",
    durationMinutes: 45,
    channel: "VIDEO",
    clientAttendeeId: attendee.userId,
    checks: a.criteria.map((c) => ({ criterionId: c.id, met: true })),
    ...over,
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.meetingId;
}

const invitations = (to: string) =>
  prisma.emailOutbox.findMany({ where: { template: "meeting-invitation", to }, orderBy: { createdAt: "asc" }, include: { attachments: true } });
type Stored = { filename: string; contentType: string; content: Uint8Array };
const icsOf = (row: { attachments: Stored[] }) => Buffer.from(row.attachments[0].content).toString("utf8").replace(/\r\n[ \t]/g, "");
const line = (ics: string, name: string) => ics.split("\r\n").find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

describe("calendar invitations", () => {
  it("booking, rescheduling and cancelling send the attendee REQUEST, REQUEST, CANCEL for one UID with a rising SEQUENCE", async () => {
    const id = await book();
    let rows = await invitations(attendee.email);
    expect(rows).toHaveLength(1);
    const booked = icsOf(rows[0]);
    expect(line(booked, "METHOD")).toBe("METHOD:REQUEST");
    expect(line(booked, "UID")).toBe(`UID:${id}@rendezvous`);
    expect(line(booked, "DTSTART")).toBe(`DTSTART:${nextYear}0112T090000Z`);
    // In the attendee's language, never the enum.
    expect(line(booked, "SUMMARY")).toBe("SUMMARY:Rendez-vous\u202f: Sophie Laurent (Transports Morel)");
    expect(booked).toContain("Visioconférence");
    expect(booked).not.toContain("VIDEO");
    expect(rows[0].subject).toBe("Invitation\u202f: Rendez-vous\u202f: Sophie Laurent (Transports Morel)");
    expect(rows[0].locale).toBe("fr");
    const seq1 = Number(line(booked, "SEQUENCE")!.split(":")[1]);

    await changeMeetingStatus(w.am, id, "RESCHEDULE", { newTime: at(`${nextYear}-01-14T15:30`), newTimeZone: "Europe/Paris" });
    rows = await invitations(attendee.email);
    expect(rows).toHaveLength(2);
    const moved = icsOf(rows[1]);
    expect(line(moved, "METHOD")).toBe("METHOD:REQUEST");
    expect(line(moved, "UID")).toBe(`UID:${id}@rendezvous`);
    expect(line(moved, "DTSTART")).toBe(`DTSTART:${nextYear}0114T143000Z`);
    const seq2 = Number(line(moved, "SEQUENCE")!.split(":")[1]);
    expect(seq2).toBeGreaterThan(seq1);
    expect(rows[1].subject).toMatch(/^Nouvel horaire/);

    await changeMeetingStatus(w.am, id, "CANCELLED");
    rows = await invitations(attendee.email);
    expect(rows).toHaveLength(3);
    const cancelled = icsOf(rows[2]);
    expect(line(cancelled, "METHOD")).toBe("METHOD:CANCEL");
    expect(line(cancelled, "STATUS")).toBe("STATUS:CANCELLED");
    expect(line(cancelled, "UID")).toBe(`UID:${id}@rendezvous`);
    expect(Number(line(cancelled, "SEQUENCE")!.split(":")[1])).toBeGreaterThan(seq2);
    expect(rows[2].attachments[0].contentType).toContain("method=CANCEL");
  });

  it("the invitation reaches Resend with its .ics attached", async () => {
    await book();
    const [row] = await invitations(attendee.email);
    expect(await deliverEmail(row.id)).toBe("sent");
    const [req] = fake.delivered();
    const body = req.body as { to: string[] | string; attachments: { filename: string; content: string; content_type: string }[] };
    expect(body.attachments).toHaveLength(1);
    expect(body.attachments[0].filename).toBe("invite.ics");
    expect(body.attachments[0].content_type).toContain("text/calendar");
    expect(Buffer.from(body.attachments[0].content, "base64").toString("utf8")).toContain("METHOD:REQUEST");
  });

  it("the prospect is invited only when the campaign says so, without a link into the portal", async () => {
    await book();
    expect(await invitations("sophie@morel.test")).toHaveLength(0);
    await updateCampaign(w.am, w.campaign.id, { name: w.campaign.name, invitesProspect: true });
    const id = await book({ prospectEmail: "marc@morel.test", prospectName: "Marc Roux", scheduledAt: at(`${nextYear}-01-20T11:00`) });
    const [row] = await invitations("marc@morel.test");
    expect(row.locale).toBe("fr");
    const ics = icsOf(row);
    expect(line(ics, "UID")).toBe(`UID:${id}@rendezvous`);
    expect(line(ics, "SUMMARY")).toBe(`SUMMARY:Rendez-vous avec ${w.client.name.replace(/[,;]/g, (c) => `\\${c}`)}`);
    expect(ics).not.toContain("/campaigns/");
    expect(row.html).not.toContain("/campaigns/");
    // Both are attendees of the one event.
    expect(ics).toContain("MAILTO:marc@morel.test");
    expect(ics).toContain(`MAILTO:${attendee.email}`);
  });

  it("no attendee and no prospect invitation, or a meeting already over: no invitation", async () => {
    await book({ clientAttendeeId: undefined });
    await book({ prospectEmail: "past@morel.test", scheduledAt: new Date(Date.now() - 100 * 60_000) });
    expect(await prisma.emailOutbox.count({ where: { template: "meeting-invitation" } })).toBe(0);
  });
});

async function req(actor: Actor, method: "GET" | "POST", body?: Record<string, string>) {
  const s = await createSession(actor.userId);
  return new Request("http://test/calendar", { method, body: body ? new URLSearchParams(body) : undefined, headers: { Cookie: await sessionCookie.serialize(s.id) } });
}

describe("calendar page", () => {
  it("shows the same links again after creating them, one per campaign; a reset revokes them all", async () => {
    type Page = { exists: boolean; all: { url: string } | null; campaigns: { id: string; name: string; url: string | null }[] };
    const page0 = (await (await calendarPageLoader({ request: await req(attendee, "GET"), params: {}, context: {} })).json()) as Page;
    expect(page0.exists).toBe(false);
    expect(page0.all).toBeNull();
    const created = (await calendarAction({ request: await req(attendee, "POST", { intent: "create" }), params: {}, context: {} })) as Response;
    expect(created.status).toBe(302);
    const page1 = (await (await calendarPageLoader({ request: await req(attendee, "GET"), params: {}, context: {} })).json()) as Page;
    const page1again = (await (await calendarPageLoader({ request: await req(attendee, "GET"), params: {}, context: {} })).json()) as Page;
    expect(page1.all!.url).toMatch(/\/calendar\/[A-Za-z0-9_-]{40,}\.ics$/);
    expect(page1again.all!.url).toBe(page1.all!.url);
    const campaignFeed = page1.campaigns.find((c) => c.id === w.campaign.id)!;
    expect(campaignFeed.url).toBe(`${page1.all!.url}?campaign=${w.campaign.id}`);

    await book();
    const feedOf = async (url: string) => {
      const u = new URL(url);
      const token = u.pathname.split("/").pop()!;
      return feedLoader({ request: new Request(`http://test${u.pathname}${u.search}`), params: { token }, context: {} });
    };
    const all = (await ((await feedOf(page1.all!.url)) as Response).text()).replace(/\r\n[ \t]/g, "");
    expect(all).toContain("SUMMARY:Rendez-vous\u202f: Sophie Laurent (Transports Morel)");
    expect(all).toContain(`X-WR-CALNAME:Rendezvous · ${w.client.name.replace(/[,;]/g, (c) => `\\${c}`)}`);
    const one = (await ((await feedOf(campaignFeed.url!)) as Response).text()).replace(/\r\n[ \t]/g, "");
    expect(one).toContain(`X-WR-CALNAME:${w.campaign.name.replace(/[,;]/g, (c) => `\\${c}`)}`);
    // Another tenant's campaign through one's own link: not found.
    const other = await createAgencyWithClient();
    await expect(feedOf(`${page1.all!.url}?campaign=${other.campaign.id}`)).rejects.toMatchObject({ status: 404 });

    await calendarAction({ request: await req(attendee, "POST", { intent: "reset" }), params: {}, context: {} });
    await expect(feedOf(page1.all!.url)).rejects.toMatchObject({ status: 404 });
    const page2 = (await (await calendarPageLoader({ request: await req(attendee, "GET"), params: {}, context: {} })).json()) as Page;
    expect(page2.all!.url).not.toBe(page1.all!.url);
  });

  it("refuses an unknown intent", async () => {
    const r = (await calendarAction({ request: await req(attendee, "POST", { intent: "nope" }), params: {}, context: {} })) as Response;
    expect(r.status).toBe(400);
  });
});
