--- factlint for Neovim: registers the factlint language server (`factlint serve`)
--- for Markdown and text buffers.
---
---   require("factlint").setup({ settings = { corpus = { "~/news/sources" } } })
---
--- Neovim 0.11+ uses vim.lsp.config / vim.lsp.enable; 0.8-0.10 start the client
--- with vim.lsp.start from a FileType autocommand. The options are those of the VS
--- Code extension; see editors/nvim/README.md.

local M = {}

local NAME = "factlint"

--- The keys the server reads (those of factlint.toml), with the Lua spellings accepted.
local KEYS = {
  corpus = "corpus",
  rules = "rules",
  facts = "facts",
  date = "date",
  severity = "severity",
  disable = "disable",
  debounce_ms = "debounce-ms",
  ["debounce-ms"] = "debounce-ms",
  debounceMs = "debounce-ms",
}
local PATH_KEYS = { corpus = true, rules = true, facts = true }

M.defaults = {
  --- Command line that starts the server; nil means: `factlint` on PATH, else a
  --- Python that can import factlint ($VIRTUAL_ENV's, then python3) with `-m factlint serve`.
  cmd = nil,
  filetypes = { "markdown", "text" },
  root_markers = { "factlint.toml", "pyproject.toml", ".git" },
  --- corpus, rules, facts, date, severity, disable, debounce_ms (see README).
  settings = {},
  on_attach = nil,
  capabilities = nil,
  --- vim.diagnostic.config() for factlint's diagnostics only. Neovim 0.11 shows no message
  --- by default (a sign and an underline), so factlint turns on its virtual text: the
  --- finding is read where it is. `false` leaves the global diagnostic settings alone.
  diagnostics = { virtual_text = true },
  --- Force the 0.8-0.10 code path (vim.lsp.start) on newer Neovim too.
  legacy = false,
}

M.config = vim.deepcopy(M.defaults)

--- Last `factlint/status` notification: {state = "building"|"ready"|"error", facts, articles, message}.
M.state = nil

local notified = false
local function notify_once(msg, level)
  if not notified then
    notified = true
    vim.notify(msg, level or vim.log.levels.ERROR, { title = "factlint" })
  end
end

--- factlint is not on a package index: it installs from its repository or a built wheel.
M.install_hint = "factlint: no language server found. Install factlint into a Python 3.11+ environment "
  .. "from a copy of its repository (`pip install /path/to/factlint`) or from a wheel built from it "
  .. "(`pipx install factlint-0.1.0-py3-none-any.whl`), then put its `factlint` on PATH, activate "
  .. "that environment, or pass cmd = { '/path/to/venv/bin/factlint', 'serve' } to require('factlint').setup()."

local function executable(path)
  return path ~= nil and path ~= "" and vim.fn.executable(path) == 1
end

local function can_import(python)
  if not executable(python) then
    return false
  end
  vim.fn.system({ python, "-c", "import factlint.lsp" })
  return vim.v.shell_error == 0
end

--- The server's command line, or nil and a message saying what to install.
function M.find_cmd(cmd)
  if type(cmd) == "string" and cmd ~= "" then
    return { cmd, "serve" }
  end
  if type(cmd) == "table" and #cmd > 0 then
    return cmd
  end
  if executable("factlint") then
    return { vim.fn.exepath("factlint"), "serve" }
  end
  local pythons = {}
  if vim.env.VIRTUAL_ENV then
    table.insert(pythons, vim.env.VIRTUAL_ENV .. "/bin/python")
  end
  table.insert(pythons, "python3")
  for _, python in ipairs(pythons) do
    if can_import(python) then
      return { vim.fn.exepath(python), "-m", "factlint", "serve" }
    end
  end
  return nil, M.install_hint
end

--- The server's settings table from the plugin's `settings` option: server key names,
--- `~` expanded in paths, single paths accepted for lists, unknown keys refused.
function M.server_settings(settings)
  local out = {}
  for key, value in pairs(settings or {}) do
    local server_key = KEYS[key]
    if server_key == nil then
      error(("factlint: unknown setting %q (known: corpus, rules, facts, date, severity, disable, debounce_ms)"):format(key))
    end
    if PATH_KEYS[server_key] then
      local list = type(value) == "string" and { value } or value
      local paths = {}
      for _, p in ipairs(list) do
        table.insert(paths, vim.fn.expand(p))
      end
      value = paths
    end
    out[server_key] = value
  end
  return out
end

--- Call a client method: `client:m(...)` on 0.11+, `client.m(...)` before.
local function call(client, method, ...)
  if vim.fn.has("nvim-0.11") == 1 then
    return client[method](client, ...)
  end
  return client[method](...)
end

--- After a rebuild (new settings, corpus or rules) the server asks pulling clients to
--- re-pull with workspace/diagnostic/refresh; Neovim 0.11 pulls diagnostics but cannot be
--- asked to, so on "ready" pull them again for the buffers this client is attached to.
local function repull(client)
  local caps = client.capabilities or {}
  local refresh = caps.workspace and caps.workspace.diagnostics and caps.workspace.diagnostics.refreshSupport
  if refresh or not client.server_capabilities.diagnosticProvider
    or not (vim.lsp.diagnostic and vim.lsp.diagnostic.on_diagnostic) then
    return
  end
  for bufnr in pairs(client.attached_buffers or {}) do
    if vim.api.nvim_buf_is_loaded(bufnr) then
      local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }
      call(client, "request", "textDocument/diagnostic", params, vim.lsp.diagnostic.on_diagnostic, bufnr)
    end
  end
end

local function status_handler(_, result, ctx)
  M.state = result
  if result and result.state == "ready" and vim.fn.has("nvim-0.11") == 1 then
    local client = vim.lsp.get_client_by_id(ctx.client_id)
    if client then
      repull(client)
    end
  end
  pcall(vim.api.nvim_exec_autocmds, "User", { pattern = "FactlintStatus", modeline = false })
end

--- "1 fact", "42 facts": counts as the server and the VS Code extension write them.
local function count(n, noun)
  n = n or 0
  return ("%d %s"):format(n, n == 1 and noun or noun .. "s")
end

--- A short text for a statusline: "factlint: building", "factlint: 42 facts from 5 articles".
function M.status()
  local s = M.state
  if not s then
    return ""
  end
  if s.state == "ready" then
    return ("factlint: %s from %s"):format(count(s.facts, "fact"), count(s.articles, "article"))
  end
  return "factlint: " .. tostring(s.state)
end

local function root_dir_for(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local start = name ~= "" and vim.fs.dirname(name) or vim.fn.getcwd()
  local found = vim.fs.find(markers, { path = start, upward = true })[1]
  return found and vim.fs.dirname(found) or start
end

--- The diagnostic namespaces a client publishes into: pushed, and pulled (0.10+).
local function namespaces(client_id)
  local out = { vim.lsp.diagnostic.get_namespace(client_id) }
  local ok, pulled = pcall(vim.lsp.diagnostic.get_namespace, client_id, true)
  if ok and pulled and pulled ~= out[1] then
    table.insert(out, pulled)
  end
  return out
end

--- Apply the `diagnostics` option to this client's namespaces, then the user's on_attach.
local function on_attach(client, bufnr)
  if type(M.config.diagnostics) == "table" then
    for _, ns in ipairs(namespaces(client.id)) do
      vim.diagnostic.config(M.config.diagnostics, ns)
    end
  end
  if M.config.on_attach then
    return M.config.on_attach(client, bufnr)
  end
end

local function client_config(cmd)
  local table_ = M.server_settings(M.config.settings)
  return {
    cmd = cmd,
    filetypes = M.config.filetypes,
    root_markers = M.config.root_markers,
    init_options = { factlint = table_ },
    settings = { factlint = table_ },
    handlers = { ["factlint/status"] = status_handler },
    on_attach = on_attach,
    capabilities = M.config.capabilities,
  }
end

local function clients()
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ name = NAME })
  end
  return vim.lsp.get_active_clients({ name = NAME })
end

local function use_enable()
  return not M.config.legacy and vim.lsp.config ~= nil and vim.lsp.enable ~= nil
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts or {})
  if opts and opts.settings then
    M.config.settings = opts.settings -- replaced whole, not merged with the defaults
  end
  local cmd, why = M.find_cmd(M.config.cmd)
  if not cmd then
    notify_once(why)
    return false
  end
  if vim.lsp.start == nil then
    local v = vim.version()
    notify_once(("factlint: needs Neovim 0.8 or newer (this is %d.%d.%d)"):format(v.major, v.minor, v.patch))
    return false
  end
  local config = client_config(cmd)

  if use_enable() then
    config.root_dir = function(bufnr, on_dir)
      on_dir(root_dir_for(bufnr, M.config.root_markers))
    end
    vim.lsp.config(NAME, config)
    vim.lsp.enable(NAME)
  else
    local group = vim.api.nvim_create_augroup("factlint", { clear = true })
    local function start(bufnr)
      if vim.bo[bufnr].buftype ~= "" then
        return
      end
      local c = vim.deepcopy(config)
      c.name = NAME
      c.root_dir = root_dir_for(bufnr, M.config.root_markers)
      c.filetypes, c.root_markers = nil, nil
      vim.lsp.start(c, { bufnr = bufnr })
    end
    vim.api.nvim_create_autocmd("FileType", {
      group = group,
      pattern = M.config.filetypes,
      callback = function(args)
        start(args.buf)
      end,
    })
    -- Buffers already open when setup() runs.
    for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(M.config.filetypes, vim.bo[bufnr].filetype) then
        start(bufnr)
      end
    end
  end
  M._define_commands()
  return true
end

--- Send new settings to the running servers (workspace/didChangeConfiguration).
function M.update_settings(settings)
  M.config.settings = settings
  local table_ = M.server_settings(settings)
  for _, client in ipairs(clients()) do
    client.settings = { factlint = table_ }
    call(client, "notify", "workspace/didChangeConfiguration", { settings = client.settings })
  end
  if use_enable() then
    vim.lsp.config(NAME, { init_options = { factlint = table_ }, settings = { factlint = table_ } })
  end
end

local function execute(command, on_result)
  local cs = clients()
  if #cs == 0 then
    vim.notify("factlint: the server is not running", vim.log.levels.WARN)
    return
  end
  call(cs[1], "request", "workspace/executeCommand", { command = command, arguments = {} }, function(err, result)
    if err then
      vim.notify(("factlint: %s failed: %s"):format(command, err.message or vim.inspect(err)), vim.log.levels.ERROR)
    elseif on_result then
      on_result(result, cs[1])
    end
  end)
end

--- Rebuild the fact base now; M.last_rebuild keeps what the server answered.
function M.rebuild()
  M.last_rebuild = nil
  execute("factlint.rebuild", function(result)
    M.last_rebuild = result or {}
    if type(result) == "table" and result.loaded then
      vim.notify(("factlint: %s from %s"):format(count(result.facts, "fact"), count(result.articles, "article")))
    end
  end)
end

--- The `factlint facts` command line matching the server's, with the same corpus,
--- rules and facts settings; nil when the server command does not end in `serve`.
function M.facts_cmd(cmd, settings)
  if type(cmd) ~= "table" or cmd[#cmd] ~= "serve" then
    return nil
  end
  local out = vim.list_slice(cmd, 1, #cmd - 1)
  table.insert(out, "facts")
  local table_ = M.server_settings(settings)
  for _, pair in ipairs({ { "corpus", "--corpus" }, { "rules", "--rules" }, { "facts", "--facts" } }) do
    for _, value in ipairs(table_[pair[1]] or {}) do
      table.insert(out, pair[2])
      table.insert(out, value)
    end
  end
  return out
end

local function show_lines(lines, filetype)
  vim.cmd("new")
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].buftype = "nofile"
  vim.bo[buf].bufhidden = "wipe"
  vim.bo[buf].swapfile = false
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.bo[buf].modifiable = false
  -- Set last: a "text" filetype would otherwise attach the server to the listing.
  pcall(vim.api.nvim_buf_set_name, buf, "factlint://facts")
  vim.bo[buf].filetype = filetype
end

--- Show the fact base in a scratch window: the server's `factlint.facts` command if it
--- offers one, else the CLI's `factlint facts` run with the same settings.
function M.show_facts()
  local cs = clients()
  local commands = cs[1]
    and cs[1].server_capabilities.executeCommandProvider
    and cs[1].server_capabilities.executeCommandProvider.commands
    or {}
  if vim.tbl_contains(commands, "factlint.facts") then
    execute("factlint.facts", function(result)
      local text = type(result) == "string" and result or vim.json.encode(result)
      show_lines(vim.split(text, "\n"), "factlint-facts")
    end)
    return
  end
  local cmd = M.facts_cmd(cs[1] and cs[1].config.cmd or M.find_cmd(M.config.cmd), M.config.settings)
  if not cmd then
    vim.notify("factlint: cannot tell how to run `factlint facts` from cmd", vim.log.levels.WARN)
    return
  end
  local root = cs[1] and cs[1].config.root_dir or vim.fn.getcwd()
  vim.fn.jobstart(cmd, {
    cwd = root,
    stdout_buffered = true,
    stderr_buffered = true,
    on_stdout = function(_, data)
      vim.schedule(function()
        if data and #data > 1 then
          show_lines(data, "factlint-facts")
        end
      end)
    end,
    on_stderr = function(_, data)
      if data and table.concat(data, "") ~= "" then
        vim.schedule(function()
          vim.notify("factlint facts: " .. table.concat(data, "\n"), vim.log.levels.WARN)
        end)
      end
    end,
  })
end

function M.restart()
  local bufs = {}
  for _, client in ipairs(clients()) do
    for bufnr in pairs(client.attached_buffers or {}) do
      bufs[bufnr] = true
    end
    call(client, "stop")
  end
  vim.defer_fn(function()
    for bufnr in pairs(bufs) do
      if vim.api.nvim_buf_is_valid(bufnr) then
        vim.api.nvim_exec_autocmds("FileType", { buffer = bufnr })
      end
    end
  end, 500)
end

function M._define_commands()
  vim.api.nvim_create_user_command("FactlintRebuild", M.rebuild, { desc = "factlint: Rebuild fact base" })
  vim.api.nvim_create_user_command("FactlintFacts", M.show_facts, { desc = "factlint: Show facts" })
  vim.api.nvim_create_user_command("FactlintRestart", M.restart, { desc = "factlint: Restart server" })
end

return M
