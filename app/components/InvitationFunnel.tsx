import { useI18n } from "./i18n.tsx";

export type FunnelData = { invited: number; sent: number; answered: number; yes: number; no: number; maybe: number; waitlisted: number; expected: number; present: number; walkIns: number };
export type NeedsData = { interpretation: Array<{ language: string; people: number }>; accessibility: string[] };

/** invited → answered → yes → present, and what those coming need (event page, invitations page). */
export function InvitationFunnel({ funnel, needs }: { funnel: FunnelData; needs?: NeedsData }) {
  const { t, number } = useI18n();
  const steps: Array<[string, number]> = [
    [t("invitations.funnel.invited"), funnel.invited],
    [t("invitations.funnel.answered"), funnel.answered],
    [t("invitations.funnel.yes"), funnel.yes],
    [t("invitations.funnel.present"), funnel.present],
  ];
  return (
    <section className="record-section invitation-funnel" aria-labelledby="funnel-heading">
      <h2 id="funnel-heading">{t("invitations.funnel.title")}</h2>
      <dl className="funnel">
        {steps.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{number(value)}</dd>
          </div>
        ))}
      </dl>
      <p>
        {t("invitations.funnel.details", {
          no: funnel.no,
          maybe: funnel.maybe,
          waitlisted: funnel.waitlisted,
          expected: funnel.expected,
          walkIns: funnel.walkIns,
        })}
      </p>
      {needs && (needs.interpretation.length || needs.accessibility.length) ? (
        <>
          <h3>{t("invitations.needsTitle")}</h3>
          {needs.interpretation.length ? (
            <ul>
              {needs.interpretation.map((n) => (
                <li key={n.language}>{t("invitations.interpretationNeed", { language: n.language, count: n.people })}</li>
              ))}
            </ul>
          ) : null}
          {needs.accessibility.length ? (
            <>
              <p>{t("invitations.accessibilityNeeds", { count: needs.accessibility.length })}</p>
              <ul>
                {needs.accessibility.map((a, i) => (
                  <li key={i}>{a}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
