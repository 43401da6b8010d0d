// An audit entry's changes as a person reads them: field label, before → after, in the user's
// language. The audit log renders changes through this; the record history (ChangeHistory.tsx)
// has its own renderer, and the two should become one when that one speaks this way too.
import { describeChanges } from "../lib/audit-changes.ts";
import { useI18n } from "./i18n.tsx";

export function AuditChanges({ entityType, action, changes }: { entityType: string; action: string; changes: string | null }) {
  const { t, locale } = useI18n();
  const lines = describeChanges(t, locale, entityType, action, changes);
  if (!lines.length) return null;
  return (
    <ul className="changes">
      {lines.map((line) => (
        <li key={line.field}>
          <span className="change-label">{line.label}</span>: {line.before !== null ? <><del>{line.before}</del> → </> : null}
          <ins>{line.after}</ins>
        </li>
      ))}
    </ul>
  );
}
