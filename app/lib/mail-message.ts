// An e-mail's body written once, as parts, and rendered twice: as plain text and as simple HTML
// (escaped, no images, no styles a client must load), so the two alternatives always say the same.

/** Where a link's address goes inside a translated sentence: `t("…", { url: LINK })`. */
export const LINK = "\u0000link\u0000";

export type MailPart =
  /** A paragraph. */
  | { kind: "paragraph"; text: string }
  /** A short heading before a list. */
  | { kind: "heading"; text: string }
  /** Items, each a title linking to its page, with what to know about it. */
  | { kind: "items"; items: Array<{ title: string; detail: string; url: string }> }
  /** A sentence holding LINK, where the address is written (and linked, in HTML). */
  | { kind: "link"; text: string; url: string };

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

export function mailText(parts: MailPart[]): string {
  const lines: string[] = [];
  for (const part of parts) {
    if (part.kind === "paragraph") lines.push(part.text, "");
    else if (part.kind === "heading") lines.push(part.text);
    else if (part.kind === "items") {
      for (const item of part.items) lines.push(`- ${item.title}${item.detail ? ` — ${item.detail}` : ""}`, `  ${item.url}`);
      lines.push("");
    } else lines.push(part.text.split(LINK).join(part.url), "");
  }
  while (lines.at(-1) === "") lines.pop();
  return lines.join("\n");
}

export function mailHtml(parts: MailPart[], options: { lang: string; title: string }): string {
  const link = (url: string, label: string) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
  const body = parts.map((part) => {
    if (part.kind === "paragraph") return `<p>${escapeHtml(part.text)}</p>`;
    if (part.kind === "heading") return `<p><strong>${escapeHtml(part.text)}</strong></p>`;
    if (part.kind === "items") {
      const items = part.items.map((item) => `<li>${link(item.url, item.title)}${item.detail ? ` — ${escapeHtml(item.detail)}` : ""}</li>`);
      return `<ul>\n${items.join("\n")}\n</ul>`;
    }
    return `<p>${part.text.split(LINK).map(escapeHtml).join(link(part.url, part.url))}</p>`;
  });
  return [
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(options.lang)}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(options.title)}</title></head>`,
    `<body style="font-family: Arial, sans-serif; line-height: 1.5;">`,
    ...body,
    "</body>",
    "</html>",
  ].join("\n");
}
