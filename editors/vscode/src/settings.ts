/**
 * Mapping VS Code's `factlint.*` settings to the server's settings table.
 *
 * The server takes exactly the keys of `factlint.toml`: corpus, rules, facts, date,
 * severity, disable, debounce-ms. VS Code's names are camelCase (`debounceMs`), paths
 * may be relative to the workspace folder or use `~` / `${workspaceFolder}`, and unset
 * values are left out so the server's own defaults (and `factlint.toml`) apply.
 *
 * Nothing here imports `vscode`, so the unit tests run on plain Node.
 */

import * as os from "node:os";
import * as path from "node:path";

/** The server's settings table, as sent in initializationOptions and didChangeConfiguration. */
export interface ServerSettings {
  corpus?: string[];
  rules?: string[];
  facts?: string[];
  date?: string;
  severity?: Record<string, string>;
  disable?: string[];
  "debounce-ms"?: number;
}

/** The section name the server reads its settings under. */
export const SECTION = "factlint";

/** VS Code setting (under `factlint.`) -> server key. */
export const SETTING_KEYS: Readonly<Record<string, keyof ServerSettings>> = {
  corpus: "corpus",
  rules: "rules",
  facts: "facts",
  date: "date",
  severity: "severity",
  disable: "disable",
  debounceMs: "debounce-ms",
};

const SEVERITIES = new Set(["error", "warning", "info", "off"]);

/** Reads one setting, as `vscode.WorkspaceConfiguration.get` does. */
export type Getter = (key: string) => unknown;

/** Expand `~` and `${workspaceFolder}`, and anchor relative paths at the workspace folder. */
export function resolvePath(raw: string, workspaceFolder: string | undefined): string {
  let p = raw.trim();
  if (workspaceFolder) {
    p = p.split("${workspaceFolder}").join(workspaceFolder);
  }
  if (p === "~") {
    p = os.homedir();
  } else if (p.startsWith("~/") || p.startsWith("~\\")) {
    p = path.join(os.homedir(), p.slice(2));
  }
  if (!path.isAbsolute(p) && workspaceFolder) {
    p = path.join(workspaceFolder, p);
  }
  return p;
}

function pathList(value: unknown, workspaceFolder: string | undefined): string[] | undefined {
  const items = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  const paths = items
    .filter((v): v is string => typeof v === "string" && v.trim().length > 0)
    .map((v) => resolvePath(v, workspaceFolder));
  return paths.length > 0 ? paths : undefined;
}

/** Build the server's settings table from VS Code's settings; unset values are omitted. */
export function toServerSettings(get: Getter, workspaceFolder?: string): ServerSettings {
  const out: ServerSettings = {};

  for (const key of ["corpus", "rules", "facts"] as const) {
    const paths = pathList(get(key), workspaceFolder);
    if (paths) {
      out[key] = paths;
    }
  }

  const date = get("date");
  if (typeof date === "string" && date.trim()) {
    out.date = date.trim();
  }

  const severity = get("severity");
  if (severity && typeof severity === "object" && !Array.isArray(severity)) {
    const table: Record<string, string> = {};
    for (const [rule, level] of Object.entries(severity as Record<string, unknown>)) {
      if (typeof level === "string" && SEVERITIES.has(level)) {
        table[rule] = level;
      }
    }
    if (Object.keys(table).length > 0) {
      out.severity = table;
    }
  }

  const disable = get("disable");
  if (Array.isArray(disable)) {
    const ids = disable.filter((v): v is string => typeof v === "string" && v.length > 0);
    if (ids.length > 0) {
      out.disable = ids;
    }
  }

  const debounce = get("debounceMs");
  if (typeof debounce === "number" && Number.isInteger(debounce) && debounce >= 0) {
    out["debounce-ms"] = debounce;
  }

  return out;
}

/** What the client sends: the table under the `factlint` section. */
export function sectioned(settings: ServerSettings): { [SECTION]: ServerSettings } {
  return { [SECTION]: settings };
}

/** Whether a configuration change touches settings the server reads (vs. ones needing a restart). */
export function affectsServerSettings(affects: (section: string) => boolean): boolean {
  return Object.keys(SETTING_KEYS).some((key) => affects(`${SECTION}.${key}`));
}
