import { useFetcher } from "@remix-run/react";
import { refugeeParticipantRoles } from "../domain/enums.ts";
import { enumLabel, type MessageKey } from "../i18n/i18n.ts";
import type { FieldErrors } from "../lib/forms.ts";
import type { EventRefugeeParticipantsData } from "../models/refugees.server.ts";
import { ErrorList } from "./Field.tsx";
import { useI18n } from "./i18n.tsx";

/** What /events/:id/refugees answers to a refused add or remove. */
export type EventRefugeeActionData = { intent?: string; error?: MessageKey; message?: string; errors?: FieldErrors };

/**
 * Refugee participants of an event, with their role and the no-consent flag. Staff only: the
 * event loader passes `null` to everyone else (computed from nothing), and then nothing renders.
 */
export function EventRefugeeParticipants({ data, redirectTo }: { data: EventRefugeeParticipantsData | null | undefined; redirectTo?: string }) {
  const { t } = useI18n();
  const fetcher = useFetcher<EventRefugeeActionData>();
  if (!data) return null;
  const action = `/events/${data.eventId}/refugees`;
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  const nameOf = (p: { contactId: number; name: string; erased: boolean }) => (p.erased ? t("refugees.erasedName", { id: p.contactId }) : p.name);
  return (
    <section className="event-refugees" aria-labelledby="event-refugees-title">
      <h2 id="event-refugees-title">{t("refugees.participants.title")}</h2>
      <p className="hint">{t("refugees.participants.staffOnly")}</p>
      {result?.message || result?.error ? (
        <p role="alert" className="form-error">{result.message ?? t(result.error!)}</p>
      ) : null}
      {data.participants.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("refugees.participants.contact")}</th>
              <th scope="col">{t("refugees.participants.role")}</th>
              {data.canWrite ? <th scope="col">{t("common.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.participants.map((p) => (
              <tr key={p.participantId}>
                <td>
                  <a href={`/refugees/${p.contactId}`}>{nameOf(p)}</a>
                  {p.erased ? (
                    <span className="badge">{t("refugees.erased")}</span>
                  ) : p.flagged ? (
                    <span className="badge badge-warning" data-flag="no-consent">{t("refugees.flag")}</span>
                  ) : null}
                </td>
                <td>{enumLabel(t, "refugeeParticipantRole", p.role)}</td>
                {data.canWrite ? (
                  <td>
                    <fetcher.Form method="post" action={action}>
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="participantId" value={p.participantId} />
                      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
                      <button type="submit">{t("refugees.participants.remove")}</button>
                    </fetcher.Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("refugees.participants.none")}</p>
      )}
      {data.canWrite && data.candidates.length ? (
        <fetcher.Form method="post" action={action} className="filters">
          <input type="hidden" name="intent" value="add" />
          {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
          <label>
            {t("refugees.participants.contact")}
            <select name="refugeeContactId" aria-invalid={result?.errors?.refugeeContactId ? true : undefined}>
              {data.candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.flagged ? ` (${t("refugees.flag")})` : ""}
                </option>
              ))}
            </select>
          </label>
          <ErrorList id="event-refugee-contact-errors" errors={result?.errors?.refugeeContactId} />
          <label>
            {t("refugees.participants.role")}
            <select name="role">
              {refugeeParticipantRoles.map((r) => (
                <option key={r} value={r}>{enumLabel(t, "refugeeParticipantRole", r)}</option>
              ))}
            </select>
          </label>
          <button type="submit">{t("refugees.participants.add")}</button>
        </fetcher.Form>
      ) : null}
    </section>
  );
}
