import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { FieldErrors } from "../lib/forms.ts";
import { FormErrorSummary } from "./Field.tsx";
import { useI18n } from "./i18n.tsx";

/**
 * The frame of every record's create/edit form: the error summary, the version it was read at
 * (optimistic locking), the fields, then Save and Cancel. Validation is the server's, so no
 * browser checks (noValidate) get in the way of its messages.
 */
export function RecordForm({
  errors,
  notice,
  version,
  cancelTo,
  children,
}: {
  errors?: FieldErrors;
  notice?: "errors.staleVersion";
  version?: number;
  cancelTo: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Form method="post" className="stack record-form" noValidate>
      <FormErrorSummary errors={errors} message={notice} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {children}
      <div className="form-actions">
        <button type="submit" className="primary">{t("common.save")}</button>
        <Link to={cancelTo}>{t("common.cancel")}</Link>
      </div>
    </Form>
  );
}
