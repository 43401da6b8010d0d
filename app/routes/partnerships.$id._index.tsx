import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can, requireCapability, requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { ErrorList } from "#app/components/Field.tsx";
import { FollowUpsSection } from "#app/components/FollowUpsSection.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { DetailRows, IntentButton, RecordHeading } from "#app/components/RecordPage.tsx";
import { RecordPicker } from "#app/components/RecordPicker.tsx";
import { ChangeHistory } from "#app/components/ChangeHistory.tsx";
import { partnershipMemberRoles } from "#app/domain/enums.ts";
import { idParam } from "#app/domain/fields.ts";
import { partnershipMemberInput } from "#app/domain/partnership.ts";
import { enumLabel, type MessageKey } from "#app/i18n/i18n.ts";
import { parseForm, valueOf, type FieldErrors, type FormValues } from "#app/lib/forms.ts";
import { clientIp, parseIdParam, redirectWithFlash } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { changeHistoryOf } from "#app/models/audit-view.server.ts";
import { commitmentsWhere } from "#app/models/commitments.server.ts";
import { followUpsOfPartnership } from "#app/models/follow-ups.server.ts";
import { pickerChoices } from "#app/models/link-choices.server.ts";
import { ORG_SECTION_LIMIT } from "#app/domain/organization-sections.ts";
import {
  addPartnershipMember,
  deletePartnership,
  getPartnership,
  membersOfPartnership,
  removePartnershipMember,
} from "#app/models/partnerships.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.partnership.title} · BCRM Partners` : "BCRM Partners" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const partnership = getPartnership(user, parseIdParam(params.id));
  const canEdit = can(user, "writeRecords");
  return json({
    partnership,
    members: membersOfPartnership(user, partnership.id),
    commitments: commitmentsWhere(user, { partnershipId: partnership.id }),
    followUps: followUpsOfPartnership(user, partnership.id),
    organizations: canEdit ? pickerChoices("organizations") : [],
    history: changeHistoryOf(user, "partnership", partnership.id),
    canEdit,
    canDelete: can(user, "hardDelete"),
  });
}

const INTENT = { addMember: "addMember", removeMember: "removeMember", delete: "delete" } as const;

type ActionData = { intent?: string; error?: MessageKey; errors?: FieldErrors; values?: FormValues };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  getPartnership(user, id); // 404 before anything else if out of reach
  const form = await readForm(request);
  const intent = form.get("intent");
  const ctx = { ip: clientIp(context) };
  if (intent === INTENT.delete) {
    requireCapability(user, "hardDelete");
    const result = deletePartnership(user, id, ctx);
    if (!result.ok) return json<ActionData>({ intent, error: "partnerships.deleteReferenced" }, { status: 409 });
    return redirectWithFlash("/partnerships", "partnerships.deleted");
  }
  requireRecordWrite(user);
  if (intent === INTENT.addMember) {
    const parsed = parseForm(partnershipMemberInput, form);
    if (!parsed.ok) return json<ActionData>({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    const result = addPartnershipMember(user, id, parsed.data, ctx);
    if (!result.ok) return json<ActionData>({ intent, errors: result.errors, values: parsed.values }, { status: 400 });
    return redirectWithFlash(`/partnerships/${id}`, "partnerships.member.added");
  }
  if (intent === INTENT.removeMember) {
    const memberId = idParam.safeParse(form.get("memberId"));
    if (!memberId.success || !removePartnershipMember(user, id, memberId.data, ctx)) {
      return json<ActionData>({ intent, error: "errors.invalid" }, { status: 400 });
    }
    return redirectWithFlash(`/partnerships/${id}`, "partnerships.member.removed");
  }
  return json<ActionData>({ error: "errors.invalid" }, { status: 400 });
}

export default function PartnershipDetail() {
  const { partnership: p, members, commitments, followUps, organizations, history, canEdit, canDelete } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, date, dateTime } = useI18n();
  const memberErrors = actionData?.intent === INTENT.addMember ? actionData.errors : undefined;
  const rows: Array<[MessageKey, string | null]> = [
    ["partnerships.field.kind", enumLabel(t, "partnershipKind", p.kind)],
    ["partnerships.field.status", enumLabel(t, "partnershipStatus", p.status)],
    ["partnerships.field.project", p.project],
    ["partnerships.field.startsOn", date(p.startsOn)],
    ["partnerships.field.endsOn", date(p.endsOn)],
    ["partnerships.field.owner", p.ownerName],
    ["common.updated", dateTime(p.updatedAt)],
  ];
  return (
    <article>
      <RecordHeading title={p.title} editTo={canEdit ? `/partnerships/${p.id}/edit` : null}>
        {canDelete ? <IntentButton intent={INTENT.delete} label={t("partnerships.delete")} /> : null}
      </RecordHeading>
      {actionData?.error ? <p role="alert" className="form-error">{t(actionData.error)}</p> : null}
      <h2>{t("partnerships.details")}</h2>
      <dl className="details">
        <DetailRows rows={rows} />
      </dl>
      {p.description ? <p className="prewrap">{p.description}</p> : null}

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t("partnerships.members")}</h2>
        {members.length ? (
          <ul className="members">
            {members.map((m) => (
              <li key={m.id}>
                <Link to={`/organizations/${m.organizationId}`}>{m.organizationName}</Link> · {enumLabel(t, "partnershipMemberRole", m.role)}
                {canEdit ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="memberId" value={m.id} />
                    <button type="submit" name="intent" value={INTENT.removeMember} aria-label={`${t("partnerships.member.remove")}: ${m.organizationName}`}>
                      {t("partnerships.member.remove")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("partnerships.noMembers")}</p>
        )}
        {canEdit ? (
          <Form method="post" className="filters" noValidate>
            <RecordPicker
              kind="organizations"
              id="member-organization"
              name="organizationId"
              label="partnerships.member.organization"
              choices={organizations}
              values={memberErrors ? actionData?.values : undefined}
              errors={memberErrors}
              emptyLabel=""
              plainLabel
            />
            <label htmlFor="member-role">
              {t("partnerships.member.role")}
              <select id="member-role" name="role" defaultValue={valueOf(memberErrors ? actionData?.values : undefined, "role") ?? "partner"}>
                {partnershipMemberRoles.map((r) => (
                  <option key={r} value={r}>{enumLabel(t, "partnershipMemberRole", r)}</option>
                ))}
              </select>
              <ErrorList id="member-role-errors" errors={memberErrors?.role} />
            </label>
            <button type="submit" name="intent" value={INTENT.addMember}>{t("partnerships.member.add")}</button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="commitments-heading">
        <div className="page-head">
          <h2 id="commitments-heading">{t("partnerships.commitments")}</h2>
          {canEdit ? <Link to={`/commitments/new?partnershipId=${p.id}`}>{t("partnerships.addCommitment")}</Link> : null}
        </div>
        {commitments.length ? (
          <ul>
            {commitments.slice(0, ORG_SECTION_LIMIT).map((c) => (
              <li key={c.id}>
                <Link to={`/commitments/${c.id}`}>{c.title}</Link> · {c.leadName} · {enumLabel(t, "commitmentStatus", c.status)}
                {!c.statusVerified ? <span className="badge">{t("commitments.selfReported")}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("partnerships.empty")}</p>
        )}
        {commitments.length > ORG_SECTION_LIMIT ? (
          <p>
            <Link to={`/commitments?partnership=${p.id}`}>{t("commitments.orgSection.all", { count: ORG_SECTION_LIMIT })}</Link>
          </p>
        ) : null}
      </section>

      <FollowUpsSection
        title="partnerships.followUps"
        rows={followUps}
        empty="partnerships.empty"
        add={canEdit ? { to: `/follow-ups/new?partnershipId=${p.id}`, label: "partnerships.addFollowUp" } : null}
      />
      <ChangeHistory entries={history} title="partnerships.history" />
    </article>
  );
}
