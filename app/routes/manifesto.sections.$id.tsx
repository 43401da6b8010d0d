import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { FormErrorSummary } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { ManifestoSubNav } from "#app/components/Manifesto.tsx";
import { SectionFields } from "#app/components/ManifestoSectionForm.tsx";
import { MANIFESTO_INTENT, sectionUpdateInput } from "#app/domain/manifesto.ts";
import { parseForm, type FieldErrors } from "#app/lib/forms.ts";
import { clientIp, invalidForm, parseIdParam, redirectWithFlash } from "#app/server/http.server.ts";
import { deleteSection, dimensionsOf, getSection, updateSection } from "#app/models/manifesto.server.ts";
import { readForm } from "#app/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "readManifesto");
  const { section, version } = getSection(user, parseIdParam(params.id));
  return json({ section: { ...section, dimensions: dimensionsOf(section) }, version, canEdit: can(user, "writeManifesto") && version.status === "draft" });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "writeManifesto");
  const id = parseIdParam(params.id);
  const ctx = { ip: clientIp(context) };
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === MANIFESTO_INTENT.deleteSection) {
    const result = deleteSection(user, id, ctx);
    if (!result.ok) return json({ errors: { _form: ["manifestoHasProposals"] } as FieldErrors, values: {} }, { status: 409 });
    return redirectWithFlash(`/manifesto/versions/${result.versionId}`, "manifesto.section.deleted");
  }
  if (intent !== MANIFESTO_INTENT.updateSection) return invalidForm({ _form: ["invalid"] }, {});
  const form = parseForm(sectionUpdateInput, formData);
  if (!form.ok) return invalidForm(form.errors, form.values);
  const result = updateSection(user, id, form.data, ctx);
  if (!result.ok) return json({ errors: { _form: ["staleVersion"] } as FieldErrors, values: form.values }, { status: 409 });
  const { version } = getSection(user, id);
  return redirectWithFlash(`/manifesto/versions/${version.id}#section-${id}`, "manifesto.section.saved");
}

export default function ManifestoSectionEdit() {
  const { section: s, version: v, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <article>
      <h1>{t("manifesto.section.editTitle", { position: s.position, number: v.number })}</h1>
      <ManifestoSubNav />
      <p><Link to={`/manifesto/versions/${v.id}`}>{t("manifesto.version.numbered", { number: v.number })}: {v.titleBg}</Link></p>
      {canEdit ? (
        <>
          <Form method="post" className="stack">
            <FormErrorSummary errors={actionData?.errors} />
            <input type="hidden" name="version" value={s.version} />
            <SectionFields
              defaults={{ titleBg: s.titleBg, titleEn: s.titleEn, bodyBg: s.bodyBg, bodyEn: s.bodyEn, niemDimensions: s.dimensions, position: s.position }}
              values={actionData?.values}
              errors={actionData?.errors}
            />
            <div className="form-actions">
              <button type="submit" name="intent" value={MANIFESTO_INTENT.updateSection} className="primary">{t("common.save")}</button>
            </div>
          </Form>
          <Form method="post">
            <button type="submit" name="intent" value={MANIFESTO_INTENT.deleteSection} className="danger">{t("manifesto.section.delete")}</button>
          </Form>
        </>
      ) : (
        <p className="notice">{t("manifesto.version.frozen")}</p>
      )}
    </article>
  );
}
