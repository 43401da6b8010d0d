import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireManifestoPartner, requireUser } from "#app/auth/access.server.ts";
import { FormErrorSummary, SelectField, TextArea } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { BilingualText } from "#app/components/Manifesto.tsx";
import { niemDimensions } from "#app/domain/enums.ts";
import { idParam } from "#app/domain/fields.ts";
import { MANIFESTO_INTENT, manifestoProposalKinds, partnerProposalFields, partnerProposalInput } from "#app/domain/manifesto.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { formValues, parseForm } from "#app/lib/forms.ts";
import { clientIp, invalidForm, redirectWithFlash } from "#app/server/http.server.ts";
import { createPartnerProposal } from "#app/models/manifesto-proposals.server.ts";
import { currentVersions, getVersion } from "#app/models/manifesto.server.ts";
import { screenPartnerForm } from "#app/models/partner-portal.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { auditRefusal } from "#app/models/partner-portal.server.ts";

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

/** `?section=<id of a section of the version open for consultation>&paragraph=<1-based>`. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireManifestoPartner(user);
  const search = new URL(request.url).searchParams;
  const sectionId = idParam.safeParse(search.get("section") ?? "");
  if (!sectionId.success) throw redirect("/shared/manifesto");
  const { consultation } = currentVersions();
  if (!consultation) throw notFound();
  // Only sections of the text open for consultation can be proposed on: any other id is not found.
  const section = getVersion(user, consultation.id).sections.find((s) => s.id === sectionId.data);
  if (!section) throw notFound();
  const paragraph = idParam.safeParse(search.get("paragraph") ?? "");
  const selected = paragraph.success ? section.paragraphsBg[paragraph.data - 1] : undefined;
  return json({
    section,
    paragraph: selected ? { number: paragraph.success ? paragraph.data : 0, source: selected.source, html: selected.html } : null,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireManifestoPartner(user);
  const ctx = { ip: clientIp(context) };
  const values = formValues(await readForm(request));
  const screening = screenPartnerForm(user, values, { allowedFields: partnerProposalFields, inReach: {} });
  if (!screening.ok) {
    auditRefusal(user, { type: "manifesto_proposal" }, screening, ctx);
    if (screening.outcome === "forbidden") throw new Response("Not Found", { status: 404 });
    return invalidForm({ _form: ["forgedField"] }, values);
  }
  if (values.intent !== MANIFESTO_INTENT.propose) return invalidForm({ _form: ["invalid"] }, values);
  const form = parseForm(partnerProposalInput, values);
  if (!form.ok) return invalidForm(form.errors, form.values);
  const result = createPartnerProposal(user, form.data, ctx);
  if (!result.ok) return invalidForm(result.errors, form.values);
  return redirectWithFlash(`/shared/manifesto/proposals/${result.id}`, "manifesto.portal.proposalReceived");
}

export default function ProposeOnManifesto() {
  const { section: s, paragraph } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const common = { values: actionData?.values, errors: actionData?.errors };
  return (
    <article>
      <p><Link to={`/shared/manifesto#section-${s.id}`}>{t("manifesto.portal.back")}</Link></p>
      <h1>{t("manifesto.portal.proposeTitle", { section: `${s.position}. ${s.titleBg}` })}</h1>
      {paragraph ? (
        <>
          <h2>{t("manifesto.portal.selectedParagraph", { number: paragraph.number })}</h2>
          <blockquote className="manifesto-text" dangerouslySetInnerHTML={{ __html: paragraph.html }} />
        </>
      ) : (
        <details open>
          <summary>{t("manifesto.proposal.current")}</summary>
          <BilingualText htmlBg={s.htmlBg} htmlEn={s.htmlEn} titleEn={s.titleEn} />
        </details>
      )}
      <Form method="post" className="stack">
        <FormErrorSummary errors={actionData?.errors} />
        <input type="hidden" name="sectionId" value={s.id} />
        {paragraph ? (
          <>
            <input type="hidden" name="kind" value="wording" />
            <TextArea name="passage" label="manifesto.proposal.passage" hint="manifesto.proposal.passageHint" rows={4} defaultValue={paragraph.source} {...common} />
          </>
        ) : (
          <SelectField
            name="kind"
            label="manifesto.proposal.kind"
            required
            defaultValue="wording"
            choices={manifestoProposalKinds.map((k) => ({ value: k, label: enumLabel(t, "manifestoProposalKind", k) }))}
            {...common}
          />
        )}
        <TextArea name="proposedText" label="manifesto.proposal.proposedText" required rows={6} defaultValue={paragraph?.source} {...common} />
        <TextArea name="rationale" label="manifesto.proposal.rationale" rows={4} {...common} />
        <SelectField
          name="niemDimension"
          label="manifesto.proposal.dimension"
          required
          defaultValue={s.dimensions[0] ?? null}
          choices={niemDimensions.map((d) => ({ value: d, label: enumLabel(t, "niemDimension", d) }))}
          {...common}
        />
        <div className="form-actions">
          <button type="submit" name="intent" value={MANIFESTO_INTENT.propose} className="primary">{t("manifesto.portal.submitProposal")}</button>
        </div>
      </Form>
    </article>
  );
}
