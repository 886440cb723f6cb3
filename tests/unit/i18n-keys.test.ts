// Translation keys are checked by the compiler; what is only known at run time (an audit type read from the
// database, a status) goes through keyFor, so a raw key never reaches the screen.
import { AUDIT_TYPES } from "~/domain/shared/audit";
import { MEETING_STATUSES, VERDICTS } from "~/domain/meetings/rules";
import { isMessageKey, keyFor, makeT, type KeySuffix } from "~/i18n";

describe("typed translation keys", () => {
  it("rejects a mistyped key at compile time", () => {
    const t = makeT("en");
    // @ts-expect-error: not a message key
    expect(t("meetings.statuss.HELD")).toBe("meetings.statuss.HELD");
    // Keys built from an enum: every value of the enum has a message, or the type check fails.
    const status: (typeof MEETING_STATUSES)[number] = "HELD";
    expect(t(`meetings.status.${status}`)).toBe("Held");
    const suffix: KeySuffix<"meetings.verdict"> = "DISPUTE_REJECTED";
    expect(isMessageKey(`meetings.verdict.${suffix}`)).toBe(true);
  });

  it("every audit type reads as a sentence in English and French", () => {
    for (const locale of ["en", "fr"] as const) {
      const t = makeT(locale);
      for (const type of AUDIT_TYPES) {
        const key = keyFor("agency.audit", type, "agency.audit.other");
        expect(key, type).toBe(`agency.audit.${type}`);
        expect(t(key)).not.toMatch(/^agency\.audit\./);
      }
    }
  });

  it("every meeting status and verdict has a label in both languages", () => {
    for (const locale of ["en", "fr"] as const) {
      const t = makeT(locale);
      for (const s of MEETING_STATUSES) expect(t(`meetings.status.${s}`)).not.toContain("meetings.");
      for (const v of VERDICTS) expect(t(`meetings.verdict.${v}`)).not.toContain("meetings.");
    }
  });

  it("a value without a message falls back instead of showing a raw key", () => {
    expect(keyFor("agency.audit", "something.new", "agency.audit.other")).toBe("agency.audit.other");
    expect(isMessageKey("agency.audit.meeting.disputed")).toBe(true);
    expect(isMessageKey("toString")).toBe(false);
  });
});
