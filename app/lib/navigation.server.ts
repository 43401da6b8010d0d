import { can, type Capability, type CurrentUser } from "../auth/access.server.ts";
import type { MessageKey } from "../i18n/i18n.ts";

export type NavItem = { href: string; label: MessageKey };

// The header's links, each shown only to roles the access layer lets through.
const items: Array<NavItem & { needs: Capability }> = [
  { href: "/", label: "nav.dashboard", needs: "readRecords" },
  { href: "/organizations", label: "nav.organizations", needs: "readRecords" },
  { href: "/shared", label: "nav.shared", needs: "usePartnerPortal" },
  { href: "/admin/users", label: "nav.adminUsers", needs: "manageUsers" },
  { href: "/admin/audit", label: "nav.adminAudit", needs: "readAudit" },
];

export function navigationFor(user: CurrentUser): NavItem[] {
  return items.filter((item) => can(user, item.needs)).map(({ href, label }) => ({ href, label }));
}
