import { eventKinds, oblasts, participantRoles } from "../domain/enums.ts";
import { enumLabel } from "../i18n/i18n.ts";
import type { FieldErrors, FormValues } from "../lib/forms.ts";
import { DateField, SelectField, TextArea, TextField } from "./Field.tsx";
import { useI18n } from "./i18n.tsx";
import { RecordForm } from "./RecordForm.tsx";

export type EventDefaults = {
  title?: string; kind?: string; series?: string | null; startsOn?: string; endsOn?: string | null;
  place?: string | null; oblast?: string | null; description?: string | null;
};

/** The create and edit form of an event; `values`/`errors` come back from a refused submit. */
export function EventForm({
  defaults = {},
  values,
  errors,
  version,
  cancelTo,
  notice,
  firstParticipant,
}: {
  /** Created from an organization's page: that organization joins with the chosen role. */
  firstParticipant?: { organizationId: number; name: string } | null;
  defaults?: EventDefaults;
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
      <TextField name="title" label="events.eventTitle" required defaultValue={defaults.title} {...common} />
      <SelectField
        name="kind"
        label="events.kind"
        required
        defaultValue={defaults.kind}
        emptyLabel=""
        choices={eventKinds.map((k) => ({ value: k, label: enumLabel(t, "eventKind", k) }))}
        {...common}
      />
      <TextField name="series" label="events.series" hint="events.seriesHint" defaultValue={defaults.series} {...common} />
      <DateField name="startsOn" label="events.startsOn" required defaultValue={defaults.startsOn} {...common} />
      <DateField name="endsOn" label="events.endsOn" defaultValue={defaults.endsOn} {...common} />
      <TextField name="place" label="events.place" defaultValue={defaults.place} {...common} />
      <SelectField
        name="oblast"
        label="events.oblast"
        defaultValue={defaults.oblast}
        emptyLabel={t("common.none")}
        choices={oblasts.map((o) => ({ value: o, label: enumLabel(t, "oblast", o) }))}
        {...common}
      />
      <TextArea name="description" label="events.description" defaultValue={defaults.description} {...common} />
      {firstParticipant ? (
        <fieldset>
          <legend>{t("events.initialParticipant", { name: firstParticipant.name })}</legend>
          <input type="hidden" name="participantOrganizationId" value={firstParticipant.organizationId} />
          <SelectField
            name="participantRole"
            label="events.role"
            hint="events.initialParticipantHint"
            defaultValue="participant"
            choices={participantRoles.map((r) => ({ value: r, label: enumLabel(t, "participantRole", r) }))}
            {...common}
          />
        </fieldset>
      ) : null}
    </RecordForm>
  );
}
