import { Form, useLoaderData, type FormProps } from "@remix-run/react";
import type { ReactNode } from "react";
import { SUBMISSION_KEY, type FieldErrors } from "../lib/forms.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { fieldLabelsOf, FormErrorSummary, type FieldLabels } from "./Field.tsx";

/**
 * The page's form key (a loader's `formKey`, made by newFormKey in server/http.server.ts). Each load
 * of the page makes a new one, so after a successful save — which reloads the page's data —
 * the key changes.
 */
export function useFormKey(): string | undefined {
  const data = useLoaderData() as { formKey?: unknown } | null;
  return typeof data?.formKey === "string" ? data.formKey : undefined;
}

/**
 * A POST form that saves something: the error summary first, then the fields.
 * - It carries the page's form key, so the same form sent twice (a double click, a resend)
 *   makes one record (models/record-write.server.ts).
 * - It is rebuilt, empty, when the key changes: after a save that returns to the same page
 *   (a report, a consent, a new user) nothing of what was sent stays in it to be sent again.
 *   After a refused save the key stays, and so does what the user typed.
 * - Validation is the server's, so no browser checks (noValidate) get in the way of its messages.
 */
export function SaveForm({
  errors,
  notice,
  labels,
  children,
  ...formProps
}: Omit<FormProps, "method" | "children"> & {
  errors?: FieldErrors;
  notice?: MessageKey;
  /** Labels of fields the summary cannot find among the children (see fieldLabelsOf). */
  labels?: FieldLabels;
  children: ReactNode;
}) {
  const formKey = useFormKey();
  return (
    <Form key={formKey} method="post" noValidate {...formProps}>
      <FormErrorSummary errors={errors} message={notice} labels={{ ...fieldLabelsOf(children), ...labels }} />
      {formKey ? <input type="hidden" name={SUBMISSION_KEY} value={formKey} /> : null}
      {children}
    </Form>
  );
}
