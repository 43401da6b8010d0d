import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { StoryForm } from "#app/components/StoryForm.tsx";
import { optionalId } from "#app/domain/fields.ts";
import { storyInput } from "#app/domain/story.ts";
import { parseForm } from "#app/lib/forms.ts";
import { clientIp, invalidForm, redirectWithFlash } from "#app/server/http.server.ts";
import { createStory, storyFormChoices } from "#app/models/stories.server.ts";
import { readForm } from "#app/server/read-form.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "writeStories");
  const choices = storyFormChoices(user);
  // Pre-filled from the event page it was started from.
  const eventId = optionalId.safeParse(new URL(request.url).searchParams.get("eventId") ?? undefined);
  return json({
    choices,
    defaults: { eventId: eventId.success ? eventId.data : null, ownerId: choices.owners.some((o) => o.id === user.id) ? user.id : null },
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "writeStories");
  const form = parseForm(storyInput, await readForm(request));
  if (!form.ok) return invalidForm(form.errors, form.values);
  const result = createStory(user, form.data, { ip: clientIp(context) });
  if (!result.ok) {
    const invalid = result.reason === "invalid";
    return json(
      { errors: invalid ? result.errors : { _form: ["invalid"] }, values: form.values, refusals: invalid ? result.refusals : [] },
      { status: 400 },
    );
  }
  return redirectWithFlash(`/stories/${result.id}`, "common.created.toast");
}

export default function NewStory() {
  const { choices, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t("stories.new")}</h1>
      <p className="notice">{t("stories.consentNotice")}</p>
      <StoryForm
        cancelTo="/stories"
        choices={choices}
        defaults={defaults}
        values={actionData?.values}
        errors={actionData?.errors}
        refusals={actionData && "refusals" in actionData ? actionData.refusals : undefined}
      />
    </section>
  );
}
