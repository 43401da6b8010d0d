// An evidence file on a commitment update: the input on the partner's report and the staff
// progress update, and the link in both timelines with the file's name, type and size.
import { ErrorList } from "./Field.tsx";
import { useI18n } from "./i18n.tsx";
import { evidenceFormatOf, evidenceOpensInBrowser } from "../domain/evidence.ts";
import type { MessageKey } from "../i18n/i18n.ts";

export const EVIDENCE_ACCEPT = ".pdf,.png,.jpg,.jpeg,.webp,.gif,.docx,.xlsx,.pptx,.odt,.ods,.doc,.xls";

export function EvidenceFileField({ label, errors }: { label: MessageKey; errors?: string[] }) {
  const { t } = useI18n();
  return (
    <div className={errors ? "field field-invalid" : "field"}>
      <label htmlFor="field-evidenceFile">{t(label)}</label>
      <input
        id="field-evidenceFile"
        name="evidenceFile"
        type="file"
        accept={EVIDENCE_ACCEPT}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? "field-evidenceFile-errors field-evidenceFile-hint" : "field-evidenceFile-hint"}
      />
      <small id="field-evidenceFile-hint" className="hint">{t("portal.update.evidenceFileHint")}</small>
      <ErrorList id="field-evidenceFile-errors" errors={errors} />
    </div>
  );
}

/** The file's size as a reader says it: 850 B, 34 KB, 2.4 MB. */
function useFileSize() {
  const { t, number } = useI18n();
  return (bytes: number) => {
    if (bytes < 1024) return t("evidence.size.bytes", { size: number(bytes) });
    if (bytes < 1024 * 1024) return t("evidence.size.kb", { size: number(Math.round(bytes / 1024)) });
    return t("evidence.size.mb", { size: number(Math.round((bytes / (1024 * 1024)) * 10) / 10) });
  };
}

/** A link to the file (PDF and images open in a new tab, others download) with its name, type and size. */
export function EvidenceFileLink({ id, name, type, size }: { id: number; name: string | null; type: string | null; size: number | null }) {
  const { t } = useI18n();
  const fileSize = useFileSize();
  const inline = type ? evidenceOpensInBrowser(type) : false;
  return (
    <span className="evidence-file" data-testid="evidence-file">
      <a href={`/evidence/${id}`} {...(inline ? { target: "_blank", rel: "noopener noreferrer" } : { download: name ?? true })}>
        {t("portal.timeline.evidenceFile", { name: name ?? String(id) })}
      </a>{" "}
      <span className="hint">
        {t("evidence.fileFacts", { type: type ? evidenceFormatOf(type) : "?", size: size != null ? fileSize(size) : "?" })}
      </span>
    </span>
  );
}
