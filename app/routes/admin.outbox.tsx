import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { parseListParams } from "#app/lib/list-params.ts";
import { listOutbox } from "#app/models/mailer.server.ts";

/** The page comes from the URL like every list's; the order (newest first) and the page size are fixed by listOutbox. */
const outboxListSpec = { sortable: ["newest"] as const, defaultSort: "newest" as const, filters: {} };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { page } = parseListParams(new URL(request.url), outboxListSpec);
  return json(listOutbox(user, page));
}

export default function Outbox() {
  const { rows, total, page, perPage } = useLoaderData<typeof loader>();
  const { t, dateTime, number } = useI18n();
  const kindLabel = (kind: string) => t(`reminders.outbox.kind.${kind}` as MessageKey);
  return (
    <section>
      <h1>{t("reminders.outbox.title")}</h1>
      <p>{t("reminders.outbox.intro")}</p>
      <p>{t("reminders.outbox.total", { count: total })}</p>
      {rows.length === 0 ? (
        <p>{t("reminders.outbox.empty")}</p>
      ) : (
        <div className="data-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("reminders.outbox.created")}</th>
                <th scope="col">{t("reminders.outbox.to")}</th>
                <th scope="col">{t("reminders.outbox.kind")}</th>
                <th scope="col">{t("reminders.outbox.subject")}</th>
                <th scope="col">{t("reminders.outbox.status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <td>{dateTime(m.createdAt)}</td>
                  <td>
                    {m.userName ? <>{m.userName} · </> : null}
                    {m.toEmail}
                  </td>
                  <td>{kindLabel(m.kind)}</td>
                  <td>
                    <details>
                      <summary>{m.subject}</summary>
                      <pre className="prewrap">{m.bodyText}</pre>
                    </details>
                  </td>
                  <td>
                    {m.sentAt
                      ? t("reminders.outbox.sent", { at: dateTime(m.sentAt) })
                      : m.error
                        ? t("reminders.outbox.failed", { error: m.error })
                        : t("reminders.outbox.waiting")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > perPage ? (
        <nav className="pager" aria-label={t("list.pagination")}>
          {page > 1 ? <Link to={`?page=${page - 1}`}>{t("list.previous")}</Link> : null}
          <span>{t("list.page", { page: number(page), pages: number(Math.ceil(total / perPage)) })}</span>
          {total > page * perPage ? <Link to={`?page=${page + 1}`}>{t("list.next")}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
