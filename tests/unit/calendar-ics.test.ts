// The iCalendar text of an invitation and of the feed: the method a calendar acts on, the UID and SEQUENCE that make
// it update the same event, the instant in UTC whatever the meeting's zone.
import { feedIcs, invitationIcs, meetingUid, organizerFrom } from "~/domain/meetings/ics";
import { zonedToUtc } from "~/domain/shared/timezone";

/** Unfolds RFC 5545 continuation lines and splits the text into property lines. */
const lines = (ics: string) => ics.replace(/\r\n[ \t]/g, "").split("\r\n");
const prop = (ics: string, name: string) => lines(ics).filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

const meeting = {
  id: "cm123",
  revision: 3,
  // 10:00 in Paris on a winter day is 09:00 UTC; in New York 10:00 is 15:00 UTC.
  scheduledAt: zonedToUtc("2026-12-08T10:00", "Europe/Paris")!,
  durationMinutes: 45,
  timeZone: "Europe/Paris",
  summary: "Rendez-vous : Sophie Laurent (Transports Morel)",
  description: "Campagne : DAF ETI France\nModalité : Visioconférence",
  location: "https://meet.example/abc",
};
const organizer = { name: "Pipeline Partners", email: "no-reply@rendezvous.test" };

describe("calendar invitation (.ics)", () => {
  it("a booking is a REQUEST with the meeting's UID, its revision as SEQUENCE, the attendees and UTC times", () => {
    const ics = invitationIcs(meeting, "REQUEST", organizer, [{ email: "claire@client.test", name: "Claire Martin" }]);
    expect(prop(ics, "METHOD")).toEqual(["METHOD:REQUEST"]);
    expect(prop(ics, "UID")).toEqual([`UID:${meetingUid("cm123")}`]);
    expect(prop(ics, "SEQUENCE")).toEqual(["SEQUENCE:3"]);
    expect(prop(ics, "DTSTART")).toEqual(["DTSTART:20261208T090000Z"]);
    expect(prop(ics, "DTEND")).toEqual(["DTEND:20261208T094500Z"]);
    expect(prop(ics, "STATUS")).toEqual(["STATUS:CONFIRMED"]);
    expect(prop(ics, "ORGANIZER")[0]).toContain("mailto:no-reply@rendezvous.test");
    expect(prop(ics, "ATTENDEE")[0]).toMatch(/RSVP=TRUE.*MAILTO:claire@client\.test/);
    expect(prop(ics, "SUMMARY")).toEqual(["SUMMARY:Rendez-vous : Sophie Laurent (Transports Morel)"]);
    expect(lines(ics).join("\n")).not.toContain("TZID");
  });

  it("a cancellation is a CANCEL of the same UID with a higher SEQUENCE and a cancelled status", () => {
    const ics = invitationIcs({ ...meeting, revision: 4 }, "CANCEL", organizer, [{ email: "claire@client.test" }]);
    expect(prop(ics, "METHOD")).toEqual(["METHOD:CANCEL"]);
    expect(prop(ics, "UID")).toEqual(["UID:cm123@rendezvous"]);
    expect(prop(ics, "SEQUENCE")).toEqual(["SEQUENCE:4"]);
    expect(prop(ics, "STATUS")).toEqual(["STATUS:CANCELLED"]);
  });

  it("the time is the meeting's instant, whatever zone it was typed in", () => {
    const ny = { ...meeting, scheduledAt: zonedToUtc("2026-12-08T10:00", "America/New_York")!, timeZone: "America/New_York" };
    expect(prop(invitationIcs(ny, "REQUEST", organizer, []), "DTSTART")).toEqual(["DTSTART:20261208T150000Z"]);
    // Summer time in Paris: 10:00 is 08:00 UTC.
    const june = { ...meeting, scheduledAt: zonedToUtc("2026-06-08T10:00", "Europe/Paris")! };
    expect(prop(invitationIcs(june, "REQUEST", organizer, []), "DTSTART")).toEqual(["DTSTART:20260608T080000Z"]);
  });

  it("the feed is named as given and lists each meeting under its UID and SEQUENCE, without a method", () => {
    const ics = feedIcs("DAF ETI France", [meeting, { ...meeting, id: "cm456", revision: 0 }]);
    expect(prop(ics, "X-WR-CALNAME")).toEqual(["X-WR-CALNAME:DAF ETI France"]);
    expect(prop(ics, "UID")).toEqual(["UID:cm123@rendezvous", "UID:cm456@rendezvous"]);
    expect(prop(ics, "SEQUENCE")).toEqual(["SEQUENCE:3", "SEQUENCE:0"]);
    expect(prop(ics, "METHOD")).toEqual([]);
  });

  it("the organizer is read from EMAIL_FROM, with or without a display name", () => {
    expect(organizerFrom("Rendezvous <no-reply@rendezvous.test>", "Agency")).toEqual({ name: "Rendezvous", email: "no-reply@rendezvous.test" });
    expect(organizerFrom("bot@agency.test", "Agency")).toEqual({ name: "Agency", email: "bot@agency.test" });
  });
});
