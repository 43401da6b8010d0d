import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { optionalUser } from "#app/auth/access.server.ts";
import { createSession } from "#app/auth/session.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { clientIp, safeRedirectPath } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { signIn } from "#app/models/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

// The page answering a throttled sign-in says when to try again (Remix drops an action's headers otherwise).
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await optionalUser(request);
  if (user) throw redirect(user.role === "partner" ? "/shared" : "/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  // Where to go is settled before anything is written, so a bad target can leave no session behind.
  const to = safeRedirectPath(form.get("redirectTo"), "/");
  const result = await signIn(email, password, clientIp(context));
  if (!result.ok) {
    if (result.reason === "throttled") {
      const minutes = Math.max(1, Math.ceil(result.retryAfterMs / 60_000));
      return json(
        { error: result.reason, minutes, email: email.slice(0, 254) },
        { status: 429, headers: { "Retry-After": String(Math.ceil(result.retryAfterMs / 1000)) } },
      );
    }
    // One message for a wrong e-mail and a wrong password: it must not tell which.
    return json({ error: result.reason, minutes: 0, email: email.slice(0, 254) }, { status: 401 });
  }
  const cookie = await createSession(result.userId, { ip: clientIp(context), userAgent: request.headers.get("User-Agent") });
  return redirect(to, { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useI18n();
  return (
    <section className="login">
      <h1>{t("login.title")}</h1>
      <p className="tagline">{t("app.tagline")}</p>
      {actionData?.error ? (
        <p role="alert" className="form-error" id="login-error">
          {actionData.error === "throttled" ? t("login.throttled", { minutes: actionData.minutes }) : t("login.invalid")}
        </p>
      ) : null}
      <Form method="post" className="stack">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <div className="field">
          <label htmlFor="email">{t("login.email")}</label>
          <input id="email" name="email" type="email" autoComplete="username" defaultValue={actionData?.email} required
            aria-describedby={actionData?.error ? "login-error" : undefined} />
        </div>
        <div className="field">
          <label htmlFor="password">{t("login.password")}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
    </section>
  );
}
