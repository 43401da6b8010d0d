// Demo data for BCRM Partners: the stakeholders, partnerships and commitments around the
// 30 November 2021 national forum on refugee integration «Съвместно пишем новите истории
// на интеграция на бежанците» (BCRM, Multi Kulti Collective, UNHCR). People are fictional.
//
// The data sits in plain arrays below and refers to other records by name or key; seedDemo()
// inserts it in one transaction, resolving those names to ids as it goes. Follow-up due dates
// (and a few commitment due dates) are relative to `today`, so the demo always has overdue,
// due-this-week and later items.
import { hashPassword } from "../auth/password.server.ts";
import type {
  CommitmentKind,
  CommitmentStatus,
  ConsentPurpose,
  ContactChannel,
  EventKind,
  FollowUpStatus,
  InteractionKind,
  NiemDimension,
  Oblast,
  OrganizationKind,
  ParticipantRole,
  PartnershipKind,
  PartnershipMemberRole,
  PartnershipStatus,
  RefugeeParticipantRole,
  Role,
} from "../domain/enums.ts";
import type { Db } from "./client.server.ts";
import {
  commitmentDerived,
  interactionKeys,
  organizationKeys,
  personKeys,
  refugeeContactKeys,
  titledKeys,
} from "./derived.ts";
import * as s from "./schema.ts";
import { seedManifestoDemo } from "./seed-manifesto.server.ts";
import { seedYearReviewDemo } from "./seed-demo-review.server.ts";

// ---------------------------------------------------------------------------------------------
// Names used as references throughout
// ---------------------------------------------------------------------------------------------

export const DEMO_ORG = {
  bcrm: "Български съвет за бежанци и мигранти",
  multiKulti: "Multi Kulti Collective",
  unhcr: "Върховен комисариат на ООН за бежанците (ВКБООН)",
  sar: "Държавна агенция за бежанците при Министерския съвет",
  sofia: "Столична община",
  redCross: "Български Червен кръст",
} as const;

export const DEMO_USER = {
  admin: "admin@bcrm.demo",
  manager: "manager@bcrm.demo",
  coordinator: "coordinator@bcrm.demo",
  coordinator2: "coordinator2@bcrm.demo",
  partnerSofia: "partner@sofia.demo",
  partnerRedCross: "partner@redcross.demo",
} as const;

const { bcrm: BCRM, multiKulti: MKC, unhcr: UNHCR, sar: SAR, sofia: SOFIA, redCross: BRC } = DEMO_ORG;
const { admin: ADMIN, manager: MANAGER, coordinator: COORD, coordinator2: COORD2 } = DEMO_USER;
const { partnerSofia: P_SOFIA, partnerRedCross: P_BRC } = DEMO_USER;

const MTSP = "Министерство на труда и социалната политика";
const MON = "Министерство на образованието и науката";
const MZ = "Министерство на здравеопазването";
const MP = "Министерство на правосъдието";
const AZ = "Агенция по заетостта";
const PLOVDIV = "Община Пловдив";
const VARNA = "Община Варна";
const BURGAS = "Община Бургас";
const HARMANLI = "Община Харманли";
const WINGS = "Фондация „Мисия Криле“";
const CARITAS = "Каритас България";
const VOICE = "Център за правна помощ „Глас в България“";
const FAR = "Фондация за достъп до права";
const TULIP = "Тулип Фаундейшън";
const TELUS = "Telus International Bulgaria";
const PANORAMA = "„Панорама Хотели“ ЕООД";
const TEXTILE = "„Тракия Текстил“ АД";
const SYRIAN = "Сирийска общност в България";
const AFGHAN = "Афганистанска общност „Надежда“";
const SU = "Софийски университет „Св. Климент Охридски“";

// ---------------------------------------------------------------------------------------------
// Users (all share the demo password)
// ---------------------------------------------------------------------------------------------

type UserSeed = { email: string; name: string; role: Role; organization?: string };

const userSeeds: UserSeed[] = [
  { email: ADMIN, name: "Мария Иванова", role: "admin" },
  { email: MANAGER, name: "Георги Петров", role: "manager" },
  { email: COORD, name: "Елена Димитрова", role: "coordinator" },
  { email: COORD2, name: "Николай Стоянов", role: "coordinator" },
  { email: P_SOFIA, name: "Десислава Колева", role: "partner", organization: SOFIA },
  { email: P_BRC, name: "Иван Маринов", role: "partner", organization: BRC },
];

// ---------------------------------------------------------------------------------------------
// Organizations
// ---------------------------------------------------------------------------------------------

type OrgSeed = {
  name: string;
  kind: OrganizationKind;
  oblast: Oblast | null;
  municipality: string | null;
  address?: string;
  website?: string;
  email?: string;
  phone?: string;
  description?: string;
  archived?: boolean;
  tags?: string[];
};

const organizationSeeds: OrgSeed[] = [
  // Forum co-organizers
  {
    name: BCRM,
    kind: "ngo",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1000, ул. „Московска“ 19, ет. 2",
    website: "https://bcrm-bg.org",
    email: "office@bcrm-bg.org",
    phone: "+359 2 986 72 15",
    description:
      "Обединение на неправителствени организации, работещи за защитата и интеграцията на бежанците и мигрантите в България. Съорганизатор на Националния форум за интеграция на бежанците и на Манифеста за интеграция.",
    tags: ["Съорганизатор на форума", "Манифест"],
  },
  {
    name: MKC,
    kind: "ngo",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1000, ул. „Цар Симеон“ 55",
    website: "https://multikulti.bg",
    email: "info@multikulti.bg",
    phone: "+359 2 986 47 31",
    description:
      "Колектив „Мулти Култи“ – културни и образователни програми, които събират бежанци, мигранти и местни общности. Съорганизатор на Националния форум.",
    tags: ["Съорганизатор на форума"],
  },
  {
    name: UNHCR,
    kind: "international",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1000, ул. „Денкоглу“ 19",
    website: "https://www.unhcr.org/bg",
    email: "bulso@unhcr.org",
    phone: "+359 2 980 24 53",
    description:
      "Представителство на Върховния комисариат на ООН за бежанците в България. Финансира проекта „Застъпничество за интеграция на бежанците в България“ и съорганизира Националния форум.",
    tags: ["Съорганизатор на форума", "Донор"],
  },
  // International
  {
    name: "Международна организация по миграция (МОМ) – България",
    kind: "international",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1407, ул. „Черни връх“ 43",
    website: "https://bulgaria.iom.int",
    email: "iomsofia@iom.int",
    phone: "+359 2 939 47 74",
    description: "Програми за доброволно завръщане, интеграция и борба с трафика на хора.",
  },
  {
    name: "Детски фонд на ООН (УНИЦЕФ) – България",
    kind: "international",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1000, бул. „Княз Александър Дондуков“ 87",
    website: "https://www.unicef.org/bulgaria",
    email: "sofia@unicef.org",
    phone: "+359 2 969 62 08",
    description: "Закрила на непридружени деца и достъп на децата бежанци до образование.",
  },
  {
    name: "Европейска комисия – ГД „Миграция и вътрешни работи“",
    kind: "international",
    oblast: null,
    municipality: null,
    address: "Rue de la Loi 200, 1049 Brussels, Belgium",
    website: "https://home-affairs.ec.europa.eu",
    email: "home-amif@ec.europa.eu",
    description: "Управлява фонд „Убежище, миграция и интеграция“ (ФУМИ/AMIF), от който е финансиран проектът НИЕМ.",
  },
  // State institutions
  {
    name: SAR,
    kind: "state_institution",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1233, бул. „Княгиня Мария Луиза“ 114Б",
    website: "https://aref.government.bg",
    email: "sar@saref.government.bg",
    phone: "+359 2 808 09 00",
    description:
      "Производство за международна закрила, регистрационно-приемателни центрове в София, Харманли, Баня и Пъстрогор; изготвя индивидуални споразумения за интеграция.",
  },
  {
    name: MTSP,
    kind: "state_institution",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1051, ул. „Триадица“ 2",
    website: "https://www.mlsp.government.bg",
    email: "mlsp@mlsp.government.bg",
    phone: "+359 2 811 94 43",
    description: "Отговаря за политиката по заетостта, социалното подпомагане и координацията на Наредбата за интеграция.",
  },
  {
    name: MON,
    kind: "state_institution",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1000, бул. „Княз Александър Дондуков“ 2А",
    website: "https://www.mon.bg",
    email: "press@mon.bg",
    phone: "+359 2 921 77 99",
    description: "Допълнително обучение по български език и приобщаващо образование за деца, търсещи или получили закрила.",
  },
  {
    name: MZ,
    kind: "state_institution",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1000, пл. „Света Неделя“ 5",
    website: "https://www.mh.government.bg",
    email: "press@mh.government.bg",
    phone: "+359 2 930 11 52",
    description: "Здравно осигуряване и достъп до здравни услуги на лицата с международна закрила.",
  },
  {
    name: MP,
    kind: "state_institution",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1040, ул. „Славянска“ 1",
    website: "https://justice.government.bg",
    email: "pr@justice.government.bg",
    phone: "+359 2 923 73 59",
    description: "Дирекция „Българско гражданство“ – процедури по натурализация.",
  },
  {
    name: AZ,
    kind: "state_institution",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1000, бул. „Княз Александър Дондуков“ 3",
    website: "https://www.az.government.bg",
    email: "az@az.government.bg",
    phone: "+359 2 980 87 19",
    description: "Посреднически услуги по заетостта, курсове за професионална квалификация, бюра по труда в цялата страна.",
  },
  {
    name: "Агенция за социално подпомагане",
    kind: "state_institution",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1051, ул. „Триадица“ 2",
    website: "https://asp.government.bg",
    email: "ahd@asp.government.bg",
    phone: "+359 2 935 05 09",
    description: "Социални помощи и закрила на детето, включително за непридружени деца.",
  },
  {
    name: "МВР – Дирекция „Миграция“",
    kind: "state_institution",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1202, бул. „Княгиня Мария Луиза“ 48",
    website: "https://www.mvr.bg/migration",
    email: "migration@mvr.bg",
    phone: "+359 2 982 30 09",
    description: "Документи за пребиваване на граждани на трети страни.",
  },
  {
    name: "Омбудсман на Република България",
    kind: "state_institution",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1202, ул. „Джордж Вашингтон“ 22",
    website: "https://www.ombudsman.bg",
    email: "priemna@ombudsman.bg",
    phone: "+359 2 810 69 55",
    description: "Национален превантивен механизъм; наблюдава условията в центровете за настаняване.",
  },
  {
    name: "Регионално управление на образованието – София-град",
    kind: "state_institution",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1000, ул. „Антим I“ 17",
    website: "https://ruo-sofia-grad.bg",
    email: "info@ruo-sofia-grad.bg",
    phone: "+359 2 935 60 11",
    description: "Записване на деца бежанци в училищата на София.",
  },
  // Municipalities
  {
    name: SOFIA,
    kind: "municipality",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1000, ул. „Московска“ 33",
    website: "https://www.sofia.bg",
    email: "info@sofia.bg",
    phone: "+359 2 937 72 23",
    description:
      "Дирекция „Социални дейности“ – информационен център за бежанци, общински жилища и социални услуги. Партньор по меморандума за интеграция от 2022 г.",
  },
  {
    name: PLOVDIV,
    kind: "municipality",
    oblast: "BG-16",
    municipality: "Пловдив",
    address: "Пловдив 4000, пл. „Стефан Стамболов“ 1",
    website: "https://www.plovdiv.bg",
    email: "info@plovdiv.bg",
    phone: "+359 32 656 701",
    description: "Втората по големина община; заяви намерение да назначи общински координатор по интеграцията.",
  },
  {
    name: VARNA,
    kind: "municipality",
    oblast: "BG-03",
    municipality: "Варна",
    address: "Варна 9000, бул. „Осми приморски полк“ 43",
    website: "https://www.varna.bg",
    email: "obshtina@varna.bg",
    phone: "+359 52 820 100",
    description: "Голяма украинска общност след 2022 г.; обсъжда общински план за интеграция.",
  },
  {
    name: BURGAS,
    kind: "municipality",
    oblast: "BG-02",
    municipality: "Бургас",
    address: "Бургас 8000, ул. „Александровска“ 26",
    website: "https://www.burgas.bg",
    email: "obshtina@burgas.bg",
    phone: "+359 56 907 200",
  },
  {
    name: HARMANLI,
    kind: "municipality",
    oblast: "BG-26",
    municipality: "Харманли",
    address: "Харманли 6450, пл. „Възраждане“ 1",
    website: "https://www.harmanli.bg",
    email: "obshtina@harmanli.bg",
    phone: "+359 373 82 021",
    description: "На територията ѝ е най-големият регистрационно-приемателен център на ДАБ.",
  },
  {
    name: "Община Русе",
    kind: "municipality",
    oblast: "BG-18",
    municipality: "Русе",
    address: "Русе 7000, пл. „Свобода“ 6",
    website: "https://www.ruse-bg.eu",
    email: "obshtina@ruse-bg.eu",
    phone: "+359 82 881 802",
  },
  {
    name: "Община Стара Загора",
    kind: "municipality",
    oblast: "BG-24",
    municipality: "Стара Загора",
    address: "Стара Загора 6000, бул. „Руски“ 32",
    website: "https://www.starazagora.bg",
    email: "obshtina@starazagora.bg",
    phone: "+359 42 614 614",
  },
  {
    name: "Община Благоевград",
    kind: "municipality",
    oblast: "BG-01",
    municipality: "Благоевград",
    address: "Благоевград 2700, пл. „Георги Измирлиев“ 1",
    website: "https://www.blgmun.com",
    email: "obshtina@blgmun.com",
    phone: "+359 73 884 100",
  },
  // NGOs
  {
    name: BRC,
    kind: "ngo",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1408, бул. „Джеймс Баучер“ 76",
    website: "https://www.redcross.bg",
    email: "secretariat@redcross.bg",
    phone: "+359 2 816 47 90",
    description:
      "Служба за бежанци и мигранти: социални консултации, здравни услуги, издирване и възстановяване на семейни връзки; партньор по споразумение за насочване.",
  },
  {
    name: WINGS,
    kind: "ngo",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1000, ул. „Иван Асен II“ 58",
    website: "https://mission-wings.org",
    email: "office@mission-wings.org",
    phone: "+359 88 931 42 10",
    description: "Психосоциална подкрепа за жени и деца бежанци, подготвителни класове и летни училища.",
  },
  {
    name: CARITAS,
    kind: "ngo",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1000, ул. „Оборище“ 19",
    website: "https://caritas.bg",
    email: "office@caritas.bg",
    phone: "+359 2 963 09 70",
    description: "Интеграционен център „Св. Анна“ в София; програма „Мигранти и бежанци“, включително в Харманли.",
  },
  {
    name: "Каритас Русе",
    kind: "ngo",
    oblast: "BG-18",
    municipality: "Русе",
    address: "Русе 7000, ул. „Олимп Панов“ 11",
    website: "https://caritas-ruse.bg",
    email: "office@caritas-ruse.bg",
    phone: "+359 82 822 535",
    description: "Социални услуги за бежанци и мигранти в Североизточна България.",
  },
  {
    name: "Български хелзинкски комитет",
    kind: "ngo",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1504, ул. „Върбица“ 7, ет. 4",
    website: "https://www.bghelsinki.org",
    email: "bhc@bghelsinki.org",
    phone: "+359 2 943 48 76",
    description: "Правна защита и мониторинг на процедурата за международна закрила.",
  },
  {
    name: VOICE,
    kind: "ngo",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1000, ул. „Гургулят“ 12",
    website: "https://www.centerlegalaid.com",
    email: "info@centerlegalaid.com",
    phone: "+359 87 668 91 20",
    description: "Безплатна правна помощ за търсещи закрила, стратегически дела за събиране на семейства.",
  },
  {
    name: FAR,
    kind: "ngo",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1000, ул. „Солунска“ 40",
    website: "https://www.farbg.eu",
    email: "office@farbg.eu",
    phone: "+359 2 980 85 70",
    description: "ФАР – правна помощ и застъпничество за лица с международна закрила и лица без гражданство.",
  },
  {
    name: TULIP,
    kind: "ngo",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1000, ул. „Шипка“ 6",
    website: "https://www.tulipfoundation.net",
    email: "office@tulipfoundation.net",
    phone: "+359 2 951 60 82",
    description: "Грантова подкрепа за общностни инициативи, включително на бежански общности.",
  },
  {
    name: "Асоциация за интеграция на бежанци и мигранти (АИБМ)",
    kind: "ngo",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1000, ул. „Пиротска“ 21",
    email: "office@aibm.bg",
    phone: "+359 89 742 15 33",
    description: "Консултации, курсове и културна медиация, основана с участието на бежанци.",
  },
  {
    name: "Фондация „Конкордия България“",
    kind: "ngo",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1309, ул. „Пирин“ 61",
    website: "https://www.concordia.bg",
    email: "office@concordia.bg",
    phone: "+359 2 822 13 40",
    description: "Социални услуги за деца и младежи, включително непридружени деца бежанци.",
  },
  {
    name: "Сдружение „Отворени врати“",
    kind: "ngo",
    oblast: "BG-16",
    municipality: "Пловдив",
    address: "Пловдив 4000, ул. „Райко Даскалов“ 34",
    email: "otvoreni.vrati@abv.bg",
    phone: "+359 88 512 44 07",
    description: "Доброволчески програми и наставничество за семейства бежанци в Пловдив.",
  },
  {
    name: "Фондация „Морски мост“",
    kind: "ngo",
    oblast: "BG-02",
    municipality: "Бургас",
    address: "Бургас 8000, ул. „Цар Симеон I“ 12",
    website: "https://morskimost.bg",
    email: "info@morskimost.bg",
    phone: "+359 89 611 20 48",
    description: "Подкрепа за украински семейства по Черноморието: информация, превод, заетост.",
  },
  {
    name: "Сдружение „Мост към интеграцията“",
    kind: "ngo",
    oblast: "BG-03",
    municipality: "Варна",
    address: "Варна 9000, ул. „Драган Цанков“ 8",
    email: "most.integracia@gmail.com",
    description: "Прекрати дейността си през 2023 г.; архивиран запис, пазен заради участието в кръглата маса във Варна.",
    archived: true,
  },
  // Businesses
  {
    name: TELUS,
    kind: "business",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1766, Бизнес парк София, сграда 9",
    website: "https://www.telusinternational.com",
    email: "careers.bg@telusinternational.com",
    phone: "+359 2 491 50 00",
    description: "Многоезичен център за обслужване на клиенти; наема бежанци на позиции с арабски, фарси и украински.",
  },
  {
    name: PANORAMA,
    kind: "business",
    oblast: "BG-02",
    municipality: "Бургас",
    address: "Бургас 8000, бул. „Демокрация“ 94",
    website: "https://panoramahotels.bg",
    email: "hr@panoramahotels.bg",
    phone: "+359 56 825 300",
    description: "Верига хотели по Южното Черноморие; сезонна заетост и обучение на работното място.",
  },
  {
    name: TEXTILE,
    kind: "business",
    oblast: "BG-16",
    municipality: "Пловдив",
    address: "Пловдив 4003, ул. „Кукленско шосе“ 17",
    website: "https://trakiatextile.bg",
    email: "office@trakiatextile.bg",
    phone: "+359 32 944 210",
    description: "Шивашко производство с около 300 служители; стажантска програма за жени бежанки.",
  },
  {
    name: "„Варна Логистик“ ООД",
    kind: "business",
    oblast: "BG-03",
    municipality: "Варна",
    address: "Варна 9009, Западна промишлена зона, ул. „Перла“ 5",
    website: "https://varnalogistic.bg",
    email: "jobs@varnalogistic.bg",
    phone: "+359 52 511 870",
  },
  {
    name: "BlueBridge Software",
    kind: "business",
    oblast: "BG-16",
    municipality: "Пловдив",
    address: "Plovdiv 4000, 2 Hristo Botev Blvd, Office 5",
    website: "https://bluebridge.software",
    email: "hello@bluebridge.software",
    phone: "+359 32 204 115",
    description: "IT company; paid internships in software testing for refugees with English.",
  },
  // Refugee-led and community groups
  {
    name: SYRIAN,
    kind: "refugee_led",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1000, ул. „Цар Симеон“ 80",
    email: "syrian.community.bg@gmail.com",
    phone: "+359 89 820 17 64",
    description: "Сдружение на сирийци в България; наставничество за новодошли и културни прояви.",
  },
  {
    name: AFGHAN,
    kind: "refugee_led",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1303, ул. „Опълченска“ 66",
    email: "nadezhda.afghan@gmail.com",
    phone: "+359 87 901 33 52",
    description: "Неформална общност на афганистанци в София, основана от бивши участници в програми за интеграция.",
  },
  {
    name: "Украинска общност „Мрія“ – Бургас",
    kind: "refugee_led",
    oblast: "BG-02",
    municipality: "Бургас",
    address: "Бургас 8000, ул. „Цар Петър“ 4",
    email: "mriya.burgas@gmail.com",
    phone: "+359 88 776 21 09",
    description: "Създадена през 2022 г. от украински семейства с временна закрила.",
  },
  {
    name: "Кюрдска общност „Нороз“",
    kind: "refugee_led",
    oblast: "BG-26",
    municipality: "Харманли",
    address: "Харманли 6450, ул. „Гоце Делчев“ 2",
    phone: "+359 89 445 67 81",
    description: "Представлява кюрдските семейства от Сирия и Ирак в Харманли.",
  },
  {
    name: "Съвет на жените бежанки в България",
    kind: "refugee_led",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1000, ул. „Георги Бенковски“ 11",
    email: "refugeewomen.bg@gmail.com",
    phone: "+359 88 313 52 40",
    description: "Застъпничество за правата на жените бежанки и майките с деца.",
  },
  // Academic
  {
    name: SU,
    kind: "academic",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1504, бул. „Цар Освободител“ 15",
    website: "https://www.uni-sofia.bg",
    email: "info@admin.uni-sofia.bg",
    phone: "+359 2 930 82 00",
    description: "Катедра „Социална работа“ – изследвания на интеграцията; партньор по НИЕМ.",
  },
  {
    name: "Нов български университет",
    kind: "academic",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1618, ул. „Монтевидео“ 21",
    website: "https://www.nbu.bg",
    email: "info@nbu.bg",
    phone: "+359 2 811 01 10",
  },
  {
    name: "Пловдивски университет „Паисий Хилендарски“",
    kind: "academic",
    oblast: "BG-16",
    municipality: "Пловдив",
    address: "Пловдив 4000, ул. „Цар Асен“ 24",
    website: "https://uni-plovdiv.bg",
    email: "rector@uni-plovdiv.bg",
    phone: "+359 32 261 363",
  },
  {
    name: "Институт за изследване на обществата и знанието при БАН",
    kind: "academic",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1000, ул. „Сердика“ 4",
    website: "https://issk-bas.org",
    email: "office@issk-bas.org",
    phone: "+359 2 980 92 49",
  },
  // Media
  {
    name: "Българско национално радио",
    kind: "media",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1040, бул. „Драган Цанков“ 4",
    website: "https://bnr.bg",
    email: "horizont@bnr.bg",
    phone: "+359 2 933 66 11",
  },
  {
    name: "Портал „Маргиналия“",
    kind: "media",
    oblast: "BG-22",
    municipality: "Столична",
    website: "https://marginalia.bg",
    email: "editors@marginalia.bg",
    description: "Онлайн издание за права на човека; публикува историите от форума.",
  },
  {
    name: "Радио „Варна“",
    kind: "media",
    oblast: "BG-03",
    municipality: "Варна",
    address: "Варна 9000, бул. „Приморски“ 22",
    website: "https://bnr.bg/varna",
    email: "radiovarna@bnr.bg",
    phone: "+359 52 664 110",
  },
  // Other
  {
    name: "Български дарителски форум",
    kind: "other",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1000, ул. „Христо Белчев“ 3",
    website: "https://www.dfbulgaria.org",
    email: "office@dfbulgaria.org",
    phone: "+359 2 951 59 77",
  },
  {
    name: "Национално сдружение на общините в Република България (НСОРБ)",
    kind: "other",
    oblast: "BG-22",
    municipality: "Столична",
    address: "София 1111, ул. „Голаш“ 23",
    website: "https://www.namrb.org",
    email: "info@namrb.org",
    phone: "+359 2 943 44 67",
  },
  {
    name: "Регионална библиотека „Пенчо Славейков“ – Варна",
    kind: "other",
    oblast: "BG-03",
    municipality: "Варна",
    address: "Варна 9000, ул. „Д-р Любен Каравелов“ 1",
    website: "https://libvar.bg",
    email: "library@libvar.bg",
    phone: "+359 52 659 600",
    description: "Клуб за разговорен български език за бежанци и мигранти.",
  },
];

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

type PersonSeed = {
  name: string;
  organization: string | null;
  position?: string;
  email?: string;
  phone?: string;
  languages?: string;
  notes?: string;
};

const BG_EN = "български, английски";

const personSeeds: PersonSeed[] = [
  // BCRM
  { name: "Мария Иванова", organization: BCRM, position: "Председател на Управителния съвет", email: "m.ivanova@bcrm-bg.org", phone: "+359 88 812 40 15", languages: "български, английски, френски" },
  { name: "Георги Петров", organization: BCRM, position: "Програмен мениджър", email: "g.petrov@bcrm-bg.org", phone: "+359 88 812 40 16", languages: BG_EN },
  { name: "Елена Димитрова", organization: BCRM, position: "Координатор по интеграцията", email: "e.dimitrova@bcrm-bg.org", phone: "+359 88 812 40 17", languages: "български, английски, арабски" },
  { name: "Николай Стоянов", organization: BCRM, position: "Координатор по интеграцията", email: "n.stoyanov@bcrm-bg.org", phone: "+359 88 812 40 18", languages: "български, английски, руски" },
  { name: "Радостина Петрова", organization: BCRM, position: "Юрист", email: "r.petrova@bcrm-bg.org", phone: "+359 88 812 40 19", languages: "български, английски, немски" },
  // UNHCR, Multi Kulti
  { name: "Анна Костова", organization: UNHCR, position: "Служител по интеграцията", email: "kostova@unhcr.org", phone: "+359 2 980 24 53", languages: "български, английски, френски" },
  { name: "Петър Георгиев", organization: UNHCR, position: "Служител по комуникациите", email: "georgiev@unhcr.org", phone: "+359 87 913 02 44", languages: BG_EN },
  { name: "Калина Тодорова", organization: MKC, position: "Директор", email: "kalina@multikulti.bg", phone: "+359 88 624 19 07", languages: "български, английски, испански" },
  { name: "Самер Ал-Хасан", organization: MKC, position: "Координатор на общностни програми", email: "samer@multikulti.bg", phone: "+359 89 335 70 12", languages: "арабски, български, английски" },
  // State institutions
  { name: "Стефан Иванов", organization: SAR, position: "Директор на дирекция „Социална дейност и адаптация“", email: "s.ivanov@saref.government.bg", phone: "+359 2 808 09 21", languages: BG_EN },
  { name: "Веселина Николова", organization: SAR, position: "Началник на отдел „Интеграция“", email: "v.nikolova@saref.government.bg", phone: "+359 2 808 09 34", languages: "български, английски, руски" },
  { name: "Даниела Петрова", organization: MTSP, position: "Директор на дирекция „Политика по пазара на труда“", email: "d.petrova@mlsp.government.bg", phone: "+359 2 811 94 10", languages: BG_EN },
  { name: "Красимир Ангелов", organization: MTSP, position: "Държавен експерт", email: "k.angelov@mlsp.government.bg", phone: "+359 2 811 94 57", languages: "български, немски" },
  { name: "Цветелина Маринова", organization: MON, position: "Главен експерт, дирекция „Приобщаващо образование“", email: "ts.marinova@mon.bg", phone: "+359 2 921 75 30", languages: BG_EN },
  { name: "д-р Борислав Христов", organization: MZ, position: "Държавен експерт, дирекция „Международни дейности“", email: "bhristov@mh.government.bg", phone: "+359 2 930 12 76", languages: "български, английски, руски" },
  { name: "Ралица Николаева", organization: MP, position: "Главен експерт, дирекция „Българско гражданство“", email: "r.nikolaeva@justice.government.bg", phone: "+359 2 923 74 12", languages: BG_EN },
  { name: "Милена Иванова", organization: AZ, position: "Началник на отдел „Посреднически услуги“", email: "m.ivanova@az.government.bg", phone: "+359 2 980 87 43", languages: BG_EN },
  { name: "Тодор Станев", organization: AZ, position: "Директор на Дирекция „Бюро по труда“ – Харманли", email: "dbt.harmanli@az.government.bg", phone: "+359 373 82 516", languages: "български, турски" },
  { name: "Галина Кирова", organization: "Агенция за социално подпомагане", position: "Главен експерт", email: "g.kirova@asp.government.bg", phone: "+359 2 935 04 88", languages: "български" },
  { name: "Пламен Василев", organization: "МВР – Дирекция „Миграция“", position: "Старши инспектор", email: "p.vasilev@mvr.bg", phone: "+359 2 982 31 50", languages: "български, английски, руски" },
  { name: "Надежда Попова", organization: "Омбудсман на Република България", position: "Главен експерт, Национален превантивен механизъм", email: "n.popova@ombudsman.bg", phone: "+359 2 810 69 31", languages: BG_EN },
  { name: "Виолета Тодорова", organization: "Регионално управление на образованието – София-град", position: "Старши експерт по приобщаващо образование", email: "v.todorova@ruo-sofia-grad.bg", phone: "+359 2 935 60 48", languages: "български, руски" },
  // Municipalities
  { name: "Десислава Колева", organization: SOFIA, position: "Главен експерт, дирекция „Социални дейности“", email: "dkoleva@sofia.bg", phone: "+359 2 937 75 12", languages: BG_EN },
  { name: "Христо Петров", organization: SOFIA, position: "Заместник-кмет по социални дейности", email: "hpetrov@sofia.bg", phone: "+359 2 937 72 40", languages: BG_EN },
  { name: "Силвия Ангелова", organization: SOFIA, position: "Директор на дирекция „Социални услуги“", email: "sangelova@sofia.bg", phone: "+359 2 937 75 01", languages: "български, английски, италиански" },
  { name: "Любомир Янков", organization: PLOVDIV, position: "Заместник-кмет по социална политика", email: "l.yankov@plovdiv.bg", phone: "+359 32 656 720", languages: BG_EN },
  { name: "Мирослава Илиева", organization: PLOVDIV, position: "Експерт „Социални дейности“", email: "m.ilieva@plovdiv.bg", phone: "+359 32 656 745", languages: "български" },
  { name: "Йордан Славов", organization: VARNA, position: "Директор на дирекция „Социални дейности“", email: "y.slavov@varna.bg", phone: "+359 52 820 310", languages: "български, руски" },
  { name: "Татяна Желязкова", organization: BURGAS, position: "Главен експерт „Етнически и демографски въпроси“", email: "t.zhelyazkova@burgas.bg", phone: "+359 56 907 318", languages: "български, английски, украински" },
  { name: "Добромир Костадинов", organization: HARMANLI, position: "Секретар на общината", email: "sekretar@harmanli.bg", phone: "+359 373 82 030", languages: "български" },
  { name: "Снежана Вълчева", organization: HARMANLI, position: "Експерт „Образование“", email: "obrazovanie@harmanli.bg", phone: "+359 373 82 042", languages: "български, турски" },
  { name: "Павел Димов", organization: "Община Русе", position: "Началник на отдел „Социални дейности“", email: "p.dimov@ruse-bg.eu", phone: "+359 82 881 690", languages: BG_EN },
  { name: "Емилия Колева", organization: "Община Стара Загора", position: "Главен експерт „Социални дейности“", email: "e.koleva@starazagora.bg", phone: "+359 42 614 830", languages: "български" },
  // Bulgarian Red Cross
  { name: "Иван Маринов", organization: BRC, position: "Ръководител на Службата за бежанци и мигранти", email: "i.marinov@redcross.bg", phone: "+359 2 816 48 20", languages: "български, английски, арабски" },
  { name: "Гергана Стоянова", organization: BRC, position: "Координатор на здравните програми", email: "g.stoyanova@redcross.bg", phone: "+359 2 816 48 37", languages: BG_EN },
  { name: "Борис Николов", organization: BRC, position: "Служба за издирване и възстановяване на семейни връзки", email: "b.nikolov@redcross.bg", phone: "+359 2 816 48 52", languages: "български, английски, френски" },
  // NGOs
  { name: "Ана Добрева", organization: WINGS, position: "Изпълнителен директор", email: "ana@mission-wings.org", phone: "+359 88 931 42 11", languages: BG_EN },
  { name: "Емил Ганчев", organization: CARITAS, position: "Ръководител на програма „Мигранти и бежанци“", email: "e.ganchev@caritas.bg", phone: "+359 2 963 09 72", languages: "български, английски, италиански" },
  { name: "Катя Иванова", organization: CARITAS, position: "Социален работник, център „Св. Анна“", email: "k.ivanova@caritas.bg", phone: "+359 88 720 55 13", languages: "български, английски, арабски" },
  { name: "Петя Донева", organization: "Каритас Русе", position: "Социален работник", email: "p.doneva@caritas-ruse.bg", phone: "+359 87 611 30 24", languages: "български, румънски" },
  { name: "Зорница Енчева", organization: "Български хелзинкски комитет", position: "Юрист, Програма за правна защита на бежанци", email: "z.encheva@bghelsinki.org", phone: "+359 2 943 48 80", languages: "български, английски, френски" },
  { name: "Деница Райкова", organization: VOICE, position: "Адвокат", email: "d.raykova@centerlegalaid.com", phone: "+359 87 668 91 22", languages: BG_EN },
  { name: "Светлана Маринова", organization: FAR, position: "Правен консултант", email: "s.marinova@farbg.eu", phone: "+359 2 980 85 72", languages: "български, английски, руски" },
  { name: "Лора Петкова", organization: TULIP, position: "Програмен директор", email: "l.petkova@tulipfoundation.net", phone: "+359 2 951 60 85", languages: BG_EN },
  { name: "Абдулла Хасан", organization: "Асоциация за интеграция на бежанци и мигранти (АИБМ)", position: "Председател", email: "a.hasan@aibm.bg", phone: "+359 89 742 15 34", languages: "арабски, български, английски" },
  { name: "Теодора Илиева", organization: "Фондация „Конкордия България“", position: "Социален работник", email: "t.ilieva@concordia.bg", phone: "+359 88 450 12 66", languages: BG_EN },
  { name: "Валентин Попов", organization: "Сдружение „Отворени врати“", position: "Председател", email: "v.popov.ov@abv.bg", phone: "+359 88 512 44 08", languages: "български" },
  { name: "Нели Христова", organization: "Фондация „Морски мост“", position: "Координатор", email: "neli@morskimost.bg", phone: "+359 89 611 20 49", languages: "български, украински, английски" },
  { name: "Росен Ангелов", organization: "Сдружение „Мост към интеграцията“", position: "Бивш председател", phone: "+359 88 220 71 19", languages: "български", notes: "Организацията е закрита; поддържаме контакт като доброволец във Варна." },
  // Businesses
  { name: "Вяра Александрова", organization: TELUS, position: "Мениджър „Човешки ресурси“", email: "vyara.aleksandrova@telusinternational.com", phone: "+359 2 491 50 31", languages: "български, английски, немски" },
  { name: "Daniel Weber", organization: TELUS, position: "Site Director", email: "daniel.weber@telusinternational.com", phone: "+359 2 491 50 02", languages: "английски, немски" },
  { name: "Стоян Желев", organization: PANORAMA, position: "Управител", email: "s.zhelev@panoramahotels.bg", phone: "+359 56 825 301", languages: "български, английски, руски" },
  { name: "Румяна Петрова", organization: TEXTILE, position: "Мениджър „Производство“", email: "r.petrova@trakiatextile.bg", phone: "+359 32 944 215", languages: "български, турски" },
  { name: "Кирил Тодоров", organization: "„Варна Логистик“ ООД", position: "Управител", email: "k.todorov@varnalogistic.bg", phone: "+359 52 511 871", languages: BG_EN },
  // Refugee-led / community
  { name: "Мохамад Ал-Хамауи", organization: SYRIAN, position: "Председател", email: "m.alhamawi@gmail.com", phone: "+359 89 820 17 65", languages: "арабски, български, английски" },
  { name: "Зарина Ахмадзай", organization: AFGHAN, position: "Координатор", email: "zarina.ahmadzai@gmail.com", phone: "+359 87 901 33 53", languages: "дари, пущу, български, английски" },
  { name: "Оксана Шевченко", organization: "Украинска общност „Мрія“ – Бургас", position: "Председател", email: "oksana.shevchenko@ukr.net", phone: "+359 88 776 21 10", languages: "украински, руски, български" },
  { name: "Азад Кадир", organization: "Кюрдска общност „Нороз“", position: "Председател", phone: "+359 89 445 67 82", languages: "кюрдски, арабски, турски, български" },
  { name: "Лейла Насер", organization: "Съвет на жените бежанки в България", position: "Председател", email: "leila.naser@gmail.com", phone: "+359 88 313 52 41", languages: "арабски, английски, български" },
  // Academic
  { name: "доц. д-р Мирела Стоянова", organization: SU, position: "Преподавател, катедра „Социална работа“", email: "m.stoyanova@phls.uni-sofia.bg", phone: "+359 2 930 82 45", languages: "български, английски, френски" },
  { name: "гл. ас. Александър Петров", organization: SU, position: "Изследовател, екип НИЕМ", email: "a.petrov@phls.uni-sofia.bg", phone: "+359 2 930 82 46", languages: BG_EN },
  { name: "проф. Веселин Кънчев", organization: "Нов български университет", position: "Департамент „Политически науки“", email: "vkanchev@nbu.bg", phone: "+359 2 811 02 35", languages: "български, английски, немски" },
  { name: "д-р Елица Георгиева", organization: "Пловдивски университет „Паисий Хилендарски“", position: "Главен асистент, Педагогически факултет", email: "e.georgieva@uni-plovdiv.bg", phone: "+359 32 261 402", languages: BG_EN },
  // Media
  { name: "Мартин Иванов", organization: "Българско национално радио", position: "Журналист, програма „Хоризонт“", email: "m.ivanov@bnr.bg", phone: "+359 88 419 22 70", languages: BG_EN },
  { name: "Лилия Дамянова", organization: "Портал „Маргиналия“", position: "Редактор", email: "liliya@marginalia.bg", phone: "+359 87 215 63 90", languages: BG_EN },
  { name: "Ивелина Стоянова", organization: "Радио „Варна“", position: "Репортер", email: "i.stoyanova@bnr.bg", phone: "+359 52 664 128", languages: "български, руски" },
  // International and other
  { name: "Катерина Радева", organization: "Международна организация по миграция (МОМ) – България", position: "Ръководител на проекти", email: "kradeva@iom.int", phone: "+359 2 939 47 80", languages: BG_EN },
  { name: "Десислава Иванова", organization: "Детски фонд на ООН (УНИЦЕФ) – България", position: "Служител по закрила на детето", email: "dsivanova@unicef.org", phone: "+359 2 969 62 31", languages: "български, английски, испански" },
  { name: "Sophie Laurent", organization: "Европейска комисия – ГД „Миграция и вътрешни работи“", position: "Policy Officer, AMIF", email: "sophie.laurent@ec.europa.eu", languages: "френски, английски" },
  { name: "Камен Петков", organization: "Български дарителски форум", position: "Програмен координатор", email: "k.petkov@dfbulgaria.org", phone: "+359 2 951 59 80", languages: BG_EN },
  { name: "Росица Генова", organization: "Национално сдружение на общините в Република България (НСОРБ)", position: "Експерт „Социални политики“", email: "r.genova@namrb.org", phone: "+359 2 943 44 71", languages: "български" },
  // No organization
  { name: "Георги Иванов", organization: null, position: "Независим консултант по миграция", email: "georgi.ivanov.consult@gmail.com", phone: "+359 88 917 23 54", languages: "български, английски, руски", notes: "Бивш служител на ДАБ; консултира общини по плановете за интеграция." },
  { name: "Анелия Христова", organization: null, position: "Преводач (арабски език)", email: "anelia.translations@abv.bg", phone: "+359 87 552 18 06", languages: "български, арабски, английски", notes: "Превеждаше на форума 2021; може да бъде ангажирана за 2026." },
  { name: "Мустафа Юсуфи", organization: null, position: "Културен медиатор", phone: "+359 89 903 44 17", languages: "дари, фарси, пущу, български", notes: "Доброволец в Харманли и София." },
];

// ---------------------------------------------------------------------------------------------
// Refugee contacts (pseudonymous) and their consents
// ---------------------------------------------------------------------------------------------

type RefugeeSeed = {
  name: string;
  languages: string;
  countryOfOrigin?: string;
  contactChannel: ContactChannel;
  contactValue: string;
  notes: string;
  consents: { givenOn: string; purposes: ConsentPurpose[]; expiresOn?: string; withdrawnOn?: string }[];
};

const refugeeSeeds: RefugeeSeed[] = [
  {
    name: "Амина Х.",
    languages: "арабски, английски, български",
    countryOfOrigin: "Сирия",
    contactChannel: "whatsapp",
    contactValue: "+359 87 712 34 56",
    notes: "Разказа историята си за записването на децата си в училище на форума 2021. Предпочита контакт следобед.",
    consents: [{ givenOn: "2021-11-15", purposes: ["forum_participation", "story_publication", "follow_up_contact"], expiresOn: "2026-11-15" }],
  },
  {
    name: "Ахмад Р.",
    languages: "дари, фарси, английски",
    countryOfOrigin: "Афганистан",
    contactChannel: "viber",
    contactValue: "+359 89 604 22 18",
    notes: "Говорител в панела за заетост на форума 2021; работи в многоезичен център за обслужване на клиенти.",
    consents: [{ givenOn: "2021-11-20", purposes: ["forum_participation", "follow_up_contact"] }],
  },
  {
    name: "Фатима (псевдоним)",
    languages: "арабски, кюрдски",
    countryOfOrigin: "Ирак",
    contactChannel: "via_organization",
    contactValue: "чрез Фондация „Мисия Криле“",
    notes: "Участва в консултацията за Манифеста. Оттегли съгласието си за публикуване на история – да не се използват материали с нея.",
    consents: [{ givenOn: "2021-06-17", purposes: ["forum_participation", "story_publication"], withdrawnOn: "2022-04-10" }],
  },
  {
    name: "Олена К.",
    languages: "украински, руски, английски",
    countryOfOrigin: "Украйна",
    contactChannel: "email",
    contactValue: "olena.k.bg@gmail.com",
    notes: "Живее в Бургас от 2019 г.; от 2022 г. доброволец в украинската общност „Мрія“.",
    consents: [{ givenOn: "2021-10-05", purposes: ["follow_up_contact"] }],
  },
  {
    name: "Карим С.",
    languages: "кюрдски, арабски, турски",
    countryOfOrigin: "Сирия",
    contactChannel: "signal",
    contactValue: "+359 88 390 11 74",
    notes: "Представител на кюрдските семейства в Харманли на форума 2021 и на кръглата маса в Харманли.",
    consents: [{ givenOn: "2021-09-14", purposes: ["forum_participation", "follow_up_contact"] }],
  },
  {
    name: "Хамид Н.",
    languages: "пущу, дари",
    countryOfOrigin: "Афганистан",
    contactChannel: "in_person",
    contactValue: "РПЦ Харманли, чрез културния медиатор",
    notes: "Съгласието предстои да бъде събрано с преводач; до тогава да не се включва в събития и материали.",
    consents: [],
  },
];

// ---------------------------------------------------------------------------------------------
// Events and participants
// ---------------------------------------------------------------------------------------------

const FORUM_SERIES = "Национален форум за интеграция на бежанците";
const MANIFESTO_SERIES = "Манифест за интеграция на бежанците в България";

type EventSeed = {
  key: string;
  title: string;
  kind: EventKind;
  series?: string;
  startsOn: string;
  endsOn?: string;
  place: string;
  oblast: Oblast;
  description: string;
  organizations: [string, ParticipantRole][];
  people: [string, ParticipantRole][];
  refugees?: [string, RefugeeParticipantRole][];
};

const eventSeeds: EventSeed[] = [
  {
    key: "forum2020",
    title: "Национален форум за интеграция на бежанците 2020",
    kind: "national_forum",
    series: FORUM_SERIES,
    startsOn: "2020-12-10",
    place: "онлайн (Zoom)",
    oblast: "BG-22",
    description: "Онлайн издание по време на пандемията: ролята на общините в интеграцията.",
    organizations: [
      [BCRM, "organizer"],
      [MKC, "organizer"],
      [UNHCR, "organizer"],
      [SAR, "speaker"],
      [SOFIA, "participant"],
      [BRC, "participant"],
      [CARITAS, "participant"],
      [SU, "speaker"],
    ],
    people: [
      ["Мария Иванова", "speaker"],
      ["Анна Костова", "speaker"],
      ["доц. д-р Мирела Стоянова", "speaker"],
    ],
  },
  {
    key: "forum2021",
    title: "Национален форум „Съвместно пишем новите истории на интеграция на бежанците“ 2021",
    kind: "national_forum",
    series: FORUM_SERIES,
    startsOn: "2021-11-30",
    place: "София, хотел „Рамада“",
    oblast: "BG-22",
    description:
      "Държавни институции, общини, неправителствени организации, бизнес и самите бежанци представиха историите на интеграция от годината и поеха ангажименти за следващата. На форума беше представен Манифестът за интеграция на бежанците в България.",
    organizations: [
      [BCRM, "organizer"],
      [MKC, "organizer"],
      [UNHCR, "organizer"],
      [SAR, "speaker"],
      [MTSP, "speaker"],
      [MON, "participant"],
      [MZ, "participant"],
      [MP, "participant"],
      [AZ, "speaker"],
      ["Омбудсман на Република България", "speaker"],
      [SOFIA, "speaker"],
      [PLOVDIV, "participant"],
      [VARNA, "participant"],
      [HARMANLI, "participant"],
      [BRC, "speaker"],
      [WINGS, "participant"],
      [CARITAS, "participant"],
      ["Български хелзинкски комитет", "participant"],
      [VOICE, "participant"],
      [FAR, "participant"],
      [TULIP, "speaker"],
      [TELUS, "speaker"],
      [PANORAMA, "participant"],
      [SYRIAN, "speaker"],
      [AFGHAN, "participant"],
      [SU, "participant"],
      ["Международна организация по миграция (МОМ) – България", "participant"],
      ["Детски фонд на ООН (УНИЦЕФ) – България", "participant"],
      ["Българско национално радио", "participant"],
    ],
    people: [
      ["Мария Иванова", "speaker"],
      ["Анна Костова", "speaker"],
      ["Калина Тодорова", "speaker"],
      ["Стефан Иванов", "speaker"],
      ["Христо Петров", "speaker"],
      ["Иван Маринов", "speaker"],
      ["Вяра Александрова", "speaker"],
      ["Надежда Попова", "speaker"],
      ["Мохамад Ал-Хамауи", "speaker"],
      ["Даниела Петрова", "participant"],
      ["Десислава Колева", "participant"],
      ["Зарина Ахмадзай", "participant"],
      ["Анелия Христова", "participant"],
      ["Мартин Иванов", "participant"],
    ],
    refugees: [
      ["Амина Х.", "story_teller"],
      ["Ахмад Р.", "speaker"],
      ["Карим С.", "community_representative"],
    ],
  },
  {
    key: "forum2026",
    title: "Национален форум за интеграция на бежанците 2026",
    kind: "national_forum",
    series: FORUM_SERIES,
    startsOn: "2026-12-08",
    place: "София, Централен военен клуб",
    oblast: "BG-22",
    description: "Пето присъствено издание: отчет на ангажиментите от 2021–2025 г. и нови ангажименти; пренасяне на неизпълнените.",
    organizations: [
      [BCRM, "organizer"],
      [MKC, "organizer"],
      [UNHCR, "organizer"],
      [SOFIA, "speaker"],
      [BRC, "speaker"],
      [SAR, "participant"],
      [VARNA, "participant"],
    ],
    people: [
      ["Мария Иванова", "speaker"],
      ["Калина Тодорова", "speaker"],
      ["Десислава Колева", "participant"],
    ],
  },
  {
    key: "manifesto1",
    title: "Манифест за интеграция: консултация с бежанските общности",
    kind: "consultation",
    series: MANIFESTO_SERIES,
    startsOn: "2021-06-17",
    place: "София, пространство на Multi Kulti Collective",
    oblast: "BG-22",
    description: "Първа консултация по текста на Манифеста с представители на сирийската, афганистанската, иракската и кюрдската общност.",
    organizations: [
      [BCRM, "organizer"],
      [MKC, "organizer"],
      [SYRIAN, "participant"],
      [AFGHAN, "participant"],
      ["Съвет на жените бежанки в България", "participant"],
      [WINGS, "participant"],
    ],
    people: [
      ["Елена Димитрова", "organizer"],
      ["Самер Ал-Хасан", "speaker"],
      ["Лейла Насер", "participant"],
    ],
    refugees: [
      ["Фатима (псевдоним)", "participant"],
      ["Амина Х.", "participant"],
    ],
  },
  {
    key: "manifesto2",
    title: "Кръгла маса „Местната власт и интеграцията“ – Харманли",
    kind: "round_table",
    series: MANIFESTO_SERIES,
    startsOn: "2021-09-14",
    place: "Харманли, Заседателна зала на Общината",
    oblast: "BG-26",
    description: "Обсъждане на раздела за общините в Манифеста: образование, жилища и местни услуги.",
    organizations: [
      [BCRM, "organizer"],
      [HARMANLI, "organizer"],
      [SAR, "participant"],
      [AZ, "participant"],
      [CARITAS, "participant"],
      ["Кюрдска общност „Нороз“", "participant"],
    ],
    people: [
      ["Николай Стоянов", "organizer"],
      ["Добромир Костадинов", "speaker"],
      ["Тодор Станев", "participant"],
      ["Азад Кадир", "speaker"],
    ],
    refugees: [["Карим С.", "community_representative"]],
  },
  {
    key: "manifesto3",
    title: "Кръгла маса „Работодателите и интеграцията“ – Варна",
    kind: "round_table",
    series: MANIFESTO_SERIES,
    startsOn: "2021-10-21",
    place: "Варна, Регионална библиотека „Пенчо Славейков“",
    oblast: "BG-03",
    description: "Работодатели, бюра по труда и общности за достъпа до заетост и професионално обучение.",
    organizations: [
      [BCRM, "organizer"],
      [VARNA, "participant"],
      ["„Варна Логистик“ ООД", "speaker"],
      ["Сдружение „Мост към интеграцията“", "participant"],
      ["Регионална библиотека „Пенчо Славейков“ – Варна", "participant"],
      ["Радио „Варна“", "participant"],
    ],
    people: [
      ["Георги Петров", "organizer"],
      ["Кирил Тодоров", "speaker"],
      ["Йордан Славов", "participant"],
      ["Росен Ангелов", "participant"],
    ],
  },
  {
    key: "training2022",
    title: "Обучение „Интеграцията на бежанците в общинските политики“",
    kind: "training",
    startsOn: "2022-03-22",
    endsOn: "2022-03-23",
    place: "Пловдив, хотел „Тримонциум“",
    oblast: "BG-16",
    description: "Двудневно обучение за общински служители: индивидуални споразумения за интеграция, общински планове, финансиране.",
    organizations: [
      [BCRM, "organizer"],
      [PLOVDIV, "participant"],
      ["Община Стара Загора", "participant"],
      ["Община Русе", "participant"],
      ["Община Благоевград", "participant"],
      ["Национално сдружение на общините в Република България (НСОРБ)", "speaker"],
    ],
    people: [
      ["Николай Стоянов", "organizer"],
      ["Мирослава Илиева", "participant"],
      ["Емилия Колева", "participant"],
      ["Павел Димов", "participant"],
      ["Росица Генова", "speaker"],
    ],
  },
  {
    key: "training2023",
    title: "Обучение за работодатели: наемане на бежанци и граждани на трети страни",
    kind: "training",
    startsOn: "2023-05-16",
    place: "Бургас, Регионален бизнес център",
    oblast: "BG-02",
    description: "Правни възможности за наемане, езикова подкрепа на работното място, опит на работодатели.",
    organizations: [
      [BCRM, "organizer"],
      [AZ, "speaker"],
      [PANORAMA, "participant"],
      [TEXTILE, "participant"],
      [BURGAS, "participant"],
      ["Фондация „Морски мост“", "participant"],
    ],
    people: [
      ["Елена Димитрова", "organizer"],
      ["Милена Иванова", "speaker"],
      ["Стоян Желев", "participant"],
      ["Румяна Петрова", "participant"],
      ["Нели Христова", "participant"],
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Partnerships
// ---------------------------------------------------------------------------------------------

type PartnershipSeed = {
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

const partnershipSeeds: PartnershipSeed[] = [
  {
    key: "advocacy",
    title: "Застъпничество за интеграция на бежанците в България",
    kind: "advocacy",
    project: "Застъпничество за интеграция на бежанците в България",
    status: "active",
    startsOn: "2021-01-01",
    endsOn: "2026-12-31",
    owner: COORD,
    description: "Годишен проект, финансиран от ВКБООН: Национален форум, Манифест, мониторинг на ангажиментите на институциите и общините.",
    members: [
      [BCRM, "lead"],
      [UNHCR, "funder"],
      [MKC, "partner"],
    ],
  },
  {
    key: "niem",
    title: "НИЕМ – Национален механизъм за оценка на интеграцията на бежанците",
    kind: "funding",
    project: "Фонд „Убежище, миграция и интеграция“ (ФУМИ/AMIF)",
    status: "concluded",
    startsOn: "2016-01-01",
    endsOn: "2022-06-30",
    owner: COORD2,
    description: "Транснационален проект за оценка на интеграцията по 13 измерения; BCRM е националният партньор за България.",
    members: [
      [BCRM, "lead"],
      ["Европейска комисия – ГД „Миграция и вътрешни работи“", "funder"],
      [SU, "partner"],
      [SAR, "partner"],
    ],
  },
  {
    key: "forum",
    title: "Съорганизиране на Националния форум за интеграция на бежанците",
    kind: "event_coorganization",
    project: FORUM_SERIES,
    status: "active",
    startsOn: "2020-09-01",
    owner: COORD,
    description: "Разпределение на задачите по годишния форум: програма, покани, говорители бежанци, логистика и отчет.",
    members: [
      [BCRM, "lead"],
      [MKC, "partner"],
      [UNHCR, "partner"],
    ],
  },
  {
    key: "referral",
    title: "Насочване на бежанци към социални и здравни услуги на Българския Червен кръст",
    kind: "referral",
    status: "active",
    startsOn: "2022-01-15",
    endsOn: "2026-12-31",
    owner: COORD,
    description: "Споразумение за взаимно насочване: социални консултации, здравни услуги, издирване на близки.",
    members: [
      [BRC, "lead"],
      [BCRM, "partner"],
    ],
  },
  {
    key: "sofiaMemo",
    title: "Меморандум за сътрудничество със Столична община за интеграция на бежанците",
    kind: "memorandum",
    status: "active",
    startsOn: "2022-02-01",
    endsOn: "2027-01-31",
    owner: COORD,
    description: "Информационен център, общински жилища, детски градини и езикови курсове в читалищата.",
    members: [
      [BCRM, "lead"],
      [SOFIA, "partner"],
      [BRC, "partner"],
    ],
  },
  {
    key: "employment",
    title: "Заетост за бежанци – партньорство с работодатели",
    kind: "implementation",
    project: "Застъпничество за интеграция на бежанците в България",
    status: "active",
    startsOn: "2022-03-01",
    endsOn: "2026-12-31",
    owner: COORD2,
    description: "Подбор и наставничество на работното място; съвместни обяви с Агенцията по заетостта.",
    members: [
      [BCRM, "lead"],
      [TELUS, "partner"],
      [PANORAMA, "partner"],
      [TEXTILE, "partner"],
      [AZ, "partner"],
    ],
  },
  {
    key: "harmanli",
    title: "Езикови курсове и социална ориентация в Харманли",
    kind: "implementation",
    status: "on_hold",
    startsOn: "2023-04-01",
    endsOn: "2027-03-31",
    owner: COORD2,
    description: "Спряно временно поради намаления брой настанени в РПЦ Харманли; възобновяване при ново финансиране.",
    members: [
      [CARITAS, "lead"],
      [HARMANLI, "partner"],
      [BCRM, "partner"],
    ],
  },
  {
    key: "familyLegal",
    title: "Правна помощ за събиране на семейства",
    kind: "implementation",
    status: "concluded",
    startsOn: "2022-01-01",
    endsOn: "2023-12-31",
    owner: COORD,
    description: "Консултации и процесуално представителство по събиране на семейства на лица с международна закрила.",
    members: [
      [VOICE, "lead"],
      [BCRM, "partner"],
      [FAR, "partner"],
      [UNHCR, "funder"],
    ],
  },
  {
    key: "varnaPlan",
    title: "Общински план за интеграция – Община Варна",
    kind: "memorandum",
    status: "exploring",
    startsOn: "2026-09-01",
    owner: COORD2,
    description: "Проучване на готовността на общината за общински план за интеграция на бежанците и граждани на Украйна.",
    members: [
      [BCRM, "lead"],
      [VARNA, "partner"],
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Commitments and their timelines
// ---------------------------------------------------------------------------------------------

type UpdateSeed = {
  at: string;
  author: string;
  note: string;
  status: CommitmentStatus;
  evidenceUrl?: string;
  /** For a partner's report: when a coordinator verified it (absent = still self-reported). */
  verifiedAt?: string;
};

type CommitmentSeed = {
  key: string;
  title: string;
  description: string;
  lead: string;
  event?: string;
  partnership?: string;
  dimension: NiemDimension;
  kind: CommitmentKind;
  /** A date, or a number of days from `today` (so it is still open whenever the demo is seeded). */
  due: string | number | null;
  owner: string;
  shared?: boolean;
  coPledgers?: string[];
  carriedOverFrom?: string;
  updates: UpdateSeed[];
};

const commitmentSeeds: CommitmentSeed[] = [
  // --- Столична община ---
  {
    key: "sofia-info-center",
    title: "Информационен център за бежанци в Столична община",
    description: "Отваряне на информационно гише с преводачи на арабски и фарси в дирекция „Социални дейности“.",
    lead: SOFIA,
    event: "forum2021",
    partnership: "sofiaMemo",
    dimension: "mainstreaming_governance",
    kind: "service",
    due: "2022-12-31",
    owner: COORD,
    shared: true,
    updates: [
      { at: "2022-03-15T10:00:00.000Z", author: COORD, note: "Определено е помещение на ул. „Московска“; избират се преводачи.", status: "in_progress" },
      {
        at: "2022-11-20T14:30:00.000Z",
        author: COORD,
        note: "Центърът работи от 1 ноември, три дни седмично. Посетихме го със Столична община.",
        status: "fulfilled",
        evidenceUrl: "https://www.sofia.bg/news/informatsionen-tsentar-bezhantsi",
      },
    ],
  },
  {
    key: "sofia-housing",
    title: "Общински жилища за признати бежанци – пилотна квота",
    description: "Пилотна квота от 10 общински жилища за семейства с международна закрила, напускащи центровете на ДАБ.",
    lead: SOFIA,
    event: "forum2021",
    partnership: "sofiaMemo",
    dimension: "housing",
    kind: "policy",
    due: "2023-06-30",
    owner: COORD,
    shared: true,
    updates: [
      { at: "2022-06-10T09:00:00.000Z", author: COORD, note: "Промяната в наредбата за общинските жилища е внесена в Столичния общински съвет.", status: "in_progress" },
      { at: "2023-07-05T11:15:00.000Z", author: COORD, note: "Настанени са 4 семейства от планираните 10; останалите жилища изискват ремонт.", status: "partially_fulfilled" },
    ],
  },
  {
    key: "sofia-redcross-language",
    title: "Безплатни курсове по български език в общинските читалища",
    description: "Съвместен ангажимент на Столична община и Българския Червен кръст: курсове в пет читалища, с доброволци на БЧК за децата.",
    lead: SOFIA,
    event: "forum2021",
    partnership: "sofiaMemo",
    dimension: "language_orientation",
    kind: "training",
    due: 120,
    owner: COORD,
    shared: true,
    coPledgers: [BRC],
    updates: [
      { at: "2022-09-01T08:30:00.000Z", author: COORD, note: "Първите два курса започнаха в читалищата в „Люлин“ и „Надежда“.", status: "in_progress" },
      { at: "2025-10-10T12:00:00.000Z", author: COORD2, note: "Курсове в четири от петте читалища; петото очаква ремонт.", status: "in_progress" },
    ],
  },
  {
    key: "sofia-kindergartens",
    title: "Прием на деца на бежанци в общинските детски градини без изискване за постоянен адрес",
    description: "Промяна в правилата за прием, така че децата на търсещи и получили закрила да се записват с адрес на центъра или настоящ адрес.",
    lead: SOFIA,
    event: "forum2021",
    dimension: "children_education",
    kind: "policy",
    due: "2026-09-15",
    owner: COORD,
    shared: true,
    updates: [
      { at: "2022-04-12T10:00:00.000Z", author: COORD, note: "Проектът на правилата е публикуван за обществено обсъждане.", status: "in_progress" },
      {
        at: "2026-10-20T09:45:00.000Z",
        author: P_SOFIA,
        note: "Новите правила са в сила от учебната 2026/2027 г.; записани са 37 деца. Прилагаме решението на СОС.",
        status: "fulfilled",
        evidenceUrl: "https://www.sofia.bg/documents/pravila-priem-detski-gradini-2026",
      },
    ],
  },
  {
    key: "sofia-strategy",
    title: "Включване на бежанците в Общинската стратегия за социални услуги 2022–2030",
    description: "Отделна мярка за лицата с международна закрила в стратегията и в годишния план за социални услуги.",
    lead: SOFIA,
    event: "forum2021",
    dimension: "mainstreaming_governance",
    kind: "policy",
    due: "2022-06-30",
    owner: COORD2,
    shared: false,
    updates: [{ at: "2022-05-20T13:00:00.000Z", author: COORD2, note: "Изпратени са писмени предложения; мярката е в работния вариант, чака гласуване.", status: "in_progress" }],
  },
  // --- Български Червен кръст ---
  {
    key: "redcross-health",
    title: "Мобилни здравни консултации в регистрационно-приемателните центрове",
    description: "Мобилен екип (лекар, медицинска сестра, преводач) посещава центровете в София и Харманли два пъти месечно.",
    lead: BRC,
    event: "forum2021",
    partnership: "referral",
    dimension: "health",
    kind: "service",
    due: "2022-12-31",
    owner: COORD,
    shared: true,
    updates: [
      {
        at: "2022-02-10T09:00:00.000Z",
        author: P_BRC,
        note: "Екипът е сформиран, първите посещения в РПЦ „Овча купел“ са проведени.",
        status: "in_progress",
        verifiedAt: "2022-02-14T10:00:00.000Z",
      },
      {
        at: "2023-01-15T15:00:00.000Z",
        author: COORD,
        note: "Проведени са 46 посещения и 1 180 консултации през 2022 г. Годишният отчет е получен.",
        status: "fulfilled",
        evidenceUrl: "https://www.redcross.bg/activities/refugees/otchet-2022",
      },
    ],
  },
  {
    key: "redcross-tracing",
    title: "Консултации по издирване и възстановяване на семейни връзки за бежанци",
    description: "Служба за издирване на БЧК приема насочвания от BCRM и консултира по събиране на семейства.",
    lead: BRC,
    event: "forum2021",
    partnership: "referral",
    dimension: "family_reunification",
    kind: "service",
    due: "2026-10-31",
    owner: COORD,
    shared: true,
    updates: [
      { at: "2022-05-05T11:00:00.000Z", author: COORD, note: "Процедурата за насочване е съгласувана; първите 12 случая са приети.", status: "in_progress" },
      {
        at: "2026-11-02T08:20:00.000Z",
        author: P_BRC,
        note: "Възстановени са връзки в 31 от 58 случая; за останалите липсва достъп до държавите на произход.",
        status: "partially_fulfilled",
      },
    ],
  },
  {
    key: "redcross-starter-packs",
    title: "Пакети за първоначално настаняване на признати бежанци",
    description: "Пакети с основни домакински вещи за 100 семейства, напускащи центровете на ДАБ.",
    lead: BRC,
    event: "forum2021",
    dimension: "social_security",
    kind: "in_kind",
    due: "2022-06-30",
    owner: COORD,
    shared: true,
    updates: [
      { at: "2022-03-01T10:00:00.000Z", author: COORD, note: "Търси се дарител за пакетите.", status: "in_progress" },
      { at: "2022-07-15T16:00:00.000Z", author: COORD, note: "Дарителската кампания не събра средства; ангажиментът не е изпълнен. Предлагаме пренасяне.", status: "not_fulfilled" },
    ],
  },
  {
    key: "redcross-volunteers",
    title: "Обучение на доброволци за работа с бежанци",
    description: "Обучение на 40 младежи доброволци от БЧК за работа с деца и семейства бежанци.",
    lead: BRC,
    event: "forum2021",
    dimension: "building_bridges",
    kind: "training",
    due: 60,
    owner: COORD2,
    shared: false,
    updates: [],
  },
  // --- BCRM and the forum co-organizers ---
  {
    key: "bcrm-manifesto",
    title: "Публикуване и популяризиране на Манифеста за интеграция на бежанците",
    description: "Публикуване на Манифеста на български, английски, арабски и фарси и представянето му пред институциите.",
    lead: BCRM,
    event: "forum2021",
    partnership: "advocacy",
    dimension: "mainstreaming_governance",
    kind: "advocacy",
    due: "2022-03-31",
    owner: COORD,
    updates: [
      { at: "2021-12-15T10:00:00.000Z", author: COORD, note: "Текстът е редактиран след форума; преводите са поръчани.", status: "in_progress" },
      { at: "2022-03-28T12:00:00.000Z", author: MANAGER, note: "Манифестът е публикуван и изпратен до 40 институции и общини.", status: "fulfilled", evidenceUrl: "https://bcrm-bg.org/manifest-integratsia" },
    ],
  },
  {
    key: "bcrm-niem-report",
    title: "Национален доклад по НИЕМ – оценка на интеграцията 2022",
    description: "Доклад по 13-те измерения на НИЕМ с препоръки към институциите.",
    lead: BCRM,
    event: "forum2021",
    partnership: "niem",
    dimension: "mainstreaming_governance",
    kind: "advocacy",
    due: "2022-06-30",
    owner: COORD2,
    updates: [
      { at: "2022-02-01T09:00:00.000Z", author: COORD2, note: "Събрани са данни от ДАБ, МТСП и МОН.", status: "in_progress" },
      { at: "2022-06-24T15:30:00.000Z", author: COORD2, note: "Докладът е представен пред ДАБ и публикуван.", status: "fulfilled", evidenceUrl: "https://bcrm-bg.org/niem-doklad-2022" },
    ],
  },
  {
    key: "unhcr-family-legal",
    title: "Финансиране на правна помощ за събиране на семейства",
    description: "ВКБООН финансира консултации и процесуално представителство по 60 случая на събиране на семейства.",
    lead: UNHCR,
    event: "forum2021",
    partnership: "familyLegal",
    dimension: "family_reunification",
    kind: "funding",
    due: "2023-12-31",
    owner: COORD,
    updates: [
      { at: "2022-01-20T10:00:00.000Z", author: COORD, note: "Договорът с „Глас в България“ е подписан.", status: "in_progress" },
      { at: "2024-01-18T10:00:00.000Z", author: COORD, note: "Подкрепени са 64 случая; 29 семейства са събрани.", status: "fulfilled" },
    ],
  },
  {
    key: "multikulti-culture",
    title: "Кулинарни и културни срещи „Вкусът на дома“ в пет града",
    description: "Срещи, на които бежанци и местни жители готвят и разказват заедно.",
    lead: MKC,
    event: "forum2021",
    partnership: "advocacy",
    dimension: "building_bridges",
    kind: "in_kind",
    due: "2022-11-30",
    owner: COORD,
    updates: [
      { at: "2022-06-20T18:00:00.000Z", author: COORD, note: "Проведени срещи в София, Пловдив и Харманли за Световния ден на бежанците.", status: "in_progress" },
      { at: "2022-11-25T17:00:00.000Z", author: COORD, note: "Проведени са срещи във всичките пет града.", status: "fulfilled" },
    ],
  },
  // --- State institutions ---
  {
    key: "sar-skills",
    title: "Ранна оценка на уменията в регистрационно-приемателните центрове",
    description: "Въпросник за образование и професионален опит още при регистрацията, споделян с бюрата по труда със съгласие.",
    lead: SAR,
    event: "forum2021",
    dimension: "reception_impact",
    kind: "service",
    due: 75,
    owner: COORD2,
    updates: [{ at: "2023-03-02T10:00:00.000Z", author: COORD2, note: "Въпросникът е тестван в РПЦ Харманли.", status: "in_progress" }],
  },
  {
    key: "sar-documents",
    title: "Съкращаване на срока за издаване на документи за самоличност на признати бежанци",
    description: "Съвместна процедура с МВР за издаване на документи до 30 дни след решението за закрила.",
    lead: SAR,
    event: "forum2021",
    dimension: "residency",
    kind: "policy",
    due: "2022-12-31",
    owner: COORD2,
    updates: [
      { at: "2022-04-18T09:00:00.000Z", author: COORD2, note: "Работна група ДАБ–МВР е създадена.", status: "in_progress" },
      { at: "2023-02-20T14:00:00.000Z", author: COORD2, note: "Срокът е съкратен за София, но не и за Харманли.", status: "partially_fulfilled" },
    ],
  },
  {
    key: "mp-naturalization",
    title: "Публикуване на ясни указания за натурализация на признати бежанци",
    description: "Указания на разбираем език за облекчената процедура по натурализация.",
    lead: MP,
    event: "forum2021",
    dimension: "nationality",
    kind: "policy",
    due: "2022-12-31",
    owner: COORD2,
    updates: [
      { at: "2022-05-01T10:00:00.000Z", author: COORD2, note: "Министерството поиска примерен текст от BCRM.", status: "in_progress" },
      { at: "2023-02-10T10:00:00.000Z", author: COORD2, note: "Указанията не бяха публикувани; смяна на екипа в дирекцията.", status: "not_fulfilled" },
    ],
  },
  {
    key: "mtsp-employment-plan",
    title: "Включване на бежанците в Националния план за действие по заетостта 2022",
    description: "Целева група „лица с международна закрила“ с отделен бюджет за курсове и субсидирана заетост.",
    lead: MTSP,
    event: "forum2021",
    dimension: "employment",
    kind: "policy",
    due: "2022-03-31",
    owner: COORD,
    updates: [{ at: "2022-03-10T10:00:00.000Z", author: COORD, note: "Планът е приет с целевата група.", status: "fulfilled", evidenceUrl: "https://www.mlsp.government.bg/natsionalen-plan-za-deystvie-po-zaetostta-2022" }],
  },
  {
    key: "mtsp-social-assistance",
    title: "Улесняване на достъпа до месечни социални помощи за признати бежанци",
    description: "Указания към дирекциите „Социално подпомагане“ за документите, които се изискват от лица с международна закрила.",
    lead: MTSP,
    event: "forum2021",
    dimension: "social_security",
    kind: "policy",
    due: 45,
    owner: COORD2,
    updates: [{ at: "2024-09-12T10:00:00.000Z", author: COORD2, note: "Проектът на указания е съгласуван с Агенцията за социално подпомагане.", status: "in_progress" }],
  },
  {
    key: "az-mobile-offices",
    title: "Мобилни бюра по труда в Харманли и София за бежанци",
    description: "Ежеседмични приемни на бюрата по труда в центровете на ДАБ.",
    lead: AZ,
    event: "forum2021",
    partnership: "employment",
    dimension: "employment",
    kind: "service",
    due: "2022-10-31",
    owner: COORD2,
    updates: [
      { at: "2022-04-04T10:00:00.000Z", author: COORD2, note: "Пилотни приемни в Харманли.", status: "in_progress" },
      { at: "2022-09-12T10:00:00.000Z", author: COORD2, note: "Агенцията оттегли ангажимента поради реорганизация на бюрата.", status: "withdrawn" },
    ],
  },
  {
    key: "mon-language",
    title: "Допълнително обучение по български език за деца на бежанци в училищата",
    description: "Поне 72 часа допълнително обучение годишно за всяко записано дете, търсещо или получило закрила.",
    lead: MON,
    event: "forum2021",
    dimension: "children_education",
    kind: "training",
    due: "2022-09-15",
    owner: COORD2,
    updates: [{ at: "2022-10-05T10:00:00.000Z", author: COORD2, note: "Обучението тече в 14 училища; предстои оценка на часовете.", status: "in_progress" }],
  },
  {
    key: "mz-translations",
    title: "Превод на информационни материали за здравноосигурителните права на арабски и фарси",
    description: "Брошури и страница на сайта на министерството.",
    lead: MZ,
    event: "forum2021",
    dimension: "health",
    kind: "service",
    due: "2022-06-30",
    owner: COORD,
    updates: [{ at: "2022-08-01T10:00:00.000Z", author: COORD, note: "Министерството оттегли ангажимента – материалите ще изготви ВКБООН.", status: "withdrawn" }],
  },
  // --- Municipalities outside Sofia ---
  {
    key: "plovdiv-coordinator",
    title: "Общински координатор по интеграцията в Община Пловдив",
    description: "Щатна позиция за координация на услугите за бежанци и мигранти.",
    lead: PLOVDIV,
    event: "forum2021",
    dimension: "mainstreaming_governance",
    kind: "policy",
    due: "2022-12-31",
    owner: COORD2,
    updates: [
      { at: "2022-03-23T10:00:00.000Z", author: COORD2, note: "Обсъдено на обучението в Пловдив; общината търси финансиране.", status: "in_progress" },
      { at: "2023-01-12T10:00:00.000Z", author: COORD2, note: "Позицията не е включена в бюджета за 2023 г.", status: "not_fulfilled" },
    ],
  },
  {
    key: "harmanli-schools",
    title: "Подкрепа за записване на деца от РПЦ Харманли в местните училища",
    description: "Транспорт и помощник-учители за децата от центъра.",
    lead: HARMANLI,
    event: "forum2021",
    partnership: "harmanli",
    dimension: "children_education",
    kind: "service",
    due: "2022-09-15",
    owner: COORD2,
    updates: [{ at: "2022-09-20T10:00:00.000Z", author: COORD2, note: "Записани 23 деца; помощник-учителите още не са назначени.", status: "in_progress" }],
  },
  // --- NGOs ---
  {
    key: "caritas-housing",
    title: "Консултации по жилищно настаняване в център „Св. Анна“",
    description: "Консултант по жилищата, посредничество с наемодатели и гаранционен фонд за депозити.",
    lead: CARITAS,
    event: "forum2021",
    dimension: "housing",
    kind: "service",
    due: 150,
    owner: COORD,
    updates: [{ at: "2023-04-11T10:00:00.000Z", author: COORD, note: "Гаранционният фонд работи; подкрепени 18 домакинства.", status: "in_progress" }],
  },
  {
    key: "wings-psychosocial",
    title: "Групи за психосоциална подкрепа за жени и деца",
    description: "Седмични групи в София с психолог и преводач.",
    lead: WINGS,
    event: "forum2021",
    dimension: "health",
    kind: "service",
    due: "2022-12-31",
    owner: COORD,
    updates: [
      { at: "2022-02-15T10:00:00.000Z", author: COORD, note: "Групите стартираха с 12 жени.", status: "in_progress" },
      { at: "2022-12-20T10:00:00.000Z", author: COORD, note: "Проведени 44 срещи през годината.", status: "fulfilled" },
    ],
  },
  {
    key: "syrian-mentoring",
    title: "Наставническа програма „Приятел за новодошлите“",
    description: "Членове на сирийската общност придружават новопризнати бежанци през първите три месеца.",
    lead: SYRIAN,
    event: "forum2021",
    dimension: "building_bridges",
    kind: "in_kind",
    due: 30,
    owner: COORD,
    updates: [],
  },
  // --- Businesses and academia ---
  {
    key: "telus-hiring",
    title: "Наемане на 20 бежанци на позиции с арабски, фарси и украински език",
    description: "Обучение и наемане на бежанци в многоезичния център в София.",
    lead: TELUS,
    event: "forum2021",
    partnership: "employment",
    dimension: "employment",
    kind: "employment",
    due: "2022-12-31",
    owner: COORD2,
    updates: [
      { at: "2022-04-28T10:00:00.000Z", author: COORD2, note: "Наети са първите 8 души.", status: "in_progress" },
      { at: "2022-12-15T10:00:00.000Z", author: COORD2, note: "Наети 23 души, 19 от тях остават на работа след изпитателния срок.", status: "fulfilled" },
    ],
  },
  {
    key: "panorama-seasonal",
    title: "Сезонна заетост и обучение на работното място за 15 бежанци",
    description: "Позиции в кухня, камериерство и поддръжка в хотелите по Южното Черноморие.",
    lead: PANORAMA,
    event: "forum2021",
    partnership: "employment",
    dimension: "vocational_training",
    kind: "employment",
    due: "2022-09-30",
    owner: COORD2,
    updates: [
      { at: "2022-05-30T10:00:00.000Z", author: COORD2, note: "Подбрани 15 кандидати, транспортът от София е уреден.", status: "in_progress" },
      { at: "2022-10-10T10:00:00.000Z", author: COORD2, note: "9 души завършиха сезона; 6 напуснаха заради жилищните условия.", status: "partially_fulfilled" },
    ],
  },
  {
    key: "textile-internships",
    title: "Стажантска програма за жени бежанки в шивашкото производство",
    description: "Шестмесечен платен стаж с наставник и курс по български език на работното място.",
    lead: TEXTILE,
    event: "training2023",
    partnership: "employment",
    dimension: "vocational_training",
    kind: "training",
    due: 90,
    owner: COORD2,
    updates: [],
  },
  {
    key: "su-language",
    title: "Безплатен курс по български език за бежанци-студенти",
    description: "Интензивен курс в Департамента за езиково обучение, с признаване на кредити.",
    lead: SU,
    event: "forum2021",
    dimension: "language_orientation",
    kind: "training",
    due: 200,
    owner: COORD,
    updates: [],
  },
  // --- Carried over to the 2026 forum ---
  {
    key: "redcross-starter-packs-2026",
    title: "Пакети за първоначално настаняване на признати бежанци (пренесен от 2021 г.)",
    description: "Пренесен неизпълнен ангажимент от форума 2021: пакети за 60 семейства, с финансиране от дарителска кампания на БЧК.",
    lead: BRC,
    event: "forum2026",
    partnership: "referral",
    dimension: "social_security",
    kind: "in_kind",
    due: "2027-06-30",
    owner: COORD,
    shared: true,
    carriedOverFrom: "redcross-starter-packs",
    updates: [],
  },
];

// ---------------------------------------------------------------------------------------------
// Follow-ups (due dates in days from `today`)
// ---------------------------------------------------------------------------------------------

type FollowUpSeed = {
  title: string;
  notes?: string;
  due: number;
  assignee: string;
  organization?: string;
  person?: string;
  partnership?: string;
  commitment?: string;
  event?: string;
  status: FollowUpStatus;
  sharedWith?: string;
  /** For done items: days before today, who completed it, and a note. */
  completed?: { daysAgo: number; by: string; note?: string };
};

const followUpSeeds: FollowUpSeed[] = [
  // Елена Димитрова (coordinator@bcrm.demo)
  {
    title: "Изпращане на протокола от срещата по меморандума",
    notes: "Протоколът да се съгласува с дирекция „Социални дейности“ преди подписване.",
    due: -3,
    assignee: COORD,
    organization: SOFIA,
    person: "Десислава Колева",
    partnership: "sofiaMemo",
    status: "open",
    sharedWith: SOFIA,
  },
  {
    title: "Напомняне към Община Пловдив за общинския координатор",
    due: -12,
    assignee: COORD,
    organization: PLOVDIV,
    person: "Любомир Янков",
    commitment: "plovdiv-coordinator",
    status: "open",
  },
  {
    title: "Потвърждаване на говорител от БЧК за форума 2026",
    notes: "Тема на панела: здравни услуги и семейни връзки.",
    due: -1,
    assignee: COORD,
    organization: BRC,
    person: "Иван Маринов",
    event: "forum2026",
    status: "open",
    sharedWith: BRC,
  },
  {
    title: "Проверка на отчета на Столична община за детските градини",
    notes: "Отчетът е подаден от партньора – да се провери броят записани деца с РУО и да се потвърди статусът.",
    due: 0,
    assignee: COORD,
    organization: SOFIA,
    commitment: "sofia-kindergartens",
    status: "open",
  },
  {
    title: "Покана за говорител от Сирийската общност за форума 2026",
    due: 2,
    assignee: COORD,
    organization: SYRIAN,
    person: "Мохамад Ал-Хамауи",
    event: "forum2026",
    status: "open",
  },
  {
    title: "Съгласуване на програмата на форума 2026 с ВКБООН",
    due: 4,
    assignee: COORD,
    organization: UNHCR,
    person: "Анна Костова",
    partnership: "forum",
    event: "forum2026",
    status: "open",
  },
  {
    title: "Данни за записаните деца в общинските детски градини",
    notes: "Таблица по райони, за отчета на форума 2026.",
    due: 6,
    assignee: COORD,
    organization: SOFIA,
    commitment: "sofia-kindergartens",
    status: "open",
    sharedWith: SOFIA,
  },
  {
    title: "Годишен отчет по партньорството за застъпничество",
    due: 20,
    assignee: COORD,
    organization: UNHCR,
    partnership: "advocacy",
    status: "open",
  },
  {
    title: "Среща с Telus International Bulgaria за нов прием",
    due: 35,
    assignee: COORD,
    organization: TELUS,
    person: "Вяра Александрова",
    partnership: "employment",
    status: "open",
  },
  {
    title: "Обаждане до Агенцията по заетостта за мобилните бюра",
    notes: "Да се провери дали мярката може да се върне в плана за 2027 г.",
    due: -18,
    assignee: COORD,
    organization: AZ,
    person: "Милена Иванова",
    commitment: "az-mobile-offices",
    status: "open",
  },
  {
    title: "Изпращане на поканите за форума 2026",
    due: -10,
    assignee: COORD,
    event: "forum2026",
    partnership: "forum",
    status: "done",
    completed: { daysAgo: 11, by: COORD, note: "Изпратени 180 покани." },
  },
  {
    title: "Списък на читалищата за езиковите курсове",
    due: -5,
    assignee: COORD,
    organization: SOFIA,
    commitment: "sofia-redcross-language",
    status: "done",
    sharedWith: SOFIA,
    completed: { daysAgo: 6, by: P_SOFIA, note: "Списъкът с пет читалища и графиците е качен." },
  },
  {
    title: "Посещение в Община Бургас",
    due: -30,
    assignee: COORD,
    organization: BURGAS,
    person: "Татяна Желязкова",
    status: "cancelled",
  },
  {
    title: "Обновяване на контактните точки за насочване",
    due: 10,
    assignee: COORD,
    organization: BRC,
    partnership: "referral",
    status: "open",
    sharedWith: BRC,
  },
  {
    title: "Статистика за здравните консултации за годината",
    due: -8,
    assignee: COORD,
    organization: BRC,
    person: "Гергана Стоянова",
    commitment: "redcross-health",
    status: "done",
    sharedWith: BRC,
    completed: { daysAgo: 9, by: P_BRC, note: "Статистиката е изпратена по имейл." },
  },
  {
    title: "Данни за възстановените семейни връзки",
    notes: "Брой случаи по държави на произход, без лични данни.",
    due: -7,
    assignee: COORD,
    organization: BRC,
    person: "Борис Николов",
    commitment: "redcross-tracing",
    status: "open",
    sharedWith: BRC,
  },
  {
    title: "Вътрешна оценка на насочванията към БЧК",
    notes: "Само за екипа на BCRM.",
    due: 14,
    assignee: COORD,
    organization: BRC,
    partnership: "referral",
    status: "open",
  },
  {
    title: "Подготовка на общински план за интеграция 2027",
    due: 45,
    assignee: COORD,
    organization: SOFIA,
    person: "Силвия Ангелова",
    partnership: "sofiaMemo",
    status: "open",
    sharedWith: SOFIA,
  },
  {
    title: "Съвместно посещение в РПЦ „Враждебна“",
    due: -15,
    assignee: COORD,
    organization: SOFIA,
    status: "cancelled",
    sharedWith: SOFIA,
  },
  {
    title: "Благодарствено писмо до БЧК за годишните данни",
    notes: "Вътрешна задача – писмото се подписва от председателя на BCRM.",
    due: -40,
    assignee: COORD,
    organization: BRC,
    partnership: "referral",
    status: "done",
    completed: { daysAgo: 40, by: COORD },
  },
  // Николай Стоянов (coordinator2@bcrm.demo)
  {
    title: "Вътрешна позиция за общинските жилища",
    due: 9,
    assignee: COORD2,
    organization: SOFIA,
    commitment: "sofia-housing",
    status: "open",
  },
  {
    title: "Проследяване на езиковото обучение в училищата",
    due: -5,
    assignee: COORD2,
    organization: MON,
    person: "Цветелина Маринова",
    commitment: "mon-language",
    status: "open",
  },
  {
    title: "Списък с кандидати за сезонна работа",
    due: 3,
    assignee: COORD2,
    organization: PANORAMA,
    person: "Стоян Желев",
    partnership: "employment",
    status: "open",
  },
  {
    title: "Среща с Каритас за проекта в Харманли",
    due: 25,
    assignee: COORD2,
    organization: CARITAS,
    person: "Емил Ганчев",
    partnership: "harmanli",
    status: "open",
  },
  {
    title: "Изпращане на доклада по НИЕМ до ДАБ",
    due: -60,
    assignee: COORD2,
    organization: SAR,
    partnership: "niem",
    commitment: "bcrm-niem-report",
    status: "done",
    completed: { daysAgo: 62, by: COORD2 },
  },
  {
    title: "Консултация с „Глас в България“ за случаи на събиране на семейства",
    due: -9,
    assignee: COORD2,
    organization: VOICE,
    person: "Деница Райкова",
    status: "open",
  },
  {
    title: "Подготовка на кръгла маса във Варна",
    due: 60,
    assignee: COORD2,
    organization: VARNA,
    person: "Йордан Славов",
    partnership: "varnaPlan",
    status: "open",
  },
  {
    title: "Превод на Манифеста на украински",
    due: -20,
    assignee: COORD2,
    event: "manifesto1",
    status: "cancelled",
  },
  // Георги Петров (manager@bcrm.demo)
  {
    title: "Финансов отчет към ВКБООН по проекта за застъпничество",
    due: 5,
    assignee: MANAGER,
    organization: UNHCR,
    partnership: "advocacy",
    status: "open",
  },
  {
    title: "Преглед на бюджета на форума 2026",
    due: -2,
    assignee: MANAGER,
    event: "forum2026",
    partnership: "forum",
    status: "open",
  },
];

// ---------------------------------------------------------------------------------------------
// Interactions
// ---------------------------------------------------------------------------------------------

type InteractionSeed = {
  kind: InteractionKind;
  on: string;
  subject: string;
  body: string;
  participants?: string;
  organization?: string;
  person?: string;
  by?: string;
};

const interactionSeeds: InteractionSeed[] = [
  { kind: "meeting", on: "2021-09-02", subject: "Планиране на Националния форум 2021", body: "Обсъдихме темата „Съвместно пишем новите истории“, датата 30 ноември и бюджета. ВКБООН поема залата и превода.", participants: "Елена Димитрова, Мария Иванова, Анна Костова", organization: UNHCR, person: "Анна Костова" },
  { kind: "call", on: "2021-09-20", subject: "Разпределение на задачите по форума", body: "Multi Kulti поема историите на бежанците и кетъринга; BCRM – поканите към институциите.", participants: "Елена Димитрова, Калина Тодорова", organization: MKC, person: "Калина Тодорова" },
  { kind: "visit", on: "2021-09-13", subject: "Посещение в Харманли преди кръглата маса", body: "Огледахме залата, срещнахме се със секретаря на общината и с представители на кюрдската общност.", participants: "Николай Стоянов, Добромир Костадинов", organization: HARMANLI, person: "Добромир Костадинов", by: COORD2 },
  { kind: "email", on: "2021-10-05", subject: "Покана за участие във форума", body: "Изпратена покана до заместник-кмета с молба за изказване в панела за общините.", organization: SOFIA, person: "Христо Петров" },
  { kind: "call", on: "2021-11-10", subject: "Ангажименти на БЧК за форума", body: "БЧК ще обяви мобилни здравни консултации и пакети за първоначално настаняване.", participants: "Елена Димитрова, Иван Маринов", organization: BRC, person: "Иван Маринов" },
  { kind: "email", on: "2021-11-18", subject: "Участие на Telus в панела за заетост", body: "Потвърдено участие; ще представят опита с многоезичните позиции.", organization: TELUS, person: "Вяра Александрова", by: COORD2 },
  { kind: "note", on: "2021-11-30", subject: "Бележки от форума: ангажимент на ДАБ", body: "ДАБ пое ангажимент за ранна оценка на уменията и по-бързи документи. Да се проследи през февруари.", organization: SAR, person: "Стефан Иванов" },
  { kind: "email", on: "2021-12-08", subject: "Благодарност за участието и следващи стъпки", body: "Благодарихме за историите на форума; предложихме наставническа програма.", organization: SYRIAN, person: "Мохамад Ал-Хамауи" },
  { kind: "meeting", on: "2022-01-20", subject: "Меморандум със Столична община – обсъждане на текста", body: "Съгласувахме четири направления: информационен център, жилища, детски градини, езикови курсове.", participants: "Елена Димитрова, Силвия Ангелова, Десислава Колева", organization: SOFIA, person: "Силвия Ангелова" },
  { kind: "meeting", on: "2022-02-14", subject: "Споразумение за насочване с БЧК", body: "Подписано споразумение; формуляр за насочване и контактни точки в София и Харманли.", organization: BRC, person: "Иван Маринов" },
  { kind: "visit", on: "2022-03-15", subject: "Оглед на помещението за информационния център", body: "Помещението е достъпно, нужен е отделен вход и табела на арабски и фарси.", organization: SOFIA, person: "Десислава Колева" },
  { kind: "call", on: "2022-04-04", subject: "Мобилни бюра по труда", body: "Пилотът в Харманли започва; за София няма служители.", organization: AZ, person: "Милена Иванова", by: COORD2 },
  { kind: "meeting", on: "2022-05-11", subject: "Допълнително обучение по български език в училищата", body: "МОН ще събере данни по РУО; предложихме обучение за учители.", organization: MON, person: "Цветелина Маринова", by: COORD2 },
  { kind: "email", on: "2022-06-22", subject: "Данни за доклада по НИЕМ", body: "Получени данни за индивидуалните споразумения за интеграция за 2021 г.", organization: SAR, person: "Веселина Николова", by: COORD2 },
  { kind: "call", on: "2022-09-12", subject: "Оттегляне на ангажимента за мобилните бюра", body: "Агенцията съобщи за реорганизация; обсъдихме алтернатива с онлайн приемни.", organization: AZ, person: "Милена Иванова", by: COORD2 },
  { kind: "meeting", on: "2022-10-03", subject: "Равносметка на сезона", body: "Основният проблем е жилищното настаняване на служителите; хотелите ще осигурят общежитие догодина.", organization: PANORAMA, person: "Стоян Желев", by: COORD2 },
  { kind: "email", on: "2023-02-10", subject: "Указания за натурализация", body: "Министерството отложи публикуването; поискахме среща с новия директор.", organization: MP, person: "Ралица Николаева", by: COORD2 },
  { kind: "visit", on: "2023-03-21", subject: "Посещение на курсовете в Харманли", body: "Две групи по 12 души; нужни са учебници и детски кът.", organization: CARITAS, person: "Емил Ганчев", by: COORD2 },
  { kind: "note", on: "2023-05-16", subject: "Ангажимент на „Тракия Текстил“ след обучението в Бургас", body: "Фирмата обяви стажантска програма за жени бежанки; да се подготви споразумение.", organization: TEXTILE, person: "Румяна Петрова" },
  { kind: "meeting", on: "2023-09-07", subject: "Общински координатор – нов опит", body: "Заместник-кметът предлага позицията да се финансира по програма „Развитие на човешките ресурси“.", organization: PLOVDIV, person: "Любомир Янков", by: COORD2 },
  { kind: "call", on: "2024-01-25", subject: "Отчет по правната помощ за събиране на семейства", body: "64 подкрепени случая; 29 събрани семейства. Остават проблеми с визите в Анкара и Исламабад.", organization: VOICE, person: "Деница Райкова" },
  { kind: "meeting", on: "2024-04-18", subject: "Комуникационна кампания за историите на интеграция", body: "Ще публикуваме по една история месечно; съгласие от всеки разказвач.", organization: UNHCR, person: "Петър Георгиев" },
  { kind: "visit", on: "2024-06-20", subject: "Световен ден на бежанците в афганистанската общност", body: "Празник с 80 участници; желание за курс по български за жени.", organization: AFGHAN, person: "Зарина Ахмадзай" },
  { kind: "email", on: "2025-02-12", subject: "Репортаж за историите на интеграция", body: "БНР подготвя поредица от пет репортажа; насочихме към разказвачи със съгласие за публикуване.", organization: "Българско национално радио", person: "Мартин Иванов" },
  { kind: "call", on: "2025-03-03", subject: "Консултация за общинските планове за интеграция", body: "Обсъдихме модел на общински план за Варна и Бургас.", person: "Георги Иванов", by: COORD2 },
  { kind: "meeting", on: "2025-05-06", subject: "Общински план за интеграция – първи разговор", body: "Общината има интерес, но чака национални указания.", organization: VARNA, person: "Йордан Славов", by: COORD2 },
  { kind: "call", on: "2025-09-30", subject: "Нужди на украинските семейства в Бургас", body: "Основни нужди: детски градини, признаване на дипломи, жилища след края на хотелската програма.", organization: "Украинска общност „Мрія“ – Бургас", person: "Оксана Шевченко" },
  { kind: "meeting", on: "2026-01-15", subject: "Годишен преглед на ангажиментите по меморандума", body: "Информационният център работи, жилищата – частично; детските градини – новите правила влизат в сила през есента.", participants: "Елена Димитрова, Десислава Колева", organization: SOFIA, person: "Десислава Колева" },
  { kind: "email", on: "2026-03-10", subject: "Данни за здравните консултации за 2025 г.", body: "Поискахме данните за годишния отчет към ВКБООН.", organization: BRC, person: "Гергана Стоянова" },
  { kind: "visit", on: "2026-06-20", subject: "Световен ден на бежанците със сирийската общност", body: "Представихме наставническата програма; 15 доброволци заявиха участие.", organization: SYRIAN, person: "Мохамад Ал-Хамауи" },
  { kind: "meeting", on: "2026-09-15", subject: "Подготовка на форума 2026", body: "Програма в три панела; пренасяне на неизпълнените ангажименти от 2021 г.", participants: "Елена Димитрова, Калина Тодорова, Самер Ал-Хасан", organization: MKC, person: "Калина Тодорова" },
  { kind: "call", on: "2026-10-20", subject: "Отчет за детските градини", body: "Общината подаде отчет в системата; да се провери с РУО.", organization: SOFIA, person: "Десислава Колева" },
  { kind: "email", on: "2026-11-02", subject: "Отчет за възстановените семейни връзки", body: "БЧК подаде частичен отчет; поискахме разбивка по държави.", organization: BRC, person: "Борис Николов" },
  { kind: "note", on: "2026-11-05", subject: "Бележка: преводач за форума 2026", body: "Анелия Христова е свободна на 8 декември; да се потвърди договор.", person: "Анелия Христова" },
];

// ---------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------

function isoDate(base: Date, offsetDays: number): string {
  const d = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate() + offsetDays));
  return d.toISOString().slice(0, 10);
}

function isoAt(base: Date, offsetDays: number, hourUtc = 12): string {
  const d = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate() + offsetDays, hourUtc));
  return d.toISOString();
}

function lookup<T>(map: Map<string, T>, key: string | undefined | null, what: string): T | null {
  if (key === undefined || key === null) return null;
  const value = map.get(key);
  if (value === undefined) throw new Error(`seed-demo: unknown ${what} «${key}»`);
  return value;
}

function must<T>(map: Map<string, T>, key: string, what: string): T {
  return lookup(map, key, what) as T;
}

/**
 * Fills an empty database with the demo data. Does nothing (and returns seeded: false) if
 * any user exists. Everything is written in one transaction.
 */
export async function seedDemo(db: Db, options: { password: string; today?: Date }): Promise<{ seeded: boolean }> {
  const existing = db.select({ id: s.users.id }).from(s.users).limit(1).get();
  if (existing) return { seeded: false };

  const passwordHash = await hashPassword(options.password);
  const today = options.today ?? new Date();
  const todayStr = isoDate(today, 0);
  const dueOf = (due: string | number | null) => (typeof due === "number" ? isoDate(today, due) : due);

  const seeded = db.transaction((tx) => {
    // Re-check inside the transaction, in case another process seeded while we hashed.
    if (tx.select({ id: s.users.id }).from(s.users).limit(1).get()) return false;

    const userIds = new Map<string, number>();
    const userOrg = new Map<string, string | undefined>();
    const insertUser = (u: UserSeed, organizationId: number | null) => {
      const row = tx
        .insert(s.users)
        .values({ email: u.email, name: u.name, passwordHash, role: u.role, organizationId, locale: "bg", active: true })
        .returning({ id: s.users.id })
        .get();
      userIds.set(u.email, row.id);
      userOrg.set(u.email, u.organization);
    };
    // Staff first (organizations record who created them), partners after their organizations.
    for (const u of userSeeds.filter((u) => !u.organization)) insertUser(u, null);
    const coordinatorId = must(userIds, COORD, "user");

    // Organizations and tags
    const orgIds = new Map<string, number>();
    const tagIds = new Map<string, number>();
    for (const o of organizationSeeds) {
      const row = tx
        .insert(s.organizations)
        .values({
          name: o.name,
          ...organizationKeys(o),
          kind: o.kind,
          oblast: o.oblast,
          municipality: o.municipality,
          address: o.address ?? null,
          website: o.website ?? null,
          email: o.email ?? null,
          phone: o.phone ?? null,
          description: o.description ?? null,
          archived: o.archived ?? false,
          createdById: coordinatorId,
        })
        .returning({ id: s.organizations.id })
        .get();
      orgIds.set(o.name, row.id);
      for (const tag of o.tags ?? []) {
        let tagId = tagIds.get(tag);
        if (tagId === undefined) {
          tagId = tx.insert(s.tags).values({ name: tag }).returning({ id: s.tags.id }).get().id;
          tagIds.set(tag, tagId);
        }
        tx.insert(s.organizationTags).values({ organizationId: row.id, tagId }).run();
      }
    }
    for (const u of userSeeds.filter((u) => u.organization)) insertUser(u, must(orgIds, u.organization!, "organization"));
    const userId = (email: string) => must(userIds, email, "user");
    const orgId = (name: string | undefined) => lookup(orgIds, name, "organization");

    // People
    const personIds = new Map<string, number>();
    for (const p of personSeeds) {
      const row = tx
        .insert(s.people)
        .values({
          name: p.name,
          ...personKeys(p),
          position: p.position ?? null,
          email: p.email ?? null,
          phone: p.phone ?? null,
          languages: p.languages ?? null,
          organizationId: orgId(p.organization ?? undefined),
          notes: p.notes ?? null,
          createdById: coordinatorId,
        })
        .returning({ id: s.people.id })
        .get();
      personIds.set(p.name, row.id);
    }
    const personId = (name: string | undefined) => lookup(personIds, name, "person");

    // Refugee contacts and consents
    const refugeeIds = new Map<string, number>();
    for (const r of refugeeSeeds) {
      const row = tx
        .insert(s.refugeeContacts)
        .values({
          name: r.name,
          ...refugeeContactKeys(r),
          languages: r.languages,
          countryOfOrigin: r.countryOfOrigin ?? null,
          contactChannel: r.contactChannel,
          contactValue: r.contactValue,
          notes: r.notes,
          createdById: coordinatorId,
        })
        .returning({ id: s.refugeeContacts.id })
        .get();
      refugeeIds.set(r.name, row.id);
      for (const c of r.consents) {
        tx.insert(s.refugeeConsents)
          .values({
            refugeeContactId: row.id,
            givenOn: c.givenOn,
            purposes: c.purposes.join(","),
            legalBasis: "explicit_consent",
            recordedById: coordinatorId,
            expiresOn: c.expiresOn ?? null,
            withdrawnOn: c.withdrawnOn ?? null,
            createdAt: `${c.givenOn}T12:00:00.000Z`,
          })
          .run();
      }
    }

    // Events and participants
    const eventIds = new Map<string, number>();
    const eventDates = new Map<string, string>();
    for (const e of eventSeeds) {
      const row = tx
        .insert(s.events)
        .values({
          title: e.title,
          ...titledKeys({ title: e.title, extra: e.series }),
          kind: e.kind,
          series: e.series ?? null,
          startsOn: e.startsOn,
          endsOn: e.endsOn ?? null,
          place: e.place,
          oblast: e.oblast,
          description: e.description,
          createdById: coordinatorId,
        })
        .returning({ id: s.events.id })
        .get();
      eventIds.set(e.key, row.id);
      eventDates.set(e.key, e.startsOn);
      for (const [name, role] of e.organizations) {
        tx.insert(s.eventParticipants).values({ eventId: row.id, organizationId: must(orgIds, name, "organization"), role }).run();
      }
      for (const [name, role] of e.people) {
        tx.insert(s.eventParticipants).values({ eventId: row.id, personId: must(personIds, name, "person"), role }).run();
      }
      for (const [name, role] of e.refugees ?? []) {
        tx.insert(s.eventParticipants).values({ eventId: row.id, refugeeContactId: must(refugeeIds, name, "refugee contact"), role }).run();
      }
    }
    const eventId = (key: string | undefined) => lookup(eventIds, key, "event");

    // Partnerships and members
    const partnershipIds = new Map<string, number>();
    for (const p of partnershipSeeds) {
      const row = tx
        .insert(s.partnerships)
        .values({
          title: p.title,
          ...titledKeys({ title: p.title, extra: p.project }),
          kind: p.kind,
          project: p.project ?? null,
          status: p.status,
          startsOn: p.startsOn ?? null,
          endsOn: p.endsOn ?? null,
          ownerId: userId(p.owner),
          description: p.description,
          createdById: coordinatorId,
        })
        .returning({ id: s.partnerships.id })
        .get();
      partnershipIds.set(p.key, row.id);
      for (const [name, role] of p.members) {
        tx.insert(s.partnershipMembers).values({ partnershipId: row.id, organizationId: must(orgIds, name, "organization"), role }).run();
      }
    }
    const partnershipId = (key: string | undefined) => lookup(partnershipIds, key, "partnership");

    // Commitments, co-pledgers and their timelines
    const commitmentIds = new Map<string, number>();
    for (const c of commitmentSeeds) {
      const last = c.updates.at(-1);
      const lastIsUnverifiedPartnerReport = !!last && !!userOrg.get(last.author) && !last.verifiedAt;
      const eventDate = c.event ? eventDates.get(c.event) : undefined;
      const createdAt = eventDate && eventDate <= todayStr ? `${eventDate}T16:00:00.000Z` : undefined;
      const row = tx
        .insert(s.commitments)
        .values({
          title: c.title,
          ...commitmentDerived({ title: c.title, niemDimension: c.dimension }),
          description: c.description,
          leadOrganizationId: must(orgIds, c.lead, "organization"),
          eventId: eventId(c.event),
          partnershipId: partnershipId(c.partnership),
          niemDimension: c.dimension,
          kind: c.kind,
          dueOn: dueOf(c.due),
          status: last?.status ?? "pledged",
          statusVerified: !lastIsUnverifiedPartnerReport,
          ownerId: userId(c.owner),
          sharedWithPartner: c.shared ?? false,
          carriedOverFromId: lookup(commitmentIds, c.carriedOverFrom, "commitment"),
          createdById: coordinatorId,
          ...(createdAt ? { createdAt, updatedAt: last?.at ?? createdAt } : {}),
        })
        .returning({ id: s.commitments.id })
        .get();
      commitmentIds.set(c.key, row.id);
      for (const name of c.coPledgers ?? []) {
        tx.insert(s.commitmentCoPledgers).values({ commitmentId: row.id, organizationId: must(orgIds, name, "organization") }).run();
      }
      let previousAt = "";
      for (const u of c.updates) {
        if (u.at <= previousAt) throw new Error(`seed-demo: updates of «${c.key}» are not in time order`);
        previousAt = u.at;
        const partnerOrg = userOrg.get(u.author);
        tx.insert(s.commitmentUpdates)
          .values({
            commitmentId: row.id,
            authorId: userId(u.author),
            partnerOrganizationId: partnerOrg ? must(orgIds, partnerOrg, "organization") : null,
            note: u.note,
            statusChange: u.status,
            evidenceUrl: u.evidenceUrl ?? null,
            verifiedAt: partnerOrg ? (u.verifiedAt ?? null) : null,
            verifiedById: partnerOrg && u.verifiedAt ? coordinatorId : null,
            createdAt: u.at,
          })
          .run();
      }
    }
    const commitmentId = (key: string | undefined) => lookup(commitmentIds, key, "commitment");

    // Follow-ups
    for (const f of followUpSeeds) {
      tx.insert(s.followUps)
        .values({
          title: f.title,
          ...titledKeys({ title: f.title }),
          notes: f.notes ?? null,
          dueOn: isoDate(today, f.due),
          assigneeId: userId(f.assignee),
          organizationId: orgId(f.organization),
          personId: personId(f.person),
          partnershipId: partnershipId(f.partnership),
          commitmentId: commitmentId(f.commitment),
          eventId: eventId(f.event),
          status: f.status,
          sharedWithOrganizationId: orgId(f.sharedWith),
          completedAt: f.completed ? isoAt(today, -f.completed.daysAgo, 15) : null,
          completedById: f.completed ? userId(f.completed.by) : null,
          completionNote: f.completed?.note ?? null,
          createdById: coordinatorId,
        })
        .run();
    }

    // Interactions
    for (const i of interactionSeeds) {
      tx.insert(s.interactions)
        .values({
          kind: i.kind,
          occurredOn: i.on,
          subject: i.subject,
          ...interactionKeys(i),
          body: i.body,
          participants: i.participants ?? null,
          organizationId: orgId(i.organization),
          personId: personId(i.person),
          createdById: userId(i.by ?? COORD),
          createdAt: `${i.on}T17:00:00.000Z`,
          updatedAt: `${i.on}T17:00:00.000Z`,
        })
        .run();
    }
    seedManifestoDemo(tx);

    // The 2020 edition's commitments, carry-overs to 2021, the year's partnerships and stories (issue 19).
    seedYearReviewDemo(tx, {
      userId,
      orgId: (name) => must(orgIds, name, "organization"),
      eventId: (key) => must(eventIds, key, "event"),
      commitmentId: (key) => must(commitmentIds, key, "commitment"),
      partnerOrgOf: (email) => {
        const organization = userOrg.get(email);
        return organization ? must(orgIds, organization, "organization") : null;
      },
      coordinatorId,
    });
    return true;
  });

  return { seeded };
}
