// The production server: Remix's request handler behind Express, with the security
// headers, request log and graceful shutdown that remix-serve does not give us.
import crypto from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import express from "express";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
process.env.NODE_ENV ??= "production";

const buildDir = process.env.BUILD_DIR ?? "build";
const build = await import(path.resolve(buildDir, "server/index.js"));
try {
  build.entry.module.startup();
} catch (error) {
  console.error(`BCRM Partners cannot start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const app = express();
app.disable("x-powered-by");

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
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  res.on("finish", () => {
    if (process.env.REQUEST_LOG === "off") return;
    // Structured request log: never bodies, queries or anything a user typed.
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(
      JSON.stringify({ t: new Date().toISOString(), method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }),
    );
  });
  next();
});

app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: "production",
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.socket.remoteAddress ?? "unknown" }),
  }),
);

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
  server.closeIdleConnections?.();
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
