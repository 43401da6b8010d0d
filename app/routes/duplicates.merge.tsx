import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { notFound, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { idParam, versionField } from "#app/domain/fields.ts";
import { enumLabel, type MessageKey } from "#app/i18n/i18n.ts";
import { clientIp, redirectWithFlash } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import type { DuplicateKind } from "#app/models/duplicates.server.ts";
import { mergedInto, mergeFields, MergeRefused, mergeRecords, mergeSide, type MergeChoices } from "#app/models/merge.server.ts";

const kindParam = z.enum(["organization", "person"]);
const basePath = (kind: DuplicateKind) => (kind === "organization" ? "/organizations" : "/people");

const fieldLabels: Record<DuplicateKind, Record<string, MessageKey>> = {
  organization: {
    name: "org.name", kind: "org.kind", oblast: "org.oblast", municipality: "org.municipality", address: "org.address",
    website: "org.website", email: "org.email", phone: "org.phone", description: "org.description",
  },
  person: {
    name: "people.name", position: "people.position", organizationId: "people.organization", email: "people.email",
    phone: "people.phone", languages: "people.languages", notes: "people.notes",
  },
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "mergeRecords");
  const url = new URL(request.url);
  const kind = kindParam.safeParse(url.searchParams.get("kind"));
  const a = idParam.safeParse(url.searchParams.get("a"));
  const b = idParam.safeParse(url.searchParams.get("b"));
  if (!kind.success || !a.success || !b.success || a.data === b.data) throw notFound();
  const left = mergeSide(user, kind.data, a.data);
  const right = mergeSide(user, kind.data, b.data);
  if (!left || !right) throw notFound();
  return json({ kind: kind.data, a: left, b: right, fields: [...mergeFields[kind.data]] as string[] });
}

const choice = z.enum(["a", "b"]);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "mergeRecords");
  const form = await readForm(request);
  const parsed = z
    .object({ kind: kindParam, a: idParam, b: idParam, versionA: versionField, versionB: versionField, survivor: choice })
    .safeParse(Object.fromEntries(["kind", "a", "b", "versionA", "versionB", "survivor"].map((k) => [k, form.get(k) ?? undefined])));
  if (!parsed.success || parsed.data.a === parsed.data.b) return json({ error: "duplicates.sameRecord" as MessageKey }, { status: 400 });
  const { kind, a, b, versionA, versionB, survivor } = parsed.data;
  const [survivorId, mergedId] = survivor === "a" ? [a, b] : [b, a];
  // The same form sent twice: the first sending merged them already.
  if (mergedInto(kind, mergedId) === survivorId) return redirectWithFlash(`${basePath(kind)}/${survivorId}`, "duplicates.merged");
  const choices: MergeChoices = {};
  for (const field of mergeFields[kind]) {
    const picked = choice.safeParse(form.get(`field.${field}`));
    // A field not chosen keeps the survivor's value.
    choices[field] = picked.success && picked.data !== survivor ? "merged" : "survivor";
  }
  try {
    mergeRecords(user, kind, {
      survivorId,
      mergedId,
      survivorVersion: survivor === "a" ? versionA : versionB,
      mergedVersion: survivor === "a" ? versionB : versionA,
      choices,
      ip: clientIp(context),
    });
  } catch (e) {
    if (e instanceof MergeRefused) return json({ error: e.reason as MessageKey }, { status: 409 });
    if (e instanceof Response && e.status === 404) return json({ error: "duplicates.notFound" as MessageKey }, { status: 404 });
    throw e;
  }
  return redirectWithFlash(`${basePath(kind)}/${survivorId}`, "duplicates.merged");
}

export default function MergeRecords() {
  const { kind, a, b, fields } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const shown = (field: string, value: string | null) => {
    if (value == null || value === "") return t("common.none");
    if (kind === "organization" && field === "kind") return enumLabel(t, "organizationKind", value);
    if (kind === "organization" && field === "oblast") return enumLabel(t, "oblast", value);
    return value;
  };
  // A field's default: the value of the record that stays (a), unless only the other has one.
  const defaultSide = (field: string) => (a.values[field] == null && b.values[field] != null ? "b" : "a");
  return (
    <section>
      <h1>{t("duplicates.mergeTitle")}</h1>
      <p>{t("duplicates.mergeIntro")}</p>
      {kind === "organization" ? <p>{t("duplicates.tagsUnion")}</p> : null}
      {actionData?.error ? <p role="alert" className="form-error">{t(actionData.error)}</p> : null}
      <Form method="post" className="stack">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="a" value={a.id} />
        <input type="hidden" name="b" value={b.id} />
        <input type="hidden" name="versionA" value={a.version} />
        <input type="hidden" name="versionB" value={b.version} />
        <div className="data-table">
          <table className="merge-table">
            <thead>
              <tr>
                <th scope="col">{t("duplicates.field")}</th>
                {[a, b].map((side) => (
                  <th scope="col" key={side.id}>
                    <Link to={`${basePath(kind)}/${side.id}`}>{t("duplicates.record", { id: side.id })}</Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t("duplicates.survivor")}</th>
                {(["a", "b"] as const).map((s) => (
                  <td key={s}>
                    <label>
                      <input type="radio" name="survivor" value={s} defaultChecked={s === "a"} /> {t("duplicates.keepThis")}
                    </label>
                  </td>
                ))}
              </tr>
              {fields.map((field) => (
                <tr key={field}>
                  <th scope="row">{t(fieldLabels[kind][field])}</th>
                  {(["a", "b"] as const).map((s) => {
                    const value = (s === "a" ? a : b).values[field];
                    return (
                      <td key={s}>
                        <label>
                          <input type="radio" name={`field.${field}`} value={s} defaultChecked={defaultSide(field) === s} />{" "}
                          <span className="prewrap">{shown(field, value)}</span>
                        </label>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">{t("duplicates.merge")}</button>
          <Link to={`/duplicates?kind=${kind}`}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </section>
  );
}
