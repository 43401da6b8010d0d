// The year in review as files: the PDF (year-review-pdf.server.ts) and an XLSX of its tables
// (exceljs, as the report export). Managers, coordinators and admins may download them (audited);
// partners never. The language is the user's, or `?lang=` when it names one.
import { requireCapability, type CurrentUser } from "../auth/access.server.ts";
import { getDb } from "../db/client.server.ts";
import type { Locale } from "../domain/enums.ts";
import { yearReviewListTables, yearReviewTables } from "../domain/year-review.ts";
import { isLocale, makeTranslate } from "../i18n/i18n.ts";
import { writeAudit } from "./audit.server.ts";
import type { WriteContext } from "./record-write.server.ts";
import { tablesToXlsx } from "./report-export.server.ts";
import { renderYearReviewPdf } from "./year-review-pdf.server.ts";
import { getYearReview } from "./year-review.server.ts";

export type ReviewFormat = "pdf" | "xlsx";

/** `?lang=bg|en` wins over the user's language; anything else is ignored. */
export function reviewLocale(user: CurrentUser, url: URL): Locale {
  const lang = url.searchParams.get("lang");
  return isLocale(lang) ? lang : user.locale;
}

export async function exportYearReview(
  user: CurrentUser,
  eventId: number,
  format: ReviewFormat,
  locale: Locale,
  ctx: WriteContext = {},
): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  requireCapability(user, "downloadYearReview");
  const { review } = getYearReview(user, eventId);
  const body =
    format === "pdf"
      ? await renderYearReviewPdf(review, { locale })
      : await tablesToXlsx([...yearReviewTables(review, makeTranslate(locale)), ...yearReviewListTables(review, makeTranslate(locale))]);
  writeAudit(getDb(), {
    userId: user.id,
    action: "export",
    entityType: "export",
    detail: { export: "year_review", format, eventId, locale },
    ip: ctx.ip,
  });
  return {
    body,
    contentType: format === "pdf" ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    fileName: `year-review-${review.edition.startsOn.slice(0, 4)}-${locale}.${format}`,
  };
}
