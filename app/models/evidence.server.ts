// Evidence files attached to commitment updates: the type is decided by the file's bytes
// (never by its name or the browser's claim), files live under UPLOAD_DIR with random names,
// and they are read back only through the access layer (/evidence/:id).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { canReadEvidence, commitmentReach, notFound, type CurrentUser } from "../auth/access.server.ts";
import { getDb, type DbOrTx } from "../db/client.server.ts";
import { commitmentUpdates, evidenceFiles } from "../db/schema.ts";
import { EVIDENCE_MAX_BYTES } from "../domain/portal.ts";
import { env } from "../env.server.ts";
import { readUploadForm } from "../server/read-form.server.ts";

export type EvidenceFile = typeof evidenceFiles.$inferSelect;

/** What file-type reports → the MIME type we store and serve. */
const allowedByDetectedType: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
};

/** Old Office files are all OLE2 containers ("cfb"); the name tells which program, the bytes that it is one. */
const oleOfficeByExtension: Record<string, string> = {
  ".doc": "application/msword",
  ".xls": "application/vnd.ms-excel",
  ".ppt": "application/vnd.ms-powerpoint",
};

export type EvidenceCheck =
  | { ok: true; mimeType: string; originalName: string; bytes: Uint8Array }
  | { ok: false; error: "evidenceEmpty" | "evidenceTooLarge" | "evidenceType" };

/** Decides whether an uploaded file may be kept as evidence, by its content. */
export async function checkEvidenceFile(file: File): Promise<EvidenceCheck> {
  if (file.size === 0) return { ok: false, error: "evidenceEmpty" };
  if (file.size > EVIDENCE_MAX_BYTES) return { ok: false, error: "evidenceTooLarge" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const originalName = cleanFileName(file.name);
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return { ok: false, error: "evidenceType" };
  if (detected.ext === "cfb") {
    const mimeType = oleOfficeByExtension[path.extname(originalName).toLowerCase()];
    return mimeType ? { ok: true, mimeType, originalName, bytes } : { ok: false, error: "evidenceType" };
  }
  const mimeType = allowedByDetectedType[detected.ext];
  return mimeType ? { ok: true, mimeType, originalName, bytes } : { ok: false, error: "evidenceType" };
}

/** The longest original name kept, in characters (not UTF-16 units: an emoji is one). */
const MAX_NAME_CHARACTERS = 200;

/**
 * The name as the partner's computer had it: `=`, `;`, quotes, Cyrillic and emoji stay (the page
 * escapes it, contentDisposition() encodes it); only a path and control characters go. A longer
 * name is shortened before its extension, so the file still opens with the right program.
 */
function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = path.basename(name.replace(/\\/g, "/")).replace(/[\u0000-\u001f\u007f]/g, "").trim();
  const characters = [...(base || "evidence")];
  if (characters.length <= MAX_NAME_CHARACTERS) return characters.join("");
  const extension = [...path.extname(base)].slice(0, 20);
  return [...characters.slice(0, MAX_NAME_CHARACTERS - extension.length), ...extension].join("");
}

export function uploadDir(): string {
  return path.resolve(env().UPLOAD_DIR);
}

/**
 * Writes the bytes under a random name and inserts the evidence_files row, inside the caller's
 * transaction. Returns the id and the path, so the caller can remove the file if the transaction fails.
 */
export function storeEvidenceFile(
  tx: DbOrTx,
  userId: number,
  file: { bytes: Uint8Array; mimeType: string; originalName: string },
): { id: number; storedPath: string } {
  const dir = uploadDir();
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const storageName = crypto.randomBytes(24).toString("hex");
  const storedPath = path.join(dir, storageName);
  fs.writeFileSync(storedPath, file.bytes, { flag: "wx", mode: 0o600 });
  const row = tx
    .insert(evidenceFiles)
    .values({ storageName, originalName: file.originalName, mimeType: file.mimeType, size: file.bytes.byteLength, uploadedById: userId })
    .returning({ id: evidenceFiles.id })
    .get();
  return { id: row.id, storedPath };
}

/** The evidence file and its bytes, or 404 for anything the user may not read. */
export function readEvidence(user: CurrentUser, id: number): { file: EvidenceFile; bytes: Buffer } {
  const db = getDb();
  const file = db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id)).get();
  if (!file) throw notFound();
  if (!canReadEvidence(user, partnerCanSeeEvidence(user, id))) throw notFound();
  const storedPath = path.join(uploadDir(), path.basename(file.storageName));
  if (!fs.existsSync(storedPath)) throw notFound();
  return { file, bytes: fs.readFileSync(storedPath) };
}

/** A partner reads an evidence file attached to an update of a commitment in their organization's reach. */
function partnerCanSeeEvidence(user: CurrentUser, evidenceFileId: number): boolean {
  const reach = user.role === "partner" ? commitmentReach(user, commitmentUpdates.commitmentId) : undefined;
  if (!reach) return false;
  return !!getDb()
    .select({ id: commitmentUpdates.id })
    .from(commitmentUpdates)
    .where(and(eq(commitmentUpdates.evidenceFileId, evidenceFileId), reach))
    .get();
}

/** `attachment; filename="…"; filename*=UTF-8''…` — the ASCII fallback keeps old clients working with Cyrillic names. */
export function contentDisposition(originalName: string, disposition: "attachment" | "inline" = "attachment"): string {
  const ascii = originalName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  // RFC 5987 value: encodeURIComponent leaves ' ( ) * ! as they are, which are not allowed there.
  const encoded = encodeURIComponent(originalName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Reads the partner's form, which may carry an evidence file of up to EVIDENCE_MAX_BYTES (as
 * multipart, or as an ordinary form when there is no file). A larger file is left out and
 * `tooLarge` set, with the rest of the form kept; a body that is not a form at all throws a 400.
 */
export function readEvidenceForm(request: Request) {
  return readUploadForm(request, { maxFileSize: EVIDENCE_MAX_BYTES });
}

/**
 * The evidence file of a form read by readEvidenceForm (field `evidenceFile`), checked by its
 * content: the file to store, none (the input left empty), or the error code for the field.
 * The partner's report and the staff progress update both take it so.
 */
export async function evidenceFromForm(
  formData: FormData,
  tooLarge: boolean,
): Promise<{ ok: true; evidence: EvidenceUpload | null } | { ok: false; error: "evidenceEmpty" | "evidenceTooLarge" | "evidenceType" }> {
  // A file over the limit was left out of the form.
  if (tooLarge) return { ok: false, error: "evidenceTooLarge" };
  const file = formData.get("evidenceFile");
  // A file input left empty arrives as a nameless, empty part: that is "no file", not an empty file.
  if (file instanceof File && (file.name !== "" || file.size > 0)) {
    const checked = await checkEvidenceFile(file);
    return checked.ok ? { ok: true, evidence: checked } : checked;
  }
  if (typeof file === "string" && file !== "") return { ok: false, error: "evidenceType" };
  return { ok: true, evidence: null };
}

export type EvidenceUpload = { bytes: Uint8Array; mimeType: string; originalName: string };
