// View parts of the Manifesto pages: the staff sub-navigation, status badges, a section's text
// in Bulgarian and English, and the marked differences (a proposal's wording, two versions).
import { NavLink } from "@remix-run/react";
import type { ManifestoProposalStatus, ManifestoVersionStatus } from "../domain/manifesto.ts";
import { enumLabel, type MessageKey } from "../i18n/i18n.ts";
import type { ParagraphChange, SectionComparison, WordPart } from "../lib/manifesto-diff.ts";
import { useI18n } from "./i18n.tsx";

export function ManifestoSubNav() {
  const { t } = useI18n();
  const links: Array<[string, MessageKey]> = [
    ["/manifesto", "manifesto.sub.versions"],
    ["/manifesto/proposals", "manifesto.sub.proposals"],
    ["/manifesto/endorsements", "manifesto.sub.endorsements"],
    ["/manifesto/reports", "manifesto.sub.reports"],
  ];
  return (
    <nav aria-label={t("manifesto.sub.label")} className="sub-nav">
      {links.map(([href, label]) => (
        <NavLink key={href} to={href} end={href === "/manifesto"}>
          {t(label)}
        </NavLink>
      ))}
      {/* A plain link: the public page is a document of its own, outside the app's layout. */}
      <a href="/manifesto/public">{t("manifesto.sub.public")}</a>
    </nav>
  );
}

export function VersionStatusBadge({ status }: { status: ManifestoVersionStatus }) {
  const { t } = useI18n();
  return <span className={`badge manifesto-version-${status}`}>{enumLabel(t, "manifestoVersionStatus", status)}</span>;
}

export function ProposalStatusBadge({ status }: { status: ManifestoProposalStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge manifesto-proposal-${status}`} data-status={status}>
      {enumLabel(t, "manifestoProposalStatus", status)}
    </span>
  );
}

/** Rendered Markdown: the HTML comes from app/lib/markdown.ts, which escapes everything a user typed. */
export function RenderedText({ html, lang }: { html: string; lang?: string }) {
  return <div className="manifesto-text" lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A section's text in Bulgarian and, where there is one, English, side by side on wide screens. */
export function BilingualText({ htmlBg, htmlEn, titleEn }: { htmlBg: string; htmlEn: string | null; titleEn?: string | null }) {
  const { t } = useI18n();
  return (
    <div className={htmlEn ? "manifesto-columns" : undefined}>
      <RenderedText html={htmlBg} lang="bg" />
      {htmlEn ? (
        <div lang="en">
          <p className="hint">{titleEn ? `${t("manifesto.section.english")}: ${titleEn}` : t("manifesto.section.english")}</p>
          <RenderedText html={htmlEn} lang="en" />
        </div>
      ) : null}
    </div>
  );
}

/** Words of one side of a change: `before` shows what was removed, `after` what was added. */
export function WordDiff({ parts, side }: { parts: WordPart[]; side: "before" | "after" }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === "same" ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === "removed" ? (
          side === "before" ? <del key={i}>{p.text}</del> : null
        ) : side === "after" ? (
          <ins key={i}>{p.text}</ins>
        ) : null,
      )}
    </>
  );
}

/** A selected passage and the wording proposed for it, side by side, the differences marked. */
export function PassageComparison({ passage, proposed, parts }: { passage: string; proposed: string; parts: WordPart[] | null }) {
  const { t } = useI18n();
  return (
    <div className="manifesto-columns manifesto-diff" data-testid="passage-comparison">
      <div>
        <h3>{t("manifesto.proposal.current")}</h3>
        <p className="prewrap manifesto-before">{parts ? <WordDiff parts={parts} side="before" /> : passage}</p>
      </div>
      <div>
        <h3>{t("manifesto.proposal.proposed")}</h3>
        <p className="prewrap manifesto-after">{parts ? <WordDiff parts={parts} side="after" /> : proposed}</p>
      </div>
    </div>
  );
}

/** What a proposal asks (the passage compared with the proposed wording, or the new text) and why. */
export function ProposalText({ proposal: p }: { proposal: { passage: string | null; proposedText: string; passageDiff: WordPart[] | null; rationale: string | null } }) {
  const { t } = useI18n();
  return (
    <>
      {p.passage ? (
        <PassageComparison passage={p.passage} proposed={p.proposedText} parts={p.passageDiff} />
      ) : (
        <>
          <h2>{t("manifesto.proposal.proposedText")}</h2>
          <p className="prewrap">{p.proposedText}</p>
        </>
      )}
      {p.rationale ? (
        <>
          <h2>{t("manifesto.proposal.rationale")}</h2>
          <p className="prewrap">{p.rationale}</p>
        </>
      ) : null}
    </>
  );
}

/** The public answer to a proposal in both languages; `byline` says who answered and when (staff see the name). */
export function ProposalAnswer({ answerBg, answerEn, byline }: { answerBg: string | null; answerEn: string | null; byline: string }) {
  const { t } = useI18n();
  return (
    <>
      <h2>{t("manifesto.proposal.answer")}</h2>
      {answerBg ? (
        <div className="manifesto-answer" data-testid="answer">
          <p className="prewrap" lang="bg">{answerBg}</p>
          {answerEn ? <p className="prewrap" lang="en">{answerEn}</p> : null}
          <p className="hint">{byline}</p>
        </div>
      ) : (
        <p className="hint">{t("manifesto.proposal.notAnswered")}</p>
      )}
    </>
  );
}

function ParagraphRow({ change }: { change: ParagraphChange }) {
  const { t } = useI18n();
  if (change.kind === "same") {
    return (
      <tr data-change="same">
        <td className="prewrap">{change.text}</td>
        <td className="prewrap">{change.text}</td>
      </tr>
    );
  }
  if (change.kind === "deleted") {
    return (
      <tr data-change="deleted">
        <td className="prewrap">
          <span className="visually-hidden">{t("manifesto.compare.paragraph.deleted")}: </span>
          <del>{change.text}</del>
        </td>
        <td />
      </tr>
    );
  }
  if (change.kind === "inserted") {
    return (
      <tr data-change="inserted">
        <td />
        <td className="prewrap">
          <span className="visually-hidden">{t("manifesto.compare.paragraph.inserted")}: </span>
          <ins>{change.text}</ins>
        </td>
      </tr>
    );
  }
  return (
    <tr data-change="changed">
      <td className="prewrap">
        <span className="visually-hidden">{t("manifesto.compare.paragraph.changed")}: </span>
        <WordDiff parts={change.parts} side="before" />
      </td>
      <td className="prewrap">
        <WordDiff parts={change.parts} side="after" />
      </td>
    </tr>
  );
}

function ParagraphTable({ changes, caption, beforeLabel, afterLabel }: { changes: ParagraphChange[]; caption: string; beforeLabel: string; afterLabel: string }) {
  return (
    <table className="manifesto-compare-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{beforeLabel}</th>
          <th scope="col">{afterLabel}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c, i) => (
          <ParagraphRow key={i} change={c} />
        ))}
      </tbody>
    </table>
  );
}

/** One section of a comparison: its status and its paragraphs side by side, the changes marked. */
export function ComparedSection({ section, beforeLabel, afterLabel }: { section: SectionComparison; beforeLabel: string; afterLabel: string }) {
  const { t } = useI18n();
  const title = section.titleAfter ?? section.titleBefore ?? "";
  return (
    <section className={`manifesto-compare-section compare-${section.status}`} data-section-key={section.sectionKey} data-status={section.status}>
      <h2>
        {section.status === "changed" && section.titleBefore !== section.titleAfter ? (
          <>
            <WordDiff parts={section.title} side="before" /> → <WordDiff parts={section.title} side="after" />
          </>
        ) : (
          title
        )}{" "}
        <span className={`badge compare-badge-${section.status}`}>{t(`manifesto.compare.status.${section.status}` as MessageKey)}</span>
      </h2>
      <ParagraphTable changes={section.paragraphs} caption={title} beforeLabel={beforeLabel} afterLabel={afterLabel} />
      {section.paragraphsEn.some((p) => p.kind !== "same") ? (
        <details>
          <summary>{t("manifesto.compare.englishText")}</summary>
          <ParagraphTable changes={section.paragraphsEn} caption={`${title} (${t("manifesto.compare.englishText")})`} beforeLabel={beforeLabel} afterLabel={afterLabel} />
        </details>
      ) : null}
    </section>
  );
}
