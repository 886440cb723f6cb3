// Every kind of audit event (who decided what, when): one list, so each has a sentence in both languages
// (agency.audit.<type>) and a mistyped type fails the type check.
export const AUDIT_TYPES = [
  "client.created",
  "client.updated",
  "campaign.created",
  "campaign.updated",
  "campaign.sdrs_assigned",
  "campaign.status_changed",
  "invitation.created",
  "invitation.resent",
  "invitation.revoked",
  "invitation.accepted",
  "user.passwordChanged",
  "persona.drafted",
  "persona.proposed",
  "persona.approved",
  "persona.changes_requested",
  "definition.drafted",
  "definition.proposed",
  "definition.approved",
  "definition.changes_requested",
  "meeting.accepted",
  "meeting.auto_accepted",
  "meeting.disputed",
  "meeting.dispute_upheld",
  "meeting.dispute_rejected",
] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];
