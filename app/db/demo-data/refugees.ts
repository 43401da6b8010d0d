// The demo's refugee contacts (pseudonymous) and their consents.
import type { ConsentPurpose, ContactChannel } from "../../domain/enums.ts";

export type RefugeeSeed = {
  name: string;
  languages: string;
  countryOfOrigin?: string;
  contactChannel: ContactChannel;
  contactValue: string;
  notes: string;
  consents: { givenOn: string; purposes: ConsentPurpose[]; expiresOn?: string; withdrawnOn?: string }[];
};

export const demoRefugees = {
  amina: {
    name: "Амина Х.",
    languages: "арабски, английски, български",
    countryOfOrigin: "Сирия",
    contactChannel: "whatsapp",
    contactValue: "+359 87 712 34 56",
    notes: "Разказа историята си за записването на децата си в училище на форума 2021. Предпочита контакт следобед.",
    consents: [{ givenOn: "2021-11-15", purposes: ["forum_participation", "story_publication", "follow_up_contact"], expiresOn: "2026-11-15" }],
  },
  ahmad: {
    name: "Ахмад Р.",
    languages: "дари, фарси, английски",
    countryOfOrigin: "Афганистан",
    contactChannel: "viber",
    contactValue: "+359 89 604 22 18",
    notes: "Говорител в панела за заетост на форума 2021; работи в многоезичен център за обслужване на клиенти.",
    consents: [{ givenOn: "2021-11-20", purposes: ["forum_participation", "follow_up_contact"] }],
  },
  fatima: {
    name: "Фатима (псевдоним)",
    languages: "арабски, кюрдски",
    countryOfOrigin: "Ирак",
    contactChannel: "via_organization",
    contactValue: "чрез Фондация „Мисия Криле“",
    notes: "Участва в консултацията за Манифеста. Оттегли съгласието си за публикуване на история – да не се използват материали с нея.",
    consents: [{ givenOn: "2021-06-17", purposes: ["forum_participation", "story_publication"], withdrawnOn: "2022-04-10" }],
  },
  olena: {
    name: "Олена К.",
    languages: "украински, руски, английски",
    countryOfOrigin: "Украйна",
    contactChannel: "email",
    contactValue: "olena.k.bg@gmail.com",
    notes: "Живее в Бургас от 2019 г.; от 2022 г. доброволец в украинската общност „Мрія“.",
    consents: [{ givenOn: "2021-10-05", purposes: ["follow_up_contact"] }],
  },
  karim: {
    name: "Карим С.",
    languages: "кюрдски, арабски, турски",
    countryOfOrigin: "Сирия",
    contactChannel: "signal",
    contactValue: "+359 88 390 11 74",
    notes: "Представител на кюрдските семейства в Харманли на форума 2021 и на кръглата маса в Харманли.",
    consents: [{ givenOn: "2021-09-14", purposes: ["forum_participation", "follow_up_contact"] }],
  },
  hamid: {
    name: "Хамид Н.",
    languages: "пущу, дари",
    countryOfOrigin: "Афганистан",
    contactChannel: "in_person",
    contactValue: "РПЦ Харманли, чрез културния медиатор",
    notes: "Съгласието предстои да бъде събрано с преводач; до тогава да не се включва в събития и материали.",
    consents: [],
  },
} satisfies Record<string, RefugeeSeed>;
