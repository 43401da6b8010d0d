// Small request/response helpers every route uses.
import { createHash, randomUUID } from "node:crypto";
import { createCookie, json, redirect, type AppLoadContext } from "@remix-run/node";
import type { CurrentUser } from "../auth/access.server.ts";
import type { Locale } from "../domain/enums.ts";
import { env } from "../env.server.ts";
import { defaultLocale, isLocale, type MessageKey } from "../i18n/i18n.ts";
import { idParam } from "../domain/fields.ts";
import { SUBMISSION_KEY, submissionKeyOf, type FieldErrors, type FormValues } from "../lib/forms.ts";
import type { WriteContext } from "../models/record-write.server.ts";
import { notFound } from "../auth/access.server.ts";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request nonce for the Content-Security-Policy (set by server.mjs). */
    cspNonce?: string;
    /** The client's address as the server saw it (never taken from a request header). */
    clientIp?: string;
  }
}

export function clientIp(context: AppLoadContext | undefined): string {
  return context?.clientIp ?? "unknown";
}

/**
 * What a write needs to know about the request: the client's address for the audit, and the
 * form's submission key so that the same form sent twice makes one record.
 */
export function writeContext(context: AppLoadContext | undefined, formData: FormData): WriteContext {
  return { ip: clientIp(context), submissionKey: sentFormKey(formData) };
}

/**
 * The form's key together with what was sent in it: a double click or a resend is the same
 * (one record), but a form changed after Back and sent again is a new sending, not a replay.
 */
function sentFormKey(formData: FormData): string | null {
  const key = submissionKeyOf(formData);
  if (!key) return null;
  const hash = createHash("sha256").update(key);
  for (const [name, value] of formData.entries()) {
    if (name === SUBMISSION_KEY) continue;
    hash.update(`\u0000${name}=${typeof value === "string" ? value : `file:${value.name}:${value.size}`}`);
  }
  return hash.digest("base64url");
}

/** A fresh key for the forms of a page (a loader's `formKey`; see SUBMISSION_KEY in lib/forms.ts). */
export function newFormKey(): string {
  return randomUUID();
}

/** A route's `:id` param as a positive integer, or 404. */
export function parseIdParam(value: string | undefined): number {
  const parsed = idParam.safeParse(value);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

// ---------------------------------------------------------------- language

const languageCookie = createCookie("lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 24 * 3600 });

/** The signed-in user's language; before sign-in, the one last chosen on this browser. */
export async function resolveLocale(request: Request, user: CurrentUser | null): Promise<Locale> {
  if (user) return user.locale;
  const fromCookie = await languageCookie.parse(request.headers.get("Cookie"));
  return isLocale(fromCookie) ? fromCookie : defaultLocale;
}

export function languageCookieHeader(locale: Locale) {
  return languageCookie.serialize(locale);
}

// ---------------------------------------------------------------- flash message after a redirect

const flashCookie = createCookie("__flash", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60,
  secrets: [env().SESSION_SECRET ?? "development-only-session-secret"],
});

export async function redirectWithFlash(to: string, message: MessageKey, init: { headers?: Headers } = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await flashCookie.serialize(message));
  return redirect(to, { headers });
}

/** Reads the flash message and the header that clears it. */
export async function takeFlash(request: Request): Promise<{ message: MessageKey | null; setCookie: string | null }> {
  const message = await flashCookie.parse(request.headers.get("Cookie"));
  if (typeof message !== "string") return { message: null, setCookie: null };
  return { message: message as MessageKey, setCookie: await flashCookie.serialize("", { maxAge: 0 }) };
}

/** The answer to a form that did not validate: 400, with the errors and what the user typed. */
export function invalidForm(
  errors: FieldErrors,
  values: FormValues,
  extra: { intent?: string; userId?: number } = {},
) {
  return json({ errors, values, intent: extra.intent, userId: extra.userId }, { status: 400 });
}

// A stand-in for the app's own origin (.invalid can never be a real host): a target that still has
// this origin once resolved names no host of its own, so it is a path of this app.
const OWN_ORIGIN = "http://bcrm-partners.invalid";
// C0 and C1 control characters and DEL. URL parsers silently drop tab and newline, which turns
// "/\t/evil.example" into "//evil.example"; in a Location header they are a 500 or worse.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A redirect target that came from a user (?redirectTo=, a hidden field): accepted only when,
 * resolved against the app's own origin, it keeps that origin and its path has no control
 * characters; otherwise `fallback`. What is returned is the resolved URL's own serialization
 * (path, query, fragment; percent-encoded ASCII), so it is always a valid Location header.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.length > 2000 || CONTROL_CHARACTER.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  const path = url.pathname + url.search + url.hash;
  // "/.//x" resolves to the path "//x", which a browser reads as the host x.
  if (path.startsWith("//") || CONTROL_CHARACTER.test(decodedPath(url.pathname))) return fallback;
  return path;
}

function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
