import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { optionalUser } from "#app/auth/access.server.ts";
import { localeInput } from "#app/domain/user.ts";
import { languageCookieHeader, safeRedirectPath } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { setOwnLocale } from "#app/models/users.server.ts";

export async function loader() {
  return redirect("/");
}

/** The header's language switch: remembered on the user (and on the browser for the login page). */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = localeInput.safeParse({ locale: form.get("locale") });
  const back = safeRedirectPath(form.get("redirectTo"), "/");
  if (!parsed.success) return redirect(back);
  const user = await optionalUser(request);
  if (user) setOwnLocale(user, parsed.data.locale);
  return redirect(back, { headers: { "Set-Cookie": await languageCookieHeader(parsed.data.locale) } });
}
