import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { can, canReadOrganization, requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { ChangeHistory } from "#app/components/ChangeHistory.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { DetailRows, IntentButton, RecordHeading } from "#app/components/RecordPage.tsx";
import { OrganizationCommitments } from "#app/components/OrganizationCommitments.tsx";
import { FollowUpsSection } from "#app/components/FollowUpsSection.tsx";
import { OrganizationPartnerships } from "#app/components/OrganizationPartnerships.tsx";
import { InteractionTimeline } from "#app/components/InteractionTimeline.tsx";
import { OrganizationEventsSection } from "#app/components/OrganizationEventsSection.tsx";
import { OrganizationPeopleSection } from "#app/components/OrganizationPeopleSection.tsx";
import { versionField } from "#app/domain/fields.ts";
import { enumLabel, type MessageKey } from "#app/i18n/i18n.ts";
import { clientIp, parseIdParam, redirectWithFlash } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { changeHistoryOf } from "#app/models/audit-view.server.ts";
import { commitmentsOfOrganization } from "#app/models/commitments.server.ts";
import { followUpsOfOrganization } from "#app/models/follow-ups.server.ts";
import { partnershipsOfOrganization } from "#app/models/partnerships.server.ts";
import { mergedInto } from "#app/models/merge.server.ts";
import { getOrganization, setOrganizationArchived } from "#app/models/organizations.server.ts";
import { organizationContactSections } from "#app/models/organization-contacts.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.organization.name} · BCRM Partners` : "BCRM Partners" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // A merged organization's old URL opens the one it was merged into (for those who may read it).
  const survivor = mergedInto("organization", parseIdParam(params.id));
  if (survivor !== null && canReadOrganization(user, survivor)) throw redirect(`/organizations/${survivor}`);
  const organization = getOrganization(user, parseIdParam(params.id));
  const canEdit = can(user, "writeRecords");
  const { id, name, nameLatin, kind, oblast, municipality, address, website, email, phone, description, tags, archived, createdAt, updatedAt } = organization;
  return json({
    // What the page shows: sort and search keys, creator and import ids stay on the server (a
    // partner opens their own organization here too).
    organization: { id, name, nameLatin, kind, oblast, municipality, address, website, email, phone, description, tags, archived, createdAt, updatedAt },
    canEdit,
    /** The archive button's optimistic-lock version, for those who may press it. */
    archive: canEdit ? { version: organization.version } : null,
    // The change history is staff information; a partner sees their card only.
    history: changeHistoryOf(user, "organization", organization.id),
    contacts: organizationContactSections(user, organization.id),
    // Partnerships, commitments and follow-ups are staff records (a partner sees theirs on /shared).
    records: can(user, "readRecords")
      ? {
          partnerships: partnershipsOfOrganization(user, organization.id),
          commitments: commitmentsOfOrganization(user, organization.id),
          followUps: followUpsOfOrganization(user, organization.id),
        }
      : null,
  });
}

const INTENT = { archive: "archive", unarchive: "unarchive" } as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  getOrganization(user, id); // 404 before anything else if out of reach
  requireRecordWrite(user);
  const form = await readForm(request);
  const intent = form.get("intent");
  const version = versionField.safeParse(form.get("version"));
  if ((intent !== INTENT.archive && intent !== INTENT.unarchive) || !version.success) {
    return json({ error: "errors.invalid" as MessageKey }, { status: 400 });
  }
  const archived = intent === INTENT.archive;
  const result = setOrganizationArchived(user, id, version.data, archived, { ip: clientIp(context) });
  if (!result.ok) return json({ error: "errors.staleVersion" as MessageKey }, { status: 409 });
  return redirectWithFlash(`/organizations/${id}`, archived ? "org.archivedToast" : "org.unarchivedToast");
}

export default function OrganizationDetail() {
  const { organization: o, canEdit, archive, history, contacts, records } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date, dateTime } = useI18n();
  const rows: Array<[MessageKey, string | null]> = [
    ["org.nameLatin", o.nameLatin],
    ["org.kind", enumLabel(t, "organizationKind", o.kind)],
    ["org.oblast", o.oblast ? enumLabel(t, "oblast", o.oblast) : null],
    ["org.municipality", o.municipality],
    ["org.address", o.address],
    ["org.email", o.email],
    ["org.phone", o.phone],
    ["org.tags", o.tags.join(", ") || null],
    ["common.created", date(o.createdAt)],
    ["common.updated", dateTime(o.updatedAt)],
  ];
  return (
    <article>
      <RecordHeading title={o.name} editTo={canEdit ? `/organizations/${o.id}/edit` : null}>
        {archive ? (
          <IntentButton
            intent={o.archived ? INTENT.unarchive : INTENT.archive}
            label={o.archived ? t("org.unarchive") : t("org.archive")}
            version={archive.version}
          />
        ) : null}
      </RecordHeading>
      {actionData?.error ? <p role="alert" className="form-error">{t(actionData.error)}</p> : null}
      {o.archived ? <p className="notice">{t("org.archivedNotice")}</p> : null}
      <h2>{t("org.details")}</h2>
      <dl className="details">
        <DetailRows rows={rows} />
        <div>
          <dt>{t("org.website")}</dt>
          <dd>{o.website ? <a href={o.website} rel="noopener noreferrer nofollow" target="_blank">{o.website}</a> : t("common.none")}</dd>
        </div>
      </dl>
      {o.description ? (
        <>
          <h2>{t("org.description")}</h2>
          <p className="prewrap">{o.description}</p>
        </>
      ) : null}
      {contacts ? <OrganizationPeopleSection organizationId={o.id} people={contacts.people} canEdit={canEdit} /> : null}
      {contacts ? (
        <InteractionTimeline items={contacts.interactions} context="organization" canEdit={canEdit} addHref={`/interactions/new?organizationId=${o.id}`} />
      ) : null}
      {contacts ? <OrganizationEventsSection organizationId={o.id} events={contacts.events} canEdit={canEdit} /> : null}
      {records ? <OrganizationPartnerships organizationId={o.id} rows={records.partnerships} canAdd={canEdit} /> : null}
      {records ? <OrganizationCommitments organizationId={o.id} rows={records.commitments} canAdd={canEdit} /> : null}
      {records ? (
        <FollowUpsSection
          title="followUps.orgSection.title"
          rows={records.followUps}
          empty="followUps.orgSection.empty"
          add={canEdit ? { to: `/follow-ups/new?organizationId=${o.id}`, label: "followUps.orgSection.add" } : null}
          all={{ to: `/follow-ups?organization=${o.id}`, label: "followUps.orgSection.all" }}
        />
      ) : null}
      <ChangeHistory title="org.history" entries={history} />
    </article>
  );
}
