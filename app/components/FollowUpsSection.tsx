import { Link } from "@remix-run/react";
import { enumLabel, type MessageKey } from "../i18n/i18n.ts";
import { ORG_SECTION_LIMIT } from "../domain/organization-sections.ts";
import { useI18n } from "./i18n.tsx";

export type FollowUpRow = { id: number; title: string; dueOn: string; status: string; assigneeName?: string | null };
type PageLink = { to: string; label: MessageKey };

/**
 * A record page's follow-ups (of an organization, a commitment, a partnership): each with its due
 * date and status, a link to add one, and, past the limit, a link to the filtered list.
 */
export function FollowUpsSection({ title, rows, empty, add, all }: { title: MessageKey; rows: FollowUpRow[]; empty: MessageKey; add: PageLink | null; all?: PageLink }) {
  const { t, date } = useI18n();
  const shown = all ? rows.slice(0, ORG_SECTION_LIMIT) : rows;
  return (
    <section aria-labelledby="followups-heading" className="record-section">
      <div className="page-head">
        <h2 id="followups-heading">{t(title)}</h2>
        {add ? <Link to={add.to}>{t(add.label)}</Link> : null}
      </div>
      {shown.length ? (
        <ul>
          {shown.map((f) => (
            <li key={f.id}>
              <Link to={`/follow-ups/${f.id}`}>{f.title}</Link> · {date(f.dueOn)} · {enumLabel(t, "followUpStatus", f.status)}
              {f.assigneeName ? ` · ${f.assigneeName}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t(empty)}</p>
      )}
      {all && rows.length > shown.length ? (
        <p>
          <Link to={all.to}>{t(all.label, { count: ORG_SECTION_LIMIT })}</Link>
        </p>
      ) : null}
    </section>
  );
}
