// The demo's contact people (fictional), by organization.
import { demoOrganizations as org } from "./organizations.ts";

export type PersonSeed = {
  name: string;
  organization: string | null;
  position?: string;
  email?: string;
  phone?: string;
  languages?: string;
  notes?: string;
};

const BG_EN = "български, английски";

export const demoPeople = {
  // BCRM
  mariaIvanova: { name: "Мария Иванова", organization: org.bcrm.name, position: "Председател на Управителния съвет", email: "m.ivanova@bcrm-bg.org", phone: "+359 88 812 40 15", languages: "български, английски, френски" },
  georgiPetrov: { name: "Георги Петров", organization: org.bcrm.name, position: "Програмен мениджър", email: "g.petrov@bcrm-bg.org", phone: "+359 88 812 40 16", languages: BG_EN },
  elenaDimitrova: { name: "Елена Димитрова", organization: org.bcrm.name, position: "Координатор по интеграцията", email: "e.dimitrova@bcrm-bg.org", phone: "+359 88 812 40 17", languages: "български, английски, арабски" },
  nikolayStoyanov: { name: "Николай Стоянов", organization: org.bcrm.name, position: "Координатор по интеграцията", email: "n.stoyanov@bcrm-bg.org", phone: "+359 88 812 40 18", languages: "български, английски, руски" },
  radostinaPetrova: { name: "Радостина Петрова", organization: org.bcrm.name, position: "Юрист", email: "r.petrova@bcrm-bg.org", phone: "+359 88 812 40 19", languages: "български, английски, немски" },
  // UNHCR, Multi Kulti
  annaKostova: { name: "Анна Костова", organization: org.unhcr.name, position: "Служител по интеграцията", email: "kostova@unhcr.org", phone: "+359 2 980 24 53", languages: "български, английски, френски" },
  petarGeorgiev: { name: "Петър Георгиев", organization: org.unhcr.name, position: "Служител по комуникациите", email: "georgiev@unhcr.org", phone: "+359 87 913 02 44", languages: BG_EN },
  kalinaTodorova: { name: "Калина Тодорова", organization: org.multiKulti.name, position: "Директор", email: "kalina@multikulti.bg", phone: "+359 88 624 19 07", languages: "български, английски, испански" },
  samerAlHasan: { name: "Самер Ал-Хасан", organization: org.multiKulti.name, position: "Координатор на общностни програми", email: "samer@multikulti.bg", phone: "+359 89 335 70 12", languages: "арабски, български, английски" },
  // State institutions
  stefanIvanov: { name: "Стефан Иванов", organization: org.refugeeAgency.name, position: "Директор на дирекция „Социална дейност и адаптация“", email: "s.ivanov@saref.government.bg", phone: "+359 2 808 09 21", languages: BG_EN },
  veselinaNikolova: { name: "Веселина Николова", organization: org.refugeeAgency.name, position: "Началник на отдел „Интеграция“", email: "v.nikolova@saref.government.bg", phone: "+359 2 808 09 34", languages: "български, английски, руски" },
  danielaPetrova: { name: "Даниела Петрова", organization: org.labourMinistry.name, position: "Директор на дирекция „Политика по пазара на труда“", email: "d.petrova@mlsp.government.bg", phone: "+359 2 811 94 10", languages: BG_EN },
  krasimirAngelov: { name: "Красимир Ангелов", organization: org.labourMinistry.name, position: "Държавен експерт", email: "k.angelov@mlsp.government.bg", phone: "+359 2 811 94 57", languages: "български, немски" },
  tsvetelinaMarinova: { name: "Цветелина Маринова", organization: org.educationMinistry.name, position: "Главен експерт, дирекция „Приобщаващо образование“", email: "ts.marinova@mon.bg", phone: "+359 2 921 75 30", languages: BG_EN },
  borislavHristov: { name: "д-р Борислав Христов", organization: org.healthMinistry.name, position: "Държавен експерт, дирекция „Международни дейности“", email: "bhristov@mh.government.bg", phone: "+359 2 930 12 76", languages: "български, английски, руски" },
  ralitsaNikolaeva: { name: "Ралица Николаева", organization: org.justiceMinistry.name, position: "Главен експерт, дирекция „Българско гражданство“", email: "r.nikolaeva@justice.government.bg", phone: "+359 2 923 74 12", languages: BG_EN },
  milenaIvanova: { name: "Милена Иванова", organization: org.employmentAgency.name, position: "Началник на отдел „Посреднически услуги“", email: "m.ivanova@az.government.bg", phone: "+359 2 980 87 43", languages: BG_EN },
  todorStanev: { name: "Тодор Станев", organization: org.employmentAgency.name, position: "Директор на Дирекция „Бюро по труда“ – Харманли", email: "dbt.harmanli@az.government.bg", phone: "+359 373 82 516", languages: "български, турски" },
  galinaKirova: { name: "Галина Кирова", organization: org.socialAssistanceAgency.name, position: "Главен експерт", email: "g.kirova@asp.government.bg", phone: "+359 2 935 04 88", languages: "български" },
  plamenVasilev: { name: "Пламен Василев", organization: org.migrationDirectorate.name, position: "Старши инспектор", email: "p.vasilev@mvr.bg", phone: "+359 2 982 31 50", languages: "български, английски, руски" },
  nadezhdaPopova: { name: "Надежда Попова", organization: org.ombudsman.name, position: "Главен експерт, Национален превантивен механизъм", email: "n.popova@ombudsman.bg", phone: "+359 2 810 69 31", languages: BG_EN },
  violetaTodorova: { name: "Виолета Тодорова", organization: org.sofiaEducationOffice.name, position: "Старши експерт по приобщаващо образование", email: "v.todorova@ruo-sofia-grad.bg", phone: "+359 2 935 60 48", languages: "български, руски" },
  // Municipalities
  desislavaKoleva: { name: "Десислава Колева", organization: org.sofiaMunicipality.name, position: "Главен експерт, дирекция „Социални дейности“", email: "dkoleva@sofia.bg", phone: "+359 2 937 75 12", languages: BG_EN },
  hristoPetrov: { name: "Христо Петров", organization: org.sofiaMunicipality.name, position: "Заместник-кмет по социални дейности", email: "hpetrov@sofia.bg", phone: "+359 2 937 72 40", languages: BG_EN },
  silviaAngelova: { name: "Силвия Ангелова", organization: org.sofiaMunicipality.name, position: "Директор на дирекция „Социални услуги“", email: "sangelova@sofia.bg", phone: "+359 2 937 75 01", languages: "български, английски, италиански" },
  lyubomirYankov: { name: "Любомир Янков", organization: org.plovdivMunicipality.name, position: "Заместник-кмет по социална политика", email: "l.yankov@plovdiv.bg", phone: "+359 32 656 720", languages: BG_EN },
  miroslavaIlieva: { name: "Мирослава Илиева", organization: org.plovdivMunicipality.name, position: "Експерт „Социални дейности“", email: "m.ilieva@plovdiv.bg", phone: "+359 32 656 745", languages: "български" },
  yordanSlavov: { name: "Йордан Славов", organization: org.varnaMunicipality.name, position: "Директор на дирекция „Социални дейности“", email: "y.slavov@varna.bg", phone: "+359 52 820 310", languages: "български, руски" },
  tatyanaZhelyazkova: { name: "Татяна Желязкова", organization: org.burgasMunicipality.name, position: "Главен експерт „Етнически и демографски въпроси“", email: "t.zhelyazkova@burgas.bg", phone: "+359 56 907 318", languages: "български, английски, украински" },
  dobromirKostadinov: { name: "Добромир Костадинов", organization: org.harmanliMunicipality.name, position: "Секретар на общината", email: "sekretar@harmanli.bg", phone: "+359 373 82 030", languages: "български" },
  snezhanaValcheva: { name: "Снежана Вълчева", organization: org.harmanliMunicipality.name, position: "Експерт „Образование“", email: "obrazovanie@harmanli.bg", phone: "+359 373 82 042", languages: "български, турски" },
  pavelDimov: { name: "Павел Димов", organization: org.ruseMunicipality.name, position: "Началник на отдел „Социални дейности“", email: "p.dimov@ruse-bg.eu", phone: "+359 82 881 690", languages: BG_EN },
  emiliaKoleva: { name: "Емилия Колева", organization: org.staraZagoraMunicipality.name, position: "Главен експерт „Социални дейности“", email: "e.koleva@starazagora.bg", phone: "+359 42 614 830", languages: "български" },
  // Bulgarian Red Cross
  ivanMarinov: { name: "Иван Маринов", organization: org.redCross.name, position: "Ръководител на Службата за бежанци и мигранти", email: "i.marinov@redcross.bg", phone: "+359 2 816 48 20", languages: "български, английски, арабски" },
  gerganaStoyanova: { name: "Гергана Стоянова", organization: org.redCross.name, position: "Координатор на здравните програми", email: "g.stoyanova@redcross.bg", phone: "+359 2 816 48 37", languages: BG_EN },
  borisNikolov: { name: "Борис Николов", organization: org.redCross.name, position: "Служба за издирване и възстановяване на семейни връзки", email: "b.nikolov@redcross.bg", phone: "+359 2 816 48 52", languages: "български, английски, френски" },
  // NGOs
  anaDobreva: { name: "Ана Добрева", organization: org.missionWings.name, position: "Изпълнителен директор", email: "ana@mission-wings.org", phone: "+359 88 931 42 11", languages: BG_EN },
  emilGanchev: { name: "Емил Ганчев", organization: org.caritas.name, position: "Ръководител на програма „Мигранти и бежанци“", email: "e.ganchev@caritas.bg", phone: "+359 2 963 09 72", languages: "български, английски, италиански" },
  katyaIvanova: { name: "Катя Иванова", organization: org.caritas.name, position: "Социален работник, център „Св. Анна“", email: "k.ivanova@caritas.bg", phone: "+359 88 720 55 13", languages: "български, английски, арабски" },
  petyaDoneva: { name: "Петя Донева", organization: org.caritasRuse.name, position: "Социален работник", email: "p.doneva@caritas-ruse.bg", phone: "+359 87 611 30 24", languages: "български, румънски" },
  zornitsaEncheva: { name: "Зорница Енчева", organization: org.helsinkiCommittee.name, position: "Юрист, Програма за правна защита на бежанци", email: "z.encheva@bghelsinki.org", phone: "+359 2 943 48 80", languages: "български, английски, френски" },
  denitsaRaykova: { name: "Деница Райкова", organization: org.voiceInBulgaria.name, position: "Адвокат", email: "d.raykova@centerlegalaid.com", phone: "+359 87 668 91 22", languages: BG_EN },
  svetlanaMarinova: { name: "Светлана Маринова", organization: org.accessToRights.name, position: "Правен консултант", email: "s.marinova@farbg.eu", phone: "+359 2 980 85 72", languages: "български, английски, руски" },
  loraPetkova: { name: "Лора Петкова", organization: org.tulip.name, position: "Програмен директор", email: "l.petkova@tulipfoundation.net", phone: "+359 2 951 60 85", languages: BG_EN },
  abdullaHasan: { name: "Абдулла Хасан", organization: org.aibm.name, position: "Председател", email: "a.hasan@aibm.bg", phone: "+359 89 742 15 34", languages: "арабски, български, английски" },
  teodoraIlieva: { name: "Теодора Илиева", organization: org.concordia.name, position: "Социален работник", email: "t.ilieva@concordia.bg", phone: "+359 88 450 12 66", languages: BG_EN },
  valentinPopov: { name: "Валентин Попов", organization: org.openDoors.name, position: "Председател", email: "v.popov.ov@abv.bg", phone: "+359 88 512 44 08", languages: "български" },
  neliHristova: { name: "Нели Христова", organization: org.seaBridge.name, position: "Координатор", email: "neli@morskimost.bg", phone: "+359 89 611 20 49", languages: "български, украински, английски" },
  rosenAngelov: { name: "Росен Ангелов", organization: org.bridgeToIntegration.name, position: "Бивш председател", phone: "+359 88 220 71 19", languages: "български", notes: "Организацията е закрита; поддържаме контакт като доброволец във Варна." },
  // Businesses
  vyaraAleksandrova: { name: "Вяра Александрова", organization: org.telus.name, position: "Мениджър „Човешки ресурси“", email: "vyara.aleksandrova@telusinternational.com", phone: "+359 2 491 50 31", languages: "български, английски, немски" },
  danielWeber: { name: "Daniel Weber", organization: org.telus.name, position: "Site Director", email: "daniel.weber@telusinternational.com", phone: "+359 2 491 50 02", languages: "английски, немски" },
  stoyanZhelev: { name: "Стоян Желев", organization: org.panoramaHotels.name, position: "Управител", email: "s.zhelev@panoramahotels.bg", phone: "+359 56 825 301", languages: "български, английски, руски" },
  rumyanaPetrova: { name: "Румяна Петрова", organization: org.trakiaTextile.name, position: "Мениджър „Производство“", email: "r.petrova@trakiatextile.bg", phone: "+359 32 944 215", languages: "български, турски" },
  kirilTodorov: { name: "Кирил Тодоров", organization: org.varnaLogistic.name, position: "Управител", email: "k.todorov@varnalogistic.bg", phone: "+359 52 511 871", languages: BG_EN },
  // Refugee-led / community
  mohamadAlHamaui: { name: "Мохамад Ал-Хамауи", organization: org.syrianCommunity.name, position: "Председател", email: "m.alhamawi@gmail.com", phone: "+359 89 820 17 65", languages: "арабски, български, английски" },
  zarinaAhmadzay: { name: "Зарина Ахмадзай", organization: org.afghanCommunity.name, position: "Координатор", email: "zarina.ahmadzai@gmail.com", phone: "+359 87 901 33 53", languages: "дари, пущу, български, английски" },
  oksanaShevchenko: { name: "Оксана Шевченко", organization: org.ukrainianCommunityBurgas.name, position: "Председател", email: "oksana.shevchenko@ukr.net", phone: "+359 88 776 21 10", languages: "украински, руски, български" },
  azadKadir: { name: "Азад Кадир", organization: org.kurdishCommunity.name, position: "Председател", phone: "+359 89 445 67 82", languages: "кюрдски, арабски, турски, български" },
  leylaNaser: { name: "Лейла Насер", organization: org.refugeeWomenCouncil.name, position: "Председател", email: "leila.naser@gmail.com", phone: "+359 88 313 52 41", languages: "арабски, английски, български" },
  // Academic
  mirelaStoyanova: { name: "доц. д-р Мирела Стоянова", organization: org.sofiaUniversity.name, position: "Преподавател, катедра „Социална работа“", email: "m.stoyanova@phls.uni-sofia.bg", phone: "+359 2 930 82 45", languages: "български, английски, френски" },
  aleksandarPetrov: { name: "гл. ас. Александър Петров", organization: org.sofiaUniversity.name, position: "Изследовател, екип НИЕМ", email: "a.petrov@phls.uni-sofia.bg", phone: "+359 2 930 82 46", languages: BG_EN },
  veselinKanchev: { name: "проф. Веселин Кънчев", organization: org.newBulgarianUniversity.name, position: "Департамент „Политически науки“", email: "vkanchev@nbu.bg", phone: "+359 2 811 02 35", languages: "български, английски, немски" },
  elitsaGeorgieva: { name: "д-р Елица Георгиева", organization: org.plovdivUniversity.name, position: "Главен асистент, Педагогически факултет", email: "e.georgieva@uni-plovdiv.bg", phone: "+359 32 261 402", languages: BG_EN },
  // Media
  martinIvanov: { name: "Мартин Иванов", organization: org.bnr.name, position: "Журналист, програма „Хоризонт“", email: "m.ivanov@bnr.bg", phone: "+359 88 419 22 70", languages: BG_EN },
  liliaDamyanova: { name: "Лилия Дамянова", organization: org.marginalia.name, position: "Редактор", email: "liliya@marginalia.bg", phone: "+359 87 215 63 90", languages: BG_EN },
  ivelinaStoyanova: { name: "Ивелина Стоянова", organization: org.radioVarna.name, position: "Репортер", email: "i.stoyanova@bnr.bg", phone: "+359 52 664 128", languages: "български, руски" },
  // International and other
  katerinaRadeva: { name: "Катерина Радева", organization: org.iom.name, position: "Ръководител на проекти", email: "kradeva@iom.int", phone: "+359 2 939 47 80", languages: BG_EN },
  desislavaIvanova: { name: "Десислава Иванова", organization: org.unicef.name, position: "Служител по закрила на детето", email: "dsivanova@unicef.org", phone: "+359 2 969 62 31", languages: "български, английски, испански" },
  sophieLaurent: { name: "Sophie Laurent", organization: org.europeanCommission.name, position: "Policy Officer, AMIF", email: "sophie.laurent@ec.europa.eu", languages: "френски, английски" },
  kamenPetkov: { name: "Камен Петков", organization: org.donorsForum.name, position: "Програмен координатор", email: "k.petkov@dfbulgaria.org", phone: "+359 2 951 59 80", languages: BG_EN },
  rositsaGenova: { name: "Росица Генова", organization: org.namrb.name, position: "Експерт „Социални политики“", email: "r.genova@namrb.org", phone: "+359 2 943 44 71", languages: "български" },
  // No organization
  georgiIvanov: { name: "Георги Иванов", organization: null, position: "Независим консултант по миграция", email: "georgi.ivanov.consult@gmail.com", phone: "+359 88 917 23 54", languages: "български, английски, руски", notes: "Бивш служител на ДАБ; консултира общини по плановете за интеграция." },
  aneliaHristova: { name: "Анелия Христова", organization: null, position: "Преводач (арабски език)", email: "anelia.translations@abv.bg", phone: "+359 87 552 18 06", languages: "български, арабски, английски", notes: "Превеждаше на форума 2021; може да бъде ангажирана за 2026." },
  mustafaYusufi: { name: "Мустафа Юсуфи", organization: null, position: "Културен медиатор", phone: "+359 89 903 44 17", languages: "дари, фарси, пущу, български", notes: "Доброволец в Харманли и София." },
} satisfies Record<string, PersonSeed>;
