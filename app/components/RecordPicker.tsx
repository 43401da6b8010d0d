import { useFetcher } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { MessageKey } from "../i18n/i18n.ts";
import type { FieldErrors, FormValues } from "../lib/forms.ts";
import { ErrorList } from "./Field.tsx";
import { useI18n } from "./i18n.tsx";
import type { IdChoice } from "./PartnershipForm.tsx";

/** How many records the server puts in the list before anyone types (models/link-choices: PICKER_INITIAL). */
const INITIAL_COUNT = 100;

/**
 * A select for a big registry (organizations, people, commitments). The server sends the first
 * 100 by name plus the current value(s), so the form works without JavaScript; with it, a search
 * box asks /choices/<kind> for up to 20 matches and adds them at the top of the list. Options are
 * only ever added, never removed, so what the user already selected stays selected.
 */
export function RecordPicker({
  kind,
  name,
  label,
  choices,
  defaultValue,
  values,
  errors,
  emptyLabel,
  required,
  multiple,
  size,
  hint,
  id: idProp,
  plainLabel,
}: {
  kind: "organizations" | "people" | "commitments";
  name: string;
  label: MessageKey;
  choices: IdChoice[];
  defaultValue?: number | null | number[];
  values?: FormValues;
  errors?: FieldErrors;
  /** The first, empty option ("all", "none"); omitted for a multiple select. */
  emptyLabel?: string;
  required?: boolean;
  multiple?: boolean;
  size?: number;
  hint?: MessageKey;
  id?: string;
  /** A filter bar: label wraps the select, no field frame. */
  plainLabel?: boolean;
}) {
  const { t } = useI18n();
  const id = idProp ?? `field-${name}`;
  const fetcher = useFetcher<{ choices: IdChoice[] }>();
  const [hydrated, setHydrated] = useState(false);
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<IdChoice[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    const result = fetcher.data?.choices;
    if (result) setFound((prev) => [...result, ...prev.filter((p) => !result.some((r) => r.id === p.id))]);
  }, [fetcher.data]);

  const fieldErrors = errors?.[name];
  const typed = values ? [values[name] ?? []].flat() : undefined;
  const selected = typed ?? [defaultValue ?? []].flat().filter((v) => v != null).map(String);
  const options = useMemo(() => {
    const seen = new Set<number>();
    return [...found, ...choices].filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
  }, [found, choices]);

  const onSearch = (value: string) => {
    setQuery(value);
    clearTimeout(timer.current);
    if (value.trim().length < 2) return;
    timer.current = setTimeout(() => fetcher.load(`/choices/${kind}?q=${encodeURIComponent(value.trim())}`), 200);
  };
  const invalid = Boolean(fieldErrors?.length);
  const statusId = `${id}-search-status`;
  const lastCount = fetcher.data?.choices.length;

  const select = (
    <select
      id={id}
      name={name}
      multiple={multiple}
      size={size}
      defaultValue={multiple ? selected : (selected[0] ?? "")}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${id}-errors` : hint ? `${id}-hint` : undefined}
    >
      {emptyLabel !== undefined && !multiple ? <option value="">{emptyLabel}</option> : null}
      {options.map((o) => (
        <option key={o.id} value={String(o.id)}>{o.label}</option>
      ))}
    </select>
  );
  const search = hydrated ? (
    <span className="picker-search">
      <input
        type="search"
        value={query}
        onChange={(e) => onSearch(e.target.value)}
        onKeyDown={(e) => {
          // Enter in the search box must not submit the surrounding form.
          if (e.key === "Enter") e.preventDefault();
        }}
        placeholder={t("commitments.picker.placeholder")}
        aria-label={t("commitments.picker.search")}
        aria-controls={id}
        aria-describedby={statusId}
        autoComplete="off"
      />
      {/* aria-live, not role="status": the page's flash message stays the one status region. */}
      <span id={statusId} aria-live="polite" className="hint">
        {query.trim().length >= 2 && lastCount !== undefined && fetcher.state === "idle"
          ? lastCount
            ? t("commitments.picker.found", { count: lastCount })
            : t("commitments.picker.noMatches")
          : null}
      </span>
    </span>
  ) : null;

  if (plainLabel) {
    return (
      <span className="picker">
        <label htmlFor={id}>{t(label)}</label>
        {search}
        {select}
        <ErrorList id={`${id}-errors`} errors={fieldErrors} />
      </span>
    );
  }
  return (
    <div className={invalid ? "field field-invalid picker" : "field picker"}>
      <label htmlFor={id}>
        {t(label)}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {search}
      {select}
      <small className="hint" id={`${id}-hint`}>
        {hint ? `${t(hint)} ` : ""}
        {choices.length >= INITIAL_COUNT ? t("commitments.picker.hint", { count: INITIAL_COUNT }) : null}
      </small>
      <ErrorList id={`${id}-errors`} errors={fieldErrors} />
    </div>
  );
}
