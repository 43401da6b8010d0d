import { useSearchParams } from "@remix-run/react";
import { exportFormats, exportHref, type AnyExportKind } from "../domain/exports.ts";
import { useI18n } from "./i18n.tsx";

/**
 * The Export button of a list page: links to the CSV and XLSX of exactly the current view
 * (the page's own URL parameters: search, filters, sort). Render it only when the loader says
 * the user may export.
 */
export function ExportLinks({ kind }: { kind: AnyExportKind }) {
  const [search] = useSearchParams();
  const { t } = useI18n();
  return (
    <span className="export-links" role="group" aria-label={t("exports.button")}>
      <span className="export-links-label">{t("exports.button")}:</span>
      {exportFormats.map((format) => (
        <a
          key={format}
          href={exportHref(kind, format, search)}
          className="button"
          download
          aria-label={t("exports.buttonLabel", { format: format.toUpperCase() })}
        >
          {format.toUpperCase()}
        </a>
      ))}
    </span>
  );
}
