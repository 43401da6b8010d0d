// React 18.3.1's renderToPipeableStream wrote its whole 2,048-byte buffer when a multi-byte
// character did not fit at its end, so Cyrillic pages got NUL bytes at buffer boundaries
// (react issue 24985, fixed upstream only in React 19). patches/react-dom+18.3.1.patch fixes
// both builds of the streaming renderer; renderToString never had the bug, so it is the reference.
import { createRequire } from "node:module";
import path from "node:path";
import { Writable } from "node:stream";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, test } from "vitest";

const require = createRequire(import.meta.url);
const reactDomDir = path.dirname(require.resolve("react-dom/package.json"));
type PipeableRenderer = typeof import("react-dom/server").renderToPipeableStream;
const builds: Array<[string, PipeableRenderer]> = ["development", "production.min"].map((build) => [
  build,
  (require(path.join(reactDomDir, `cjs/react-dom-server.node.${build}.js`)) as { renderToPipeableStream: PipeableRenderer })
    .renderToPipeableStream,
]);

function streamed(render: PipeableRenderer, element: ReactNode): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Uint8Array, _encoding, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
    sink.on("finish", () => resolve(Buffer.concat(chunks)));
    const { pipe } = render(element, { onAllReady: () => pipe(sink), onShellError: reject, onError: reject });
  });
}

// A <main> root, not <html>: the stream adds a doctype before <html>, renderToString does not.
// Rows of growing length, each under 683 characters (the renderer encodes longer strings in one
// piece), in text and in attribute values, so that 2- and 3-byte characters land on every
// offset of many buffer boundaries.
const words = ["Регионално", "управление", "на", "образованието", "—", "София-град", "€", "Българският", "съвет"];
function page(rows: number) {
  const items = Array.from({ length: rows }, (_, i) => {
    const text = Array.from({ length: 1 + (i % 23) }, (_, j) => words[(i + j) % words.length]).join(" ");
    return (
      <li key={i} aria-label={text} title={`${i} ${text}`}>
        {text}
        <input defaultValue={text.slice(i % 7)} />
      </li>
    );
  });
  return (
    <main lang="bg">
      <ul>{items}</ul>
    </main>
  );
}

describe("streaming render of Cyrillic text", () => {
  test.each(builds)("the %s build streams byte-identical output to renderToString", async (_build, render) => {
    const element = page(600);
    const expected = Buffer.from(renderToString(element), "utf8");
    const actual = await streamed(render, element);
    // Many boundaries crossed, so the comparison means something.
    expect(expected.length).toBeGreaterThan(100 * 2048);
    expect(actual.indexOf(0)).toBe(-1);
    expect(actual.equals(expected)).toBe(true);
  });
});
