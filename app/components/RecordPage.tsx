// The pieces every record's detail page shares: its heading with Edit and the record's
// one-button actions (archive, delete, done…), and the labelled details list.
import { Form, Link } from "@remix-run/react";
import { Children, type ReactNode } from "react";
import type { MessageKey } from "../i18n/i18n.ts";
import { useI18n } from "./i18n.tsx";

/** The record's title with its actions; the actions bar appears only when there is an action. */
export function RecordHeading({ title, editTo, children }: { title: ReactNode; editTo?: string | null; children?: ReactNode }) {
  const { t } = useI18n();
  const hasActions = Boolean(editTo) || Children.toArray(children).length > 0;
  return (
    <div className="page-head">
      <h1>{title}</h1>
      {hasActions ? (
        <div className="actions">
          {editTo ? (
            <Link to={editTo} className="button">
              {t("common.edit")}
            </Link>
          ) : null}
          {children}
        </div>
      ) : null}
    </div>
  );
}

/** A one-button POST to the page's own action, over the version shown when the write is versioned. */
export function IntentButton({
  intent,
  label,
  version,
  className,
  title,
}: {
  intent: string;
  label: string;
  version?: number;
  className?: string;
  title?: string;
}) {
  return (
    <Form method="post">
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <button type="submit" name="intent" value={intent} className={className} title={title}>
        {label}
      </button>
    </Form>
  );
}

/** Label/value pairs of a details list; an empty value shows as "—". */
export function DetailRows({ rows }: { rows: Array<[MessageKey, ReactNode]> }) {
  const { t } = useI18n();
  return (
    <>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd>{value || t("common.none")}</dd>
        </div>
      ))}
    </>
  );
}
