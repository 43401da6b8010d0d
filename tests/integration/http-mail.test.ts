// The sharing notice end to end: a coordinator shares a follow-up through the production server,
// a real SMTP server receives the notice, a MIME parser (mailparser) reads it back, and its link
// opens that very item in the partner portal for the partner who got it.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startDemoServer } from "../../scripts/lib/prod-server.ts";
import { demo, demoIdInFile } from "../demo-handles.ts";

const APP_URL = "http://bcrm.test";
const received: Array<{ to: string[]; raw: string }> = [];
let smtp: SMTPServer;
let server: Awaited<ReturnType<typeof startDemoServer>>;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  server = await startDemoServer({ env: { SMTP_URL: smtpUrl, APP_URL, MAIL_FROM: "BCRM Partners <no-reply@bcrm.test>" } });
});
afterAll(async () => {
  await server?.cleanup();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function mailTo(email: string, timeoutMs = 10_000): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const raw = received.find((m) => m.to.includes(email));
    if (raw) return simpleParser(raw.raw);
    if (Date.now() > deadline) throw new Error(`No e-mail to ${email}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("sharing notice", () => {
  it("reaches the partner by name, as text and HTML, auto-submitted, and links straight to the shared follow-up", async () => {
    const coordinator = await signIn(server.url, "coordinator@bcrm.demo");
    const sofia = { id: demoIdInFile(server.databasePath, demo.organizations.sofiaMunicipality) };
    const title = "Среща за общинския план & <детски градини>";
    const created = await fetch(`${server.url}/follow-ups/new`, {
      method: "POST",
      headers: { Cookie: coordinator, Origin: APP_URL, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ title, dueOn: "2026-12-10", status: "open", sharedWithOrganizationId: String(sofia.id) }),
      redirect: "manual",
    });
    expect(created.status).toBe(302);
    const id = Number(created.headers.get("Location")!.split("?")[0]!.split("/").pop());
    expect(id).toBeGreaterThan(0);

    const mail = await mailTo("partner@sofia.demo");
    expect(mail.headers.get("content-type")).toMatchObject({ value: "multipart/alternative" });
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect([mail.to ?? []].flat().flatMap((a) => a.value)).toEqual([{ address: "partner@sofia.demo", name: "Десислава Колева" }]);
    expect(mail.text).toContain(title);
    expect(mail.text).toContain("срок 10 декември 2026");
    expect(mail.html as string).toContain("Среща за общинския план &amp; &lt;детски градини&gt;");

    const link = `${APP_URL}/shared/follow-ups/${id}`;
    expect(mail.text).toContain(link);
    expect(mail.html as string).toContain(`href="${link}"`);

    // The link opens the item itself for the partner who received it.
    const partner = await signIn(server.url, "partner@sofia.demo");
    const opened = await fetch(`${server.url}${new URL(link).pathname}`, { headers: { Cookie: partner } });
    expect(opened.status).toBe(200);
    expect((await opened.text()).replace(/\u0000/g, "")).toContain("Среща за общинския план &amp; &lt;детски градини&gt;");
  });
});
