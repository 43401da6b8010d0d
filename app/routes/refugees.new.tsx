import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { RefugeeContactForm } from "#app/components/RefugeeContactForm.tsx";
import { refugeeContactInput } from "#app/domain/refugee.ts";
import { parseForm } from "#app/lib/forms.ts";
import { invalidForm, newFormKey, redirectWithFlash, writeContext } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { createRefugeeContact } from "#app/models/refugees.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "writeRefugeeContacts");
  return json({ formKey: newFormKey() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "writeRefugeeContacts");
  const formData = await readForm(request);
  const form = parseForm(refugeeContactInput, formData);
  if (!form.ok) return invalidForm(form.errors, form.values);
  const id = createRefugeeContact(user, form.data, writeContext(context, formData));
  return redirectWithFlash(`/refugees/${id}`, "common.created.toast");
}

export default function NewRefugeeContact() {
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t("refugees.new")}</h1>
      <p className="notice">{t("refugees.gdprNotice")}</p>
      <RefugeeContactForm cancelTo="/refugees" values={actionData?.values} errors={actionData?.errors} />
    </section>
  );
}
