import { consentLegalBases, consentPurposes, contactChannels } from "../domain/enums.ts";
import { enumLabel } from "../i18n/i18n.ts";
import type { FieldErrors, FormValues } from "../lib/forms.ts";
import { DateField, ErrorList, SelectField, TextArea, TextField } from "./Field.tsx";
import { useI18n } from "./i18n.tsx";
import { RecordForm } from "./RecordForm.tsx";
import { SaveForm } from "./SaveForm.tsx";

export type RefugeeContactDefaults = {
  name?: string; languages?: string | null; countryOfOrigin?: string | null;
  contactChannel?: string | null; contactValue?: string | null; notes?: string | null;
};

/** Create and edit form of a refugee contact: only the minimal fields GDPR allows us to keep. */
export function RefugeeContactForm({
  defaults = {},
  values,
  errors,
  version,
  cancelTo,
  notice,
}: {
  defaults?: RefugeeContactDefaults;
  values?: FormValues;
  errors?: FieldErrors;
  version?: number;
  cancelTo: string;
  notice?: "errors.staleVersion";
}) {
  const { t } = useI18n();
  const common = { values, errors };
  return (
    <RecordForm errors={errors} notice={notice} version={version} cancelTo={cancelTo}>
      <TextField name="name" label="refugees.name" required defaultValue={defaults.name} {...common} />
      <TextField name="languages" label="refugees.languages" defaultValue={defaults.languages} {...common} />
      <TextField name="countryOfOrigin" label="refugees.countryOfOrigin" defaultValue={defaults.countryOfOrigin} {...common} />
      <SelectField
        name="contactChannel"
        label="refugees.contactChannel"
        defaultValue={defaults.contactChannel}
        emptyLabel={t("common.none")}
        choices={contactChannels.map((c) => ({ value: c, label: enumLabel(t, "contactChannel", c) }))}
        {...common}
      />
      <TextField name="contactValue" label="refugees.contactValue" hint="refugees.contactValueHint" defaultValue={defaults.contactValue} {...common} />
      <TextArea name="notes" label="refugees.notes" defaultValue={defaults.notes} {...common} />
    </RecordForm>
  );
}

/** Records one consent: date, purposes, legal basis, optional expiry. The recorder is the signed-in user. */
export function ConsentForm({ values, errors, intent, today }: { values?: FormValues; errors?: FieldErrors; intent: string; today: string }) {
  const { t } = useI18n();
  const common = { values, errors };
  const typedPurposes = values?.purposes;
  const checked = new Set(typedPurposes === undefined ? [] : [typedPurposes].flat());
  const purposeErrors = errors?.purposes;
  return (
    <SaveForm
      className="stack record-form"
      aria-labelledby="consent-form-title"
      errors={errors}
      labels={{ purposes: { label: "refugees.consent.purposes", id: "field-purposes" } }}
    >
      <h3 id="consent-form-title">{t("refugees.consent.addTitle")}</h3>
      <input type="hidden" name="intent" value={intent} />
      <DateField name="givenOn" label="refugees.consent.givenOn" required defaultValue={today} {...common} />
      <fieldset
        id="field-purposes"
        className={purposeErrors?.length ? "field field-invalid" : "field"}
        aria-invalid={purposeErrors?.length ? true : undefined}
        aria-describedby={purposeErrors?.length ? "field-purposes-errors" : undefined}
      >
        <legend>
          {t("refugees.consent.purposes")}
          <span aria-hidden="true"> *</span>
        </legend>
        {consentPurposes.map((p) => (
          <label key={p} className="checkbox">
            <input type="checkbox" name="purposes" value={p} defaultChecked={checked.has(p)} />
            {enumLabel(t, "consentPurpose", p)}
          </label>
        ))}
        <ErrorList id="field-purposes-errors" errors={purposeErrors} />
      </fieldset>
      <SelectField
        name="legalBasis"
        label="refugees.consent.legalBasis"
        required
        defaultValue="explicit_consent"
        choices={consentLegalBases.map((b) => ({ value: b, label: enumLabel(t, "consentLegalBasis", b) }))}
        {...common}
      />
      <DateField name="expiresOn" label="refugees.consent.expiresOn" {...common} />
      <div className="form-actions">
        <button type="submit" className="primary">{t("refugees.consent.add")}</button>
      </div>
    </SaveForm>
  );
}
