// Unit tests for the status bar text built from `factlint/status` notifications.
import { strict as assert } from "node:assert";
import { test } from "node:test";

import { statusView } from "../src/status";

test("building", () => {
  const v = statusView({ state: "building" });
  assert.match(v.text, /building/);
  assert.equal(v.isError, false);
});

test("ready shows facts and articles", () => {
  assert.equal(statusView({ state: "ready", facts: 42, articles: 5 }).text, "$(check) factlint: 42 facts from 5 articles");
  assert.equal(statusView({ state: "ready", facts: 1, articles: 1 }).text, "$(check) factlint: 1 fact from 1 article");
});

test("error carries the server's message", () => {
  const v = statusView({ state: "error", message: "corpus folder not found: /x" });
  assert.equal(v.isError, true);
  assert.match(v.text, /error/);
  assert.equal(v.tooltip, "corpus folder not found: /x");
});
