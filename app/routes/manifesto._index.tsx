import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { FormErrorSummary, SelectField, TextArea, TextField } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { ManifestoSubNav, VersionStatusBadge } from "#app/components/Manifesto.tsx";
import { MANIFESTO_INTENT, versionCreateInput } from "#app/domain/manifesto.ts";
import { parseForm } from "#app/lib/forms.ts";
import { clientIp, invalidForm, redirectWithFlash } from "#app/server/http.server.ts";
import { createVersion, currentVersions, listVersions } from "#app/models/manifesto.server.ts";
import { readForm } from "#app/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "readManifesto");
  const { consultation, adopted } = currentVersions();
  return json({
    versions: listVersions(user),
    openConsultationId: consultation?.id ?? null,
    adoptedId: adopted?.id ?? null,
    canWrite: can(user, "writeManifesto"),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "writeManifesto");
  const formData = await readForm(request);
  if (formData.get("intent") !== MANIFESTO_INTENT.createVersion) return invalidForm({ _form: ["invalid"] }, {});
  const form = parseForm(versionCreateInput, formData);
  if (!form.ok) return invalidForm(form.errors, form.values);
  const created = createVersion(user, form.data, { ip: clientIp(context) });
  if (typeof created !== "number") return invalidForm({ basedOnVersionId: ["invalidChoice"] }, form.values);
  return redirectWithFlash(`/manifesto/versions/${created}`, "manifesto.version.created");
}

export default function ManifestoVersions() {
  const { versions, openConsultationId, adoptedId, canWrite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useI18n();
  const latest = versions[0];
  return (
    <section>
      <h1>{t("manifesto.title")}</h1>
      <ManifestoSubNav />
      <p className="hint">{t("manifesto.intro")}</p>

      <h2 id="versions">{t("manifesto.versions.title")}</h2>
      {versions.length ? (
        <div className="data-table">
          <table aria-labelledby="versions">
            <thead>
              <tr>
                <th scope="col">{t("manifesto.version.number")}</th>
                <th scope="col">{t("manifesto.version.titleBg")}</th>
                <th scope="col">{t("manifesto.version.status")}</th>
                <th scope="col">{t("manifesto.version.publishedOn")}</th>
                <th scope="col">{t("manifesto.version.adoptedOn")}</th>
                <th scope="col">{t("manifesto.version.sections")}</th>
                <th scope="col">{t("manifesto.version.proposals")}</th>
                <th scope="col">{t("manifesto.version.endorsements")}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id} data-version-number={v.number}>
                  <td>
                    <Link to={`/manifesto/versions/${v.id}`}>{t("manifesto.version.numbered", { number: v.number })}</Link>
                  </td>
                  <td>{v.titleBg}</td>
                  <td>
                    <VersionStatusBadge status={v.status} />
                    {v.id === openConsultationId ? <div className="hint">{t("manifesto.version.openConsultation")}</div> : null}
                    {v.id === adoptedId ? <div className="hint">{t("manifesto.version.inForce")}</div> : null}
                  </td>
                  <td>{v.publishedOn ? date(v.publishedOn) : t("common.none")}</td>
                  <td>{v.adoptedOn ? date(v.adoptedOn) : t("common.none")}</td>
                  <td>{v.sectionCount}</td>
                  <td>{v.proposalCount ? <Link to={`/manifesto/proposals?version=${v.id}`}>{v.proposalCount}</Link> : 0}</td>
                  <td>{v.endorsementCount ? <Link to={`/manifesto/endorsements?version=${v.id}`}>{v.endorsementCount}</Link> : 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="hint">{t("manifesto.versions.empty")}</p>
      )}

      {versions.length >= 2 ? (
        <Form method="get" action="/manifesto/compare" className="filters" aria-label={t("manifesto.compare.title")}>
          <label>
            {t("manifesto.compare.before")}
            <select name="a" defaultValue={versions[1]!.id}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>{t("manifesto.version.numbered", { number: v.number })}</option>
              ))}
            </select>
          </label>
          <label>
            {t("manifesto.compare.after")}
            <select name="b" defaultValue={versions[0]!.id}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>{t("manifesto.version.numbered", { number: v.number })}</option>
              ))}
            </select>
          </label>
          <button type="submit">{t("manifesto.compare.submit")}</button>
        </Form>
      ) : null}

      {canWrite ? (
        <>
          <h2 id="new-version">{t("manifesto.version.new")}</h2>
          <Form method="post" className="stack" aria-labelledby="new-version">
            <FormErrorSummary errors={actionData?.errors} />
            <SelectField
              name="basedOnVersionId"
              label="manifesto.version.basedOn"
              emptyLabel={t("manifesto.version.basedOnNone")}
              defaultValue={latest?.id ?? null}
              choices={versions.map((v) => ({ value: String(v.id), label: `${t("manifesto.version.numbered", { number: v.number })} · ${v.titleBg}` }))}
              values={actionData?.values}
              errors={actionData?.errors}
            />
            <TextField name="titleBg" label="manifesto.version.titleBg" required defaultValue={latest?.titleBg ?? t("manifesto.title")} values={actionData?.values} errors={actionData?.errors} />
            <TextField name="titleEn" label="manifesto.version.titleEn" defaultValue={latest?.titleEn ?? null} values={actionData?.values} errors={actionData?.errors} />
            <TextArea name="note" label="manifesto.version.note" rows={3} values={actionData?.values} errors={actionData?.errors} />
            <div className="form-actions">
              <button type="submit" name="intent" value={MANIFESTO_INTENT.createVersion} className="primary">
                {t("manifesto.version.create")}
              </button>
            </div>
          </Form>
        </>
      ) : null}
    </section>
  );
}
