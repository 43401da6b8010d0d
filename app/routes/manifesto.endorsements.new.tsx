import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { DateField, ErrorList, FormErrorSummary, SelectField, TextArea, TextField } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { ManifestoSubNav } from "#app/components/Manifesto.tsx";
import { idChoices } from "#app/components/PartnershipForm.tsx";
import { RecordPicker } from "#app/components/RecordPicker.tsx";
import { staffEndorsementInput } from "#app/domain/manifesto.ts";
import { todayIso } from "#app/lib/calendar-day.ts";
import { formValues, parseForm, type FieldErrors } from "#app/lib/forms.ts";
import { clientIp, invalidForm, redirectWithFlash } from "#app/server/http.server.ts";
import { checkEvidenceFile, readEvidenceForm } from "#app/models/evidence.server.ts";
import { pickerChoices } from "#app/models/link-choices.server.ts";
import { recordPaperEndorsement, type LetterUpload } from "#app/models/manifesto-endorsements.server.ts";
import { currentVersions, listVersions } from "#app/models/manifesto.server.ts";

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "writeManifesto");
  return json({
    versions: listVersions(user).filter((v) => v.status === "adopted").map((v) => ({ id: v.id, label: `v${v.number} · ${v.titleBg}` })),
    adoptedId: currentVersions().adopted?.id ?? null,
    organizations: pickerChoices("organizations"),
    people: pickerChoices("people"),
    today: todayIso(),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "writeManifesto");
  const upload = await readEvidenceForm(request);
  const values = { ...formValues(upload.formData), letterFile: "" };
  const form = parseForm(staffEndorsementInput, values);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  let letter: LetterUpload | null = null;
  const file = upload.formData.get("letterFile");
  // A letter over the limit was left out: the message comes back with what was typed.
  if (upload.tooLarge) errors.letterFile = ["evidenceTooLarge"];
  // An empty file input arrives as a nameless, empty part: that is "no letter".
  else if (file instanceof File && (file.name !== "" || file.size > 0)) {
    const checked = await checkEvidenceFile(file);
    if (checked.ok) letter = checked;
    else errors.letterFile = [checked.error];
  } else if (typeof file === "string" && file !== "") errors.letterFile = ["evidenceType"];
  if (!form.ok || Object.keys(errors).length) return invalidForm(errors, values);
  const result = recordPaperEndorsement(user, form.data, letter, { ip: clientIp(context) });
  if (!result.ok) return invalidForm(result.errors, values);
  return redirectWithFlash("/manifesto/endorsements", "manifesto.endorsement.recorded");
}

export default function NewPaperEndorsement() {
  const { versions, adoptedId, organizations, people, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const common = { values: actionData?.values, errors: actionData?.errors };
  const letterErrors = actionData?.errors?.letterFile;
  return (
    <section>
      <h1>{t("manifesto.endorsements.new")}</h1>
      <ManifestoSubNav />
      <Form method="post" encType="multipart/form-data" className="stack">
        <FormErrorSummary errors={actionData?.errors} />
        <SelectField name="versionId" label="manifesto.endorsement.version" required defaultValue={adoptedId} choices={idChoices(versions)} {...common} />
        <RecordPicker kind="organizations" name="organizationId" label="manifesto.endorsement.organization" required choices={organizations} emptyLabel={t("common.none")} {...common} />
        <RecordPicker kind="people" name="signatoryPersonId" label="manifesto.endorsement.signatoryPerson" choices={people} emptyLabel={t("common.none")} {...common} />
        <TextField name="signatoryName" label="manifesto.endorsement.signatoryName" {...common} />
        <TextField name="signatoryPosition" label="manifesto.endorsement.position" {...common} />
        <DateField name="signedOn" label="manifesto.endorsement.signedOn" required defaultValue={today} {...common} />
        <TextArea name="statementBg" label="manifesto.endorsement.statementBg" rows={3} {...common} />
        <TextArea name="statementEn" label="manifesto.endorsement.statementEn" rows={3} {...common} />
        <label className="checkbox"><input type="checkbox" name="listPublicly" /> {t("manifesto.endorsement.listPublicly")}</label>
        <label className="checkbox"><input type="checkbox" name="showSignatory" /> {t("manifesto.endorsement.showSignatory")}</label>
        <div className={letterErrors ? "field field-invalid" : "field"}>
          <label htmlFor="field-letterFile">{t("manifesto.endorsement.letter")}</label>
          <input
            id="field-letterFile"
            name="letterFile"
            type="file"
            accept=".pdf,.png,.jpg,.jpeg,.webp"
            aria-invalid={letterErrors ? true : undefined}
            aria-describedby={letterErrors ? "field-letterFile-errors field-letterFile-hint" : "field-letterFile-hint"}
          />
          <small id="field-letterFile-hint" className="hint">{t("manifesto.endorsement.letterHint")}</small>
          <ErrorList id="field-letterFile-errors" errors={letterErrors} />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">{t("manifesto.endorsement.submit")}</button>
        </div>
      </Form>
    </section>
  );
}
