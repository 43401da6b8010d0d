import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { optionalUser } from "#app/auth/access.server.ts";
import { createSession } from "#app/auth/session.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { clientIp, safeRedirectPath } from "#app/lib/http.server.ts";
import { readForm } from "#app/lib/read-form.server.ts";
import { signIn } from "#app/models/auth.server.ts";

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await optionalUser(request);
  if (user) throw redirect(user.role === "partner" ? "/shared" : "/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  const result = await signIn(email, password, clientIp(context));
  if (!result.ok) {
    // One message for a wrong e-mail and a wrong password: it must not tell which.
    return json({ error: result.reason, email: email.slice(0, 254) }, { status: result.reason === "throttled" ? 429 : 401 });
  }
  const cookie = await createSession(result.userId, { ip: clientIp(context), userAgent: request.headers.get("User-Agent") });
  return redirect(safeRedirectPath(form.get("redirectTo"), "/"), { headers: { "Set-Cookie": cookie } });
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
          {actionData.error === "throttled" ? t("login.throttled") : t("login.invalid")}
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
