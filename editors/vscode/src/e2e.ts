/**
 * Test mode for the end-to-end test in a real VS Code (code-server); inert unless the
 * environment variable FACTLINT_VSCODE_E2E names an output folder.
 *
 * It waits for a Markdown draft to be open, polls VS Code's diagnostics, asks VS Code
 * (not the server directly) for the hover and the quick fixes at the first diagnostic,
 * and writes what it saw to `probe.json`. The driver then hovers and applies the quick
 * fix in the browser (Ctrl+.) and creates `fixed-in-ui`; the probe reads the changed
 * line from the document, runs the commands, changes a setting, restarts the server,
 * opens a .txt draft and a long one, and writes `result.json`. The test asserts on all of it.
 */

import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";

const TIMEOUT_MS = 120_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until<T>(what: string, get: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    const value = await get();
    if (value !== undefined) {
      return value;
    }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function hoverText(hovers: vscode.Hover[]): string {
  const parts: string[] = [];
  for (const hover of hovers) {
    for (const c of hover.contents) {
      parts.push(typeof c === "string" ? c : c.value);
    }
  }
  return parts.join("\n");
}

function plainRange(r: vscode.Range) {
  return {
    start: { line: r.start.line, character: r.start.character },
    end: { line: r.end.line, character: r.end.character },
  };
}

/** In test mode, make a server that cannot start fail the test at once, not by time-out. */
export function reportE2eFailure(message: string): void {
  const outDir = process.env.FACTLINT_VSCODE_E2E;
  if (outDir) {
    fs.writeFileSync(path.join(outDir, "error.json"), JSON.stringify({ error: message }));
  }
}

export async function runEndToEndProbe(outDir: string, log: vscode.OutputChannel): Promise<void> {
  const write = (name: string, data: unknown) =>
    fs.writeFileSync(path.join(outDir, name), JSON.stringify(data, null, 2));
  const started = Date.now();
  try {
    const editor = await until("an open Markdown draft", () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.languageId === "markdown" ? e : undefined;
    });
    const doc = editor.document;
    const opened = Date.now();
    const diagnostics = await until("diagnostics", () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.length > 0 ? d : undefined;
    });
    const firstDiagnosticsMs = Date.now() - opened;
    const sorted = [...diagnostics].sort((a, b) => a.range.start.compareTo(b.range.start));
    const target = sorted[0];
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      "vscode.executeHoverProvider",
      doc.uri,
      target.range.start.translate(0, 1),
    );
    // The quick fixes VS Code gets from the server here (the driver applies one in the UI).
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      "vscode.executeCodeActionProvider",
      doc.uri,
      target.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    write("probe.json", {
      actions: (actions ?? []).map((a) => ({ title: a.title, kind: a.kind?.value, isPreferred: a.isPreferred })),
      uri: doc.uri.toString(),
      firstDiagnosticsMs,
      diagnostics: sorted.map((d) => ({
        range: plainRange(d.range),
        message: d.message,
        severity: d.severity,
        source: d.source,
        code: typeof d.code === "object" ? String(d.code.value) : d.code,
        text: doc.getText(d.range),
      })),
      hover: hoverText(hovers ?? []),
    });

    await until("the quick fix applied in the editor by the driver", () =>
      fs.existsSync(path.join(outDir, "fixed-in-ui")) ? true : undefined,
    );
    const lineAfter = doc.lineAt(target.range.start.line).text;

    // The palette commands, as a user would run them.
    await vscode.commands.executeCommand("factlint.rebuildFactBase");
    await vscode.commands.executeCommand("factlint.showFacts");
    const factsEditor = await until("the facts listing", () =>
      vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === "factlint-facts"),
    );
    const facts = factsEditor.document.getText();
    await vscode.window.showTextDocument(doc); // back to the draft for the driver's screenshot

    // Live settings: switching a rule off in the settings clears its diagnostic.
    const hasPlace = () =>
      vscode.languages
        .getDiagnostics(doc.uri)
        .some((d) => (typeof d.code === "object" ? d.code.value : d.code) === "place-mismatch");
    const placeBefore = hasPlace();
    await vscode.workspace
      .getConfiguration("factlint")
      .update("disable", ["place-mismatch"], vscode.ConfigurationTarget.Global);
    const placeCleared = await until("the place-mismatch diagnostic to go", () => (hasPlace() ? undefined : true))
      .catch(() => false);
    // Restart server: diagnostics come back from a new server process.
    await vscode.commands.executeCommand("factlint.restartServer");
    const restarted = await until("diagnostics after a restart", () =>
      vscode.languages.getDiagnostics(doc.uri).length > 0 ? true : undefined,
    ).catch(() => false);
    // A plain-text draft (a .txt copy beside the Markdown one, if the test made one).
    const txt = vscode.Uri.joinPath(doc.uri, "..", path.basename(doc.uri.path).replace(/\.md$/, ".txt"));
    let plainText: { languageId: string; flagged: string[] } | undefined;
    if (fs.existsSync(txt.fsPath)) {
      const tdoc = await vscode.workspace.openTextDocument(txt);
      await vscode.window.showTextDocument(tdoc, { preview: false });
      const tdiags = await until("diagnostics on the .txt draft", () => {
        const d = vscode.languages.getDiagnostics(tdoc.uri);
        return d.length > 0 ? d : undefined;
      }).catch(() => []);
      plainText = { languageId: tdoc.languageId, flagged: tdiags.map((d) => tdoc.getText(d.range)) };
      await vscode.window.showTextDocument(doc);
    }
    // A long draft (a copy beside the draft, if the test made one): every set of diagnostics
    // VS Code holds for it, in order, until its last contradiction is among them.
    const long = vscode.Uri.joinPath(doc.uri, "..", `long-${path.basename(doc.uri.path)}`);
    let longDraft: { sets: string[][] } | undefined;
    if (fs.existsSync(long.fsPath)) {
      const ldoc = await vscode.workspace.openTextDocument(long);
      const sets: string[][] = [];
      const record = () => sets.push(vscode.languages.getDiagnostics(ldoc.uri).map((d) => ldoc.getText(d.range)));
      const watching = vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((uri) => uri.toString() === ldoc.uri.toString())) {
          record();
        }
      });
      record(); // before VS Code shows it (and pulls for it)
      await vscode.window.showTextDocument(ldoc, { preview: false });
      await until("the long draft's missiles", () => (sets.some((s) => s.includes("three")) ? true : undefined))
        .catch(() => false);
      watching.dispose();
      longDraft = { sets };
      await vscode.window.showTextDocument(doc);
    }
    write("result.json", {
      restarted,
      plainText,
      longDraft,
      rebuilt: true,
      factsLines: facts.split("\n").length,
      factsHead: facts.split("\n").slice(0, 3),
      factsMention2500: facts.includes("2,500"),
      placeBefore,
      placeCleared,
      lineAfter,
      elapsedMs: Date.now() - started,
    });
  } catch (err) {
    log.appendLine(`e2e probe failed: ${String(err)}`);
    write("error.json", { error: String(err) });
  }
}
