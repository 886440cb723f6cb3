// The authorization walk: every route that takes an id, asked by every kind of outsider, over HTTP with a real
// session cookie. Another tenant's record answers 404 (or 403 when the role has no business on the page at all),
// never its data, and never changes it. One table; later features add rows.
import type { APIResponse } from "@playwright/test";
import { createCampaign } from "~/models/campaign.server";
import { createClient } from "~/models/client.server";
import { createInvitation } from "~/models/invitation.server";
import { resetCalendarFeed } from "~/models/meetings/calendar.server";
import type { Actor } from "~/utils/auth.server";
import { createAgencyWithClient, createMember, unique, type AgencyWorld } from "../factories";
import { expect, prisma, sessionCookieHeader, test } from "./fixtures";

/**
 * Agency A (the askers' agency) with client company A (campaign A, SDR assigned) and client company B of the same
 * agency, led by another AM; agency C is another tenant altogether. Each has a pending invitation and an outbox email.
 */
type Data = {
  a: AgencyWorld;
  c: AgencyWorld;
  clientB: { id: string; name: string };
  campaignB: { id: string; name: string };
  invitationA: string;
  invitationB: { id: string; email: string };
  invitationC: { id: string; email: string };
  emailA: string;
  emailC: string;
  /** A file sent with emailA (its text holds its own marker) and one sent with emailC. */
  fileA: { id: string; marker: string };
  fileC: string;
  /** Notifications: client admin A's own (control), client member A's, and one of agency C's admin. */
  noteAdminA: { id: string; title: string };
  noteMemberA: string;
  noteC: string;
};

type Asker = "signedOut" | "adminA" | "amA" | "sdrA" | "otherSdrA" | "clientAdminA" | "clientMemberA";
type Expect = "login" | number[];
type Row = {
  as: Asker;
  method: "GET" | "POST";
  path: (d: Data) => string;
  form?: (d: Data) => Record<string, string>;
  expect: Expect;
  why: string;
  /** For allowed rows: what the answer must show (proves the route works, so the 404s above mean something). */
  shows?: (d: Data) => string;
  /** An allowed page listing many records (the portfolio): it must not reveal what is outside the asker's scope either. */
  hides?: true;
};

const NOT_FOUND = [404];
const DENIED = [403, 404];
const OK = [200];

const byId = {
  clientA: (d: Data) => d.a.client.id,
  clientB: (d: Data) => d.clientB.id,
  clientC: (d: Data) => d.c.client.id,
  campaignA: (d: Data) => d.a.campaign.id,
  campaignB: (d: Data) => d.campaignB.id,
  campaignC: (d: Data) => d.c.campaign.id,
};
const clientEdit = (name = "Taken over") => () => ({ name, currency: "EUR" });
const campaignEdit = () => ({ intent: "update", name: "Taken over" });
const assign = (sdr: (d: Data) => string) => (d: Data) => ({ intent: "assign", sdrIds: sdr(d) });
const pricing = () => ({ intent: "pricing", currency: "EUR", retainerAmount: "1", meetingPrice: "1", billingDay: "1", country: "FR", taxRateBps: "2000", locale: "fr" });
const settings = () => ({ paceOnTrackPct: "50", paceAtRiskPct: "10", weightRampingPct: "300", weightConfirmedPct: "100", weightSeniorPct: "10" });
const invitation = (intent: "resend" | "revoke", id: (d: Data) => string) => (d: Data) => ({ intent, invitationId: id(d) });

const ROWS: Row[] = [
  // Signed out: every page and every action sends to sign-in.
  ...[
    "/home", "/clients", "/clients/new", "/campaigns", "/campaigns/new", "/team", "/emails", "/profile", "/calendar",
  ].map((p): Row => ({ as: "signedOut", method: "GET", path: () => p, expect: "login", why: `page ${p}` })),
  { as: "signedOut", method: "GET", path: (d) => `/clients/${byId.clientA(d)}`, expect: "login", why: "signed-out client page" },
  { as: "signedOut", method: "GET", path: (d) => `/campaigns/${byId.campaignA(d)}`, expect: "login", why: "signed-out campaign" },
  { as: "signedOut", method: "GET", path: (d) => `/campaigns/${byId.campaignA(d)}/settings`, expect: "login", why: "signed-out campaign settings" },
  { as: "signedOut", method: "GET", path: (d) => `/emails/${d.emailA}`, expect: "login", why: "signed-out email" },
  { as: "signedOut", method: "POST", path: (d) => `/clients/${byId.clientA(d)}`, form: clientEdit(), expect: "login", why: "signed-out client edit" },
  { as: "signedOut", method: "POST", path: () => "/clients/new", form: clientEdit(), expect: "login", why: "signed-out client create" },
  { as: "signedOut", method: "POST", path: (d) => `/campaigns/${byId.campaignA(d)}/settings`, form: campaignEdit, expect: "login", why: "signed-out campaign edit" },
  { as: "signedOut", method: "POST", path: () => "/invitations", form: invitation("revoke", (d) => d.invitationA), expect: "login", why: "signed-out revoke" },
  { as: "signedOut", method: "POST", path: () => "/calendar", form: () => ({ intent: "reset" }), expect: "login", why: "signed-out calendar link reset" },
  // The calendar page lists only the asker's own campaigns (one feed each).
  { as: "clientAdminA", method: "GET", path: () => "/calendar", expect: OK, why: "own calendar links, one per own campaign", shows: (d) => d.a.campaign.name, hides: true },
  { as: "sdrA", method: "GET", path: () => "/calendar", expect: OK, why: "own calendar links (SDR)", shows: () => "Your calendar", hides: true },

  // A client (company A) asking for company B's and agency C's ids, and for agency-only pages.
  { as: "clientAdminA", method: "GET", path: (d) => `/campaigns/${byId.campaignA(d)}`, expect: OK, why: "own company's campaign (control)", shows: (d) => d.a.campaign.name },
  { as: "clientAdminA", method: "GET", path: () => "/team", expect: OK, why: "own company's team (control)", shows: (d) => d.a.clientMember.email },
  { as: "clientAdminA", method: "GET", path: (d) => `/campaigns/${byId.campaignB(d)}`, expect: NOT_FOUND, why: "company B's campaign" },
  { as: "clientAdminA", method: "GET", path: (d) => `/campaigns/${byId.campaignC(d)}`, expect: NOT_FOUND, why: "agency C's campaign" },
  { as: "clientAdminA", method: "GET", path: (d) => `/campaigns/${byId.campaignB(d)}/settings`, expect: DENIED, why: "company B's campaign settings" },
  { as: "clientAdminA", method: "GET", path: (d) => `/campaigns/${byId.campaignA(d)}/settings`, expect: DENIED, why: "own campaign's settings (agency only)" },
  { as: "clientAdminA", method: "GET", path: (d) => `/clients/${byId.clientB(d)}`, expect: DENIED, why: "company B's page" },
  { as: "clientAdminA", method: "GET", path: (d) => `/clients/${byId.clientA(d)}`, expect: DENIED, why: "client pages are agency only" },
  { as: "clientAdminA", method: "GET", path: () => "/clients", expect: DENIED, why: "client list" },
  { as: "clientAdminA", method: "GET", path: () => "/clients/new", expect: DENIED, why: "new client" },
  { as: "clientAdminA", method: "GET", path: () => "/campaigns/new", expect: DENIED, why: "new campaign" },
  { as: "clientAdminA", method: "GET", path: () => "/emails", expect: DENIED, why: "outbox" },
  { as: "clientAdminA", method: "GET", path: (d) => `/emails/${d.emailA}`, expect: DENIED, why: "an email of the agency" },
  { as: "clientAdminA", method: "POST", path: (d) => `/clients/${byId.clientB(d)}`, form: clientEdit(), expect: DENIED, why: "edit company B" },
  { as: "clientAdminA", method: "POST", path: (d) => `/clients/${byId.clientA(d)}`, form: clientEdit(), expect: DENIED, why: "edit own company (agency only)" },
  { as: "clientAdminA", method: "POST", path: (d) => `/campaigns/${byId.campaignB(d)}/settings`, form: campaignEdit, expect: DENIED, why: "edit company B's campaign" },
  { as: "clientAdminA", method: "POST", path: (d) => `/campaigns/${byId.campaignA(d)}/settings`, form: assign((d) => d.a.otherSdr.userId), expect: DENIED, why: "assign SDRs" },
  { as: "clientAdminA", method: "POST", path: () => "/invitations", form: invitation("resend", (d) => d.invitationB.id), expect: NOT_FOUND, why: "resend company B's invitation" },
  { as: "clientAdminA", method: "POST", path: () => "/invitations", form: invitation("revoke", (d) => d.invitationB.id), expect: NOT_FOUND, why: "revoke company B's invitation" },
  { as: "clientAdminA", method: "POST", path: () => "/invitations", form: invitation("revoke", (d) => d.invitationC.id), expect: NOT_FOUND, why: "revoke agency C's invitation" },
  {
    as: "clientAdminA", method: "POST", path: () => "/invitations", expect: DENIED, why: "invite an agency admin (escalation)",
    form: () => ({ intent: "invite", email: `${unique("escalate")}@example.test`, role: "AGENCY_ADMIN", locale: "en" }),
  },
  { as: "clientMemberA", method: "GET", path: (d) => `/campaigns/${byId.campaignB(d)}`, expect: NOT_FOUND, why: "company B's campaign" },
  { as: "clientMemberA", method: "GET", path: () => "/team", expect: DENIED, why: "team (client admins only)" },
  { as: "clientMemberA", method: "GET", path: () => "/emails", expect: DENIED, why: "outbox" },
  { as: "clientMemberA", method: "POST", path: () => "/invitations", form: invitation("revoke", (d) => d.invitationA), expect: DENIED, why: "revoke own company's invitation (admins only)" },
  {
    as: "clientMemberA", method: "POST", path: () => "/invitations", expect: DENIED, why: "invite (admins only)",
    form: () => ({ intent: "invite", email: `${unique("member")}@example.test`, role: "CLIENT_MEMBER", locale: "en" }),
  },

  // SDRs see only the campaigns they are assigned to, and no agency management.
  { as: "sdrA", method: "GET", path: (d) => `/campaigns/${byId.campaignA(d)}`, expect: OK, why: "assigned campaign (control)", shows: (d) => d.a.campaign.name },
  { as: "otherSdrA", method: "GET", path: (d) => `/campaigns/${byId.campaignA(d)}`, expect: NOT_FOUND, why: "a campaign they are not assigned to" },
  { as: "sdrA", method: "GET", path: (d) => `/campaigns/${byId.campaignB(d)}`, expect: NOT_FOUND, why: "a campaign they are not assigned to" },
  { as: "sdrA", method: "GET", path: (d) => `/campaigns/${byId.campaignA(d)}/settings`, expect: DENIED, why: "campaign settings" },
  { as: "sdrA", method: "GET", path: (d) => `/clients/${byId.clientA(d)}`, expect: DENIED, why: "client page" },
  { as: "sdrA", method: "GET", path: () => "/clients", expect: DENIED, why: "client list" },
  { as: "sdrA", method: "GET", path: () => "/team", expect: DENIED, why: "team" },
  { as: "sdrA", method: "GET", path: () => "/emails", expect: DENIED, why: "outbox" },
  { as: "sdrA", method: "POST", path: (d) => `/campaigns/${byId.campaignA(d)}/settings`, form: assign((d) => d.a.otherSdr.userId), expect: DENIED, why: "assign SDRs" },
  { as: "sdrA", method: "POST", path: () => "/invitations", form: invitation("revoke", (d) => d.invitationA), expect: DENIED, why: "revoke an invitation" },

  // An AM sees the clients and campaigns they lead, not those of another AM.
  { as: "amA", method: "GET", path: (d) => `/clients/${byId.clientA(d)}`, expect: OK, why: "own client (control)", shows: (d) => d.a.client.name },
  { as: "amA", method: "GET", path: (d) => `/clients/${byId.clientB(d)}`, expect: NOT_FOUND, why: "another AM's client" },
  { as: "amA", method: "GET", path: (d) => `/campaigns/${byId.campaignB(d)}`, expect: NOT_FOUND, why: "another AM's campaign" },
  { as: "amA", method: "GET", path: (d) => `/campaigns/${byId.campaignB(d)}/settings`, expect: NOT_FOUND, why: "another AM's campaign settings" },
  { as: "amA", method: "GET", path: () => "/emails", expect: DENIED, why: "outbox (admins only)" },
  { as: "amA", method: "POST", path: (d) => `/clients/${byId.clientB(d)}`, form: clientEdit(), expect: NOT_FOUND, why: "edit another AM's client" },
  { as: "amA", method: "POST", path: (d) => `/campaigns/${byId.campaignB(d)}/settings`, form: campaignEdit, expect: NOT_FOUND, why: "edit another AM's campaign" },
  { as: "amA", method: "POST", path: (d) => `/campaigns/${byId.campaignB(d)}/settings`, form: assign((d) => d.a.sdr.userId), expect: NOT_FOUND, why: "staff another AM's campaign" },
  { as: "amA", method: "POST", path: () => "/invitations", form: invitation("resend", (d) => d.invitationB.id), expect: NOT_FOUND, why: "resend another AM's client's invitation" },
  { as: "amA", method: "POST", path: () => "/invitations", form: invitation("revoke", (d) => d.invitationB.id), expect: NOT_FOUND, why: "revoke another AM's client's invitation" },
  {
    as: "amA", method: "POST", path: () => "/invitations", expect: [400], why: "invite into another AM's client",
    form: (d) => ({ intent: "invite", email: `${unique("into-b")}@example.test`, role: "CLIENT_ADMIN", clientCompanyId: d.clientB.id, locale: "en" }),
  },

  // An agency admin sees all of agency A, nothing of agency C.
  { as: "adminA", method: "GET", path: (d) => `/clients/${byId.clientB(d)}`, expect: OK, why: "any client of the agency (control)", shows: (d) => d.campaignB.name },
  { as: "adminA", method: "GET", path: (d) => `/emails/${d.emailA}`, expect: OK, why: "the agency's email (control)" },
  { as: "adminA", method: "GET", path: (d) => `/clients/${byId.clientC(d)}`, expect: NOT_FOUND, why: "agency C's client" },
  { as: "adminA", method: "GET", path: (d) => `/campaigns/${byId.campaignC(d)}`, expect: NOT_FOUND, why: "agency C's campaign" },
  { as: "adminA", method: "GET", path: (d) => `/campaigns/${byId.campaignC(d)}/settings`, expect: NOT_FOUND, why: "agency C's campaign settings" },
  { as: "adminA", method: "GET", path: (d) => `/emails/${d.emailC}`, expect: NOT_FOUND, why: "agency C's email" },
  // The files sent with an email (Emails page): the agency admins only, through the file's own email.
  { as: "signedOut", method: "GET", path: (d) => `/emails/${d.emailA}/attachments/${d.fileA.id}`, expect: "login", why: "signed-out email attachment" },
  { as: "adminA", method: "GET", path: (d) => `/emails/${d.emailA}/attachments/${d.fileA.id}`, expect: OK, why: "the agency's email attachment (control)", shows: (d) => d.fileA.marker },
  { as: "amA", method: "GET", path: (d) => `/emails/${d.emailA}/attachments/${d.fileA.id}`, expect: DENIED, why: "an email attachment (admins only)" },
  { as: "sdrA", method: "GET", path: (d) => `/emails/${d.emailA}/attachments/${d.fileA.id}`, expect: DENIED, why: "an email attachment" },
  { as: "clientAdminA", method: "GET", path: (d) => `/emails/${d.emailA}/attachments/${d.fileA.id}`, expect: DENIED, why: "an email attachment of the agency" },
  { as: "clientMemberA", method: "GET", path: (d) => `/emails/${d.emailA}/attachments/${d.fileA.id}`, expect: DENIED, why: "an email attachment of the agency" },
  { as: "adminA", method: "GET", path: (d) => `/emails/${d.emailC}/attachments/${d.fileC}`, expect: NOT_FOUND, why: "agency C's email attachment" },
  { as: "adminA", method: "GET", path: (d) => `/emails/${d.emailA}/attachments/${d.fileC}`, expect: NOT_FOUND, why: "agency C's attachment through own email" },
  { as: "adminA", method: "POST", path: (d) => `/clients/${byId.clientC(d)}`, form: clientEdit(), expect: NOT_FOUND, why: "edit agency C's client" },
  { as: "adminA", method: "POST", path: (d) => `/campaigns/${byId.campaignC(d)}/settings`, form: campaignEdit, expect: NOT_FOUND, why: "edit agency C's campaign" },
  { as: "adminA", method: "POST", path: (d) => `/campaigns/${byId.campaignC(d)}/settings`, form: assign((d) => d.a.sdr.userId), expect: NOT_FOUND, why: "staff agency C's campaign" },
  { as: "adminA", method: "POST", path: (d) => `/campaigns/${byId.campaignA(d)}/settings`, form: assign((d) => d.c.sdr.userId), expect: [400], why: "put agency C's SDR on own campaign" },
  {
    as: "adminA", method: "POST", path: (d) => `/clients/${byId.clientA(d)}`, expect: [400], why: "make agency C's AM lead own client",
    form: (d) => ({ name: d.a.client.name, currency: "EUR", accountManagerId: d.c.am.userId }),
  },
  { as: "adminA", method: "POST", path: () => "/invitations", form: invitation("resend", (d) => d.invitationC.id), expect: NOT_FOUND, why: "resend agency C's invitation" },
  { as: "adminA", method: "POST", path: () => "/invitations", form: invitation("revoke", (d) => d.invitationC.id), expect: NOT_FOUND, why: "revoke agency C's invitation" },
  {
    as: "adminA", method: "POST", path: () => "/invitations", expect: [400], why: "invite into agency C's client",
    form: (d) => ({ intent: "invite", email: `${unique("into-c")}@example.test`, role: "CLIENT_ADMIN", clientCompanyId: d.c.client.id, locale: "en" }),
  },

  // The agency's settings (pace thresholds, maturity weights): its admin only.
  { as: "signedOut", method: "GET", path: () => "/settings/agency", expect: "login", why: "signed-out agency settings" },
  { as: "signedOut", method: "POST", path: () => "/settings/agency", form: settings, expect: "login", why: "signed-out settings change" },
  { as: "adminA", method: "GET", path: () => "/settings/agency", expect: OK, why: "own agency's settings (control)", shows: (d) => d.a.agency.name },
  ...(["amA", "sdrA", "clientAdminA", "clientMemberA"] as const).flatMap((as): Row[] => [
    { as, method: "GET", path: () => "/settings/agency", expect: [403], why: "agency settings (admin only)" },
    { as, method: "POST", path: () => "/settings/agency", form: settings, expect: [403], why: "change the agency settings" },
  ]),

  // Billing (issue 13): a client company's billing page, the agency's page, the ledger CSV.
  ...["/billing", "/billing/export"].map((p): Row => ({ as: "signedOut", method: "GET", path: () => p, expect: "login", why: `page ${p}` })),
  { as: "signedOut", method: "GET", path: (d) => `/billing/${byId.clientA(d)}`, expect: "login", why: "signed-out client billing" },
  { as: "signedOut", method: "POST", path: (d) => `/billing/${byId.clientA(d)}`, form: pricing, expect: "login", why: "signed-out pricing edit" },
  { as: "clientAdminA", method: "GET", path: (d) => `/billing/${byId.clientA(d)}`, expect: OK, why: "own company's billing (control)", shows: (d) => d.a.client.name },
  { as: "clientAdminA", method: "GET", path: () => "/billing", expect: [302], why: "billing lands on own company's" },
  { as: "clientAdminA", method: "GET", path: (d) => `/billing/${byId.clientB(d)}`, expect: NOT_FOUND, why: "company B's billing" },
  { as: "clientAdminA", method: "GET", path: (d) => `/billing/${byId.clientC(d)}`, expect: NOT_FOUND, why: "agency C's client billing" },
  { as: "clientAdminA", method: "GET", path: () => "/billing/export", expect: NOT_FOUND, why: "the agency ledger CSV" },
  { as: "clientAdminA", method: "POST", path: (d) => `/billing/${byId.clientA(d)}`, form: pricing, expect: NOT_FOUND, why: "edit own pricing (agency admin only)" },
  { as: "clientAdminA", method: "POST", path: (d) => `/billing/${byId.clientA(d)}`, form: () => ({ intent: "invoiceNow" }), expect: NOT_FOUND, why: "invoice own company now" },
  { as: "clientMemberA", method: "GET", path: (d) => `/billing/${byId.clientA(d)}`, expect: NOT_FOUND, why: "own company's billing (client admins only)" },
  { as: "clientMemberA", method: "GET", path: () => "/billing", expect: NOT_FOUND, why: "billing" },
  { as: "clientMemberA", method: "POST", path: (d) => `/billing/${byId.clientA(d)}`, form: () => ({ intent: "void", itemId: "x", reason: "r" }), expect: NOT_FOUND, why: "void an item" },
  { as: "sdrA", method: "GET", path: (d) => `/billing/${byId.clientA(d)}`, expect: NOT_FOUND, why: "client billing" },
  { as: "sdrA", method: "GET", path: () => "/billing", expect: NOT_FOUND, why: "agency billing" },
  { as: "sdrA", method: "GET", path: () => "/billing/export", expect: NOT_FOUND, why: "ledger CSV" },
  { as: "amA", method: "GET", path: (d) => `/billing/${byId.clientA(d)}`, expect: OK, why: "own client's billing (control)", shows: (d) => d.a.client.name },
  { as: "amA", method: "GET", path: () => "/billing", expect: OK, why: "agency billing, own clients (control)", shows: (d) => d.a.client.name },
  { as: "amA", method: "GET", path: (d) => `/billing/${byId.clientB(d)}`, expect: NOT_FOUND, why: "another AM's client billing" },
  { as: "amA", method: "POST", path: (d) => `/billing/${byId.clientA(d)}`, form: pricing, expect: [403], why: "edit pricing (admin only)" },
  { as: "amA", method: "GET", path: () => "/billing/export", expect: OK, why: "ledger CSV of own clients (control)" },
  { as: "adminA", method: "GET", path: (d) => `/billing/${byId.clientB(d)}`, expect: OK, why: "any client's billing (control)", shows: (d) => d.clientB.name },
  { as: "adminA", method: "GET", path: (d) => `/billing/${byId.clientC(d)}`, expect: NOT_FOUND, why: "agency C's client billing" },
  { as: "adminA", method: "POST", path: (d) => `/billing/${byId.clientC(d)}`, form: pricing, expect: NOT_FOUND, why: "edit agency C's pricing" },
  { as: "adminA", method: "POST", path: (d) => `/billing/${byId.clientC(d)}`, form: () => ({ intent: "invoiceNow" }), expect: NOT_FOUND.concat([400]), why: "invoice agency C's client" },
  { as: "adminA", method: "POST", path: (d) => `/billing/${byId.clientA(d)}`, form: () => ({ intent: "void", itemId: "not-ours", reason: "r" }), expect: NOT_FOUND, why: "void an item that is not the agency's" },
  // A member's access (/team/:membershipId): agency admins manage the agency's people, client admins their company's.
  { as: "signedOut", method: "GET", path: (d) => `/team/${d.a.clientMember.membershipId}`, expect: "login", why: "signed-out member page" },
  { as: "signedOut", method: "POST", path: (d) => `/team/${d.a.clientMember.membershipId}`, form: () => ({ intent: "deactivate" }), expect: "login", why: "signed-out deactivate" },
  { as: "clientAdminA", method: "GET", path: (d) => `/team/${d.a.clientMember.membershipId}`, expect: OK, why: "own company's member (control)", shows: (d) => d.a.clientMember.email },
  { as: "clientAdminA", method: "GET", path: (d) => `/team/${d.a.sdr.membershipId}`, expect: NOT_FOUND, why: "the agency's SDR" },
  { as: "clientAdminA", method: "GET", path: (d) => `/team/${d.c.clientMember.membershipId}`, expect: NOT_FOUND, why: "agency C's client member" },
  { as: "clientAdminA", method: "POST", path: (d) => `/team/${d.c.clientMember.membershipId}`, form: () => ({ intent: "deactivate" }), expect: NOT_FOUND, why: "deactivate agency C's member" },
  { as: "clientAdminA", method: "POST", path: (d) => `/team/${d.a.clientAdmin.membershipId}`, form: () => ({ intent: "role", role: "CLIENT_MEMBER" }), expect: NOT_FOUND, why: "change own role" },
  { as: "clientAdminA", method: "POST", path: (d) => `/team/${d.a.admin.membershipId}`, form: () => ({ intent: "deactivate" }), expect: NOT_FOUND, why: "deactivate the agency admin" },
  { as: "clientMemberA", method: "GET", path: (d) => `/team/${d.a.clientAdmin.membershipId}`, expect: DENIED, why: "member page (admins only)" },
  { as: "clientMemberA", method: "POST", path: (d) => `/team/${d.a.clientAdmin.membershipId}`, form: () => ({ intent: "deactivate" }), expect: DENIED, why: "deactivate own admin" },
  { as: "amA", method: "POST", path: (d) => `/team/${d.a.clientMember.membershipId}`, form: () => ({ intent: "deactivate" }), expect: DENIED, why: "deactivate (admins only)" },
  { as: "sdrA", method: "GET", path: (d) => `/team/${d.a.otherSdr.membershipId}`, expect: DENIED, why: "member page (admins only)" },
  { as: "adminA", method: "GET", path: (d) => `/team/${d.a.sdr.membershipId}`, expect: OK, why: "the agency's SDR (control)", shows: (d) => d.a.sdr.email },
  { as: "adminA", method: "POST", path: (d) => `/team/${d.c.sdr.membershipId}`, form: () => ({ intent: "deactivate" }), expect: NOT_FOUND, why: "deactivate agency C's SDR" },
  { as: "adminA", method: "POST", path: (d) => `/team/${d.c.clientAdmin.membershipId}`, form: () => ({ intent: "role", role: "CLIENT_MEMBER" }), expect: NOT_FOUND, why: "change agency C's member's role" },

  // Dashboards (issue 12): the portfolio lists only campaigns in scope, whatever the filters; the Overview's
  // period and sort parameters change nothing to who may open it.
  { as: "signedOut", method: "GET", path: () => "/portfolio", expect: "login", why: "signed-out portfolio" },
  { as: "adminA", method: "GET", path: () => "/portfolio?period=quarter", expect: OK, why: "portfolio: every campaign of the agency (control)", shows: (d) => d.campaignB.name, hides: true },
  { as: "adminA", method: "GET", path: (d) => `/portfolio?client=${byId.clientC(d)}`, expect: OK, why: "portfolio filtered on agency C's client", hides: true },
  ...(["amA", "sdrA", "clientAdminA", "clientMemberA"] as const).map((as): Row => ({
    as, method: "GET", path: () => "/portfolio?period=month&sort=booked&dir=desc", expect: OK, why: "portfolio: own campaigns only", shows: (d) => d.a.campaign.name, hides: true,
  })),
  { as: "clientAdminA", method: "GET", path: (d) => `/portfolio?client=${byId.clientB(d)}&status=ACTIVE`, expect: OK, why: "portfolio filtered on company B", hides: true },
  { as: "clientAdminA", method: "GET", path: (d) => `/campaigns/${byId.campaignB(d)}?period=campaign&sort=booked`, expect: NOT_FOUND, why: "company B's Overview with a period" },
  { as: "clientAdminA", method: "POST", path: (d) => `/campaigns/${byId.campaignA(d)}/targeting`, form: () => ({ intent: "fromEvidence", personaId: "x" }), expect: DENIED, why: "start a persona draft from the evidence (agency only)" },
  { as: "adminA", method: "POST", path: (d) => `/campaigns/${byId.campaignC(d)}/targeting`, form: () => ({ intent: "fromEvidence", personaId: "x" }), expect: NOT_FOUND.concat([400]), why: "evidence draft on agency C's campaign" },
  { as: "clientAdminA", method: "GET", path: (d) => `/campaigns/${byId.campaignB(d)}/targeting`, expect: NOT_FOUND, why: "company B's targeting evidence" },
  { as: "clientAdminA", method: "GET", path: (d) => `/campaigns/${byId.campaignA(d)}?period=custom&from=2026-05-10&to=2026-05-01`, expect: OK, why: "own Overview with a reversed range (message, not 500)", shows: (d) => d.a.campaign.name },

  // Notifications: each user's own, nobody else's (another user's id is a 404); the unsubscribe link is its own credential.
  { as: "signedOut", method: "GET", path: () => "/notifications", expect: "login", why: "signed-out notifications" },
  { as: "signedOut", method: "GET", path: (d) => `/notifications/${d.noteAdminA.id}`, expect: "login", why: "signed-out open a notification" },
  { as: "signedOut", method: "GET", path: () => "/inbox/unread", expect: "login", why: "signed-out unread count" },
  { as: "signedOut", method: "POST", path: () => "/notifications", expect: "login", why: "signed-out mark all read" },
  { as: "signedOut", method: "POST", path: () => "/unsubscribe/not-a-token", expect: NOT_FOUND, why: "unsubscribe with a forged token" },
  { as: "clientAdminA", method: "GET", path: () => "/notifications", expect: OK, why: "own notifications (control)", shows: (d) => d.noteAdminA.title },
  { as: "clientAdminA", method: "GET", path: (d) => `/notifications?campaign=${byId.campaignB(d)}`, expect: OK, why: "filter by company B's campaign shows nothing of it" },
  { as: "clientAdminA", method: "GET", path: (d) => `/notifications/${d.noteMemberA}`, expect: NOT_FOUND, why: "a colleague's notification" },
  { as: "clientAdminA", method: "GET", path: (d) => `/notifications/${d.noteC}`, expect: NOT_FOUND, why: "agency C's notification" },
  { as: "adminA", method: "GET", path: (d) => `/notifications/${d.noteC}`, expect: NOT_FOUND, why: "agency C's notification" },
  { as: "sdrA", method: "GET", path: (d) => `/notifications/${d.noteAdminA.id}`, expect: NOT_FOUND, why: "a client's notification" },
];

let data: Data;
const cookies = new Map<Asker, string>();

async function pendingInvitation(actor: Actor, clientCompanyId: string) {
  const email = `${unique("pending")}@example.test`;
  const { invitation } = await createInvitation(actor, { email, role: "CLIENT_MEMBER", clientCompanyId, locale: "en" }, "http://localhost");
  return { id: invitation.id, email };
}

test.beforeAll(async () => {
  const a = await createAgencyWithClient({ clientName: unique("Client A"), campaignName: unique("Campaign A") });
  const c = await createAgencyWithClient({ agencyName: unique("Agency C"), clientName: unique("Client C"), campaignName: unique("Campaign C") });
  const amB = await createMember(a.agency.id, "ACCOUNT_MANAGER");
  const clientB = await createClient(a.admin, { name: unique("Client B"), currency: "EUR", accountManagerId: amB.userId });
  const campaignB = await createCampaign(amB, { clientCompanyId: clientB.id, name: unique("Campaign B") });
  const invitationA = (await pendingInvitation(a.admin, a.client.id)).id;
  const invitationB = await pendingInvitation(a.admin, clientB.id);
  const invitationC = await pendingInvitation(c.admin, c.client.id);
  const emailA = (await prisma.emailOutbox.findFirstOrThrow({ where: { agencyId: a.agency.id } })).id;
  const emailC = (await prisma.emailOutbox.findFirstOrThrow({ where: { agencyId: c.agency.id } })).id;
  const file = (emailId: string, text: string) =>
    prisma.emailAttachment.create({ data: { emailId, filename: "invite.ics", contentType: "text/calendar; charset=utf-8", content: new Uint8Array(Buffer.from(text)), size: Buffer.byteLength(text) } });
  const markerA = unique("file-a");
  const fileA = { id: (await file(emailA, `BEGIN:VCALENDAR\r\nX-MARK:${markerA}\r\nEND:VCALENDAR\r\n`)).id, marker: markerA };
  const fileC = (await file(emailC, `BEGIN:VCALENDAR\r\nX-WR-CALNAME:${c.campaign.name}\r\nEND:VCALENDAR\r\n`)).id;
  const note = (w: AgencyWorld, userId: string, title: string, campaignId: string) =>
    prisma.notification.create({ data: { agencyId: w.agency.id, userId, kind: "VERSION_PROPOSED", channel: "IN_APP", locale: "en", title, href: `/campaigns/${campaignId}`, campaignId } });
  const noteAdminA = await note(a, a.clientAdmin.userId, unique("Own notification"), a.campaign.id);
  const noteMemberA = (await note(a, a.clientMember.userId, unique("Member's notification"), a.campaign.id)).id;
  const noteC = (await note(c, c.admin.userId, `About ${c.campaign.name}`, c.campaign.id)).id;
  // Calendar links exist, so the calendar page lists each asker's campaigns.
  await resetCalendarFeed(a.clientAdmin);
  await resetCalendarFeed(a.sdr);
  data = { a, c, clientB, campaignB, invitationA, invitationB, invitationC, emailA, emailC, fileA, fileC, noteAdminA: { id: noteAdminA.id, title: noteAdminA.title }, noteMemberA, noteC };
  const actors: Record<Exclude<Asker, "signedOut">, Actor> = {
    adminA: a.admin, amA: a.am, sdrA: a.sdr, otherSdrA: a.otherSdr, clientAdminA: a.clientAdmin, clientMemberA: a.clientMember,
  };
  for (const [k, actor] of Object.entries(actors)) cookies.set(k as Asker, await sessionCookieHeader(actor));
});

/** What an asker must never read: the names of records outside their scope. */
function secretsFor(as: Asker, d: Data) {
  const agencyC = [d.c.agency.name, d.c.client.name, d.c.campaign.name, d.invitationC.email];
  const companyB = [d.clientB.name, d.campaignB.name, d.invitationB.email];
  return as === "adminA" ? agencyC : [...agencyC, ...companyB];
}

async function ask(row: Row, request: import("@playwright/test").APIRequestContext): Promise<APIResponse> {
  const headers: Record<string, string> = {};
  const cookie = cookies.get(row.as);
  if (cookie) headers.Cookie = cookie;
  const url = row.path(data);
  return row.method === "GET"
    ? request.get(url, { headers, maxRedirects: 0 })
    : request.post(url, { headers, form: row.form?.(data) ?? {}, maxRedirects: 0 });
}

for (const row of ROWS) {
  const title = `${row.as} ${row.method} ${row.why} -> ${row.expect === "login" ? "sign-in" : row.expect.join("/")}`;
  test(title, async ({ request }) => {
    const res = await ask(row, request);
    const body = await res.text();
    expect(res.status(), `${row.method} ${row.path(data)}`).toBeLessThan(500);
    if (row.expect === "login") {
      expect(res.status()).toBe(302);
      expect(res.headers()["location"]).toMatch(/^\/login\?redirectTo=/);
      return;
    }
    expect(row.expect, `${row.method} ${row.path(data)} answered ${res.status()}`).toContain(res.status());
    if (row.shows) expect(body).toContain(row.shows(data));
    if (res.status() !== 200 || row.hides) {
      for (const secret of secretsFor(row.as, data)) expect(body, `the answer reveals "${secret}"`).not.toContain(secret);
    }
  });
}

test("after the walk, nothing of another tenant has changed", async () => {
  const d = data;
  const clientB = await prisma.clientCompany.findUniqueOrThrow({ where: { id: d.clientB.id } });
  expect(clientB.name).toBe(d.clientB.name);
  const clientC = await prisma.clientCompany.findUniqueOrThrow({ where: { id: d.c.client.id } });
  expect(clientC.name).toBe(d.c.client.name);
  const clientA = await prisma.clientCompany.findUniqueOrThrow({ where: { id: d.a.client.id } });
  expect(clientA.accountManagerId).toBe(d.a.am.userId);
  expect(await prisma.agency.count({ where: { id: { in: [d.a.agency.id, d.c.agency.id] }, paceOnTrackPct: 50 } })).toBe(0);
  expect(await prisma.billingProfile.count({ where: { clientCompanyId: { in: [d.c.client.id, d.a.client.id] } } })).toBe(0);
  for (const id of [d.campaignB.id, d.c.campaign.id]) {
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id } })).name).not.toBe("Taken over");
  }
  expect(await prisma.campaignAssignment.count({ where: { campaignId: d.campaignB.id } })).toBe(0);
  expect(await prisma.campaignAssignment.count({ where: { campaignId: d.c.campaign.id, userId: d.a.sdr.userId } })).toBe(0);
  expect(await prisma.campaignAssignment.count({ where: { campaignId: d.a.campaign.id } })).toBe(1);
  expect(await prisma.notification.count({ where: { id: { in: [d.noteMemberA, d.noteC] }, readAt: null } })).toBe(2);
  for (const id of [d.invitationA, d.invitationB.id, d.invitationC.id]) {
    const inv = await prisma.invitation.findUniqueOrThrow({ where: { id } });
    expect(inv.revokedAt, `invitation ${inv.email} still pending`).toBeNull();
  }
  // Only the invitation emails of the setup: no resend went out.
  expect(await prisma.emailOutbox.count({ where: { to: { in: [d.invitationB.email, d.invitationC.email] } } })).toBe(2);
  expect(await prisma.invitation.count({ where: { role: "AGENCY_ADMIN", agencyId: d.a.agency.id } })).toBe(0);
  expect(await prisma.invitation.count({ where: { clientCompanyId: { in: [d.clientB.id, d.c.client.id] } } })).toBe(2);
  // Nobody was deactivated and no role changed.
  expect(await prisma.membership.count({ where: { agencyId: { in: [d.a.agency.id, d.c.agency.id] }, deactivatedAt: { not: null } } })).toBe(0);
  expect((await prisma.membership.findUniqueOrThrow({ where: { id: d.a.clientAdmin.membershipId } })).role).toBe("CLIENT_ADMIN");
  expect((await prisma.membership.findUniqueOrThrow({ where: { id: d.c.clientAdmin.membershipId } })).role).toBe("CLIENT_ADMIN");
});
