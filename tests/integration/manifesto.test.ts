// The Manifesto through its real loaders and actions: the demo's 2021 process, partners reading
// the consultation text and proposing (on a section or exactly one passage), staff answering in
// public with an e-mail to the proposer, endorsements in the portal and on paper, versions and
// their comparison, reports and exports — and every rule of who sees what.
import fs from "node:fs";
import path from "node:path";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import {
  auditEntries,
  evidenceFiles,
  manifestoEndorsements,
  manifestoProposals,
  manifestoSections,
  manifestoVersions,
  organizations,
  outbox,
  people,
  refugeeContacts,
} from "#app/db/schema.ts";
import { MANIFESTO_DEMO } from "#app/db/seed-manifesto.server.ts";
import * as compareRoute from "#app/routes/manifesto.compare.tsx";
import * as endorsementsRoute from "#app/routes/manifesto.endorsements._index.tsx";
import * as newEndorsementRoute from "#app/routes/manifesto.endorsements.new.tsx";
import * as exportRoute from "#app/routes/manifesto.export.$file.ts";
import * as indexRoute from "#app/routes/manifesto._index.tsx";
import * as proposalRoute from "#app/routes/manifesto.proposals.$id.tsx";
import * as proposalsRoute from "#app/routes/manifesto.proposals._index.tsx";
import * as newProposalRoute from "#app/routes/manifesto.proposals.new.tsx";
import * as reportsRoute from "#app/routes/manifesto.reports.tsx";
import * as sectionRoute from "#app/routes/manifesto.sections.$id.tsx";
import * as versionRoute from "#app/routes/manifesto.versions.$id.tsx";
import * as portalRoute from "#app/routes/shared_.manifesto._index.tsx";
import * as proposeRoute from "#app/routes/shared_.manifesto.propose.tsx";
import * as portalProposalRoute from "#app/routes/shared_.manifesto.proposals.$id.tsx";
import { call, demo, idOf, latestAudit, userIdOf } from "#tests/helpers.ts";

const db = () => getDb();
const versionByNumber = (n: number) => db().select().from(manifestoVersions).where(eq(manifestoVersions.number, n)).get()!;
const sectionOf = (versionNumber: number, key: string) =>
  db().select().from(manifestoSections).where(and(eq(manifestoSections.versionId, versionByNumber(versionNumber).id), eq(manifestoSections.sectionKey, key))).get()!;
const proposalRow = (id: number) => db().select().from(manifestoProposals).where(eq(manifestoProposals.id, id)).get()!;
const count = (table: typeof manifestoProposals | typeof manifestoEndorsements | typeof manifestoVersions | typeof evidenceFiles) =>
  db().select({ n: sql<number>`count(*)` }).from(table).get()!.n;
const text = (value: unknown) => JSON.stringify(value ?? null);
const pdf = fs.readFileSync(path.resolve("tests/fixtures/evidence.pdf"));

describe("the demo's 2021 process", () => {
  it("has a first draft of 8–10 sections, a consultation version, an adopted version, answered and open proposals, and 25 endorsers", () => {
    const versions = db().select().from(manifestoVersions).orderBy(manifestoVersions.number).all();
    expect(versions.map((v) => v.status)).toEqual(["draft", "consultation", "adopted", "consultation"]);
    const firstDraftSections = db().select().from(manifestoSections).where(eq(manifestoSections.versionId, versions[0]!.id)).all();
    expect(firstDraftSections.length).toBeGreaterThanOrEqual(8);
    expect(firstDraftSections.length).toBeLessThanOrEqual(10);
    const proposals = db().select().from(manifestoProposals).all();
    expect(proposals.filter((p) => p.answeredAt).length).toBeGreaterThan(0);
    expect(proposals.filter((p) => p.status === "received" || p.status === "under_discussion").length).toBeGreaterThan(0);
    const june = db().select().from(manifestoProposals).where(eq(manifestoProposals.madeOn, "2021-06-17")).all();
    expect(june.length).toBeGreaterThan(0);
    expect(june.some((p) => p.refugeeContactId !== null)).toBe(true);
    const standing = db().select().from(manifestoEndorsements).where(and(eq(manifestoEndorsements.versionId, versionByNumber(3).id), isNull(manifestoEndorsements.withdrawnAt))).all();
    expect(standing).toHaveLength(25);
    expect(standing.filter((e) => !e.listPublicly).length).toBeGreaterThan(0);
  });
});

describe("partners in the portal", () => {
  it("read the version open for consultation, their own proposals, and nothing unpublished or of other organizations", async () => {
    const r = await call(portalRoute, "loader", { path: "/shared/manifesto", as: "partnerSofia" });
    expect(r.status).toBe(200);
    expect(r.data.consultation.version.number).toBe(MANIFESTO_DEMO.review2026);
    expect(r.data.consultation.sections.length).toBeGreaterThan(0);
    expect(r.data.adopted.version.number).toBe(MANIFESTO_DEMO.adopted2021);
    expect(r.data.proposals.length).toBeGreaterThan(0);
    expect(r.data.proposals.every((p: { organizationId: number }) => p.organizationId === idOf(demo.organizations.sofiaMunicipality))).toBe(true);
    const body = text(r.data);
    expect(body).not.toContain(MANIFESTO_DEMO.draftOnlySentence);
    const redCross = db().select().from(manifestoProposals).where(eq(manifestoProposals.organizationId, idOf(demo.organizations.redCross))).all();
    expect(redCross.length).toBeGreaterThan(0);
    for (const p of redCross) expect(body).not.toContain(p.proposedText);
  });

  it("propose a replacement for exactly one passage; it is «received», audited, and shown beside the passage with the difference", async () => {
    const section = sectionOf(4, "language");
    const page = await call(proposeRoute, "loader", { path: `/shared/manifesto/propose?section=${section.id}&paragraph=1`, as: "partnerSofia" });
    expect(page.status).toBe(200);
    const passage = page.data.paragraph.source as string;
    expect(passage).toContain("безплатни курсове");
    const before = count(manifestoProposals);
    const r = await call(proposeRoute, "action", {
      path: "/shared/manifesto/propose",
      as: "partnerSofia",
      form: { intent: "propose", sectionId: String(section.id), kind: "wording", passage: "безплатни курсове по български език", proposedText: "безплатни вечерни и онлайн курсове по български език", niemDimension: "language_orientation" },
    });
    expect(r.status).toBe(302);
    expect(count(manifestoProposals)).toBe(before + 1);
    const created = db().select().from(manifestoProposals).orderBy(desc(manifestoProposals.id)).get()!;
    expect(created).toMatchObject({ status: "received", organizationId: idOf(demo.organizations.sofiaMunicipality), organizationKind: "municipality", oblast: "BG-22", channel: "portal", versionId: versionByNumber(4).id, paragraphIndex: 0 });
    expect(latestAudit()).toMatchObject({ action: "create", entityType: "manifesto_proposal", entityId: created.id, userId: userIdOf("partnerSofia") });
    const detail = await call(portalProposalRoute, "loader", { path: `/shared/manifesto/proposals/${created.id}`, params: { id: String(created.id) }, as: "partnerSofia" });
    expect(detail.data.proposal.status).toBe("received");
    expect(detail.data.proposal.passageDiff).toEqual([
      { kind: "same", text: "безплатни " },
      { kind: "added", text: "вечерни и онлайн " },
      { kind: "same", text: "курсове по български език" },
    ]);
  });

  it("cannot propose a passage that is not in the section, on a draft's section, or for another organization", async () => {
    const before = count(manifestoProposals);
    const section = sectionOf(4, "housing");
    const notInSection = await call(proposeRoute, "action", {
      path: "/shared/manifesto/propose",
      as: "partnerSofia",
      form: { intent: "propose", sectionId: String(section.id), kind: "wording", passage: "Текст, който го няма", proposedText: "Друго", niemDimension: "housing" },
    });
    expect(notInSection.status).toBe(400);
    expect(notInSection.data.errors.passage).toEqual(["manifestoPassageNotInSection"]);
    const draftSection = sectionOf(1, "housing");
    const onDraft = await call(proposeRoute, "action", {
      path: "/shared/manifesto/propose",
      as: "partnerSofia",
      form: { intent: "propose", sectionId: String(draftSection.id), kind: "idea", proposedText: "Идея", niemDimension: "housing" },
    });
    expect(onDraft.status).toBe(404);
    expect((await call(proposeRoute, "loader", { path: `/shared/manifesto/propose?section=${draftSection.id}`, as: "partnerSofia" })).status).toBe(404);
    const forged = await call(proposeRoute, "action", {
      path: "/shared/manifesto/propose",
      as: "partnerSofia",
      form: { intent: "propose", sectionId: String(section.id), kind: "idea", proposedText: "Идея", niemDimension: "housing", organizationId: String(idOf(demo.organizations.redCross)) },
    });
    expect(forged.status).toBe(404);
    expect(count(manifestoProposals)).toBe(before);
  });

  it("get 404 for another organization's proposal, and staff pages are closed to them", async () => {
    const other = db().select().from(manifestoProposals).where(eq(manifestoProposals.organizationId, idOf(demo.organizations.redCross))).get()!;
    expect((await call(portalProposalRoute, "loader", { path: `/shared/manifesto/proposals/${other.id}`, params: { id: String(other.id) }, as: "partnerSofia" })).status).toBe(404);
    expect((await call(proposalRoute, "loader", { path: `/manifesto/proposals/${other.id}`, params: { id: String(other.id) }, as: "partnerSofia" })).status).toBe(404);
    expect((await call(indexRoute, "loader", { path: "/manifesto", as: "partnerSofia" })).status).toBe(404);
    const draft = versionByNumber(1);
    expect((await call(versionRoute, "loader", { path: `/manifesto/versions/${draft.id}`, params: { id: String(draft.id) }, as: "partnerSofia" })).status).toBe(404);
    expect((await call(exportRoute, "loader", { path: "/manifesto/export/proposals.csv", params: { file: "proposals.csv" }, as: "partnerSofia" })).status).toBe(404);
  });
});

describe("answering a proposal", () => {
  it("a coordinator answers in public, marks it accepted into a section of a new version, and the proposer gets an e-mail", async () => {
    // The partner's proposal, then a new draft that takes it in.
    const section = sectionOf(4, "work");
    const proposed = await call(proposeRoute, "action", {
      path: "/shared/manifesto/propose",
      as: "partnerSofia",
      form: { intent: "propose", sectionId: String(section.id), kind: "idea", proposedText: "Общински стажове за бежанци", niemDimension: "employment" },
    });
    expect(proposed.status).toBe(302);
    const proposal = db().select().from(manifestoProposals).orderBy(desc(manifestoProposals.id)).get()!;
    const created = await call(indexRoute, "action", {
      path: "/manifesto",
      as: "coordinator",
      form: { intent: "createVersion", basedOnVersionId: String(versionByNumber(4).id), titleBg: "Манифест — чернова 2027" },
    });
    expect(created.status).toBe(302);
    const draft = db().select().from(manifestoVersions).orderBy(desc(manifestoVersions.number)).get()!;
    expect(draft).toMatchObject({ status: "draft", number: 5 });
    const draftWork = sectionOf(5, "work");
    expect(draftWork.bodyBg).toBe(section.bodyBg);

    // A decision needs a public answer; the section must be of a later version.
    const noAnswer = await call(proposalRoute, "action", {
      path: `/manifesto/proposals/${proposal.id}`, params: { id: String(proposal.id) }, as: "coordinator",
      form: { intent: "answer", status: "accepted", answerBg: "", version: String(proposal.version) },
    });
    expect(noAnswer.status).toBe(400);
    expect(noAnswer.data.errors.answerBg).toEqual(["manifestoAnswerRequired"]);
    const olderSection = await call(proposalRoute, "action", {
      path: `/manifesto/proposals/${proposal.id}`, params: { id: String(proposal.id) }, as: "coordinator",
      form: { intent: "answer", status: "accepted", answerBg: "Прието.", acceptedIntoSectionId: String(sectionOf(3, "work").id), version: String(proposal.version) },
    });
    expect(olderSection.status).toBe(400);
    expect(proposalRow(proposal.id).status).toBe("received");
    // A manager reads but does not answer.
    expect((await call(proposalRoute, "action", { path: `/manifesto/proposals/${proposal.id}`, params: { id: String(proposal.id) }, as: "manager", form: { intent: "answer", status: "accepted", answerBg: "x", version: "1" } })).status).toBe(403);

    const outboxBefore = db().select({ n: sql<number>`count(*)` }).from(outbox).get()!.n;
    const answered = await call(proposalRoute, "action", {
      path: `/manifesto/proposals/${proposal.id}`, params: { id: String(proposal.id) }, as: "coordinator",
      form: { intent: "answer", status: "accepted", answerBg: "Прието: добавено в раздела за работа.", answerEn: "Accepted: added to the section on work.", acceptedIntoSectionId: String(draftWork.id), version: String(proposal.version) },
    });
    expect(answered.status).toBe(302);
    expect(proposalRow(proposal.id)).toMatchObject({ status: "accepted", acceptedIntoSectionId: draftWork.id, answeredById: userIdOf("coordinator") });
    expect(latestAudit()).toMatchObject({ action: "answer", entityType: "manifesto_proposal", entityId: proposal.id });
    const mails = db().select().from(outbox).where(eq(outbox.kind, "manifesto_answer")).all();
    expect(db().select({ n: sql<number>`count(*)` }).from(outbox).get()!.n).toBe(outboxBefore + 1);
    const mail = mails.at(-1)!;
    expect(mail.toEmail).toBe("partner@sofia.demo");
    expect(mail.bodyText).toContain("Прието: добавено в раздела за работа.");
    expect(mail.bodyText).toContain(`/shared/manifesto/proposals/${proposal.id}`);

    // The partner sees the answer; the draft it went into stays hidden until published.
    const seen = await call(portalProposalRoute, "loader", { path: `/shared/manifesto/proposals/${proposal.id}`, params: { id: String(proposal.id) }, as: "partnerSofia" });
    expect(seen.data.proposal).toMatchObject({ status: "accepted", answerBg: "Прието: добавено в раздела за работа.", answerEn: "Accepted: added to the section on work.", acceptedIntoSectionId: null });
    const staffView = await call(proposalRoute, "loader", { path: `/manifesto/proposals/${proposal.id}`, params: { id: String(proposal.id) }, as: "manager" });
    expect(staffView.data.proposal.acceptedIntoVersionNumber).toBe(5);
  });
});

describe("staff record proposals from consultations", () => {
  it("a refugee community representative only with a current consent for Manifesto proposals; the staff view of the name is audited", async () => {
    const section = sectionOf(4, "housing");
    const form = (refugeeContactId: number) => ({
      sectionId: String(section.id), proposerType: "refugee", refugeeContactId: String(refugeeContactId), communityName: "Афганистанска общност", oblast: "BG-26",
      channel: "event", eventId: "", madeOn: "2026-11-20", niemDimension: "housing", kind: "idea", proposedText: "Жилищна помощ и за самотни мъже",
    });
    const hamid = db().select().from(refugeeContacts).where(eq(refugeeContacts.id, idOf(demo.refugees.hamid))).get()!;
    const refused = await call(newProposalRoute, "action", { path: "/manifesto/proposals/new", as: "coordinator", form: { ...form(hamid.id), channel: "written" } });
    expect(refused.status).toBe(400);
    expect(refused.data.errors.refugeeContactId).toEqual(["manifestoNoConsent"]);
    const ahmad = db().select().from(refugeeContacts).where(eq(refugeeContacts.id, idOf(demo.refugees.ahmad))).get()!;
    const noEvent = await call(newProposalRoute, "action", { path: "/manifesto/proposals/new", as: "coordinator", form: form(ahmad.id) });
    expect(noEvent.status).toBe(400);
    expect(noEvent.data.errors.eventId).toEqual(["required"]);
    const ok = await call(newProposalRoute, "action", { path: "/manifesto/proposals/new", as: "coordinator", form: { ...form(ahmad.id), channel: "written" } });
    expect(ok.status).toBe(302);
    const created = db().select().from(manifestoProposals).orderBy(desc(manifestoProposals.id)).get()!;
    expect(created).toMatchObject({ refugeeContactId: ahmad.id, organizationId: null, organizationKind: "refugee_led", oblast: "BG-26", channel: "written" });
    const view = await call(proposalRoute, "loader", { path: `/manifesto/proposals/${created.id}`, params: { id: String(created.id) }, as: "manager" });
    expect(view.data.proposal.refugeeName).toBe("Ахмад Р.");
    expect(latestAudit()).toMatchObject({ action: "view", entityType: "refugee_contact", entityId: ahmad.id });
    // Lists name the community, not the person; so do exports.
    const list = await call(proposalsRoute, "loader", { path: "/manifesto/proposals?kind=refugee_led", as: "manager" });
    expect(list.data.proposals.length).toBeGreaterThan(0);
    expect(text(list.data)).not.toContain("Ахмад Р.");
    const file = await call(exportRoute, "loader", { path: "/manifesto/export/proposals.csv", params: { file: "proposals.csv" }, as: "manager" });
    expect(file.status).toBe(200);
    const csv = await file.response!.text();
    expect(csv).toContain("Жилищна помощ и за самотни мъже");
    expect(csv).toContain("Прието. Текстът е включен във версията за консултация.");
    expect(csv).not.toContain("Ахмад Р.");
  });
});

describe("endorsements", () => {
  it("a partner endorses the adopted version for its own organization once, changes the public listing, and may withdraw (kept in the history)", async () => {
    const adopted = versionByNumber(3);
    const sofia = idOf(demo.organizations.sofiaMunicipality);
    const endorse = (versionId: number) =>
      call(portalRoute, "action", {
        path: "/shared/manifesto",
        as: "partnerSofia",
        form: { intent: "endorse", versionId: String(versionId), signatoryName: "Десислава Колева", signatoryPosition: "главен експерт", statementBg: "Подкрепяме." },
      });
    expect((await endorse(versionByNumber(4).id)).status).toBe(400);
    expect((await endorse(adopted.id)).status).toBe(302);
    const row = db().select().from(manifestoEndorsements).where(and(eq(manifestoEndorsements.organizationId, sofia), isNull(manifestoEndorsements.withdrawnAt))).get()!;
    expect(row).toMatchObject({ versionId: adopted.id, channel: "portal", listPublicly: false, showSignatory: false, recordedById: userIdOf("partnerSofia") });
    const again = await endorse(adopted.id);
    expect(again.status).toBe(400);
    expect(again.data.errors._form).toEqual(["manifestoAlreadyEndorsed"]);

    const listed = await call(portalRoute, "action", { path: "/shared/manifesto", as: "partnerSofia", form: { intent: "listing", endorsementId: String(row.id), listPublicly: "on", version: String(row.version) } });
    expect(listed.status).toBe(302);
    expect(db().select().from(manifestoEndorsements).where(eq(manifestoEndorsements.id, row.id)).get()!.listPublicly).toBe(true);

    // Another organization's endorsement is out of reach.
    const redCross = db().select().from(manifestoEndorsements).where(eq(manifestoEndorsements.organizationId, idOf(demo.organizations.redCross))).get()!;
    expect((await call(portalRoute, "action", { path: "/shared/manifesto", as: "partnerSofia", form: { intent: "withdraw", endorsementId: String(redCross.id) } })).status).toBe(404);
    expect(db().select().from(manifestoEndorsements).where(eq(manifestoEndorsements.id, redCross.id)).get()!.withdrawnAt).toBeNull();

    const withdrawn = await call(portalRoute, "action", { path: "/shared/manifesto", as: "partnerSofia", form: { intent: "withdraw", endorsementId: String(row.id), reason: "Нова администрация" } });
    expect(withdrawn.status).toBe(302);
    const kept = db().select().from(manifestoEndorsements).where(eq(manifestoEndorsements.id, row.id)).get()!;
    expect(kept.withdrawnAt).not.toBeNull();
    expect(kept.withdrawalReason).toBe("Нова администрация");
    expect(latestAudit()).toMatchObject({ action: "withdraw", entityType: "manifesto_endorsement", entityId: row.id });
    // The partner sees only its own endorsements.
    const page = await call(portalRoute, "loader", { path: "/shared/manifesto", as: "partnerSofia" });
    expect(page.data.endorsements.map((e: { organizationId: number }) => e.organizationId)).toEqual([sofia]);
  });

  it("staff record an endorsement received on paper with the scanned letter; the signatory must be a person of that organization", async () => {
    const nbu = idOf(demo.organizations.newBulgarianUniversity);
    const stranger = db().select().from(people).where(eq(people.organizationId, idOf(demo.organizations.redCross))).get()!;
    const form = (extra: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries({ versionId: String(versionByNumber(3).id), organizationId: String(nbu), signedOn: "2022-05-12", signatoryName: "Ректор", listPublicly: "on", ...extra })) f.set(k, v);
      f.set("letterFile", new File([new Uint8Array(pdf)], "писмо.pdf", { type: "application/pdf" }));
      return f;
    };
    const files = count(evidenceFiles);
    const wrongPerson = await call(newEndorsementRoute, "action", { path: "/manifesto/endorsements/new", as: "coordinator", form: form({ signatoryPersonId: String(stranger.id) }) });
    expect(wrongPerson.status).toBe(400);
    expect(wrongPerson.data.errors.signatoryPersonId).toEqual(["manifestoPersonNotOfOrganization"]);
    expect(count(evidenceFiles)).toBe(files);
    const ok = await call(newEndorsementRoute, "action", { path: "/manifesto/endorsements/new", as: "coordinator", form: form({}) });
    expect(ok.status).toBe(302);
    const row = db().select().from(manifestoEndorsements).where(eq(manifestoEndorsements.organizationId, nbu)).get()!;
    expect(row).toMatchObject({ channel: "paper", signedOn: "2022-05-12", listPublicly: true });
    const letter = db().select().from(evidenceFiles).where(eq(evidenceFiles.id, row.letterFileId!)).get()!;
    expect(letter).toMatchObject({ originalName: "писмо.pdf", mimeType: "application/pdf" });
    const list = await call(endorsementsRoute, "loader", { path: "/manifesto/endorsements", as: "manager" });
    expect(list.data.endorsements.find((e: { id: number }) => e.id === row.id).letterFileId).toBe(letter.id);
    // The letter is staff's: a partner's view of the organization's endorsements never carries it.
    const csv = await (await call(exportRoute, "loader", { path: "/manifesto/export/endorsers.csv", params: { file: "endorsers.csv" }, as: "manager" })).response!.text();
    expect(csv).toContain("Нов български университет");
  });
});

describe("versions", () => {
  it("a draft is edited and published; published text is frozen", async () => {
    const created = await call(indexRoute, "action", { path: "/manifesto", as: "coordinator", form: { intent: "createVersion", basedOnVersionId: "", titleBg: "Празна чернова" } });
    expect(created.status).toBe(302);
    const draft = db().select().from(manifestoVersions).orderBy(desc(manifestoVersions.number)).get()!;
    const path = `/manifesto/versions/${draft.id}`;
    const cannotPublishEmpty = await call(versionRoute, "action", { path, params: { id: String(draft.id) }, as: "coordinator", form: { intent: "moveVersion", to: "consultation", on: "2026-11-30", version: String(draft.version) } });
    expect(cannotPublishEmpty.status).toBe(400);
    const added = await call(versionRoute, "action", {
      path, params: { id: String(draft.id) }, as: "coordinator",
      form: { intent: "addSection", position: "1", titleBg: "Раздел", bodyBg: "Текст <script>alert(1)</script> с **удебелено**", niemDimensions: ["housing", "health"] },
    });
    expect(added.status).toBe(302);
    const page = await call(versionRoute, "loader", { path, params: { id: String(draft.id) }, as: "manager" });
    expect(page.data.sections[0].htmlBg).toBe("<p>Текст &lt;script&gt;alert(1)&lt;/script&gt; с <strong>удебелено</strong></p>\n");
    expect(page.data.sections[0].dimensions).toEqual(["housing", "health"]);
    const published = await call(versionRoute, "action", { path, params: { id: String(draft.id) }, as: "coordinator", form: { intent: "moveVersion", to: "consultation", on: "2026-11-30", version: String(draft.version) } });
    expect(published.status).toBe(302);
    expect(versionByNumber(draft.number)).toMatchObject({ status: "consultation", publishedOn: "2026-11-30" });
    const section = db().select().from(manifestoSections).where(eq(manifestoSections.versionId, draft.id)).get()!;
    const frozen = await call(sectionRoute, "action", {
      path: `/manifesto/sections/${section.id}`, params: { id: String(section.id) }, as: "coordinator",
      form: { intent: "updateSection", position: "1", titleBg: "Променен", bodyBg: "Променен", version: String(section.version) },
    });
    expect(frozen.status).toBe(409);
    expect(db().select().from(manifestoSections).where(eq(manifestoSections.id, section.id)).get()!.titleBg).toBe("Раздел");
    const backToDraft = await call(versionRoute, "action", { path, params: { id: String(draft.id) }, as: "coordinator", form: { intent: "moveVersion", to: "draft", on: "2026-11-30", version: "2" } });
    expect(backToDraft.status).toBe(400);
  });

  it("the comparison marks every changed section: an inserted, a deleted and a changed paragraph", async () => {
    const created = await call(indexRoute, "action", { path: "/manifesto", as: "coordinator", form: { intent: "createVersion", basedOnVersionId: String(versionByNumber(3).id), titleBg: "Сравнение" } });
    expect(created.status).toBe(302);
    const draft = db().select().from(manifestoVersions).orderBy(desc(manifestoVersions.number)).get()!;
    const edit = async (key: string, bodyBg: string) => {
      const s = sectionOf(draft.number, key);
      const r = await call(sectionRoute, "action", {
        path: `/manifesto/sections/${s.id}`, params: { id: String(s.id) }, as: "coordinator",
        form: { intent: "updateSection", position: String(s.position), titleBg: s.titleBg, titleEn: s.titleEn ?? "", bodyBg, bodyEn: s.bodyEn ?? "", niemDimensions: s.niemDimensions.split(","), version: String(s.version) },
      });
      expect(r.status).toBe(302);
      return s;
    };
    const housing = sectionOf(3, "housing");
    await edit("housing", `${housing.bodyBg}\n\nНов абзац за социалните жилища.`);
    const health = sectionOf(3, "health");
    await edit("health", health.bodyBg.split("\n\n")[0]!);
    const language = sectionOf(3, "language");
    await edit("language", language.bodyBg.replace("безплатни курсове", "безплатни вечерни курсове"));

    const r = await call(compareRoute, "loader", { path: `/manifesto/compare?a=${versionByNumber(3).id}&b=${draft.id}`, as: "manager" });
    expect(r.status).toBe(200);
    const sections = r.data.comparison.sections as Array<{ sectionKey: string; status: string; paragraphs: Array<{ kind: string }> }>;
    const changed = sections.filter((s) => s.status !== "unchanged").map((s) => s.sectionKey).sort();
    expect(changed).toEqual(["health", "housing", "language"]);
    expect(r.data.comparison.changedCount).toBe(3);
    const kinds = (key: string) => sections.find((s) => s.sectionKey === key)!.paragraphs.map((p) => p.kind);
    expect(kinds("housing")).toEqual(["same", "same", "inserted"]);
    expect(kinds("health")).toEqual(["same", "deleted"]);
    expect(kinds("language")).toEqual(["changed", "same"]);
  });
});

describe("reports", () => {
  it("count proposals by kind of organization, NIEM dimension and status, the share answered, endorsements by kind and oblast over time", async () => {
    const r = await call(reportsRoute, "loader", { path: "/manifesto/reports", as: "manager" });
    expect(r.status).toBe(200);
    const report = r.data.report;
    const all = db().select().from(manifestoProposals).all();
    expect(report.proposals.total).toBe(all.length);
    expect(report.proposals.answered).toBe(all.filter((p) => p.answeredAt).length);
    const municipality = report.proposals.byKind.find((k: { key: string }) => k.key === "municipality");
    expect(municipality.total).toBe(all.filter((p) => p.organizationKind === "municipality").length);
    const health = report.proposals.byDimension.find((k: { key: string }) => k.key === "health");
    expect(health.total).toBe(all.filter((p) => p.niemDimension === "health").length);
    expect(report.proposals.byStatus.find((s: { key: string }) => s.key === "received").total).toBe(all.filter((p) => p.status === "received").length);
    const standing = db()
      .select({ kind: organizations.kind, signedOn: manifestoEndorsements.signedOn })
      .from(manifestoEndorsements)
      .innerJoin(organizations, eq(organizations.id, manifestoEndorsements.organizationId))
      .where(isNull(manifestoEndorsements.withdrawnAt))
      .all();
    expect(standing.length).toBeGreaterThanOrEqual(25);
    expect(report.endorsements.standing).toBe(standing.length);
    const municipalities = standing.filter((e) => e.kind === "municipality");
    expect(municipalities.length).toBeGreaterThan(0);
    const byYear: Record<string, number> = {};
    for (const y of report.endorsements.years as string[]) byYear[y] = municipalities.filter((e) => e.signedOn.startsWith(y)).length;
    expect(report.endorsements.byKind.find((k: { key: string }) => k.key === "municipality").byYear).toEqual(byYear);
    expect(report.endorsements.byOblast.reduce((sum: number, o: { total: number }) => sum + o.total, 0)).toBeLessThanOrEqual(standing.length);
    const forum2021 = report.forumYears.find((y: { to: string }) => y.to === "2021-11-30");
    expect(forum2021.proposals).toBe(all.filter((p) => p.madeOn > "2020-12-10" && p.madeOn <= "2021-11-30").length);
    expect(forum2021.endorsements).toBe(standing.filter((e) => e.signedOn > "2020-12-10" && e.signedOn <= "2021-11-30").length);
    expect(forum2021.endorsements).toBeGreaterThan(0);
    expect((await call(reportsRoute, "loader", { path: "/manifesto/reports", as: "partnerSofia" })).status).toBe(404);
  });

  it("exports proposals and endorsers as XLSX for managers, audited; coordinators may not export", async () => {
    const xlsx = await call(exportRoute, "loader", { path: "/manifesto/export/endorsers.xlsx", params: { file: "endorsers.xlsx" }, as: "manager" });
    expect(xlsx.status).toBe(200);
    expect(xlsx.response!.headers.get("Content-Type")).toContain("spreadsheetml");
    const bytes = new Uint8Array(await xlsx.response!.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe("PK");
    expect(latestAudit()).toMatchObject({ action: "export", entityType: "export" });
    expect(JSON.parse(latestAudit().detail!)).toMatchObject({ export: "manifesto-endorsers", format: "xlsx" });
    expect((await call(exportRoute, "loader", { path: "/manifesto/export/proposals.csv", params: { file: "proposals.csv" }, as: "coordinator" })).status).toBe(403);
    expect((await call(exportRoute, "loader", { path: "/manifesto/export/other.csv", params: { file: "other.csv" }, as: "manager" })).status).toBe(404);
    const audits = db().select().from(auditEntries).where(eq(auditEntries.action, "export")).all();
    expect(audits.length).toBeGreaterThan(0);
  });
});
