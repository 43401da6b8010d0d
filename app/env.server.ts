import { z } from "zod";

// Parsed once at start: a missing SESSION_SECRET in production fails here, clearly,
// rather than at the first sign-in.
const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_PATH: z.string().min(1).default("data/bcrm.sqlite"),
    UPLOAD_DIR: z.string().min(1).default("data/uploads"),
    /** Where backups go; by default a backups/ folder beside the database file. */
    BACKUP_DIR: z.string().min(1).optional(),
    /** How many backups to keep (older ones are deleted after each new one). */
    BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(10),
    SESSION_SECRET: z.string().min(16).optional(),
    /** e.g. smtps://user:pass@mail.example.org:465; without it, e-mails stay in the outbox (/admin/outbox). */
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().min(3).default("BCRM Partners <no-reply@bcrm-bg.org>"),
    /** The public address: links in e-mails point to it, and the calendar feed address is built on it when set. */
    APP_URL: z.string().url().default("http://localhost:3000"),
    /** HH:MM (Sofia time): the server sends the daily reminder digest then; unset = only `npm run reminders`. */
    REMINDERS_AT: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM").optional(),
    /** Set when the app is served over https, so the session cookie is Secure. */
    SECURE_COOKIES: z
      .enum(["true", "false"])
      .optional()
      .transform((v) => v === "true"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "SESSION_SECRET (at least 16 characters) is required in production",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;
export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/**
 * APP_URL when the operator set it (without a trailing slash), else null: addresses handed out to
 * be kept (a calendar feed) then do not depend on the Host header or on a proxy's scheme.
 */
export function configuredAppUrl(): string | null {
  return process.env.APP_URL ? env().APP_URL.replace(/\/$/, "") : null;
}

/** Where the app is reached, for links handed out (mails, feeds): APP_URL when set (behind a proxy the request may say http:// or an inner host), else the request's origin. */
export function appBaseUrl(request: Request): string {
  return configuredAppUrl() ?? new URL(request.url).origin;
}
