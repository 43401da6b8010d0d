import { partnershipKinds, partnershipStatuses } from "../domain/enums.ts";
import { enumLabel } from "../i18n/i18n.ts";
import type { FieldErrors, FormValues } from "../lib/forms.ts";
import { DateField, SelectField, TextArea, TextField } from "./Field.tsx";
import { useI18n } from "./i18n.tsx";
import { RecordForm } from "./RecordForm.tsx";

export type IdChoice = { id: number; label: string };
export const idChoices = (list: IdChoice[]) => list.map((c) => ({ value: String(c.id), label: c.label }));

export type PartnershipDefaults = {
  title?: string; kind?: string; project?: string | null; status?: string; startsOn?: string | null; endsOn?: string | null;
  ownerId?: number | null; description?: string | null;
};

/** The partnership create and edit form; `values`/`errors` come back from a refused submit. */
export function PartnershipForm({
  defaults = {},
  values,
  errors,
  version,
  cancelTo,
  notice,
  owners,
  memberOrganization,
}: {
  defaults?: PartnershipDefaults;
  values?: FormValues;
  errors?: FieldErrors;
  version?: number;
  cancelTo: string;
  notice?: "errors.staleVersion";
  owners: IdChoice[];
  /** Started from an organization's page: it joins as the first member. */
  memberOrganization?: IdChoice | null;
}) {
  const { t } = useI18n();
  const common = { values, errors };
  return (
    <RecordForm errors={errors} notice={notice} version={version} cancelTo={cancelTo}>
      {memberOrganization ? (
        <p className="notice">
          <input type="hidden" name="memberOrganizationId" value={memberOrganization.id} />
          {t("partnerships.firstMember", { organization: memberOrganization.label })}
        </p>
      ) : null}
      <TextField name="title" label="partnerships.field.title" required defaultValue={defaults.title} {...common} />
      <SelectField
        name="kind"
        label="partnerships.field.kind"
        required
        defaultValue={defaults.kind}
        emptyLabel=""
        choices={partnershipKinds.map((k) => ({ value: k, label: enumLabel(t, "partnershipKind", k) }))}
        {...common}
      />
      <TextField name="project" label="partnerships.field.project" defaultValue={defaults.project} {...common} />
      <SelectField
        name="status"
        label="partnerships.field.status"
        required
        defaultValue={defaults.status ?? "exploring"}
        choices={partnershipStatuses.map((s) => ({ value: s, label: enumLabel(t, "partnershipStatus", s) }))}
        {...common}
      />
      <DateField name="startsOn" label="partnerships.field.startsOn" defaultValue={defaults.startsOn} {...common} />
      <DateField name="endsOn" label="partnerships.field.endsOn" defaultValue={defaults.endsOn} {...common} />
      <SelectField name="ownerId" label="partnerships.field.owner" defaultValue={defaults.ownerId} emptyLabel={t("common.none")} choices={idChoices(owners)} {...common} />
      <TextArea name="description" label="partnerships.field.description" defaultValue={defaults.description} {...common} />
    </RecordForm>
  );
}
