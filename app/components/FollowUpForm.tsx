import { followUpStatuses } from "../domain/enums.ts";
import { enumLabel } from "../i18n/i18n.ts";
import type { FieldErrors, FormValues } from "../lib/forms.ts";
import { DateField, SelectField, TextArea, TextField } from "./Field.tsx";
import { useI18n } from "./i18n.tsx";
import { RecordForm } from "./RecordForm.tsx";
import { RecordPicker } from "./RecordPicker.tsx";
import { idChoices, type IdChoice } from "./PartnershipForm.tsx";

export type FollowUpDefaults = {
  title?: string; notes?: string | null; dueOn?: string | null; assigneeId?: number | null; organizationId?: number | null;
  personId?: number | null; partnershipId?: number | null; commitmentId?: number | null; eventId?: number | null;
  status?: string; sharedWithOrganizationId?: number | null;
};

export type FollowUpChoices = {
  assignees: IdChoice[]; organizations: IdChoice[]; people: IdChoice[]; partnerships: IdChoice[]; commitments: IdChoice[]; events: IdChoice[];
};

/** The follow-up create and edit form; links may come pre-filled from the page it was opened on. */
export function FollowUpForm({
  defaults = {},
  values,
  errors,
  version,
  cancelTo,
  notice,
  choices,
}: {
  defaults?: FollowUpDefaults;
  values?: FormValues;
  errors?: FieldErrors;
  version?: number;
  cancelTo: string;
  notice?: "errors.staleVersion";
  choices: FollowUpChoices;
}) {
  const { t } = useI18n();
  const common = { values, errors };
  const none = t("common.none");
  return (
    <RecordForm errors={errors} notice={notice} version={version} cancelTo={cancelTo}>
      <TextField name="title" label="followUps.field.title" required defaultValue={defaults.title} {...common} />
      <TextArea name="notes" label="followUps.field.notes" defaultValue={defaults.notes} {...common} />
      <DateField name="dueOn" label="followUps.field.dueOn" required defaultValue={defaults.dueOn} {...common} />
      <SelectField name="assigneeId" label="followUps.field.assignee" defaultValue={defaults.assigneeId} emptyLabel={none} choices={idChoices(choices.assignees)} {...common} />
      <SelectField
        name="status"
        label="followUps.field.status"
        required
        defaultValue={defaults.status ?? "open"}
        choices={followUpStatuses.map((s) => ({ value: s, label: enumLabel(t, "followUpStatus", s) }))}
        {...common}
      />
      <fieldset className="stack">
        <legend>{t("followUps.links")}</legend>
        <RecordPicker kind="organizations" name="organizationId" label="followUps.field.organization" defaultValue={defaults.organizationId} emptyLabel={none} choices={choices.organizations} {...common} />
        <RecordPicker kind="people" name="personId" label="followUps.field.person" defaultValue={defaults.personId} emptyLabel={none} choices={choices.people} {...common} />
        <SelectField name="partnershipId" label="followUps.field.partnership" defaultValue={defaults.partnershipId} emptyLabel={none} choices={idChoices(choices.partnerships)} {...common} />
        <RecordPicker kind="commitments" name="commitmentId" label="followUps.field.commitment" defaultValue={defaults.commitmentId} emptyLabel={none} choices={choices.commitments} {...common} />
        <SelectField name="eventId" label="followUps.field.event" defaultValue={defaults.eventId} emptyLabel={none} choices={idChoices(choices.events)} {...common} />
      </fieldset>
      <RecordPicker
        kind="organizations"
        name="sharedWithOrganizationId"
        label="followUps.field.sharedWith"
        hint="followUps.field.sharedWithHint"
        defaultValue={defaults.sharedWithOrganizationId}
        emptyLabel={none}
        choices={choices.organizations}
        {...common}
      />
    </RecordForm>
  );
}
