// The Manifesto's light formatting: Markdown with headings, lists, emphasis and quotes only.
// markdown-it with the "zero" preset and no HTML: whatever a user types, raw HTML comes out
// escaped and links, images and tables stay plain text (docs/decisions/020-…).
import MarkdownIt from "markdown-it";

const md = new MarkdownIt("zero", { html: false, linkify: false, typographer: false, breaks: false }).enable([
  "heading",
  "lheading",
  "list",
  "blockquote",
  "emphasis",
  "newline",
  "escape",
  "entity",
]);

// A section's title is an <h2> (or <h3>) on every page; headings inside its text come below it.
const HEADING_SHIFT = 2;
md.renderer.rules.heading_open = (tokens, idx) => `<h${Math.min(6, Number(tokens[idx]!.tag.slice(1)) + HEADING_SHIFT)}>`;
md.renderer.rules.heading_close = (tokens, idx) => `</h${Math.min(6, Number(tokens[idx]!.tag.slice(1)) + HEADING_SHIFT)}>\n`;

/** Safe HTML of a Manifesto text (escaped, no raw HTML, no links or images). */
export function renderMarkdown(text: string): string {
  return md.render(text);
}

/** The text as paragraphs (blocks separated by a blank line): the unit partners select and versions compare. */
export function splitParagraphs(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** The paragraphs, each rendered on its own (so each can be selected and proposed on). */
export function renderParagraphs(text: string | null | undefined): Array<{ source: string; html: string }> {
  return splitParagraphs(text).map((source) => ({ source, html: renderMarkdown(source) }));
}

/** The text without its Markdown marks, for e-mails and spreadsheets. */
export function plainText(text: string | null | undefined): string {
  if (!text) return "";
  return splitParagraphs(text)
    .map((p) => p.replace(/^#{1,6}\s+/gm, "").replace(/(\*\*|__|\*|_)(\S(?:.*?\S)?)\1/g, "$2"))
    .join("\n\n");
}
