import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { StoryForm } from "#app/components/StoryForm.tsx";
import { storyEditable, storyInput } from "#app/domain/story.ts";
import { parseIdParam } from "#app/server/http.server.ts";
import { editAction } from "#app/server/edit-action.server.ts";
import { getStory, storyFormChoices, updateStory } from "#app/models/stories.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const story = getStory(user, parseIdParam(params.id));
  requireCapability(user, "writeStories");
  return json({ story, editable: storyEditable(story.state), choices: storyFormChoices(user, story.organizationIds) });
}

export const action = (args: ActionFunctionArgs) =>
  editAction(args, {
    find: getStory,
    capability: "writeStories",
    schema: storyInput,
    // A story's edits are not keyed by the form's submission key (as before): the address only.
    save: ({ user, id, version, data }, ctx) => updateStory(user, id, version, data, { ip: ctx.ip }),
    refused: (result, values) =>
      result.reason === "notEditable"
        ? json({ error: "stories.notEditable" as const, errors: {}, values }, { status: 409 })
        : json({ errors: result.errors, values, refusals: result.refusals }, { status: 400 }),
    redirectTo: ({ id }) => `/stories/${id}`,
  });

export default function EditStory() {
  const { story, editable, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const stale = actionData && "stale" in actionData ? actionData.stale : undefined;
  const notEditable = !editable || (actionData && "error" in actionData);
  return (
    <section>
      <h1>{t("stories.editTitle", { title: story.title })}</h1>
      {notEditable ? (
        <p role="alert" className="form-error">
          {t("stories.notEditable")} <Link to={`/stories/${story.id}`}>{t("stories.backToStory")}</Link>
        </p>
      ) : (
        <>
          {stale ? (
            <dl className="details stale-values" aria-label={t("errors.staleVersion")}>
              <div><dt>{t("stories.field.title")}</dt><dd>{stale.title}</dd></div>
              <div><dt>{t("stories.field.summary")}</dt><dd>{stale.summary}</dd></div>
            </dl>
          ) : null}
          <StoryForm
            key={stale?.version ?? story.version}
            defaults={story}
            choices={choices}
            values={actionData?.values}
            errors={actionData?.errors}
            refusals={actionData && "refusals" in actionData ? actionData.refusals : undefined}
            version={stale?.version ?? story.version}
            notice={stale ? "errors.staleVersion" : undefined}
            cancelTo={`/stories/${story.id}`}
          />
        </>
      )}
    </section>
  );
}
