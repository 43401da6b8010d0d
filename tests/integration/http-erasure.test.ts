// Issue 13, point 6 — "Erasure leaves copies": against the production server (two workers, as
// WEB_CONCURRENCY=2 runs it), a refugee contact is created and edited, then named in a
// follow-up (shared with a partner, so a notice goes to the outbox, and due, so the reminder
// digest names it), an interaction and a partner's progress update with an uploaded file. The
// erase page lists those copies and says what backups keep; after the erasure a byte search of
// the database file, its -wal and -shm and the uploads folder finds none of the erased values;
// /admin/backups marks the backup taken before and deletes it.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchKey, sortKey } from "#app/lib/transliterate.ts";
import { signIn, startDemoServer } from "../../scripts/lib/prod-server.ts";
import { demo, demoIdInFile } from "../demo-handles.ts";
import { createdId, postEvidenceUpdate, postForm } from "./http-helpers.ts";

let server: Awaited<ReturnType<typeof startDemoServer>>;

beforeAll(async () => {
  server = await startDemoServer({ env: { WEB_CONCURRENCY: "2", BACKUP_KEEP: "7" } });
});
afterAll(async () => {
  await server?.cleanup();
});

const name = "Назанин Ерасурова";
const firstEmail = "nazanin.first.erasure@example.org";
const secondEmail = "nazanin.second.erasure@example.org";
const notes = "Живее при сестра си в Овча купел; предпочита срещи в петък след обяд.";
/** What must be gone from the disk, as bytes: the values, and the name's folded search and sort forms and their words. */
const erasedValues: Record<string, string> = {
  name, firstEmail, secondEmail, notes, nameSearchKey: searchKey(name), nameSortKey: sortKey(name),
  ...Object.fromEntries(searchKey(name).split(" ").map((word, i) => [`nameSearchWord${i + 1}`, word])),
};

const uploadsDir = () => path.join(server.dataDir, "uploads");

/** The database file, its -wal and -shm, and every uploaded file. */
function filesOnDisk(): string[] {
  const files = ["", "-wal", "-shm"].map((s) => server.databasePath + s).filter((f) => fs.existsSync(f));
  if (fs.existsSync(uploadsDir())) files.push(...fs.readdirSync(uploadsDir()).map((f) => path.join(uploadsDir(), f)));
  return files;
}

/** "file: value" for every file that holds one of the values byte for byte. */
function byteSearch(files: string[], values = erasedValues): string[] {
  const found: string[] = [];
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    for (const [label, value] of Object.entries(values)) if (bytes.includes(Buffer.from(value, "utf8"))) found.push(`${path.relative(server.dataDir, file)}: ${label}`);
  }
  return found;
}

/** Reads from the live database (briefly, then closes: an open reader would hold the WAL). */
function query<T>(statement: string, ...params: unknown[]): T {
  const db = new Database(server.databasePath, { readonly: true });
  try {
    return db.prepare(statement).get(...params) as T;
  } finally {
    db.close();
  }
}

async function page(cookie: string, pagePath: string): Promise<string> {
  const response = await fetch(`${server.url}${pagePath}`, { headers: { Cookie: cookie } });
  expect(response.status, pagePath).toBe(200);
  return response.text();
}

describe("erasure leaves no copies", () => {
  it("Erasure leaves copies: after erasing, no byte of the name, e-mails or notes is left in the database, -wal, -shm or uploads; copies elsewhere were listed and redacted; old backups are marked and deletable", async () => {
    const coordinator = await signIn(server.url, "coordinator@bcrm.demo");
    const admin = await signIn(server.url, "admin@bcrm.demo");
    const partner = await signIn(server.url, "partner@sofia.demo");

    // The contact, then an edit that changes the e-mail (the first one lives on in copies made before).
    const contactId = createdId(
      await postForm(server.url, coordinator, "/refugees/new", { name, languages: "фарси", countryOfOrigin: "Иран", contactChannel: "email", contactValue: firstEmail, notes }),
    );
    const { version } = query<{ version: number }>("SELECT version FROM refugee_contacts WHERE id = ?", contactId);
    const edited = await postForm(server.url, coordinator, `/refugees/${contactId}/edit`, {
      name, languages: "фарси", countryOfOrigin: "Иран", contactChannel: "email", contactValue: secondEmail, notes, version: String(version),
    });
    expect(edited.status).toBe(302);

    // Copies in other records: a follow-up shared with Sofia (a notice in the outbox) and overdue
    // (the coordinator's reminder digest), an interaction, a partner's update with a file.
    const sofia = demoIdInFile(server.databasePath, demo.organizations.sofiaMunicipality);
    const coordinatorId = query<{ id: number }>("SELECT id FROM users WHERE email = 'coordinator@bcrm.demo'").id;
    const followUpId = createdId(
      await postForm(server.url, coordinator, "/follow-ups/new", {
        title: `Обаждане на ${name} за курса`, notes: `Потвърждение на ${secondEmail}, копие до ${firstEmail}.`, dueOn: "2025-01-10",
        assigneeId: String(coordinatorId), organizationId: String(sofia), status: "open", sharedWithOrganizationId: String(sofia),
      }),
    );
    const interaction = await postForm(server.url, coordinator, "/interactions/new", {
      kind: "meeting", occurredOn: "2025-01-08", subject: `Среща за ${name}`, body: `Имейл: ${firstEmail}`, organizationId: String(sofia),
    });
    expect(interaction.status).toBe(302);
    const commitmentId = query<{ id: number }>("SELECT id FROM commitments WHERE lead_organization_id = ? AND shared_with_partner = 1", sofia).id;
    const pdf = Buffer.concat([fs.readFileSync(path.resolve("tests/fixtures/evidence.pdf")), Buffer.from(`\n% Участник: ${name}, ${secondEmail}\n`, "utf8")]);
    await postEvidenceUpdate(server.url, partner, commitmentId, { note: `${name} се записа за курса.`, fileName: `${name}.pdf`, bytes: new Uint8Array(pdf) });
    // `npm run reminders` as cron runs it (asynchronously: a blocked test process would reuse
    // keep-alive connections the server has meanwhile closed).
    const reminders = await promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["scripts/reminders.ts", "--force"], {
      env: { ...process.env, DATABASE_PATH: server.databasePath, UPLOAD_DIR: uploadsDir() },
      encoding: "utf8",
    });
    expect(reminders.stdout).toContain('"queued"');
    // The shared notice is sent after its write commits: wait for it.
    for (let i = 0; i < 50 && !query<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE kind = 'shared_notice' AND instr(body_text, ?) > 0", name).n; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const outboxIds = (() => {
      const db = new Database(server.databasePath, { readonly: true });
      try {
        return (db.prepare("SELECT id, kind FROM outbox WHERE instr(body_text, ?) > 0 OR instr(subject, ?) > 0").all(name, name) as Array<{ id: number; kind: string }>);
      } finally {
        db.close();
      }
    })();
    expect(outboxIds.map((o) => o.kind).sort()).toEqual(expect.arrayContaining(["digest", "shared_notice"]));
    const evidence = query<{ id: number; storageName: string }>("SELECT id, storage_name AS storageName FROM evidence_files ORDER BY id DESC LIMIT 1");

    // A backup before the erasure: it will keep the data, and the pages must say so.
    expect((await postForm(server.url, admin, "/admin/backups", { intent: "create" })).status).toBe(302);
    const backupsDir = path.join(server.dataDir, "backups");
    const [oldBackup] = fs.readdirSync(backupsDir);
    expect(oldBackup).toBeTruthy();

    // The search works: before the erasure every value is on disk.
    const before = byteSearch(filesOnDisk());
    for (const label of Object.keys(erasedValues)) expect(before.some((f) => f.endsWith(`: ${label}`)), label).toBe(true);
    expect(before).toContain(`uploads/${evidence.storageName}: name`);

    // The erase page lists every copy before confirming, and what backups keep.
    const erasePage = await page(admin, `/refugees/${contactId}/erase`);
    expect(erasePage).toContain(`data-copy="follow_ups:${followUpId}"`);
    expect(erasePage).toMatch(/data-copy="interactions:\d+"/);
    expect(erasePage).toMatch(/data-copy="commitment_updates:\d+"/);
    expect(erasePage).toContain(`data-copy="evidence_files:${evidence.id}"`);
    for (const o of outboxIds) expect(erasePage).toContain(`data-copy="outbox:${o.id}"`);
    expect(erasePage).toContain(`data-file="${evidence.storageName}"`);
    const backupsNote = /<p id="erase-backups">([\s\S]*?)<\/p>/.exec(erasePage)?.[1] ?? "";
    expect(backupsNote).toContain("Направени преди него: 1;");
    expect(backupsNote).toContain("BACKUP_KEEP = 7");
    expect(backupsNote).toContain('href="/admin/backups"');

    const erased = await postForm(server.url, admin, `/refugees/${contactId}/erase`, { confirm: "on" });
    expect(erased.status).toBe(302);
    expect(erased.headers.get("Location")).toBe(`/refugees/${contactId}`);

    // Right after the erasure: nothing of the person in the database file, -wal, -shm or uploads.
    expect(byteSearch(filesOnDisk())).toEqual([]);
    expect(fs.existsSync(path.join(uploadsDir(), evidence.storageName))).toBe(false);

    // The copies read «[изтрито]», and each record's history says so.
    const followUpPage = await page(coordinator, `/follow-ups/${followUpId}`);
    expect(followUpPage).toContain("Обаждане на [изтрито] за курса");
    expect(followUpPage).toContain("премахнати данни на изтрит контакт");
    const outboxPage = await page(admin, "/admin/outbox");
    expect(outboxPage).toContain("[изтрито]");
    expect(outboxPage).not.toContain(name);
    const partnerView = await page(partner, `/shared/commitments/${commitmentId}`);
    expect(partnerView).toContain("[изтрито] се записа за курса.");
    // Audited: a "redact" entry on each record with a history, the rest listed in the erasure's entry.
    const redacted = query<{ types: string }>("SELECT group_concat(entity_type || ':' || entity_id) AS types FROM audit_entries WHERE action = 'redact'").types.split(",");
    expect(redacted).toEqual(expect.arrayContaining([`follow_up:${followUpId}`, expect.stringMatching(/^interaction:/), expect.stringMatching(/^commitment_update:/)]));
    const eraseEntry = JSON.parse(query<{ detail: string }>("SELECT detail FROM audit_entries WHERE action = 'erase' AND entity_id = ?", contactId).detail) as {
      redacted: Array<{ table: string; id: number }>;
      files: Array<{ evidenceId: number }>;
    };
    expect(eraseEntry.redacted).toEqual(expect.arrayContaining(outboxIds.map((o) => expect.objectContaining({ table: "outbox", id: o.id }))));
    expect(eraseEntry.redacted).toContainEqual(expect.objectContaining({ table: "evidence_files", id: evidence.id }));
    expect(eraseEntry.files).toEqual([expect.objectContaining({ evidenceId: evidence.id })]);

    // /admin/backups marks the backup taken before the erasure and deletes it on request.
    const backupsPage = await page(admin, "/admin/backups");
    expect(backupsPage).toMatch(new RegExp(`data-backup="${oldBackup}" data-before-erasure="true"`));
    expect(byteSearch([path.join(backupsDir, oldBackup!)])).not.toEqual([]);
    const deleted = await postForm(server.url, admin, "/admin/backups", { intent: "deleteBeforeErasure" });
    expect(deleted.status).toBe(302);
    expect(fs.existsSync(path.join(backupsDir, oldBackup!))).toBe(false);
    expect(query<{ n: number }>("SELECT count(*) AS n FROM audit_entries WHERE action = 'backup_delete'").n).toBe(1);

    // A backup taken now is clean and not marked.
    expect((await postForm(server.url, admin, "/admin/backups", { intent: "create" })).status).toBe(302);
    const fresh = fs.readdirSync(backupsDir);
    expect(fresh.length).toBe(1);
    expect(byteSearch([path.join(backupsDir, fresh[0]!)])).toEqual([]);
    expect(await page(admin, "/admin/backups")).not.toContain('data-before-erasure="true"');
  });

  it("Erasure leaves copies: a seeded contact, written long before, leaves no byte of its values either", async () => {
    const admin = await signIn(server.url, "admin@bcrm.demo");
    const contact = query<{ id: number; name: string; contactValue: string; notes: string }>(
      "SELECT id, name, contact_value AS contactValue, notes FROM refugee_contacts WHERE id = ?",
      demoIdInFile(server.databasePath, demo.refugees.amina),
    );
    const values = { name: contact.name, contactValue: contact.contactValue, notes: contact.notes };
    expect(byteSearch(filesOnDisk(), values).length).toBeGreaterThan(0);
    expect((await page(admin, `/refugees/${contact.id}/erase`)).length).toBeGreaterThan(0);
    expect((await postForm(server.url, admin, `/refugees/${contact.id}/erase`, { confirm: "on" })).status).toBe(302);
    expect(byteSearch(filesOnDisk(), values)).toEqual([]);
  });
});
