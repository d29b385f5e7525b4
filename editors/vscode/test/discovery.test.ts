// Unit tests for server discovery: the order setting > PATH > Python extension > one message.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";

import {
  INSTALL_HINT,
  Probe,
  checkExecutable,
  discoverServer,
  factsCommandLine,
  parseConfiguredCommand,
  which,
} from "../src/discovery";

function probe(overrides: Partial<Probe>): Probe & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    configuredCommand: undefined,
    which: (name) => {
      calls.push(`which ${name}`);
      return undefined;
    },
    pythonInterpreter: async () => {
      calls.push("python");
      return undefined;
    },
    hasFactlint: async (interp) => {
      calls.push(`has ${interp.join(" ")}`);
      return false;
    },
    ...overrides,
  };
}

test("the setting wins and nothing else is probed", async () => {
  const p = probe({ configuredCommand: ["/opt/venv/bin/factlint", "serve", "--log", "x"] });
  const found = await discoverServer(p);
  assert.deepEqual(found, {
    ok: true,
    server: { command: "/opt/venv/bin/factlint", args: ["serve", "--log", "x"], source: "setting" },
  });
  assert.deepEqual(p.calls, []);
});

test("a bare executable in the setting means `serve`", () => {
  assert.deepEqual(parseConfiguredCommand(" /x/factlint "), ["/x/factlint", "serve"]);
  assert.equal(parseConfiguredCommand(""), undefined);
  assert.equal(parseConfiguredCommand([]), undefined);
  assert.equal(parseConfiguredCommand(["", 3]), undefined);
  assert.equal(parseConfiguredCommand(null), undefined);
});

test("an empty setting falls through to PATH", async () => {
  const p = probe({ configuredCommand: [], which: (n) => (n === "factlint" ? "/usr/bin/factlint" : undefined) });
  const found = await discoverServer(p);
  assert.deepEqual(found, { ok: true, server: { command: "/usr/bin/factlint", args: ["serve"], source: "path" } });
});

test("PATH is preferred to the Python extension", async () => {
  const p = probe({ which: () => "/usr/local/bin/factlint" });
  const found = await discoverServer(p);
  assert.equal(found.ok && found.server.source, "path");
  assert.ok(!p.calls.includes("python"));
});

test("the Python extension's interpreter runs `-m factlint serve` when it can import factlint", async () => {
  const p = probe({
    pythonInterpreter: async () => ["/home/u/.venv/bin/python"],
    hasFactlint: async () => true,
  });
  const found = await discoverServer(p);
  assert.deepEqual(found, {
    ok: true,
    server: { command: "/home/u/.venv/bin/python", args: ["-m", "factlint", "serve"], source: "python" },
  });
});

test("a multi-word interpreter command keeps its prefix (e.g. conda run)", async () => {
  const p = probe({
    pythonInterpreter: async () => ["conda", "run", "-n", "news", "python"],
    hasFactlint: async () => true,
  });
  const found = await discoverServer(p);
  assert.deepEqual(found.ok && found.server.args, ["run", "-n", "news", "python", "-m", "factlint", "serve"]);
  assert.equal(found.ok && found.server.command, "conda");
});

test("nothing found: one message saying what to install", async () => {
  const found = await discoverServer(probe({}));
  assert.equal(found.ok, false);
  assert.ok(!found.ok && found.message.startsWith(INSTALL_HINT));
  assert.ok(!found.ok && /pip install \/path\/to\/factlint/.test(found.message));
  // No package index has a "factlint" distribution: the hint must not send anyone there.
  assert.ok(!/pip install factlint\b/.test(found.message));
  assert.ok(!found.ok && found.message.includes("factlint.server.command"));
});

test("an interpreter without factlint is named in the message", async () => {
  const found = await discoverServer(
    probe({ pythonInterpreter: async () => ["/usr/bin/python3"], hasFactlint: async () => false }),
  );
  assert.ok(!found.ok && found.message.includes("/usr/bin/python3"));
});

test("which() finds executables only", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factlint-which-"));
  const exe = path.join(dir, "factlint");
  fs.writeFileSync(exe, "#!/bin/sh\n");
  fs.chmodSync(exe, 0o644);
  assert.equal(which("factlint", dir, "linux"), undefined);
  fs.chmodSync(exe, 0o755);
  assert.equal(which("factlint", `/nonexistent:${dir}`, "linux"), exe);
  assert.equal(which("factlint", "", "linux"), undefined);
  fs.mkdirSync(path.join(dir, "sub", "factlint"), { recursive: true });
  assert.equal(which("factlint", path.join(dir, "sub"), "linux"), undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("Show facts runs `factlint facts` with the same corpus, rules and facts", () => {
  assert.deepEqual(
    factsCommandLine(
      { command: "/v/bin/python", args: ["-m", "factlint", "serve"], source: "python" },
      { corpus: ["/ws/a", "/ws/b"], rules: ["/ws/r"], facts: ["/ws/f.yaml"] },
    ),
    {
      command: "/v/bin/python",
      args: ["-m", "factlint", "facts", "--corpus", "/ws/a", "--corpus", "/ws/b", "--rules", "/ws/r", "--facts", "/ws/f.yaml"],
    },
  );
  assert.deepEqual(factsCommandLine({ command: "factlint", args: ["serve"], source: "path" }, {}), {
    command: "factlint",
    args: ["facts"],
  });
  assert.equal(factsCommandLine({ command: "my-wrapper", args: [], source: "setting" }, {}), undefined);
});

test("a configured server that is not an executable file gets one message naming the setting", () => {
  const missing = checkExecutable({ command: "/nonexistent/factlint", args: ["serve"], source: "setting" });
  assert.ok(missing && missing.includes("/nonexistent/factlint") && missing.includes("factlint.server.command"));
  assert.equal(checkExecutable({ command: process.execPath, args: [], source: "setting" }), undefined);
  assert.equal(checkExecutable({ command: "factlint", args: ["serve"], source: "path" }, () => "/bin/factlint"), undefined);
  const notOnPath = checkExecutable({ command: "factlint", args: ["serve"], source: "path" }, () => undefined);
  assert.ok(notOnPath && notOnPath.includes("pip install"));
});
