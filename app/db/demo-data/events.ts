// The demo's events (the national forums, round tables, the Manifesto's consultations) and who took part.
import type { EventKind, Oblast, ParticipantRole, RefugeeParticipantRole } from "../../domain/enums.ts";
import { demoOrganizations as org } from "./organizations.ts";
import { demoPeople as person } from "./people.ts";
import { demoRefugees as refugee } from "./refugees.ts";

export const FORUM_SERIES = "Национален форум за интеграция на бежанците";
export const MANIFESTO_SERIES = "Манифест за интеграция на бежанците в България";

export type EventSeed = {
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

export const demoEvents = {
  forum2020: {
    key: "forum2020",
    title: "Национален форум за интеграция на бежанците 2020",
    kind: "national_forum",
    series: FORUM_SERIES,
    startsOn: "2020-12-10",
    place: "онлайн (Zoom)",
    oblast: "BG-22",
    description: "Онлайн издание по време на пандемията: ролята на общините в интеграцията.",
    organizations: [
      [org.bcrm.name, "organizer"],
      [org.multiKulti.name, "organizer"],
      [org.unhcr.name, "organizer"],
      [org.refugeeAgency.name, "speaker"],
      [org.sofiaMunicipality.name, "participant"],
      [org.redCross.name, "participant"],
      [org.caritas.name, "participant"],
      [org.sofiaUniversity.name, "speaker"],
    ],
    people: [
      [person.mariaIvanova.name, "speaker"],
      [person.annaKostova.name, "speaker"],
      [person.mirelaStoyanova.name, "speaker"],
    ],
  },
  forum2021: {
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
      [org.bcrm.name, "organizer"],
      [org.multiKulti.name, "organizer"],
      [org.unhcr.name, "organizer"],
      [org.refugeeAgency.name, "speaker"],
      [org.labourMinistry.name, "speaker"],
      [org.educationMinistry.name, "participant"],
      [org.healthMinistry.name, "participant"],
      [org.justiceMinistry.name, "participant"],
      [org.employmentAgency.name, "speaker"],
      [org.ombudsman.name, "speaker"],
      [org.sofiaMunicipality.name, "speaker"],
      [org.plovdivMunicipality.name, "participant"],
      [org.varnaMunicipality.name, "participant"],
      [org.harmanliMunicipality.name, "participant"],
      [org.redCross.name, "speaker"],
      [org.missionWings.name, "participant"],
      [org.caritas.name, "participant"],
      [org.helsinkiCommittee.name, "participant"],
      [org.voiceInBulgaria.name, "participant"],
      [org.accessToRights.name, "participant"],
      [org.tulip.name, "speaker"],
      [org.telus.name, "speaker"],
      [org.panoramaHotels.name, "participant"],
      [org.syrianCommunity.name, "speaker"],
      [org.afghanCommunity.name, "participant"],
      [org.sofiaUniversity.name, "participant"],
      [org.iom.name, "participant"],
      [org.unicef.name, "participant"],
      [org.bnr.name, "participant"],
    ],
    people: [
      [person.mariaIvanova.name, "speaker"],
      [person.annaKostova.name, "speaker"],
      [person.kalinaTodorova.name, "speaker"],
      [person.stefanIvanov.name, "speaker"],
      [person.hristoPetrov.name, "speaker"],
      [person.ivanMarinov.name, "speaker"],
      [person.vyaraAleksandrova.name, "speaker"],
      [person.nadezhdaPopova.name, "speaker"],
      [person.mohamadAlHamaui.name, "speaker"],
      [person.danielaPetrova.name, "participant"],
      [person.desislavaKoleva.name, "participant"],
      [person.zarinaAhmadzay.name, "participant"],
      [person.aneliaHristova.name, "participant"],
      [person.martinIvanov.name, "participant"],
    ],
    refugees: [
      [refugee.amina.name, "story_teller"],
      [refugee.ahmad.name, "speaker"],
      [refugee.karim.name, "community_representative"],
    ],
  },
  forum2026: {
    key: "forum2026",
    title: "Национален форум за интеграция на бежанците 2026",
    kind: "national_forum",
    series: FORUM_SERIES,
    startsOn: "2026-12-08",
    place: "София, Централен военен клуб",
    oblast: "BG-22",
    description: "Пето присъствено издание: отчет на ангажиментите от 2021–2025 г. и нови ангажименти; пренасяне на неизпълнените.",
    organizations: [
      [org.bcrm.name, "organizer"],
      [org.multiKulti.name, "organizer"],
      [org.unhcr.name, "organizer"],
      [org.sofiaMunicipality.name, "speaker"],
      [org.redCross.name, "speaker"],
      [org.refugeeAgency.name, "participant"],
      [org.varnaMunicipality.name, "participant"],
    ],
    people: [
      [person.mariaIvanova.name, "speaker"],
      [person.kalinaTodorova.name, "speaker"],
      [person.desislavaKoleva.name, "participant"],
    ],
  },
  manifesto1: {
    key: "manifesto1",
    title: "Манифест за интеграция: консултация с бежанските общности",
    kind: "consultation",
    series: MANIFESTO_SERIES,
    startsOn: "2021-06-17",
    place: "София, пространство на Multi Kulti Collective",
    oblast: "BG-22",
    description: "Първа консултация по текста на Манифеста с представители на сирийската, афганистанската, иракската и кюрдската общност.",
    organizations: [
      [org.bcrm.name, "organizer"],
      [org.multiKulti.name, "organizer"],
      [org.syrianCommunity.name, "participant"],
      [org.afghanCommunity.name, "participant"],
      [org.refugeeWomenCouncil.name, "participant"],
      [org.missionWings.name, "participant"],
    ],
    people: [
      [person.elenaDimitrova.name, "organizer"],
      [person.samerAlHasan.name, "speaker"],
      [person.leylaNaser.name, "participant"],
    ],
    refugees: [
      [refugee.fatima.name, "participant"],
      [refugee.amina.name, "participant"],
    ],
  },
  manifesto2: {
    key: "manifesto2",
    title: "Кръгла маса „Местната власт и интеграцията“ – Харманли",
    kind: "round_table",
    series: MANIFESTO_SERIES,
    startsOn: "2021-09-14",
    place: "Харманли, Заседателна зала на Общината",
    oblast: "BG-26",
    description: "Обсъждане на раздела за общините в Манифеста: образование, жилища и местни услуги.",
    organizations: [
      [org.bcrm.name, "organizer"],
      [org.harmanliMunicipality.name, "organizer"],
      [org.refugeeAgency.name, "participant"],
      [org.employmentAgency.name, "participant"],
      [org.caritas.name, "participant"],
      [org.kurdishCommunity.name, "participant"],
    ],
    people: [
      [person.nikolayStoyanov.name, "organizer"],
      [person.dobromirKostadinov.name, "speaker"],
      [person.todorStanev.name, "participant"],
      [person.azadKadir.name, "speaker"],
    ],
    refugees: [[refugee.karim.name, "community_representative"]],
  },
  manifesto3: {
    key: "manifesto3",
    title: "Кръгла маса „Работодателите и интеграцията“ – Варна",
    kind: "round_table",
    series: MANIFESTO_SERIES,
    startsOn: "2021-10-21",
    place: "Варна, Регионална библиотека „Пенчо Славейков“",
    oblast: "BG-03",
    description: "Работодатели, бюра по труда и общности за достъпа до заетост и професионално обучение.",
    organizations: [
      [org.bcrm.name, "organizer"],
      [org.varnaMunicipality.name, "participant"],
      [org.varnaLogistic.name, "speaker"],
      [org.bridgeToIntegration.name, "participant"],
      [org.varnaLibrary.name, "participant"],
      [org.radioVarna.name, "participant"],
    ],
    people: [
      [person.georgiPetrov.name, "organizer"],
      [person.kirilTodorov.name, "speaker"],
      [person.yordanSlavov.name, "participant"],
      [person.rosenAngelov.name, "participant"],
    ],
  },
  training2022: {
    key: "training2022",
    title: "Обучение „Интеграцията на бежанците в общинските политики“",
    kind: "training",
    startsOn: "2022-03-22",
    endsOn: "2022-03-23",
    place: "Пловдив, хотел „Тримонциум“",
    oblast: "BG-16",
    description: "Двудневно обучение за общински служители: индивидуални споразумения за интеграция, общински планове, финансиране.",
    organizations: [
      [org.bcrm.name, "organizer"],
      [org.plovdivMunicipality.name, "participant"],
      [org.staraZagoraMunicipality.name, "participant"],
      [org.ruseMunicipality.name, "participant"],
      [org.blagoevgradMunicipality.name, "participant"],
      [org.namrb.name, "speaker"],
    ],
    people: [
      [person.nikolayStoyanov.name, "organizer"],
      [person.miroslavaIlieva.name, "participant"],
      [person.emiliaKoleva.name, "participant"],
      [person.pavelDimov.name, "participant"],
      [person.rositsaGenova.name, "speaker"],
    ],
  },
  training2023: {
    key: "training2023",
    title: "Обучение за работодатели: наемане на бежанци и граждани на трети страни",
    kind: "training",
    startsOn: "2023-05-16",
    place: "Бургас, Регионален бизнес център",
    oblast: "BG-02",
    description: "Правни възможности за наемане, езикова подкрепа на работното място, опит на работодатели.",
    organizations: [
      [org.bcrm.name, "organizer"],
      [org.employmentAgency.name, "speaker"],
      [org.panoramaHotels.name, "participant"],
      [org.trakiaTextile.name, "participant"],
      [org.burgasMunicipality.name, "participant"],
      [org.seaBridge.name, "participant"],
    ],
    people: [
      [person.elenaDimitrova.name, "organizer"],
      [person.milenaIvanova.name, "speaker"],
      [person.stoyanZhelev.name, "participant"],
      [person.rumyanaPetrova.name, "participant"],
      [person.neliHristova.name, "participant"],
    ],
  },
} satisfies Record<string, EventSeed>;
