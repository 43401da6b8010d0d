// The integration story form (create and edit). The people it is about are refugee contacts; each
// needs a current «story publication» consent, and a refused save lists who lacks one and why.
import type { StoryConsentProblem } from "../domain/story.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import type { FieldErrors, FormValues } from "../lib/forms.ts";
import { ErrorList, SelectField, TextArea, TextField } from "./Field.tsx";
import { useI18n } from "./i18n.tsx";
import { idChoices, type IdChoice } from "./PartnershipForm.tsx";
import { RecordForm } from "./RecordForm.tsx";
import { RecordPicker } from "./RecordPicker.tsx";

export type StoryDefaults = {
  title?: string;
  summary?: string;
  body?: string;
  eventId?: number | null;
  ownerId?: number | null;
  refugeeContactIds?: number[];
  organizationIds?: number[];
};

export type StoryChoices = {
  people: Array<IdChoice & { consentProblem: StoryConsentProblem | null }>;
  organizations: IdChoice[];
  events: IdChoice[];
  owners: IdChoice[];
};

export type ConsentRefusalView = { id: number; name: string; problem: StoryConsentProblem };

export const consentProblemLabel = (problem: StoryConsentProblem): MessageKey => `stories.consentProblem.${problem}`;

export function StoryForm({
  defaults = {},
  values,
  errors,
  refusals,
  version,
  cancelTo,
  notice,
  choices,
}: {
  defaults?: StoryDefaults;
  values?: FormValues;
  errors?: FieldErrors;
  refusals?: ConsentRefusalView[];
  version?: number;
  cancelTo: string;
  notice?: "errors.staleVersion";
  choices: StoryChoices;
}) {
  const { t } = useI18n();
  const common = { values, errors };
  const peopleErrors = errors?.refugeeContactIds;
  const typedPeople = values ? [values.refugeeContactIds ?? []].flat() : undefined;
  const selectedPeople = typedPeople ?? (defaults.refugeeContactIds ?? []).map(String);
  const describedBy = [peopleErrors?.length ? "field-refugeeContactIds-errors" : null, refusals?.length ? "field-refugeeContactIds-refusals" : null, "field-refugeeContactIds-hint"]
    .filter(Boolean)
    .join(" ");
  return (
    <RecordForm errors={errors} notice={notice} version={version} cancelTo={cancelTo}>
      <TextField name="title" label="stories.field.title" required defaultValue={defaults.title} {...common} />
      <TextArea name="summary" label="stories.field.summary" required rows={3} defaultValue={defaults.summary} {...common} />
      <TextArea name="body" label="stories.field.body" required rows={12} defaultValue={defaults.body} {...common} />
      <div className={peopleErrors?.length ? "field field-invalid" : "field"}>
        <label htmlFor="field-refugeeContactIds">{t("stories.field.people")}</label>
        <select
          id="field-refugeeContactIds"
          name="refugeeContactIds"
          multiple
          size={Math.min(8, Math.max(3, choices.people.length))}
          defaultValue={selectedPeople}
          aria-invalid={peopleErrors?.length ? true : undefined}
          aria-describedby={describedBy}
        >
          {choices.people.map((p) => (
            <option key={p.id} value={String(p.id)}>
              {p.consentProblem ? t("stories.personWithProblem", { name: p.label, problem: t(consentProblemLabel(p.consentProblem)) }) : p.label}
            </option>
          ))}
        </select>
        <small id="field-refugeeContactIds-hint" className="hint">{t("stories.field.peopleHint")}</small>
        <ErrorList id="field-refugeeContactIds-errors" errors={peopleErrors} />
        {refusals?.length ? (
          <ul id="field-refugeeContactIds-refusals" className="field-errors">
            {refusals.map((r) => (
              <li key={r.id}>{t("stories.refused", { name: r.name, problem: t(consentProblemLabel(r.problem)) })}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <RecordPicker
        kind="organizations"
        name="organizationIds"
        label="stories.field.organizations"
        multiple
        size={6}
        defaultValue={defaults.organizationIds ?? []}
        choices={choices.organizations}
        {...common}
      />
      <SelectField name="eventId" label="stories.field.event" defaultValue={defaults.eventId} emptyLabel={t("common.none")} choices={idChoices(choices.events)} {...common} />
      <SelectField name="ownerId" label="stories.field.owner" defaultValue={defaults.ownerId} emptyLabel={t("common.none")} choices={idChoices(choices.owners)} {...common} />
    </RecordForm>
  );
}
