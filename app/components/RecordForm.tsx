import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { FieldErrors } from "../lib/forms.ts";
import { useI18n } from "./i18n.tsx";
import { SaveForm } from "./SaveForm.tsx";

/**
 * The frame of every record's create/edit form: the error summary, the version it was read at
 * (optimistic locking), the fields, then Save and Cancel (SaveForm: one record per form sent).
 */
export function RecordForm({
  errors,
  notice,
  version,
  cancelTo,
  extraActions,
  children,
}: {
  errors?: FieldErrors;
  notice?: "errors.staleVersion";
  version?: number;
  cancelTo: string;
  /** Buttons after Save (e.g. «Save anyway» when likely duplicates are listed); Save stays the form's default. */
  extraActions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <SaveForm className="stack record-form" errors={errors} notice={notice}>
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {children}
      <div className="form-actions">
        <button type="submit" className="primary">{t("common.save")}</button>
        {extraActions}
        <Link to={cancelTo}>{t("common.cancel")}</Link>
      </div>
    </SaveForm>
  );
}
