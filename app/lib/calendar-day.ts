// Calendar days (`YYYY-MM-DD`) as BCRM sees them: "today" is today in Sofia, whatever
// the server's clock zone, so "overdue" and "due this week" flip at local midnight.

// en-CA formats as YYYY-MM-DD. Built once: an Intl formatter is costly to create.
const sofiaDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Sofia", year: "numeric", month: "2-digit", day: "2-digit" });

export function todayIso(now: Date = new Date()): string {
  return sofiaDay.format(now);
}

export function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// Sofia's wall clock, "YYYY-MM-DDTHH:MM" (sv-SE writes ISO order). Built once, like sofiaDay.
const sofiaClock = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Sofia",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** An ISO timestamp → the date and time it was in Sofia, `YYYY-MM-DDTHH:MM`; null when it is not a timestamp. */
export function sofiaWallClock(timestamp: string): string | null {
  const moment = new Date(timestamp);
  if (Number.isNaN(moment.getTime())) return null;
  return sofiaClock.format(moment).replace(" ", "T");
}
