// The fields of a Manifesto section (add and edit): titles and texts in both languages, the
// NIEM dimensions it is about, its place in the version.
import { niemDimensionsByArea, niemAreas } from "../domain/enums.ts";
import { enumLabel } from "../i18n/i18n.ts";
import type { FieldErrors, FormValues } from "../lib/forms.ts";
import { ErrorList, TextArea, TextField } from "./Field.tsx";
import { useI18n } from "./i18n.tsx";

export type SectionDefaults = {
  titleBg?: string;
  titleEn?: string | null;
  bodyBg?: string;
  bodyEn?: string | null;
  niemDimensions?: string[];
  position?: number;
};

export function SectionFields({ defaults = {}, values, errors }: { defaults?: SectionDefaults; values?: FormValues; errors?: FieldErrors }) {
  const { t } = useI18n();
  const typed = values?.niemDimensions;
  const chosen = new Set(values ? (typed === undefined ? [] : [typed].flat()) : (defaults.niemDimensions ?? []));
  const common = { values, errors };
  return (
    <>
      <TextField name="position" label="manifesto.section.position" required defaultValue={defaults.position ?? 1} {...common} />
      <TextField name="titleBg" label="manifesto.section.titleBg" required defaultValue={defaults.titleBg} {...common} />
      <TextArea name="bodyBg" label="manifesto.section.bodyBg" required rows={12} hint="manifesto.section.bodyHint" defaultValue={defaults.bodyBg} {...common} />
      <TextField name="titleEn" label="manifesto.section.titleEn" defaultValue={defaults.titleEn} {...common} />
      <TextArea name="bodyEn" label="manifesto.section.bodyEn" rows={12} defaultValue={defaults.bodyEn} {...common} />
      <fieldset className={errors?.niemDimensions ? "field field-invalid" : "field"} aria-describedby={errors?.niemDimensions ? "field-niemDimensions-errors" : undefined}>
        <legend>{t("manifesto.section.dimensions")}</legend>
        {niemAreas.map((area) => (
          <div key={area} className="checkbox-group">
            <strong>{enumLabel(t, "niemArea", area)}</strong>
            {niemDimensionsByArea[area].map((d) => (
              <label key={d} className="checkbox">
                <input type="checkbox" name="niemDimensions" value={d} defaultChecked={chosen.has(d)} /> {enumLabel(t, "niemDimension", d)}
              </label>
            ))}
          </div>
        ))}
        <ErrorList id="field-niemDimensions-errors" errors={errors?.niemDimensions} />
      </fieldset>
    </>
  );
}
