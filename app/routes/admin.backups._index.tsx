import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { clientIp, invalidForm, redirectWithFlash } from "#app/lib/http.server.ts";
import { readForm } from "#app/lib/read-form.server.ts";
import { createBackupAs, listBackupsFor } from "#app/models/backups.server.ts";

const INTENT = { create: "create" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(listBackupsFor(user));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "manageBackups");
  const formData = await readForm(request);
  if (formData.get("intent") !== INTENT.create) return invalidForm({ _form: ["invalid"] }, {});
  await createBackupAs(user, clientIp(context));
  return redirectWithFlash("/admin/backups", "backups.created");
}

export default function AdminBackups() {
  const { backups, keep } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { t, dateTime, number } = useI18n();
  return (
    <section>
      <h1>{t("backups.title")}</h1>
      <p>{t("backups.intro", { keep })}</p>
      <Form method="post">
        <button type="submit" name="intent" value={INTENT.create} className="primary" disabled={navigation.state === "submitting"}>
          {t("backups.create")}
        </button>
      </Form>
      {backups.length === 0 ? (
        <p>{t("backups.none")}</p>
      ) : (
        <table>
          <caption>{t("backups.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("backups.file")}</th>
              <th scope="col">{t("backups.createdAt")}</th>
              <th scope="col">{t("backups.size")}</th>
              <th scope="col"><span className="visually-hidden">{t("backups.download")}</span></th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name}>
                <td><code>{b.name}</code></td>
                <td>{dateTime(b.createdAt)}</td>
                <td>{t("backups.sizeMb", { size: number(Math.round(b.size / 1e5) / 10) })}</td>
                <td><a href={`/admin/backups/${encodeURIComponent(b.name)}`}>{t("backups.download")}</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
