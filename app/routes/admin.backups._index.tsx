import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { clientIp, invalidForm, redirectWithFlash } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { createBackupAs, deleteBackupsAs, listBackupsFor } from "#app/models/backups.server.ts";

const INTENT = { create: "create", delete: "delete", deleteBeforeErasure: "deleteBeforeErasure" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(listBackupsFor(user));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "manageBackups");
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === INTENT.create) {
    await createBackupAs(user, clientIp(context));
    return redirectWithFlash("/admin/backups", "backups.created");
  }
  if (intent === INTENT.delete || intent === INTENT.deleteBeforeErasure) {
    const name = formData.get("name");
    if (intent === INTENT.delete && typeof name !== "string") return invalidForm({ _form: ["invalid"] }, {});
    const which = intent === INTENT.delete ? { names: [String(name)] } : { beforeErasure: true as const };
    const deleted = deleteBackupsAs(user, which, clientIp(context));
    if (!deleted) return invalidForm({ _form: ["invalid"] }, {});
    return redirectWithFlash("/admin/backups", "backups.deleted");
  }
  return invalidForm({ _form: ["invalid"] }, {});
}

export default function AdminBackups() {
  const { backups, keep, latestErasureAt } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { t, dateTime, number } = useI18n();
  const beforeErasure = backups.filter((b) => b.beforeErasure).length;
  return (
    <section>
      <h1>{t("backups.title")}</h1>
      <p>{t("backups.intro", { keep })}</p>
      <Form method="post">
        <button type="submit" name="intent" value={INTENT.create} className="primary" disabled={navigation.state === "submitting"}>
          {t("backups.create")}
        </button>
      </Form>
      {latestErasureAt && beforeErasure ? (
        <div className="notice" role="note">
          <p>{t("backups.erasureNotice", { date: dateTime(latestErasureAt), count: beforeErasure })}</p>
          <Form method="post">
            <button type="submit" name="intent" value={INTENT.deleteBeforeErasure} disabled={navigation.state === "submitting"}>
              {t("backups.deleteBeforeErasure", { count: beforeErasure })}
            </button>
          </Form>
        </div>
      ) : null}
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
              <th scope="col">{t("backups.state")}</th>
              <th scope="col"><span className="visually-hidden">{t("backups.download")}</span></th>
              <th scope="col"><span className="visually-hidden">{t("backups.delete")}</span></th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name} data-backup={b.name} data-before-erasure={b.beforeErasure ? "true" : undefined}>
                <td><code>{b.name}</code></td>
                <td>{dateTime(b.createdAt)}</td>
                <td>{t("backups.sizeMb", { size: number(Math.round(b.size / 1e5) / 10) })}</td>
                <td>
                  {b.beforeErasure ? (
                    <span className="badge badge-overdue" title={t("backups.beforeErasureTitle")}>{t("backups.beforeErasure")}</span>
                  ) : null}
                </td>
                <td><a href={`/admin/backups/${encodeURIComponent(b.name)}`}>{t("backups.download")}</a></td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="name" value={b.name} />
                    <button type="submit" name="intent" value={INTENT.delete} aria-label={t("backups.deleteLabel", { name: b.name })}>
                      {t("backups.delete")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
