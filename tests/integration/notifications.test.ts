// The inbox: a meeting booked reaches each client user's inbox once; the count, opening (marks read, answers the
// link) and mark-all-read are the actor's own, and another user's notification is not found.
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createActiveCampaignWithAgreement, createAgencyWithClient } from "../factories";
import { logMeeting } from "~/models/meetings/logging.server";
import { latestNotifications, markAllRead, openNotification, unreadCount } from "~/models/notifications/inbox.server";

type World = Awaited<ReturnType<typeof createAgencyWithClient>>;
let w: World;
let a: Awaited<ReturnType<typeof createActiveCampaignWithAgreement>>;
beforeEach(async () => {
  w = await createAgencyWithClient();
  a = await createActiveCampaignWithAgreement(w);
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

describe("inbox", () => {
  it("counts, lists, opens and marks read the actor's own notifications only", async () => {
    await prisma.user.update({ where: { id: w.clientAdmin.userId }, data: { locale: "fr" } });
    // The agreement's proposals notified the client users too: start from an empty inbox.
    await prisma.notification.deleteMany();
    for (const n of [1, 2]) expect((await logMeeting(w.sdr, w.campaign.id, input(n))).ok).toBe(true);
    expect(await unreadCount(w.clientAdmin)).toBe(2);
    expect(await unreadCount(w.clientMember)).toBe(2);
    expect(await unreadCount(w.sdr)).toBe(0);
    expect(await unreadCount(w.am)).toBe(0);

    const list = await latestNotifications(w.clientAdmin, "fr");
    expect(list.map((n) => n.title)).toEqual(["Rendez-vous pris avec Prospect 2 (Company 2)", "Rendez-vous pris avec Prospect 1 (Company 1)"]);
    // Written in French for her (the row's own title), shown in English once she reads in English.
    expect((await prisma.notification.findUniqueOrThrow({ where: { id: list[0].id } })).title).toBe("Rendez-vous pris avec Prospect 2 (Company 2)");
    const inEnglish = await latestNotifications(w.clientAdmin, "en");
    expect(inEnglish.map((n) => n.title)).toEqual(["Meeting booked with Prospect 2 (Company 2)", "Meeting booked with Prospect 1 (Company 1)"]);
    expect(inEnglish[0].body).toMatch(/^.+ booked it on .+ for /);
    expect(list[0].body).not.toBe(inEnglish[0].body);
    const memberList = await latestNotifications(w.clientMember, "en");
    expect(memberList[0].title).toMatch(/^Meeting booked with Prospect 2/);

    // Another user's notification is not found, and stays unread.
    expect(await openNotification(w.clientAdmin, memberList[0].id)).toBeNull();
    expect(await unreadCount(w.clientMember)).toBe(2);

    const href = await openNotification(w.clientAdmin, list[0].id);
    expect(href).toMatch(new RegExp(`^/campaigns/${w.campaign.id}/meetings/`));
    expect(await unreadCount(w.clientAdmin)).toBe(1);
    expect(await markAllRead(w.clientAdmin)).toBe(1);
    expect(await unreadCount(w.clientAdmin)).toBe(0);
    expect(await unreadCount(w.clientMember)).toBe(2);

    expect(await latestNotifications(w.clientAdmin, "fr", { kind: "INVOICE_ISSUED" })).toEqual([]);
    expect(await latestNotifications(w.clientAdmin, "fr", { campaignId: w.campaign.id })).toHaveLength(2);
  });
});
