// The interface exists whole in Bulgarian and English: every key in both languages with the
// same placeholders, and no component that shows a user a text written into its JSX instead of t().
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { bg, en } from "./messages.ts";

const appDir = path.resolve(import.meta.dirname, "..");

/** Texts that are the same in every language (brand, symbols, the language codes of the switch). */
const allowed = new Set(["BCRM", "BCRM Partners", "—", "–", "·", "*", "×", "…", "EN", "BG", "/", "|", ":", "(", ")"]);

/** JSX attributes a user reads or hears (screen readers read aria-label and alt). */
const userFacingAttributes = new Set(["placeholder", "title", "aria-label", "aria-description", "aria-roledescription", "alt", "label"]);

function componentFiles(): string[] {
  const files = [path.join(appDir, "root.tsx")];
  for (const dir of ["routes", "components"]) {
    for (const entry of fs.readdirSync(path.join(appDir, dir), { recursive: true, encoding: "utf8" })) {
      if (entry.endsWith(".tsx") && !entry.endsWith(".test.tsx")) files.push(path.join(appDir, dir, entry));
    }
  }
  return files;
}

const hasLetters = (text: string) => /\p{L}/u.test(text);

/** Hard-coded user-facing strings in one TSX source, as `file:line «text»`. */
export function hardCodedStrings(fileName: string, source: string): string[] {
  const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const clean = text.replace(/\s+/g, " ").trim();
    // A message key handed to a component that translates it (<TextField label="org.name">) is not text.
    if (!clean || !hasLetters(clean) || allowed.has(clean) || clean in bg) return;
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    found.push(`${path.relative(appDir, fileName)}:${line + 1} «${clean}»`);
  };
  /** String literals an expression may evaluate to: "x", cond ? "a" : "b", v ?? "none", ("x"). */
  const literalsIn = (node: ts.Node | undefined): string[] => {
    if (!node) return [];
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
    if (ts.isParenthesizedExpression(node)) return literalsIn(node.expression);
    if (ts.isConditionalExpression(node)) return [...literalsIn(node.whenTrue), ...literalsIn(node.whenFalse)];
    if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(node.operatorToken.kind)) {
      return [...literalsIn(node.left), ...literalsIn(node.right)];
    }
    return [];
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      // {"text"} (or {x ? "a" : "b"}) as a child of an element is text too.
      for (const text of literalsIn(node.expression)) report(node, text);
    } else if (ts.isJsxAttribute(node) && userFacingAttributes.has(node.name.getText(sourceFile))) {
      const init = node.initializer;
      for (const text of init && ts.isJsxExpression(init) ? literalsIn(init.expression) : literalsIn(init)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

describe("a complete Bulgarian and English interface", () => {
  it("every key exists in both languages, none empty", () => {
    const missingInEn = Object.keys(bg).filter((k) => !(k in en));
    const missingInBg = Object.keys(en).filter((k) => !(k in bg));
    expect({ missingInEn, missingInBg }).toEqual({ missingInEn: [], missingInBg: [] });
    for (const [key, value] of [...Object.entries(bg), ...Object.entries(en)]) expect(value.trim(), key).not.toBe("");
  });

  it("both languages use the same {placeholders} in each message", () => {
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const differ = Object.keys(bg).filter((k) => JSON.stringify(params(bg[k as keyof typeof bg])) !== JSON.stringify(params(en[k as keyof typeof en])));
    expect(differ).toEqual([]);
  });

  it("no component under app/routes and app/components contains a hard-coded user-facing string", () => {
    const offenders = componentFiles().flatMap((file) => hardCodedStrings(file, fs.readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("the scanner catches text, {\"text\"} children and user-facing attributes, and lets t() through", () => {
    const sample = `
      export function A({ t }) {
        return (
          <div title="Заглавие" className="card" data-x="ok">
            <h1>Hello</h1>
            <p>{t("app.name")} · {"Inline"}</p>
            <input placeholder={"Търси"} aria-label={t("search.label")} />
            <img alt="logo" />
            <span>BCRM</span> <em>—</em> {"EN"}
            <TextField label="app.name" />
            <>{done ? "Yes" : t("app.name")}</>
            <abbr title={name ?? "unknown"} />
          </div>
        );
      }`;
    expect(hardCodedStrings(path.join(appDir, "routes", "sample.tsx"), sample).map((s) => s.replace(/^.*?«/, "«"))).toEqual([
      "«Заглавие»",
      "«Hello»",
      "«Inline»",
      "«Търси»",
      "«logo»",
      "«Yes»",
      "«unknown»",
    ]);
  });
});
