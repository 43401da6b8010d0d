import type { ReactNode } from "react";
import type { FieldErrors, FormValues } from "../lib/forms.ts";
import { valueOf } from "../lib/forms.ts";
import type { MessageKey, Translate } from "../i18n/i18n.ts";
import { useI18n } from "./i18n.tsx";

/** Translates a validation message key such as `required` or `tooLong:300`. */
export function errorText(t: Translate, code: string): string {
  const [key, max] = code.split(":");
  const messageKey = `errors.${key}` as MessageKey;
  return t(messageKey, max ? { max: Number(max) } : undefined);
}

export function ErrorList({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useI18n();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((e) => (
        <li key={e}>{errorText(t, e)}</li>
      ))}
    </ul>
  );
}

type FieldProps = {
  name: string;
  label: MessageKey;
  /** What the user typed (after a refused submit) or the stored value. */
  values?: FormValues;
  defaultValue?: string | number | null;
  errors?: FieldErrors;
  hint?: MessageKey;
  required?: boolean;
};

function useFieldState({ name, values, defaultValue, errors }: FieldProps) {
  const id = `field-${name}`;
  const fieldErrors = errors?.[name];
  const typed = valueOf(values, name);
  const value = typed !== undefined ? typed : defaultValue == null ? "" : String(defaultValue);
  const invalid = Boolean(fieldErrors?.length);
  return {
    id,
    value,
    fieldErrors,
    aria: {
      "aria-invalid": invalid || undefined,
      "aria-describedby": invalid ? `${id}-errors` : undefined,
    },
  };
}

function FieldShell({ id, label, hint, required, fieldErrors, children }: {
  id: string; label: MessageKey; hint?: MessageKey; required?: boolean; fieldErrors?: string[]; children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className={fieldErrors?.length ? "field field-invalid" : "field"}>
      <label htmlFor={id}>
        {t(label)}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {children}
      {hint ? <small className="hint">{t(hint)}</small> : null}
      <ErrorList id={`${id}-errors`} errors={fieldErrors} />
    </div>
  );
}

export function TextField(props: FieldProps & { type?: "text" | "email" | "url" | "tel" | "date" | "password"; autoComplete?: string }) {
  const { id, value, fieldErrors, aria } = useFieldState(props);
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} required={props.required} fieldErrors={fieldErrors}>
      {/* No maxLength/required attributes: the server validates and explains, in the user's language. */}
      <input id={id} name={props.name} type={props.type ?? "text"} defaultValue={value} autoComplete={props.autoComplete} {...aria} />
    </FieldShell>
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  const { id, value, fieldErrors, aria } = useFieldState(props);
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} required={props.required} fieldErrors={fieldErrors}>
      <textarea id={id} name={props.name} rows={props.rows ?? 4} defaultValue={value} {...aria} />
    </FieldShell>
  );
}

export type Choice = { value: string; label: string };

export function SelectField(props: FieldProps & { choices: Choice[]; emptyLabel?: string }) {
  const { id, value, fieldErrors, aria } = useFieldState(props);
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} required={props.required} fieldErrors={fieldErrors}>
      <select id={id} name={props.name} defaultValue={value} {...aria}>
        {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** The summary above a refused form, so a screen-reader user hears that something needs fixing. */
export function FormErrorSummary({ errors, message }: { errors?: FieldErrors; message?: MessageKey }) {
  const { t } = useI18n();
  if (!message && !(errors && Object.keys(errors).length)) return null;
  return (
    <div role="alert" className="form-error">
      {message ? t(message) : t("common.formHasErrors")}
      {errors?._form ? <ErrorList id="form-errors" errors={errors._form} /> : null}
    </div>
  );
}
