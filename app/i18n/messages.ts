// Every feature keeps its messages in app/i18n/messages/<feature>.ts (Bulgarian and English
// side by side); this file joins them. Add a feature's module to the list below.
import { core } from "./messages/core.ts";
import { people } from "./messages/people.ts";
import { events } from "./messages/events.ts";
import { interactions } from "./messages/interactions.ts";
import { partnerships } from "./messages/partnerships.ts";
import { commitments } from "./messages/commitments.ts";
import { followUps } from "./messages/followUps.ts";
import { portal } from "./messages/portal.ts";
import { refugees } from "./messages/refugees.ts";
import { search } from "./messages/search.ts";
import { exports } from "./messages/exports.ts";
import { imports } from "./messages/imports.ts";
import { dashboard } from "./messages/dashboard.ts";
import { reports } from "./messages/reports.ts";
import { reminders } from "./messages/reminders.ts";
import { backups } from "./messages/backups.ts";
import { manifesto } from "./messages/manifesto.ts";
import { stories } from "./messages/stories.ts";
import { yearReview } from "./messages/yearReview.ts";
import { duplicates } from "./messages/duplicates.ts";
import { invitations } from "./messages/invitations.ts";
import { savedViews } from "./messages/savedViews.ts";
import { layout } from "./messages/layout.ts";
import { desk } from "./messages/desk.ts";

const modules = [
  core,
  people,
  events,
  interactions,
  partnerships,
  commitments,
  followUps,
  portal,
  refugees,
  search,
  exports,
  imports,
  dashboard,
  reports,
  reminders,
  backups,
  manifesto,
  stories,
  yearReview,
  duplicates,
  invitations,
  savedViews,
  layout,
  desk,
] as const;

type Keys<M> = M extends { bg: Record<infer K, string> } ? K : never;
export type MessageKey = Keys<(typeof modules)[number]>;

export const bg = Object.assign({}, ...modules.map((m) => m.bg)) as Record<MessageKey, string>;
export const en = Object.assign({}, ...modules.map((m) => m.en)) as Record<MessageKey, string>;
