import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { ComparedSection, ManifestoSubNav, VersionStatusBadge } from "#app/components/Manifesto.tsx";
import { idParam } from "#app/domain/fields.ts";
import { compareVersions, listVersions } from "#app/models/manifesto.server.ts";

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

/** `?a=<older id>&b=<newer id>`; without them, the two newest versions. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "readManifesto");
  const search = new URL(request.url).searchParams;
  const versions = listVersions(user).map((v) => ({ id: v.id, number: v.number, status: v.status, titleBg: v.titleBg }));
  const pick = (key: string, fallback: number | undefined) => {
    const parsed = idParam.safeParse(search.get(key) ?? "");
    return parsed.success ? parsed.data : fallback;
  };
  const a = pick("a", versions[1]?.id);
  const b = pick("b", versions[0]?.id);
  return json({ versions, comparison: a && b ? compareVersions(user, a, b) : null });
}

export default function ManifestoCompare() {
  const { versions, comparison } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const label = (v: { number: number }) => t("manifesto.version.numbered", { number: v.number });
  const changed = comparison?.sections.filter((s) => s.status !== "unchanged") ?? [];
  const unchanged = comparison?.sections.filter((s) => s.status === "unchanged") ?? [];
  return (
    <section>
      <h1>{t("manifesto.compare.title")}</h1>
      <ManifestoSubNav />
      {comparison ? (
        <>
          <Form method="get" className="filters">
            <label>
              {t("manifesto.compare.before")}
              <select name="a" defaultValue={comparison.before.id}>
                {versions.map((v) => <option key={v.id} value={v.id}>{label(v)} · {v.titleBg}</option>)}
              </select>
            </label>
            <label>
              {t("manifesto.compare.after")}
              <select name="b" defaultValue={comparison.after.id}>
                {versions.map((v) => <option key={v.id} value={v.id}>{label(v)} · {v.titleBg}</option>)}
              </select>
            </label>
            <button type="submit">{t("manifesto.compare.submit")}</button>
          </Form>
          <p>
            <Link to={`/manifesto/versions/${comparison.before.id}`}>{label(comparison.before)}</Link> <VersionStatusBadge status={comparison.before.status} /> →{" "}
            <Link to={`/manifesto/versions/${comparison.after.id}`}>{label(comparison.after)}</Link> <VersionStatusBadge status={comparison.after.status} />
          </p>
          <p role="status" className="compare-summary">{t("manifesto.compare.summary", { count: comparison.changedCount })}</p>
          {changed.length ? (
            <ul className="compare-index">
              {changed.map((s) => (
                <li key={s.sectionKey}>
                  <a href={`#compare-${s.sectionKey}`}>{s.titleAfter ?? s.titleBefore}</a> — {t(`manifesto.compare.status.${s.status}`)}
                </li>
              ))}
            </ul>
          ) : null}
          {comparison.sections.map((s) =>
            s.status === "unchanged" ? null : (
              <div key={s.sectionKey} id={`compare-${s.sectionKey}`}>
                <ComparedSection section={s} beforeLabel={label(comparison.before)} afterLabel={label(comparison.after)} />
              </div>
            ),
          )}
          {unchanged.length ? (
            <details>
              <summary>{t("manifesto.compare.unchangedSections", { count: unchanged.length })}</summary>
              {unchanged.map((s) => (
                <ComparedSection key={s.sectionKey} section={s} beforeLabel={label(comparison.before)} afterLabel={label(comparison.after)} />
              ))}
            </details>
          ) : null}
        </>
      ) : (
        <p className="hint">{t("manifesto.compare.needTwo")}</p>
      )}
    </section>
  );
}
