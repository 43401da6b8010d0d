// Small helpers for tests that drive the production server over HTTP (scripts/lib/prod-server.ts).
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";

/** A form post as a browser on the server's own page sends it (same Origin), not following the redirect. */
export async function postForm(
  url: string,
  cookie: string,
  pagePath: string,
  fields: Record<string, string | string[]> | FormData,
): Promise<Response> {
  let body: URLSearchParams | FormData;
  if (fields instanceof FormData) body = fields;
  else {
    body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  }
  return fetch(`${url}${pagePath}`, { method: "POST", body, headers: { Cookie: cookie, Origin: url }, redirect: "manual" });
}

/** The id at the end of a redirect's Location (after creating a record). */
export function createdId(response: Response): number {
  expect(response.status, `expected a redirect, got ${response.status}`).toBe(302);
  const id = Number(new URL(response.headers.get("Location")!, "http://x").pathname.split("/").filter(Boolean).pop());
  expect(Number.isInteger(id)).toBe(true);
  return id;
}

/** A partner's progress update on a shared commitment with an evidence file (the fixture PDF unless bytes are given). */
export async function postEvidenceUpdate(
  url: string,
  cookie: string,
  commitmentId: number,
  options: { note?: string; fileName?: string; bytes?: Uint8Array } = {},
) {
  const form = new FormData();
  form.set("intent", "update");
  form.set("commitmentId", String(commitmentId));
  form.set("note", options.note ?? "Доклад с доказателство");
  const bytes: Uint8Array<ArrayBuffer> = new Uint8Array(options.bytes ?? fs.readFileSync(path.resolve("tests/fixtures/evidence.pdf")));
  form.set("evidenceFile", new File([bytes], options.fileName ?? "доказателство.pdf", { type: "application/pdf" }));
  const response = await postForm(url, cookie, `/shared/commitments/${commitmentId}`, form);
  expect(response.status).toBe(302);
}
