// Issue 21, point 4: the door reads a QR code with the phone's camera. Chromium's fake camera plays a
// video of the invitee's QR code (written here as a Y4M file); the check-in page opens the camera
// (allowed there by Permissions-Policy camera=(self)), jsQR reads the code, and the invitee is in.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import QRCode from "qrcode";
import { demo, expect, test } from "./fixtures.ts";
import { sortKey, searchKeyOf } from "../../app/lib/transliterate.ts";

const token = crypto.randomBytes(32).toString("hex");
const port = Number(process.env.E2E_PORT ?? 3100);
const video = path.join(os.tmpdir(), `bcrm-qr-${port}-${process.pid}.y4m`);

/** One 640×480 grey frame (YUV 4:2:0) with the QR code of the personal link in the middle. */
function writeQrVideo(text: string, file: string) {
  const width = 640;
  const height = 480;
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const scale = Math.floor(400 / (qr.modules.size + 8));
  const side = (qr.modules.size + 8) * scale;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  const y = Buffer.alloc(width * height, 235);
  for (let my = 0; my < qr.modules.size; my++)
    for (let mx = 0; mx < qr.modules.size; mx++)
      if (qr.modules.get(mx, my))
        for (let dy = 0; dy < scale; dy++) for (let dx = 0; dx < scale; dx++) y[(top + (my + 4) * scale + dy) * width + left + (mx + 4) * scale + dx] = 16;
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), y, chroma, chroma]);
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]));
}
writeQrVideo(`http://127.0.0.1:${port}/rsvp/${token}`, video);

test.use({
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-video-capture=${video}`,
    ],
  },
});

test.afterAll(() => fs.rmSync(video, { force: true }));

test("the door scans the invitee's QR code with the camera and checks them in", async ({ page, world, signInAs, baseURL }) => {
  const event = world.event();
  const name = `Олена Шевченко ${token.slice(0, 6)}`;
  world.query(
    "INSERT INTO event_invitations (event_id, name, sort_key, search_key, email, email_key, token, send_state, answer) VALUES (?, ?, ?, ?, ?, ?, ?, 'sent', 'yes') RETURNING id",
    event.id,
    name,
    sortKey(name),
    searchKeyOf(name),
    `olena.${token.slice(0, 6)}@example.org`,
    `olena.${token.slice(0, 6)}@example.org`,
    token,
  );
  await signInAs(demo.coordinator);
  await page.context().grantPermissions(["camera"], { origin: baseURL });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/events/${event.id}/check-in`);
  await expect(page.locator('[data-count="present"]')).toHaveText("0");
  await page.getByRole("button", { name: "Сканирай QR код" }).click();
  await expect(page.getByText("Регистриран.")).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[data-count="present"]')).toHaveText("1");
  await expect(page.locator(".door-list li", { hasText: name })).toContainText("присъства");
  expect(world.query<{ at: string | null }>("SELECT checked_in_at AS at FROM event_invitations WHERE token = ?", token)?.at).toBeTruthy();
});
