// Issue 8, findings 10 and 12 as a person meets them: a CSV named "leads=2026;Q1.csv" uploads like any other, and
// the export keeps "Acme;=1+2" in one quoted cell.
import { logMeeting } from "~/models/meetings/logging.server";
import { createActiveCampaignWithAgreement } from "../factories";
import { expect, prisma, test } from "./fixtures";

test("an SDR uploads a CSV whose file name holds = and ;", async ({ page, world, login }) => {
  await createActiveCampaignWithAgreement(world, { personaName: "CFO ETI" });
  const day = new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10);
  const csv = ["Nom;Email;Société;Date;Persona", `Hélène Durand;helene@durand.test;Durand SA;${day} 10:00;CFO ETI`].join("\r\n");
  await login(world.sdr);
  await page.goto(`/campaigns/${world.campaign.id}/meetings/import`);
  await page.getByLabel("CSV file").setInputFiles({ name: "leads=2026;Q1.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page.getByRole("heading", { name: /Map the columns/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Hélène Durand" })).toBeVisible();
  expect((await prisma.importJob.findFirstOrThrow({ where: { campaignId: world.campaign.id } })).fileName).toBe("leads=2026;Q1.csv");
});

test("the CSV export quotes every field, so a French spreadsheet keeps Acme;=1+2 in one cell", async ({ request, world, cookieFor }) => {
  const ag = await createActiveCampaignWithAgreement(world);
  const r = await logMeeting(world.sdr, world.campaign.id, {
    personaVersionId: ag.personaVersion.id, prospectName: "=HYPERLINK(\"http://evil.test\")", prospectEmail: "p@acme.test", prospectCompany: "Acme;=1+2",
    scheduledAt: new Date(Date.now() + 3 * 86400_000), timeZone: "Europe/Paris", durationMinutes: 30, channel: "VIDEO",
    checks: ag.criteria.map((c) => ({ criterionId: c.id, met: true })),
  });
  expect(r.ok).toBe(true);
  const res = await request.get(`/campaigns/${world.campaign.id}/meetings/export`, { headers: { cookie: await cookieFor(world.am) } });
  expect(res.status()).toBe(200);
  const [header, row] = (await res.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
  for (const line of [header, row]) expect(line).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
  expect(row).toContain(',"Acme;=1+2",');
  expect(row).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
});
