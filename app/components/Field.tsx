import { Children, isValidElement, useEffect, useRef, type MouseEvent, type ReactNode } from "react";
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
  /** Defaults to `field-<name>`; needed where one page has two fields of the same name. */
  id?: string;
  /** What the user typed (after a refused submit) or the stored value. */
  values?: FormValues;
  defaultValue?: string | number | null;
  errors?: FieldErrors;
  hint?: MessageKey;
  required?: boolean;
};

function useFieldState({ name, id: idProp, values, defaultValue, errors, hint }: FieldProps) {
  const id = idProp ?? `field-${name}`;
  const fieldErrors = errors?.[name];
  const typed = valueOf(values, name);
  const value = typed !== undefined ? typed : defaultValue == null ? "" : String(defaultValue);
  const invalid = Boolean(fieldErrors?.length);
  const describedBy = [invalid ? `${id}-errors` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return {
    id,
    value,
    fieldErrors,
    aria: {
      "aria-invalid": invalid || undefined,
      "aria-describedby": describedBy || undefined,
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
      {hint ? <small id={`${id}-hint`} className="hint">{t(hint)}</small> : null}
      <ErrorList id={`${id}-errors`} errors={fieldErrors} />
    </div>
  );
}

export function TextField(props: FieldProps & { type?: "text" | "email" | "url" | "tel" | "password"; autoComplete?: string }) {
  const { id, value, fieldErrors, aria } = useFieldState(props);
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} required={props.required} fieldErrors={fieldErrors}>
      {/* No maxLength/required attributes: the server validates and explains, in the user's language. */}
      <input id={id} name={props.name} type={props.type ?? "text"} defaultValue={value} autoComplete={props.autoComplete} {...aria} />
    </FieldShell>
  );
}

/**
 * A calendar date, typed as text in the page's format (ДД.ММ.ГГГГ, DD/MM/YYYY) and read by the
 * server (domain/dates.ts). Not `type="date"`: Chromium sends "" for an impossible date, which
 * the server cannot tell from an empty field, and its format is the browser's, not the page's.
 * `defaultValue` is the stored `YYYY-MM-DD`; after a refused save the typed text is shown as typed.
 */
export function DateField(props: FieldProps) {
  const { date } = useI18n();
  const shown = { ...props, hint: props.hint ?? ("common.dateHint" as const), defaultValue: props.defaultValue == null ? null : date(String(props.defaultValue)) };
  const { id, value, fieldErrors, aria } = useFieldState(shown);
  return (
    <FieldShell id={id} label={props.label} hint={shown.hint} required={props.required} fieldErrors={fieldErrors}>
      <input id={id} name={props.name} type="text" defaultValue={value} autoComplete="off" spellCheck={false} size={12} {...aria} />
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

/** Where the error summary links each field's errors: its label and the id of its control. */
export type FieldLabels = Record<string, { label: MessageKey; id: string }>;

/**
 * The labels of the fields among a form's children: every element with string `name` and
 * `label` props (TextField, DateField, SelectField, RecordPicker, …), however deeply nested,
 * so the summary can name and link each field without the form listing its fields twice.
 */
export function fieldLabelsOf(children: ReactNode): FieldLabels {
  const labels: FieldLabels = {};
  const visit = (nodes: ReactNode) =>
    Children.forEach(nodes, (child) => {
      if (!isValidElement(child)) return;
      const props = child.props as { name?: unknown; label?: unknown; id?: unknown; children?: ReactNode };
      if (typeof props.name === "string" && typeof props.label === "string") {
        labels[props.name] = { label: props.label as MessageKey, id: typeof props.id === "string" ? props.id : `field-${props.name}` };
      }
      if (props.children) visit(props.children);
    });
  visit(children);
  return labels;
}

/** With JavaScript, a link in the summary moves the focus into its field (not just the view). */
function focusField(event: MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById(event.currentTarget.hash.slice(1));
  const control = target?.matches("input, select, textarea") ? target : target?.querySelector<HTMLElement>("input, select, textarea");
  if (!target || !control) return;
  event.preventDefault();
  target.scrollIntoView({ block: "center" });
  control.focus({ preventScroll: true });
}

/**
 * The summary above a refused form: that it was refused, and the fields to fix, each linking to it.
 * A refused save re-renders the page where it was, often scrolled down to Save, so the summary
 * scrolls itself into view and takes the focus (a screen reader reads it out); without
 * JavaScript, `autofocus` does the same on the page the server returns.
 */
export function FormErrorSummary({ errors, message, labels }: { errors?: FieldErrors; message?: MessageKey; labels?: FieldLabels }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const shown = Boolean(message) || Boolean(errors && Object.keys(errors).length);
  useEffect(() => {
    if (!shown || !ref.current) return;
    ref.current.scrollIntoView({ block: "start" });
    ref.current.focus({ preventScroll: true });
  }, [shown, errors, message]);
  if (!shown) return null;
  const fields = Object.entries(errors ?? {}).filter(([field, list]) => field !== "_form" && list.length);
  return (
    <div ref={ref} role="alert" className="form-error error-summary" tabIndex={-1} autoFocus>
      <p>{message ? t(message) : t("common.formHasErrors")}</p>
      {/* The fields to fix, each a link to its field; the message itself stays beside the field (said once on the page). */}
      {fields.length ? (
        <ul>
          {fields.map(([field, list]) => {
            const known = labels?.[field];
            return (
              <li key={field}>
                {known ? (
                  <a href={`#${known.id}`} onClick={focusField}>
                    {t(known.label)}
                  </a>
                ) : (
                  list.map((e) => errorText(t, e)).join(" ")
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {errors?._form ? <ErrorList id="form-errors" errors={errors._form} /> : null}
    </div>
  );
}
