// Demo data of the Manifesto for refugee integration: the 2021 process (a first draft, the
// consultation with refugee communities in June, the round tables in Harmanli and Varna, the
// version published for consultation, the text adopted at the forum on 30 November 2021 and its
// endorsers) and the review opened for consultation before the 2026 forum. Records refer to
// organizations, events and people of seed-demo.server.ts by name; seedManifestoDemo() runs
// inside that seed's transaction.
import { eq } from "drizzle-orm";
import type { NiemDimension, OrganizationKind } from "../domain/enums.ts";
import type { ManifestoProposalChannel, ManifestoProposalKind, ManifestoProposalStatus, ManifestoVersionStatus } from "../domain/manifesto.ts";
import { splitParagraphs } from "../lib/markdown.ts";
import type { Tx } from "./client.server.ts";
import * as s from "./schema.ts";

/** Handles tests use: the versions by number and the texts they plant or look for. */
export const MANIFESTO_DEMO = {
  firstDraft: 1,
  consultation2021: 2,
  adopted2021: 3,
  review2026: 4,
  /** A sentence only in the first draft (never published). */
  draftOnlySentence: "Работната група ще прецизира този раздел след консултациите.",
} as const;

// ---------------------------------------------------------------- the text

type SectionText = { key: string; titleBg: string; titleEn: string; bodyBg: string; bodyEn: string; dims: NiemDimension[] };

const principles: SectionText = {
  key: "principles",
  titleBg: "Принципи",
  titleEn: "Principles",
  dims: ["mainstreaming_governance"],
  bodyBg:
    "Интеграцията е двупосочен процес: бежанците и българското общество се променят заедно.\n\nВсеки човек с международна закрила има право на **равен достъп** до правата, които законът му дава, без да чака години.\n\nМанифестът е написан съвместно от институции, общини, неправителствени организации, бизнес и самите бежанци.",
  bodyEn:
    "Integration is a two-way process: refugees and Bulgarian society change together.\n\nEveryone granted international protection has the right to **equal access** to the rights the law gives them, without waiting for years.\n\nThe Manifesto was written together by institutions, municipalities, non-governmental organizations, businesses and refugees themselves.",
};

const stateLed: SectionText = {
  key: "state-led",
  titleBg: "Държавата води интеграцията",
  titleEn: "A state-led integration system",
  dims: ["mainstreaming_governance", "reception_impact"],
  bodyBg:
    "Интеграцията не може да зависи само от проекти на неправителствени организации. Тя се нуждае от работеща система, водена от държавата.\n\n- Национален координационен механизъм с ясни отговорности на министерствата.\n- Индивидуален план за интеграция за всеки човек, получил закрила.\n- Постоянно финансиране от държавния бюджет, а не само от европейски фондове.\n\n" +
    MANIFESTO_DEMO.draftOnlySentence,
  bodyEn:
    "Integration cannot depend only on projects of non-governmental organizations. It needs a working system led by the state.\n\n- A national coordination mechanism with clear responsibilities for the ministries.\n- An individual integration plan for everyone granted protection.\n- Permanent funding from the state budget, not only from European funds.",
};

const legal: SectionText = {
  key: "legal",
  titleBg: "Правен статут и семейство",
  titleEn: "Legal status and family",
  dims: ["residency", "family_reunification", "nationality"],
  bodyBg:
    "Документите за самоличност се издават бързо и без такси, които хората не могат да платят.\n\nСъбирането на семейството е право, а не привилегия: процедурите са кратки и предвидими.\n\nПътят към българско гражданство е ясен и достъпен.",
  bodyEn:
    "Identity documents are issued quickly and without fees people cannot pay.\n\nFamily reunification is a right, not a privilege: the procedures are short and predictable.\n\nThe path to Bulgarian citizenship is clear and accessible.",
};

const housing: SectionText = {
  key: "housing",
  titleBg: "Жилище",
  titleEn: "Housing",
  dims: ["housing"],
  bodyBg:
    "След напускане на центъра на ДАБ никой не остава на улицата.\n\nОбщините предлагат временно жилище и помощ при наемане на квартира.",
  bodyEn:
    "No one is left homeless after leaving the SAR centre.\n\nMunicipalities offer temporary housing and help with renting a home.",
};

const work: SectionText = {
  key: "work",
  titleBg: "Работа и професионално обучение",
  titleEn: "Work and vocational training",
  dims: ["employment", "vocational_training"],
  bodyBg:
    "Бюрата по труда работят с бежанците от първия ден на закрилата.\n\nРаботодателите получават информация и подкрепа, за да наемат бежанци законно и справедливо.",
  bodyEn:
    "Labour offices work with refugees from the first day of protection.\n\nEmployers receive information and support to hire refugees lawfully and fairly.",
};

const children: SectionText = {
  key: "children",
  titleBg: "Образование на децата",
  titleEn: "Children's education",
  dims: ["children_education"],
  bodyBg:
    "Всяко дете тръгва на детска градина или училище до три месеца след пристигането си.\n\nУчилищата получават средства за допълнително обучение по български език.",
  bodyEn:
    "Every child starts kindergarten or school within three months of arrival.\n\nSchools receive funding for additional Bulgarian language lessons.",
};

const language: SectionText = {
  key: "language",
  titleBg: "Български език и ориентиране",
  titleEn: "Bulgarian language and orientation",
  dims: ["language_orientation"],
  bodyBg:
    "Държавата осигурява курсове по български език за възрастни.\n\nКурсовете по социално ориентиране обясняват институциите, правата и задълженията.",
  bodyEn:
    "The state provides Bulgarian language courses for adults.\n\nSocial orientation courses explain the institutions, rights and obligations.",
};

const health: SectionText = {
  key: "health",
  titleBg: "Здраве и социална подкрепа",
  titleEn: "Health and social support",
  dims: ["health", "social_security"],
  bodyBg:
    "Здравното осигуряване започва от деня на закрилата.\n\nСоциалните работници познават нуждите на бежанците и работят с преводачи.",
  bodyEn:
    "Health insurance starts on the day protection is granted.\n\nSocial workers know refugees' needs and work with interpreters.",
};

const municipalities: SectionText = {
  key: "municipalities",
  titleBg: "Общините и местната общност",
  titleEn: "Municipalities and the local community",
  dims: ["building_bridges", "mainstreaming_governance"],
  bodyBg:
    "Общините са първото място, където интеграцията се случва или не се случва.\n\nСъседи, училища, читалища и църкви помагат хората да се опознаят.",
  bodyEn:
    "Municipalities are the first place where integration happens, or does not.\n\nNeighbours, schools, community centres and churches help people get to know each other.",
};

const participation: SectionText = {
  key: "participation",
  titleBg: "Участие на бежанците",
  titleEn: "Refugees' participation",
  dims: ["building_bridges"],
  bodyBg:
    "*Нищо за нас без нас.* Бежанците участват в решенията, които ги засягат: в работни групи, консултации и общински съвети.\n\nБежанските общности и организации получават подкрепа, за да говорят от свое име.",
  bodyEn:
    "*Nothing about us without us.* Refugees take part in the decisions that affect them: in working groups, consultations and municipal councils.\n\nRefugee communities and organizations receive support to speak for themselves.",
};

/** Version by version: each is the previous text with the changes the proposals led to. */
function withBody(section: SectionText, bodyBg: string, bodyEn: string): SectionText {
  return { ...section, bodyBg, bodyEn };
}

const v1 = [principles, stateLed, legal, housing, work, children, language, health, municipalities];

// After the June consultation with refugee communities: free courses with childcare, housing for the first months, a section on participation.
const language2 = withBody(
  language,
  "Държавата осигурява безплатни курсове по български език за възрастни, с грижа за децата по време на занятията.\n\nКурсовете по социално ориентиране обясняват институциите, правата и задълженията.",
  "The state provides free Bulgarian language courses for adults, with childcare during the lessons.\n\nSocial orientation courses explain the institutions, rights and obligations.",
);
const housing2 = withBody(
  housing,
  "След напускане на центъра на ДАБ никой не остава на улицата.\n\nОбщините предлагат временно жилище за първите шест месеца и помощ при наемане на квартира.",
  "No one is left homeless after leaving the SAR centre.\n\nMunicipalities offer temporary housing for the first six months and help with renting a home.",
);
const stateLed2 = withBody(stateLed, stateLed.bodyBg.replace(`\n\n${MANIFESTO_DEMO.draftOnlySentence}`, ""), stateLed.bodyEn);
const v2 = [principles, stateLed2, legal, housing2, work, children, language2, health, municipalities, participation];

// After the round tables in Harmanli and Varna: recognition of qualifications, municipal plans, interpreters at school.
const work3 = withBody(
  work,
  "Бюрата по труда работят с бежанците от първия ден на закрилата.\n\nДипломите и квалификациите, придобити в чужбина, се признават по опростена процедура.\n\nРаботодателите получават информация и подкрепа, за да наемат бежанци законно и справедливо.",
  "Labour offices work with refugees from the first day of protection.\n\nDiplomas and qualifications obtained abroad are recognised through a simplified procedure.\n\nEmployers receive information and support to hire refugees lawfully and fairly.",
);
const municipalities3 = withBody(
  municipalities,
  "Всяка община с бежанци приема общински план за интеграция с бюджет.\n\nСъседи, училища, читалища и църкви помагат хората да се опознаят.",
  "Every municipality with refugees adopts a municipal integration plan with a budget.\n\nNeighbours, schools, community centres and churches help people get to know each other.",
);
const children3 = withBody(
  children,
  "Всяко дете тръгва на детска градина или училище до три месеца след пристигането си.\n\nУчилищата получават средства за допълнително обучение по български език и за образователни медиатори.",
  "Every child starts kindergarten or school within three months of arrival.\n\nSchools receive funding for additional Bulgarian language lessons and for educational mediators.",
);
const v3 = [principles, stateLed2, legal, housing2, work3, children3, language2, health, municipalities3, participation];

// The 2026 review: temporary protection since 2022, and health mediators.
const principles4 = withBody(
  principles,
  principles.bodyBg.replace("без да чака години.", "без да чака години.\n\nПринципите важат и за хората с временна закрила, пристигнали от Украйна след 2022 г."),
  principles.bodyEn.replace("without waiting for years.", "without waiting for years.\n\nThe principles apply equally to people with temporary protection who arrived from Ukraine after 2022."),
);
const v4 = [principles4, stateLed2, legal, housing2, work3, children3, language2, health, municipalities3, participation];

type VersionSeed = { number: number; status: ManifestoVersionStatus; titleBg: string; titleEn: string; note: string; publishedOn?: string; adoptedOn?: string; adoptedAt?: string; createdAt: string; sections: SectionText[] };

const TITLE_BG = "Манифест за интеграция на бежанците в България";
const TITLE_EN = "Manifesto for refugee integration in Bulgaria";

const versionSeeds: VersionSeed[] = [
  { number: 1, status: "draft", titleBg: TITLE_BG, titleEn: TITLE_EN, note: "Първа чернова на работната група (BCRM, Multi Kulti Collective, ВКБООН) за консултацията с бежанските общности.", createdAt: "2021-05-20T09:00:00.000Z", sections: v1 },
  { number: 2, status: "consultation", titleBg: TITLE_BG, titleEn: TITLE_EN, note: "С предложенията от консултацията с бежанските общности (юни 2021): безплатни курсове с грижа за децата, жилище за първите месеци, нов раздел за участието.", publishedOn: "2021-09-01", createdAt: "2021-08-25T09:00:00.000Z", sections: v2 },
  { number: 3, status: "adopted", titleBg: TITLE_BG, titleEn: TITLE_EN, note: "С предложенията от кръглите маси в Харманли и Варна; приет на Националния форум.", publishedOn: "2021-09-01", adoptedOn: "2021-11-30", adoptedAt: "forum2021", createdAt: "2021-11-10T09:00:00.000Z", sections: v3 },
  { number: 4, status: "consultation", titleBg: TITLE_BG, titleEn: TITLE_EN, note: "Преглед пет години по-късно, за форума през 2026 г.: временна закрила.", publishedOn: "2026-10-01", createdAt: "2026-09-20T09:00:00.000Z", sections: v4 },
];

// ---------------------------------------------------------------- proposals

type ProposalSeed = {
  version: number;
  section: string;
  organization?: string;
  refugee?: { name: string; community: string; oblast: "BG-22" | "BG-26" };
  submittedBy?: string;
  dimension: NiemDimension;
  kind: ManifestoProposalKind;
  passage?: string;
  proposedText: string;
  rationale?: string;
  channel: ManifestoProposalChannel;
  event?: string;
  madeOn: string;
  status: ManifestoProposalStatus;
  answerBg?: string;
  answerEn?: string;
  answeredOn?: string;
  /** Taken into this section key of this version. */
  into?: { version: number; section: string };
};

const COORD = "coordinator@bcrm.demo";

const proposalSeeds: ProposalSeed[] = [
  // The consultation with refugee communities, 17 June 2021 (on the first draft).
  {
    version: 1, section: "language", organization: "Сирийска общност в България", dimension: "language_orientation", kind: "wording", channel: "event", event: "manifesto1", madeOn: "2021-06-17",
    passage: "Държавата осигурява курсове по български език за възрастни.",
    proposedText: "Държавата осигурява безплатни курсове по български език за възрастни, с грижа за децата по време на занятията.",
    rationale: "Майките с малки деца не могат да посещават курсовете; платените курсове са недостъпни за повечето семейства.",
    status: "accepted", answerBg: "Прието. Текстът е включен във версията за консултация.", answerEn: "Accepted. The wording is in the version published for consultation.", answeredOn: "2021-08-25",
    into: { version: 2, section: "language" },
  },
  {
    version: 1, section: "municipalities", organization: "Афганистанска общност „Надежда“", dimension: "building_bridges", kind: "idea", channel: "event", event: "manifesto1", madeOn: "2021-06-17",
    proposedText: "Отделен раздел за участието на самите бежанци в решенията: „Нищо за нас без нас“.",
    status: "accepted", answerBg: "Прието: добавен е нов раздел „Участие на бежанците“.", answerEn: "Accepted: a new section “Refugees' participation” was added.", answeredOn: "2021-08-25",
    into: { version: 2, section: "participation" },
  },
  {
    version: 1, section: "housing", refugee: { name: "Ахмад Р.", community: "Афганистанска общност", oblast: "BG-22" }, dimension: "housing", kind: "wording", channel: "event", event: "manifesto1", madeOn: "2021-06-17",
    proposedText: "Общинско жилище без наем за първата година след закрилата.",
    rationale: "Без жилище не може да се започне работа, нито да се запишат децата на училище.",
    status: "partly_accepted", answerBg: "Прието отчасти: временно жилище за първите шест месеца. Безплатно жилище за година не е реалистично за общините.", answerEn: "Partly accepted: temporary housing for the first six months. Free housing for a year is not realistic for municipalities.", answeredOn: "2021-08-25",
    into: { version: 2, section: "housing" },
  },
  {
    version: 1, section: "health", organization: "Съвет на жените бежанки в България", dimension: "health", kind: "idea", channel: "event", event: "manifesto1", madeOn: "2021-06-17",
    proposedText: "Здравни медиатори жени, които говорят арабски, фарси и дари, в поликлиниките в София и Харманли.",
    status: "under_discussion", answerBg: "Обсъждаме с Министерството на здравеопазването как да се финансират медиаторите.", answerEn: "We are discussing with the Ministry of Health how mediators could be funded.", answeredOn: "2021-09-10",
  },
  {
    version: 1, section: "legal", organization: "Фондация „Мисия Криле“", dimension: "family_reunification", kind: "wording", channel: "written", madeOn: "2021-06-28",
    proposedText: "Срок от 60 дни за решение по всяко заявление за събиране на семейството.",
    status: "not_accepted", answerBg: "Не е прието в текста на Манифеста: сроковете се определят със закон; BCRM продължава застъпничеството по темата.", answerEn: "Not taken into the Manifesto: deadlines are set by law; BCRM continues its advocacy on the subject.", answeredOn: "2021-08-25",
  },
  // The round tables on the version published for consultation.
  {
    version: 2, section: "municipalities", organization: "Община Харманли", dimension: "mainstreaming_governance", kind: "wording", channel: "event", event: "manifesto2", madeOn: "2021-09-14",
    passage: "Общините са първото място, където интеграцията се случва или не се случва.",
    proposedText: "Всяка община с бежанци приема общински план за интеграция с бюджет.",
    rationale: "Без план и бюджет добрите намерения остават на хартия.",
    status: "accepted", answerBg: "Прието и включено в приетия текст.", answerEn: "Accepted and included in the adopted text.", answeredOn: "2021-11-10",
    into: { version: 3, section: "municipalities" },
  },
  {
    version: 2, section: "children", organization: "Каритас България", dimension: "children_education", kind: "wording", channel: "event", event: "manifesto2", madeOn: "2021-09-14",
    proposedText: "Образователни медиатори и преводачи във всяко училище с деца на бежанци.",
    status: "partly_accepted", answerBg: "Прието отчасти: средства за образователни медиатори; преводачите остават отговорност на училищата.", answeredOn: "2021-11-10",
    into: { version: 3, section: "children" },
  },
  {
    version: 2, section: "state-led", organization: "Кюрдска общност „Нороз“", dimension: "mainstreaming_governance", kind: "idea", channel: "event", event: "manifesto2", madeOn: "2021-09-14",
    proposedText: "Представител на бежанските общности в националния координационен механизъм.",
    status: "received",
  },
  {
    version: 2, section: "work", organization: "„Варна Логистик“ ООД", dimension: "vocational_training", kind: "wording", channel: "event", event: "manifesto3", madeOn: "2021-10-21",
    proposedText: "Дипломите и квалификациите, придобити в чужбина, се признават по опростена процедура.",
    rationale: "Шофьори и техници с опит не могат да работят по специалността си години наред.",
    status: "accepted", answerBg: "Прието.", answerEn: "Accepted.", answeredOn: "2021-11-10",
    into: { version: 3, section: "work" },
  },
  {
    version: 2, section: "work", organization: "Община Варна", dimension: "employment", kind: "idea", channel: "event", event: "manifesto3", madeOn: "2021-10-21",
    proposedText: "Общински програми за стаж при местни работодатели.",
    status: "under_discussion",
  },
  {
    version: 2, section: "health", organization: "Български Червен кръст", dimension: "health", kind: "wording", channel: "written", madeOn: "2021-10-04",
    passage: "Социалните работници познават нуждите на бежанците и работят с преводачи.",
    proposedText: "Социалните работници са обучени за работа с хора, преживели травма, и работят с преводачи.",
    status: "not_accepted", answerBg: "Не е включено сега; ще бъде обсъдено при следващия преглед.", answeredOn: "2021-11-10",
  },
  {
    version: 2, section: "housing", organization: "Столична община", submittedBy: "partner@sofia.demo", dimension: "housing", kind: "idea", channel: "portal", madeOn: "2021-09-20",
    proposedText: "Общински социални жилища, отделени за семейства с деца в първата година.",
    status: "partly_accepted", answerBg: "Прието отчасти: временно жилище за първите шест месеца за всички, не само за семейства.", answerEn: "Partly accepted: temporary housing for the first six months for everyone, not only families.", answeredOn: "2021-11-10",
  },
  // The 2026 review, open for consultation now.
  {
    version: 4, section: "state-led", organization: "Министерство на труда и социалната политика", dimension: "mainstreaming_governance", kind: "idea", channel: "written", madeOn: "2026-10-20",
    proposedText: "Годишен доклад на Министерския съвет за изпълнението на индивидуалните планове за интеграция.",
    status: "under_discussion",
  },
  {
    version: 4, section: "language", organization: "Украинска общност „Мрія“ – Бургас", dimension: "language_orientation", kind: "idea", channel: "written", madeOn: "2026-10-28",
    proposedText: "Онлайн курсове по български език за хора, които работят на смени.",
    status: "received",
  },
  {
    version: 4, section: "health", organization: "Български Червен кръст", submittedBy: "partner@redcross.demo", dimension: "health", kind: "wording", channel: "portal", madeOn: "2026-11-05",
    passage: "Здравното осигуряване започва от деня на закрилата.",
    proposedText: "Здравното осигуряване започва от деня на подаване на молбата за закрила.",
    rationale: "Месеците на процедурата са без достъп до личен лекар.",
    status: "received",
  },
];

// ---------------------------------------------------------------- endorsements of the adopted version

type EndorsementSeed = { organization: string; signatory: string; position?: string; signedOn: string; listed: boolean; showSignatory?: boolean; channel: "paper" | "portal"; statementBg?: string; statementEn?: string; withdrawnOn?: string };

const endorsementSeeds: EndorsementSeed[] = [
  { organization: "Български съвет за бежанци и мигранти", signatory: "Мария Иванова", position: "председател", signedOn: "2021-11-30", listed: true, showSignatory: true, channel: "paper", statementBg: "Манифестът е общ текст на всички, които работят за интеграцията.", statementEn: "The Manifesto is the common text of everyone working for integration." },
  { organization: "Multi Kulti Collective", signatory: "Анна Костова", position: "директор", signedOn: "2021-11-30", listed: true, showSignatory: true, channel: "paper" },
  { organization: "Върховен комисариат на ООН за бежанците (ВКБООН)", signatory: "Представител на ВКБООН", signedOn: "2021-11-30", listed: true, channel: "paper" },
  { organization: "Международна организация по миграция (МОМ) – България", signatory: "Ръководител на мисията", signedOn: "2021-12-03", listed: true, channel: "paper" },
  { organization: "Детски фонд на ООН (УНИЦЕФ) – България", signatory: "Представител", signedOn: "2021-12-10", listed: true, channel: "paper" },
  { organization: "Държавна агенция за бежанците при Министерския съвет", signatory: "Председател на ДАБ", signedOn: "2021-12-15", listed: true, channel: "paper" },
  { organization: "Министерство на труда и социалната политика", signatory: "Заместник-министър", signedOn: "2022-01-20", listed: false, channel: "paper" },
  { organization: "Агенция по заетостта", signatory: "Изпълнителен директор", signedOn: "2022-02-08", listed: false, channel: "paper" },
  { organization: "Омбудсман на Република България", signatory: "Омбудсман", signedOn: "2021-11-30", listed: true, channel: "paper", statementBg: "Правата на бежанците са права на човека." },
  { organization: "Община Пловдив", signatory: "Заместник-кмет", signedOn: "2022-01-12", listed: true, channel: "paper" },
  { organization: "Община Варна", signatory: "Заместник-кмет", signedOn: "2022-02-15", listed: true, channel: "paper" },
  { organization: "Община Бургас", signatory: "Секретар на общината", signedOn: "2022-03-01", listed: true, channel: "paper" },
  { organization: "Община Харманли", signatory: "Кмет", signedOn: "2021-11-30", listed: true, channel: "paper" },
  { organization: "Български Червен кръст", signatory: "Иван Маринов", position: "директор „Бежанци и мигранти“", signedOn: "2021-12-01", listed: true, showSignatory: true, channel: "portal" },
  { organization: "Фондация „Мисия Криле“", signatory: "Председател", signedOn: "2021-11-30", listed: true, channel: "paper" },
  { organization: "Каритас България", signatory: "Директор", signedOn: "2021-12-02", listed: true, channel: "paper" },
  { organization: "Каритас Русе", signatory: "Координатор", signedOn: "2022-01-25", listed: false, channel: "paper" },
  { organization: "Български хелзинкски комитет", signatory: "Председател", signedOn: "2021-11-30", listed: true, channel: "paper" },
  { organization: "Център за правна помощ „Глас в България“", signatory: "Директор", signedOn: "2021-12-06", listed: true, channel: "paper" },
  { organization: "Фондация за достъп до права", signatory: "Председател", signedOn: "2021-12-06", listed: true, channel: "paper" },
  { organization: "Тулип Фаундейшън", signatory: "Изпълнителен директор", signedOn: "2021-12-20", listed: true, channel: "paper" },
  { organization: "Telus International Bulgaria", signatory: "Директор човешки ресурси", signedOn: "2022-01-18", listed: true, channel: "paper", statementBg: "Наемаме таланти, не статути.", statementEn: "We hire talent, not statuses." },
  { organization: "„Панорама Хотели“ ЕООД", signatory: "Управител", signedOn: "2022-02-22", listed: false, channel: "paper" },
  { organization: "Сирийска общност в България", signatory: "Самер Ал-Хасан", signedOn: "2021-11-30", listed: true, showSignatory: true, channel: "paper" },
  { organization: "Афганистанска общност „Надежда“", signatory: "Председател", signedOn: "2021-11-30", listed: true, channel: "paper" },
  // Withdrawn in 2023: kept in the history, not counted.
  { organization: "„Тракия Текстил“ АД", signatory: "Управител", signedOn: "2022-03-10", listed: true, channel: "paper", withdrawnOn: "2023-06-01" },
];

// ---------------------------------------------------------------- seeding

/** Inserts the Manifesto demo data, inside the demo seed's transaction. */
export function seedManifestoDemo(tx: Tx): void {
  const one = <T>(row: T | undefined, what: string): T => {
    if (!row) throw new Error(`seed-manifesto: unknown ${what}`);
    return row;
  };
  const userId = (email: string) => one(tx.select({ id: s.users.id }).from(s.users).where(eq(s.users.email, email)).get(), `user ${email}`).id;
  const org = (name: string) => one(tx.select().from(s.organizations).where(eq(s.organizations.name, name)).get(), `organization ${name}`);
  const eventId = (title: string) => one(tx.select({ id: s.events.id }).from(s.events).where(eq(s.events.title, title)).get(), `event ${title}`).id;
  const eventTitles: Record<string, string> = {
    manifesto1: "Манифест за интеграция: консултация с бежанските общности",
    manifesto2: "Кръгла маса „Местната власт и интеграцията“ – Харманли",
    manifesto3: "Кръгла маса „Работодателите и интеграцията“ – Варна",
    forum2021: "Национален форум „Съвместно пишем новите истории на интеграция на бежанците“ 2021",
  };
  const coordinatorId = userId(COORD);

  // Versions and their sections
  const versionIds = new Map<number, number>();
  const sectionIds = new Map<string, number>();
  let previous: number | null = null;
  for (const v of versionSeeds) {
    const row = tx
      .insert(s.manifestoVersions)
      .values({
        number: v.number,
        status: v.status,
        titleBg: v.titleBg,
        titleEn: v.titleEn,
        note: v.note,
        basedOnVersionId: previous,
        publishedOn: v.publishedOn ?? null,
        adoptedOn: v.adoptedOn ?? null,
        adoptedAtEventId: v.adoptedAt ? eventId(eventTitles[v.adoptedAt]!) : null,
        createdById: coordinatorId,
        createdAt: v.createdAt,
        updatedAt: v.createdAt,
      })
      .returning({ id: s.manifestoVersions.id })
      .get();
    versionIds.set(v.number, row.id);
    previous = row.id;
    v.sections.forEach((section, i) => {
      const created = tx
        .insert(s.manifestoSections)
        .values({
          versionId: row.id,
          sectionKey: section.key,
          position: i + 1,
          titleBg: section.titleBg,
          titleEn: section.titleEn,
          bodyBg: section.bodyBg,
          bodyEn: section.bodyEn,
          niemDimensions: section.dims.join(","),
          createdAt: v.createdAt,
          updatedAt: v.createdAt,
        })
        .returning({ id: s.manifestoSections.id })
        .get();
      sectionIds.set(`${v.number}:${section.key}`, created.id);
    });
  }
  const sectionId = (version: number, key: string) => one(sectionIds.get(`${version}:${key}`), `section ${version}:${key}`);

  // Ахмад Р. agreed that his proposal is recorded under his name (the consent the rules ask for).
  const ahmad = one(tx.select().from(s.refugeeContacts).where(eq(s.refugeeContacts.name, "Ахмад Р.")).get(), "refugee contact Ахмад Р.");
  tx.insert(s.refugeeConsents)
    .values({ refugeeContactId: ahmad.id, givenOn: "2021-06-17", purposes: "manifesto_proposal", legalBasis: "explicit_consent", recordedById: coordinatorId, createdAt: "2021-06-17T12:00:00.000Z" })
    .run();

  const sectionText = new Map(versionSeeds.flatMap((v) => v.sections.map((sec) => [`${v.number}:${sec.key}`, sec.bodyBg] as const)));
  for (const p of proposalSeeds) {
    const paragraphs = splitParagraphs(sectionText.get(`${p.version}:${p.section}`));
    const paragraphIndex = p.passage ? paragraphs.findIndex((para) => para.includes(p.passage!)) : -1;
    if (p.passage && paragraphIndex < 0) throw new Error(`seed-manifesto: passage not in ${p.version}:${p.section}`);
    const organization = p.organization ? org(p.organization) : null;
    const createdAt = `${p.madeOn}T15:00:00.000Z`;
    const answeredAt = p.answeredOn ? `${p.answeredOn}T10:00:00.000Z` : null;
    tx.insert(s.manifestoProposals)
      .values({
        versionId: one(versionIds.get(p.version), `version ${p.version}`),
        sectionId: sectionId(p.version, p.section),
        organizationId: organization?.id ?? null,
        refugeeContactId: p.refugee ? ahmad.id : null,
        communityName: p.refugee?.community ?? null,
        organizationKind: (organization?.kind ?? "refugee_led") as OrganizationKind,
        oblast: organization ? organization.oblast : (p.refugee?.oblast ?? null),
        niemDimension: p.dimension,
        kind: p.kind,
        passage: p.passage ?? null,
        paragraphIndex: p.passage ? paragraphIndex : null,
        proposedText: p.proposedText,
        rationale: p.rationale ?? null,
        channel: p.channel,
        eventId: p.event ? eventId(eventTitles[p.event]!) : null,
        madeOn: p.madeOn,
        submittedById: userId(p.submittedBy ?? COORD),
        status: p.status,
        answerBg: p.answerBg ?? null,
        answerEn: p.answerEn ?? null,
        answeredAt: p.answerBg ? answeredAt : null,
        answeredById: p.answerBg ? coordinatorId : null,
        acceptedIntoSectionId: p.into ? sectionId(p.into.version, p.into.section) : null,
        createdAt,
        updatedAt: answeredAt ?? createdAt,
      })
      .run();
  }

  const adoptedId = one(versionIds.get(MANIFESTO_DEMO.adopted2021), "the adopted version");
  for (const e of endorsementSeeds) {
    const organization = org(e.organization);
    const partnerUser = e.channel === "portal" ? tx.select({ id: s.users.id }).from(s.users).where(eq(s.users.organizationId, organization.id)).get() : undefined;
    tx.insert(s.manifestoEndorsements)
      .values({
        versionId: adoptedId,
        organizationId: organization.id,
        signatoryName: e.signatory,
        signatoryPosition: e.position ?? null,
        signedOn: e.signedOn,
        statementBg: e.statementBg ?? null,
        statementEn: e.statementEn ?? null,
        listPublicly: e.listed,
        showSignatory: e.listed && (e.showSignatory ?? false),
        channel: e.channel,
        recordedById: partnerUser?.id ?? coordinatorId,
        withdrawnAt: e.withdrawnOn ? `${e.withdrawnOn}T09:00:00.000Z` : null,
        withdrawnById: e.withdrawnOn ? coordinatorId : null,
        withdrawalReason: e.withdrawnOn ? "Дружеството се преструктурира и оттегля публичните си позиции." : null,
        createdAt: `${e.signedOn}T12:00:00.000Z`,
        updatedAt: `${e.withdrawnOn ?? e.signedOn}T12:00:00.000Z`,
      })
      .run();
  }
}
