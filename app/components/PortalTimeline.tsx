// A commitment's status with its verified / self-reported marker, and its timeline of updates
// as the partner portal shows them.
import { enumLabel } from "../i18n/i18n.ts";
import { EvidenceFileLink } from "./EvidenceFile.tsx";
import { useI18n } from "./i18n.tsx";

export function CommitmentStatusBadge({ status, verified }: { status: string; verified: boolean }) {
  const { t } = useI18n();
  return (
    <span className="commitment-status">
      {enumLabel(t, "commitmentStatus", status)}
      <span
        className={verified ? "badge badge-verified" : "badge badge-self-reported"}
        title={verified ? t("portal.verifiedTitle") : t("portal.selfReportedTitle")}
      >
        {verified ? t("portal.verified") : t("portal.selfReported")}
      </span>
    </span>
  );
}

export type TimelineItem = {
  id: number;
  createdAt: string;
  note: string;
  statusChange: string | null;
  evidenceUrl: string | null;
  evidenceFileId: number | null;
  evidenceFileName: string | null;
  evidenceFileType?: string | null;
  evidenceFileSize?: number | null;
  authorName: string;
  partnerOrganizationName: string | null;
  verifiedAt: string | null;
  returnedAt?: string | null;
  returnReason?: string | null;
  answersUpdateId?: number | null;
};

export function PortalTimeline({ entries }: { entries: TimelineItem[] }) {
  const { t, dateTime } = useI18n();
  if (!entries.length) return <p className="hint">{t("portal.timeline.empty")}</p>;
  return (
    <ol className="timeline">
      {entries.map((u) => {
        const fromPartner = u.partnerOrganizationName != null;
        return (
          <li key={u.id} className={fromPartner ? "timeline-entry from-partner" : "timeline-entry"}>
            <div className="timeline-head">
              <time dateTime={u.createdAt}>{dateTime(u.createdAt)}</time> · {u.authorName} ·{" "}
              {fromPartner ? t("portal.timeline.fromPartner", { organization: u.partnerOrganizationName! }) : t("portal.timeline.fromBcrm")}
              {fromPartner ? (
                u.returnedAt ? (
                  <span className="badge badge-returned">{t("portal.returned")}</span>
                ) : (
                  <span className={u.verifiedAt ? "badge badge-verified" : "badge badge-self-reported"}>
                    {u.verifiedAt ? t("portal.verified") : t("portal.selfReported")}
                  </span>
                )
              ) : null}
            </div>
            {u.answersUpdateId ? <div className="hint">{t("portal.partnerUpdates.answer")}</div> : null}
            {u.statusChange ? <div>{t("portal.timeline.status", { status: enumLabel(t, "commitmentStatus", u.statusChange) })}</div> : null}
            <p className="prewrap">{u.note}</p>
            {u.returnedAt ? (
              <p className="returned-report prewrap">{t("portal.timeline.returned", { date: dateTime(u.returnedAt), reason: u.returnReason ?? "" })}</p>
            ) : null}
            {u.evidenceUrl ? (
              <div>
                <a href={u.evidenceUrl} rel="noopener noreferrer nofollow" target="_blank">
                  {t("portal.timeline.evidenceLink")}
                </a>
              </div>
            ) : null}
            {u.evidenceFileId ? (
              <div>
                <EvidenceFileLink id={u.evidenceFileId} name={u.evidenceFileName} type={u.evidenceFileType ?? null} size={u.evidenceFileSize ?? null} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
