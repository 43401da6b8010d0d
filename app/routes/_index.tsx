import { json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { sql } from "drizzle-orm";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { getDb } from "#app/db/client.server.ts";
import { organizations } from "#app/db/schema.ts";
import { eq } from "drizzle-orm";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Partners have their own start page.
  if (user.role === "partner") throw redirect("/shared");
  requireCapability(user, "readRecords");
  const activeOrganizations =
    getDb().select({ n: sql<number>`count(*)` }).from(organizations).where(eq(organizations.archived, false)).get()?.n ?? 0;
  return json({ name: user.name, activeOrganizations });
}

export default function Dashboard() {
  const { name, activeOrganizations } = useLoaderData<typeof loader>();
  const { t, number } = useI18n();
  return (
    <section>
      <h1>{t("dashboard.welcome", { name })}</h1>
      <dl className="stats">
        <div>
          <dt>{t("dashboard.organizations")}</dt>
          <dd><Link to="/organizations">{number(activeOrganizations)}</Link></dd>
        </div>
      </dl>
    </section>
  );
}
