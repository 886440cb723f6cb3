// Notifications: who may receive each kind, the defaults per role, and how a user's choice routes a notification.
import { describe, expect, it } from "vitest";
import {
  AUDIENCE,
  channelFor,
  defaultChannel,
  isSecurityTemplate,
  kindsFor,
  mayReceive,
  NOTIFICATION_KINDS,
  recipientsFor,
  type NotificationKind,
} from "~/domain/notifications/kinds";
import { ROLES } from "~/domain/shared/permissions";

describe("notification kinds", () => {
  it("lists the thirteen events of the issue and the two of issue 9 (attendance presumption, meeting flagged)", () => {
    expect(NOTIFICATION_KINDS).toHaveLength(15);
    for (const kind of NOTIFICATION_KINDS) expect(AUDIENCE[kind].length).toBeGreaterThan(0);
  });

  it("sends what the client decides or reviews to the client, and its answers to the agency", () => {
    expect(mayReceive("CLIENT_ADMIN", "VERSION_PROPOSED")).toBe(true);
    expect(mayReceive("ACCOUNT_MANAGER", "VERSION_PROPOSED")).toBe(false);
    expect(mayReceive("ACCOUNT_MANAGER", "VERSION_DECIDED")).toBe(true);
    expect(mayReceive("CLIENT_ADMIN", "VERSION_DECIDED")).toBe(false);
    expect(mayReceive("CLIENT_ADMIN", "MEETING_TO_REVIEW")).toBe(true);
    expect(mayReceive("CLIENT_MEMBER", "MEETING_TO_REVIEW")).toBe(false);
    expect(mayReceive("ACCOUNT_MANAGER", "DISPUTE_OPENED")).toBe(true);
    expect(mayReceive("CLIENT_ADMIN", "DISPUTE_OPENED")).toBe(false);
    expect(mayReceive("SDR", "DISPUTE_RESOLVED")).toBe(true);
    expect(mayReceive("CLIENT_ADMIN", "DISPUTE_RESOLVED")).toBe(true);
  });

  it("never tells a client about the agency's internal follow-up", () => {
    const internal: NotificationKind[] = ["ATTENDANCE_MISSING", "OBJECTIVE_OFF_TRACK", "RITUAL_DUE", "DISPUTE_OPENED"];
    for (const kind of internal) {
      expect(mayReceive("CLIENT_ADMIN", kind)).toBe(false);
      expect(mayReceive("CLIENT_MEMBER", kind)).toBe(false);
    }
  });

  it("gives an SDR nothing about invoices, payments or versions", () => {
    expect(kindsFor("SDR")).toEqual(["DISPUTE_RESOLVED", "ATTENDANCE_MISSING", "RITUAL_DUE", "ATTENDANCE_PRESUMPTION"]);
  });

  it("recognises security emails, which no preference or unsubscribe touches", () => {
    for (const t of ["invitation", "password-reset", "new-sign-in", "deactivation"]) expect(isSecurityTemplate(t)).toBe(true);
    expect(isSecurityTemplate("meeting-booked")).toBe(false);
  });
});

describe("defaults per role", () => {
  it("does not flood a client admin: meetings booked go to the digest, disputes and windows closing by email", () => {
    expect(defaultChannel("CLIENT_ADMIN", "MEETING_BOOKED")).toBe("DIGEST");
    expect(defaultChannel("CLIENT_ADMIN", "DISPUTE_WINDOW_CLOSING")).toBe("EMAIL");
    expect(defaultChannel("CLIENT_ADMIN", "DISPUTE_RESOLVED")).toBe("EMAIL");
    expect(defaultChannel("CLIENT_ADMIN", "INVOICE_ISSUED")).toBe("EMAIL");
  });

  it("sends an AM the client's answers and disputes at once", () => {
    expect(defaultChannel("ACCOUNT_MANAGER", "VERSION_DECIDED")).toBe("EMAIL");
    expect(defaultChannel("ACCOUNT_MANAGER", "DISPUTE_OPENED")).toBe("EMAIL");
  });

  it("has a default for every kind each role may receive, and never emails a client member at once by default", () => {
    for (const role of ROLES) {
      for (const kind of kindsFor(role)) expect(["EMAIL", "DIGEST", "IN_APP"]).toContain(defaultChannel(role, kind));
    }
    for (const kind of kindsFor("CLIENT_MEMBER")) expect(defaultChannel("CLIENT_MEMBER", kind)).not.toBe("EMAIL");
  });

  it("lets the user's choice win over the default", () => {
    expect(channelFor("CLIENT_ADMIN", "MEETING_BOOKED", {})).toBe("DIGEST");
    expect(channelFor("CLIENT_ADMIN", "MEETING_BOOKED", { MEETING_BOOKED: "IN_APP" })).toBe("IN_APP");
    expect(channelFor("CLIENT_ADMIN", "MEETING_BOOKED", { MEETING_BOOKED: "EMAIL" })).toBe("EMAIL");
    expect(channelFor("CLIENT_ADMIN", "MEETING_BOOKED", { INVOICE_ISSUED: "IN_APP" })).toBe("DIGEST");
    expect(defaultChannel("ACCOUNT_MANAGER", "OBJECTIVE_OFF_TRACK")).toBe("EMAIL");
  });
});

describe("recipients", () => {
  const team = [
    { userId: "admin", role: "AGENCY_ADMIN" as const },
    { userId: "am", role: "ACCOUNT_MANAGER" as const },
    { userId: "sdr", role: "SDR" as const },
    { userId: "cadmin", role: "CLIENT_ADMIN" as const },
    { userId: "member", role: "CLIENT_MEMBER" as const },
  ];
  const ids = (kind: NotificationKind, opts?: { internal?: boolean }, people = team) =>
    recipientsFor(kind, people, opts).map((r) => r.userId);

  it("computes each kind's recipients from who may see it", () => {
    expect(ids("VERSION_PROPOSED")).toEqual(["cadmin", "member"]);
    expect(ids("VERSION_DECIDED")).toEqual(["admin", "am"]);
    expect(ids("MEETING_BOOKED")).toEqual(["cadmin", "member"]);
    expect(ids("MEETING_TO_REVIEW")).toEqual(["cadmin"]);
    expect(ids("DISPUTE_WINDOW_CLOSING")).toEqual(["cadmin"]);
    expect(ids("DISPUTE_OPENED")).toEqual(["admin", "am"]);
    expect(ids("DISPUTE_RESOLVED")).toEqual(["sdr", "cadmin"]);
    expect(ids("ATTENDANCE_MISSING")).toEqual(["am", "sdr"]);
    expect(ids("REPORT_SENT")).toEqual(["cadmin", "member"]);
    expect(ids("INVOICE_ISSUED")).toEqual(["cadmin"]);
    expect(ids("PAYMENT_FAILED")).toEqual(["admin", "cadmin"]);
    expect(ids("OBJECTIVE_OFF_TRACK")).toEqual(["admin", "am"]);
    expect(ids("RITUAL_DUE")).toEqual(["am", "sdr"]);
  });

  it("never notifies the actor, and each user once", () => {
    const people = [{ ...team[3], isActor: true }, team[4], team[4]];
    expect(ids("MEETING_BOOKED", undefined, people)).toEqual(["member"]);
  });

  it("keeps an internal event (an internal note, an SDR's assessment) from every client user", () => {
    expect(ids("DISPUTE_RESOLVED", { internal: true })).toEqual(["sdr"]);
    expect(ids("MEETING_BOOKED", { internal: true })).toEqual([]);
  });
});
