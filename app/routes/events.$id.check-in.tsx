import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useMemo, useState, type FormEvent } from "react";
import { requireInvitationManagement, requireUser } from "#app/auth/access.server.ts";
import { TextField } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { QrScanner } from "#app/components/QrScanner.tsx";
import { idParam } from "#app/domain/fields.ts";
import { readDoorInput, walkInInput } from "#app/domain/invitation.ts";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { parseForm, type FieldErrors, type FormValues } from "#app/lib/forms.ts";
import { clientIp, parseIdParam } from "#app/server/http.server.ts";
import { readForm } from "#app/server/read-form.server.ts";
import { searchKey } from "#app/lib/transliterate.ts";
import { getEvent } from "#app/models/events.server.ts";
import { checkIn, doorList, funnelOf, registerWalkIn } from "#app/models/invitations.server.ts";

// The door (issue 21): a phone in the hand of a coordinator. Find a name in either script, or scan
// the QR code of the invitee's page or confirmation e-mail (the door code typed when the camera
// cannot read it), and mark them present with one tap; register those who come uninvited.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.event.title} · BCRM Partners` : "BCRM Partners" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireInvitationManagement(user);
  const event = getEvent(user, parseIdParam(params.id));
  const funnel = funnelOf(event.id);
  return json({
    event: { id: event.id, title: event.title },
    rows: doorList(user, event.id),
    counts: { expected: funnel.expected, present: funnel.present, walkIns: funnel.walkIns },
  });
}

type ActionData = { intent?: string; ok?: boolean; name?: string; already?: boolean; error?: MessageKey; errors?: FieldErrors; values?: FormValues };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireInvitationManagement(user);
  const id = parseIdParam(params.id);
  getEvent(user, id);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const ctx = { ip: clientIp(context) };
  if (intent === "checkIn" || intent === "code") {
    let by: Parameters<typeof checkIn>[2] | null = null;
    if (intent === "checkIn") {
      const invitationId = idParam.safeParse(formData.get("invitationId"));
      by = invitationId.success ? { id: invitationId.data } : null;
    } else {
      const code = formData.get("code");
      by = typeof code === "string" ? readDoorInput(code) : null;
    }
    if (!by) return json<ActionData>({ intent, error: "invitations.door.badCode" }, { status: 400 });
    const result = checkIn(user, id, by, ctx);
    if (!result.ok) return json<ActionData>({ intent, error: `invitations.door.${result.reason}` as MessageKey }, { status: 404 });
    return json<ActionData>({ intent, ok: true, name: result.name, already: result.already });
  }
  if (intent === "walkIn") {
    const form = parseForm(walkInInput, formData);
    if (!form.ok) return json<ActionData>({ intent, errors: form.errors, values: form.values, error: "common.formHasErrors" }, { status: 400 });
    const result = registerWalkIn(user, id, form.data, ctx);
    if (!result.ok) return json<ActionData>({ intent, error: "errors.invalid" }, { status: 400 });
    return json<ActionData>({ intent, ok: true, name: result.name, already: result.already });
  }
  return json<ActionData>({ error: "errors.invalid" }, { status: 400 });
}

type RowState = "saving" | "failed" | "done";

/** Posts a door form without leaving the page; a lost connection or a refusal is shown, never swallowed. */
async function postDoorForm(form: HTMLFormElement): Promise<{ ok: boolean; name?: string }> {
  try {
    const response = await fetch(form.action || window.location.pathname, { method: "POST", body: new FormData(form), credentials: "same-origin", headers: { Accept: "text/html" } });
    return { ok: response.ok };
  } catch {
    return { ok: false };
  }
}

export default function CheckIn() {
  const { event, rows, counts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, dateTime } = useI18n();
  const revalidator = useRevalidator();
  const [query, setQuery] = useState("");
  const [states, setStates] = useState<Record<number, RowState>>({});
  const [codeState, setCodeState] = useState<{ state: "saving" | "failed" | "done"; text?: string } | null>(null);
  const key = searchKey(query);
  const shown = useMemo(() => (key ? rows.filter((r) => r.searchKey.includes(key)) : rows), [rows, key]);

  async function tap(event: FormEvent<HTMLFormElement>, rowId: number) {
    event.preventDefault();
    const form = event.currentTarget;
    setStates((s) => ({ ...s, [rowId]: "saving" }));
    const result = await postDoorForm(form);
    setStates((s) => ({ ...s, [rowId]: result.ok ? "done" : "failed" }));
    if (result.ok) revalidator.revalidate();
  }

  async function submitCode(form: HTMLFormElement) {
    setCodeState({ state: "saving" });
    const result = await postDoorForm(form);
    setCodeState({ state: result.ok ? "done" : "failed" });
    if (result.ok) revalidator.revalidate();
  }

  return (
    <article className="check-in-page">
      <h1>{t("invitations.door.title", { title: event.title })}</h1>
      <p className="page-links">
        <Link to={`/events/${event.id}/invitations`}>{t("invitations.door.backToList")}</Link> · <Link to={`/events/${event.id}/attendance`}>{t("invitations.attendanceLink")}</Link>
      </p>
      <dl className="funnel door-counts" aria-live="polite">
        <div>
          <dt>{t("invitations.door.expected")}</dt>
          <dd data-count="expected">{counts.expected}</dd>
        </div>
        <div>
          <dt>{t("invitations.door.present")}</dt>
          <dd data-count="present">{counts.present}</dd>
        </div>
        <div>
          <dt>{t("invitations.door.walkIns")}</dt>
          <dd data-count="walkIns">{counts.walkIns}</dd>
        </div>
      </dl>
      {actionData?.error ? (
        <p role="alert" className="form-error">
          {t(actionData.error)}
        </p>
      ) : null}
      {actionData?.ok ? (
        <p role="status" className="flash">
          {t(actionData.already ? "invitations.door.already" : "invitations.door.checkedIn", { name: actionData.name ?? "" })}
        </p>
      ) : null}

      <section aria-labelledby="code-heading" className="door-code">
        <h2 id="code-heading">{t("invitations.door.codeTitle")}</h2>
        <QrScanner
          onCode={(text) => {
            const form = document.getElementById("door-code-form") as HTMLFormElement | null;
            const input = form?.elements.namedItem("code") as HTMLInputElement | null;
            if (form && input) {
              input.value = text;
              void submitCode(form);
            }
          }}
        />
        <Form
          method="post"
          id="door-code-form"
          className="inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submitCode(e.currentTarget);
          }}
        >
          <div className="field">
            <label htmlFor="door-code">{t("invitations.door.code")}</label>
            <input id="door-code" name="code" autoComplete="off" autoCapitalize="characters" spellCheck={false} />
          </div>
          <input type="hidden" name="intent" value="code" />
          <button type="submit">
            {t("invitations.door.checkInCode")}
          </button>
        </Form>
        {codeState ? (
          <p role={codeState.state === "failed" ? "alert" : "status"} className={codeState.state === "failed" ? "form-error" : "flash"}>
            {t(`invitations.door.codeState.${codeState.state}` as MessageKey)}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t("invitations.door.list")}</h2>
        <div className="field">
          <label htmlFor="door-search">{t("invitations.door.search")}</label>
          <input id="door-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
        </div>
        <ul className="door-list">
          {shown.map((r) => {
            const state = states[r.id];
            const present = Boolean(r.checkedInAt) || state === "done";
            return (
              <li key={r.id} className={present ? "present" : undefined}>
                <span className="door-name">
                  {r.name}
                  {r.organizationName ? <small> · {r.organizationName}</small> : null}
                  {r.attendees > 1 ? <small> · {t("invitations.attendeesCount", { count: r.attendees })}</small> : null}
                  {r.interpretation ? <small> · {r.interpretation.split(",").join(", ")}</small> : null}
                </span>
                {present ? (
                  <span className="door-present">{r.checkedInAt ? t("invitations.door.presentAt", { time: dateTime(r.checkedInAt) }) : t("invitations.door.presentNow")}</span>
                ) : (
                  <Form method="post" onSubmit={(e) => void tap(e, r.id)}>
                    <input type="hidden" name="invitationId" value={r.id} />
                    <input type="hidden" name="intent" value="checkIn" />
                    <button
                      type="submit"
                      className={state === "failed" ? "danger" : undefined}
                      disabled={state === "saving"}
                      aria-label={t("invitations.door.markPresentFor", { name: r.name })}
                    >
                      {state === "failed" ? t("invitations.door.failed") : state === "saving" ? t("invitations.door.saving") : t("invitations.door.markPresent")}
                    </button>
                  </Form>
                )}
                {state === "failed" ? (
                  <span role="alert" className="form-error">
                    {t("invitations.door.failedHint")}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
        {!shown.length ? <p className="empty">{t("invitations.door.noMatch")}</p> : null}
      </section>

      <section aria-labelledby="walk-in-heading">
        <h2 id="walk-in-heading">{t("invitations.door.walkIn")}</h2>
        <Form method="post" className="inline-form" noValidate>
          <TextField name="name" id="walk-in-name" label="invitations.name" {...(actionData?.intent === "walkIn" ? { values: actionData.values, errors: actionData.errors } : {})} />
          <TextField name="email" id="walk-in-email" type="email" label="invitations.email" {...(actionData?.intent === "walkIn" ? { values: actionData.values, errors: actionData.errors } : {})} />
          <TextField name="organizationName" id="walk-in-organization" label="invitations.organizationName" {...(actionData?.intent === "walkIn" ? { values: actionData.values, errors: actionData.errors } : {})} />
          <button type="submit" name="intent" value="walkIn">
            {t("invitations.door.registerWalkIn")}
          </button>
        </Form>
      </section>
    </article>
  );
}
