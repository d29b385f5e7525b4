// Unit tests for mapping VS Code's settings to the server's settings table.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";

import {
  SETTING_KEYS,
  affectsServerSettings,
  resolvePath,
  sectioned,
  toServerSettings,
} from "../src/settings";

const getter = (values: Record<string, unknown>) => (key: string) => values[key];

test("defaults map to an empty table, so the server's own defaults apply", () => {
  const defaults = { corpus: [], rules: [], facts: [], date: "", severity: {}, disable: [] };
  assert.deepEqual(toServerSettings(getter(defaults), "/ws"), {});
});

test("every setting maps to the server's key", () => {
  const table = toServerSettings(
    getter({
      corpus: ["sources", "/abs/more"],
      rules: ["rules"],
      facts: ["facts.yaml"],
      date: " 2021-04-02 ",
      severity: { "quantity-mismatch": "warning" },
      disable: ["place-mismatch"],
      debounceMs: 400,
    }),
    "/ws",
  );
  assert.deepEqual(table, {
    corpus: ["/ws/sources", "/abs/more"],
    rules: ["/ws/rules"],
    facts: ["/ws/facts.yaml"],
    date: "2021-04-02",
    severity: { "quantity-mismatch": "warning" },
    disable: ["place-mismatch"],
    "debounce-ms": 400,
  });
});

test("the keys sent are exactly the server's configuration keys", () => {
  assert.deepEqual(
    Object.values(SETTING_KEYS).sort(),
    ["corpus", "date", "debounce-ms", "disable", "facts", "rules", "severity"],
  );
});

test("the contributed settings and the mapping cover the same keys", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
  const contributed = Object.keys(pkg.contributes.configuration.properties)
    .map((k: string) => k.replace(/^factlint\./, ""))
    .filter((k: string) => !k.startsWith("server.") && !k.startsWith("trace."));
  assert.deepEqual(contributed.sort(), Object.keys(SETTING_KEYS).sort());
});

test("the command that starts the server is the machine's choice, never a workspace's", () => {
  // a cloned repository's .vscode/settings.json must not choose the program the editor runs
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
  assert.equal(pkg.contributes.configuration.properties["factlint.server.command"].scope, "machine");
});

test("paths: ~ and ${workspaceFolder} expand, relative paths anchor at the workspace", () => {
  assert.equal(resolvePath("~/news", "/ws"), path.join(os.homedir(), "news"));
  assert.equal(resolvePath("${workspaceFolder}/src", "/ws"), "/ws/src");
  assert.equal(resolvePath("src", "/ws"), "/ws/src");
  assert.equal(resolvePath("src", undefined), "src");
  assert.equal(resolvePath("/abs", "/ws"), "/abs");
});

test("a single path string is accepted where a list is expected", () => {
  assert.deepEqual(toServerSettings(getter({ corpus: "sources" }), "/ws"), { corpus: ["/ws/sources"] });
});

test("invalid values are left out rather than sent", () => {
  const table = toServerSettings(
    getter({
      corpus: [3, ""],
      severity: { a: "loud", b: "off" },
      disable: "not-a-list",
      debounceMs: -5,
      date: 20210402,
    }),
    "/ws",
  );
  assert.deepEqual(table, { severity: { b: "off" } });
  assert.deepEqual(toServerSettings(getter({ debounceMs: 1.5 }), "/ws"), {});
  assert.deepEqual(toServerSettings(getter({ debounceMs: 0 }), "/ws"), { "debounce-ms": 0 });
});

test("the table travels under the factlint section", () => {
  assert.deepEqual(sectioned({ date: "2021-04-02" }), { factlint: { date: "2021-04-02" } });
});

test("only changes to server settings trigger a push", () => {
  assert.equal(affectsServerSettings((s) => s === "factlint.corpus"), true);
  assert.equal(affectsServerSettings((s) => s === "factlint.debounceMs"), true);
  assert.equal(affectsServerSettings((s) => s === "editor.fontSize"), false);
});
