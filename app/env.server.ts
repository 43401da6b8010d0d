import { z } from "zod";

// Parsed once at start: a missing SESSION_SECRET in production fails here, clearly,
// rather than at the first sign-in.
const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_PATH: z.string().min(1).default("data/bcrm.sqlite"),
    UPLOAD_DIR: z.string().min(1).default("data/uploads"),
    SESSION_SECRET: z.string().min(16).optional(),
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
