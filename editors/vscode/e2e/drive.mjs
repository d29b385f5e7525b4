// Drives a running code-server (a real VS Code in a browser) with puppeteer-core and
// Debian's chromium, as a user would: open the sample draft with Quick Open, wait for
// factlint's squiggle, hover it, apply the quick fix from the Ctrl+. menu, screenshot
// each step; the extension's test mode (FACTLINT_VSCODE_E2E, see src/e2e.ts) reports
// what VS Code's APIs see and runs the commands.
//
// Usage: node drive.mjs <url> <draft file name> <probe dir> <artifacts dir>
// Writes <probe dir>/drive.json with timings and what the page showed.

import fs from "node:fs";
import path from "node:path";
import puppeteer from "puppeteer-core";

const [url, draftName, probeDir, artifacts] = process.argv.slice(2);
const TIMEOUT = Number(process.env.FACTLINT_E2E_TIMEOUT_MS || 180000);
const chromium = process.env.FACTLINT_CHROMIUM || "/usr/bin/chromium";
fs.mkdirSync(artifacts, { recursive: true });

const t0 = Date.now();
const report = { url, timings: {} };
const mark = (name) => (report.timings[name] = Date.now() - t0);
const waitFile = async (file) => {
  const deadline = Date.now() + TIMEOUT;
  while (Date.now() < deadline) {
    if (fs.existsSync(path.join(probeDir, file))) return true;
    if (fs.existsSync(path.join(probeDir, "error.json"))) {
      throw new Error("extension probe failed: " + fs.readFileSync(path.join(probeDir, "error.json"), "utf8"));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${file}`);
};

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,900",
  ],
  defaultViewport: { width: 1400, height: 900 },
});

/** No working server: the extension must say so once, in a notification. */
async function expectOneNotification(page) {
  const deadline = Date.now() + TIMEOUT;
  while (!fs.existsSync(path.join(probeDir, "error.json")) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  await page.waitForSelector(".notification-toast");
  await new Promise((r) => setTimeout(r, 3000)); // room for a second, unwanted one
  report.notifications = await page.evaluate(() =>
    [...document.querySelectorAll(".notification-toast")].map((t) => t.innerText.replace(/\s+/g, " ").trim()),
  );
  report.statusBar = await page.evaluate(() =>
    [...document.querySelectorAll(".statusbar-item")].map((s) => s.textContent.trim()).filter((t) => /factlint|activating/i.test(t)),
  );
  await page.screenshot({ path: path.join(artifacts, "vscode-no-server.png") });
}

/** The draft gets a squiggle; hover it; the quick fix is applied; screenshots. */
async function expectDiagnosticHoverFix(page) {
  // A squiggle, unless the extension reports that its server could not start.
  const squiggle = page.waitForSelector(".monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info");
  await Promise.race([squiggle, waitFile("__never__")]);
  mark("squiggle");
  await waitFile("probe.json");
  mark("probe");

  // The squiggle on the view line that holds the flagged value.
  const box = await page.evaluate(() => {
    const line = [...document.querySelectorAll(".monaco-editor .view-line")].find((l) => l.textContent.includes("3,000"));
    if (!line) return null;
    const top = line.getBoundingClientRect().top;
    const squiggles = [...document.querySelectorAll(".squiggly-error, .squiggly-warning, .squiggly-info")];
    const s = squiggles.find((q) => Math.abs(q.getBoundingClientRect().top - top) < 4);
    if (!s) return null;
    const r = s.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width };
  });
  if (!box) throw new Error("no squiggle on the line with 3,000");
  report.squiggle = box;
  await page.mouse.move(box.x - 40, box.y - 40);
  await page.mouse.move(box.x, box.y, { steps: 5 });
  await page.waitForFunction(
    () => [...document.querySelectorAll(".monaco-hover")].some((h) => h.offsetParent !== null && h.textContent.includes("2,500")),
  );
  mark("hover");
  report.hoverText = await page.evaluate(() =>
    [...document.querySelectorAll(".monaco-hover")].filter((h) => h.offsetParent !== null).map((h) => h.innerText).join("\n"),
  );
  report.statusBar = await page.evaluate(() =>
    [...document.querySelectorAll(".statusbar-item")].map((s) => s.textContent.trim()).filter((t) => /factlint/i.test(t)),
  );
  await page.screenshot({ path: path.join(artifacts, "vscode-hover.png") });

  // The quick fix, as a user applies it: cursor on the value, Ctrl+., pick "Replace ...".
  await page.mouse.click(box.x, box.y);
  await page.keyboard.press("Escape"); // close the hover
  await page.keyboard.down("Control");
  await page.keyboard.press("Period");
  await page.keyboard.up("Control");
  const rowSelector = ".action-widget .monaco-list-row";
  await page.waitForFunction(
    (sel) => [...document.querySelectorAll(sel)].some((r) => r.textContent.includes("Replace")),
    {},
    rowSelector,
  );
  report.quickFixMenu = await page.evaluate(
    (sel) => [...document.querySelectorAll(sel)].map((r) => r.innerText.replace(/\s+/g, " ").trim()),
    rowSelector,
  );
  await page.screenshot({ path: path.join(artifacts, "vscode-quickfix.png") });
  const row = await page.evaluate((sel) => {
    const r = [...document.querySelectorAll(sel)].find((x) => x.textContent.includes("Replace"));
    const b = r.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  }, rowSelector);
  await page.mouse.click(row.x, row.y);
  await page.mouse.move(10, 10);
  await page.waitForFunction(
    // Monaco renders spaces as no-break spaces.
    () => [...document.querySelectorAll(".monaco-editor .view-line")].some((l) => l.textContent.replace(/\u00a0/g, " ").includes("The US has 2,500 troops")),
  );
  mark("fixed");
  await page.screenshot({ path: path.join(artifacts, "vscode-fixed.png") });
  fs.writeFileSync(path.join(probeDir, "fixed-in-ui"), "");
  await waitFile("result.json");
}

let page;
try {
  page = await browser.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(url, { waitUntil: "domcontentloaded" });
  await page.waitForSelector(".monaco-workbench");
  mark("workbench");

  // Quick Open the draft, as a user would.
  await page.waitForSelector(".explorer-folders-view, .monaco-list", { timeout: TIMEOUT });
  await new Promise((r) => setTimeout(r, 1000));
  await page.keyboard.down("Control");
  await page.keyboard.press("KeyP");
  await page.keyboard.up("Control");
  await page.waitForSelector(".quick-input-widget input", { visible: true });
  await page.keyboard.type(draftName, { delay: 20 });
  await page.waitForFunction(
    (name) => [...document.querySelectorAll(".quick-input-list .monaco-list-row")].some((r) => r.textContent.includes(name)),
    {},
    draftName,
  );
  await page.keyboard.press("Enter");
  await page.waitForSelector(".monaco-editor .view-lines");
  mark("draft_open");

  if (process.env.FACTLINT_E2E_MODE === "no-server") {
    await expectOneNotification(page);
  } else {
    await expectDiagnosticHoverFix(page);
  }
  report.ok = true;
} catch (err) {
  report.ok = false;
  report.error = String(err && err.stack ? err.stack : err);
  if (page) {
    await page.screenshot({ path: path.join(artifacts, "vscode-failure.png") }).catch(() => {});
  }
} finally {
  await browser.close();
  fs.writeFileSync(path.join(probeDir, "drive.json"), JSON.stringify(report, null, 2));
}
process.exit(report.ok ? 0 : 1);
