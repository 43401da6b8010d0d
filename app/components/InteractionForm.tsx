import { interactionKinds } from "../domain/enums.ts";
import { enumLabel } from "../i18n/i18n.ts";
import type { FieldErrors, FormValues } from "../lib/forms.ts";
import { DateField, SelectField, TextArea, TextField } from "./Field.tsx";
import { useI18n } from "./i18n.tsx";
import { RecordForm } from "./RecordForm.tsx";
import type { IdChoice } from "./PartnershipForm.tsx";
import { RecordPicker } from "./RecordPicker.tsx";

export type InteractionDefaults = {
  kind?: string; occurredOn?: string; subject?: string; body?: string | null; participants?: string | null;
  organizationId?: number | null; personId?: number | null;
};

/** The form of an interaction, logged with an organization and/or a person. */
export function InteractionForm({
  defaults = {},
  organizations,
  people,
  values,
  errors,
  version,
  from,
  cancelTo,
  notice,
}: {
  defaults?: InteractionDefaults;
  /** The first organizations and people by name plus the linked ones (models/link-choices: pickerChoices). */
  organizations: IdChoice[];
  people: IdChoice[];
  values?: FormValues;
  errors?: FieldErrors;
  version?: number;
  /** Whose page the form was opened from: saving goes back there. */
  from?: "organization" | "person";
  cancelTo: string;
  notice?: "errors.staleVersion";
}) {
  const { t } = useI18n();
  const common = { values, errors };
  return (
    <RecordForm errors={errors} notice={notice} version={version} cancelTo={cancelTo}>
      {from ? <input type="hidden" name="from" value={from} /> : null}
      <SelectField
        name="kind"
        label="interactions.kind"
        required
        defaultValue={defaults.kind}
        choices={interactionKinds.map((k) => ({ value: k, label: enumLabel(t, "interactionKind", k) }))}
        {...common}
      />
      <DateField name="occurredOn" label="interactions.occurredOn" required defaultValue={defaults.occurredOn} {...common} />
      <TextField name="subject" label="interactions.subject" required defaultValue={defaults.subject} {...common} />
      <TextArea name="body" label="interactions.body" rows={6} defaultValue={defaults.body} {...common} />
      <TextField name="participants" label="interactions.participants" hint="interactions.participantsHint" defaultValue={defaults.participants} {...common} />
      <RecordPicker
        kind="organizations"
        name="organizationId"
        label="interactions.organization"
        hint="interactions.linkHint"
        defaultValue={defaults.organizationId}
        emptyLabel={t("common.none")}
        choices={organizations}
        {...common}
      />
      <RecordPicker
        kind="people"
        name="personId"
        label="interactions.person"
        defaultValue={defaults.personId}
        emptyLabel={t("common.none")}
        choices={people}
        {...common}
      />
    </RecordForm>
  );
}
