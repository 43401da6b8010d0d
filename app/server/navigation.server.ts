import { can, type Capability, type CurrentUser } from "../auth/access.server.ts";
import type { MessageKey } from "../i18n/i18n.ts";

export type NavItem = { href: string; label: MessageKey };

// The header's links, each shown only to roles the access layer lets through.
const items: Array<NavItem & { needs: Capability }> = [
  { href: "/", label: "nav.dashboard", needs: "readRecords" },
  { href: "/organizations", label: "nav.organizations", needs: "readRecords" },
  { href: "/people", label: "nav.people", needs: "readRecords" },
  { href: "/events", label: "nav.events", needs: "readRecords" },
  { href: "/partnerships", label: "partnerships.nav", needs: "readRecords" },
  { href: "/commitments", label: "commitments.nav", needs: "readRecords" },
  { href: "/follow-ups", label: "followUps.nav", needs: "readRecords" },
  { href: "/manifesto", label: "manifesto.nav", needs: "readManifesto" },
  { href: "/refugees", label: "nav.refugees", needs: "readRefugeeContacts" },
  { href: "/stories", label: "stories.nav", needs: "readStories" },
  { href: "/shared", label: "nav.shared", needs: "usePartnerPortal" },
  { href: "/shared/manifesto", label: "manifesto.nav", needs: "takePartInManifesto" },
  { href: "/partner-updates", label: "portal.nav.partnerUpdates", needs: "readRecords" },
  { href: "/exports", label: "exports.nav", needs: "export" },
  { href: "/imports", label: "imports.nav", needs: "import" },
  { href: "/duplicates", label: "nav.duplicates", needs: "mergeRecords" },
  { href: "/reports", label: "nav.reports", needs: "readReports" },
  { href: "/admin/users", label: "nav.adminUsers", needs: "manageUsers" },
  { href: "/admin/audit", label: "nav.adminAudit", needs: "readAudit" },
  { href: "/admin/outbox", label: "nav.adminOutbox", needs: "readOutbox" },
  { href: "/admin/backups", label: "nav.adminBackups", needs: "manageBackups" },
];

export function navigationFor(user: CurrentUser): NavItem[] {
  return items.filter((item) => can(user, item.needs)).map(({ href, label }) => ({ href, label }));
}
