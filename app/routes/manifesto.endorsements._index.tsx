import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { can, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { ManifestoSubNav } from "#app/components/Manifesto.tsx";
import { idParam } from "#app/domain/fields.ts";
import { listingInput, MANIFESTO_INTENT, withdrawInput } from "#app/domain/manifesto.ts";
import { enumLabel, type MessageKey } from "#app/i18n/i18n.ts";
import { parseForm } from "#app/lib/forms.ts";
import { clientIp, invalidForm, redirectWithFlash } from "#app/server/http.server.ts";
import { listEndorsements, setEndorsementListing, withdrawEndorsement } from "#app/models/manifesto-endorsements.server.ts";
import { listVersions } from "#app/models/manifesto.server.ts";
import { readForm } from "#app/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "readManifesto");
  const version = idParam.safeParse(new URL(request.url).searchParams.get("version") ?? "");
  const versionId = version.success ? version.data : null;
  return json({
    versionId,
    endorsements: listEndorsements(user, versionId),
    versions: listVersions(user).filter((v) => v.status === "adopted").map((v) => ({ id: v.id, number: v.number })),
    canWrite: can(user, "writeManifesto"),
    canExport: can(user, "export"),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "writeManifesto");
  const ctx = { ip: clientIp(context) };
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const back = new URL(request.url).search;
  if (intent === MANIFESTO_INTENT.withdraw) {
    const form = parseForm(withdrawInput, formData);
    if (!form.ok) return invalidForm(form.errors, form.values);
    const result = withdrawEndorsement(user, form.data.endorsementId, form.data.reason, ctx);
    if (!result.ok) return json({ error: "errors.manifestoAlreadyWithdrawn" as MessageKey }, { status: 409 });
    return redirectWithFlash(`/manifesto/endorsements${back}`, "manifesto.endorsement.withdrawnToast");
  }
  if (intent === MANIFESTO_INTENT.listing) {
    const form = parseForm(listingInput, formData);
    if (!form.ok) return invalidForm(form.errors, form.values);
    const result = setEndorsementListing(user, form.data.endorsementId, form.data, ctx);
    if (!result.ok) return json({ error: (result.reason === "stale" ? "errors.staleVersion" : "errors.manifestoAlreadyWithdrawn") as MessageKey }, { status: 409 });
    return redirectWithFlash(`/manifesto/endorsements${back}`, "manifesto.endorsement.listingSaved");
  }
  return invalidForm({ _form: ["invalid"] }, {});
}

export default function ManifestoEndorsements() {
  const { versionId, endorsements, versions, canWrite, canExport } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useI18n();
  const location = useLocation();
  return (
    <section>
      <div className="page-head">
        <h1>{t("manifesto.endorsements.title")}</h1>
        {canWrite ? <Link to="/manifesto/endorsements/new" className="button primary">{t("manifesto.endorsements.new")}</Link> : null}
      </div>
      <ManifestoSubNav />
      {actionData && "error" in actionData ? <p role="alert" className="form-error">{t(actionData.error)}</p> : null}
      <Form method="get" className="filters" aria-label={t("common.filter")}>
        <label>
          {t("manifesto.endorsement.version")}
          <select name="version" defaultValue={versionId ?? ""}>
            <option value="">{t("manifesto.endorsements.allVersions")}</option>
            {versions.map((v) => <option key={v.id} value={v.id}>{t("manifesto.version.numbered", { number: v.number })}</option>)}
          </select>
        </label>
        <button type="submit">{t("common.filter")}</button>
      </Form>
      {canExport ? (
        <p className="actions">
          <a href="/manifesto/export/endorsers.csv" download>{t("manifesto.export.endorsersCsv")}</a>{" "}
          <a href="/manifesto/export/endorsers.xlsx" download>{t("manifesto.export.endorsersXlsx")}</a>
        </p>
      ) : null}
      {endorsements.length ? (
        <div className="data-table">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("manifesto.endorsement.organization")}</th>
                <th scope="col">{t("manifesto.endorsement.version")}</th>
                <th scope="col">{t("manifesto.endorsement.signatory")}</th>
                <th scope="col">{t("manifesto.endorsement.signedOn")}</th>
                <th scope="col">{t("manifesto.endorsement.channel")}</th>
                <th scope="col">{t("manifesto.endorsement.listPublicly")}</th>
                <th scope="col">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {endorsements.map((e) => (
                <tr key={e.id} data-endorsement-id={e.id} className={e.withdrawnAt ? "inactive" : undefined}>
                  <td>
                    <Link to={`/organizations/${e.organizationId}`}>{e.organizationName}</Link>
                    <div className="hint">{enumLabel(t, "organizationKind", e.organizationKind)} · {enumLabel(t, "oblast", e.oblast)}</div>
                  </td>
                  <td>{t("manifesto.version.numbered", { number: e.versionNumber })}</td>
                  <td>
                    {e.signatoryName}
                    {e.signatoryPosition ? <div className="hint">{e.signatoryPosition}</div> : null}
                  </td>
                  <td>{date(e.signedOn)}</td>
                  <td>
                    {enumLabel(t, "manifestoEndorsementChannel", e.channel)}
                    {e.letterFileId ? <div><a href={`/evidence/${e.letterFileId}`} download>{t("manifesto.endorsement.letterLink", { name: e.letterFileName ?? "" })}</a></div> : null}
                  </td>
                  <td>
                    {e.withdrawnAt ? (
                      t("manifesto.endorsement.withdrawnOn", { date: date(e.withdrawnAt) })
                    ) : canWrite ? (
                      <Form method="post" action={`/manifesto/endorsements${location.search}`} className="inline-form">
                        <input type="hidden" name="endorsementId" value={e.id} />
                        <input type="hidden" name="version" value={e.version} />
                        <label className="checkbox"><input type="checkbox" name="listPublicly" defaultChecked={e.listPublicly} /> {t("manifesto.endorsement.listPublicly")}</label>
                        <label className="checkbox"><input type="checkbox" name="showSignatory" defaultChecked={e.showSignatory} /> {t("manifesto.endorsement.showSignatory")}</label>
                        <button type="submit" name="intent" value={MANIFESTO_INTENT.listing}>{t("manifesto.endorsement.saveListing")}</button>
                      </Form>
                    ) : e.listPublicly ? (
                      t("manifesto.endorsement.listed")
                    ) : (
                      t("manifesto.endorsement.notListed")
                    )}
                  </td>
                  <td>
                    {!e.withdrawnAt && canWrite ? (
                      <Form method="post" action={`/manifesto/endorsements${location.search}`} className="inline-form">
                        <input type="hidden" name="endorsementId" value={e.id} />
                        <label>
                          {t("manifesto.endorsement.withdrawReason")}
                          <input name="reason" />
                        </label>
                        <button type="submit" name="intent" value={MANIFESTO_INTENT.withdraw} className="danger">{t("manifesto.endorsement.withdraw")}</button>
                      </Form>
                    ) : e.withdrawalReason ? (
                      <span className="prewrap">{e.withdrawalReason}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="hint">{t("manifesto.endorsements.empty")}</p>
      )}
    </section>
  );
}
