// The demo's interactions (meetings, calls, visits, e-mails, notes).
import type { InteractionKind } from "../../domain/enums.ts";
import { demoOrganizations as org } from "./organizations.ts";
import { demoPeople as person } from "./people.ts";
import { demoUsers as user } from "./users.ts";

export type InteractionSeed = {
  kind: InteractionKind;
  on: string;
  subject: string;
  body: string;
  participants?: string;
  organization?: string;
  person?: string;
  by?: string;
};

export const demoInteractions = {
  forum2021Planning: { kind: "meeting", on: "2021-09-02", subject: "Планиране на Националния форум 2021", body: "Обсъдихме темата „Съвместно пишем новите истории“, датата 30 ноември и бюджета. ВКБООН поема залата и превода.", participants: "Елена Димитрова, Мария Иванова, Анна Костова", organization: org.unhcr.name, person: person.annaKostova.name },
  forumTaskSharing: { kind: "call", on: "2021-09-20", subject: "Разпределение на задачите по форума", body: "Multi Kulti поема историите на бежанците и кетъринга; BCRM – поканите към институциите.", participants: "Елена Димитрова, Калина Тодорова", organization: org.multiKulti.name, person: person.kalinaTodorova.name },
  harmanliVisitBeforeRoundTable: { kind: "visit", on: "2021-09-13", subject: "Посещение в Харманли преди кръглата маса", body: "Огледахме залата, срещнахме се със секретаря на общината и с представители на кюрдската общност.", participants: "Николай Стоянов, Добромир Костадинов", organization: org.harmanliMunicipality.name, person: person.dobromirKostadinov.name, by: user.coordinator2.email },
  forumInvitationToSofia: { kind: "email", on: "2021-10-05", subject: "Покана за участие във форума", body: "Изпратена покана до заместник-кмета с молба за изказване в панела за общините.", organization: org.sofiaMunicipality.name, person: person.hristoPetrov.name },
  redCrossForumPledges: { kind: "call", on: "2021-11-10", subject: "Ангажименти на БЧК за форума", body: "БЧК ще обяви мобилни здравни консултации и пакети за първоначално настаняване.", participants: "Елена Димитрова, Иван Маринов", organization: org.redCross.name, person: person.ivanMarinov.name },
  telusEmploymentPanel: { kind: "email", on: "2021-11-18", subject: "Участие на Telus в панела за заетост", body: "Потвърдено участие; ще представят опита с многоезичните позиции.", organization: org.telus.name, person: person.vyaraAleksandrova.name, by: user.coordinator2.email },
  forumNotesSarPledge: { kind: "note", on: "2021-11-30", subject: "Бележки от форума: ангажимент на ДАБ", body: "ДАБ пое ангажимент за ранна оценка на уменията и по-бързи документи. Да се проследи през февруари.", organization: org.refugeeAgency.name, person: person.stefanIvanov.name },
  syrianThankYou: { kind: "email", on: "2021-12-08", subject: "Благодарност за участието и следващи стъпки", body: "Благодарихме за историите на форума; предложихме наставническа програма.", organization: org.syrianCommunity.name, person: person.mohamadAlHamaui.name },
  sofiaMemorandumDraft: { kind: "meeting", on: "2022-01-20", subject: "Меморандум със Столична община – обсъждане на текста", body: "Съгласувахме четири направления: информационен център, жилища, детски градини, езикови курсове.", participants: "Елена Димитрова, Силвия Ангелова, Десислава Колева", organization: org.sofiaMunicipality.name, person: person.silviaAngelova.name },
  redCrossReferralAgreement: { kind: "meeting", on: "2022-02-14", subject: "Споразумение за насочване с БЧК", body: "Подписано споразумение; формуляр за насочване и контактни точки в София и Харманли.", organization: org.redCross.name, person: person.ivanMarinov.name },
  infoCenterPremisesVisit: { kind: "visit", on: "2022-03-15", subject: "Оглед на помещението за информационния център", body: "Помещението е достъпно, нужен е отделен вход и табела на арабски и фарси.", organization: org.sofiaMunicipality.name, person: person.desislavaKoleva.name },
  mobileLabourOffices: { kind: "call", on: "2022-04-04", subject: "Мобилни бюра по труда", body: "Пилотът в Харманли започва; за София няма служители.", organization: org.employmentAgency.name, person: person.milenaIvanova.name, by: user.coordinator2.email },
  schoolLanguageMeeting: { kind: "meeting", on: "2022-05-11", subject: "Допълнително обучение по български език в училищата", body: "МОН ще събере данни по РУО; предложихме обучение за учители.", organization: org.educationMinistry.name, person: person.tsvetelinaMarinova.name, by: user.coordinator2.email },
  niemReportData: { kind: "email", on: "2022-06-22", subject: "Данни за доклада по НИЕМ", body: "Получени данни за индивидуалните споразумения за интеграция за 2021 г.", organization: org.refugeeAgency.name, person: person.veselinaNikolova.name, by: user.coordinator2.email },
  mobileOfficesWithdrawn: { kind: "call", on: "2022-09-12", subject: "Оттегляне на ангажимента за мобилните бюра", body: "Агенцията съобщи за реорганизация; обсъдихме алтернатива с онлайн приемни.", organization: org.employmentAgency.name, person: person.milenaIvanova.name, by: user.coordinator2.email },
  seasonReview: { kind: "meeting", on: "2022-10-03", subject: "Равносметка на сезона", body: "Основният проблем е жилищното настаняване на служителите; хотелите ще осигурят общежитие догодина.", organization: org.panoramaHotels.name, person: person.stoyanZhelev.name, by: user.coordinator2.email },
  naturalizationGuidance: { kind: "email", on: "2023-02-10", subject: "Указания за натурализация", body: "Министерството отложи публикуването; поискахме среща с новия директор.", organization: org.justiceMinistry.name, person: person.ralitsaNikolaeva.name, by: user.coordinator2.email },
  harmanliCoursesVisit: { kind: "visit", on: "2023-03-21", subject: "Посещение на курсовете в Харманли", body: "Две групи по 12 души; нужни са учебници и детски кът.", organization: org.caritas.name, person: person.emilGanchev.name, by: user.coordinator2.email },
  trakiaTextilePledge: { kind: "note", on: "2023-05-16", subject: "Ангажимент на „Тракия Текстил“ след обучението в Бургас", body: "Фирмата обяви стажантска програма за жени бежанки; да се подготви споразумение.", organization: org.trakiaTextile.name, person: person.rumyanaPetrova.name },
  plovdivCoordinatorRetry: { kind: "meeting", on: "2023-09-07", subject: "Общински координатор – нов опит", body: "Заместник-кметът предлага позицията да се финансира по програма „Развитие на човешките ресурси“.", organization: org.plovdivMunicipality.name, person: person.lyubomirYankov.name, by: user.coordinator2.email },
  familyLegalAidReport: { kind: "call", on: "2024-01-25", subject: "Отчет по правната помощ за събиране на семейства", body: "64 подкрепени случая; 29 събрани семейства. Остават проблеми с визите в Анкара и Исламабад.", organization: org.voiceInBulgaria.name, person: person.denitsaRaykova.name },
  storiesCampaign: { kind: "meeting", on: "2024-04-18", subject: "Комуникационна кампания за историите на интеграция", body: "Ще публикуваме по една история месечно; съгласие от всеки разказвач.", organization: org.unhcr.name, person: person.petarGeorgiev.name },
  refugeeDayAfghanCommunity: { kind: "visit", on: "2024-06-20", subject: "Световен ден на бежанците в афганистанската общност", body: "Празник с 80 участници; желание за курс по български за жени.", organization: org.afghanCommunity.name, person: person.zarinaAhmadzay.name },
  bnrStoriesSeries: { kind: "email", on: "2025-02-12", subject: "Репортаж за историите на интеграция", body: "БНР подготвя поредица от пет репортажа; насочихме към разказвачи със съгласие за публикуване.", organization: org.bnr.name, person: person.martinIvanov.name },
  municipalPlansConsultation: { kind: "call", on: "2025-03-03", subject: "Консултация за общинските планове за интеграция", body: "Обсъдихме модел на общински план за Варна и Бургас.", person: person.georgiIvanov.name, by: user.coordinator2.email },
  varnaPlanFirstTalk: { kind: "meeting", on: "2025-05-06", subject: "Общински план за интеграция – първи разговор", body: "Общината има интерес, но чака национални указания.", organization: org.varnaMunicipality.name, person: person.yordanSlavov.name, by: user.coordinator2.email },
  ukrainianFamiliesNeeds: { kind: "call", on: "2025-09-30", subject: "Нужди на украинските семейства в Бургас", body: "Основни нужди: детски градини, признаване на дипломи, жилища след края на хотелската програма.", organization: org.ukrainianCommunityBurgas.name, person: person.oksanaShevchenko.name },
  memorandumAnnualReview: { kind: "meeting", on: "2026-01-15", subject: "Годишен преглед на ангажиментите по меморандума", body: "Информационният център работи, жилищата – частично; детските градини – новите правила влизат в сила през есента.", participants: "Елена Димитрова, Десислава Колева", organization: org.sofiaMunicipality.name, person: person.desislavaKoleva.name },
  healthConsultationData2025: { kind: "email", on: "2026-03-10", subject: "Данни за здравните консултации за 2025 г.", body: "Поискахме данните за годишния отчет към ВКБООН.", organization: org.redCross.name, person: person.gerganaStoyanova.name },
  refugeeDaySyrianCommunity: { kind: "visit", on: "2026-06-20", subject: "Световен ден на бежанците със сирийската общност", body: "Представихме наставническата програма; 15 доброволци заявиха участие.", organization: org.syrianCommunity.name, person: person.mohamadAlHamaui.name },
  forum2026Preparation: { kind: "meeting", on: "2026-09-15", subject: "Подготовка на форума 2026", body: "Програма в три панела; пренасяне на неизпълнените ангажименти от 2021 г.", participants: "Елена Димитрова, Калина Тодорова, Самер Ал-Хасан", organization: org.multiKulti.name, person: person.kalinaTodorova.name },
  kindergartenReportCall: { kind: "call", on: "2026-10-20", subject: "Отчет за детските градини", body: "Общината подаде отчет в системата; да се провери с РУО.", organization: org.sofiaMunicipality.name, person: person.desislavaKoleva.name },
  familyLinksReport: { kind: "email", on: "2026-11-02", subject: "Отчет за възстановените семейни връзки", body: "БЧК подаде частичен отчет; поискахме разбивка по държави.", organization: org.redCross.name, person: person.borisNikolov.name },
  forumInterpreterNote: { kind: "note", on: "2026-11-05", subject: "Бележка: преводач за форума 2026", body: "Анелия Христова е свободна на 8 декември; да се потвърди договор.", person: person.aneliaHristova.name },
} satisfies Record<string, InteractionSeed>;
