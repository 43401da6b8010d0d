import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { isStaff, requireUser } from "#app/auth/access.server.ts";
import { sessionCookieHeader } from "#app/auth/session.server.ts";
import { FormErrorSummary, SelectField, TextField } from "#app/components/Field.tsx";
import { SaveForm } from "#app/components/SaveForm.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { locales } from "#app/domain/enums.ts";
import { localeInput, passwordChangeInput } from "#app/domain/user.ts";
import { parseForm } from "#app/lib/forms.ts";
import { clientIp, invalidForm, languageCookieHeader, newFormKey, redirectWithFlash } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { changeOwnPassword, setOwnLocale } from "#app/models/users.server.ts";
import { calendarFeedUrl, calendarTokenOf, regenerateCalendarToken } from "#app/models/calendar.server.ts";

const INTENT = { language: "language", password: "password", calendar: "calendar" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // The private calendar feed of one's follow-ups (staff only: partners have no assigned follow-ups).
  const token = isStaff(user) ? calendarTokenOf(user.id) : null;
  return json({
    formKey: newFormKey(),
    user: { name: user.name, email: user.email, role: user.role, locale: user.locale },
    calendar: isStaff(user) ? { url: token ? calendarFeedUrl(token, request) : null } : null,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === INTENT.language) {
    const form = parseForm(localeInput, formData);
    if (!form.ok) return invalidForm(form.errors, form.values);
    setOwnLocale(user, form.data.locale);
    const headers = new Headers({ "Set-Cookie": await languageCookieHeader(form.data.locale) });
    return redirectWithFlash("/profile", "common.saved", { headers });
  }
  if (intent === INTENT.password) {
    const form = parseForm(passwordChangeInput, formData);
    // Passwords are never sent back to the form.
    if (!form.ok) return invalidForm(form.errors, {});
    const result = await changeOwnPassword(user, form.data.currentPassword, form.data.password, {
      ip: clientIp(context),
      userAgent: request.headers.get("User-Agent"),
    });
    if (!result.ok) return invalidForm({ currentPassword: ["wrongPassword"] }, {});
    // Every other session of the user has ended; this one continues under a fresh id.
    const headers = new Headers({ "Set-Cookie": await sessionCookieHeader(result.sessionId) });
    return redirectWithFlash("/profile", "profile.passwordChanged", { headers });
  }
  if (intent === INTENT.calendar && isStaff(user)) {
    regenerateCalendarToken(user, { ip: clientIp(context) });
    return redirectWithFlash("/profile", "reminders.calendar.regenerated");
  }
  return invalidForm({ _form: ["invalid"] }, {});
}

export default function Profile() {
  const { user, calendar } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t("profile.title")}</h1>
      <p>
        {user.name} · {user.email} · {t(`role.${user.role}`)}
      </p>
      <Form method="post" className="stack">
        <SelectField
          name="locale"
          label="profile.language"
          defaultValue={user.locale}
          choices={locales.map((l) => ({ value: l, label: t(`locale.${l}`) }))}
        />
        <button type="submit" name="intent" value={INTENT.language}>{t("common.save")}</button>
      </Form>
      <h2>{t("profile.changePassword")}</h2>
      {/* Emptied after the change (SaveForm): the passwords do not stay on the page. */}
      <SaveForm className="stack" errors={actionData?.errors}>
        <TextField name="currentPassword" label="profile.currentPassword" type="password" autoComplete="current-password" errors={actionData?.errors} />
        <TextField name="password" label="profile.newPassword" type="password" autoComplete="new-password" errors={actionData?.errors} />
        <button type="submit" name="intent" value={INTENT.password}>{t("common.save")}</button>
      </SaveForm>
      {calendar ? (
        <section aria-labelledby="calendar-heading">
          <h2 id="calendar-heading">{t("reminders.calendar.title")}</h2>
          <p>{t("reminders.calendar.intro")}</p>
          {calendar.url ? (
            <p>
              <label htmlFor="calendar-url">{t("reminders.calendar.url")}</label>
              <br />
              <input id="calendar-url" readOnly value={calendar.url} size={80} />
            </p>
          ) : (
            <p>{t("reminders.calendar.none")}</p>
          )}
          <Form method="post">
            <button type="submit" name="intent" value={INTENT.calendar}>
              {calendar.url ? t("reminders.calendar.regenerate") : t("reminders.calendar.create")}
            </button>
          </Form>
        </section>
      ) : null}
    </section>
  );
}
