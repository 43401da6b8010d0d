// The public page of the Manifesto as a whole HTML document, rendered to static markup on the
// server: no scripts at all (nothing for the CSP to allow), nothing per request or per visitor in
// it, so the same bytes can be cached and revalidated with an ETag (docs/decisions/020-…).
import type { Locale } from "../domain/enums.ts";
import { enumLabel, formatDate, type Translate } from "../i18n/i18n.ts";
import type { PublicManifesto } from "../models/manifesto-public.server.ts";

type Props = { data: PublicManifesto | null; locale: Locale; t: Translate; stylesheet: string; selfPath: string };

function Html({ html, lang }: { html: string; lang: string }) {
  // Markdown rendered by app/lib/markdown.ts: everything typed is escaped, no raw HTML passes.
  return <div className="text" lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function ManifestoPublicPage({ data, locale, t, stylesheet, selfPath }: Props) {
  const other: Locale = locale === "bg" ? "en" : "bg";
  const versionQuery = (number: number | null) => (number ? `v=${number}&` : "");
  const shownNumber = data && selfPath.includes("v=") ? data.version.number : null;
  const title = data ? (locale === "en" && data.version.titleEn ? data.version.titleEn : data.version.titleBg) : t("manifesto.public.title");
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="stylesheet" href={stylesheet} />
      </head>
      <body>
        <header className="public-header">
          <p className="brand">BCRM</p>
          <nav aria-label={t("manifesto.public.language")} className="public-lang">
            <a href={`/manifesto/public?${versionQuery(shownNumber)}lang=${other}`} lang={other} hrefLang={other}>
              {other.toUpperCase()}
            </a>
          </nav>
        </header>
        <main id="main">
          <h1>{title}</h1>
          {!data ? (
            <p>{t("manifesto.public.nothing")}</p>
          ) : (
            <>
              <p className={`version-status status-${data.version.status}`} data-status={data.version.status}>
                {data.version.status === "adopted"
                  ? t("manifesto.public.adopted", { number: data.version.number, date: formatDate(locale, data.version.adoptedOn) })
                  : t("manifesto.public.consultation", { number: data.version.number, date: formatDate(locale, data.version.publishedOn) })}
              </p>
              {data.alternatives.map((a) => (
                <p key={a.number} className="alternative">
                  {a.status === "consultation" ? t("manifesto.public.otherConsultation", { number: a.number }) : t("manifesto.public.otherAdopted", { number: a.number })}{" "}
                  <a href={`/manifesto/public?v=${a.number}&lang=${locale}`}>{t("manifesto.public.open")}</a>
                </p>
              ))}
              <nav aria-labelledby="contents" className="contents">
                <h2 id="contents">{t("manifesto.public.contents")}</h2>
                <ol>
                  {data.sections.map((s) => (
                    <li key={s.position}>
                      <a href={`#section-${s.position}`}>{locale === "en" && s.titleEn ? s.titleEn : s.titleBg}</a>
                    </li>
                  ))}
                  <li>
                    <a href="#endorsers">{t("manifesto.public.endorsers")}</a>
                  </li>
                </ol>
              </nav>
              {data.sections.map((s) => {
                const bg = (
                  <div key="bg" lang="bg" className="lang-bg">
                    {locale === "en" ? <h3 lang="bg">{s.titleBg}</h3> : null}
                    <Html html={s.htmlBg} lang="bg" />
                  </div>
                );
                const en = s.htmlEn ? (
                  <div key="en" lang="en" className="lang-en">
                    {locale === "bg" && s.titleEn ? <h3 lang="en">{s.titleEn}</h3> : null}
                    <Html html={s.htmlEn} lang="en" />
                  </div>
                ) : null;
                return (
                  <section key={s.position} id={`section-${s.position}`} className="manifesto-section">
                    <h2>
                      {s.position}. {locale === "en" && s.titleEn ? s.titleEn : s.titleBg}
                    </h2>
                    <div className={en ? "columns" : undefined}>{locale === "en" && en ? [en, bg] : [bg, en]}</div>
                  </section>
                );
              })}
              <section id="endorsers" className="endorsers" aria-labelledby="endorsers-title">
                <h2 id="endorsers-title">{t("manifesto.public.endorsers")}</h2>
                {data.endorsers.listed ? (
                  <p data-testid="endorsers-count">{t("manifesto.public.endorsersCount", { count: data.endorsers.listed })}</p>
                ) : (
                  <p>{t("manifesto.public.noEndorsers")}</p>
                )}
                {data.endorsers.groups.map((g) => (
                  <div key={g.kind} className="endorser-group" data-kind={g.kind}>
                    <h3>{t("manifesto.public.groupCount", { kind: enumLabel(t, "organizationKind", g.kind), count: g.organizations.length })}</h3>
                    <ul>
                      {g.organizations.map((o) => {
                        const statement = locale === "en" ? (o.statementEn ?? o.statementBg) : (o.statementBg ?? o.statementEn);
                        return (
                          <li key={o.name}>
                            <span className="org-name">{locale === "en" ? o.nameLatin : o.name}</span>
                            {o.signatory ? (
                              <span className="signatory">
                                {" "}
                                — {t("manifesto.public.signedBy", { name: o.signatory.position ? `${o.signatory.name}, ${o.signatory.position}` : o.signatory.name })}
                              </span>
                            ) : null}
                            {statement ? <q className="statement">{statement}</q> : null}
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                ))}
                {data.endorsers.unlisted ? <p className="unlisted">{t("manifesto.public.unlisted", { count: data.endorsers.unlisted })}</p> : null}
              </section>
            </>
          )}
        </main>
        <footer className="public-footer">
          <p>{t("manifesto.public.print")}</p>
        </footer>
      </body>
    </html>
  );
}
