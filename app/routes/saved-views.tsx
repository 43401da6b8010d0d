// Saved views (issue 17 point 4): every view the user sees, by list, and the one place their forms
// post to. Partners have no lists: 404 (deny). A refused save comes back here with its errors.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { ErrorList } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { SavedViews, SaveViewForm } from "#app/components/SavedViews.tsx";
import { isSavedViewKind, savedViewHref, savedViewKinds, type SavedViewKind } from "#app/domain/saved-views.ts";
import { clientIp, redirectWithFlash, safeRedirectPath } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { deleteView, savedViewsFor, saveView, setViewShared } from "#app/models/saved-views.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "useSavedViews");
  return json({ lists: savedViewKinds.map((kind) => ({ kind, views: savedViewsFor(user, kind) })) });
}

type ActionData = { kind: SavedViewKind; query: string; name: string; shared: boolean; errors: Record<string, string[]> };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "useSavedViews");
  const form = await readForm(request);
  const intent = form.get("intent");
  const ctx = { ip: clientIp(context) };
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  if (intent === "save") {
    const kind = text("kind");
    if (!isSavedViewKind(kind)) return json({ error: "errors.invalid" }, { status: 400 });
    const input = { kind, name: text("name"), query: text("query"), shared: text("shared") === "yes" };
    const result = saveView(user, input, ctx);
    if (!result.ok) return json<ActionData>({ kind, query: input.query, name: input.name, shared: input.shared, errors: result.errors }, { status: 400 });
    return redirectWithFlash(savedViewHref(kind, result.query), "savedViews.saved");
  }
  if (intent === "delete" || intent === "share" || intent === "unshare") {
    const id = Number.parseInt(text("id"), 10);
    if (!Number.isSafeInteger(id) || id < 1) return json({ error: "errors.invalid" }, { status: 400 });
    const done = intent === "delete" ? deleteView(user, id, ctx) : setViewShared(user, id, intent === "share", ctx);
    // Someone else's view, or one that is gone: nothing to say about it.
    if (!done) throw new Response("Not Found", { status: 404 });
    const back = safeRedirectPath(form.get("redirectTo"), "/saved-views");
    return redirectWithFlash(back, intent === "delete" ? "savedViews.deleted" : intent === "share" ? "savedViews.sharedNow" : "savedViews.unsharedNow");
  }
  return json({ error: "errors.invalid" }, { status: 400 });
}

export default function SavedViewsPage() {
  const { lists } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | { error: string } | undefined;
  const { t } = useI18n();
  const refused = actionData && "errors" in actionData ? actionData : null;
  return (
    <section>
      <h1>{t("savedViews.title")}</h1>
      <p className="hint">{t("savedViews.intro")}</p>
      {refused ? (
        <div className="form-error" role="alert">
          <p>{t("savedViews.retry")}</p>
          <ErrorList id={`save-view-errors-${refused.kind}`} errors={[...(refused.errors.name ?? []), ...(refused.errors.query ?? [])]} />
          <SaveViewForm kind={refused.kind} query={refused.query} name={refused.name} shared={refused.shared} errors={refused.errors.name ?? refused.errors.query} />
          <p>
            <Link to={savedViewHref(refused.kind, "")}>{t("savedViews.backToList")}</Link>
          </p>
        </div>
      ) : null}
      {lists.map((l) => (
        <SavedViews key={l.kind} kind={l.kind} views={l.views} title={t(`savedViews.kind.${l.kind}`)} saveForm={false} />
      ))}
    </section>
  );
}
