import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { FormErrorSummary, SelectField, TextField, type FieldLabels } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { RecordPicker } from "#app/components/RecordPicker.tsx";
import { SaveForm } from "#app/components/SaveForm.tsx";
import { roles } from "#app/domain/enums.ts";
import { idParam } from "#app/domain/fields.ts";
import { newUserInput, passwordResetInput, userRoleInput } from "#app/domain/user.ts";
import { parseForm } from "#app/lib/forms.ts";
import { invalidForm, newFormKey, redirectWithFlash, writeContext } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { pickerChoices } from "#app/models/link-choices.server.ts";
import { createUser, listUsers, resetPassword, setUserActive, setUserRole } from "#app/models/users.server.ts";

const INTENT = { create: "create", role: "role", deactivate: "deactivate", activate: "activate", password: "password" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "manageUsers");
  const users = listUsers(user);
  // The first organizations by name plus those partner users belong to; the picker searches the rest.
  const organizations = pickerChoices("organizations", users.map((u) => u.organizationId));
  return json({ formKey: newFormKey(), users, organizations, selfId: user.id });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireUser(request);
  requireCapability(admin, "manageUsers");
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const ctx = writeContext(context, formData);

  if (intent === INTENT.create) {
    const form = parseForm(newUserInput, formData);
    if (!form.ok) return invalidForm(form.errors, { ...form.values, password: "" }, { intent });
    const result = await createUser(admin, form.data, ctx);
    if (!result.ok) return invalidForm(result.errors, { ...form.values, password: "" }, { intent });
    return redirectWithFlash("/admin/users", "admin.users.created");
  }

  const target = idParam.safeParse(formData.get("userId"));
  if (!target.success) return invalidForm({ _form: ["invalid"] }, {}, { intent });
  const userId = target.data;

  if (intent === INTENT.role) {
    const form = parseForm(userRoleInput, formData);
    if (!form.ok) return invalidForm(form.errors, form.values, { intent, userId });
    const result = setUserRole(admin, userId, form.data.role, form.data.organizationId, ctx);
    if (!result.ok) return invalidForm({ _form: [result.error] }, form.values, { intent, userId });
  } else if (intent === INTENT.deactivate || intent === INTENT.activate) {
    const result = setUserActive(admin, userId, intent === INTENT.activate, ctx);
    if (!result.ok) return invalidForm({ _form: [result.error] }, {}, { intent, userId });
  } else if (intent === INTENT.password) {
    const form = parseForm(passwordResetInput, formData);
    if (!form.ok) return invalidForm(form.errors, {}, { intent, userId });
    await resetPassword(admin, userId, form.data.password, ctx);
  } else {
    return invalidForm({ _form: ["invalid"] }, {}, { intent });
  }
  return redirectWithFlash("/admin/users", "admin.users.updated");
}

export default function AdminUsers() {
  const { users, organizations, selfId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const roleOptions = roles.map((r) => ({ value: r, label: t(`role.${r}`) }));
  const createErrors = actionData?.intent === INTENT.create ? actionData : undefined;
  const rowErrors = (id: number) =>
    actionData && "userId" in actionData && actionData.userId === id ? actionData.errors : undefined;
  const rowLabels = (id: number): FieldLabels => ({
    role: { label: "admin.users.role", id: `user-${id}-role` },
    organizationId: { label: "admin.users.organization", id: `user-${id}-organizationId` },
    password: { label: "admin.users.newPassword", id: `user-${id}-password` },
  });
  return (
    <section>
      <h1>{t("admin.users.title")}</h1>
      <table className="users-table">
        <thead>
          <tr>
            <th scope="col">{t("admin.users.name")}</th>
            <th scope="col">{t("admin.users.email")}</th>
            <th scope="col">{t("admin.users.role")}</th>
            <th scope="col">{t("common.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={u.active ? undefined : "inactive"}>
              <td>
                {u.name}
                {u.active ? null : <span className="badge">{t("admin.users.inactive")}</span>}
              </td>
              <td>{u.email}</td>
              <td>
                {t(`role.${u.role}`)}
                {u.organizationName ? ` · ${u.organizationName}` : null}
              </td>
              <td>
                {u.id === selfId ? null : (
                  <details>
                    <summary>{t("common.edit")}</summary>
                    <FormErrorSummary errors={rowErrors(u.id)} labels={rowLabels(u.id)} />
                    {/* SaveForm: emptied after a save, so a typed password does not stay on the page. */}
                    <SaveForm className="stack">
                      <input type="hidden" name="userId" value={u.id} />
                      <SelectField id={`user-${u.id}-role`} name="role" label="admin.users.role" defaultValue={u.role} choices={roleOptions} errors={rowErrors(u.id)} />
                      <RecordPicker kind="organizations" id={`user-${u.id}-organizationId`} name="organizationId" label="admin.users.organization" defaultValue={u.organizationId} emptyLabel={t("common.none")} choices={organizations} errors={rowErrors(u.id)} />
                      <button type="submit" name="intent" value={INTENT.role}>{t("admin.users.saveRole")}</button>
                    </SaveForm>
                    <SaveForm className="stack">
                      <input type="hidden" name="userId" value={u.id} />
                      <TextField id={`user-${u.id}-password`} name="password" label="admin.users.newPassword" type="password" autoComplete="new-password" errors={rowErrors(u.id)} />
                      <button type="submit" name="intent" value={INTENT.password}>{t("admin.users.resetPassword")}</button>
                    </SaveForm>
                    <Form method="post">
                      <input type="hidden" name="userId" value={u.id} />
                      <button type="submit" name="intent" value={u.active ? INTENT.deactivate : INTENT.activate}>
                        {u.active ? t("admin.users.deactivate") : t("admin.users.activate")}
                      </button>
                    </Form>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t("admin.users.new")}</h2>
      {/* Emptied after a save (SaveForm): nothing of the new user, least of all the password, stays to be sent again. */}
      <SaveForm className="stack record-form" errors={createErrors?.errors}>
        <TextField name="name" label="admin.users.name" required values={createErrors?.values} errors={createErrors?.errors} />
        <TextField name="email" label="admin.users.email" type="email" required values={createErrors?.values} errors={createErrors?.errors} />
        <SelectField name="role" label="admin.users.role" required choices={roleOptions} defaultValue="coordinator" values={createErrors?.values} errors={createErrors?.errors} />
        <RecordPicker kind="organizations" name="organizationId" label="admin.users.organization" emptyLabel={t("common.none")} choices={organizations} values={createErrors?.values} errors={createErrors?.errors} />
        <TextField name="password" label="admin.users.password" type="password" autoComplete="new-password" required errors={createErrors?.errors} />
        <button type="submit" name="intent" value={INTENT.create} className="primary">{t("admin.users.new")}</button>
      </SaveForm>
    </section>
  );
}
