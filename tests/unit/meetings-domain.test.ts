import {
  allowedStatusActions,
  canChangeStatus,
  canDecide,
  canEdit,
  canRate,
  canResolve,
  checkDispute,
  dueForAutoAccept,
  isBillable,
  loggingRefusal,
  loggingWarnings,
  reviewDeadline,
  VERDICTS,
  MEETING_STATUSES,
  type MeetingFacts,
} from "~/domain/meetings/rules";
import { isValidTimeZone, utcToZonedInput, zonedToUtc } from "~/domain/shared/timezone";

const now = new Date("2026-11-24T12:00:00Z");
const past = new Date("2026-11-24T09:00:00Z");
const future = new Date("2026-11-26T09:00:00Z");
const m = (over: Partial<MeetingFacts> = {}): MeetingFacts => ({
  status: "SCHEDULED",
  verdict: "PENDING",
  sdrId: "sdr1",
  scheduledAt: past,
  reviewDueAt: null,
  ratedAt: null,
  ...over,
});

describe("billable", () => {
  it("is exactly held and (accepted or dispute rejected)", () => {
    for (const status of MEETING_STATUSES)
      for (const verdict of VERDICTS)
        expect(isBillable({ status, verdict })).toBe(status === "HELD" && (verdict === "ACCEPTED" || verdict === "DISPUTE_REJECTED"));
  });
});

describe("status changes", () => {
  it("lets every role with meeting:status record attendance of a started meeting, SDRs only their own", () => {
    for (const role of ["AGENCY_ADMIN", "ACCOUNT_MANAGER", "CLIENT_ADMIN", "CLIENT_MEMBER"] as const)
      expect(canChangeStatus(role, "x", m(), "HELD", now).ok).toBe(true);
    expect(canChangeStatus("SDR", "sdr1", m(), "HELD", now).ok).toBe(true);
    expect(canChangeStatus("SDR", "sdr2", m(), "HELD", now)).toEqual({ ok: false, reason: "common.forbiddenBody" });
  });
  it("a client records attendance while nobody has, but never turns a held meeting into a no-show (that is a dispute)", () => {
    for (const role of ["CLIENT_ADMIN", "CLIENT_MEMBER"] as const) {
      expect(canChangeStatus(role, "x", m(), "NO_SHOW", now).ok).toBe(true);
      expect(canChangeStatus(role, "x", m(), "HELD", now).ok).toBe(true);
      expect(canChangeStatus(role, "x", m({ status: "HELD" }), "NO_SHOW", now)).toEqual({ ok: false, reason: "meetings.errors.attendanceSet" });
      expect(canChangeStatus(role, "x", m({ status: "NO_SHOW" }), "HELD", now)).toEqual({ ok: false, reason: "meetings.errors.attendanceSet" });
      expect(allowedStatusActions(role, "x", m({ status: "HELD" }), now)).toEqual([]);
    }
  });

  it("never marks a meeting held or no-show before it starts", () => {
    expect(canChangeStatus("AGENCY_ADMIN", "x", m({ scheduledAt: future }), "HELD", now).ok).toBe(false);
    expect(canChangeStatus("AGENCY_ADMIN", "x", m({ scheduledAt: future }), "NO_SHOW", now).ok).toBe(false);
    expect(canChangeStatus("AGENCY_ADMIN", "x", m({ scheduledAt: future }), "CANCELLED", now).ok).toBe(true);
  });
  it("the agency corrects held <-> no-show until reviewed, freezes after a verdict", () => {
    expect(canChangeStatus("ACCOUNT_MANAGER", "x", m({ status: "HELD" }), "NO_SHOW", now).ok).toBe(true);
    expect(canChangeStatus("ACCOUNT_MANAGER", "x", m({ status: "HELD", ratedAt: now }), "NO_SHOW", now).ok).toBe(false);
    expect(canChangeStatus("AGENCY_ADMIN", "x", m({ status: "HELD", verdict: "ACCEPTED" }), "NO_SHOW", now).ok).toBe(false);
    expect(canChangeStatus("AGENCY_ADMIN", "x", m({ status: "CANCELLED" }), "HELD", now).ok).toBe(false);
    expect(canChangeStatus("AGENCY_ADMIN", "x", m({ status: "HELD" }), "CANCELLED", now).ok).toBe(false);
  });
  it("reschedules to a future time only, never a held meeting", () => {
    expect(canChangeStatus("AGENCY_ADMIN", "x", m(), "RESCHEDULE", now, future).ok).toBe(true);
    expect(canChangeStatus("AGENCY_ADMIN", "x", m({ status: "NO_SHOW" }), "RESCHEDULE", now, future).ok).toBe(true);
    expect(canChangeStatus("AGENCY_ADMIN", "x", m(), "RESCHEDULE", now, past).ok).toBe(false);
    expect(canChangeStatus("AGENCY_ADMIN", "x", m({ status: "HELD" }), "RESCHEDULE", now, future).ok).toBe(false);
  });
  it("lists the actions offered", () => {
    expect(allowedStatusActions("CLIENT_MEMBER", "x", m(), now)).toEqual(["HELD", "NO_SHOW", "CANCELLED", "RESCHEDULE"]);
    expect(allowedStatusActions("SDR", "other", m(), now)).toEqual([]);
  });
});

describe("review", () => {
  const held = m({ status: "HELD", reviewDueAt: new Date(now.getTime() + 86400_000) });
  it("rating: client roles on held meetings", () => {
    expect(canRate("CLIENT_MEMBER", held).ok).toBe(true);
    expect(canRate("CLIENT_ADMIN", held).ok).toBe(true);
    for (const role of ["AGENCY_ADMIN", "ACCOUNT_MANAGER", "SDR"] as const) expect(canRate(role, held).ok).toBe(false);
    expect(canRate("CLIENT_MEMBER", m()).ok).toBe(false);
  });
  it("verdict: client admin only, inside the window, once", () => {
    expect(canDecide("CLIENT_ADMIN", held, now).ok).toBe(true);
    for (const role of ["AGENCY_ADMIN", "ACCOUNT_MANAGER", "SDR", "CLIENT_MEMBER"] as const) expect(canDecide(role, held, now).ok).toBe(false);
    expect(canDecide("CLIENT_ADMIN", { ...held, reviewDueAt: past }, now)).toEqual({ ok: false, reason: "meetings.errors.windowClosed" });
    expect(canDecide("CLIENT_ADMIN", { ...held, verdict: "ACCEPTED" }, now).ok).toBe(false);
    expect(canDecide("CLIENT_ADMIN", m({ reviewDueAt: future }), now).ok).toBe(false);
  });
  it("resolution: admin and AM, disputed meetings only", () => {
    expect(canResolve("ACCOUNT_MANAGER", { verdict: "DISPUTED" }).ok).toBe(true);
    expect(canResolve("AGENCY_ADMIN", { verdict: "DISPUTED" }).ok).toBe(true);
    expect(canResolve("SDR", { verdict: "DISPUTED" }).ok).toBe(false);
    expect(canResolve("CLIENT_ADMIN", { verdict: "DISPUTED" }).ok).toBe(false);
    expect(canResolve("AGENCY_ADMIN", { verdict: "ACCEPTED" }).ok).toBe(false);
  });
  it("editing stops once the client reviewed it", () => {
    expect(canEdit("SDR", "sdr1", m()).ok).toBe(true);
    expect(canEdit("SDR", "sdr2", m()).ok).toBe(false);
    expect(canEdit("SDR", "sdr1", m({ ratedAt: now })).ok).toBe(false);
    expect(canEdit("CLIENT_ADMIN", "x", m()).ok).toBe(false);
  });
  it("dispute names known criteria with reasons", () => {
    expect(checkDispute([], ["a"]).ok).toBe(false);
    expect(checkDispute([{ criterionId: "z", reason: "r" }], ["a"]).ok).toBe(false);
    expect(checkDispute([{ criterionId: "a", reason: " " }], ["a"]).ok).toBe(false);
    expect(checkDispute([{ criterionId: "a", reason: "r" }], ["a"]).ok).toBe(true);
  });
  it("window counts from the later of the meeting time and the marking", () => {
    expect(reviewDeadline(past, now, 7).toISOString()).toBe("2026-12-01T12:00:00.000Z");
    expect(dueForAutoAccept({ status: "HELD", verdict: "PENDING", reviewDueAt: past }, now)).toBe(true);
    expect(dueForAutoAccept({ status: "HELD", verdict: "PENDING", reviewDueAt: future }, now)).toBe(false);
    expect(dueForAutoAccept({ status: "HELD", verdict: "DISPUTED", reviewDueAt: past }, now)).toBe(false);
  });
});

describe("logging", () => {
  it("refuses inactive campaigns and times too far in the past", () => {
    expect(loggingRefusal("DRAFT", future, now)).toBe("meetings.errors.campaignNotActive");
    expect(loggingRefusal("ACTIVE", new Date("2026-11-23T12:00:00Z"), now)).toBe("meetings.errors.tooFarInPast");
    expect(loggingRefusal("ACTIVE", new Date("2026-11-24T11:00:00Z"), now)).toBeNull();
  });
  it("warns on unmet required criteria and rule departures", () => {
    const w = loggingWarnings(
      { scheduledAt: new Date("2026-11-24T13:00:00Z"), durationMinutes: 15, channel: "PHONE", checks: [{ criterionId: "a", met: false }, { criterionId: "b", met: false }] },
      [{ id: "a", label: "Decision maker", required: true }, { id: "b", label: "Budget", required: false }],
      { minDurationMinutes: 30, allowedChannels: ["VIDEO"], minLeadTimeHours: 24 },
      now,
    );
    expect(w.map((x) => x.key)).toEqual(["meetings.warnings.requiredUnmet", "meetings.warnings.tooShort", "meetings.warnings.channel", "meetings.warnings.leadTime"]);
  });
});

describe("time zones", () => {
  it("converts wall-clock times across DST", () => {
    expect(zonedToUtc("2026-12-01T10:00", "Europe/Paris")!.toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(zonedToUtc("2026-07-01T10:00", "Europe/Paris")!.toISOString()).toBe("2026-07-01T08:00:00.000Z");
    expect(zonedToUtc("2026-07-01T10:00", "America/New_York")!.toISOString()).toBe("2026-07-01T14:00:00.000Z");
    expect(utcToZonedInput(new Date("2026-12-01T09:00:00Z"), "Europe/Paris")).toBe("2026-12-01T10:00");
    expect(zonedToUtc("2026-02-31T10:00", "Europe/Paris")).toBeNull();
    expect(zonedToUtc("2026-12-01T10:00", "Mars/Olympus")).toBeNull();
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("Nowhere/Land")).toBe(false);
  });
});
