// Every `*.$id.edit.tsx` route saves through editAction (edit-action.server.ts): none reads the
// version, parses its form or answers a stale save by itself. The behaviour itself (400 with the
// typed values, 409 with the saved row, redirect) is what the routes' own tests check, e.g.
// tests/integration/organizations-forms.test.ts and tests/e2e/foundation.spec.ts («a stale edit…»).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const routesDir = path.resolve(import.meta.dirname, "../routes");

describe("one edit action", () => {
  it("every *.$id.edit.tsx route's action is editAction, with no version parsing or 409 of its own", () => {
    const editRoutes = fs.readdirSync(routesDir).filter((f) => /\.\$id\.edit\.tsx$/.test(f)).sort();
    expect(editRoutes).toEqual([
      "commitments.$id.edit.tsx",
      "events.$id.edit.tsx",
      "follow-ups.$id.edit.tsx",
      "interactions.$id.edit.tsx",
      "organizations.$id.edit.tsx",
      "partnerships.$id.edit.tsx",
      "people.$id.edit.tsx",
      "refugees.$id.edit.tsx",
      "stories.$id.edit.tsx",
    ]);
    for (const file of editRoutes) {
      const source = fs.readFileSync(path.join(routesDir, file), "utf8");
      expect(source, file).toMatch(/export const action = \(args: ActionFunctionArgs\) =>\s*editAction\(args, \{/);
      expect(source, file).not.toMatch(/versionField|readForm\(|parseForm\(|stale: result\.current/);
    }
  });
});
