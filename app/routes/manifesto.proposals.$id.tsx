import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { FormErrorSummary, SelectField, TextArea } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { ManifestoSubNav, ProposalAnswer, ProposalStatusBadge, ProposalText } from "#app/components/Manifesto.tsx";
import { idChoices } from "#app/components/PartnershipForm.tsx";
import { answerInput, MANIFESTO_INTENT, manifestoProposalStatuses } from "#app/domain/manifesto.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { parseForm, type FieldErrors } from "#app/lib/forms.ts";
import { clientIp, invalidForm, parseIdParam, redirectWithFlash } from "#app/server/http.server.ts";
import { answerProposal, getProposal } from "#app/models/manifesto-proposals.server.ts";
import { laterSectionChoices } from "#app/models/manifesto.server.ts";
import { readForm } from "#app/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "readManifesto");
  const proposal = getProposal(user, parseIdParam(params.id), { ip: clientIp(context) });
  const canWrite = can(user, "writeManifesto");
  return json({ proposal, canWrite, laterSections: canWrite ? laterSectionChoices(user, proposal.versionNumber) : [] });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "writeManifesto");
  const id = parseIdParam(params.id);
  const formData = await readForm(request);
  if (formData.get("intent") !== MANIFESTO_INTENT.answer) return invalidForm({ _form: ["invalid"] }, {});
  const form = parseForm(answerInput, formData);
  if (!form.ok) return invalidForm(form.errors, form.values);
  const result = await answerProposal(user, id, form.data, { ip: clientIp(context) });
  if (!result.ok) {
    if (result.reason === "invalid") return invalidForm(result.errors, form.values);
    return json({ errors: { _form: ["staleVersion"] } as FieldErrors, values: form.values }, { status: 409 });
  }
  return redirectWithFlash(`/manifesto/proposals/${id}`, "manifesto.answer.saved");
}

export default function ManifestoProposal() {
  const { proposal: p, canWrite, laterSections } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date, dateTime } = useI18n();
  const common = { values: actionData?.values, errors: actionData?.errors };
  return (
    <article>
      <h1>
        {t("manifesto.proposal.title", { id: p.id })} <ProposalStatusBadge status={p.status} />
      </h1>
      <ManifestoSubNav />
      <dl className="details">
        <div>
          <dt>{t("manifesto.proposal.proposer")}</dt>
          <dd>
            {p.organizationId ? (
              <Link to={`/organizations/${p.organizationId}`}>{p.organizationName}</Link>
            ) : (
              <>
                {t("manifesto.proposal.refugeeRepresentative", { community: p.communityName ?? t("common.none") })}
                {p.refugeeContactId ? <> — <Link to={`/refugees/${p.refugeeContactId}`}>{p.refugeeName}</Link></> : null}
              </>
            )}
          </dd>
        </div>
        <div><dt>{t("org.kind")}</dt><dd>{enumLabel(t, "organizationKind", p.organizationKind)}</dd></div>
        <div><dt>{t("manifesto.proposal.oblast")}</dt><dd>{enumLabel(t, "oblast", p.oblast)}</dd></div>
        <div><dt>{t("manifesto.proposal.dimension")}</dt><dd>{enumLabel(t, "niemDimension", p.niemDimension)}</dd></div>
        <div>
          <dt>{t("manifesto.proposal.channel")}</dt>
          <dd>
            {enumLabel(t, "manifestoProposalChannel", p.channel)}
            {p.eventId ? <> — <Link to={`/events/${p.eventId}`}>{p.eventTitle}</Link></> : null}
          </dd>
        </div>
        <div><dt>{t("manifesto.proposal.madeOn")}</dt><dd>{date(p.madeOn)}</dd></div>
        <div>
          <dt>{t("manifesto.section.title")}</dt>
          <dd><Link to={`/manifesto/versions/${p.versionId}#section-${p.sectionId}`}>{t("manifesto.proposal.section", { number: p.versionNumber })}: {p.sectionPosition}. {p.sectionTitle}</Link></dd>
        </div>
        <div><dt>{t("manifesto.proposal.kind")}</dt><dd>{enumLabel(t, "manifestoProposalKind", p.kind)}</dd></div>
        {p.acceptedIntoVersionId ? (
          <div>
            <dt>{t("manifesto.proposal.acceptedInto")}</dt>
            <dd>
              <Link to={`/manifesto/versions/${p.acceptedIntoVersionId}#section-${p.acceptedIntoSectionId}`}>
                {t("manifesto.proposal.acceptedIntoValue", { number: p.acceptedIntoVersionNumber ?? 0, title: p.acceptedIntoTitle ?? "" })}
              </Link>
            </dd>
          </div>
        ) : null}
      </dl>

      <ProposalText proposal={p} />

      <ProposalAnswer answerBg={p.answerBg} answerEn={p.answerEn} byline={t("manifesto.proposal.answeredBy", { name: p.answeredByName ?? t("common.none"), date: dateTime(p.answeredAt) })} />

      {canWrite ? (
        <>
          <h2 id="answer">{t("manifesto.answer.title")}</h2>
          <Form method="post" className="stack" aria-labelledby="answer">
            <FormErrorSummary errors={actionData?.errors} />
            <input type="hidden" name="version" value={p.version} />
            <SelectField
              name="status"
              label="manifesto.proposal.status"
              required
              defaultValue={p.status}
              choices={manifestoProposalStatuses.map((s) => ({ value: s, label: enumLabel(t, "manifestoProposalStatus", s) }))}
              {...common}
            />
            <TextArea name="answerBg" label="manifesto.answer.bg" hint="manifesto.answer.hint" rows={5} defaultValue={p.answerBg} {...common} />
            <TextArea name="answerEn" label="manifesto.answer.en" rows={5} defaultValue={p.answerEn} {...common} />
            <SelectField
              name="acceptedIntoSectionId"
              label="manifesto.proposal.acceptedIntoChoice"
              emptyLabel={t("common.none")}
              defaultValue={p.acceptedIntoSectionId}
              choices={idChoices(laterSections)}
              {...common}
            />
            <div className="form-actions">
              <button type="submit" name="intent" value={MANIFESTO_INTENT.answer} className="primary">{t("manifesto.answer.submit")}</button>
            </div>
          </Form>
        </>
      ) : null}
    </article>
  );
}
