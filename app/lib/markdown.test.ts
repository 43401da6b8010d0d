import { describe, expect, it } from "vitest";
import { plainText, renderMarkdown, renderParagraphs, splitParagraphs } from "./markdown.ts";

describe("the Manifesto's light formatting", () => {
  it("renders headings (below the section title), lists and emphasis", () => {
    const html = renderMarkdown("## Принципи\n\n- първо\n- **второ**\n\n*курсив*");
    expect(html).toContain("<h4>Принципи</h4>");
    expect(html).toContain("<ul>\n<li>първо</li>\n<li><strong>второ</strong></li>\n</ul>");
    expect(html).toContain("<em>курсив</em>");
  });

  it("escapes raw HTML and leaves links, images and scripts as inert text", () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)> [клик](javascript:alert(1)) ![x](http://evil/x.png)');
    expect(html).not.toMatch(/<script|<img|<a /);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("[клик](javascript:alert(1))");
  });

  it("splits the text into paragraphs at blank lines, whatever the line endings", () => {
    expect(splitParagraphs("Първи\r\nред\r\n\r\nВтори\n \nТрети\n\n\n")).toEqual(["Първи\r\nред".replace("\r\n", "\n"), "Втори", "Трети"]);
    expect(renderParagraphs("А\n\nБ").map((p) => p.html)).toEqual(["<p>А</p>\n", "<p>Б</p>\n"]);
    expect(plainText("## Заглавие\n\nТекст с **удебелено**")).toBe("Заглавие\n\nТекст с удебелено");
  });
});
