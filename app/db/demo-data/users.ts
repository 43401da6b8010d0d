// The demo's users (all share the demo password). A handle names each one for the tests.
import type { Role } from "../../domain/enums.ts";
import { demoOrganizations as org } from "./organizations.ts";

export const DEMO_USER = {
  admin: "admin@bcrm.demo",
  manager: "manager@bcrm.demo",
  coordinator: "coordinator@bcrm.demo",
  coordinator2: "coordinator2@bcrm.demo",
  partnerSofia: "partner@sofia.demo",
  partnerRedCross: "partner@redcross.demo",
} as const;

export type UserSeed = { email: string; name: string; role: Role; organization?: string };

export const demoUsers = {
  admin: { email: DEMO_USER.admin, name: "Мария Иванова", role: "admin" },
  manager: { email: DEMO_USER.manager, name: "Георги Петров", role: "manager" },
  coordinator: { email: DEMO_USER.coordinator, name: "Елена Димитрова", role: "coordinator" },
  coordinator2: { email: DEMO_USER.coordinator2, name: "Николай Стоянов", role: "coordinator" },
  partnerSofia: { email: DEMO_USER.partnerSofia, name: "Десислава Колева", role: "partner", organization: org.sofiaMunicipality.name },
  partnerRedCross: { email: DEMO_USER.partnerRedCross, name: "Иван Маринов", role: "partner", organization: org.redCross.name },
} satisfies Record<string, UserSeed>;
