import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { can, requireCapability, requireRecordWrite, requireUser } from "#app/auth/access.server.ts";
import { ChangeHistory } from "#app/components/ChangeHistory.tsx";
import { InteractionTimeline } from "#app/components/InteractionTimeline.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { DetailRows, IntentButton, RecordHeading } from "#app/components/RecordPage.tsx";
import { versionField } from "#app/domain/fields.ts";
import { enumLabel, type MessageKey } from "#app/i18n/i18n.ts";
import { clientIp, parseIdParam, redirectWithFlash } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { changeHistoryOf } from "#app/models/audit-view.server.ts";
import { interactionTimeline } from "#app/models/interactions.server.ts";
import { mergedInto } from "#app/models/merge.server.ts";
import {
  deletePerson,
  eventsOfPerson,
  followUpsOfPerson,
  getPerson,
  organizationHistoryOf,
  setPersonArchived,
} from "#app/models/people.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.person.name} · BCRM Partners` : "BCRM Partners" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // A merged person's old URL opens the one they were merged into (for those who may read people).
  const survivor = mergedInto("person", parseIdParam(params.id));
  if (survivor !== null && can(user, "readRecords")) throw redirect(`/people/${survivor}`);
  const person = getPerson(user, parseIdParam(params.id));
  return json({
    person,
    canEdit: can(user, "writeRecords"),
    canDelete: can(user, "hardDelete"),
    interactions: interactionTimeline({ personId: person.id }),
    events: eventsOfPerson(person.id),
    followUps: followUpsOfPerson(person.id),
    organizationHistory: organizationHistoryOf(person.id),
    history: changeHistoryOf(user, "person", person.id),
  });
}

const INTENT = { archive: "archive", unarchive: "unarchive", delete: "delete" } as const;

type ActionError = { error: MessageKey; references?: Record<string, number> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  getPerson(user, id); // 404 before anything else if out of reach
  const form = await readForm(request);
  const intent = form.get("intent");
  const ctx = { ip: clientIp(context) };
  if (intent === INTENT.delete) {
    requireCapability(user, "hardDelete");
    const result = deletePerson(user, id, ctx);
    if (!result.ok) return json<ActionError>({ error: "people.deleteReferenced", references: result.references }, { status: 409 });
    return redirectWithFlash("/people", "people.deletedToast");
  }
  requireRecordWrite(user);
  const version = versionField.safeParse(form.get("version"));
  if ((intent !== INTENT.archive && intent !== INTENT.unarchive) || !version.success) {
    return json<ActionError>({ error: "errors.invalid" }, { status: 400 });
  }
  const archived = intent === INTENT.archive;
  const result = setPersonArchived(user, id, version.data, archived, ctx);
  if (!result.ok) return json<ActionError>({ error: "errors.staleVersion" }, { status: 409 });
  return redirectWithFlash(`/people/${id}`, archived ? "people.archivedToast" : "people.unarchivedToast");
}

export default function PersonDetail() {
  const { person: p, canEdit, canDelete, interactions, events, followUps, organizationHistory, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date, dateTime } = useI18n();
  const rows: Array<[MessageKey, string | null]> = [
    ["people.nameLatin", p.nameLatin],
    ["people.position", p.position],
    ["people.phone", p.phone],
    ["people.languages", p.languages],
    ["common.created", date(p.createdAt)],
    ["common.updated", dateTime(p.updatedAt)],
  ];
  const references = actionData?.references
    ? Object.entries(actionData.references)
        .filter(([, count]) => count > 0)
        .map(([kind, count]) => t(`people.ref.${kind}` as MessageKey, { count }))
        .join(", ")
    : "";
  return (
    <article>
      <RecordHeading title={p.name} editTo={canEdit ? `/people/${p.id}/edit` : null}>
        {canEdit ? (
          <IntentButton
            intent={p.archived ? INTENT.unarchive : INTENT.archive}
            label={p.archived ? t("people.unarchive") : t("people.archive")}
            version={p.version}
          />
        ) : null}
        {canDelete ? (
          <IntentButton intent={INTENT.delete} label={t("people.delete")} className="danger" title={t("people.deleteConfirm")} />
        ) : null}
      </RecordHeading>
      {actionData?.error ? <p role="alert" className="form-error">{t(actionData.error, { references })}</p> : null}
      {p.archived ? <p className="notice">{t("people.archivedNotice")}</p> : null}
      <h2>{t("people.details")}</h2>
      <dl className="details">
        <div>
          <dt>{t("people.organization")}</dt>
          <dd>{p.organizationId ? <Link to={`/organizations/${p.organizationId}`}>{p.organizationName}</Link> : t("people.noOrganization")}</dd>
        </div>
        <div>
          <dt>{t("people.email")}</dt>
          <dd>{p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : t("common.none")}</dd>
        </div>
        <DetailRows rows={rows} />
      </dl>
      {p.notes ? (
        <>
          <h2>{t("people.notes")}</h2>
          <p className="prewrap">{p.notes}</p>
        </>
      ) : null}
      {organizationHistory.length ? (
        <section className="record-section">
          <h2>{t("people.organizationHistory")}</h2>
          <ul className="history">
            {organizationHistory.map((h) => (
              <li key={h.id}>
                {dateTime(h.at)} · {h.userName ?? t("common.none")} ·{" "}
                {t("people.movedFromTo", { from: h.fromName ?? t("people.noOrganization"), to: h.toName ?? t("people.noOrganization") })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <InteractionTimeline
        items={interactions}
        context="person"
        canEdit={canEdit}
        addHref={`/interactions/new?personId=${p.id}${p.organizationId ? `&organizationId=${p.organizationId}` : ""}`}
      />
      <section className="record-section">
        <h2>{t("people.events")}</h2>
        {events.length ? (
          <ul className="record-list">
            {events.map((e) => (
              <li key={`${e.id}-${e.role}`}>
                <time dateTime={e.startsOn}>{date(e.startsOn)}</time> · <Link to={`/events/${e.id}`}>{e.title}</Link> ·{" "}
                {enumLabel(t, "participantRole", e.role)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("people.noEvents")}</p>
        )}
      </section>
      <section className="record-section">
        <h2>{t("people.followUps")}</h2>
        {followUps.length ? (
          <ul className="record-list">
            {followUps.map((f) => (
              <li key={f.id}>
                <Link to={`/follow-ups/${f.id}`}>{f.title}</Link> · {t("people.followUp.due", { date: date(f.dueOn) })} ·{" "}
                {enumLabel(t, "followUpStatus", f.status)}
                {f.assigneeName ? <> · {f.assigneeName}</> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("people.noFollowUps")}</p>
        )}
      </section>
      <ChangeHistory title="people.history" entries={history} />
    </article>
  );
}
