import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { enumLabel } from "#app/i18n/i18n.ts";
import { getOrganization } from "#app/models/organizations.server.ts";

/** The partner portal: the partner's own organization and what BCRM shares with it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "usePartnerPortal");
  const organization = getOrganization(user, user.organizationId!);
  return json({ organization });
}

export default function Shared() {
  const { organization: o } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t("shared.title", { organization: o.name })}</h1>
      <h2>{t("shared.organization")}</h2>
      <dl className="details">
        <div><dt>{t("org.kind")}</dt><dd>{enumLabel(t, "organizationKind", o.kind)}</dd></div>
        <div><dt>{t("org.oblast")}</dt><dd>{enumLabel(t, "oblast", o.oblast)}</dd></div>
        <div><dt>{t("org.email")}</dt><dd>{o.email ?? t("common.none")}</dd></div>
        <div><dt>{t("org.phone")}</dt><dd>{o.phone ?? t("common.none")}</dd></div>
      </dl>
    </section>
  );
}
