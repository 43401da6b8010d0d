import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { optionalUser } from "#app/auth/access.server.ts";
import { destroySession } from "#app/auth/session.server.ts";
import { getDb } from "#app/db/client.server.ts";
import { clientIp } from "#app/server/http.server.ts";
import { writeAudit } from "#app/models/audit.server.ts";

// Sign-out is a POST (a link could be triggered by another site); GET just goes to the login page.
export async function loader() {
  return redirect("/login");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await optionalUser(request);
  if (user) writeAudit(getDb(), { userId: user.id, action: "logout", entityType: "session", ip: clientIp(context) });
  return redirect("/login", { headers: { "Set-Cookie": await destroySession(request) } });
}
