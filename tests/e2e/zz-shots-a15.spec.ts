// TEMPORARY (a15): screenshots of /settings/api and /settings/webhooks. Deleted before the last commit.
import { createApiKey } from "~/models/api/keys.server";
import { createWebhookEndpoint } from "~/models/webhooks/endpoints.server";
import { logMeeting } from "~/models/meetings/logging.server";
import { createActiveCampaignWithAgreement } from "../factories";
import { expect, prisma, test } from "./fixtures";

test.use({ timezoneId: "Europe/Paris" });

test("shots", async ({ page, world, login }) => {
  test.setTimeout(300_000);
  const ag = await createActiveCampaignWithAgreement(world);
  await createApiKey({ agencyId: world.agency.id, name: "Aircall dialer (production, Paris office)", scopes: ["meetings:read", "meetings:write", "campaigns:read", "activity:write"], createdById: world.admin.userId });
  await createApiKey({ agencyId: world.agency.id, name: "HubSpot", scopes: ["meetings:read"], clientCompanyIds: [world.client.id], createdById: world.admin.userId });
  const ep = await createWebhookEndpoint(world.admin, { url: "http://127.0.0.1:9/hooks/rendezvous/a-rather-long-path-to-the-crm-receiver", events: ["meeting.created", "meeting.updated", "meeting.status_changed", "meeting.reviewed"], description: "HubSpot sync" }, { requireHttps: false, allowLoopback: true });
  for (let i = 0; i < 3; i++) {
    await logMeeting(world.sdr, world.campaign.id, {
      personaVersionId: ag.personaVersion.id, prospectName: `Sophie Laurent ${i}`, prospectEmail: `sophie${i}@morel.test`, prospectCompany: "Transports Morel",
      scheduledAt: new Date(Date.now() + (3 + i) * 86400_000), timeZone: "Europe/Paris", durationMinutes: 45, channel: "VIDEO",
      checks: ag.criteria.map((c) => ({ criterionId: c.id, met: true })), confirmWarnings: true,
    });
  }
  for (const locale of ["en", "fr"] as const) {
    await prisma.user.update({ where: { id: world.admin.userId }, data: { locale } });
    await login(world.admin);
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const shot = async (name: string) => {
        const w = await page.evaluate(() => document.documentElement.scrollWidth);
        console.log(`${locale} ${width} ${name}: scrollWidth ${w}`);
        await page.screenshot({ path: `/tmp/shots-a15/${name}-${locale}-${width}.png`, fullPage: true });
      };
      await page.goto("/settings/api");
      await shot("api");
      await page.getByLabel(locale === "en" ? "Name" : "Nom").fill(`Key ${width}`);
      await page.locator('input[name="scopes"]').first().check();
      await page.locator('form button.btn-primary').click();
      await expect(page.locator("#new-secret")).toBeVisible();
      await shot("api-created");
      await page.goto("/settings/webhooks");
      await shot("webhooks");
      await page.goto(`/settings/webhooks/${ep.id}`);
      await shot("endpoint");
    }
  }
});
