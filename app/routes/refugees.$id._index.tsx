import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { ConsentForm } from "#app/components/RefugeeContactForm.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { DetailRows, RecordHeading } from "#app/components/RecordPage.tsx";
import { idParam } from "#app/domain/fields.ts";
import { consentInput } from "#app/domain/refugee.ts";
import { enumLabel, type MessageKey } from "#app/i18n/i18n.ts";
import { parseForm, type FieldErrors, type FormValues } from "#app/lib/forms.ts";
import { clientIp, newFormKey, parseIdParam, redirectWithFlash, writeContext } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { addConsent, todayIso, withdrawConsent } from "#app/models/refugee-consent.server.ts";
import { findRefugeeContact, refugeeAccessHistory, viewRefugeeContact } from "#app/models/refugees.server.ts";

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  // Every opening of the page is an audited view (written before anything is returned).
  const view = viewRefugeeContact(user, id, { ip: clientIp(context) });
  return json({
    formKey: newFormKey(),
    ...view,
    today: todayIso(),
    canWrite: can(user, "writeRefugeeContacts") && !view.contact.erasedAt,
    canErase: can(user, "eraseRefugeeContacts") && !view.contact.erasedAt,
    // The access history is for admins only (who looked at this person's data, and when).
    history: refugeeAccessHistory(user, id),
  });
}

const INTENT = { addConsent: "addConsent", withdraw: "withdraw" } as const;

type ActionData = { intent?: string; error?: MessageKey; errors?: FieldErrors; values?: FormValues };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  findRefugeeContact(user, id); // 404 (partner) / 403 before anything else
  requireCapability(user, "writeRefugeeContacts");
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const ctx = writeContext(context, formData);

  if (intent === INTENT.addConsent) {
    const form = parseForm(consentInput, formData);
    if (!form.ok) return json<ActionData>({ intent, errors: form.errors, values: form.values }, { status: 400 });
    const result = addConsent(user, id, form.data, ctx);
    if (!result.ok) return json<ActionData>({ intent, error: "refugees.cannotEditErased", values: form.values }, { status: 409 });
    return redirectWithFlash(`/refugees/${id}`, "refugees.consent.addedToast");
  }

  if (intent === INTENT.withdraw) {
    const consentId = idParam.safeParse(formData.get("consentId"));
    if (!consentId.success) return json<ActionData>({ intent, error: "errors.invalid" }, { status: 400 });
    const result = withdrawConsent(user, id, consentId.data, ctx);
    if (!result.ok) {
      const error: MessageKey =
        result.reason === "erased" ? "refugees.cannotEditErased" : result.reason === "alreadyWithdrawn" ? "refugees.consent.alreadyWithdrawn" : "refugees.consent.notFound";
      return json<ActionData>({ intent, error }, { status: result.reason === "notFound" ? 404 : 409 });
    }
    return redirectWithFlash(`/refugees/${id}`, "refugees.consent.withdrawnToast");
  }

  return json<ActionData>({ error: "errors.invalid" }, { status: 400 });
}

export default function RefugeeContactDetail() {
  const { contact: c, consents, flagged, currentPurposes, canWrite, canErase, history, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, date, dateTime } = useI18n();
  const erased = Boolean(c.erasedAt);
  const rows: Array<[MessageKey, string | null]> = [
    ["refugees.languages", c.languages],
    ["refugees.countryOfOrigin", c.countryOfOrigin],
    ["refugees.contactChannel", c.contactChannel ? enumLabel(t, "contactChannel", c.contactChannel) : null],
    ["refugees.contactValue", c.contactValue],
    ["refugees.currentPurposes", currentPurposes.map((p) => enumLabel(t, "consentPurpose", p)).join(", ") || null],
    ["common.created", date(c.createdAt)],
    ["common.updated", dateTime(c.updatedAt)],
  ];
  return (
    <article>
      <RecordHeading
        title={
          <>
            {erased ? t("refugees.erasedName", { id: c.id }) : c.name}
            {erased ? <span className="badge">{t("refugees.erased")}</span> : null}
            {!erased && flagged ? <span className="badge badge-warning" data-flag="no-consent">{t("refugees.flag")}</span> : null}
          </>
        }
        editTo={canWrite ? `/refugees/${c.id}/edit` : null}
      >
        {canErase ? <Link to={`/refugees/${c.id}/erase`} className="button">{t("refugees.erase")}</Link> : null}
      </RecordHeading>
      <p className="notice">{t("refugees.gdprNotice")}</p>
      {erased ? <p className="notice">{t("refugees.erasedNotice", { date: date(c.erasedAt) })}</p> : null}
      {!erased && flagged ? <p className="notice" role="note">{t("refugees.flagNotice")}</p> : null}
      {actionData?.error ? <p role="alert" className="form-error">{t(actionData.error)}</p> : null}

      {erased ? null : (
        <>
          <h2>{t("refugees.details")}</h2>
          <dl className="details">
            <DetailRows rows={rows} />
          </dl>
          {c.notes ? (
            <>
              <h2>{t("refugees.notes")}</h2>
              <p className="prewrap">{c.notes}</p>
            </>
          ) : null}
        </>
      )}

      <h2>{t("refugees.consents")}</h2>
      {consents.length ? (
        <table className="consents">
          <thead>
            <tr>
              <th scope="col">{t("refugees.consent.givenOn")}</th>
              <th scope="col">{t("refugees.consent.purposes")}</th>
              <th scope="col">{t("refugees.consent.legalBasis")}</th>
              <th scope="col">{t("refugees.consent.recordedBy")}</th>
              <th scope="col">{t("refugees.consent.expiresOn")}</th>
              <th scope="col">{t("refugees.consent.withdrawnOn")}</th>
              <th scope="col">{t("refugees.consent.status")}</th>
              {canWrite ? <th scope="col">{t("common.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {consents.map((consent) => (
              <tr key={consent.id}>
                <td>{date(consent.givenOn)}</td>
                <td>{consent.purposes.split(",").map((p) => enumLabel(t, "consentPurpose", p)).join(", ")}</td>
                <td>{enumLabel(t, "consentLegalBasis", consent.legalBasis)}</td>
                <td>{consent.recordedByName ?? t("common.none")}</td>
                <td>{consent.expiresOn ? date(consent.expiresOn) : t("common.none")}</td>
                <td>{consent.withdrawnOn ? date(consent.withdrawnOn) : t("common.none")}</td>
                <td>{consent.current ? t("refugees.consent.current") : t("refugees.consent.notCurrent")}</td>
                {canWrite ? (
                  <td>
                    {consent.withdrawnOn ? null : (
                      <Form method="post">
                        <input type="hidden" name="intent" value={INTENT.withdraw} />
                        <input type="hidden" name="consentId" value={consent.id} />
                        <button type="submit">{t("refugees.consent.withdraw")}</button>
                      </Form>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("refugees.consent.none")}</p>
      )}
      {canWrite ? (
        <ConsentForm
          intent={INTENT.addConsent}
          today={today}
          values={actionData?.intent === INTENT.addConsent ? actionData.values : undefined}
          errors={actionData?.intent === INTENT.addConsent ? actionData.errors : undefined}
        />
      ) : null}

      {history.length ? (
        <>
          <h2>{t("refugees.history")}</h2>
          <ul className="history">
            {history.map((h) => (
              <li key={h.id}>
                {dateTime(h.at)} · {h.userName ?? t("common.none")} · {t(`audit.action.${h.action}` as MessageKey)}
                {h.fields.length ? <span className="changes"> ({h.fields.map((label) => t(label)).join(", ")})</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
