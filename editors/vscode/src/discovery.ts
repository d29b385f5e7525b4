/**
 * Finding the factlint language server: which command line starts it.
 *
 * Order: the `factlint.server.command` setting; else `factlint` on PATH; else the
 * Python interpreter selected in the Python extension, as `-m factlint serve`, if
 * factlint is importable there. When none works the result says what to install,
 * in one message, so the user sees one notification rather than a silent failure.
 *
 * Nothing here imports `vscode`: the editor-facing parts are passed in as `Probe`,
 * so the unit tests run on plain Node.
 */

import * as fs from "node:fs";
import * as path from "node:path";

export interface ServerCommand {
  command: string;
  args: string[];
  /** Where the command came from, for the output channel and the status tooltip. */
  source: "setting" | "path" | "python";
}

export type Discovery = { ok: true; server: ServerCommand } | { ok: false; message: string };

/** What discovery needs from the outside world. */
export interface Probe {
  /** The value of `factlint.server.command` (a string or a command line as a list). */
  configuredCommand: unknown;
  /** The absolute path of an executable on PATH, or undefined. */
  which(name: string): string | undefined;
  /** The command line of the interpreter the Python extension has selected, if any. */
  pythonInterpreter(): Promise<string[] | undefined>;
  /** Whether `factlint` can be imported by that interpreter. */
  hasFactlint(interpreter: string[]): Promise<boolean>;
}

// factlint is not on a package index: it installs from its repository or a built wheel.
export const INSTALL_HINT =
  "factlint: no language server found. Install factlint into a Python 3.11+ environment " +
  "from a copy of its repository (`pip install /path/to/factlint`) or from a wheel built " +
  "from it (`pipx install factlint-0.1.0-py3-none-any.whl`), then either put its " +
  "`factlint` on PATH, select that environment in the Python extension, or set " +
  "`factlint.server.command` to e.g. [\"/path/to/venv/bin/factlint\", \"serve\"].";

/** Turn the `factlint.server.command` setting into a command line, or undefined if unset. */
export function parseConfiguredCommand(value: unknown): string[] | undefined {
  if (typeof value === "string") {
    const trimmed = value.trim();
    // A bare executable path means "that factlint, serving".
    return trimmed ? [trimmed, "serve"] : undefined;
  }
  if (Array.isArray(value)) {
    const parts = value.filter((v): v is string => typeof v === "string" && v.length > 0);
    return parts.length > 0 ? parts : undefined;
  }
  return undefined;
}

export async function discoverServer(probe: Probe): Promise<Discovery> {
  const configured = parseConfiguredCommand(probe.configuredCommand);
  if (configured) {
    const [command, ...args] = configured;
    return { ok: true, server: { command, args, source: "setting" } };
  }

  const onPath = probe.which("factlint");
  if (onPath) {
    return { ok: true, server: { command: onPath, args: ["serve"], source: "path" } };
  }

  const interpreter = await probe.pythonInterpreter();
  if (interpreter && interpreter.length > 0 && (await probe.hasFactlint(interpreter))) {
    const [command, ...prefix] = interpreter;
    return {
      ok: true,
      server: { command, args: [...prefix, "-m", "factlint", "serve"], source: "python" },
    };
  }

  let message = INSTALL_HINT;
  if (interpreter && interpreter.length > 0) {
    message += ` (The selected Python interpreter, ${interpreter.join(" ")}, cannot import factlint.)`;
  }
  return { ok: false, message };
}

/** Whether `file` is an executable regular file. */
export function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Check, before starting, that the server's executable exists: a path must be an
 * executable file, a bare name must be on PATH. Undefined when it is fine, else the one
 * message to show (so the user does not get the language client's own spawn error too).
 */
export function checkExecutable(
  server: ServerCommand,
  lookup: (name: string) => string | undefined = (name) => which(name),
): string | undefined {
  const { command } = server;
  const ok = command.includes("/") || command.includes("\\") ? isExecutableFile(command) : lookup(command) !== undefined;
  if (ok) {
    return undefined;
  }
  const where =
    server.source === "setting"
      ? "Check the `factlint.server.command` setting."
      : server.source === "python"
        ? "Check the interpreter selected in the Python extension."
        : INSTALL_HINT;
  return `factlint: cannot start the server: \`${command}\` is not an executable file. ${where}`;
}

/** `which`: the first executable called `name` on `pathVar` (PATH, with PATHEXT on Windows). */
export function which(
  name: string,
  pathVar: string | undefined = process.env.PATH,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  if (!pathVar) {
    return undefined;
  }
  const sep = platform === "win32" ? ";" : ":";
  const exts = platform === "win32" ? (process.env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";") : [""];
  for (const dir of pathVar.split(sep)) {
    if (!dir) {
      continue;
    }
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      try {
        const stat = fs.statSync(candidate);
        if (stat.isFile()) {
          fs.accessSync(candidate, fs.constants.X_OK);
          return candidate;
        }
      } catch {
        // not here; keep looking
      }
    }
  }
  return undefined;
}

/**
 * The `factlint facts` command line matching a server command line and its settings,
 * for "factlint: Show facts" (the CLI prints the fact base with sources). Undefined
 * when the server command does not end in `serve`, so the CLI cannot be derived.
 */
export function factsCommandLine(
  server: ServerCommand,
  settings: { corpus?: string[]; rules?: string[]; facts?: string[] },
): { command: string; args: string[] } | undefined {
  if (server.args[server.args.length - 1] !== "serve") {
    return undefined;
  }
  const args = [...server.args.slice(0, -1), "facts"];
  for (const dir of settings.corpus ?? []) {
    args.push("--corpus", dir);
  }
  for (const dir of settings.rules ?? []) {
    args.push("--rules", dir);
  }
  for (const file of settings.facts ?? []) {
    args.push("--facts", file);
  }
  return { command: server.command, args };
}
