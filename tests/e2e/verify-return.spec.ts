// Verify or return (issue 16): a partner reports, a coordinator returns the report with a reason,
// the partner reads the reason (on the commitment and by e-mail) and reports again, the coordinator
// verifies, and the partner sees the status verified. The spec makes its own organization, partner
// user and shared commitment, and signs in by cookie.
import { demo, expect, test } from "./fixtures.ts";

test("partner reports, coordinator returns it with a reason, partner reports again, coordinator verifies, partner sees it verified", async ({ page, world, signInAs }) => {
  const partner = world.partner();
  const commitment = world.sharedCommitment(partner.organization);
  const FIRST = `Настанени са 10 семейства (${commitment.id}).`;
  const REASON = "Приложете протокола на комисията за настаняване.";
  const SECOND = `Протоколът от 12.03. е приложен (${commitment.id}).`;
  const reportForm = () => page.getByRole("form", { name: "Докладвайте напредък" });

  // --- the partner reports a fulfilment
  await signInAs(partner.email);
  await page.goto("/shared");
  await page.getByRole("link", { name: commitment.title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(commitment.title);
  await reportForm().getByLabel("Какво е направено").fill(FIRST);
  await reportForm().getByLabel("Предложен статус").selectOption("fulfilled");
  await reportForm().getByRole("button", { name: "Изпрати доклада" }).click();
  await expect(page.getByRole("status")).toHaveText("Докладът е изпратен. Координатор на БСБМ ще го потвърди.");
  await expect(page.locator(".commitment-status").first()).toContainText("самоотчетен");

  // --- the coordinator returns it with a reason
  await signInAs(demo.coordinator);
  await page.goto("/partner-updates");
  const firstRow = page.locator("tr", { hasText: FIRST });
  await expect(firstRow).toContainText("Непотвърден");
  // A return without a reason is refused beside the field.
  await firstRow.getByRole("button", { name: `Върни с причина доклада на ${partner.organization.name} за „${commitment.title}“` }).click();
  await expect(page.locator("tr", { hasText: FIRST }).getByText("Задължително поле.")).toBeVisible();
  await page.locator("tr", { hasText: FIRST }).getByLabel("Причина за връщане (партньорът ще я прочете)").fill(REASON);
  await page.locator("tr", { hasText: FIRST }).getByRole("button", { name: /^Върни с причина доклада на/ }).click();
  await expect(page.getByRole("status")).toHaveText("Докладът е върнат на партньора с причината.");
  await expect(page.locator("tr", { hasText: FIRST })).toContainText(`Причина: ${REASON}`);

  // --- the partner reads the reason on the commitment, and answers with a new report
  await signInAs(partner.email);
  await page.goto("/shared");
  await page.getByRole("link", { name: commitment.title }).click();
  const notice = page.getByTestId("returned-report");
  await expect(notice).toContainText("БСБМ върна доклада ви от");
  await expect(notice).toContainText(REASON);
  // The self-reported fulfilment is undone: the commitment is pledged again, as BCRM recorded it.
  await expect(page.locator(".commitment-status").first()).toContainText("Поет");
  await expect(page.locator(".commitment-status").first()).toContainText("потвърден");
  await reportForm().getByLabel("Какво е направено").fill(SECOND);
  await reportForm().getByLabel("Предложен статус").selectOption("fulfilled");
  await reportForm().getByRole("button", { name: "Изпрати доклада" }).click();
  await expect(page.getByRole("status")).toHaveText("Докладът е изпратен. Координатор на БСБМ ще го потвърди.");
  await expect(page.getByTestId("returned-report")).toHaveCount(0);
  // The timeline shows the chain, newest first: the answer, then the returned report with its reason.
  const entries = page.locator(".timeline-entry");
  await expect(entries.nth(0)).toContainText(SECOND);
  await expect(entries.nth(0)).toContainText("В отговор на върнат доклад");
  await expect(entries.nth(1)).toContainText(FIRST);
  await expect(entries.nth(1)).toContainText("върнат");
  await expect(entries.nth(1)).toContainText(`Причина: ${REASON}`);

  // --- the coordinator verifies the answer
  await signInAs(demo.coordinator);
  await page.goto("/partner-updates");
  await page.locator("tr", { hasText: SECOND }).getByRole("button", { name: `Потвърди доклада на ${partner.organization.name} за „${commitment.title}“` }).click();
  await expect(page.getByRole("status")).toHaveText("Докладът е потвърден.");
  await expect(page.locator("tr", { hasText: SECOND })).toContainText("Потвърден на");
  // The staff page keeps the whole chain in time order.
  await page.goto(`/commitments/${commitment.id}`);
  await expect(page.getByTestId("commitment-status")).toHaveText("Изпълнен");
  const staffTimeline = page.getByRole("region", { name: "Хронология на напредъка" }).getByRole("listitem");
  await expect(staffTimeline).toHaveCount(2);
  await expect(staffTimeline.nth(0)).toContainText(FIRST);
  await expect(staffTimeline.nth(0)).toContainText(REASON);
  await expect(staffTimeline.nth(1)).toContainText(SECOND);
  await expect(staffTimeline.nth(1)).toContainText("потвърден");

  // --- the e-mail the partner got with the reason (the outbox, without SMTP)
  await signInAs(demo.admin);
  await page.goto("/admin/outbox");
  const mail = page.locator("tr", { hasText: `Докладът ви за „${commitment.title}“ е върнат` });
  await expect(mail).toContainText(partner.email);
  await mail.locator("summary").click();
  await expect(mail.locator("pre")).toContainText(REASON);
  await expect(mail.locator("pre")).toContainText(`/shared/commitments/${commitment.id}`);

  // --- the partner sees the status verified
  await signInAs(partner.email);
  await page.goto("/shared");
  const sharedRow = page.locator("tr", { hasText: commitment.title });
  await expect(sharedRow.locator(".commitment-status")).toContainText("Изпълнен");
  await expect(sharedRow.locator(".commitment-status")).toContainText("потвърден");
  await expect(sharedRow.locator(".commitment-status")).not.toContainText("самоотчетен");
});
