// The agency's Emails page shows the files sent with each email: a report's PDF (the agency attaches it) and a
// calendar invitation's .ics, with their name, type and size on the email's row and page; the agency admin downloads
// the very file that was (or will be) delivered; an AM, who does not read the outbox, cannot.
import { addDays, todayIn } from "~/domain/objectives/dates";
import { zonedToUtc } from "~/domain/shared/timezone";
import { createDraft, sendReport } from "~/models/reports/reports.server";
import { logMeeting } from "~/models/meetings/logging.server";
import { createActiveCampaignWithAgreement, createMeetingInState, createMember } from "../factories";
import { pdfTitle } from "../pdf-info";
import { expect, prisma, test } from "./fixtures";

test("the admin sees and downloads a sent report's PDF and an invitation's .ics from the Emails page, in English and French", async ({ page, world, login, cookieFor, request }) => {
  test.setTimeout(120_000);
  const a = await createActiveCampaignWithAgreement(world);
  await createMeetingInState(world, a, "held");
  await prisma.agency.update({ where: { id: world.agency.id }, data: { reportPdfAttached: true } });
  await prisma.user.update({ where: { id: world.clientAdmin.userId }, data: { locale: "fr" } });
  const today = todayIn("Europe/Paris");
  const draft = await createDraft(world.am, world.campaign.id, {
    periodStart: addDays(today, -6), periodEnd: today, sections: [], highlightIds: [], commentary: "", highlights: "", nextSteps: "", correctionNote: "",
  });
  await sendReport(world.am, draft.id, [world.clientAdmin.userId], "http://localhost");
  const attendee = await createMember(world.agency.id, "CLIENT_MEMBER", { clientCompanyId: world.client.id, locale: "en", name: "Claire Martin" });
  const booked = await logMeeting(world.am, world.campaign.id, {
    personaVersionId: a.personaVersion.id, sdrId: world.sdr.userId, prospectName: "Sophie Laurent", prospectEmail: "sophie@morel.test",
    prospectCompany: "Transports Morel", prospectCountry: "FR", scheduledAt: zonedToUtc(`${new Date().getUTCFullYear() + 1}-01-12T10:00`, "Europe/Paris")!,
    timeZone: "Europe/Paris", durationMinutes: 45, channel: "VIDEO", clientAttendeeId: attendee.userId,
    checks: a.criteria.map((c) => ({ criterionId: c.id, met: true })),
  });
  expect(booked.ok).toBe(true);
  const pdf = await prisma.emailAttachment.findFirstOrThrow({ where: { email: { agencyId: world.agency.id, template: "report-sent" } }, include: { email: true } });
  const ics = await prisma.emailAttachment.findFirstOrThrow({ where: { email: { agencyId: world.agency.id, template: "meeting-invitation" } }, include: { email: true } });
  const kB = (locale: string, unit: string) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(pdf.size / 1000)} ${unit}`;

  await login(world.admin);
  await page.goto("/emails");
  // On the report email's row: the PDF's name (a download link), its type and size.
  const reportRow = page.getByRole("row").filter({ hasText: pdf.email.subject });
  const pdfLink = reportRow.getByRole("link", { name: pdf.filename });
  await expect(pdfLink).toBeVisible();
  expect(pdf.filename).toMatch(/^Rapport .+\.pdf$/);
  await expect(reportRow.getByText(`application/pdf · ${kB("en-GB", "kB")}`)).toBeVisible();
  const download = page.waitForEvent("download");
  await pdfLink.click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(pdf.filename);
  const { readFile } = await import("node:fs/promises");
  const bytes = await readFile((await file.path())!);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(bytes.equals(Buffer.from(pdf.content))).toBe(true);
  expect(pdfTitle(bytes)).toContain(world.campaign.name);

  // The invitation's page: a table of its file, downloaded as the calendar file delivered.
  await page.goto("/emails");
  await page.getByRole("row").filter({ hasText: ics.email.subject }).getByRole("link", { name: ics.email.subject }).click();
  const files = page.getByRole("region", { name: "Attachments" });
  await expect(files.getByRole("cell", { name: "invite.ics" })).toBeVisible();
  await expect(files.getByRole("cell", { name: "text/calendar", exact: true })).toBeVisible();
  const calDownload = page.waitForEvent("download");
  await files.getByRole("link", { name: "invite.ics" }).click();
  const cal = await readFile((await (await calDownload).path())!, "utf8");
  expect(cal).toContain("BEGIN:VCALENDAR");
  expect(cal).toContain("METHOD:REQUEST");
  expect(cal).toContain("Sophie Laurent");

  // In French: the same files, French labels and size unit.
  await prisma.user.update({ where: { id: world.admin.userId }, data: { locale: "fr" } });
  await page.goto(`/emails/${pdf.email.id}`);
  const fr = page.getByRole("region", { name: "Pièces jointes" });
  await expect(fr.getByRole("columnheader", { name: "Taille" })).toBeVisible();
  await expect(fr.getByRole("cell", { name: kB("fr-FR", "ko") })).toBeVisible();
  await expect(fr.getByRole("link", { name: pdf.filename })).toBeVisible();

  // The AM does not read the outbox: no file for them; another agency's admin gets a 404.
  const url = `/emails/${pdf.email.id}/attachments/${pdf.id}`;
  const asAm = await request.get(url, { headers: { cookie: await cookieFor(world.am) }, maxRedirects: 0 });
  expect([403, 404]).toContain(asAm.status());
  expect(asAm.headers()["content-type"] ?? "").not.toContain("application/pdf");
});
