/**
 * The factlint VS Code extension: starts `factlint serve` through vscode-languageclient
 * for Markdown and plain-text documents, keeps the server's settings in step with VS
 * Code's, shows the fact-base state in the status bar, and offers three commands
 * (Rebuild fact base, Show facts, Restart server).
 */

import * as cp from "node:child_process";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";

import { Discovery, ServerCommand, checkExecutable, discoverServer, factsCommandLine, which } from "./discovery";
import { reportE2eFailure, runEndToEndProbe } from "./e2e";
import { SECTION, ServerSettings, affectsServerSettings, sectioned, toServerSettings } from "./settings";
import { StatusParams, statusView } from "./status";

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let statusItem: vscode.StatusBarItem;
let lastStatus: StatusParams | undefined;
let serverCommand: ServerCommand | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("factlint", { log: true });
  statusItem = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  statusItem.name = "factlint";
  statusItem.command = "factlint.showFacts";
  context.subscriptions.push(output, statusItem);

  // The VS Code command ids differ from the server's `factlint.rebuild`, which
  // vscode-languageclient registers itself from the server's executeCommandProvider.
  context.subscriptions.push(
    vscode.commands.registerCommand("factlint.rebuildFactBase", rebuild),
    vscode.commands.registerCommand("factlint.showFacts", showFacts),
    vscode.commands.registerCommand("factlint.restartServer", restart),
    vscode.workspace.onDidChangeConfiguration(onConfigurationChanged),
    vscode.workspace.registerTextDocumentContentProvider(FACTS_SCHEME, {
      onDidChange: factsChanged.event,
      provideTextDocumentContent: (uri) => factsContent.get(uri.toString()) ?? "",
    }),
  );

  await start();

  if (process.env.FACTLINT_VSCODE_E2E) {
    // Test mode for the end-to-end test only (see editors/vscode/e2e/); inert otherwise.
    void runEndToEndProbe(process.env.FACTLINT_VSCODE_E2E, output);
  }
}

export async function deactivate(): Promise<void> {
  await stop();
}

function workspaceFolder(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

function currentSettings(): ServerSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return toServerSettings((key) => config.get(key), workspaceFolder());
}

async function discover(): Promise<Discovery> {
  return discoverServer({
    configuredCommand: vscode.workspace.getConfiguration(SECTION).get("server.command"),
    which: (name) => which(name),
    pythonInterpreter,
    hasFactlint,
  });
}

/** The interpreter selected in the Python extension, if it is installed. */
async function pythonInterpreter(): Promise<string[] | undefined> {
  const ext = vscode.extensions.getExtension("ms-python.python");
  if (!ext) {
    return undefined;
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const api: any = ext.isActive ? ext.exports : await ext.activate();
    const resource = vscode.workspace.workspaceFolders?.[0]?.uri;
    const active = api?.environments?.getActiveEnvironmentPath?.(resource);
    if (active?.path) {
      return [active.path as string];
    }
    const details = api?.settings?.getExecutionDetails?.(resource);
    if (Array.isArray(details?.execCommand) && details.execCommand.length > 0) {
      return details.execCommand as string[];
    }
  } catch (err) {
    output.appendLine(`Could not ask the Python extension for its interpreter: ${String(err)}`);
  }
  return undefined;
}

function hasFactlint(interpreter: string[]): Promise<boolean> {
  const [command, ...prefix] = interpreter;
  return new Promise((resolve) => {
    cp.execFile(command, [...prefix, "-c", "import factlint.lsp"], { timeout: 20000 }, (err) =>
      resolve(!err),
    );
  });
}

/**
 * The one notification for a server that cannot be started, with a way to act on it.
 * Not awaited: activation must not wait for the user to dismiss it.
 */
function cannotStart(message: string): void {
  output.appendLine(message);
  output.appendLine(`(searched PATH=${process.env.PATH ?? ""})`);
  reportE2eFailure(message);
  showStatus({ state: "error", message });
  void vscode.window.showErrorMessage(message, "Open settings").then((choice) => {
    if (choice === "Open settings") {
      void vscode.commands.executeCommand("workbench.action.openSettings", "factlint.server.command");
    }
  });
}

async function start(): Promise<void> {
  const found = await discover();
  if (!found.ok) {
    return cannotStart(found.message);
  }
  const missing = checkExecutable(found.server);
  if (missing) {
    return cannotStart(missing);
  }

  const { command, args, source } = found.server;
  serverCommand = found.server;
  output.appendLine(`Starting the factlint server (${source}): ${[command, ...args].join(" ")}`);

  // No `transport`: TransportKind.stdio would append `--stdio`, which `factlint serve`
  // does not take; an executable without one talks over stdio all the same.
  const serverOptions: ServerOptions = {
    command,
    args,
    options: { cwd: workspaceFolder(), env: process.env },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
      { scheme: "untitled", language: "plaintext" },
    ],
    initializationOptions: sectioned(currentSettings()),
    outputChannel: output,
    middleware: {
      workspace: {
        // If the server pulls its settings, give it the mapped table, not VS Code's raw names.
        configuration: async (params, token, next) => {
          const answer = await next(params, token);
          if (!Array.isArray(answer)) {
            return answer;
          }
          return params.items.map((item, i) =>
            item.section === SECTION ? currentSettings() : answer[i],
          );
        },
      },
    },
  };

  showStatus({ state: "building", message: "Starting the factlint server" });
  const next = new LanguageClient("factlint", "factlint", serverOptions, clientOptions);
  next.onNotification("factlint/status", (params: StatusParams) => showStatus(params));
  try {
    await next.start();
    client = next;
  } catch (err) {
    // The language client has already shown its own notification (with "Go to output").
    const message = `factlint: the server (${[command, ...args].join(" ")}) did not start: ${String(err)}`;
    output.appendLine(message);
    reportE2eFailure(message);
    showStatus({ state: "error", message });
  }
}

async function stop(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.stop();
    } catch (err) {
      output.appendLine(`Stopping the server: ${String(err)}`);
    }
  }
}

async function restart(): Promise<void> {
  await stop();
  await start();
}

function onConfigurationChanged(event: vscode.ConfigurationChangeEvent): void {
  if (event.affectsConfiguration(`${SECTION}.server`)) {
    void restart();
    return;
  }
  if (client && affectsServerSettings((s) => event.affectsConfiguration(s))) {
    void client.sendNotification(DidChangeConfigurationNotification.type, {
      settings: sectioned(currentSettings()),
    });
  }
}

function showStatus(params: StatusParams): void {
  lastStatus = params;
  const view = statusView(params);
  statusItem.text = view.text;
  statusItem.tooltip = view.tooltip;
  statusItem.backgroundColor = view.isError
    ? new vscode.ThemeColor("statusBarItem.errorBackground")
    : undefined;
  statusItem.show();
}

function serverCommands(): string[] {
  return client?.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
}

async function rebuild(): Promise<void> {
  if (!client) {
    void vscode.window.showWarningMessage("factlint: the server is not running.");
    return;
  }
  showStatus({ state: "building", message: "Rebuilding the fact base" });
  try {
    await client.sendRequest(ExecuteCommandRequest.type, { command: "factlint.rebuild", arguments: [] });
  } catch (err) {
    showStatus({ state: "error", message: `Rebuild failed: ${String(err)}` });
    void vscode.window.showErrorMessage(`factlint: rebuild failed: ${String(err)}`);
  }
}

/**
 * Show the fact base in an editor tab: the server's `factlint.facts` command if it
 * offers one, else the CLI's `factlint facts` run with the same settings.
 */
async function showFacts(): Promise<void> {
  if (client && serverCommands().includes("factlint.facts")) {
    try {
      const result: unknown = await client.sendRequest(ExecuteCommandRequest.type, {
        command: "factlint.facts",
        arguments: [],
      });
      await showText(typeof result === "string" ? result : JSON.stringify(result, null, 2));
      return;
    } catch (err) {
      output.appendLine(`factlint.facts failed: ${String(err)}`);
    }
  }
  const cli = serverCommand && factsCommandLine(serverCommand, currentSettings());
  if (!cli) {
    const view = lastStatus ? statusView(lastStatus) : undefined;
    void vscode.window.showInformationMessage(view ? view.tooltip : "factlint: the server is not running.");
    return;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: "factlint: listing facts" },
    () =>
      new Promise<void>((resolve) => {
        cp.execFile(
          cli.command,
          cli.args,
          { cwd: workspaceFolder(), maxBuffer: 64 * 1024 * 1024, timeout: 300000 },
          (err, stdout, stderr) => {
            if (err && !stdout) {
              void vscode.window.showErrorMessage(`factlint facts failed: ${stderr || String(err)}`);
            } else {
              void showText(stdout);
            }
            resolve();
          },
        );
      }),
  );
}

/** Read-only documents under their own scheme, so the server does not check them as drafts. */
const FACTS_SCHEME = "factlint-facts";
const factsContent = new Map<string, string>();
const factsChanged = new vscode.EventEmitter<vscode.Uri>();

async function showText(content: string): Promise<void> {
  const uri = vscode.Uri.from({ scheme: FACTS_SCHEME, path: "/facts.txt" });
  factsContent.set(uri.toString(), content);
  factsChanged.fire(uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: true });
}
