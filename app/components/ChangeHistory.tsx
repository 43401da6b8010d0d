import type { MessageKey } from "../i18n/i18n.ts";
import { useI18n } from "./i18n.tsx";

export type HistoryEntry = { id: number; at: string; action: string; changes: string | null; userName: string | null };

/** A record's audit entries: when, who, what was done and which fields changed. */
export function ChangeHistory({ title, entries }: { title: MessageKey; entries: HistoryEntry[] }) {
  const { t, dateTime } = useI18n();
  if (!entries.length) return null;
  return (
    <section className="record-section">
      <h2>{t(title)}</h2>
      <ul className="history">
        {entries.map((h) => (
          <li key={h.id}>
            {dateTime(h.at)} · {h.userName ?? t("common.none")} · {t(`audit.action.${h.action}` as MessageKey)}
            {h.changes ? <span className="changes"> ({Object.keys(JSON.parse(h.changes)).join(", ")})</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
