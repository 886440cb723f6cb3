// The role map against DESIGN.md's permission matrix, row by row.
import { assignableRoles, can, canManageMember, defaultInviteRole, invitableRoles, isAgencyRole, isClientRole, ROLES, type Capability, type Role } from "~/domain/shared/permissions";

const ADMIN: Role = "AGENCY_ADMIN";
const AM: Role = "ACCOUNT_MANAGER";
const SDR: Role = "SDR";
const CADMIN: Role = "CLIENT_ADMIN";
const MEMBER: Role = "CLIENT_MEMBER";

/** Who has each capability, read from the matrix (scope such as "own clients" is applied in the queries, not here). */
const MATRIX: Record<Capability, Role[]> = {
  // create/edit clients, campaigns, assignments: admin yes, AM own clients
  "client:manage": [ADMIN, AM],
  "campaign:manage": [ADMIN, AM],
  "client:read": [ADMIN, AM],
  "campaign:read": [ADMIN, AM, SDR, CADMIN, MEMBER],
  // record daily activity: admin, AM, SDR (own, assigned campaigns: scoped in the query)
  "activity:record": [ADMIN, AM, SDR],
  // draft and propose persona / definition versions
  "version:draft": [ADMIN, AM],
  // approve or request changes on a version: the client admin only
  "version:decide": [CADMIN],
  // comment on a version or a meeting: everyone
  "version:comment": [ADMIN, AM, SDR, CADMIN, MEMBER],
  // log a meeting: agency side (SDR on own, assigned campaigns)
  "meeting:log": [ADMIN, AM, SDR],
  // mark held / no-show / rescheduled / cancelled: everyone (SDR own)
  "meeting:status": [ADMIN, AM, SDR, CADMIN, MEMBER],
  // accept or dispute: client admin; rate: client admin and member
  "meeting:review": [CADMIN],
  "meeting:rate": [CADMIN, MEMBER],
  // resolve a dispute
  "dispute:resolve": [ADMIN, AM],
  // objectives: agency manages, everyone reads
  "objective:manage": [ADMIN, AM],
  "objective:read": [ADMIN, AM, SDR, CADMIN, MEMBER],
  // the agency's own settings (pace thresholds, maturity weights: OBJECTIVES.md): the admin, "everything"
  "agency:manage": [ADMIN],
  // API keys (issue 15): the agency admin; a client admin, read-only keys for their company
  "api:keys": [ADMIN, CADMIN],
  // outbound webhooks: the agency admin, and a client admin for their company's events
  "webhooks:manage": [ADMIN, CADMIN],
  // reports: agency sends, clients read sent ones, SDRs do not
  "report:send": [ADMIN, AM],
  "report:read": [ADMIN, AM, CADMIN, MEMBER],
  // pricing, Stripe settings: admin; AM read; client admin reads own invoices and pays; member nothing
  "billing:manage": [ADMIN],
  "billing:read": [ADMIN, AM, CADMIN],
  // invite users: admin; AM to own clients; client admin own company
  "team:invite-agency": [ADMIN],
  "team:invite-client": [ADMIN, AM, CADMIN],
  "team:read": [ADMIN, AM, CADMIN],
  // deactivate, reactivate, change a role: agency admins (everyone), client admins (their company)
  "team:manage": [ADMIN, CADMIN],
  // the outbox: the agency's admin
  "emails:read": [ADMIN],
};

describe("the role map", () => {
  for (const [capability, allowed] of Object.entries(MATRIX) as [Capability, Role[]][]) {
    it(`${capability}: ${allowed.join(", ")}`, () => {
      for (const role of ROLES) expect(can(role, capability), `${role} ${capability}`).toBe(allowed.includes(role));
    });
  }

  it("gives clients nothing of the agency's internals", () => {
    for (const role of [CADMIN, MEMBER]) {
      for (const c of ["client:manage", "campaign:manage", "meeting:log", "dispute:resolve", "objective:manage", "report:send", "emails:read", "version:draft"] as const) {
        expect(can(role, c), `${role} ${c}`).toBe(false);
      }
    }
  });

  it("splits the roles by side", () => {
    expect(ROLES.filter(isAgencyRole)).toEqual([ADMIN, AM, SDR]);
    expect(ROLES.filter(isClientRole)).toEqual([CADMIN, MEMBER]);
  });

  it("lets each role invite only what the matrix allows", () => {
    expect(invitableRoles(ADMIN).sort()).toEqual([...ROLES].sort());
    expect(invitableRoles(AM).sort()).toEqual([CADMIN, MEMBER]);
    expect(invitableRoles(CADMIN).sort()).toEqual([CADMIN, MEMBER]);
    expect(invitableRoles(SDR)).toEqual([]);
    expect(invitableRoles(MEMBER)).toEqual([]);
  });
});

describe("the role an invitation starts on", () => {
  it("is the least privileged the inviter may grant, for the organization the form starts on", () => {
    // An agency admin's team page starts on the agency: an SDR, never another agency admin.
    expect(defaultInviteRole(invitableRoles("AGENCY_ADMIN"), false)).toBe("SDR");
    // The same admin inviting into a client company: a client member.
    expect(defaultInviteRole(invitableRoles("AGENCY_ADMIN").filter(isClientRole), true)).toBe("CLIENT_MEMBER");
    expect(defaultInviteRole(invitableRoles("AGENCY_ADMIN"), true)).toBe("CLIENT_MEMBER");
    // Client admins and account managers only hand out client roles: a client member, never a client admin.
    expect(defaultInviteRole(invitableRoles("CLIENT_ADMIN"), true)).toBe("CLIENT_MEMBER");
    expect(defaultInviteRole(invitableRoles("ACCOUNT_MANAGER"), false)).toBe("CLIENT_MEMBER");
    expect(defaultInviteRole(invitableRoles("SDR"), false)).toBeUndefined();
  });
});

describe("managing a member", () => {
  const admin = { role: ADMIN, membershipId: "m-admin", clientCompanyId: null };
  const clientAdmin = { role: CADMIN, membershipId: "m-cadmin", clientCompanyId: "acme" };
  it("an agency admin manages anyone of the agency but themselves", () => {
    expect(canManageMember(admin, { id: "m-sdr", clientCompanyId: null })).toBe(true);
    expect(canManageMember(admin, { id: "m-claire", clientCompanyId: "acme" })).toBe(true);
    expect(canManageMember(admin, { id: "m-admin", clientCompanyId: null })).toBe(false);
  });
  it("a client admin manages their own company's members only, never the agency's", () => {
    expect(canManageMember(clientAdmin, { id: "m-claire", clientCompanyId: "acme" })).toBe(true);
    expect(canManageMember(clientAdmin, { id: "m-other", clientCompanyId: "globex" })).toBe(false);
    expect(canManageMember(clientAdmin, { id: "m-sdr", clientCompanyId: null })).toBe(false);
    expect(canManageMember(clientAdmin, { id: "m-cadmin", clientCompanyId: "acme" })).toBe(false);
  });
  it("an account manager, an SDR or a client member manages nobody", () => {
    for (const role of [AM, SDR, MEMBER]) expect(canManageMember({ role, membershipId: "x", clientCompanyId: "acme" }, { id: "y", clientCompanyId: "acme" })).toBe(false);
  });
  it("gives roles of the member's side only, among those the actor may grant", () => {
    expect(assignableRoles(ADMIN, { clientCompanyId: null })).toEqual([ADMIN, AM, SDR]);
    expect(assignableRoles(ADMIN, { clientCompanyId: "acme" })).toEqual([CADMIN, MEMBER]);
    expect(assignableRoles(CADMIN, { clientCompanyId: "acme" })).toEqual([CADMIN, MEMBER]);
  });
});
