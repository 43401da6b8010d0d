import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { PartnershipForm } from "#app/components/PartnershipForm.tsx";
import { partnershipInput } from "#app/domain/partnership.ts";
import { parseForm } from "#app/lib/forms.ts";
import { invalidForm, newFormKey, redirectWithFlash, writeContext } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { OWNER_ROLES, userChoices } from "#app/models/link-choices.server.ts";
import { createPartnership, partnershipReferenceErrors, requirePartnershipRead } from "#app/models/partnerships.server.ts";
import { optionalId } from "#app/domain/fields.ts";
import { checkReferences } from "#app/models/link-choices.server.ts";
import { organizationById } from "#app/models/organization-lookup.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePartnershipRead(user);
  requireRecordWrite(user);
  // Started from an organization's page: that organization becomes the first member.
  const fromOrganization = optionalId.safeParse(new URL(request.url).searchParams.get("organizationId") ?? undefined);
  const organizationId = fromOrganization.success ? fromOrganization.data : null;
  const member = organizationById(organizationId, { includeArchived: true });
  const memberOrganization = member ? { id: member.id, label: member.name } : null;
  return json({ formKey: newFormKey(), owners: userChoices(OWNER_ROLES), defaultOwnerId: user.id, memberOrganization });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePartnershipRead(user);
  requireRecordWrite(user);
  const formData = await readForm(request);
  const form = parseForm(partnershipInput, formData);
  if (!form.ok) return invalidForm(form.errors, form.values);
  const firstMember = optionalId.safeParse(formData.get("memberOrganizationId") ?? undefined);
  const memberId = firstMember.success ? firstMember.data : null;
  const refErrors = { ...partnershipReferenceErrors(form.data), ...checkReferences([["_form", "organization", memberId]]) };
  if (Object.keys(refErrors).length) return invalidForm(refErrors, form.values);
  const id = createPartnership(user, form.data, writeContext(context, formData), memberId ? { organizationId: memberId, role: "partner" } : undefined);
  return redirectWithFlash(`/partnerships/${id}`, "common.created.toast");
}

export default function NewPartnership() {
  const { owners, defaultOwnerId, memberOrganization } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t("partnerships.new")}</h1>
      <PartnershipForm
        cancelTo="/partnerships"
        owners={owners}
        memberOrganization={memberOrganization}
        defaults={{ ownerId: owners.some((o) => o.id === defaultOwnerId) ? defaultOwnerId : null }}
        values={actionData?.values}
        errors={actionData?.errors}
      />
    </section>
  );
}
