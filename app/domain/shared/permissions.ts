// The one role map: what each role may do. Used by the server guard and by the UI to hide what a user cannot do.
// Scope (which clients, which campaigns) is applied separately, inside every query (see app/models/scope.server.ts).

export const ROLES = ["AGENCY_ADMIN", "ACCOUNT_MANAGER", "SDR", "CLIENT_ADMIN", "CLIENT_MEMBER"] as const;
export type Role = (typeof ROLES)[number];
export const AGENCY_ROLES: readonly Role[] = ["AGENCY_ADMIN", "ACCOUNT_MANAGER", "SDR"];
export const CLIENT_ROLES: readonly Role[] = ["CLIENT_ADMIN", "CLIENT_MEMBER"];

export type Capability =
  | "client:read"
  | "client:manage"
  | "campaign:read"
  | "campaign:manage"
  | "team:read"
  | "team:manage"
  | "team:invite-agency"
  | "team:invite-client"
  | "emails:read"
  | "version:draft"
  | "version:decide"
  | "version:comment"
  | "meeting:log"
  | "meeting:status"
  | "meeting:review"
  | "meeting:rate"
  | "dispute:resolve"
  | "objective:manage"
  | "objective:read"
  | "activity:record"
  | "report:send"
  | "report:read"
  | "billing:manage"
  | "billing:read"
  | "agency:manage"
  | "api:keys"
  | "webhooks:manage";

const MAP: Record<Role, readonly Capability[]> = {
  AGENCY_ADMIN: [
    "client:read", "client:manage", "campaign:read", "campaign:manage", "team:read", "team:manage", "team:invite-agency",
    "team:invite-client", "emails:read", "version:draft", "version:comment", "meeting:log", "meeting:status",
    "dispute:resolve", "objective:manage", "objective:read", "report:send", "report:read", "billing:manage", "billing:read",
    "activity:record", "agency:manage", "api:keys", "webhooks:manage",
  ],
  ACCOUNT_MANAGER: [
    "client:read", "client:manage", "campaign:read", "campaign:manage", "team:read", "team:invite-client",
    "version:draft", "version:comment", "meeting:log", "meeting:status", "dispute:resolve", "objective:manage",
    "objective:read", "report:send", "report:read", "billing:read", "activity:record",
  ],
  SDR: ["campaign:read", "version:comment", "meeting:log", "meeting:status", "objective:read", "activity:record"],
  CLIENT_ADMIN: [
    "campaign:read", "team:read", "team:manage", "team:invite-client", "version:decide", "version:comment", "meeting:status",
    "meeting:review", "meeting:rate", "objective:read", "report:read", "billing:read", "api:keys", "webhooks:manage",
  ],
  CLIENT_MEMBER: ["campaign:read", "version:comment", "meeting:status", "meeting:rate", "objective:read", "report:read"],
};

export function can(role: Role, capability: Capability): boolean {
  return MAP[role].includes(capability);
}

export function isAgencyRole(role: Role) {
  return AGENCY_ROLES.includes(role);
}

export function isClientRole(role: Role) {
  return CLIENT_ROLES.includes(role);
}

/** The roles a given role may hand out in an invitation. */
/** Roles from the least to the most privileged (what an invitation starts on is the first one the inviter may grant). */
const LEAST_PRIVILEGED_FIRST: readonly Role[] = ["CLIENT_MEMBER", "CLIENT_ADMIN", "SDR", "ACCOUNT_MANAGER", "AGENCY_ADMIN"];

/**
 * The role an invitation form starts on: the least privileged of those offered, for the organization the form
 * starts on (a client company when it names one or offers only client roles, otherwise the agency). Handing out
 * more is a deliberate choice, never a default.
 */
export function defaultInviteRole(roles: readonly Role[], forClient: boolean): Role | undefined {
  const side = roles.filter((r) => (forClient ? CLIENT_ROLES : AGENCY_ROLES).includes(r));
  const pool = side.length ? side : roles;
  return LEAST_PRIVILEGED_FIRST.find((r) => pool.includes(r));
}

export function invitableRoles(role: Role): Role[] {
  switch (role) {
    case "AGENCY_ADMIN":
      return ["AGENCY_ADMIN", "ACCOUNT_MANAGER", "SDR", "CLIENT_ADMIN", "CLIENT_MEMBER"];
    case "ACCOUNT_MANAGER":
      return ["CLIENT_ADMIN", "CLIENT_MEMBER"];
    case "CLIENT_ADMIN":
      return ["CLIENT_ADMIN", "CLIENT_MEMBER"];
    default:
      return [];
  }
}

/** A member the actor may deactivate, reactivate or give another role: never themselves; an agency admin anyone of the
 * agency, a client admin the members of their own company. */
export function canManageMember(
  actor: { role: Role; membershipId: string; clientCompanyId: string | null },
  target: { id: string; clientCompanyId: string | null },
): boolean {
  if (target.id === actor.membershipId || !can(actor.role, "team:manage")) return false;
  if (actor.role === "AGENCY_ADMIN") return true;
  return actor.role === "CLIENT_ADMIN" && target.clientCompanyId !== null && target.clientCompanyId === actor.clientCompanyId;
}

/** The roles a member may be given: those the actor may grant, on the member's side (agency or client company). */
export function assignableRoles(actorRole: Role, target: { clientCompanyId: string | null }): Role[] {
  const side = target.clientCompanyId ? CLIENT_ROLES : AGENCY_ROLES;
  return invitableRoles(actorRole).filter((r) => side.includes(r));
}
