import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireManifestoPartner, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { ProposalAnswer, ProposalStatusBadge, ProposalText } from "#app/components/Manifesto.tsx";
import { enumLabel } from "#app/i18n/i18n.ts";
import { parseIdParam } from "#app/server/http.server.ts";
import { getProposal } from "#app/models/manifesto-proposals.server.ts";

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

/** One of the partner's own organization's proposals, with the public answer; any other id is not found. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireManifestoPartner(user);
  const { refugeeName: _staffOnly, ...proposal } = getProposal(user, parseIdParam(params.id));
  return json({ proposal });
}

export default function SharedManifestoProposal() {
  const { proposal: p } = useLoaderData<typeof loader>();
  const { t, date, dateTime } = useI18n();
  return (
    <article>
      <p><Link to="/shared/manifesto#proposals">{t("manifesto.portal.back")}</Link></p>
      <h1>
        {t("manifesto.proposal.title", { id: p.id })} <ProposalStatusBadge status={p.status} />
      </h1>
      <dl className="details">
        <div><dt>{t("manifesto.section.title")}</dt><dd>{t("manifesto.proposal.section", { number: p.versionNumber })}: {p.sectionPosition}. {p.sectionTitle}</dd></div>
        <div><dt>{t("manifesto.proposal.madeOn")}</dt><dd>{date(p.madeOn)}</dd></div>
        <div><dt>{t("manifesto.proposal.channel")}</dt><dd>{p.eventTitle ?? enumLabel(t, "manifestoProposalChannel", p.channel)}</dd></div>
        <div><dt>{t("manifesto.proposal.dimension")}</dt><dd>{enumLabel(t, "niemDimension", p.niemDimension)}</dd></div>
        {p.acceptedIntoVersionNumber ? (
          <div>
            <dt>{t("manifesto.proposal.acceptedInto")}</dt>
            <dd>{t("manifesto.proposal.acceptedIntoValue", { number: p.acceptedIntoVersionNumber, title: p.acceptedIntoTitle ?? "" })}</dd>
          </div>
        ) : null}
      </dl>
      <ProposalText proposal={p} />
      <ProposalAnswer answerBg={p.answerBg} answerEn={p.answerEn} byline={dateTime(p.answeredAt)} />
    </article>
  );
}
