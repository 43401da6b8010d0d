// Issue 16 point 3 in Chromium: a coordinator attaches a file to a progress update; the timeline
// names it with its type and size, and the PDF opens in the browser (a new tab), sandboxed.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { demo, demoData, demoName, signIn } from "./fixtures.ts";

const COMMITMENT = demoName(demoData.commitments.sofiaKindergartens);
const pdf = fs.readFileSync(path.resolve("tests/fixtures/evidence.pdf"));

test("a coordinator attaches a PDF to a progress update; the timeline shows its name, type and size and it opens inline", async ({ page }) => {
  await signIn(page, demo.coordinator);
  await page.goto(`/commitments?q=${encodeURIComponent(COMMITMENT)}`);
  await page.getByRole("link", { name: COMMITMENT }).first().click();
  await expect(page.getByRole("heading", { name: COMMITMENT })).toBeVisible();

  const note = `Протокол от срещата с директорите ${Date.now()}`;
  const form = page.getByRole("form", { name: "Нова актуализация" });
  await form.getByLabel("Бележка").fill(note);
  await form.getByLabel("Файл с доказателство").setInputFiles({ name: "Протокол от срещата.pdf", mimeType: "application/pdf", buffer: pdf });
  await form.getByRole("button", { name: "Добави актуализация" }).click();
  await expect(page.getByRole("status")).toHaveText("Актуализацията е добавена.");

  const entry = page.locator(".timeline li", { hasText: note });
  await expect(entry).toHaveCount(1);
  const link = entry.getByRole("link", { name: "Файл: Протокол от срещата.pdf", exact: true });
  await expect(link).toBeVisible();
  await expect(entry.getByTestId("evidence-file")).toContainText(`(PDF, ${pdf.byteLength} B)`);
  // A PDF opens in a new tab rather than downloading; the server says inline, sandboxed, nosniff.
  await expect(link).toHaveAttribute("target", "_blank");
  const file = await page.request.get((await link.getAttribute("href"))!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-disposition"]).toMatch(/^inline;/);
  expect(file.headers()["content-security-policy"]).toContain("sandbox");
  expect(file.headers()["x-content-type-options"]).toContain("nosniff");
  expect((await file.body()).equals(pdf)).toBe(true);
});
