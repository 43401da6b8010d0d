import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireManifestoPartner, requireUser } from "#app/auth/access.server.ts";
import { FormErrorSummary, TextArea, TextField } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { BilingualText, ProposalStatusBadge } from "#app/components/Manifesto.tsx";
import {
  listingInput,
  MANIFESTO_INTENT,
  partnerEndorsementActionFields,
  partnerEndorsementFields,
  partnerEndorsementInput,
  withdrawInput,
} from "#app/domain/manifesto.ts";
import { formValues, parseForm, type FieldErrors } from "#app/lib/forms.ts";
import { clientIp, invalidForm, redirectWithFlash } from "#app/server/http.server.ts";
import { endorseAsPartner, partnerEndorsements, setEndorsementListing, withdrawEndorsement } from "#app/models/manifesto-endorsements.server.ts";
import { partnerProposals } from "#app/models/manifesto-proposals.server.ts";
import { currentVersions, partnerVersion } from "#app/models/manifesto.server.ts";
import { getOrganization } from "#app/models/organizations.server.ts";
import { screenPartnerForm } from "#app/models/partner-portal.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { auditRefusal } from "#app/models/partner-portal.server.ts";

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

/** The partner's Manifesto: the text open for consultation, their proposals and answers, the adopted text and their endorsement. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organizationId = requireManifestoPartner(user);
  const { consultation, adopted } = currentVersions();
  const organization = getOrganization(user, organizationId);
  return json({
    organization: { name: organization.name },
    user: { name: user.name },
    consultation: consultation ? partnerVersion(user, consultation.id) : null,
    adopted: adopted ? partnerVersion(user, adopted.id) : null,
    proposals: partnerProposals(user),
    endorsements: partnerEndorsements(user),
  });
}

const allowedFields = [...new Set([...partnerEndorsementFields, ...partnerEndorsementActionFields])];

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireManifestoPartner(user);
  const ctx = { ip: clientIp(context) };
  const formData = await readForm(request);
  const values = formValues(formData);
  const screening = screenPartnerForm(user, values, { allowedFields, inReach: {} });
  if (!screening.ok) {
    // A forged field (another organization, a field the form does not have) is an attempt worth recording.
    auditRefusal(user, { type: "manifesto_endorsement" }, screening, ctx);
    if (screening.outcome === "forbidden") throw new Response("Not Found", { status: 404 });
    return invalidForm({ _form: ["forgedField"] }, values);
  }
  const intent = values.intent;
  if (intent === MANIFESTO_INTENT.endorse) {
    const form = parseForm(partnerEndorsementInput, values);
    if (!form.ok) return invalidForm(form.errors, form.values, { intent });
    const result = endorseAsPartner(user, form.data, ctx);
    if (!result.ok) return invalidForm(result.errors, form.values, { intent });
    return redirectWithFlash("/shared/manifesto#endorsements", "manifesto.portal.endorsed");
  }
  if (intent === MANIFESTO_INTENT.withdraw) {
    const form = parseForm(withdrawInput, values);
    if (!form.ok) return invalidForm(form.errors, form.values, { intent });
    const result = withdrawEndorsement(user, form.data.endorsementId, form.data.reason, ctx);
    if (!result.ok) return json({ errors: { _form: ["manifestoAlreadyWithdrawn"] } as FieldErrors, values, intent }, { status: 409 });
    return redirectWithFlash("/shared/manifesto#endorsements", "manifesto.endorsement.withdrawnToast");
  }
  if (intent === MANIFESTO_INTENT.listing) {
    const form = parseForm(listingInput, values);
    if (!form.ok) return invalidForm(form.errors, form.values, { intent });
    const result = setEndorsementListing(user, form.data.endorsementId, form.data, ctx);
    if (!result.ok) return json({ errors: { _form: [result.reason === "stale" ? "staleVersion" : "manifestoAlreadyWithdrawn"] } as FieldErrors, values, intent }, { status: 409 });
    return redirectWithFlash("/shared/manifesto#endorsements", "manifesto.endorsement.listingSaved");
  }
  return invalidForm({ _form: ["invalid"] }, values);
}

export default function SharedManifesto() {
  const { organization, user, consultation, adopted, proposals, endorsements } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useI18n();
  const endorseErrors = actionData && "intent" in actionData && actionData.intent === MANIFESTO_INTENT.endorse ? actionData : undefined;
  const otherErrors = actionData && "intent" in actionData && actionData.intent !== MANIFESTO_INTENT.endorse ? actionData.errors : undefined;
  const standing = adopted ? endorsements.find((e) => e.versionId === adopted.version.id && !e.withdrawnAt) : undefined;
  return (
    <article>
      <p><Link to="/shared">{t("portal.back")}</Link></p>
      <h1>{t("manifesto.portal.title")}</h1>

      <h2 id="consultation">{t("manifesto.portal.consultationTitle")}</h2>
      {consultation ? (
        <>
          <p className="notice">{t("manifesto.portal.consultationIntro", { number: consultation.version.number })}</p>
          {consultation.sections.map((s) => (
            <section key={s.id} className="record-section manifesto-section" id={`section-${s.id}`}>
              <div className="section-head">
                <h3>
                  {s.position}. {s.titleBg}
                </h3>
                <Link to={`/shared/manifesto/propose?section=${s.id}`} aria-label={`${t("manifesto.portal.proposeSection")}: ${s.titleBg}`}>
                  {t("manifesto.portal.proposeSection")}
                </Link>
              </div>
              <ol className="manifesto-paragraphs">
                {s.paragraphsBg.map((p, i) => (
                  <li key={i} className="manifesto-paragraph" data-paragraph={i + 1}>
                    <div className="manifesto-text" lang="bg" dangerouslySetInnerHTML={{ __html: p.html }} />
                    <Link to={`/shared/manifesto/propose?section=${s.id}&paragraph=${i + 1}`} className="propose-link">
                      {t("manifesto.portal.proposeParagraph", { number: i + 1 })}
                    </Link>
                  </li>
                ))}
              </ol>
              {s.htmlEn ? (
                <details>
                  <summary>{s.titleEn ?? t("manifesto.section.english")}</summary>
                  <div className="manifesto-text" lang="en" dangerouslySetInnerHTML={{ __html: s.htmlEn }} />
                </details>
              ) : null}
            </section>
          ))}
        </>
      ) : (
        <p className="hint">{t("manifesto.portal.noConsultation")}</p>
      )}

      <h2 id="proposals">{t("manifesto.portal.myProposals", { organization: organization.name })}</h2>
      {proposals.length ? (
        <div className="data-table">
          <table aria-labelledby="proposals">
            <thead>
              <tr>
                <th scope="col">{t("manifesto.proposal.madeOn")}</th>
                <th scope="col">{t("manifesto.section.title")}</th>
                <th scope="col">{t("manifesto.proposal.status")}</th>
                <th scope="col">{t("manifesto.proposal.answer")}</th>
              </tr>
            </thead>
            <tbody>
              {proposals.map((p) => (
                <tr key={p.id} data-proposal-id={p.id}>
                  <td><Link to={`/shared/manifesto/proposals/${p.id}`}>{date(p.madeOn)}</Link></td>
                  <td>
                    <Link to={`/shared/manifesto/proposals/${p.id}`}>
                      {t("manifesto.proposal.section", { number: p.versionNumber })}: {p.sectionTitle}
                    </Link>
                  </td>
                  <td><ProposalStatusBadge status={p.status} /></td>
                  <td className="prewrap">{p.answerBg ?? t("manifesto.proposal.notAnswered")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="hint">{t("manifesto.portal.noProposals")}</p>
      )}

      <h2 id="adopted">{t("manifesto.portal.adoptedTitle")}</h2>
      {adopted ? (
        <>
          <p>{t("manifesto.portal.adoptedIntro", { number: adopted.version.number, date: date(adopted.version.adoptedOn) })}</p>
          <details>
            <summary>{t("manifesto.portal.showText")}</summary>
            {adopted.sections.map((s) => (
              <section key={s.id} className="manifesto-section">
                <h3>{s.position}. {s.titleBg}</h3>
                <BilingualText htmlBg={s.htmlBg} htmlEn={s.htmlEn} titleEn={s.titleEn} />
              </section>
            ))}
          </details>
          {!standing ? (
            <>
              <h3 id="endorse">{t("manifesto.portal.endorseTitle", { organization: organization.name })}</h3>
              <p className="hint">{t("manifesto.portal.endorseIntro")}</p>
              <Form method="post" className="stack" aria-labelledby="endorse">
                <FormErrorSummary errors={endorseErrors?.errors} />
                <input type="hidden" name="versionId" value={adopted.version.id} />
                <TextField name="signatoryName" label="manifesto.endorsement.signatoryName" required defaultValue={user.name} values={endorseErrors?.values} errors={endorseErrors?.errors} />
                <TextField name="signatoryPosition" label="manifesto.endorsement.position" values={endorseErrors?.values} errors={endorseErrors?.errors} />
                <TextArea name="statementBg" label="manifesto.endorsement.statementBg" rows={3} values={endorseErrors?.values} errors={endorseErrors?.errors} />
                <TextArea name="statementEn" label="manifesto.endorsement.statementEn" rows={3} values={endorseErrors?.values} errors={endorseErrors?.errors} />
                <label className="checkbox"><input type="checkbox" name="listPublicly" /> {t("manifesto.endorsement.listPublicly")}</label>
                <label className="checkbox"><input type="checkbox" name="showSignatory" /> {t("manifesto.endorsement.showSignatory")}</label>
                <div className="form-actions">
                  <button type="submit" name="intent" value={MANIFESTO_INTENT.endorse} className="primary">{t("manifesto.portal.endorse")}</button>
                </div>
              </Form>
            </>
          ) : null}
        </>
      ) : (
        <p className="hint">{t("manifesto.portal.noAdopted")}</p>
      )}

      <h2 id="endorsements">{t("manifesto.portal.myEndorsements", { organization: organization.name })}</h2>
      <FormErrorSummary errors={otherErrors} />
      {endorsements.length ? (
        <ul className="record-list">
          {endorsements.map((e) => (
            <li key={e.id} data-endorsement-id={e.id} className="endorsement">
              <strong>{t("manifesto.version.numbered", { number: e.versionNumber })}</strong> — {e.signatoryName}
              {e.signatoryPosition ? `, ${e.signatoryPosition}` : ""} · {date(e.signedOn)} ·{" "}
              {e.withdrawnAt ? t("manifesto.endorsement.withdrawnOn", { date: date(e.withdrawnAt) }) : e.listPublicly ? t("manifesto.endorsement.listed") : t("manifesto.endorsement.notListed")}
              {!e.withdrawnAt ? (
                <div className="inline-forms">
                  <Form method="post" className="inline-form" aria-label={t("manifesto.endorsement.saveListing")}>
                    <input type="hidden" name="endorsementId" value={e.id} />
                    <input type="hidden" name="version" value={e.version} />
                    <label className="checkbox"><input type="checkbox" name="listPublicly" defaultChecked={e.listPublicly} /> {t("manifesto.endorsement.listPublicly")}</label>
                    <label className="checkbox"><input type="checkbox" name="showSignatory" defaultChecked={e.showSignatory} /> {t("manifesto.endorsement.showSignatory")}</label>
                    <button type="submit" name="intent" value={MANIFESTO_INTENT.listing}>{t("manifesto.endorsement.saveListing")}</button>
                  </Form>
                  <Form method="post" className="inline-form" aria-label={t("manifesto.endorsement.withdraw")}>
                    <input type="hidden" name="endorsementId" value={e.id} />
                    <label>
                      {t("manifesto.endorsement.withdrawReason")}
                      <input name="reason" />
                    </label>
                    <button type="submit" name="intent" value={MANIFESTO_INTENT.withdraw} className="danger">{t("manifesto.endorsement.withdraw")}</button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
