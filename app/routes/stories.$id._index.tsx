import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { can, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { ChangeHistory } from "#app/components/ChangeHistory.tsx";
import { ErrorList } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { DetailRows, RecordHeading } from "#app/components/RecordPage.tsx";
import { consentProblemLabel, type ConsentRefusalView } from "#app/components/StoryForm.tsx";
import { idParam, versionField } from "#app/domain/fields.ts";
import { storyStateInput } from "#app/domain/story.ts";
import { enumLabel, type MessageKey } from "#app/i18n/i18n.ts";
import { clientIp, parseIdParam, redirectWithFlash } from "#app/server/http.server.ts";
import { checkEvidenceFile, readEvidenceForm } from "#app/models/evidence.server.ts";
import { addStoryFile, getStory, getStoryDetail, moveStory, removeStoryFile } from "#app/models/stories.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.story.title} · BCRM Partners` : "BCRM Partners" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const detail = getStoryDetail(user, parseIdParam(params.id), { ip: clientIp(context) });
  return json({ ...detail, canWrite: can(user, "writeStories") });
}

const INTENT = { move: "move", addFile: "addFile", removeFile: "removeFile" } as const;

type ActionData = { intent?: string; error?: MessageKey; refusals?: ConsentRefusalView[]; fileErrors?: string[] };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  getStory(user, id); // 404 for partners, before anything else
  requireCapability(user, "writeStories");
  const ctx = { ip: clientIp(context) };
  const upload = await readEvidenceForm(request);
  if (upload.tooLarge) return json<ActionData>({ intent: INTENT.addFile, error: "stories.fileRefused", fileErrors: ["evidenceTooLarge"] }, { status: 400 });
  const formData = upload.formData;
  const intent = formData.get("intent");

  if (intent === INTENT.move) {
    const version = versionField.safeParse(formData.get("version"));
    const state = storyStateInput.safeParse({ state: formData.get("state") });
    if (!version.success || !state.success) return json<ActionData>({ intent, error: "errors.invalid" }, { status: 400 });
    const result = moveStory(user, id, version.data, state.data.state, ctx);
    if (result.ok) return redirectWithFlash(`/stories/${id}`, `stories.movedToast.${state.data.state}`);
    if (result.reason === "consent") return json<ActionData>({ intent, error: "stories.moveRefusedConsent", refusals: result.refusals }, { status: 409 });
    return json<ActionData>({ intent, error: result.reason === "stale" ? "stories.stale" : "stories.moveNotAllowed" }, { status: 409 });
  }

  if (intent === INTENT.addFile) {
    const file = formData.get("file");
    if (!(file instanceof File) || (file.name === "" && file.size === 0)) {
      return json<ActionData>({ intent, error: "stories.fileRefused", fileErrors: [typeof file === "string" && file !== "" ? "evidenceType" : "required"] }, { status: 400 });
    }
    const checked = await checkEvidenceFile(file);
    if (!checked.ok) return json<ActionData>({ intent, error: "stories.fileRefused", fileErrors: [checked.error] }, { status: 400 });
    const result = addStoryFile(user, id, checked, ctx);
    if (!result.ok) return json<ActionData>({ intent, error: "stories.notEditable" }, { status: 409 });
    return redirectWithFlash(`/stories/${id}`, "stories.fileAdded");
  }

  if (intent === INTENT.removeFile) {
    const fileId = idParam.safeParse(formData.get("fileId"));
    if (!fileId.success) return json<ActionData>({ intent, error: "errors.invalid" }, { status: 400 });
    const result = removeStoryFile(user, id, fileId.data, ctx);
    if (!result.ok) return json<ActionData>({ intent, error: result.reason === "notEditable" ? "stories.notEditable" : "errors.invalid" }, { status: result.reason === "notEditable" ? 409 : 400 });
    return redirectWithFlash(`/stories/${id}`, "stories.fileRemoved");
  }
  return json<ActionData>({ error: "errors.invalid" }, { status: 400 });
}

export default function StoryDetail() {
  const { story: s, people, organizations, event, owner, files, moves, editable, history, canWrite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, date, dateTime } = useI18n();
  const rows: Array<[MessageKey, ReactNode]> = [
    ["stories.field.state", enumLabel(t, "storyState", s.state)],
    ...(s.state === "withdrawn" && s.withdrawnReason
      ? ([["stories.field.withdrawnReason", enumLabel(t, "storyWithdrawalReason", s.withdrawnReason)]] as Array<[MessageKey, ReactNode]>)
      : []),
    ["stories.field.event", event ? <Link to={`/events/${event.id}`}>{event.title} ({date(event.startsOn)})</Link> : null],
    ["stories.field.owner", owner?.name ?? null],
    ...(s.publishedAt ? ([["stories.field.publishedAt", dateTime(s.publishedAt)]] as Array<[MessageKey, ReactNode]>) : []),
    ["common.updated", dateTime(s.updatedAt)],
  ];
  return (
    <article>
      <RecordHeading title={s.title} editTo={canWrite && editable ? `/stories/${s.id}/edit` : null} />
      {actionData?.error ? (
        <div role="alert" className="form-error">
          {t(actionData.error)}
          {actionData.refusals?.length ? (
            <ul>
              {actionData.refusals.map((r) => (
                <li key={r.id}>{t("stories.refused", { name: r.name, problem: t(consentProblemLabel(r.problem)) })}</li>
              ))}
            </ul>
          ) : null}
          <ErrorList id="story-file-errors" errors={actionData.fileErrors} />
        </div>
      ) : null}
      {canWrite && moves.length ? (
        <div className="actions story-moves">
          {moves.map((to) => (
            <Form method="post" key={to}>
              <input type="hidden" name="intent" value={INTENT.move} />
              <input type="hidden" name="version" value={s.version} />
              <button type="submit" name="state" value={to} className={to === "withdrawn" ? "danger" : undefined}>
                {t(`stories.moveTo.${to}`)}
              </button>
            </Form>
          ))}
        </div>
      ) : null}
      {!editable && canWrite ? <p className="hint">{t("stories.editOnlyDraft")}</p> : null}
      <dl className="details">
        <DetailRows rows={rows} />
      </dl>
      <h2>{t("stories.field.summary")}</h2>
      <p className="prewrap">{s.summary}</p>
      <h2>{t("stories.field.body")}</h2>
      <p className="prewrap">{s.body}</p>

      <section className="record-section" aria-labelledby="story-people-heading">
        <h2 id="story-people-heading">{t("stories.field.people")}</h2>
        {people.length ? (
          <ul className="record-list">
            {people.map((p) => (
              <li key={p.id}>
                <Link to={`/refugees/${p.id}`}>{p.erased ? t("refugees.erasedName", { id: p.id }) : p.name}</Link>
                {p.consentProblem ? <span className="badge badge-warning">{t(consentProblemLabel(p.consentProblem))}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("stories.noPeople")}</p>
        )}
      </section>

      <section className="record-section" aria-labelledby="story-orgs-heading">
        <h2 id="story-orgs-heading">{t("stories.field.organizations")}</h2>
        {organizations.length ? (
          <ul className="record-list">
            {organizations.map((o) => (
              <li key={o.id}>
                <Link to={`/organizations/${o.id}`}>{o.name}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("stories.noOrganizations")}</p>
        )}
      </section>

      <section className="record-section" aria-labelledby="story-files-heading">
        <h2 id="story-files-heading">{t("stories.files")}</h2>
        {files.length ? (
          <ul className="record-list">
            {files.map((f) => (
              <li key={f.id}>
                <a href={`/evidence/${f.id}`} download>{f.originalName}</a>
                {canWrite && editable ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value={INTENT.removeFile} />
                    <input type="hidden" name="fileId" value={f.id} />
                    <button type="submit" aria-label={t("stories.removeFileNamed", { name: f.originalName })}>{t("stories.removeFile")}</button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("stories.noFiles")}</p>
        )}
        {canWrite && editable ? (
          <Form method="post" encType="multipart/form-data" className="inline-form">
            <input type="hidden" name="intent" value={INTENT.addFile} />
            <label>
              {t("stories.addFileLabel")}
              <input type="file" name="file" aria-describedby="story-file-hint" />
            </label>
            <small id="story-file-hint" className="hint">{t("portal.update.evidenceFileHint")}</small>
            <button type="submit">{t("stories.addFile")}</button>
          </Form>
        ) : null}
      </section>
      <ChangeHistory title="stories.history" entries={history} />
    </article>
  );
}
