// Accessibility audit: axe (WCAG 2 A and AA rules) on the main pages of every role, in English and in French.
// One world is built once for the file, through the same factories as the `world` fixture (which is per test, too
// slow to rebuild for each of ~60 pages): every role, a live campaign agreed through the real domain functions, demo
// meetings in every state, a persona and the definition each with a version 2 proposed against the approved one (so
// the diffs show), another persona waiting, an invitation, emails. One test per role and language, one page load per
// check; each check reports on its own, listing each rule with the elements that break it.
import { createInvitation } from "~/models/invitation.server";
import { proposeVersion } from "~/models/agreement/decisions.server";
import { saveDefinitionDraft, savePersonaDraft } from "~/models/agreement/drafts.server";
import type { Actor } from "~/utils/auth.server";
import { seedDemoMeetings } from "../../prisma/seed-meetings";
import { approvedAgreement, DEMO_CRITERIA, definitionInput, personaInput, proposedPersona } from "../factories";
import { createAgencyWithClient, unique, type AgencyWorld } from "../factories";
import { axeViolations, expect, hydrated, prisma, test } from "./fixtures";

const ORIGIN = "http://localhost";

type Data = {
  world: AgencyWorld;
  personaId: string;
  personaV2Id: string;
  heldMeetingId: string;
  disputedMeetingId: string;
  invitationToken: string;
  emailId: string;
};

async function buildData(): Promise<Data> {
  const world = await createAgencyWithClient();
  const { am, clientAdmin, campaign } = world;
  const agreement = await approvedAgreement(am, clientAdmin, campaign.id, { activate: true });
  expect(await seedDemoMeetings(campaign.id)).toBeGreaterThan(0);
  // The approved persona revised and proposed again: its page compares version 2 with version 1.
  const v1 = await prisma.personaVersion.findUniqueOrThrow({ where: { id: agreement.personaVersionId } });
  const v2 = await savePersonaDraft(
    am,
    campaign.id,
    agreement.personaId,
    personaInput({ geographies: ["Île-de-France", "Benelux"], companySizeMax: 5000, exclusions: [], baseVersionId: v1.id, revision: v1.revision }),
  );
  await proposeVersion(am, campaign.id, "persona", v2.id, v2.revision, ORIGIN);
  await proposedPersona(am, campaign.id, personaInput({ name: "Finance directors, retail" }));
  // And the definition: version 2 rewords a help text and drops a criterion.
  const d1 = await prisma.definitionVersion.findUniqueOrThrow({ where: { id: agreement.definitionVersionId } });
  const criteria = [{ ...DEMO_CRITERIA[0], helpText: "Title confirmed on the call." }, ...DEMO_CRITERIA.slice(1, 3)];
  const d2 = await saveDefinitionDraft(am, campaign.id, definitionInput({ criteria, baseVersionId: d1.id, revision: d1.revision }));
  await proposeVersion(am, campaign.id, "definition", d2.id, d2.revision, ORIGIN);
  const meeting = (where: object) => prisma.meeting.findFirstOrThrow({ where: { campaignId: campaign.id, ...where }, select: { id: true } });
  const held = await meeting({ status: "HELD", verdict: "PENDING" });
  const disputed = await meeting({ verdict: "DISPUTED" });
  const { token } = await createInvitation(
    world.admin,
    { email: `${unique("invitee")}@example.test`, role: "CLIENT_MEMBER", clientCompanyId: world.client.id, locale: "en" },
    ORIGIN,
  );
  const email = await prisma.emailOutbox.findFirstOrThrow({ where: { agencyId: world.agency.id, template: "version-proposed" }, select: { id: true } });
  return {
    world,
    personaId: agreement.personaId,
    personaV2Id: v2.id,
    heldMeetingId: held.id,
    disputedMeetingId: disputed.id,
    invitationToken: token,
    emailId: email.id,
  };
}

type Role = "admin" | "am" | "sdr" | "clientAdmin" | "clientMember";
/** `open`: the summary of a confirmation (a disclosure dialog) to open before the audit, in either language. */
type Check = { name: string; path: (d: Data) => string; status?: number; open?: RegExp };

const campaign = (d: Data) => `/campaigns/${d.world.campaign.id}`;

/** The pages checked, per role (signed out first). */
const PAGES: { role: Role | null; title: string; checks: Check[] }[] = [
  {
    role: null,
    title: "signed out",
    checks: [
      { name: "sign-in", path: () => "/login" },
      { name: "forgot password", path: () => "/forgot-password" },
      { name: "accept an invitation", path: (d) => `/invitations/${d.invitationToken}` },
    ],
  },
  {
    role: "admin",
    title: "agency admin",
    checks: [
      { name: "home", path: () => "/home" },
      { name: "clients", path: () => "/clients" },
      { name: "client page", path: (d) => `/clients/${d.world.client.id}` },
      { name: "team", path: () => "/team" },
      { name: "emails", path: () => "/emails" },
      { name: "an email", path: (d) => `/emails/${d.emailId}` },
      { name: "agency settings", path: () => "/settings/agency" },
      { name: "not found", path: () => "/no-such-page", status: 404 },
    ],
  },
  {
    role: "am",
    title: "account manager",
    checks: [
      { name: "home", path: () => "/home" },
      { name: "campaigns", path: () => "/campaigns" },
      { name: "campaign overview", path: campaign },
      { name: "targeting", path: (d) => `${campaign(d)}/targeting` },
      { name: "persona version with a diff", path: (d) => `${campaign(d)}/targeting/${d.personaId}?v=${d.personaV2Id}` },
      { name: "qualified meeting", path: (d) => `${campaign(d)}/qualification` },
      { name: "qualified meeting form", path: (d) => `${campaign(d)}/qualification/edit` },
      { name: "meetings tab", path: (d) => `${campaign(d)}/meetings` },
      { name: "meetings across campaigns", path: () => "/meetings" },
      { name: "disputed meeting (agency view)", path: (d) => `${campaign(d)}/meetings/${d.disputedMeetingId}` },
      {
        name: "disputed meeting, the reject confirmation open",
        path: (d) => `${campaign(d)}/meetings/${d.disputedMeetingId}`,
        open: /^(Reject the dispute \(billable\)|Rejeter la contestation \(facturable\))$/,
      },
      { name: "CSV import", path: (d) => `${campaign(d)}/meetings/import` },
    ],
  },
  {
    role: "sdr",
    title: "SDR",
    checks: [
      { name: "home", path: () => "/home" },
      { name: "meeting log form", path: (d) => `${campaign(d)}/meetings/new` },
    ],
  },
  {
    role: "clientAdmin",
    title: "client admin",
    checks: [
      { name: "home", path: () => "/home" },
      { name: "campaign overview", path: campaign },
      { name: "persona version to decide, with a diff", path: (d) => `${campaign(d)}/targeting/${d.personaId}?v=${d.personaV2Id}` },
      { name: "qualified meeting to decide, with a diff", path: (d) => `${campaign(d)}/qualification` },
      { name: "meetings tab", path: (d) => `${campaign(d)}/meetings` },
      { name: "held meeting to review (client view)", path: (d) => `${campaign(d)}/meetings/${d.heldMeetingId}` },
      {
        name: "held meeting, the accept confirmation open",
        path: (d) => `${campaign(d)}/meetings/${d.heldMeetingId}`,
        open: /^(Accept the meeting|Accepter le rendez-vous)$/,
      },
    ],
  },
  {
    role: "clientMember",
    title: "client member",
    checks: [
      { name: "home", path: () => "/home" },
      { name: "campaigns", path: () => "/campaigns" },
    ],
  },
];

let data: Data;
// Built once for the file (and again only if a failure restarts the worker): every check reads, none writes.
test.beforeAll(async () => {
  test.setTimeout(60_000);
  data = await buildData();
});

for (const locale of ["en-GB", "fr-FR"]) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    for (const { role, title, checks } of PAGES) {
      // One browser page per role, one load per check; each check reports on its own.
      test(title, async ({ page, login }) => {
        // Several pages, each audited by axe: the default 30 s is for one page on an idle machine.
        test.setTimeout(30_000 + checks.length * 15_000);
        if (role) await login(data.world[role] as Actor);
        for (const check of checks) {
          await test.step(check.name, async () => {
            const res = await page.goto(check.path(data));
            expect.soft(res?.status(), `${check.name}: status`).toBe(check.status ?? 200);
            await expect(page.locator("html")).toHaveAttribute("lang", locale.slice(0, 2));
            // Checked once React has hydrated, as a user meets the page.
            await hydrated(page.locator("main"));
            if (check.open) {
              const summary = page.locator("summary", { hasText: check.open });
              await summary.click();
              await expect(summary.locator("xpath=..").getByRole("group")).toBeVisible();
            }
            expect.soft(await axeViolations(page), `${check.name}: axe violations`).toEqual([]);
          });
        }
      });
    }
  });
}
