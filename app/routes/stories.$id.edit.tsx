import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { StoryForm } from "#app/components/StoryForm.tsx";
import { versionField } from "#app/domain/fields.ts";
import { storyEditable, storyInput } from "#app/domain/story.ts";
import { parseForm } from "#app/lib/forms.ts";
import { clientIp, invalidForm, parseIdParam, redirectWithFlash } from "#app/lib/http.server.ts";
import { getStory, storyFormChoices, updateStory } from "#app/models/stories.server.ts";
import { readForm } from "#app/lib/read-form.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const story = getStory(user, parseIdParam(params.id));
  requireCapability(user, "writeStories");
  return json({ story, editable: storyEditable(story.state), choices: storyFormChoices(user, story.organizationIds) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = parseIdParam(params.id);
  getStory(user, id);
  requireCapability(user, "writeStories");
  const formData = await readForm(request);
  const version = versionField.safeParse(formData.get("version"));
  const form = parseForm(storyInput, formData);
  if (!form.ok || !version.success) return invalidForm(form.ok ? { version: ["invalid"] } : form.errors, form.values);
  const result = updateStory(user, id, version.data, form.data, { ip: clientIp(context) });
  if (result.ok) return redirectWithFlash(`/stories/${id}`, "common.saved");
  if (result.reason === "stale") return json({ errors: {}, values: form.values, stale: result.current }, { status: 409 });
  if (result.reason === "notEditable") return json({ error: "stories.notEditable" as const, errors: {}, values: form.values }, { status: 409 });
  return json({ errors: result.errors, values: form.values, refusals: result.refusals }, { status: 400 });
}

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
