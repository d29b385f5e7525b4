-- Unit checks of the Neovim plugin's own logic, run with `nvim -l` by test_neovim.py:
-- settings mapping, command discovery, the `factlint facts` command line, and the one
-- notification when no server can be found. Prints "ok N" or fails with the reason.
vim.opt.rtp:prepend(assert(vim.env.FACTLINT_NVIM_PLUGIN))
local factlint = require("factlint")
local n = 0
local function eq(got, want, what)
  n = n + 1
  if not vim.deep_equal(got, want) then
    error(("%s: got %s, want %s"):format(what, vim.inspect(got), vim.inspect(want)), 2)
  end
end

-- Settings: the Lua spellings map to the server's keys; paths expand; lists accept one path.
eq(factlint.server_settings({
  corpus = "~/news", rules = { "rules" }, facts = { "f.yaml" }, date = "2021-04-02",
  severity = { ["quantity-mismatch"] = "warning" }, disable = { "place-mismatch" }, debounce_ms = 300,
}), {
  corpus = { vim.fn.expand("~/news") }, rules = { "rules" }, facts = { "f.yaml" }, date = "2021-04-02",
  severity = { ["quantity-mismatch"] = "warning" }, disable = { "place-mismatch" }, ["debounce-ms"] = 300,
}, "server_settings")
eq(factlint.server_settings({ debounceMs = 5 }), { ["debounce-ms"] = 5 }, "camelCase accepted")
eq(factlint.server_settings({}), {}, "empty settings")
local ok, err = pcall(factlint.server_settings, { corpuss = {} })
eq(ok, false, "unknown key refused")
eq(err:find("unknown setting", 1, true) ~= nil, true, "unknown key message")

-- Discovery: an explicit cmd wins; a string means `<it> serve`; nothing found -> the hint.
eq(factlint.find_cmd({ "/x/factlint", "serve" }), { "/x/factlint", "serve" }, "cmd table")
eq(factlint.find_cmd("/x/factlint"), { "/x/factlint", "serve" }, "cmd string")
local saved_path, saved_venv = vim.env.PATH, vim.env.VIRTUAL_ENV
vim.env.PATH, vim.env.VIRTUAL_ENV = "/nonexistent", nil
local cmd, why = factlint.find_cmd(nil)
eq(cmd, nil, "nothing on an empty PATH")
eq(why, factlint.install_hint, "install hint")

-- setup() without a server: one notification, and false.
local messages = {}
vim.notify = function(msg) table.insert(messages, msg) end
eq(factlint.setup({}), false, "setup fails without a server")
eq(factlint.setup({}), false, "setup fails again")
eq(#messages, 1, "a single notification")
eq(messages[1]:find("pip install /path/to/factlint", 1, true) ~= nil, true, "notification says what to install")
eq(messages[1]:find("pip install factlint`", 1, true), nil, "no package index has a factlint distribution")
vim.env.PATH, vim.env.VIRTUAL_ENV = saved_path, saved_venv

-- Show facts: the CLI command line from the server's.
eq(factlint.facts_cmd({ "/v/bin/python", "-m", "factlint", "serve" }, { corpus = { "/c" }, facts = "/f.yaml" }),
  { "/v/bin/python", "-m", "factlint", "facts", "--corpus", "/c", "--facts", "/f.yaml" }, "facts_cmd")
eq(factlint.facts_cmd({ "wrapper" }, {}), nil, "facts_cmd needs serve")

-- The status line text.
factlint.state = { state = "ready", facts = 12, articles = 3 }
eq(factlint.status(), "factlint: 12 facts from 3 articles", "status ready")
factlint.state = { state = "ready", facts = 1, articles = 1 }
eq(factlint.status(), "factlint: 1 fact from 1 article", "status counts one in the singular")
factlint.state = { state = "building" }
eq(factlint.status(), "factlint: building", "status building")

io.stdout:write(("ok %d\n"):format(n))
