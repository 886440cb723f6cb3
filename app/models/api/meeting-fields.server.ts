// The meeting as the API and the webhooks show it (shared by GET /api/v1/meetings/:id and app/models/webhooks).
/** The fields a meeting shows through the API; agency-internal ones (internal notes, duplicate flags) are never read. */
export const meetingFields = {
  id: true, campaignId: true, clientCompanyId: true, sdrId: true, externalId: true, personaVersionId: true, definitionVersionId: true,
  prospectName: true, prospectTitle: true, prospectEmail: true, prospectPhone: true, prospectCompany: true, prospectDomain: true,
  prospectCompanySize: true, prospectIndustry: true, prospectCountry: true, prospectLinkedinUrl: true,
  scheduledAt: true, timeZone: true, durationMinutes: true, channel: true, location: true,
  discoveryNeed: true, discoveryContext: true, discoveryBudget: true, discoveryTimeline: true,
  status: true, statusChangedAt: true, verdict: true, verdictAt: true, ratingOverall: true, createdAt: true, updatedAt: true,
  checks: { select: { met: true, note: true, criterion: { select: { key: true } } } },
} as const;
