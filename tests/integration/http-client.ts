// Raw HTTP against the production server for the boundary tests: node:http rather than fetch()
// because these tests must choose headers fetch() forbids or rewrites (Origin, Sec-Fetch-Site,
// Referer) and the local address the request comes from (127.0.0.2, … — all of 127.0.0.0/8 is
// loopback on Linux), which is the client address the server sees.
import crypto from "node:crypto";
import http from "node:http";
import Database from "better-sqlite3";

export type HttpAnswer = {
  status: number;
  location: string | null;
  /** The `name=value` part of every Set-Cookie. */
  cookies: string[];
  headers: http.IncomingHttpHeaders;
  body: string;
};

export function httpRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    form?: Record<string, string> | URLSearchParams;
    cookie?: string | null;
    localAddress?: string;
  } = {},
): Promise<HttpAnswer> {
  const target = new URL(url);
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.Cookie = options.cookie;
  if (body !== undefined) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    headers["Content-Length"] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? (body === undefined ? "GET" : "POST"),
        headers,
        localAddress: options.localAddress,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location ?? null,
            cookies: (response.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!),
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** The live session cookie a response set (`__session=…`), if any. */
export function sessionCookieOf(answer: HttpAnswer): string | null {
  return answer.cookies.find((c) => c.startsWith("__session=") && c.length > "__session=".length) ?? null;
}

/** Signs in through the real form from a given local address; the answer as it came. */
export function postLogin(
  url: string,
  form: { email: string; password: string; redirectTo?: string },
  options: { localAddress?: string } = {},
): Promise<HttpAnswer> {
  return httpRequest(`${url}/login`, {
    form: { redirectTo: "/", ...form },
    headers: { Origin: url },
    localAddress: options.localAddress,
  });
}

/** Row count and a hash of the content of every table in the database (read-only). */
export function snapshotTables(databasePath: string): Record<string, { rows: number; hash: string }> {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const snapshot: Record<string, { rows: number; hash: string }> = {};
    for (const table of tables) {
      const rows = db
        .prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`)
        .raw()
        .all()
        .map((row) => JSON.stringify(row, (_key, value) => (Buffer.isBuffer(value) ? value.toString("base64") : value)))
        .sort();
      snapshot[table] = { rows: rows.length, hash: crypto.createHash("sha256").update(rows.join("\n")).digest("hex") };
    }
    return snapshot;
  } finally {
    db.close();
  }
}

/** The tables whose row count or content differ between two snapshots. */
export function changedTables(before: ReturnType<typeof snapshotTables>, after: ReturnType<typeof snapshotTables>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name]?.hash !== after[name]?.hash || before[name]?.rows !== after[name]?.rows).sort();
}
