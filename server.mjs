// The production server: Remix's request handler behind Express, with the security
// headers, request log and graceful shutdown that remix-serve does not give us.
import cluster from "node:cluster";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createReadableStreamFromReadable, createRequestHandler } from "@remix-run/node";
import express from "express";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
process.env.NODE_ENV ??= "production";

/** The app's public origin when APP_URL is set (behind a proxy); else each request's own Host. */
const OWN_ORIGIN = process.env.APP_URL ? new URL(process.env.APP_URL).origin : null;
const buildDir = process.env.BUILD_DIR ?? "build";
const build = await import(path.resolve(buildDir, "server/index.js"));
try {
  // In the primary this applies the migrations once, before any worker opens the database.
  build.entry.module.startup();
} catch (error) {
  console.error(`BCRM Partners cannot start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

// WEB_CONCURRENCY set runs that many worker processes (one per core; 1 is one worker): each has its
// own SQLite connection; WAL lets them read in parallel and busy_timeout queues their writes.
// Unset, this process serves (development, tests, the demo).
const clustered = process.env.WEB_CONCURRENCY !== undefined;
const workerCount = Math.max(1, Number.parseInt(process.env.WEB_CONCURRENCY ?? "1", 10) || 1);
// V8 grows a worker's old space lazily to several times what it needs (335 MB under a minute of
// load for ~100 MB live); WORKER_HEAP_MB caps it (0: V8's default). With a small heap V8 also
// shrinks the young generation, so the semi-space is set back to 16 MB. See decision 022.
const workerHeapMb = Number.parseInt(process.env.WORKER_HEAP_MB ?? "128", 10);
if (cluster.isPrimary) {
  // The daily reminder digest at REMINDERS_AT (HH:MM, Sofia time), when it is set: once, in the primary.
  build.entry.module.startReminderSchedule?.();
}
if (cluster.isPrimary && clustered) {
  let stopping = false;
  const heapFlag = workerHeapMb > 0 && !process.execArgv.some((a) => a.startsWith("--max-old-space-size")) ? [`--max-old-space-size=${workerHeapMb}`, "--max-semi-space-size=16"] : [];
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...heapFlag] });
  for (let i = 0; i < workerCount; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (!stopping) {
      console.error(`worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
      cluster.fork();
    } else if (Object.keys(cluster.workers ?? {}).length === 0) {
      build.entry.module.shutdown();
      process.exit(0);
    }
  });
  const stopAll = (signal) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(1), 12_000).unref();
  };
  process.on("SIGTERM", () => stopAll("SIGTERM"));
  process.on("SIGINT", () => stopAll("SIGINT"));
} else {
  serve();
}

function serve() {
if (process.env.BENCH_PROFILE_DIR) benchProfiler(process.env.BENCH_PROFILE_DIR);

const app = express();
app.disable("x-powered-by");
/** Per-request holder of the user id for the log line (absent in builds made before it existed). */
const requestContext = build.entry.module.requestContext;

app.use((req, res, next) => {
  const started = process.hrtime.bigint();
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${res.locals.cspNonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  // The door's check-in page scans QR codes with the phone's camera (issue 21); nothing else may use it.
  const camera = /^\/events\/\d+\/check-in\/?$/.test(req.path) ? "camera=(self)" : "camera=()";
  res.setHeader("Permissions-Policy", `${camera}, microphone=(), geolocation=()`);
  // requireUser() notes the signed-in user on this holder (app/server/request-context.server.ts).
  const context = { userId: null };
  res.on("finish", () => {
    if (process.env.REQUEST_LOG === "off") return;
    // Structured request log: never bodies, queries or anything a user typed.
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(
      JSON.stringify({ t: new Date().toISOString(), method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10, user: context.userId }),
    );
  });
  if (requestContext) requestContext.run(context, next);
  else next();
});

// Cross-site writes: every request that may change something must come from the app's own pages.
// Remix checks nothing of the kind, and its data requests (`?_data=`, `.data`) bypass any form
// handling, so the check is here, before Remix. A same-site page (another port or subdomain)
// gets the SameSite=Lax cookie sent along, so "same site" is not enough: the origin must match.
const CROSS_SITE_REFUSED =
  "403 — Заявката не идва от страница на BCRM Партньори и е отказана.\n" +
  "403 — This request did not come from a BCRM Partners page and is refused.\n";
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  if (isOwnOriginRequest(req)) return next();
  res.status(403).type("text/plain").send(CROSS_SITE_REFUSED);
});

/**
 * Whether a write comes from the app's own origin: APP_URL when set, else the Host the request
 * was sent to (https when SECURE_COOKIES=true says the app is served over https).
 * Browsers send Origin with every POST (Chromium, Firefox and Safari all do); when it is missing,
 * Sec-Fetch-Site or, failing that, Referer decide. A request with none of the three is not from a
 * browser (curl, scripts, the tests' fetch()): it can only carry a cookie its sender already
 * holds, so there is no forgery to stop, and it is let through. "Origin: null" (sandboxed frames,
 * no-referrer pages) is refused.
 */
function isOwnOriginRequest(req) {
  const own = OWN_ORIGIN ?? hostOrigin(req);
  const origin = req.headers.origin;
  if (origin !== undefined) return own !== null && originOf(origin) === own;
  const fetchSite = req.headers["sec-fetch-site"];
  if (fetchSite !== undefined) return fetchSite === "same-origin";
  const referer = req.headers.referer;
  if (referer !== undefined) return own !== null && originOf(referer) === own;
  return true;
}

function hostOrigin(req) {
  const host = req.headers.host;
  if (!host) return null;
  return originOf(`${process.env.SECURE_COOKIES === "true" ? "https" : req.protocol}://${host}`);
}

function decodeURIComponentSafe(value) {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function originOf(value) {
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

// Request bodies: uploads are at most 10 MB, so 12 MB leaves room for the rest of the form.
// Refused before Remix reads a byte; a body without a declared length is refused too
// (browsers always send Content-Length for forms), so the limit cannot be streamed around.
const MAX_BODY_BYTES = Number(process.env.MAX_BODY_BYTES ?? 12 * 1024 * 1024);
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const declared = req.headers["content-length"];
  if (declared === undefined && req.headers["transfer-encoding"]) {
    res.status(411).set("Connection", "close").type("text/plain").send("Length Required");
    return;
  }
  if (Number(declared ?? 0) > MAX_BODY_BYTES) {
    res.status(413).set("Connection", "close").type("text/plain").send("Payload Too Large");
    return;
  }
  next();
});

app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
// Only paths under a name the build's client folder holds (favicon.ico, public/ folders) go to
// express.static: a page request is answered without a stat() of the disk first.
const clientDir = path.join(buildDir, "client");
const staticNames = new Set(fs.existsSync(clientDir) ? fs.readdirSync(clientDir).filter((name) => name !== "assets") : []);
const serveStatic = express.static(clientDir, { maxAge: "1h" });
app.use((req, res, next) => {
  const first = req.path.split("/", 2)[1];
  if (first && staticNames.has(decodeURIComponentSafe(first))) return serveStatic(req, res, next);
  next();
});

app.all("*", remixHandler());

const server = app.listen(port, host, () => {
  console.log(`BCRM Partners listening on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
});

// Graceful shutdown: stop accepting, let in-flight requests finish, then close the database.
let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing in-flight requests`);
  server.close(() => {
    build.entry.module.shutdown();
    process.exit(0);
  });
  // Keep-alive sockets go idle once their request is answered: close them then, not after the keep-alive timeout.
  server.closeIdleConnections?.();
  setInterval(() => server.closeIdleConnections?.(), 100).unref();
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
}

/**
 * Remix's request handler, answering with backpressure: @remix-run/express writes a streamed
 * body without waiting for the socket, so a 100k-row export to a slow client would pile up in
 * memory; piping the body stream waits for each chunk to drain.
 */
function remixHandler() {
  const handleRequest = createRequestHandler(build, "production");
  return async (req, res, next) => {
    try {
      const request = toFetchRequest(req, res);
      const response = await handleRequest(request, { cspNonce: res.locals.cspNonce, clientIp: req.socket.remoteAddress ?? "unknown" });
      res.statusMessage = response.statusText;
      res.status(response.status);
      // A header the route sets replaces the server-wide default (one nosniff, the route's own
      // CSP), except Set-Cookie, of which there may be several.
      for (const [key, value] of response.headers.entries()) {
        if (key === "set-cookie") res.append(key, value);
        else res.setHeader(key, value);
      }
      if (response.body) await pipeline(Readable.fromWeb(response.body), res);
      else res.end();
    } catch (error) {
      // A client that went away mid-download is not a server error.
      if (error?.code === "ERR_STREAM_PREMATURE_CLOSE") return;
      next(error);
    }
  };
}

/** The Fetch API request Remix wants, from Express's (as @remix-run/express builds it). */
function toFetchRequest(req, res) {
  // Behind a proxy the app's address is APP_URL, whatever Host the proxy forwards: the origin
  // check above has passed, so Remix's own Host-vs-Origin check must see that address too
  // (otherwise it throws, a 500, on a proxy that rewrites Host).
  const url = new URL(req.originalUrl, OWN_ORIGIN ?? `${req.protocol}://${req.get("host") ?? "localhost"}`);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    for (const item of [value ?? []].flat()) headers.append(key, item);
  }
  if (OWN_ORIGIN) {
    headers.set("host", url.host);
    headers.delete("x-forwarded-host");
  }
  // Loaders and actions are aborted when the client goes away before the answer is complete.
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const init = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return new Request(url.href, init);
}

/**
 * For the benchmark only (BENCH_PROFILE_DIR set): SIGUSR2 starts V8's CPU profiler in this
 * process, the next SIGUSR2 stops it and writes <dir>/<pid>-<n>.cpuprofile, so one page's load
 * is profiled without the start-up or the other pages.
 */
async function benchProfiler(dir) {
  const inspector = await import("node:inspector");
  const session = new inspector.Session();
  session.connect();
  let running = false;
  let n = 0;
  process.on("SIGUSR2", () => {
    if (!running) {
      running = true;
      session.post("Profiler.enable", () => session.post("Profiler.start"));
      return;
    }
    running = false;
    session.post("Profiler.stop", (error, result) => {
      if (error) return console.error(`profile failed: ${error.message}`);
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${process.pid}-${++n}.cpuprofile`);
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(result.profile));
      fs.renameSync(`${file}.tmp`, file); // the benchmark waits for the final name
    });
  });
}
