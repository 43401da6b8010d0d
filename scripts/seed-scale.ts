// A national network with years of history, for the benchmark: the demo data plus
// 100,000 organizations, 300,000 people, 50,000 commitments with 150,000 progress updates,
// 200,000 follow-ups and 1,000,000 interactions, with realistic Cyrillic names.
//
//   npm run seed:scale                        # writes bench/scale.sqlite
//   npm run seed:scale -- --scale=0.1         # writes bench/scale-0.1.sqlite (bench: npm run bench -- --scale=0.1)
//   npm run seed:scale -- --out=/tmp/x.sqlite --scale=0.1 --seed=7 --today=2026-06-01
//
// Deterministic: the same --seed and --today give the same rows (a seeded PRNG, no Math.random).
// Derived columns (name_latin, sort_key, search_key, niem_area) come from app/db/derived.ts,
// exactly as the app computes them. The load runs with synchronous=OFF and no journal inside a
// few big transactions (the file is rebuilt from scratch if anything fails), then goes back to WAL.
import fs from "node:fs";
import { openDatabase } from "../app/db/client.server.ts";
import { commitmentDerived, interactionKeys, organizationKeys, personKeys, titledKeys } from "../app/db/derived.ts";
import { seedDemo } from "../app/db/seed-demo.server.ts";
import {
  commitmentKinds,
  commitmentStatuses,
  interactionKinds,
  niemDimensions,
  type Oblast,
  type OrganizationKind,
} from "../app/domain/enums.ts";
import { transliterate } from "../app/lib/transliterate.ts";

// ------------------------------------------------------------------ options

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v = "true"] = a.replace(/^--/, "").split("=");
    return [k, v] as const;
  }),
);
const scale = Number(args.get("scale") ?? 1);
// Each scale its own file (bench/scale.sqlite at 1, bench/scale-0.1.sqlite …), as `npm run bench -- --scale=` expects.
const out = args.get("out") ?? process.env.SCALE_DATABASE_PATH ?? (scale === 1 ? "bench/scale.sqlite" : `bench/scale-${scale}.sqlite`);
const seed = Number(args.get("seed") ?? 2021);
const today = args.get("today") ? new Date(`${args.get("today")}T12:00:00Z`) : new Date();
const password = process.env.DEMO_PASSWORD ?? "forum2021";

export const SCALE_COUNTS = {
  organizations: 100_000,
  people: 300_000,
  commitments: 50_000,
  commitmentUpdates: 150_000,
  followUps: 200_000,
  interactions: 1_000_000,
};
const n = Object.fromEntries(Object.entries(SCALE_COUNTS).map(([k, v]) => [k, Math.round(v * scale)])) as typeof SCALE_COUNTS;

// ------------------------------------------------------------------ deterministic randomness

/** mulberry32: tiny, fast, good enough for synthetic data, and the same on every machine. */
function prng(s: number) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(seed);
const int = (max: number) => Math.floor(rand() * max);
const pick = <T>(list: readonly T[]): T => list[int(list.length)];
/** Skewed towards low indexes: a few large organizations have much of the history (the largest ~0.3%). */
const skewed = (max: number) => Math.floor(max * rand() ** 2);

const DAY = 86_400_000;
const isoDate = (offsetDays: number) => new Date(today.getTime() + offsetDays * DAY).toISOString().slice(0, 10);
const isoTime = (offsetDays: number) => new Date(today.getTime() + offsetDays * DAY + int(DAY)).toISOString();

// ------------------------------------------------------------------ word lists

const towns: Array<[string, Oblast]> = [
  ["София", "BG-22"], ["Пловдив", "BG-16"], ["Варна", "BG-03"], ["Бургас", "BG-02"], ["Русе", "BG-18"],
  ["Стара Загора", "BG-24"], ["Плевен", "BG-15"], ["Сливен", "BG-20"], ["Добрич", "BG-08"], ["Шумен", "BG-27"],
  ["Перник", "BG-14"], ["Хасково", "BG-26"], ["Харманли", "BG-26"], ["Ямбол", "BG-28"], ["Пазарджик", "BG-13"],
  ["Благоевград", "BG-01"], ["Петрич", "BG-01"], ["Велико Търново", "BG-04"], ["Враца", "BG-06"], ["Габрово", "BG-07"],
  ["Асеновград", "BG-16"], ["Видин", "BG-05"], ["Казанлък", "BG-24"], ["Кюстендил", "BG-10"], ["Кърджали", "BG-09"],
  ["Монтана", "BG-12"], ["Димитровград", "BG-26"], ["Ловеч", "BG-11"], ["Силистра", "BG-19"], ["Търговище", "BG-25"],
  ["Разград", "BG-17"], ["Смолян", "BG-21"], ["Самоков", "BG-23"], ["Ботевград", "BG-23"], ["Своге", "BG-23"],
  ["Нова Загора", "BG-20"], ["Горна Оряховица", "BG-04"], ["Дупница", "BG-10"], ["Свиленград", "BG-26"], ["Банско", "BG-01"],
];
// Sofia is where most of the network is.
const townWeights = towns.map(([t]) => (t === "София" ? 12 : t === "Пловдив" || t === "Варна" || t === "Бургас" ? 4 : 1));
const townTotal = townWeights.reduce((a, b) => a + b, 0);
function pickTown(): [string, Oblast] {
  let r = rand() * townTotal;
  for (let i = 0; i < towns.length; i++) if ((r -= townWeights[i]) < 0) return towns[i];
  return towns[0];
}

const maleFirst = ["Георги", "Иван", "Димитър", "Николай", "Петър", "Христо", "Стоян", "Тодор", "Васил", "Александър", "Стефан", "Калин", "Мартин", "Емил", "Красимир", "Владимир", "Борис", "Ангел", "Пламен", "Атанас", "Йордан", "Милен", "Росен", "Светослав", "Кирил"];
const femaleFirst = ["Мария", "Елена", "Иванка", "Йорданка", "Десислава", "Гергана", "Надежда", "Милена", "Цветелина", "Радка", "Теодора", "Виктория", "Силвия", "Камелия", "Анелия", "Диана", "Ралица", "Петя", "Снежана", "Веселина", "Боряна", "Яна", "Калина", "Христина", "Мариела"];
const lastStems = ["Иванов", "Петров", "Георгиев", "Димитров", "Николов", "Стоянов", "Христов", "Тодоров", "Атанасов", "Йорданов", "Колев", "Маринов", "Попов", "Ангелов", "Василев", "Илиев", "Костадинов", "Русев", "Михайлов", "Божинов", "Цветков", "Панайотов", "Желязков", "Кръстев", "Славов", "Недялков", "Лазаров", "Радев", "Александров", "Начев"];

const adjectives = ["Нов", "Светъл", "Български", "Европейски", "Открит", "Общ", "Зелен", "Добър", "Млад", "Равен", "Жив", "Мирен"];
const nouns = ["път", "дом", "свят", "хоризонт", "мост", "шанс", "старт", "център", "живот", "глас", "пример", "избор"];
const patrons = ["Христо Ботев", "Васил Левски", "Иван Вазов", "Св. св. Кирил и Методий", "Паисий Хилендарски", "Елин Пелин", "Йордан Йовков", "Пенчо Славейков", "Алеко Константинов", "Софроний Врачански"];
const companyWords = ["Интеграл", "Балкан", "Тракия", "Родина", "Дунав", "Витоша", "Пирин", "Странджа", "Марица", "Струма", "Искър", "Янтра"];
const companySuffixes = ["ЕООД", "ООД", "АД", "ЕАД"];

function organizationName(kind: OrganizationKind, town: string, i: number): string {
  const noun = `${pick(adjectives)} ${pick(nouns)}`;
  switch (kind) {
    case "state_institution":
      return pick([`Дирекция „Социално подпомагане“ – ${town}`, `Бюро по труда – ${town}`, `Регионално управление на образованието – ${town}`, `Регионална здравна инспекция – ${town}`, `Областна администрация ${town}`]) + ` (${i})`;
    case "municipality":
      return pick([`Община ${town}`, `Район ${pick(nouns)} – Община ${town}`, `Кметство ${pick(companyWords)} – Община ${town}`]) + ` (${i})`;
    case "ngo":
      return `${pick(["Сдружение", "Фондация", "Асоциация", "Сдружение с нестопанска цел"])} „${noun} ${i}“ – ${town}`;
    case "business":
      return `„${pick(companyWords)} ${pick(["Трейд", "Консулт", "Строй", "Логистик", "Фуудс", "Текстил", "ИТ"])} ${i}“ ${pick(companySuffixes)}`;
    case "international":
      return `${pick(["Представителство на", "Мисия на", "Бюро на"])} ${pick(["Международната организация по миграция", "УНИЦЕФ", "Каритас", "Червения кръст", "Европейската комисия"])} – ${town} ${i}`;
    case "refugee_led":
      return `${pick(["Общност", "Сдружение на", "Клуб на"])} ${pick(["сирийците", "афганистанците", "украинците", "иракчаните", "жените бежанки", "младите бежанци"])} в ${town} ${i}`;
    case "academic":
      return `${pick(["Основно училище", "Средно училище", "Профилирана гимназия", "Университет", "Институт"])} „${pick(patrons)}“ – ${town} ${i}`;
    case "media":
      return `${pick(["Радио", "Вестник", "Телевизия", "Сайт"])} „${pick(companyWords)} ${pick(nouns)}“ ${i}`;
    default:
      return `Читалище „${pick(["Просвета", "Напредък", "Светлина", "Будител", "Съгласие"])} ${1860 + (i % 150)}“ – ${town} ${i}`;
  }
}
const kindWeights: Array<[OrganizationKind, number]> = [
  ["ngo", 30], ["business", 25], ["academic", 12], ["municipality", 6], ["state_institution", 6],
  ["refugee_led", 6], ["media", 5], ["international", 3], ["other", 7],
];
const kindTotal = kindWeights.reduce((a, [, w]) => a + w, 0);
function pickKind(): OrganizationKind {
  let r = rand() * kindTotal;
  for (const [k, w] of kindWeights) if ((r -= w) < 0) return k;
  return "ngo";
}

const positions = ["Председател", "Изпълнителен директор", "Координатор", "Социален работник", "Юрист", "Експерт", "Главен експерт", "Управител", "Директор", "Учител", "Преводач", "Доброволец"];
const languageSets = ["български", "български, английски", "български, английски, френски", "български, руски", "български, арабски", "български, украински", "английски, арабски, фарси"];
const commitmentVerbs = ["Осигуряване на", "Организиране на", "Разширяване на", "Финансиране на", "Застъпничество за", "Създаване на", "Обучение за"];
const commitmentObjects = ["курсове по български език", "работни места", "социални жилища", "здравни консултации", "правна помощ", "детски градини", "професионално обучение", "менторска програма", "информационни материали", "достъп до социални услуги"];
const commitmentGroups = ["за търсещи закрила", "за бежанци", "за деца бежанци", "за жени бежанки", "за семейства с международна закрила", "за млади хора"];
const followUpTitles = ["Обаждане за напредъка", "Изпращане на отчет", "Среща с екипа", "Проверка на доказателствата", "Покана за форума", "Подготовка на меморандум", "Напомняне за ангажимента", "Събиране на подписи", "Уточняване на бюджета", "Посещение на място"];
const interactionSubjects = ["Среща за партньорство", "Телефонен разговор", "Покана за кръгла маса", "Обсъждане на ангажимент", "Посещение в центъра", "Консултация по проекта", "Обратна връзка след форума", "Писмо с предложение", "Работна среща по НИЕМ", "Бележка от разговора"];
const updateNotes = ["Дейността започна по план.", "Проведени са първите срещи.", "Има забавяне заради финансирането.", "Изпълнено частично, продължаваме.", "Изпълнено изцяло; приложен е отчет.", "Партньорът потвърди напредъка."];

// Memoize derived keys for repeated inputs (titles and subjects come from small lists).
function memo<A, R>(fn: (a: A) => R, keyOf: (a: A) => string) {
  const cache = new Map<string, R>();
  return (a: A) => {
    const k = keyOf(a);
    let r = cache.get(k);
    if (r === undefined) cache.set(k, (r = fn(a)));
    return r;
  };
}
const titled = memo(titledKeys, (a) => a.title);
const commitmentKeys = memo(commitmentDerived, (a) => `${a.title}\u0000${a.niemDimension}`);
const interactionKey = memo(interactionKeys, (a) => a.subject);
const latin = memo(transliterate, (a) => a);
const personKeysOf = memo(personKeys, (a) => `${a.name}\u0000${a.position}`);

// ------------------------------------------------------------------ load

async function main() {
  const started = performance.now();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(out + suffix, { force: true });
  const db = openDatabase(out);
  await seedDemo(db, { password, today });
  const sqlite = db.$client;
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -200000");
  sqlite.pragma("foreign_keys = OFF"); // ids below are generated consistently; checked at the end

  // Full-text search triggers fire on insert; they only feed external-content FTS5 tables, so
  // dropping them for the load and rebuilding the index afterwards is much faster. Other
  // triggers keep firing: what they maintain has no rebuild.
  const triggers = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL AND instr(name, '_fts_') > 0")
    .all() as Array<{ name: string; sql: string }>;
  const ftsTables = (sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'").all() as Array<{ name: string; sql: string }>);
  const rebuildable = ftsTables.filter((t) => /content\s*=\s*'?[a-z_]+/i.test(t.sql) && !/content\s*=\s*''/i.test(t.sql));
  const dropTriggers = triggers.length > 0 && rebuildable.length === ftsTables.length;
  if (dropTriggers) for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);

  const max = (table: string) => (sqlite.prepare(`SELECT coalesce(max(id), 0) AS m FROM ${table}`).get() as { m: number }).m;
  const staff = (sqlite.prepare("SELECT id FROM users WHERE role IN ('admin','coordinator','manager') ORDER BY id").all() as Array<{ id: number }>).map((u) => u.id);
  const coordinators = (sqlite.prepare("SELECT id FROM users WHERE role IN ('admin','coordinator') ORDER BY id").all() as Array<{ id: number }>).map((u) => u.id);
  const eventIds = (sqlite.prepare("SELECT id FROM events ORDER BY id").all() as Array<{ id: number }>).map((e) => e.id);
  const orgBase = max("organizations");
  const personBase = max("people");
  const commitmentBase = max("commitments");
  const timings: Record<string, number> = {};
  const step = (name: string, fn: () => void) => {
    const t = performance.now();
    sqlite.transaction(fn)();
    timings[name] = Math.round(performance.now() - t);
    console.log(`  ${name}: ${timings[name]} ms`);
  };

  step("organizations", () => {
    const insert = sqlite.prepare(
      `INSERT INTO organizations (id, name, name_latin, sort_key, search_key, kind, oblast, municipality, address, website, email, phone, description, archived, created_by_id, created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 1; i <= n.organizations; i++) {
      const kind = pickKind();
      const [town, oblast] = pickTown();
      const name = organizationName(kind, town, i);
      const email = `office${i}@org${i % 997}.bg`;
      const keys = organizationKeys({ name, municipality: town, email });
      const created = isoTime(-int(3650));
      insert.run(
        orgBase + i, name, keys.nameLatin, keys.sortKey, keys.searchKey, kind, oblast, town,
        `ул. „${pick(patrons)}“ ${1 + int(120)}, ${town}`, i % 3 ? `https://org${i}.bg` : null, email,
        `+359 ${2 + int(98)} ${100 + int(900)} ${100 + int(900)}`, i % 5 ? null : `${pick(commitmentObjects)} ${pick(commitmentGroups)}`,
        rand() < 0.05 ? 1 : 0, pick(coordinators), created, created, 1 + int(3),
      );
    }
  });

  step("people", () => {
    const insert = sqlite.prepare(
      `INSERT INTO people (id, name, name_latin, sort_key, search_key, position, email, phone, languages, organization_id, archived, created_by_id, created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 1; i <= n.people; i++) {
      const female = rand() < 0.5;
      const first = female ? pick(femaleFirst) : pick(maleFirst);
      const stem = pick(lastStems);
      const name = `${first} ${female ? `${stem}а` : stem}`;
      const position = pick(positions);
      // A third of the contacts have a personal e-mail; the keys of the others repeat and are memoized.
      const email = i % 3 === 0 ? `${latin(first).toLowerCase()}.${latin(stem).toLowerCase()}${i}@example.bg` : null;
      const keys = email ? personKeys({ name, email, position }) : personKeysOf({ name, position });
      const created = isoTime(-int(3000));
      insert.run(
        personBase + i, name, keys.nameLatin, keys.sortKey, keys.searchKey, position, email,
        `+359 88 ${100 + int(900)} ${1000 + int(9000)}`, pick(languageSets),
        rand() < 0.9 ? orgBase + 1 + skewed(n.organizations) : null, rand() < 0.03 ? 1 : 0, pick(coordinators), created, created, 1,
      );
    }
  });

  step("commitments", () => {
    const insert = sqlite.prepare(
      `INSERT INTO commitments (id, title, sort_key, search_key, description, lead_organization_id, event_id, niem_dimension, niem_area, kind, due_on, status, status_verified, owner_id, shared_with_partner, created_by_id, created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertUpdate = sqlite.prepare(
      `INSERT INTO commitment_updates (commitment_id, author_id, note, status_change, created_at) VALUES (?, ?, ?, ?, ?)`,
    );
    const perCommitment = n.commitmentUpdates / Math.max(n.commitments, 1);
    let updates = 0;
    for (let i = 1; i <= n.commitments; i++) {
      const title = `${pick(commitmentVerbs)} ${pick(commitmentObjects)} ${pick(commitmentGroups)}`;
      const niemDimension = pick(niemDimensions);
      const keys = commitmentKeys({ title, niemDimension });
      const status = pick(commitmentStatuses);
      const createdDay = -int(1800);
      const created = isoTime(createdDay);
      const id = commitmentBase + i;
      insert.run(
        id, title, keys.sortKey, keys.searchKey, null, orgBase + 1 + skewed(n.organizations), pick(eventIds),
        niemDimension, keys.niemArea, pick(commitmentKinds), isoDate(createdDay + 180 + int(365)), status,
        rand() < 0.9 ? 1 : 0, pick(staff), rand() < 0.4 ? 1 : 0, pick(coordinators), created, created, 1 + int(4),
      );
      // Spread the updates evenly: exactly n.commitmentUpdates in all.
      const target = Math.round(i * perCommitment);
      for (; updates < target; updates++) {
        insertUpdate.run(id, pick(coordinators), pick(updateNotes), rand() < 0.3 ? status : null, isoTime(createdDay + int(-createdDay + 1)));
      }
    }
  });

  step("follow_ups", () => {
    const insert = sqlite.prepare(
      `INSERT INTO follow_ups (title, sort_key, search_key, notes, due_on, assignee_id, organization_id, person_id, commitment_id, status, shared_with_organization_id, completed_at, completed_by_id, created_by_id, created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 1; i <= n.followUps; i++) {
      const title = pick(followUpTitles);
      const keys = titled({ title });
      const dueDay = int(900) - 720; // most of the history is behind us
      const r = rand();
      const status = dueDay < -30 ? (r < 0.85 ? "done" : r < 0.95 ? "cancelled" : "open") : r < 0.2 ? "done" : "open";
      const assignee = pick(coordinators);
      const created = isoTime(dueDay - 30);
      insert.run(
        title, keys.sortKey, keys.searchKey, null, isoDate(dueDay), assignee, orgBase + 1 + skewed(n.organizations),
        rand() < 0.3 ? personBase + 1 + int(n.people) : null, rand() < 0.3 ? commitmentBase + 1 + int(n.commitments) : null,
        status, null, status === "done" ? isoTime(dueDay) : null, status === "done" ? assignee : null, assignee, created, created, 1,
      );
    }
  });

  step("interactions", () => {
    const insert = sqlite.prepare(
      `INSERT INTO interactions (kind, occurred_on, subject, search_key, body, participants, organization_id, person_id, created_by_id, created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 1; i <= n.interactions; i++) {
      const subject = pick(interactionSubjects);
      const day = -int(3650);
      const created = isoTime(day);
      insert.run(
        pick(interactionKinds), isoDate(day), subject, interactionKey({ subject }).searchKey, null, null,
        orgBase + 1 + skewed(n.organizations), rand() < 0.4 ? personBase + 1 + int(n.people) : null, pick(coordinators), created, created, 1,
      );
    }
  });

  if (dropTriggers) {
    const t = performance.now();
    for (const fts of rebuildable) sqlite.exec(`INSERT INTO "${fts.name}"("${fts.name}") VALUES ('rebuild')`);
    for (const tr of triggers) sqlite.exec(tr.sql);
    timings.ftsRebuild = Math.round(performance.now() - t);
    console.log(`  full-text index rebuild: ${timings.ftsRebuild} ms`);
  }

  const fkProblems = sqlite.pragma("foreign_key_check") as unknown[];
  if (fkProblems.length) throw new Error(`foreign key check failed: ${JSON.stringify(fkProblems.slice(0, 3))}`);
  sqlite.exec("ANALYZE");
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.close();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Wrote ${out} in ${seconds} s (${Object.entries(n).map(([k, v]) => `${v} ${k}`).join(", ")}).`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
