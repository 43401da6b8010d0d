import { commitmentKinds, niemAreas, niemDimensionsByArea } from "../domain/enums.ts";
import { enumLabel, type MessageKey } from "../i18n/i18n.ts";
import type { FieldErrors, FormValues } from "../lib/forms.ts";
import { DateField, ErrorList, SelectField, TextArea, TextField } from "./Field.tsx";
import { useI18n } from "./i18n.tsx";
import { RecordForm } from "./RecordForm.tsx";
import { RecordPicker } from "./RecordPicker.tsx";
import { idChoices, type IdChoice } from "./PartnershipForm.tsx";

export type CommitmentDefaults = {
  title?: string; description?: string | null; leadOrganizationId?: number | null; coPledgerIds?: number[];
  eventId?: number | null; partnershipId?: number | null; niemDimension?: string; kind?: string; dueOn?: string | null;
  ownerId?: number | null; sharedWithPartner?: boolean;
};

export type CommitmentChoices = { organizations: IdChoice[]; events: IdChoice[]; partnerships: IdChoice[]; owners: IdChoice[] };

/** The commitment create and edit form. No status here: only progress updates change it. */
export function CommitmentForm({
  defaults = {},
  values,
  errors,
  version,
  cancelTo,
  notice,
  choices,
}: {
  defaults?: CommitmentDefaults;
  values?: FormValues;
  errors?: FieldErrors;
  version?: number;
  cancelTo: string;
  notice?: "errors.staleVersion";
  choices: CommitmentChoices;
}) {
  const { t } = useI18n();
  const common = { values, errors };
  // After a refused submit the typed values win over the stored ones (RecordPicker reads `values` too).
  const typedShared = values ? values.sharedWithPartner === "on" : undefined;
  return (
    <RecordForm errors={errors} notice={notice} version={version} cancelTo={cancelTo}>
      <TextField name="title" label="commitments.field.title" required defaultValue={defaults.title} {...common} />
      <TextArea name="description" label="commitments.field.description" defaultValue={defaults.description} {...common} />
      <RecordPicker
        kind="organizations"
        name="leadOrganizationId"
        label="commitments.field.lead"
        required
        defaultValue={defaults.leadOrganizationId}
        emptyLabel=""
        choices={choices.organizations}
        {...common}
      />
      <RecordPicker
        kind="organizations"
        name="coPledgerIds"
        label="commitments.field.coPledgers"
        hint="commitments.field.coPledgersHint"
        multiple
        size={6}
        defaultValue={defaults.coPledgerIds ?? []}
        choices={choices.organizations}
        {...common}
      />
      <SelectField name="eventId" label="commitments.field.event" defaultValue={defaults.eventId} emptyLabel={t("common.none")} choices={idChoices(choices.events)} {...common} />
      <SelectField
        name="partnershipId"
        label="commitments.field.partnership"
        defaultValue={defaults.partnershipId}
        emptyLabel={t("common.none")}
        choices={idChoices(choices.partnerships)}
        {...common}
      />
      <NiemDimensionSelect name="niemDimension" label="commitments.field.niemDimension" defaultValue={defaults.niemDimension} values={values} errors={errors} />
      <SelectField
        name="kind"
        label="commitments.field.kind"
        required
        defaultValue={defaults.kind}
        emptyLabel=""
        choices={commitmentKinds.map((k) => ({ value: k, label: enumLabel(t, "commitmentKind", k) }))}
        {...common}
      />
      <DateField name="dueOn" label="commitments.field.dueOn" defaultValue={defaults.dueOn} {...common} />
      <SelectField name="ownerId" label="commitments.field.owner" defaultValue={defaults.ownerId} emptyLabel={t("common.none")} choices={idChoices(choices.owners)} {...common} />
      <div className="field">
        <label>
          <input type="checkbox" name="sharedWithPartner" defaultChecked={typedShared ?? defaults.sharedWithPartner ?? false} />{" "}
          {t("commitments.field.sharedWithPartner")}
        </label>
      </div>
    </RecordForm>
  );
}

/** NIEM dimensions grouped by their area (the area follows from the dimension). `name` and `label` let the error summary link it. */
function NiemDimensionSelect({ name, label, defaultValue, values, errors }: {
  name: "niemDimension"; label: MessageKey; defaultValue?: string; values?: FormValues; errors?: FieldErrors;
}) {
  const { t } = useI18n();
  const fieldErrors = errors?.[name];
  const typed = values ? [values[name]].flat()[0] : undefined;
  return (
    <div className={fieldErrors?.length ? "field field-invalid" : "field"}>
      <label htmlFor={`field-${name}`}>
        {t(label)}
        <span aria-hidden="true"> *</span>
      </label>
      <select
        id={`field-${name}`}
        name={name}
        defaultValue={typed ?? defaultValue ?? ""}
        aria-invalid={fieldErrors?.length ? true : undefined}
        aria-describedby={fieldErrors?.length ? `field-${name}-errors` : undefined}
      >
        <option value="" />
        {niemAreas.map((area) => (
          <optgroup key={area} label={enumLabel(t, "niemArea", area)}>
            {niemDimensionsByArea[area].map((d) => (
              <option key={d} value={d}>{enumLabel(t, "niemDimension", d)}</option>
            ))}
          </optgroup>
        ))}
      </select>
      <ErrorList id={`field-${name}-errors`} errors={fieldErrors} />
    </div>
  );
}
