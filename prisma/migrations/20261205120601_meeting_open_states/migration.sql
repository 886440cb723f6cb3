-- The meetings that ask for an action, counted on every home and meetings list (meetingActionCounts,
-- meetingActionsByCampaign; docs/decisions/0058-rollup-period-totals.md): indexes that lead with the state and
-- cover every column those counts read (the agency, campaign and SDR scopes, the date, the id Prisma's count
-- subquery selects), so counting the past meetings still SCHEDULED, the open disputes or the held meetings awaiting
-- a verdict is an index-only range scan of those entries, never a read of the meetings' rows. Not partial indexes:
-- Prisma compares enums to a cast parameter (CAST($1::text AS "MeetingStatus")), which the planner cannot match to
-- an index predicate.
CREATE INDEX "Meeting_attendance_due_idx" ON "Meeting" ("status", "agencyId", "scheduledAt") INCLUDE ("campaignId", "sdrId", "id");
CREATE INDEX "Meeting_verdict_scope_idx" ON "Meeting" ("verdict", "agencyId", "campaignId") INCLUDE ("sdrId", "id");
CREATE INDEX "Meeting_review_scope_idx" ON "Meeting" ("status", "verdict", "agencyId", "campaignId") INCLUDE ("sdrId", "reviewDueAt", "id");
