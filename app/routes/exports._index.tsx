import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCapability, requireUser } from "#app/auth/access.server.ts";
import { useI18n } from "#app/components/i18n.tsx";
import { exportFormats, exportHref, exportKinds } from "#app/domain/exports.ts";
import type { MessageKey } from "#app/i18n/i18n.ts";
import { hasExport } from "#app/models/exports.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "export");
  return json({ kinds: exportKinds.filter(hasExport) });
}

// Which file opens well where (docs/decisions/010-files-opened-elsewhere.md): said on the page, honestly.
const formatAdvice = [
  "exports.formats.xlsx",
  "exports.formats.csv",
  "exports.formats.excel",
  "exports.formats.libreOffice",
  "exports.formats.googleSheets",
  "exports.formats.formulas",
] as const satisfies readonly MessageKey[];

export default function Exports() {
  const { kinds } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t("exports.title")}</h1>
      <p>{t("exports.intro")}</p>
      <p className="hint">{t("exports.filteredHint")}</p>
      <div className="data-table">
      <table>
        <caption>{t("exports.list")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("exports.kindColumn")}</th>
            <th scope="col">{t("exports.formatsColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => (
            <tr key={kind}>
              <td>
                <strong>{t(`exports.kind.${kind}` as MessageKey)}</strong>
                <br />
                <small>{t(`exports.kindHint.${kind}` as MessageKey)}</small>
              </td>
              <td>
                {exportFormats.map((format) => (
                  <a
                    key={format}
                    href={exportHref(kind, format)}
                    className="button"
                    download
                    aria-label={`${t(`exports.kind.${kind}` as MessageKey)} ${format.toUpperCase()}`}
                  >
                    {format.toUpperCase()}
                  </a>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <section aria-labelledby="formats-heading">
        <h2 id="formats-heading">{t("exports.formats.title")}</h2>
        <ul>
          {formatAdvice.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>
    </section>
  );
}
