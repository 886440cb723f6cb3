import { describe, expect, it } from "vitest";
import { domainFromWebsite, hintsFromDomain, hintsFromEmail, splitDiscoveryNotes } from "~/domain/meetings/fast-logging";

describe("prospect hints from an email or a website", () => {
  it("reads the company, domain and country from a company address", () => {
    expect(hintsFromEmail("Claire.Morel@Acme-Logistique.fr")).toEqual({ domain: "acme-logistique.fr", company: "Acme Logistique", country: "FR" });
  });
  it("says nothing for a mailbox provider", () => {
    expect(hintsFromEmail("jean.dupont@gmail.com")).toEqual({});
    expect(hintsFromEmail("jean@orange.fr")).toEqual({});
  });
  it("says nothing for something that is not an email", () => {
    expect(hintsFromEmail("claire")).toEqual({});
    expect(hintsFromEmail("@acme.fr")).toEqual({});
    expect(hintsFromEmail("claire@localhost")).toEqual({});
  });
  it("keeps the company under a generic second level and maps uk to GB", () => {
    expect(hintsFromDomain("northwind.co.uk")).toEqual({ domain: "northwind.co.uk", company: "Northwind", country: "GB" });
  });
  it("leaves the country empty for a generic top-level domain and writes short names in capitals", () => {
    expect(hintsFromDomain("edf.com")).toEqual({ domain: "edf.com", company: "EDF", country: undefined });
  });
  it("normalises a pasted website to its host", () => {
    expect(domainFromWebsite("https://www.Morel-Industries.de/kontakt?x=1")).toBe("morel-industries.de");
    expect(domainFromWebsite("morel.fr")).toBe("morel.fr");
    expect(domainFromWebsite("not a site")).toBeNull();
    expect(domainFromWebsite("")).toBeNull();
  });
});

describe("discovery notes in one field", () => {
  it("puts a note without headings in the need", () => {
    expect(splitDiscoveryNotes("Wants to cut empty miles.\nTwo depots.")).toEqual({
      discoveryNeed: "Wants to cut empty miles.\nTwo depots.",
      discoveryContext: "",
      discoveryBudget: "",
      discoveryTimeline: "",
    });
  });
  it("splits French headings, accents and case ignored, with the French space before the colon", () => {
    const r = splitDiscoveryNotes("Réduire les kilomètres à vide\nContexte : 2 entrepôts, TMS maison\nBUDGET : 40 k€\nDélai : avant juin\nsuite du délai");
    expect(r).toEqual({
      discoveryNeed: "Réduire les kilomètres à vide",
      discoveryContext: "2 entrepôts, TMS maison",
      discoveryBudget: "40 k€",
      discoveryTimeline: "avant juin\nsuite du délai",
    });
  });
  it("splits English headings with a dash and keeps a colon inside ordinary text", () => {
    const r = splitDiscoveryNotes("Need - fewer no-shows\nThey said: it hurts\nTimeline: Q3");
    expect(r.discoveryNeed).toBe("fewer no-shows\nThey said: it hurts");
    expect(r.discoveryTimeline).toBe("Q3");
  });
});
