import { oblasts, organizationKinds } from "../domain/enums.ts";
import { enumLabel } from "../i18n/i18n.ts";
import type { FieldErrors, FormValues } from "../lib/forms.ts";
import { SelectField, TextArea, TextField } from "./Field.tsx";
import { DuplicateList, SaveAnywayButton, type DuplicateListItem } from "./DuplicateList.tsx";
import { useI18n } from "./i18n.tsx";
import { RecordForm } from "./RecordForm.tsx";

export type OrganizationDefaults = {
  name?: string; kind?: string; oblast?: string | null; municipality?: string | null; address?: string | null;
  website?: string | null; email?: string | null; phone?: string | null; description?: string | null; tags?: string[];
};

/** The create and edit form; `values`/`errors` come back from a refused submit. */
export function OrganizationForm({
  defaults = {},
  values,
  errors,
  version,
  cancelTo,
  notice,
  duplicates,
}: {
  defaults?: OrganizationDefaults;
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
      {duplicates?.length ? <DuplicateList items={duplicates} basePath="/organizations" /> : null}
      <TextField name="name" label="org.name" required defaultValue={defaults.name} {...common} />
      <SelectField
        name="kind"
        label="org.kind"
        required
        defaultValue={defaults.kind}
        emptyLabel=""
        choices={organizationKinds.map((k) => ({ value: k, label: enumLabel(t, "organizationKind", k) }))}
        {...common}
      />
      <SelectField
        name="oblast"
        label="org.oblast"
        defaultValue={defaults.oblast}
        emptyLabel={t("common.none")}
        choices={oblasts.map((o) => ({ value: o, label: enumLabel(t, "oblast", o) }))}
        {...common}
      />
      <TextField name="municipality" label="org.municipality" defaultValue={defaults.municipality} {...common} />
      <TextField name="address" label="org.address" defaultValue={defaults.address} {...common} />
      <TextField name="website" label="org.website" type="url" defaultValue={defaults.website} {...common} />
      <TextField name="email" label="org.email" type="email" defaultValue={defaults.email} {...common} />
      <TextField name="phone" label="org.phone" type="tel" defaultValue={defaults.phone} {...common} />
      <TextArea name="description" label="org.description" defaultValue={defaults.description} {...common} />
      <TextField name="tags" label="org.tags" hint="org.tagsHint" defaultValue={defaults.tags?.join(", ")} {...common} />
    </RecordForm>
  );
}
