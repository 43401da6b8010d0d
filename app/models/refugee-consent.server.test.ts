import { describe, expect, it } from "vitest";
import {
  consentStateOf,
  currentPurposes,
  hasCurrentConsent,
  isCurrentConsent,
  isFlagged,
  missingPurposesForRole,
  requiredPurposesForRole,
  todayIso,
  type ConsentRecord,
} from "./refugee-consent.server.ts";

const today = "2026-11-26";
const consent = (c: Partial<ConsentRecord>): ConsentRecord => ({
  givenOn: "2025-01-10",
  purposes: "forum_participation",
  expiresOn: null,
  withdrawnOn: null,
  ...c,
});

describe("current consent for a purpose", () => {
  it("is current when it names the purpose, was given by today, is not withdrawn and not expired", () => {
    expect(isCurrentConsent(consent({}), "forum_participation", today)).toBe(true);
  });
  it("is not current for a purpose it does not name (purposes are comma-separated)", () => {
    const c = consent({ purposes: "forum_participation,follow_up_contact" });
    expect(isCurrentConsent(c, "follow_up_contact", today)).toBe(true);
    expect(isCurrentConsent(c, "story_publication", today)).toBe(false);
  });
  it("is not current before the day it was given; is current on that day", () => {
    expect(isCurrentConsent(consent({ givenOn: "2026-11-27" }), "forum_participation", today)).toBe(false);
    expect(isCurrentConsent(consent({ givenOn: today }), "forum_participation", today)).toBe(true);
  });
  it("is not current once withdrawn", () => {
    expect(isCurrentConsent(consent({ withdrawnOn: "2026-01-01" }), "forum_participation", today)).toBe(false);
  });
  it("is current through its expiry date and not after", () => {
    expect(isCurrentConsent(consent({ expiresOn: today }), "forum_participation", today)).toBe(true);
    expect(isCurrentConsent(consent({ expiresOn: "2026-11-25" }), "forum_participation", today)).toBe(false);
  });
});

describe("flag and consent state", () => {
  it("a contact without consents is flagged, state none", () => {
    expect(isFlagged([], today)).toBe(true);
    expect(consentStateOf([], today)).toBe("none");
  });
  it("a contact whose only consent was withdrawn is flagged, state withdrawn", () => {
    const list = [consent({ withdrawnOn: "2026-02-02" })];
    expect(isFlagged(list, today)).toBe(true);
    expect(consentStateOf(list, today)).toBe("withdrawn");
  });
  it("an expired consent leaves the contact flagged, state none", () => {
    const list = [consent({ expiresOn: "2026-11-15" })];
    expect(isFlagged(list, today)).toBe(true);
    expect(consentStateOf(list, today)).toBe("none");
  });
  it("one current consent among withdrawn ones is enough: not flagged, state current", () => {
    const list = [consent({ withdrawnOn: "2026-02-02" }), consent({ purposes: "follow_up_contact" })];
    expect(isFlagged(list, today)).toBe(false);
    expect(consentStateOf(list, today)).toBe("current");
    expect(currentPurposes(list, today)).toEqual(["follow_up_contact"]);
    expect(hasCurrentConsent(list, "forum_participation", today)).toBe(false);
  });
});

describe("purposes an event role needs", () => {
  it("every role needs forum participation; a story-teller also story publication", () => {
    expect(requiredPurposesForRole("speaker")).toEqual(["forum_participation"]);
    expect(requiredPurposesForRole("participant")).toEqual(["forum_participation"]);
    expect(requiredPurposesForRole("community_representative")).toEqual(["forum_participation"]);
    expect(requiredPurposesForRole("story_teller")).toEqual(["forum_participation", "story_publication"]);
  });
  it("lists what is missing", () => {
    const list = [consent({ purposes: "forum_participation" })];
    expect(missingPurposesForRole(list, "speaker", today)).toEqual([]);
    expect(missingPurposesForRole(list, "story_teller", today)).toEqual(["story_publication"]);
    expect(missingPurposesForRole([], "speaker", today)).toEqual(["forum_participation"]);
  });
});

it("today is the calendar date in Sofia", () => {
  // 23:30 UTC on 31 Dec is already 1 Jan in Sofia (UTC+2).
  expect(todayIso(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
});
