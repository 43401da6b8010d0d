// The demo data of the 2021 forum's year in review (issue 19): the commitments made at the 2020
// edition with their outcomes, three of them carried over to 2021 (`carriedOverTo` names the 2021
// commitment's key), the new partnerships of 2021, and the integration stories told at the 2021 forum
// with their (fictional) people. Seeded by seedYearReviewDemo() in app/db/seed-demo-review.server.ts.
import type { CommitmentKind, CommitmentStatus, ConsentPurpose, ContactChannel, NiemDimension, PartnershipKind, PartnershipMemberRole, PartnershipStatus, StoryState } from "../../domain/enums.ts";
import { demoOrganizations as org } from "./organizations.ts";
import { demoUsers as user } from "./users.ts";

export type Update2020Seed = { at: string; author: string; note: string; status: CommitmentStatus; evidenceUrl?: string; verifiedAt?: string };

export type Commitment2020 = {
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
  updates: Update2020Seed[];
  /** The 2021 commitment (seed-demo key) that carried this one over. */
  carriedOverTo?: string;
};

export const demoCommitments2020 = {
  sofia2020Training: {
    key: "sofia2020-training",
    title: "Обучение на служителите в районните администрации за правата на лицата с международна закрила",
    description: "Четири обучения за служителите на гишетата в районите с най-много настанени бежанци.",
    lead: org.sofiaMunicipality.name,
    dimension: "mainstreaming_governance",
    kind: "training",
    due: "2021-06-30",
    owner: user.coordinator.email,
    shared: true,
    updates: [
      { at: "2021-03-10T10:00:00.000Z", author: user.coordinator.email, note: "Проведени са две от четирите обучения (Оборище и Надежда).", status: "in_progress" },
      {
        at: "2021-06-25T12:00:00.000Z",
        author: user.coordinator.email,
        note: "Обучени 86 служители от 8 района; материалите са публикувани.",
        status: "fulfilled",
        evidenceUrl: "https://www.sofia.bg/news/obuchenie-rayonni-administratsii-2021",
      },
    ],
  },
  sofia2020Transport: {
    key: "sofia2020-transport",
    title: "Безплатен градски транспорт за деца на бежанци до 14 години",
    description: "Карти за безплатно пътуване за децата на лица с международна закрила, записани в училища в София.",
    lead: org.sofiaMunicipality.name,
    dimension: "social_security",
    kind: "policy",
    due: "2021-09-01",
    owner: user.coordinator.email,
    shared: true,
    updates: [
      { at: "2021-05-12T09:00:00.000Z", author: user.coordinator.email, note: "Докладът до Столичния общински съвет е внесен.", status: "in_progress" },
      {
        at: "2021-09-20T08:30:00.000Z",
        author: user.partnerSofia.email,
        note: "Решението е прието; от 15 септември децата получават карти в центровете за административно обслужване.",
        status: "fulfilled",
        evidenceUrl: "https://www.sofia.bg/documents/reshenie-transport-deca-2021",
      },
    ],
  },
  brc2020Hotline: {
    key: "brc2020-hotline",
    title: "Телефонна линия за здравни консултации на арабски и фарси по време на пандемията",
    description: "Лекари доброволци и преводачи отговарят по телефона пет дни в седмицата; Каритас насочва семействата.",
    lead: org.redCross.name,
    coPledgers: [org.caritas.name],
    dimension: "health",
    kind: "service",
    due: "2021-03-31",
    owner: user.coordinator.email,
    shared: true,
    updates: [
      { at: "2021-01-15T10:00:00.000Z", author: user.coordinator.email, note: "Линията работи от 11 януари.", status: "in_progress" },
      {
        at: "2021-04-02T11:00:00.000Z",
        author: user.coordinator.email,
        note: "Проведени 740 консултации за три месеца; линията продължава с финансиране на БЧК.",
        status: "fulfilled",
        evidenceUrl: "https://redcross.bg/news/zdravna-liniya-bezhantsi-2021",
      },
    ],
  },
  brc2020Firstaid: {
    key: "brc2020-firstaid",
    title: "Курсове по първа помощ на арабски и фарси за 60 души",
    description: "Сертифицирани курсове по първа помощ с преводач в София и Харманли.",
    lead: org.redCross.name,
    dimension: "vocational_training",
    kind: "training",
    due: "2021-10-31",
    owner: user.coordinator2.email,
    shared: true,
    updates: [
      { at: "2021-06-01T09:00:00.000Z", author: user.partnerRedCross.email, note: "Първият курс в София започна с 14 участници.", status: "in_progress", verifiedAt: "2021-06-03T10:00:00.000Z" },
      {
        at: "2021-10-28T15:00:00.000Z",
        author: user.partnerRedCross.email,
        note: "Обучени и сертифицирани 38 души; курсът в Харманли беше отменен заради карантина.",
        status: "partially_fulfilled",
        evidenceUrl: "https://redcross.bg/news/parva-pomosht-arabski-farsi",
        verifiedAt: "2021-11-02T09:00:00.000Z",
      },
    ],
  },
  caritas2020Shelter: {
    key: "caritas2020-shelter",
    title: "Временно настаняване на уязвими семейства – 20 места в център „Св. Анна“",
    description: "Преходно настаняване до шест месеца за семейства, напускащи регистрационно-приемателните центрове.",
    lead: org.caritas.name,
    dimension: "housing",
    kind: "in_kind",
    due: "2021-12-31",
    owner: user.coordinator.email,
    updates: [{ at: "2021-09-15T10:00:00.000Z", author: user.coordinator.email, note: "Осигурени 12 от 20-те места; ремонтът на второто крило е отложен.", status: "partially_fulfilled" }],
  },
  mtsp2020Agreement: {
    key: "mtsp2020-agreement",
    title: "Промени в Наредбата за условията и реда за сключване на споразумение за интеграция",
    description: "Да се опростят документите и да се включат общините без споразумение с ДАБ.",
    lead: org.labourMinistry.name,
    dimension: "mainstreaming_governance",
    kind: "policy",
    due: "2021-06-30",
    owner: user.coordinator2.email,
    updates: [
      { at: "2021-02-10T10:00:00.000Z", author: user.coordinator2.email, note: "Работна група с участие на BCRM и ВКБООН.", status: "in_progress" },
      { at: "2021-07-20T10:00:00.000Z", author: user.coordinator2.email, note: "Проектът на наредба не беше внесен заради изборите.", status: "not_fulfilled" },
    ],
  },
  az2020Fairs: {
    key: "az2020-fairs",
    title: "Трудови борси с участие на бежанци в София, Пловдив и Харманли",
    description: "Съвместни трудови борси на Агенцията по заетостта и работодатели с преводачи на място.",
    lead: org.employmentAgency.name,
    coPledgers: [org.telus.name, org.panoramaHotels.name],
    dimension: "employment",
    kind: "employment",
    due: "2021-10-31",
    owner: user.coordinator2.email,
    updates: [
      { at: "2021-05-20T10:00:00.000Z", author: user.coordinator2.email, note: "Първата борса в София: 140 посетители, 22 работодатели.", status: "in_progress" },
      {
        at: "2021-10-15T10:00:00.000Z",
        author: user.coordinator2.email,
        note: "Проведени и трите борси; 47 души започнаха работа.",
        status: "fulfilled",
        evidenceUrl: "https://www.az.government.bg/news/trudovi-borsi-bezhantsi-2021",
      },
    ],
  },
  mon2020Language: {
    key: "mon2020-language",
    title: "Допълнително обучение по български език за деца на бежанци в училищата",
    description: "Допълнителни часове по български език в 15 училища с деца на търсещи и получили закрила.",
    lead: org.educationMinistry.name,
    dimension: "children_education",
    kind: "training",
    due: "2021-09-15",
    owner: user.coordinator2.email,
    updates: [{ at: "2021-09-30T10:00:00.000Z", author: user.coordinator2.email, note: "Допълнителните часове вървят в 9 от планираните 15 училища.", status: "partially_fulfilled" }],
    carriedOverTo: "mon-language",
  },
  su2020Summer: {
    key: "su2020-summer",
    title: "Летен университет за бежанци – език и културна ориентация",
    description: "Двуседмичен летен курс по български език и културна ориентация в Софийския университет.",
    lead: org.sofiaUniversity.name,
    dimension: "language_orientation",
    kind: "training",
    due: "2021-09-30",
    owner: user.coordinator.email,
    updates: [
      {
        at: "2021-08-30T10:00:00.000Z",
        author: user.coordinator.email,
        note: "Курсът завърши с 34 участници от 9 държави.",
        status: "fulfilled",
        evidenceUrl: "https://www.uni-sofia.bg/news/leten-universitet-bezhantsi-2021",
      },
    ],
  },
  plovdiv2020Coordinator: {
    key: "plovdiv2020-coordinator",
    title: "Общински координатор по интеграцията в Община Пловдив",
    description: "Щатна позиция на общински координатор по интеграцията на бежанците.",
    lead: org.plovdivMunicipality.name,
    dimension: "mainstreaming_governance",
    kind: "policy",
    due: "2021-06-30",
    owner: user.coordinator2.email,
    updates: [
      { at: "2021-03-01T10:00:00.000Z", author: user.coordinator2.email, note: "Позицията е обсъдена в комисията по социални дейности.", status: "in_progress" },
      { at: "2021-07-05T10:00:00.000Z", author: user.coordinator2.email, note: "Позицията не е включена в щатното разписание за 2021 г.", status: "not_fulfilled" },
    ],
    carriedOverTo: "plovdiv-coordinator",
  },
  harmanli2020Schools: {
    key: "harmanli2020-schools",
    title: "Подкрепа за записване на деца от РПЦ Харманли в местните училища",
    description: "Транспорт и помощник-учители за децата от регистрационно-приемателния център.",
    lead: org.harmanliMunicipality.name,
    dimension: "children_education",
    kind: "service",
    due: "2021-09-15",
    owner: user.coordinator2.email,
    updates: [{ at: "2021-09-20T10:00:00.000Z", author: user.coordinator2.email, note: "Записани 11 деца; транспортът е осигурен, помощник-учителите – не.", status: "in_progress" }],
    carriedOverTo: "harmanli-schools",
  },
  voice2020Family: {
    key: "voice2020-family",
    title: "Безплатна правна помощ по 50 случая за събиране на семейства",
    description: "Консултации и процесуално представителство по събиране на семейства на лица с международна закрила.",
    lead: org.voiceInBulgaria.name,
    coPledgers: [org.accessToRights.name],
    dimension: "family_reunification",
    kind: "service",
    due: "2021-11-15",
    owner: user.coordinator.email,
    updates: [
      { at: "2021-04-01T10:00:00.000Z", author: user.coordinator.email, note: "Приети 21 случая.", status: "in_progress" },
      {
        at: "2021-11-10T10:00:00.000Z",
        author: user.coordinator.email,
        note: "Подкрепени 53 случая; 19 семейства са събрани в България.",
        status: "fulfilled",
        evidenceUrl: "https://www.gcbbg.org/doklad-sabirane-semeystva-2021",
      },
    ],
  },
  mz2020Gp: {
    key: "mz2020-gp",
    title: "Достъп до личен лекар за лица с международна закрила без период на изчакване",
    description: "Указания до РЗИ за записване при общопрактикуващ лекар веднага след получаване на закрила.",
    lead: org.healthMinistry.name,
    dimension: "health",
    kind: "policy",
    due: "2021-06-30",
    owner: user.coordinator.email,
    updates: [{ at: "2021-04-20T10:00:00.000Z", author: user.coordinator.email, note: "Министерството оттегли ангажимента – въпросът ще се решава със закон.", status: "withdrawn" }],
  },
  textile2020Jobs: {
    key: "textile2020-jobs",
    title: "Наемане на 10 бежанци в шивашкото производство в Пловдив",
    description: "Работни места с обучение на място и помощ за жилище за първите три месеца.",
    lead: org.trakiaTextile.name,
    dimension: "employment",
    kind: "employment",
    due: "2021-10-31",
    owner: user.coordinator2.email,
    updates: [{ at: "2021-10-20T10:00:00.000Z", author: user.coordinator2.email, note: "Наети 6 души; 4 места остават незаети поради липса на жилища.", status: "partially_fulfilled" }],
  },
  syrian2020Mentors: {
    key: "syrian2020-mentors",
    title: "Менторска програма за новопристигнали семейства",
    description: "Доброволци от общността придружават новите семейства през първите шест месеца.",
    lead: org.syrianCommunity.name,
    dimension: "building_bridges",
    kind: "service",
    due: "2021-11-01",
    owner: user.coordinator.email,
    updates: [
      {
        at: "2021-11-05T10:00:00.000Z",
        author: user.coordinator.email,
        note: "25 ментори придружиха 31 семейства; програмата продължава.",
        status: "fulfilled",
        evidenceUrl: "https://www.facebook.com/syrian.community.bg/posts/mentori-2021",
      },
    ],
  },
  unhcr2020Grants: {
    key: "unhcr2020-grants",
    title: "Малки грантове за три инициативи на бежански общности",
    description: "Грантове до 5 000 лв. за инициативи, водени от самите бежанци.",
    lead: org.unhcr.name,
    coPledgers: [org.bcrm.name],
    dimension: "building_bridges",
    kind: "funding",
    due: "2021-12-31",
    owner: user.coordinator.email,
    updates: [{ at: "2021-10-01T10:00:00.000Z", author: user.coordinator.email, note: "Подкрепени са три инициативи: кулинарен клуб, футболен отбор и детски хор.", status: "fulfilled" }],
  },
  burgas2020Website: {
    key: "burgas2020-website",
    title: "Информация за услугите на общината на английски и арабски на сайта ѝ",
    description: "Страница за новопристигналите с основните общински услуги на два езика.",
    lead: org.burgasMunicipality.name,
    dimension: "mainstreaming_governance",
    kind: "service",
    due: "2021-12-31",
    owner: user.coordinator2.email,
    updates: [],
  },
  mp2020Nationality: {
    key: "mp2020-nationality",
    title: "Проект за по-кратък срок за натурализация на признати бежанци",
    description: "Предложение за промяна в Закона за българското гражданство.",
    lead: org.justiceMinistry.name,
    dimension: "nationality",
    kind: "policy",
    due: "2021-09-30",
    owner: user.coordinator2.email,
    updates: [{ at: "2021-10-01T10:00:00.000Z", author: user.coordinator2.email, note: "Предложението не беше внесено в Народното събрание.", status: "not_fulfilled" }],
  },
  ec2020Amif: {
    key: "ec2020-amif",
    title: "Финансиране по ФУМИ на общински програми за интеграция",
    description: "Покана за проекти по Фонд „Убежище, миграция и интеграция“ за общини.",
    lead: org.europeanCommission.name,
    dimension: "mainstreaming_governance",
    kind: "funding",
    due: "2021-12-31",
    owner: user.coordinator.email,
    updates: [{ at: "2021-07-01T10:00:00.000Z", author: user.coordinator.email, note: "Поканата е в подготовка с управляващия орган.", status: "in_progress" }],
  },
  sar2020Leaflets: {
    key: "sar2020-leaflets",
    title: "Информационни листовки за правата в регистрационно-приемателните центрове на 6 езика",
    description: "Листовки и плакати за правата и услугите на арабски, фарси, пущу, кюрдски, английски и френски.",
    lead: org.refugeeAgency.name,
    dimension: "reception_impact",
    kind: "service",
    due: "2021-04-30",
    owner: user.coordinator2.email,
    updates: [
      {
        at: "2021-04-28T10:00:00.000Z",
        author: user.coordinator2.email,
        note: "Листовките са отпечатани и раздадени във всички центрове.",
        status: "fulfilled",
        evidenceUrl: "https://aref.government.bg/bg/node/informatsionni-materiali-2021",
      },
    ],
  },
  brc2020Volunteers: {
    key: "brc2020-volunteers",
    title: "Обучение на 40 доброволци за работа с бежанци в пет града",
    description: "Обучение на доброволци за придружаване и превод в София, Пловдив, Варна, Бургас и Харманли.",
    lead: org.redCross.name,
    dimension: "building_bridges",
    kind: "training",
    due: "2022-03-31",
    owner: user.coordinator.email,
    shared: true,
    updates: [{ at: "2021-11-20T10:00:00.000Z", author: user.partnerRedCross.email, note: "Обучени 18 доброволци в София и Варна; предстоят Пловдив, Бургас и Харманли.", status: "in_progress" }],
  },
} satisfies Record<string, Commitment2020>;

export type Partnership2021Seed = {
  title: string;
  kind: PartnershipKind;
  status: PartnershipStatus;
  startsOn: string;
  endsOn?: string;
  owner: string;
  description: string;
  members: Array<[string, PartnershipMemberRole]>;
};

export const demoPartnerships2021 = {
  burgasLanguageCourses: {
    title: "Езикови курсове за бежанци в Бургас",
    kind: "implementation",
    status: "concluded",
    startsOn: "2021-03-15",
    endsOn: "2022-12-31",
    owner: user.coordinator2.email,
    description: "Курсове по български език в читалищата на Бургас, с детски кът за майките.",
    members: [
      [org.seaBridge.name, "lead"],
      [org.burgasMunicipality.name, "partner"],
      [org.bcrm.name, "partner"],
    ],
  },
  mentoringNetwork: {
    title: "Мрежа за наставничество на бежанските общности",
    kind: "memorandum",
    status: "active",
    startsOn: "2021-06-20",
    owner: user.coordinator.email,
    description: "Споразумение за обмен на ментори и общи обучения, подписано на Световния ден на бежанците.",
    members: [
      [org.syrianCommunity.name, "lead"],
      [org.afghanCommunity.name, "partner"],
      [org.refugeeWomenCouncil.name, "partner"],
      [org.bcrm.name, "partner"],
    ],
  },
} satisfies Record<string, Partnership2021Seed>;

export type StoryPersonSeed = { name: string; languages: string; countryOfOrigin: string; contactChannel: ContactChannel; contactValue: string; givenOn: string; purposes: ConsentPurpose[] };

export const demoStoryPeople = {
  samir: { name: "Самир А.", languages: "арабски, английски, български", countryOfOrigin: "Сирия", contactChannel: "whatsapp", contactValue: "+359 88 511 20 47", givenOn: "2021-11-02", purposes: ["forum_participation", "story_publication"] },
  mariam: { name: "Мариам Д.", languages: "дари, английски", countryOfOrigin: "Афганистан", contactChannel: "via_organization", contactValue: "чрез Каритас България", givenOn: "2021-10-20", purposes: ["story_publication", "follow_up_contact"] },
  yusuf: { name: "Юсуф К.", languages: "арабски, кюрдски, български", countryOfOrigin: "Ирак", contactChannel: "viber", contactValue: "+359 89 733 41 09", givenOn: "2021-11-10", purposes: ["forum_participation", "story_publication"] },
  leyla: { name: "Лейла Р.", languages: "фарси, английски", countryOfOrigin: "Иран", contactChannel: "email", contactValue: "leyla.r.sofia@example.org", givenOn: "2021-11-05", purposes: ["story_publication"] },
  abdul: { name: "Абдул Х.", languages: "пущу, дари, български", countryOfOrigin: "Афганистан", contactChannel: "phone", contactValue: "+359 87 620 15 93", givenOn: "2021-11-12", purposes: ["forum_participation", "story_publication", "follow_up_contact"] },
} satisfies Record<string, StoryPersonSeed>;

export type StorySeed = { title: string; summary: string; body: string; event: string; state: StoryState; owner: string; people: string[]; organizations: string[]; at: string };

const storyPerson = demoStoryPeople;

export const demoStories = {
  fromSchoolToUniversity: {
    title: "От ученическата скамейка до университета",
    summary: "Самир дойде в България на 15 години, без да знае нито дума български. Днес учи информатика в Софийския университет.",
    body: "Първата година Самир прекарва в центъра във „Военна рампа“ и в столично училище, където е единственото дете, което не говори български. Учителката му по български остава след часовете, а доброволци на Каритас му помагат с домашните. Пет години по-късно той завършва с отличие и е приет в Софийския университет. На форума Самир разказа колко важни са били допълнителните часове по език и хората, които са повярвали в него.",
    event: "forum2021",
    state: "published",
    owner: user.coordinator.email,
    people: [storyPerson.samir.name],
    organizations: [org.sofiaUniversity.name, org.caritas.name],
    at: "2021-11-30T15:00:00.000Z",
  },
  ownHome: {
    title: "Собствен дом след три години в център",
    summary: "Семейството на Мариам намери жилище под наем с подкрепата на гаранционния фонд на Каритас.",
    body: "Мариам, съпругът ѝ и трите им деца живеят три години в регистрационно-приемателен център. Наемодателите отказват, щом чуят, че са бежанци. С гаранционния фонд на Каритас и посредничеството на „Мисия Криле“ семейството подписва първия си договор за наем в „Люлин“. Мариам вече работи като помощник-готвач, а децата ходят в квартално училище.",
    event: "forum2021",
    state: "published",
    owner: user.coordinator.email,
    people: [storyPerson.mariam.name],
    organizations: [org.caritas.name, org.missionWings.name],
    at: "2021-11-30T15:05:00.000Z",
  },
  firstJob: {
    title: "Първата ми работа в България",
    summary: "Юсуф намери работа в многоезичен център за обслужване на клиенти след трудовата борса на Агенцията по заетостта.",
    body: "Юсуф е инженер, но дипломата му не е призната. На трудовата борса в София през май 2021 г. се запознава с екипа на Telus, който търси служители с арабски език. След обучение на работното място той вече ръководи малък екип и помага на други бежанци да подготвят автобиографиите си.",
    event: "forum2021",
    state: "published",
    owner: user.coordinator2.email,
    people: [storyPerson.yusuf.name],
    organizations: [org.employmentAgency.name, org.telus.name],
    at: "2021-11-30T15:10:00.000Z",
  },
  doctorWhoSpeaksMyLanguage: {
    title: "Лекарят, който говори моя език",
    summary: "По време на пандемията Лейла получи медицински съвет на фарси по телефонната линия на Българския Червен кръст.",
    body: "Когато синът на Лейла вдига висока температура през януари 2021 г., семейството не знае към кого да се обърне. По телефонната линия на Българския Червен кръст лекар доброволец и преводач им обясняват какво да направят и ги насочват към личен лекар. Лейла днес е доброволка на линията.",
    event: "forum2021",
    state: "published",
    owner: user.coordinator.email,
    people: [storyPerson.leyla.name],
    organizations: [org.redCross.name],
    at: "2021-11-30T15:15:00.000Z",
  },
  mentorForNewNeighbours: {
    title: "Наставник за новите съседи",
    summary: "Абдул, който пристигна през 2016 г., днес е наставник на пет новопристигнали семейства.",
    body: "Абдул помни колко объркващи са били първите месеци: документи, лекари, училище. Затова, когато Сирийската общност и общността „Надежда“ създават мрежа от ментори, той е сред първите доброволци. Придружава семействата до службите, превежда и просто ги изслушва.",
    event: "forum2021",
    state: "published",
    owner: user.coordinator2.email,
    people: [storyPerson.abdul.name],
    organizations: [org.afghanCommunity.name, org.syrianCommunity.name],
    at: "2021-11-30T15:20:00.000Z",
  },
  schoolForMum: {
    title: "Училище за мама",
    summary: "Курсът по български за майки с малки деца, в който Мариам учи, докато децата са в съседната стая.",
    body: "Историята е одобрена от Мариам, но още не е публикувана: чакаме снимките от курса.",
    event: "forum2021",
    state: "approved",
    owner: user.coordinator.email,
    people: [storyPerson.mariam.name],
    organizations: [org.missionWings.name],
    at: "2021-12-05T10:00:00.000Z",
  },
  kitchenOfTwoCultures: {
    title: "Кухнята на две култури",
    summary: "Самир и майка му готвят за квартала в „Надежда“ – чернова за форума 2026.",
    body: "Чернова: разговор със Самир и майка му за кулинарните вечери, които организират в квартала.",
    event: "forum2026",
    state: "draft",
    owner: user.coordinator.email,
    people: [storyPerson.samir.name],
    organizations: [org.multiKulti.name],
    at: "2026-10-15T10:00:00.000Z",
  },
} satisfies Record<string, StorySeed>;
