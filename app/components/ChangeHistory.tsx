import { Fragment, useId } from "react";
import type { ChangeView, ValueView } from "../domain/audit-fields.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { useI18n } from "./i18n.tsx";

export type HistoryEntry = { id: number; at: string; action: string; changes: ChangeView[]; userName: string | null };

/** A record's audit entries: when, who, what was done and what changed (models/audit-view.server.ts). */
export function ChangeHistory({ title, entries }: { title: MessageKey; entries: HistoryEntry[] }) {
  const { t, dateTime } = useI18n();
  const headingId = useId();
  if (!entries.length) return null;
  return (
    <section className="record-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(title)}</h2>
      <ul className="history">
        {entries.map((h) => (
          <li key={h.id}>
            {dateTime(h.at)} · {h.userName ?? t("common.none")} · {t(`audit.action.${h.action}` as MessageKey)}
            <ChangeList changes={h.changes} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Changed fields by their labels, with the values as the record's page shows them. */
export function ChangeList({ changes }: { changes: ChangeView[] }) {
  const { t } = useI18n();
  if (!changes.length) return null;
  return (
    <ul className="change-list">
      {changes.map((c) => (
        <li key={c.field}>
          <span className="change-field">{t(c.label)}</span>:{" "}
          {c.before ? (
            <>
              <Value value={c.before} /> → <Value value={c.after} />
            </>
          ) : (
            <Value value={c.after} />
          )}
        </li>
      ))}
    </ul>
  );
}

function Value({ value }: { value: ValueView }) {
  const { t, date, dateTime } = useI18n();
  switch (value.kind) {
    case "none":
      return <>{t("common.none")}</>;
    case "text":
      return <>{value.text}</>;
    case "message":
      return <>{t(value.key)}</>;
    case "date":
      return <>{date(value.value)}</>;
    case "dateTime":
      return <>{dateTime(value.value)}</>;
    case "list":
      return value.items.length ? (
        <>
          {value.items.map((item, i) => (
            <Fragment key={i}>
              {i ? ", " : null}
              <Value value={item} />
            </Fragment>
          ))}
        </>
      ) : (
        <>{t("common.none")}</>
      );
    case "withRole":
      return (
        <>
          <Value value={value.who} /> (<Value value={value.role} />)
        </>
      );
    case "parts":
      return (
        <>
          {value.parts.map((part, i) => (
            <Fragment key={part.label}>
              {i ? "; " : null}
              {t(part.label)}: <Value value={part.value} />
            </Fragment>
          ))}
        </>
      );
  }
}
