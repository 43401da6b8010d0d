// Issue 21 end to end: a coordinator invites from a filtered people list and sends; an invitee
// opens their personal link signed out and answers yes with Arabic interpretation; a coordinator
// checks them in at the door on a phone-sized screen (a lost connection shows the tap failed);
// the person is then a participant of the event and the funnel counts match.
import { demo, expect, test } from "./fixtures.ts";

test("invite from a filtered people list, answer, check in on a phone, become a participant", async ({ page, browser, world, signInAs, baseURL }) => {
  const tag = `rsvp${Date.now().toString(36)}`;
  const event = world.event();
  const invitee = world.person(`Мартин Петров ${tag}`, `martin.${tag}@example.org`, "English, Arabic");
  const other = world.person(`Зорница Илиева ${tag}`, `zornitsa.${tag}@example.org`, "български");
  world.person(`Страничен Човек ${tag}`, null); // found by the search, but the list is filtered to people with an e-mail
  await signInAs(demo.coordinator);

  // The people list, filtered: its address is what the invitation form takes.
  await page.goto(`/people?q=${tag}&email=with`);
  await expect(page.getByRole("link", { name: invitee.name })).toBeVisible();
  await expect(page.getByRole("link", { name: other.name })).toBeVisible();
  const peopleUrl = page.url();

  await page.goto(`/events/${event.id}`);
  await page.getByRole("link", { name: "Покани, отговори и регистрация" }).click();
  await expect(page.getByRole("heading", { name: `Покани: ${event.title}` })).toBeVisible();
  await page.getByLabel("Езици на превод").fill("Arabic, Farsi, Ukrainian, English");
  await page.getByRole("button", { name: "Запази настройките" }).click();
  await expect(page.getByText("Настройките са запазени.")).toBeVisible();

  await page.getByLabel(/Филтриран списък с хора/).fill(peopleUrl);
  await page.getByRole("button", { name: "Покани хората от списъка" }).click();
  await expect(page.getByText("Добавени поканени: 2.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Поканени (2)" })).toBeVisible();
  await page.getByRole("button", { name: "Изпрати неизпратените покани (2)" }).click();
  await expect(page.getByText("Изпратени писма: 2.")).toBeVisible();

  // The invitation (in the outbox: the e2e server has no SMTP) is in English, with the personal link.
  const mail = world.query<{ subject: string; body: string }>("SELECT subject, body_text AS body FROM outbox WHERE to_email = ? AND kind = 'event_invitation'", `martin.${tag}@example.org`);
  expect(mail?.subject).toBe(`Invitation: ${event.title}`);
  const link = /\/rsvp\/[0-9a-f]{64}/.exec(mail!.body)?.[0];
  expect(link).toBeTruthy();

  // The invitee, signed out, on a phone.
  const guest = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] }, viewport: { width: 390, height: 844 } });
  const guestPage = await guest.newPage();
  await guestPage.goto(link!);
  await expect(guestPage.getByRole("heading", { name: event.title })).toBeVisible();
  await expect(guestPage.getByText(`Hello, ${invitee.name}! Will you come?`)).toBeVisible();
  await expect(guestPage.getByRole("heading", { name: "What data we keep and why" })).toBeVisible();
  await guestPage.getByLabel("Yes, I will come").check();
  await guestPage.getByLabel("Arabic").check();
  await guestPage.getByLabel(/Accessibility needs/).fill("Step-free access");
  await guestPage.getByRole("button", { name: "Send my answer" }).click();
  await expect(guestPage.getByText("Thank you! Your answer is saved.")).toBeVisible();
  await expect(guestPage.getByRole("img", { name: "QR code for check-in at the door" })).toBeVisible();
  await guest.close();
  // A made-up link is a plain 404.
  const madeUp = await page.request.get(`/rsvp/${"ab".repeat(32)}`);
  expect(madeUp.status()).toBe(404);

  // The door, on a 390×844 screen: the Cyrillic name found by its Latin spelling.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/events/${event.id}/check-in`);
  await expect(page.locator('[data-count="expected"]')).toHaveText("1");
  await expect(page.locator('[data-count="present"]')).toHaveText("0");
  await page.getByLabel("Търсене по име (кирилица или латиница)").fill("martin petrov");
  const row = page.locator(".door-list li");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(invitee.name);
  await expect(row).toContainText("Arabic");

  // Offline: the tap fails visibly, and nothing is recorded.
  await page.context().setOffline(true);
  await row.getByRole("button", { name: `Отбележи ${invitee.name} като присъстващ(а)` }).click();
  await expect(row.getByRole("button", { name: `Отбележи ${invitee.name} като присъстващ(а)` })).toHaveText("Неуспешно — опитай пак");
  await expect(row.getByRole("alert")).toHaveText("Не е записано (няма връзка?).");
  expect(world.query<{ n: number }>("SELECT count(*) AS n FROM event_invitations WHERE event_id = ? AND checked_in_at IS NOT NULL", event.id)?.n).toBe(0);
  await page.context().setOffline(false);
  await row.getByRole("button", { name: `Отбележи ${invitee.name} като присъстващ(а)` }).click();
  await expect(row).toContainText("присъства");
  await expect(page.locator('[data-count="present"]')).toHaveText("1");

  // After: the person is a participant, and the funnel counts match.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/events/${event.id}`);
  const participants = page.locator("section", { has: page.getByRole("heading", { name: "Участници" }) });
  await expect(participants.getByRole("link", { name: invitee.name })).toBeVisible();
  const funnel = page.locator(".invitation-funnel");
  const step = (label: string) => funnel.locator("div", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");
  await expect(step("Поканени")).toHaveText("2");
  await expect(step("Отговорили")).toHaveText("1");
  await expect(step("Ще дойдат")).toHaveText("1");
  await expect(step("Присъствали")).toHaveText("1");
});
