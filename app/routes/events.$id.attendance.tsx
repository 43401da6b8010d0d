import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireInvitationManagement, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { parseIdParam } from "#app/server/http.server.ts";
import { getEvent } from "#app/models/events.server.ts";
import { attendanceOf } from "#app/models/invitations.server.ts";

// The attendance list to print (issue 21): those present, in Bulgarian alphabetical order, with a
// column to sign; the print stylesheet leaves out the site's header and links.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.event.title} · BCRM Partners` : "BCRM Partners" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireInvitationManagement(user);
  const event = getEvent(user, parseIdParam(params.id));
  return json({ event: { id: event.id, title: event.title, startsOn: event.startsOn, place: event.place }, rows: attendanceOf(user, event.id) });
}

export default function Attendance() {
  const { event, rows } = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  return (
    <article className="attendance-sheet">
      <h1>{t("invitations.attendance.title", { title: event.title })}</h1>
      <p>
        {date(event.startsOn)}
        {event.place ? ` · ${event.place}` : ""} · {t("invitations.attendance.count", { count: rows.length })}
      </p>
      <p className="no-print">
        <Link to={`/events/${event.id}/invitations`}>{t("invitations.door.backToList")}</Link>
      </p>
      {rows.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("invitations.name")}</th>
              <th scope="col">{t("invitations.organizationName")}</th>
              <th scope="col">{t("invitations.attendance.signature")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.id}>
                <td>{i + 1}</td>
                <td>
                  {r.name}
                  {r.walkIn ? <small> · {t("invitations.walkInMark")}</small> : null}
                </td>
                <td>{r.organizationName ?? ""}</td>
                <td className="signature-cell" />
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">{t("invitations.attendance.none")}</p>
      )}
    </article>
  );
}
