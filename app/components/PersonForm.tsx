import type { FieldErrors, FormValues } from "../lib/forms.ts";
import { TextArea, TextField } from "./Field.tsx";
import { DuplicateList, SaveAnywayButton, type DuplicateListItem } from "./DuplicateList.tsx";
import { useI18n } from "./i18n.tsx";
import { RecordForm } from "./RecordForm.tsx";
import type { IdChoice } from "./PartnershipForm.tsx";
import { RecordPicker } from "./RecordPicker.tsx";

export type PersonDefaults = {
  name?: string; position?: string | null; organizationId?: number | null; email?: string | null;
  phone?: string | null; languages?: string | null; notes?: string | null;
};

/** The create and edit form of a person; `values`/`errors` come back from a refused submit. */
export function PersonForm({
  defaults = {},
  organizations,
  values,
  errors,
  version,
  cancelTo,
  notice,
  duplicates,
}: {
  defaults?: PersonDefaults;
  /** The first organizations by name plus the person's own (models/link-choices: pickerChoices). */
  organizations: IdChoice[];
  values?: FormValues;
  errors?: FieldErrors;
  version?: number;
  cancelTo: string;
  notice?: "errors.staleVersion";
  /** Likely duplicates of the values sent (models/duplicates.server.ts): listed, with «Save anyway». */
  duplicates?: DuplicateListItem[];
}) {
  const { t } = useI18n();
  const common = { values, errors };
  return (
    <RecordForm
      errors={errors}
      notice={notice}
      version={version}
      cancelTo={cancelTo}
      extraActions={duplicates?.length ? <SaveAnywayButton /> : null}
    >
      {duplicates?.length ? <DuplicateList items={duplicates} basePath="/people" /> : null}
      <TextField name="name" label="people.name" required defaultValue={defaults.name} {...common} />
      <TextField name="position" label="people.position" defaultValue={defaults.position} {...common} />
      <RecordPicker
        kind="organizations"
        name="organizationId"
        label="people.organization"
        defaultValue={defaults.organizationId}
        emptyLabel={t("people.noOrganization")}
        choices={organizations}
        {...common}
      />
      <TextField name="email" label="people.email" type="email" defaultValue={defaults.email} {...common} />
      <TextField name="phone" label="people.phone" type="tel" defaultValue={defaults.phone} {...common} />
      <TextField name="languages" label="people.languages" hint="people.languagesHint" defaultValue={defaults.languages} {...common} />
      <TextArea name="notes" label="people.notes" defaultValue={defaults.notes} {...common} />
    </RecordForm>
  );
}
