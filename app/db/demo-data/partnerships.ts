// The demo's partnerships and their member organizations.
import type { PartnershipKind, PartnershipMemberRole, PartnershipStatus } from "../../domain/enums.ts";
import { FORUM_SERIES } from "./events.ts";
import { demoOrganizations as org } from "./organizations.ts";
import { demoUsers as user } from "./users.ts";

export type PartnershipSeed = {
  key: string;
  title: string;
  kind: PartnershipKind;
  project?: string;
  status: PartnershipStatus;
  startsOn?: string;
  endsOn?: string;
  owner: string;
  description: string;
  members: [string, PartnershipMemberRole][];
};

export const demoPartnerships = {
  advocacy: {
    key: "advocacy",
    title: "Застъпничество за интеграция на бежанците в България",
    kind: "advocacy",
    project: "Застъпничество за интеграция на бежанците в България",
    status: "active",
    startsOn: "2021-01-01",
    endsOn: "2026-12-31",
    owner: user.coordinator.email,
    description: "Годишен проект, финансиран от ВКБООН: Национален форум, Манифест, мониторинг на ангажиментите на институциите и общините.",
    members: [
      [org.bcrm.name, "lead"],
      [org.unhcr.name, "funder"],
      [org.multiKulti.name, "partner"],
    ],
  },
  niem: {
    key: "niem",
    title: "НИЕМ – Национален механизъм за оценка на интеграцията на бежанците",
    kind: "funding",
    project: "Фонд „Убежище, миграция и интеграция“ (ФУМИ/AMIF)",
    status: "concluded",
    startsOn: "2016-01-01",
    endsOn: "2022-06-30",
    owner: user.coordinator2.email,
    description: "Транснационален проект за оценка на интеграцията по 13 измерения; BCRM е националният партньор за България.",
    members: [
      [org.bcrm.name, "lead"],
      [org.europeanCommission.name, "funder"],
      [org.sofiaUniversity.name, "partner"],
      [org.refugeeAgency.name, "partner"],
    ],
  },
  forum: {
    key: "forum",
    title: "Съорганизиране на Националния форум за интеграция на бежанците",
    kind: "event_coorganization",
    project: FORUM_SERIES,
    status: "active",
    startsOn: "2020-09-01",
    owner: user.coordinator.email,
    description: "Разпределение на задачите по годишния форум: програма, покани, говорители бежанци, логистика и отчет.",
    members: [
      [org.bcrm.name, "lead"],
      [org.multiKulti.name, "partner"],
      [org.unhcr.name, "partner"],
    ],
  },
  referral: {
    key: "referral",
    title: "Насочване на бежанци към социални и здравни услуги на Българския Червен кръст",
    kind: "referral",
    status: "active",
    startsOn: "2022-01-15",
    endsOn: "2026-12-31",
    owner: user.coordinator.email,
    description: "Споразумение за взаимно насочване: социални консултации, здравни услуги, издирване на близки.",
    members: [
      [org.redCross.name, "lead"],
      [org.bcrm.name, "partner"],
    ],
  },
  sofiaMemo: {
    key: "sofiaMemo",
    title: "Меморандум за сътрудничество със Столична община за интеграция на бежанците",
    kind: "memorandum",
    status: "active",
    startsOn: "2022-02-01",
    endsOn: "2027-01-31",
    owner: user.coordinator.email,
    description: "Информационен център, общински жилища, детски градини и езикови курсове в читалищата.",
    members: [
      [org.bcrm.name, "lead"],
      [org.sofiaMunicipality.name, "partner"],
      [org.redCross.name, "partner"],
    ],
  },
  employment: {
    key: "employment",
    title: "Заетост за бежанци – партньорство с работодатели",
    kind: "implementation",
    project: "Застъпничество за интеграция на бежанците в България",
    status: "active",
    startsOn: "2022-03-01",
    endsOn: "2026-12-31",
    owner: user.coordinator2.email,
    description: "Подбор и наставничество на работното място; съвместни обяви с Агенцията по заетостта.",
    members: [
      [org.bcrm.name, "lead"],
      [org.telus.name, "partner"],
      [org.panoramaHotels.name, "partner"],
      [org.trakiaTextile.name, "partner"],
      [org.employmentAgency.name, "partner"],
    ],
  },
  harmanli: {
    key: "harmanli",
    title: "Езикови курсове и социална ориентация в Харманли",
    kind: "implementation",
    status: "on_hold",
    startsOn: "2023-04-01",
    endsOn: "2027-03-31",
    owner: user.coordinator2.email,
    description: "Спряно временно поради намаления брой настанени в РПЦ Харманли; възобновяване при ново финансиране.",
    members: [
      [org.caritas.name, "lead"],
      [org.harmanliMunicipality.name, "partner"],
      [org.bcrm.name, "partner"],
    ],
  },
  familyLegal: {
    key: "familyLegal",
    title: "Правна помощ за събиране на семейства",
    kind: "implementation",
    status: "concluded",
    startsOn: "2022-01-01",
    endsOn: "2023-12-31",
    owner: user.coordinator.email,
    description: "Консултации и процесуално представителство по събиране на семейства на лица с международна закрила.",
    members: [
      [org.voiceInBulgaria.name, "lead"],
      [org.bcrm.name, "partner"],
      [org.accessToRights.name, "partner"],
      [org.unhcr.name, "funder"],
    ],
  },
  varnaPlan: {
    key: "varnaPlan",
    title: "Общински план за интеграция – Община Варна",
    kind: "memorandum",
    status: "exploring",
    startsOn: "2026-09-01",
    owner: user.coordinator2.email,
    description: "Проучване на готовността на общината за общински план за интеграция на бежанците и граждани на Украйна.",
    members: [
      [org.bcrm.name, "lead"],
      [org.varnaMunicipality.name, "partner"],
    ],
  },
} satisfies Record<string, PartnershipSeed>;
