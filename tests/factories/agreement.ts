// Agreement builders through the real domain functions: drafts, proposals and client decisions.
import type { Actor } from "~/utils/auth.server";
import { approveVersion, proposeVersion } from "~/models/agreement/decisions.server";
import { createPersona, saveDefinitionDraft } from "~/models/agreement/drafts.server";
import { setCampaignStatus } from "~/models/campaign.server";
import type { DefinitionInput, PersonaInput } from "~/domain/agreement/schemas";
import { prisma } from "~/utils/db.server";
import type { AgencyWorld } from "./accounts";

const ORIGIN = "http://localhost:3000";

export function personaInput(overrides: Partial<PersonaInput> = {}): PersonaInput {
  return {
    name: "Supply chain directors, mid-market",
    jobTitles: ["Supply Chain Director", "Head of Logistics", "VP Operations"],
    seniorities: ["DIRECTOR", "HEAD", "VP"],
    departments: ["Supply chain", "Operations"],
    industries: ["Manufacturing", "Retail", "Food & beverage"],
    companySizeMin: 200,
    companySizeMax: 2000,
    geographies: ["Île-de-France", "Hauts-de-France"],
    exclusions: ["competitor.example", "Existing customers (list from the CRM)"],
    pains: "Stock-outs during peaks; no real-time view of warehouse capacity.",
    pitch: "A WMS live in 8 weeks that cuts picking errors by 30%.",
    notes: "",
    baseVersionId: null,
    revision: 0,
    ...overrides,
  };
}

export const DEMO_CRITERIA = [
  { key: "decision_maker", label: "Speaks to a decision maker or a direct influencer", helpText: "Title and role in the buying decision confirmed on the call.", required: true },
  { key: "company_size", label: "Company within the agreed size range", helpText: "Headcount checked on LinkedIn or with the prospect.", required: true },
  { key: "need", label: "Need expressed in the prospect's own words", helpText: "Quote the prospect in the discovery notes.", required: true },
  { key: "timeline", label: "Project within 12 months", helpText: "A budget or a project window was mentioned.", required: false },
];

export function definitionInput(overrides: Partial<DefinitionInput> = {}): DefinitionInput {
  return {
    disputeWindowDays: 7,
    noShowPolicy: "NOT_BILLED_REBOOKED",
    minDurationMinutes: 30,
    allowedChannels: ["VIDEO", "PHONE"],
    minLeadTimeHours: 24,
    notes: "",
    attendanceRuleHours: 48,
    windowsInBusinessDays: false,
    criteria: DEMO_CRITERIA,
    baseVersionId: null,
    revision: 0,
    ...overrides,
  };
}

/** A persona proposed by the AM (version 1), not decided yet. */
export async function proposedPersona(am: Actor, campaignId: string, input = personaInput()) {
  const { persona, version } = await createPersona(am, campaignId, input);
  await proposeVersion(am, campaignId, "persona", version.id, version.revision, ORIGIN);
  return { personaId: persona.id, versionId: version.id };
}

/** A persona and a definition, proposed by the AM and approved by the client admin; optionally the campaign activated. */
export async function approvedAgreement(am: Actor, clientAdmin: Actor, campaignId: string, opts: { activate?: boolean; persona?: PersonaInput; definition?: DefinitionInput } = {}) {
  const persona = await proposedPersona(am, campaignId, opts.persona);
  await approveVersion(clientAdmin, campaignId, "persona", persona.versionId, 1, "", ORIGIN);
  const definition = await saveDefinitionDraft(am, campaignId, opts.definition ?? definitionInput());
  await proposeVersion(am, campaignId, "definition", definition.id, definition.revision, ORIGIN);
  await approveVersion(clientAdmin, campaignId, "definition", definition.id, definition.revision + 1, "", ORIGIN);
  if (opts.activate) await setCampaignStatus(am, campaignId, "ACTIVE");
  return { personaId: persona.personaId, personaVersionId: persona.versionId, definitionVersionId: definition.id };
}

export const DEFAULT_CRITERIA = [
  { key: "decision_maker", label: "Decision maker or direct influencer on the purchase", helpText: "Signs off or sits on the buying committee.", required: true },
  { key: "real_need", label: "Expressed a real need the offer addresses", helpText: "A current pain, in the prospect's words.", required: true },
  { key: "target_company", label: "Company matches the targeting (size, industry, geography)", helpText: "", required: true },
  { key: "timeline", label: "Project or renewal within 12 months", helpText: "Optional: a known timeline.", required: false },
];

/**
 * Makes the world's campaign ACTIVE the way users do: the AM drafts and proposes a persona and a qualified-meeting
 * definition (4 criteria), the client admin approves both, the AM activates the campaign.
 */
export async function createActiveCampaignWithAgreement(
  world: AgencyWorld,
  opts: { disputeWindowDays?: number; personaName?: string; definition?: Partial<DefinitionInput> } = {},
) {
  const ids = await approvedAgreement(world.am, world.clientAdmin, world.campaign.id, {
    activate: true,
    persona: personaInput({
      name: opts.personaName ?? "CFO of mid-sized companies",
      jobTitles: ["CFO", "Directeur administratif et financier"],
      seniorities: ["C_LEVEL"],
      departments: ["Finance"],
      industries: ["Logistics", "Manufacturing"],
      companySizeMin: 50,
      companySizeMax: 1000,
      geographies: ["FR", "BE"],
      exclusions: [],
      pains: "Month-end close takes two weeks.",
      pitch: "Close the books in three days.",
    }),
    definition: definitionInput({ disputeWindowDays: opts.disputeWindowDays ?? 7, criteria: DEFAULT_CRITERIA, ...opts.definition }),
  });
  const personaVersion = await prisma.personaVersion.findUniqueOrThrow({ where: { id: ids.personaVersionId }, include: { persona: true } });
  const definitionVersion = await prisma.definitionVersion.findUniqueOrThrow({
    where: { id: ids.definitionVersionId },
    include: { definition: true, criteria: { orderBy: { position: "asc" } } },
  });
  const { persona, ...pv } = personaVersion;
  const { definition, ...dv } = definitionVersion;
  return { persona, personaVersion: pv, definition, definitionVersion: dv, criteria: dv.criteria };
}
