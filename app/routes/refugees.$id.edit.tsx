import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { RefugeeContactForm } from "#app/components/RefugeeContactForm.tsx";
import { refugeeContactInput } from "#app/domain/refugee.ts";
import { clientIp, newFormKey, parseIdParam, redirectWithFlash } from "#app/server/http.server.ts";
import { editAction } from "#app/server/edit-action.server.ts";
import { findRefugeeContact, updateRefugeeContact, viewRefugeeContact } from "#app/models/refugees.server.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  const stored = findRefugeeContact(user, id);
  requireCapability(user, "writeRefugeeContacts");
  if (stored.erasedAt) throw await redirectWithFlash(`/refugees/${id}`, "refugees.cannotEditErased");
  // The edit form shows the personal data too: it is a view like the detail page.
  const { contact } = viewRefugeeContact(user, id, { ip: clientIp(context) });
  return json({ formKey: newFormKey(), contact });
}

export const action = (args: ActionFunctionArgs) =>
  editAction(args, {
    find: findRefugeeContact,
    capability: "writeRefugeeContacts",
    schema: refugeeContactInput,
    save: ({ user, id, version, data }, ctx) => updateRefugeeContact(user, id, version, data, ctx),
    // Erased meanwhile: nothing to edit any more.
    refused: (_erased, values) => json({ errors: { _form: ["invalid"] }, values, erased: true as const }, { status: 409 }),
    redirectTo: ({ id }) => `/refugees/${id}`,
  });

export default function EditRefugeeContact() {
  const { contact } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const stale = actionData && "stale" in actionData ? actionData.stale : undefined;
  const erased = actionData && "erased" in actionData;
  return (
    <section>
      <h1>{t("refugees.editTitle", { name: contact.name })}</h1>
      {erased ? <p role="alert" className="form-error">{t("refugees.cannotEditErased")}</p> : null}
      {stale ? (
        <dl className="details stale-values" aria-label={t("errors.staleVersion")}>
          <div><dt>{t("refugees.name")}</dt><dd>{stale.name}</dd></div>
          <div><dt>{t("refugees.languages")}</dt><dd>{stale.languages ?? t("common.none")}</dd></div>
          <div><dt>{t("refugees.contactValue")}</dt><dd>{stale.contactValue ?? t("common.none")}</dd></div>
          <div><dt>{t("refugees.notes")}</dt><dd>{stale.notes ?? t("common.none")}</dd></div>
        </dl>
      ) : null}
      <RefugeeContactForm
        key={stale?.version ?? contact.version}
        defaults={contact}
        values={actionData?.values}
        errors={erased ? undefined : actionData?.errors}
        version={stale?.version ?? contact.version}
        notice={stale ? "errors.staleVersion" : undefined}
        cancelTo={`/refugees/${contact.id}`}
      />
    </section>
  );
}
