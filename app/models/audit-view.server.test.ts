// Every field of every audited record has a label in both languages, and a change to each one
// reads as the record's page would show it: no column name, id or enumeration code on screen.
import { getTableColumns } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, test } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import * as schema from "#app/db/schema.ts";
import { auditFields, unshownFields, type ChangeView, type FieldType, type ValueView } from "#app/domain/audit-fields.ts";
import type { EntityType } from "#app/domain/enums.ts";
import { bg, en } from "#app/i18n/messages.ts";
import { actingAs, orgId, RED_CROSS, SOFIA } from "#tests/integration/record-fixtures.ts";
import { updateCommitment } from "./commitments.server.ts";
import { presentChanges } from "./audit-view.server.ts";

const CAMEL_CASE = /\b[a-z]+[A-Z][A-Za-z]*\b/;

/** The table behind each audited entity type. */
const tables = {
  organization: schema.organizations,
  person: schema.people,
  event: schema.events,
  partnership: schema.partnerships,
  commitment: schema.commitments,
  commitment_update: schema.commitmentUpdates,
  follow_up: schema.followUps,
  interaction: schema.interactions,
  refugee_contact: schema.refugeeContacts,
  user: schema.users,
} satisfies Partial<Record<EntityType, SQLiteTable>>;

/** Columns that are never written to an audit entry's changes. */
const neverAudited = new Set(["erasedAt:refugee_contact", "authorId:commitment_update", "evidenceFileId:commitment_update"]);

function texts(value: ValueView | undefined): string[] {
  if (!value) return [];
  switch (value.kind) {
    case "text":
      return [value.text];
    case "list":
      return value.items.flatMap(texts);
    case "withRole":
      return [...texts(value.who), ...texts(value.role)];
    case "parts":
      // Part labels are message keys, shown translated.
      expect(value.parts.every((p) => p.label in bg && p.label in en)).toBe(true);
      return value.parts.flatMap((p) => texts(p.value));
    default:
      return [];
  }
}

/** A stored [before, after] pair for a field of this type, with real ids of the demo data. */
function samplePair(type: FieldType): [unknown, unknown] {
  const db = getDb();
  const first = (table: SQLiteTable & { id: unknown }) => (db.select().from(table).limit(2).all() as Array<{ id: number }>).map((r) => r.id);
  const idsOf = { organization: first(schema.organizations), person: first(schema.people), user: first(schema.users), event: first(schema.events), partnership: first(schema.partnerships), commitment: first(schema.commitments) };
  if (typeof type === "object") {
    if ("enumPrefix" in type) {
      const values = Object.keys(bg).filter((k) => k.startsWith(`${type.enumPrefix}.`)).map((k) => k.slice(type.enumPrefix.length + 1));
      return [values[0], values[1]];
    }
    if ("ref" in type) return [idsOf[type.ref][0], idsOf[type.ref][1]];
    return [[], idsOf[type.refs]];
  }
  switch (type) {
    case "text":
      return ["Старо", "Ново"];
    case "longText":
      return [null, "Дълъг текст ".repeat(30)];
    case "date":
      return [null, "2027-03-31"];
    case "dateTime":
      return [null, "2027-03-31T09:15:00.000Z"];
    case "bool":
      return [false, true];
    case "words":
      return [["жилища"], ["жилища", "заетост"]];
    case "members":
      return [["Столична община (lead)"], ["Столична община (lead)", { organizationId: idsOf.organization[0], role: "funder" }]];
    case "participants":
      return [null, { id: 1, organizationId: idsOf.organization[0], role: "speaker" }];
    case "progressUpdate":
      return [null, { id: 1, note: "Първата група започна.", statusChange: "in_progress", evidenceUrl: "https://example.org/report" }];
  }
}

describe("change histories", () => {
  test("every entity type with labelled fields is checked against its table", () => {
    expect(Object.keys(tables).sort()).toEqual(Object.keys(auditFields).sort());
  });

  test.each(Object.keys(tables) as Array<keyof typeof tables>)("%s: every column that can change has a label in both languages", (entityType) => {
    const specs = auditFields[entityType]!;
    const columns = Object.keys(getTableColumns(tables[entityType]));
    expect(columns.length).toBeGreaterThan(3);
    const unlabelled = columns.filter((c) => !unshownFields.has(c) && !neverAudited.has(`${c}:${entityType}`) && !specs[c]);
    expect(unlabelled).toEqual([]);
    for (const spec of Object.values(specs)) {
      expect(bg[spec.label], spec.label).toBeTruthy();
      expect(en[spec.label], spec.label).toBeTruthy();
    }
  });

  test.each(Object.keys(tables) as Array<keyof typeof tables>)("%s: a change to every field reads without identifiers", (entityType) => {
    const specs = auditFields[entityType]!;
    const changes = Object.fromEntries(Object.entries(specs).map(([field, spec]) => [field, samplePair(spec.type)]));
    const [views] = presentChanges([{ entityType, action: "update", changes: JSON.stringify(changes) }]);
    expect(views.map((v) => v.field).sort()).toEqual(Object.keys(specs).sort());
    for (const view of views) {
      expect(view.label, view.field).not.toBe("audit.field.other");
      const shown = [...texts(view.before), ...texts(view.after)];
      expect(shown.filter((text) => CAMEL_CASE.test(text)), view.field).toEqual([]);
      // Enumerations as labels, records by name: no raw code or id is left as text.
      const type = specs[view.field].type;
      if (typeof type === "object" && "enumPrefix" in type) expect(view.after.kind, view.field).toBe("message");
      if (typeof type === "object" && "ref" in type) expect(view.after.kind, view.field).toBe("text");
      if (typeof type === "object" && "ref" in type) expect(texts(view.after).join(), view.field).not.toMatch(/^\d+$/);
    }
  });

  test("a real edit of a commitment names the organizations, not their ids", () => {
    const db = getDb();
    const commitment = db.select().from(schema.commitments).limit(1).get()!;
    const coordinator = actingAs("coordinator");
    const result = updateCommitment(coordinator, commitment.id, commitment.version, {
      title: commitment.title,
      description: commitment.description,
      leadOrganizationId: orgId(RED_CROSS),
      coPledgerIds: [orgId(SOFIA)],
      eventId: commitment.eventId,
      partnershipId: commitment.partnershipId,
      niemDimension: commitment.niemDimension,
      kind: commitment.kind,
      dueOn: "2027-03-31",
      ownerId: commitment.ownerId,
      sharedWithPartner: commitment.sharedWithPartner,
    } as Parameters<typeof updateCommitment>[3]);
    expect(result.ok).toBe(true);
    const entry = db.select().from(schema.auditEntries).orderBy(schema.auditEntries.id).all().at(-1)!;
    const [views] = presentChanges([entry]);
    const byField = new Map<string, ChangeView>(views.map((v) => [v.field, v]));
    expect(byField.get("leadOrganizationId")).toMatchObject({ label: "commitments.field.lead", after: { kind: "text", text: RED_CROSS } });
    expect(byField.get("coPledgerIds")?.after).toEqual({ kind: "list", items: [{ kind: "text", text: SOFIA }] });
    expect(byField.get("dueOn")?.after).toEqual({ kind: "date", value: "2027-03-31" });
  });
});
