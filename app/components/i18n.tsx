import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { Locale } from "../domain/enums.ts";
import { defaultLocale, formatDate, formatDateTime, formatNumber, makeTranslate } from "../i18n/i18n.ts";

type RootData = { locale: Locale };

/** The language of this page (from the root loader) and its formatters. */
export function useI18n() {
  const data = useRouteLoaderData("root") as RootData | undefined;
  const locale = data?.locale ?? defaultLocale;
  return useMemo(
    () => ({
      locale,
      t: makeTranslate(locale),
      date: (v: string | null | undefined) => formatDate(locale, v),
      dateTime: (v: string | null | undefined) => formatDateTime(locale, v),
      number: (v: number) => formatNumber(locale, v),
    }),
    [locale],
  );
}
