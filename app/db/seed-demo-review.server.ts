// Demo data for the 2021 forum's year in review (issue 19): the commitments made at the 2020
// edition with their outcomes (verified and self-reported, with evidence), three of them carried
// over to 2021, the new partnerships of 2021, and the integration stories told at the 2021 forum
// (fictional people, each with a consent to story publication). Called by seedDemo() inside its
// transaction, with lookups of the records it already inserted.
import { eq } from "drizzle-orm";
import type { CommitmentKind, CommitmentStatus, ConsentPurpose, ContactChannel, NiemDimension, PartnershipKind, PartnershipMemberRole, PartnershipStatus, StoryState } from "../domain/enums.ts";
import type { Tx } from "./client.server.ts";
import { commitmentDerived, refugeeContactKeys, storyKeys, titledKeys } from "./derived.ts";
import * as s from "./schema.ts";

export type DemoRefs = {
  userId: (email: string) => number;
  orgId: (name: string) => number;
  eventId: (key: string) => number;
  commitmentId: (key: string) => number;
  /** The organization of a partner user (their reports are self-reported until verified), or null for staff. */
  partnerOrgOf: (email: string) => number | null;
  coordinatorId: number;
};

const COORD = "coordinator@bcrm.demo";
const COORD2 = "coordinator2@bcrm.demo";
const P_SOFIA = "partner@sofia.demo";
const P_BRC = "partner@redcross.demo";

/** Names the tests use. */
export const DEMO_REVIEW = {
  forum2020Title: "Национален форум за интеграция на бежанците 2020",
  forum2021StartsOn: "2021-11-30",
  /** A fulfilled, verified 2020 commitment with evidence: chosen as a highlight by the rule. */
  highlightedTitle: "Трудови борси с участие на бежанци в София, Пловдив и Харманли",
  /** A fulfilled 2020 commitment resting on Столична община's self-report. */
  selfReportedTitle: "Безплатен градски транспорт за деца на бежанци до 14 години",
  publishedStoryTitle: "От ученическата скамейка до университета",
  /** Named in two stories (one published at the 2021 forum, one draft). */
  storyPerson: "Самир А.",
} as const;

// ---------------------------------------------------------------- the 2020 edition's commitments

type UpdateSeed = { at: string; author: string; note: string; status: CommitmentStatus; evidenceUrl?: string; verifiedAt?: string };

type Commitment2020 = {
  key: string;
  title: string;
  description: string;
  lead: string;
  coPledgers?: string[];
  dimension: NiemDimension;
  kind: CommitmentKind;
  due: string;
  owner: string;
  shared?: boolean;
  updates: UpdateSeed[];
  /** The 2021 commitment (seed-demo key) that carried this one over. */
  carriedOverTo?: string;
};

const commitments2020: Commitment2020[] = [
  {
    key: "sofia2020-training",
    title: "Обучение на служителите в районните администрации за правата на лицата с международна закрила",
    description: "Четири обучения за служителите на гишетата в районите с най-много настанени бежанци.",
    lead: "Столична община",
    dimension: "mainstreaming_governance",
    kind: "training",
    due: "2021-06-30",
    owner: COORD,
    shared: true,
    updates: [
      { at: "2021-03-10T10:00:00.000Z", author: COORD, note: "Проведени са две от четирите обучения (Оборище и Надежда).", status: "in_progress" },
      {
        at: "2021-06-25T12:00:00.000Z",
        author: COORD,
        note: "Обучени 86 служители от 8 района; материалите са публикувани.",
        status: "fulfilled",
        evidenceUrl: "https://www.sofia.bg/news/obuchenie-rayonni-administratsii-2021",
      },
    ],
  },
  {
    key: "sofia2020-transport",
    title: "Безплатен градски транспорт за деца на бежанци до 14 години",
    description: "Карти за безплатно пътуване за децата на лица с международна закрила, записани в училища в София.",
    lead: "Столична община",
    dimension: "social_security",
    kind: "policy",
    due: "2021-09-01",
    owner: COORD,
    shared: true,
    updates: [
      { at: "2021-05-12T09:00:00.000Z", author: COORD, note: "Докладът до Столичния общински съвет е внесен.", status: "in_progress" },
      {
        at: "2021-09-20T08:30:00.000Z",
        author: P_SOFIA,
        note: "Решението е прието; от 15 септември децата получават карти в центровете за административно обслужване.",
        status: "fulfilled",
        evidenceUrl: "https://www.sofia.bg/documents/reshenie-transport-deca-2021",
      },
    ],
  },
  {
    key: "brc2020-hotline",
    title: "Телефонна линия за здравни консултации на арабски и фарси по време на пандемията",
    description: "Лекари доброволци и преводачи отговарят по телефона пет дни в седмицата; Каритас насочва семействата.",
    lead: "Български Червен кръст",
    coPledgers: ["Каритас България"],
    dimension: "health",
    kind: "service",
    due: "2021-03-31",
    owner: COORD,
    shared: true,
    updates: [
      { at: "2021-01-15T10:00:00.000Z", author: COORD, note: "Линията работи от 11 януари.", status: "in_progress" },
      {
        at: "2021-04-02T11:00:00.000Z",
        author: COORD,
        note: "Проведени 740 консултации за три месеца; линията продължава с финансиране на БЧК.",
        status: "fulfilled",
        evidenceUrl: "https://redcross.bg/news/zdravna-liniya-bezhantsi-2021",
      },
    ],
  },
  {
    key: "brc2020-firstaid",
    title: "Курсове по първа помощ на арабски и фарси за 60 души",
    description: "Сертифицирани курсове по първа помощ с преводач в София и Харманли.",
    lead: "Български Червен кръст",
    dimension: "vocational_training",
    kind: "training",
    due: "2021-10-31",
    owner: COORD2,
    shared: true,
    updates: [
      { at: "2021-06-01T09:00:00.000Z", author: P_BRC, note: "Първият курс в София започна с 14 участници.", status: "in_progress", verifiedAt: "2021-06-03T10:00:00.000Z" },
      {
        at: "2021-10-28T15:00:00.000Z",
        author: P_BRC,
        note: "Обучени и сертифицирани 38 души; курсът в Харманли беше отменен заради карантина.",
        status: "partially_fulfilled",
        evidenceUrl: "https://redcross.bg/news/parva-pomosht-arabski-farsi",
        verifiedAt: "2021-11-02T09:00:00.000Z",
      },
    ],
  },
  {
    key: "caritas2020-shelter",
    title: "Временно настаняване на уязвими семейства – 20 места в център „Св. Анна“",
    description: "Преходно настаняване до шест месеца за семейства, напускащи регистрационно-приемателните центрове.",
    lead: "Каритас България",
    dimension: "housing",
    kind: "in_kind",
    due: "2021-12-31",
    owner: COORD,
    updates: [{ at: "2021-09-15T10:00:00.000Z", author: COORD, note: "Осигурени 12 от 20-те места; ремонтът на второто крило е отложен.", status: "partially_fulfilled" }],
  },
  {
    key: "mtsp2020-agreement",
    title: "Промени в Наредбата за условията и реда за сключване на споразумение за интеграция",
    description: "Да се опростят документите и да се включат общините без споразумение с ДАБ.",
    lead: "Министерство на труда и социалната политика",
    dimension: "mainstreaming_governance",
    kind: "policy",
    due: "2021-06-30",
    owner: COORD2,
    updates: [
      { at: "2021-02-10T10:00:00.000Z", author: COORD2, note: "Работна група с участие на BCRM и ВКБООН.", status: "in_progress" },
      { at: "2021-07-20T10:00:00.000Z", author: COORD2, note: "Проектът на наредба не беше внесен заради изборите.", status: "not_fulfilled" },
    ],
  },
  {
    key: "az2020-fairs",
    title: "Трудови борси с участие на бежанци в София, Пловдив и Харманли",
    description: "Съвместни трудови борси на Агенцията по заетостта и работодатели с преводачи на място.",
    lead: "Агенция по заетостта",
    coPledgers: ["Telus International Bulgaria", "„Панорама Хотели“ ЕООД"],
    dimension: "employment",
    kind: "employment",
    due: "2021-10-31",
    owner: COORD2,
    updates: [
      { at: "2021-05-20T10:00:00.000Z", author: COORD2, note: "Първата борса в София: 140 посетители, 22 работодатели.", status: "in_progress" },
      {
        at: "2021-10-15T10:00:00.000Z",
        author: COORD2,
        note: "Проведени и трите борси; 47 души започнаха работа.",
        status: "fulfilled",
        evidenceUrl: "https://www.az.government.bg/news/trudovi-borsi-bezhantsi-2021",
      },
    ],
  },
  {
    key: "mon2020-language",
    title: "Допълнително обучение по български език за деца на бежанци в училищата",
    description: "Допълнителни часове по български език в 15 училища с деца на търсещи и получили закрила.",
    lead: "Министерство на образованието и науката",
    dimension: "children_education",
    kind: "training",
    due: "2021-09-15",
    owner: COORD2,
    updates: [{ at: "2021-09-30T10:00:00.000Z", author: COORD2, note: "Допълнителните часове вървят в 9 от планираните 15 училища.", status: "partially_fulfilled" }],
    carriedOverTo: "mon-language",
  },
  {
    key: "su2020-summer",
    title: "Летен университет за бежанци – език и културна ориентация",
    description: "Двуседмичен летен курс по български език и културна ориентация в Софийския университет.",
    lead: "Софийски университет „Св. Климент Охридски“",
    dimension: "language_orientation",
    kind: "training",
    due: "2021-09-30",
    owner: COORD,
    updates: [
      {
        at: "2021-08-30T10:00:00.000Z",
        author: COORD,
        note: "Курсът завърши с 34 участници от 9 държави.",
        status: "fulfilled",
        evidenceUrl: "https://www.uni-sofia.bg/news/leten-universitet-bezhantsi-2021",
      },
    ],
  },
  {
    key: "plovdiv2020-coordinator",
    title: "Общински координатор по интеграцията в Община Пловдив",
    description: "Щатна позиция на общински координатор по интеграцията на бежанците.",
    lead: "Община Пловдив",
    dimension: "mainstreaming_governance",
    kind: "policy",
    due: "2021-06-30",
    owner: COORD2,
    updates: [
      { at: "2021-03-01T10:00:00.000Z", author: COORD2, note: "Позицията е обсъдена в комисията по социални дейности.", status: "in_progress" },
      { at: "2021-07-05T10:00:00.000Z", author: COORD2, note: "Позицията не е включена в щатното разписание за 2021 г.", status: "not_fulfilled" },
    ],
    carriedOverTo: "plovdiv-coordinator",
  },
  {
    key: "harmanli2020-schools",
    title: "Подкрепа за записване на деца от РПЦ Харманли в местните училища",
    description: "Транспорт и помощник-учители за децата от регистрационно-приемателния център.",
    lead: "Община Харманли",
    dimension: "children_education",
    kind: "service",
    due: "2021-09-15",
    owner: COORD2,
    updates: [{ at: "2021-09-20T10:00:00.000Z", author: COORD2, note: "Записани 11 деца; транспортът е осигурен, помощник-учителите – не.", status: "in_progress" }],
    carriedOverTo: "harmanli-schools",
  },
  {
    key: "voice2020-family",
    title: "Безплатна правна помощ по 50 случая за събиране на семейства",
    description: "Консултации и процесуално представителство по събиране на семейства на лица с международна закрила.",
    lead: "Център за правна помощ „Глас в България“",
    coPledgers: ["Фондация за достъп до права"],
    dimension: "family_reunification",
    kind: "service",
    due: "2021-11-15",
    owner: COORD,
    updates: [
      { at: "2021-04-01T10:00:00.000Z", author: COORD, note: "Приети 21 случая.", status: "in_progress" },
      {
        at: "2021-11-10T10:00:00.000Z",
        author: COORD,
        note: "Подкрепени 53 случая; 19 семейства са събрани в България.",
        status: "fulfilled",
        evidenceUrl: "https://www.gcbbg.org/doklad-sabirane-semeystva-2021",
      },
    ],
  },
  {
    key: "mz2020-gp",
    title: "Достъп до личен лекар за лица с международна закрила без период на изчакване",
    description: "Указания до РЗИ за записване при общопрактикуващ лекар веднага след получаване на закрила.",
    lead: "Министерство на здравеопазването",
    dimension: "health",
    kind: "policy",
    due: "2021-06-30",
    owner: COORD,
    updates: [{ at: "2021-04-20T10:00:00.000Z", author: COORD, note: "Министерството оттегли ангажимента – въпросът ще се решава със закон.", status: "withdrawn" }],
  },
  {
    key: "textile2020-jobs",
    title: "Наемане на 10 бежанци в шивашкото производство в Пловдив",
    description: "Работни места с обучение на място и помощ за жилище за първите три месеца.",
    lead: "„Тракия Текстил“ АД",
    dimension: "employment",
    kind: "employment",
    due: "2021-10-31",
    owner: COORD2,
    updates: [{ at: "2021-10-20T10:00:00.000Z", author: COORD2, note: "Наети 6 души; 4 места остават незаети поради липса на жилища.", status: "partially_fulfilled" }],
  },
  {
    key: "syrian2020-mentors",
    title: "Менторска програма за новопристигнали семейства",
    description: "Доброволци от общността придружават новите семейства през първите шест месеца.",
    lead: "Сирийска общност в България",
    dimension: "building_bridges",
    kind: "service",
    due: "2021-11-01",
    owner: COORD,
    updates: [
      {
        at: "2021-11-05T10:00:00.000Z",
        author: COORD,
        note: "25 ментори придружиха 31 семейства; програмата продължава.",
        status: "fulfilled",
        evidenceUrl: "https://www.facebook.com/syrian.community.bg/posts/mentori-2021",
      },
    ],
  },
  {
    key: "unhcr2020-grants",
    title: "Малки грантове за три инициативи на бежански общности",
    description: "Грантове до 5 000 лв. за инициативи, водени от самите бежанци.",
    lead: "Върховен комисариат на ООН за бежанците (ВКБООН)",
    coPledgers: ["Български съвет за бежанци и мигранти"],
    dimension: "building_bridges",
    kind: "funding",
    due: "2021-12-31",
    owner: COORD,
    updates: [{ at: "2021-10-01T10:00:00.000Z", author: COORD, note: "Подкрепени са три инициативи: кулинарен клуб, футболен отбор и детски хор.", status: "fulfilled" }],
  },
  {
    key: "burgas2020-website",
    title: "Информация за услугите на общината на английски и арабски на сайта ѝ",
    description: "Страница за новопристигналите с основните общински услуги на два езика.",
    lead: "Община Бургас",
    dimension: "mainstreaming_governance",
    kind: "service",
    due: "2021-12-31",
    owner: COORD2,
    updates: [],
  },
  {
    key: "mp2020-nationality",
    title: "Проект за по-кратък срок за натурализация на признати бежанци",
    description: "Предложение за промяна в Закона за българското гражданство.",
    lead: "Министерство на правосъдието",
    dimension: "nationality",
    kind: "policy",
    due: "2021-09-30",
    owner: COORD2,
    updates: [{ at: "2021-10-01T10:00:00.000Z", author: COORD2, note: "Предложението не беше внесено в Народното събрание.", status: "not_fulfilled" }],
  },
  {
    key: "ec2020-amif",
    title: "Финансиране по ФУМИ на общински програми за интеграция",
    description: "Покана за проекти по Фонд „Убежище, миграция и интеграция“ за общини.",
    lead: "Европейска комисия – ГД „Миграция и вътрешни работи“",
    dimension: "mainstreaming_governance",
    kind: "funding",
    due: "2021-12-31",
    owner: COORD,
    updates: [{ at: "2021-07-01T10:00:00.000Z", author: COORD, note: "Поканата е в подготовка с управляващия орган.", status: "in_progress" }],
  },
  {
    key: "sar2020-leaflets",
    title: "Информационни листовки за правата в регистрационно-приемателните центрове на 6 езика",
    description: "Листовки и плакати за правата и услугите на арабски, фарси, пущу, кюрдски, английски и френски.",
    lead: "Държавна агенция за бежанците при Министерския съвет",
    dimension: "reception_impact",
    kind: "service",
    due: "2021-04-30",
    owner: COORD2,
    updates: [
      {
        at: "2021-04-28T10:00:00.000Z",
        author: COORD2,
        note: "Листовките са отпечатани и раздадени във всички центрове.",
        status: "fulfilled",
        evidenceUrl: "https://aref.government.bg/bg/node/informatsionni-materiali-2021",
      },
    ],
  },
  {
    key: "brc2020-volunteers",
    title: "Обучение на 40 доброволци за работа с бежанци в пет града",
    description: "Обучение на доброволци за придружаване и превод в София, Пловдив, Варна, Бургас и Харманли.",
    lead: "Български Червен кръст",
    dimension: "building_bridges",
    kind: "training",
    due: "2022-03-31",
    owner: COORD,
    shared: true,
    updates: [{ at: "2021-11-20T10:00:00.000Z", author: P_BRC, note: "Обучени 18 доброволци в София и Варна; предстоят Пловдив, Бургас и Харманли.", status: "in_progress" }],
  },
];

// ---------------------------------------------------------------- the year's new partnerships

type PartnershipSeed = {
  title: string;
  kind: PartnershipKind;
  status: PartnershipStatus;
  startsOn: string;
  endsOn?: string;
  owner: string;
  description: string;
  members: Array<[string, PartnershipMemberRole]>;
};

const partnerships2021: PartnershipSeed[] = [
  {
    title: "Езикови курсове за бежанци в Бургас",
    kind: "implementation",
    status: "concluded",
    startsOn: "2021-03-15",
    endsOn: "2022-12-31",
    owner: COORD2,
    description: "Курсове по български език в читалищата на Бургас, с детски кът за майките.",
    members: [
      ["Фондация „Морски мост“", "lead"],
      ["Община Бургас", "partner"],
      ["Български съвет за бежанци и мигранти", "partner"],
    ],
  },
  {
    title: "Мрежа за наставничество на бежанските общности",
    kind: "memorandum",
    status: "active",
    startsOn: "2021-06-20",
    owner: COORD,
    description: "Споразумение за обмен на ментори и общи обучения, подписано на Световния ден на бежанците.",
    members: [
      ["Сирийска общност в България", "lead"],
      ["Афганистанска общност „Надежда“", "partner"],
      ["Съвет на жените бежанки в България", "partner"],
      ["Български съвет за бежанци и мигранти", "partner"],
    ],
  },
];

// ---------------------------------------------------------------- integration stories and their people

type PersonSeed = { name: string; languages: string; countryOfOrigin: string; contactChannel: ContactChannel; contactValue: string; givenOn: string; purposes: ConsentPurpose[] };

const storyPeople: PersonSeed[] = [
  { name: "Самир А.", languages: "арабски, английски, български", countryOfOrigin: "Сирия", contactChannel: "whatsapp", contactValue: "+359 88 511 20 47", givenOn: "2021-11-02", purposes: ["forum_participation", "story_publication"] },
  { name: "Мариам Д.", languages: "дари, английски", countryOfOrigin: "Афганистан", contactChannel: "via_organization", contactValue: "чрез Каритас България", givenOn: "2021-10-20", purposes: ["story_publication", "follow_up_contact"] },
  { name: "Юсуф К.", languages: "арабски, кюрдски, български", countryOfOrigin: "Ирак", contactChannel: "viber", contactValue: "+359 89 733 41 09", givenOn: "2021-11-10", purposes: ["forum_participation", "story_publication"] },
  { name: "Лейла Р.", languages: "фарси, английски", countryOfOrigin: "Иран", contactChannel: "email", contactValue: "leyla.r.sofia@example.org", givenOn: "2021-11-05", purposes: ["story_publication"] },
  { name: "Абдул Х.", languages: "пущу, дари, български", countryOfOrigin: "Афганистан", contactChannel: "phone", contactValue: "+359 87 620 15 93", givenOn: "2021-11-12", purposes: ["forum_participation", "story_publication", "follow_up_contact"] },
];

type StorySeed = { title: string; summary: string; body: string; event: string; state: StoryState; owner: string; people: string[]; organizations: string[]; at: string };

const storySeeds: StorySeed[] = [
  {
    title: "От ученическата скамейка до университета",
    summary: "Самир дойде в България на 15 години, без да знае нито дума български. Днес учи информатика в Софийския университет.",
    body: "Първата година Самир прекарва в центъра във „Военна рампа“ и в столично училище, където е единственото дете, което не говори български. Учителката му по български остава след часовете, а доброволци на Каритас му помагат с домашните. Пет години по-късно той завършва с отличие и е приет в Софийския университет. На форума Самир разказа колко важни са били допълнителните часове по език и хората, които са повярвали в него.",
    event: "forum2021",
    state: "published",
    owner: COORD,
    people: ["Самир А."],
    organizations: ["Софийски университет „Св. Климент Охридски“", "Каритас България"],
    at: "2021-11-30T15:00:00.000Z",
  },
  {
    title: "Собствен дом след три години в център",
    summary: "Семейството на Мариам намери жилище под наем с подкрепата на гаранционния фонд на Каритас.",
    body: "Мариам, съпругът ѝ и трите им деца живеят три години в регистрационно-приемателен център. Наемодателите отказват, щом чуят, че са бежанци. С гаранционния фонд на Каритас и посредничеството на „Мисия Криле“ семейството подписва първия си договор за наем в „Люлин“. Мариам вече работи като помощник-готвач, а децата ходят в квартално училище.",
    event: "forum2021",
    state: "published",
    owner: COORD,
    people: ["Мариам Д."],
    organizations: ["Каритас България", "Фондация „Мисия Криле“"],
    at: "2021-11-30T15:05:00.000Z",
  },
  {
    title: "Първата ми работа в България",
    summary: "Юсуф намери работа в многоезичен център за обслужване на клиенти след трудовата борса на Агенцията по заетостта.",
    body: "Юсуф е инженер, но дипломата му не е призната. На трудовата борса в София през май 2021 г. се запознава с екипа на Telus, който търси служители с арабски език. След обучение на работното място той вече ръководи малък екип и помага на други бежанци да подготвят автобиографиите си.",
    event: "forum2021",
    state: "published",
    owner: COORD2,
    people: ["Юсуф К."],
    organizations: ["Агенция по заетостта", "Telus International Bulgaria"],
    at: "2021-11-30T15:10:00.000Z",
  },
  {
    title: "Лекарят, който говори моя език",
    summary: "По време на пандемията Лейла получи медицински съвет на фарси по телефонната линия на Българския Червен кръст.",
    body: "Когато синът на Лейла вдига висока температура през януари 2021 г., семейството не знае към кого да се обърне. По телефонната линия на Българския Червен кръст лекар доброволец и преводач им обясняват какво да направят и ги насочват към личен лекар. Лейла днес е доброволка на линията.",
    event: "forum2021",
    state: "published",
    owner: COORD,
    people: ["Лейла Р."],
    organizations: ["Български Червен кръст"],
    at: "2021-11-30T15:15:00.000Z",
  },
  {
    title: "Наставник за новите съседи",
    summary: "Абдул, който пристигна през 2016 г., днес е наставник на пет новопристигнали семейства.",
    body: "Абдул помни колко объркващи са били първите месеци: документи, лекари, училище. Затова, когато Сирийската общност и общността „Надежда“ създават мрежа от ментори, той е сред първите доброволци. Придружава семействата до службите, превежда и просто ги изслушва.",
    event: "forum2021",
    state: "published",
    owner: COORD2,
    people: ["Абдул Х."],
    organizations: ["Афганистанска общност „Надежда“", "Сирийска общност в България"],
    at: "2021-11-30T15:20:00.000Z",
  },
  {
    title: "Училище за мама",
    summary: "Курсът по български за майки с малки деца, в който Мариам учи, докато децата са в съседната стая.",
    body: "Историята е одобрена от Мариам, но още не е публикувана: чакаме снимките от курса.",
    event: "forum2021",
    state: "approved",
    owner: COORD,
    people: ["Мариам Д."],
    organizations: ["Фондация „Мисия Криле“"],
    at: "2021-12-05T10:00:00.000Z",
  },
  {
    title: "Кухнята на две култури",
    summary: "Самир и майка му готвят за квартала в „Надежда“ – чернова за форума 2026.",
    body: "Чернова: разговор със Самир и майка му за кулинарните вечери, които организират в квартала.",
    event: "forum2026",
    state: "draft",
    owner: COORD,
    people: ["Самир А."],
    organizations: ["Multi Kulti Collective"],
    at: "2026-10-15T10:00:00.000Z",
  },
];

// ---------------------------------------------------------------- seeding

export function seedYearReviewDemo(tx: Tx, refs: DemoRefs): void {
  const forum2020 = refs.eventId("forum2020");
  const createdAt = "2020-12-10T16:00:00.000Z";

  for (const c of commitments2020) {
    const last = c.updates.at(-1);
    const lastIsUnverifiedPartnerReport = !!last && refs.partnerOrgOf(last.author) !== null && !last.verifiedAt;
    const row = tx
      .insert(s.commitments)
      .values({
        title: c.title,
        ...commitmentDerived({ title: c.title, niemDimension: c.dimension }),
        description: c.description,
        leadOrganizationId: refs.orgId(c.lead),
        eventId: forum2020,
        niemDimension: c.dimension,
        kind: c.kind,
        dueOn: c.due,
        status: last?.status ?? "pledged",
        statusVerified: !lastIsUnverifiedPartnerReport,
        ownerId: refs.userId(c.owner),
        sharedWithPartner: c.shared ?? false,
        createdById: refs.coordinatorId,
        createdAt,
        updatedAt: last?.at ?? createdAt,
      })
      .returning({ id: s.commitments.id })
      .get();
    for (const name of c.coPledgers ?? []) tx.insert(s.commitmentCoPledgers).values({ commitmentId: row.id, organizationId: refs.orgId(name) }).run();
    for (const u of c.updates) {
      const partnerOrg = refs.partnerOrgOf(u.author);
      tx.insert(s.commitmentUpdates)
        .values({
          commitmentId: row.id,
          authorId: refs.userId(u.author),
          partnerOrganizationId: partnerOrg,
          note: u.note,
          statusChange: u.status,
          evidenceUrl: u.evidenceUrl ?? null,
          verifiedAt: partnerOrg ? (u.verifiedAt ?? null) : null,
          verifiedById: partnerOrg && u.verifiedAt ? refs.coordinatorId : null,
          createdAt: u.at,
        })
        .run();
    }
    // Carried over to the 2021 forum: the 2021 commitment points back at this one.
    if (c.carriedOverTo) {
      tx.update(s.commitments).set({ carriedOverFromId: row.id }).where(eq(s.commitments.id, refs.commitmentId(c.carriedOverTo))).run();
    }
  }

  for (const p of partnerships2021) {
    const row = tx
      .insert(s.partnerships)
      .values({
        title: p.title,
        ...titledKeys({ title: p.title }),
        kind: p.kind,
        status: p.status,
        startsOn: p.startsOn,
        endsOn: p.endsOn ?? null,
        ownerId: refs.userId(p.owner),
        description: p.description,
        createdById: refs.coordinatorId,
        createdAt: `${p.startsOn}T12:00:00.000Z`,
        updatedAt: `${p.startsOn}T12:00:00.000Z`,
      })
      .returning({ id: s.partnerships.id })
      .get();
    for (const [name, role] of p.members) tx.insert(s.partnershipMembers).values({ partnershipId: row.id, organizationId: refs.orgId(name), role }).run();
  }

  const personIds = new Map<string, number>();
  for (const p of storyPeople) {
    const row = tx
      .insert(s.refugeeContacts)
      .values({
        name: p.name,
        ...refugeeContactKeys(p),
        languages: p.languages,
        countryOfOrigin: p.countryOfOrigin,
        contactChannel: p.contactChannel,
        contactValue: p.contactValue,
        notes: "Разказа историята си на форума 2021 г.; съгласието е записано с преводач.",
        createdById: refs.coordinatorId,
        createdAt: `${p.givenOn}T12:00:00.000Z`,
        updatedAt: `${p.givenOn}T12:00:00.000Z`,
      })
      .returning({ id: s.refugeeContacts.id })
      .get();
    personIds.set(p.name, row.id);
    tx.insert(s.refugeeConsents)
      .values({
        refugeeContactId: row.id,
        givenOn: p.givenOn,
        purposes: p.purposes.join(","),
        legalBasis: "explicit_consent",
        recordedById: refs.coordinatorId,
        createdAt: `${p.givenOn}T12:00:00.000Z`,
      })
      .run();
  }

  for (const story of storySeeds) {
    const row = tx
      .insert(s.stories)
      .values({
        title: story.title,
        ...storyKeys(story),
        summary: story.summary,
        body: story.body,
        eventId: refs.eventId(story.event),
        state: story.state,
        publishedAt: story.state === "published" ? story.at : null,
        ownerId: refs.userId(story.owner),
        createdById: refs.coordinatorId,
        createdAt: story.at,
        updatedAt: story.at,
      })
      .returning({ id: s.stories.id })
      .get();
    for (const name of story.people) {
      const id = personIds.get(name);
      if (id === undefined) throw new Error(`seed-demo-review: unknown story person «${name}»`);
      tx.insert(s.storyPeople).values({ storyId: row.id, refugeeContactId: id }).run();
    }
    for (const name of story.organizations) tx.insert(s.storyOrganizations).values({ storyId: row.id, organizationId: refs.orgId(name) }).run();
  }
}
