import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { DateField, FormErrorSummary, SelectField, TextArea, TextField } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { ManifestoSubNav } from "#app/components/Manifesto.tsx";
import { idChoices } from "#app/components/PartnershipForm.tsx";
import { RecordPicker } from "#app/components/RecordPicker.tsx";
import { niemDimensions, oblasts } from "#app/domain/enums.ts";
import { idParam } from "#app/domain/fields.ts";
import { manifestoProposalChannels, manifestoProposalKinds, manifestoProposerTypes, staffProposalInput } from "#app/domain/manifesto.ts";
import { enumLabel } from "#app/i18n/i18n.ts";
import { todayIso } from "#app/lib/calendar-day.ts";
import { parseForm } from "#app/lib/forms.ts";
import { clientIp, invalidForm, redirectWithFlash } from "#app/server/http.server.ts";
import { eventChoices, pickerChoices } from "#app/models/link-choices.server.ts";
import { createStaffProposal, refugeeProposerChoices } from "#app/models/manifesto-proposals.server.ts";
import { dimensionsOf, getVersion, listVersions } from "#app/models/manifesto.server.ts";
import { readForm } from "#app/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "writeManifesto");
  const wanted = idParam.safeParse(new URL(request.url).searchParams.get("section") ?? "");
  const sections = listVersions(user).flatMap((v) =>
    getVersion(user, v.id).sections.map((s) => ({ id: s.id, label: `v${v.number} · ${s.position}. ${s.titleBg}`, dimension: dimensionsOf(s)[0] ?? null })),
  );
  return json({
    sections,
    sectionId: wanted.success ? wanted.data : (sections[0]?.id ?? null),
    organizations: pickerChoices("organizations"),
    refugees: refugeeProposerChoices(user),
    events: eventChoices(),
    today: todayIso(),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "writeManifesto");
  const form = parseForm(staffProposalInput, await readForm(request));
  if (!form.ok) return invalidForm(form.errors, form.values);
  const result = createStaffProposal(user, form.data, { ip: clientIp(context) });
  if (!result.ok) return invalidForm(result.errors, form.values);
  return redirectWithFlash(`/manifesto/proposals/${result.id}`, "manifesto.proposal.created");
}

export default function NewManifestoProposal() {
  const { sections, sectionId, organizations, refugees, events, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const common = { values: actionData?.values, errors: actionData?.errors };
  const none = t("common.none");
  const defaultDimension = sections.find((s) => s.id === sectionId)?.dimension ?? null;
  return (
    <section>
      <h1>{t("manifesto.proposals.new")}</h1>
      <ManifestoSubNav />
      <Form method="post" className="stack">
        <FormErrorSummary errors={actionData?.errors} />
        <SelectField name="sectionId" label="manifesto.section.title" required defaultValue={sectionId} choices={idChoices(sections)} {...common} />
        <SelectField
          name="proposerType"
          label="manifesto.proposal.proposerType"
          required
          defaultValue="organization"
          choices={manifestoProposerTypes.map((p) => ({ value: p, label: enumLabel(t, "manifestoProposerType", p) }))}
          {...common}
        />
        <RecordPicker kind="organizations" name="organizationId" label="manifesto.proposal.organization" choices={organizations} emptyLabel={none} {...common} />
        <fieldset className="stack">
          <legend>{enumLabel(t, "manifestoProposerType", "refugee")}</legend>
          <SelectField name="refugeeContactId" label="manifesto.proposal.refugeeContact" hint="manifesto.proposal.refugeeContactHint" emptyLabel={none} choices={idChoices(refugees)} {...common} />
          <TextField name="communityName" label="manifesto.proposal.communityName" {...common} />
          <SelectField name="oblast" label="manifesto.proposal.oblast" emptyLabel={none} choices={oblasts.map((o) => ({ value: o, label: enumLabel(t, "oblast", o) }))} {...common} />
        </fieldset>
        <SelectField
          name="channel"
          label="manifesto.proposal.channel"
          required
          defaultValue="event"
          choices={manifestoProposalChannels.map((c) => ({ value: c, label: enumLabel(t, "manifestoProposalChannel", c) }))}
          {...common}
        />
        <SelectField name="eventId" label="manifesto.proposal.event" emptyLabel={none} choices={idChoices(events)} {...common} />
        <DateField name="madeOn" label="manifesto.proposal.madeOn" required defaultValue={today} {...common} />
        <SelectField
          name="niemDimension"
          label="manifesto.proposal.dimension"
          required
          defaultValue={defaultDimension}
          choices={niemDimensions.map((d) => ({ value: d, label: enumLabel(t, "niemDimension", d) }))}
          {...common}
        />
        <SelectField
          name="kind"
          label="manifesto.proposal.kind"
          required
          defaultValue="wording"
          choices={manifestoProposalKinds.map((k) => ({ value: k, label: enumLabel(t, "manifestoProposalKind", k) }))}
          {...common}
        />
        <TextArea name="passage" label="manifesto.proposal.passage" hint="manifesto.proposal.passageHint" rows={3} {...common} />
        <TextArea name="proposedText" label="manifesto.proposal.proposedText" required rows={6} {...common} />
        <TextArea name="rationale" label="manifesto.proposal.rationale" rows={4} {...common} />
        <div className="form-actions">
          <button type="submit" className="primary">{t("common.save")}</button>
        </div>
      </Form>
    </section>
  );
}
