// Notifications (DESIGN.md, "Email and notifications"; issue 16): the kinds of event that notify, who may receive
// each, how each role receives it by default, and how a user's choice routes one notification. Pure: the collector
// (app/models/effects.server.ts) writes the rows, the outbox sends the emails.
import type { Role } from "~/domain/shared/permissions";

export const NOTIFICATION_KINDS = [
  "VERSION_PROPOSED",
  "VERSION_DECIDED",
  "MEETING_BOOKED",
  "MEETING_TO_REVIEW",
  "DISPUTE_WINDOW_CLOSING",
  "DISPUTE_OPENED",
  "DISPUTE_RESOLVED",
  "ATTENDANCE_MISSING",
  "REPORT_SENT",
  "INVOICE_ISSUED",
  "PAYMENT_FAILED",
  "OBJECTIVE_OFF_TRACK",
  "RITUAL_DUE",
  "ATTENDANCE_PRESUMPTION",
  "MEETING_FLAGGED",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a notification reaches its recipient besides the inbox (every notification is in the inbox). */
export const CHANNELS = ["EMAIL", "DIGEST", "IN_APP"] as const;
export type Channel = (typeof CHANNELS)[number];

/** Emails that are never a notification: they always go by email, carry no unsubscribe and ignore preferences. */
export const SECURITY_TEMPLATES = ["invitation", "password-reset", "new-sign-in", "deactivation"] as const;
export function isSecurityTemplate(template: string): boolean {
  return (SECURITY_TEMPLATES as readonly string[]).includes(template);
}

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
export function isChannel(value: unknown): value is Channel {
  return typeof value === "string" && (CHANNELS as readonly string[]).includes(value);
}

const ADMIN: Role = "AGENCY_ADMIN";
const AM: Role = "ACCOUNT_MANAGER";
const SDR: Role = "SDR";
const CADMIN: Role = "CLIENT_ADMIN";
const MEMBER: Role = "CLIENT_MEMBER";

/**
 * The roles that may receive each kind (DESIGN.md's list): a notification only goes to someone who may see what it is
 * about. Scope (which campaign) is applied by the caller; this is the role half of "who may see it".
 */
export const AUDIENCE: Record<NotificationKind, readonly Role[]> = {
  VERSION_PROPOSED: [CADMIN, MEMBER],
  VERSION_DECIDED: [ADMIN, AM],
  MEETING_BOOKED: [CADMIN, MEMBER],
  MEETING_TO_REVIEW: [CADMIN],
  DISPUTE_WINDOW_CLOSING: [CADMIN],
  DISPUTE_OPENED: [ADMIN, AM],
  DISPUTE_RESOLVED: [CADMIN, SDR],
  ATTENDANCE_MISSING: [AM, SDR],
  REPORT_SENT: [CADMIN, MEMBER],
  INVOICE_ISSUED: [CADMIN],
  PAYMENT_FAILED: [ADMIN, CADMIN],
  OBJECTIVE_OFF_TRACK: [ADMIN, AM],
  RITUAL_DUE: [AM, SDR],
  /** Issue 9: the client attendee (else the client admins) and the SDR, a day before attendance is presumed. */
  ATTENDANCE_PRESUMPTION: [CADMIN, MEMBER, SDR],
  /** Issue 9: a client member flags a meeting to the client admins, who decide. */
  MEETING_FLAGGED: [CADMIN],
};

/**
 * Default channel per role and kind, chosen so a client admin is not flooded: meetings booked go to the daily digest
 * (the inbox shows them at once); what needs an answer soon (disputes, windows closing, versions to decide, a failed
 * payment) by email at once; an objective turning off track reaches its AM by email at once (once per period).
 */
const DEFAULTS: Record<Role, Partial<Record<NotificationKind, Channel>>> = {
  CLIENT_ADMIN: {
    VERSION_PROPOSED: "EMAIL",
    MEETING_BOOKED: "DIGEST",
    MEETING_TO_REVIEW: "EMAIL",
    DISPUTE_WINDOW_CLOSING: "EMAIL",
    DISPUTE_RESOLVED: "EMAIL",
    REPORT_SENT: "EMAIL",
    INVOICE_ISSUED: "EMAIL",
    PAYMENT_FAILED: "EMAIL",
    ATTENDANCE_PRESUMPTION: "EMAIL",
    MEETING_FLAGGED: "EMAIL",
  },
  CLIENT_MEMBER: {
    VERSION_PROPOSED: "DIGEST",
    MEETING_BOOKED: "DIGEST",
    REPORT_SENT: "DIGEST",
    ATTENDANCE_PRESUMPTION: "DIGEST",
  },
  ACCOUNT_MANAGER: {
    VERSION_DECIDED: "EMAIL",
    DISPUTE_OPENED: "EMAIL",
    ATTENDANCE_MISSING: "DIGEST",
    OBJECTIVE_OFF_TRACK: "EMAIL",
    RITUAL_DUE: "DIGEST",
  },
  AGENCY_ADMIN: {
    VERSION_DECIDED: "DIGEST",
    DISPUTE_OPENED: "DIGEST",
    PAYMENT_FAILED: "EMAIL",
    OBJECTIVE_OFF_TRACK: "DIGEST",
  },
  SDR: {
    DISPUTE_RESOLVED: "EMAIL",
    ATTENDANCE_MISSING: "EMAIL",
    RITUAL_DUE: "IN_APP",
    ATTENDANCE_PRESUMPTION: "EMAIL",
  },
};

export function mayReceive(role: Role, kind: NotificationKind): boolean {
  return AUDIENCE[kind].includes(role);
}

/** The kinds a role may receive, in DESIGN.md's order: the rows of the preferences form. */
export function kindsFor(role: Role): NotificationKind[] {
  return NOTIFICATION_KINDS.filter((kind) => mayReceive(role, kind));
}

/** The channel a role gets by default for a kind it may receive (in-app when nothing more is chosen). */
export function defaultChannel(role: Role, kind: NotificationKind): Channel {
  return DEFAULTS[role][kind] ?? "IN_APP";
}

export type Preferences = Partial<Record<NotificationKind, Channel>>;

/** The channel one notification takes: the user's choice, else the role's default. */
export function channelFor(role: Role, kind: NotificationKind, preferences: Preferences): Channel {
  return preferences[kind] ?? defaultChannel(role, kind);
}

export interface Candidate {
  userId: string;
  role: Role;
  /** The user who made the change is not notified of it. */
  isActor?: boolean;
}

/**
 * The recipients of one event among the users who can see its campaign: those whose role may receive the kind,
 * never the actor, each once (a user with two memberships is notified once). An `internal` event (an internal note,
 * an SDR's assessment) reaches agency roles only, whatever the kind says.
 */
export function recipientsFor(
  kind: NotificationKind,
  candidates: readonly Candidate[],
  options: { internal?: boolean } = {},
): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const c of candidates) {
    if (c.isActor || seen.has(c.userId)) continue;
    if (!mayReceive(c.role, kind)) continue;
    if (options.internal && (c.role === CADMIN || c.role === MEMBER)) continue;
    seen.add(c.userId);
    out.push(c);
  }
  return out;
}

/** Default daily digest hour, in the user's time zone. */
export const DEFAULT_DIGEST_HOUR = 8;
