// Reading a PDF back in tests: its text per page (pdfjs-dist, Mozilla's maintained PDF reader,
// legacy build for Node 20) and its drawing operators, to check what a person would see.

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: PdfJs | null = null;
async function load(): Promise<PdfJs> {
  pdfjs ??= await import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjs;
}

/** The text items of each page joined by spaces, whitespace collapsed (a wrapped line reads as one). */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: string[]; text: string }> {
  const lib = await load();
  const doc = await lib.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/\s+/g, " ")
        .trim(),
    );
  }
  await doc.destroy();
  return { pages, text: pages.join(" ") };
}

/** How many times each drawing operator occurs across the pages (by pdfjs's OPS names; `path:fill` etc. for painted paths). */
export async function pdfOperators(bytes: Uint8Array): Promise<Record<string, number>> {
  const lib = await load();
  const names = Object.fromEntries(Object.entries(lib.OPS).map(([name, code]) => [code, name]));
  const doc = await lib.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const counts: Record<string, number> = {};
  for (let i = 1; i <= doc.numPages; i++) {
    const list = await (await doc.getPage(i)).getOperatorList();
    list.fnArray.forEach((fn, index) => {
      const name = names[fn] ?? String(fn);
      counts[name] = (counts[name] ?? 0) + 1;
      // pdfjs 5 folds the painting operator of a path into constructPath's first argument.
      const paint = name === "constructPath" ? (list.argsArray[index] as unknown[] | undefined)?.[0] : undefined;
      if (typeof paint === "number") counts[`path:${names[paint] ?? paint}`] = (counts[`path:${names[paint] ?? paint}`] ?? 0) + 1;
    });
  }
  await doc.destroy();
  return counts;
}
