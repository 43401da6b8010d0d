import { Link } from "@remix-run/react";
import { CONFIRM_DUPLICATES } from "../db/duplicate-keys.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { useI18n } from "./i18n.tsx";

export type DuplicateListItem = { id: number; name: string; archived: boolean; reasons: string[] };

/**
 * The records a form's values likely duplicate, each a link to open it. The form's «Save anyway»
 * button (SaveAnywayButton) sends the same values again with the confirmation.
 */
export function DuplicateList({ items, basePath }: { items: DuplicateListItem[]; basePath: "/organizations" | "/people" }) {
  const { t } = useI18n();
  if (!items.length) return null;
  return (
    <section className="notice duplicate-list" role="alert" aria-labelledby="duplicate-list-title">
      <h2 id="duplicate-list-title">{t("duplicates.formTitle")}</h2>
      <p>{t("duplicates.formIntro")}</p>
      <ul>
        {items.map((d) => (
          <li key={d.id}>
            <Link to={`${basePath}/${d.id}`}>{d.name}</Link> ({t("duplicates.reasons")}:{" "}
            {d.reasons.map((r) => t(`duplicates.reason.${r}` as MessageKey)).join(", ")}){d.archived ? ` · ${t("duplicates.archived")}` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}


export function SaveAnywayButton() {
  const { t } = useI18n();
  return (
    <button type="submit" name={CONFIRM_DUPLICATES} value="1">
      {t("duplicates.saveAnyway")}
    </button>
  );
}
