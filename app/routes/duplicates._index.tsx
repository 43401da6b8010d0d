import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { can, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { idParam } from "#app/domain/fields.ts";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { clientIp, redirectWithFlash } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { duplicatePairs, type DuplicateKind } from "#app/models/duplicates.server.ts";
import { MergeRefused, recentMerges, undoMerge } from "#app/models/merge.server.ts";

const kindParam = z.enum(["organization", "person"]).catch("organization");
const basePath = (kind: DuplicateKind) => (kind === "organization" ? "/organizations" : "/people");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "mergeRecords");
  const kind = kindParam.parse(new URL(request.url).searchParams.get("kind") ?? undefined);
  return json({ kind, ...duplicatePairs(user, kind), merges: recentMerges(user), canUndo: can(user, "undoMerges") });
}

/** Undo a merge (admins): the merged record comes back with all its links; its page opens. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "mergeRecords");
  requireCapability(user, "undoMerges");
  const form = await readForm(request);
  const mergeId = idParam.safeParse(form.get("mergeId"));
  if (form.get("intent") !== "undo" || !mergeId.success) return json({ error: "errors.invalid" as MessageKey }, { status: 400 });
  try {
    const { kind, mergedId } = undoMerge(user, mergeId.data, clientIp(context));
    return redirectWithFlash(`${basePath(kind)}/${mergedId}`, "duplicates.undone");
  } catch (e) {
    if (e instanceof MergeRefused) return json({ error: e.reason as MessageKey }, { status: 409 });
    throw e;
  }
}

export default function Duplicates() {
  const { kind, pairs, total, merges, canUndo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, dateTime } = useI18n();
  const reasons = (keys: string[]) => keys.map((k) => t(`duplicates.reason.${k}` as MessageKey)).join(", ");
  return (
    <section>
      <h1>{t("duplicates.title")}</h1>
      <p>{t("duplicates.intro")}</p>
      {actionData?.error ? <p role="alert" className="form-error">{t(actionData.error)}</p> : null}
      <nav aria-label={t("duplicates.kinds")} className="tabs">
        {(["organization", "person"] as const).map((k) => (
          <Link key={k} to={`/duplicates?kind=${k}`} aria-current={k === kind ? "page" : undefined}>
            {t(`duplicates.kind.${k}`)}
          </Link>
        ))}
      </nav>
      {pairs.length === 0 ? (
        <p>{t("duplicates.none")}</p>
      ) : (
        <>
          <p>{t("duplicates.shown", { shown: pairs.length, total })}</p>
          <div className="data-table">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("duplicates.pair")}</th>
                  <th scope="col">{t("duplicates.reasons")}</th>
                  <th scope="col"><span className="visually-hidden">{t("duplicates.compare")}</span></th>
                </tr>
              </thead>
              <tbody>
                {pairs.map((p) => (
                  <tr key={`${p.a.id}-${p.b.id}`}>
                    <td>
                      <Link to={`${basePath(kind)}/${p.a.id}`}>{p.a.name}</Link> (№ {p.a.id}){p.a.archived ? ` · ${t("duplicates.archived")}` : ""}
                      <br />
                      <Link to={`${basePath(kind)}/${p.b.id}`}>{p.b.name}</Link> (№ {p.b.id}){p.b.archived ? ` · ${t("duplicates.archived")}` : ""}
                    </td>
                    <td>{reasons(p.reasons)}</td>
                    <td>
                      <Link to={`/duplicates/merge?kind=${kind}&a=${p.a.id}&b=${p.b.id}`}>{t("duplicates.compare")}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h2>{t("duplicates.recent")}</h2>
      {merges.length === 0 ? (
        <p>{t("duplicates.recentNone")}</p>
      ) : (
        <ul className="merge-list">
          {merges.map((m) => (
            <li key={m.id}>
              {t("duplicates.mergedInto", { merged: m.mergedName, mergedId: m.mergedId })}{" "}
              <Link to={`${basePath(m.entityType)}/${m.survivorId}`}>{m.survivorName ?? `№ ${m.survivorId}`}</Link>
              {" · "}
              {t("duplicates.by", { user: m.userName ?? t("common.none"), at: dateTime(m.at) })}
              {m.undoneAt ? ` · ${t("duplicates.undoneAt", { at: dateTime(m.undoneAt) })}` : null}
              {canUndo && !m.undoneAt ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="mergeId" value={m.id} />
                  <button type="submit" name="intent" value="undo">
                    {t("duplicates.undo")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
