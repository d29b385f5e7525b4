-- Drives a real headless Neovim through the factlint plugin, as a user would:
-- open the draft, wait for diagnostics, hover the flagged value, apply the
-- preferred quick fix with vim.lsp.buf.code_action. Writes what it saw as JSON to
-- $FACTLINT_NVIM_OUT for tests/editors/test_neovim.py to assert on.
--
-- Environment: FACTLINT_NVIM_PLUGIN (editors/nvim), FACTLINT_NVIM_DRAFT,
-- FACTLINT_NVIM_OUT, FACTLINT_NVIM_TARGET (the flagged text to act on),
-- FACTLINT_NVIM_LEGACY=1 to force the vim.lsp.start path, FACTLINT_NVIM_CMD (a JSON
-- list: the `cmd` option; unset: the plugin finds `factlint` on PATH), FACTLINT_NVIM_TEXT_DRAFT
-- (a .txt copy of the draft), FACTLINT_NVIM_LONG_DRAFT (a long draft, opened last: every set
-- of diagnostics Neovim shows for it is recorded), FACTLINT_NVIM_TIMEOUT_MS,
-- FACTLINT_NVIM_NO_DIAGNOSTIC_CONFIG=1 to pass `diagnostics = false`.

local out_path = assert(vim.env.FACTLINT_NVIM_OUT)
local result = { nvim = tostring(vim.version()), steps = {} }
local uv = vim.uv or vim.loop

local function finish(code)
  local f = assert(io.open(out_path, "w"))
  f:write(vim.json.encode(result))
  f:close()
  vim.cmd(code == 0 and "qa!" or ("cq " .. code))
end

local function step(name)
  table.insert(result.steps, name)
end

local ok, err = xpcall(function()
  local timeout = tonumber(vim.env.FACTLINT_NVIM_TIMEOUT_MS or "180000")
  local target = vim.env.FACTLINT_NVIM_TARGET or "3,000"
  vim.opt.rtp:prepend(assert(vim.env.FACTLINT_NVIM_PLUGIN))
  vim.cmd("filetype plugin indent on")

  local factlint = require("factlint")
  local opts = { legacy = vim.env.FACTLINT_NVIM_LEGACY == "1" }
  if vim.env.FACTLINT_NVIM_CMD and vim.env.FACTLINT_NVIM_CMD ~= "" then
    opts.cmd = vim.json.decode(vim.env.FACTLINT_NVIM_CMD) -- as the README's init.lua passes it
  end
  if vim.env.FACTLINT_NVIM_NO_DIAGNOSTIC_CONFIG == "1" then
    opts.diagnostics = false -- leave Neovim's own diagnostic settings alone
  end
  local started = factlint.setup(opts)
  assert(started, "require('factlint').setup() did not register the server")
  step("setup")

  local t0 = uv.hrtime()
  vim.cmd("edit " .. vim.fn.fnameescape(assert(vim.env.FACTLINT_NVIM_DRAFT)))
  result.filetype = vim.bo.filetype
  local bufnr = vim.api.nvim_get_current_buf()

  if not vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) > 0 end, 10) then
    error("no diagnostics within " .. timeout .. " ms")
  end
  result.first_diagnostics_ms = (uv.hrtime() - t0) / 1e6
  step("diagnostics")

  local function text_of(d)
    local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1] or ""
    if d.end_lnum == d.lnum then
      return line:sub(d.col + 1, d.end_col)
    end
    return line:sub(d.col + 1)
  end
  local function find_target()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if text_of(d) == target then
        return d
      end
    end
  end
  -- Diagnostics may be published more than once (e.g. before and after the fact base).
  vim.wait(timeout, function() return find_target() ~= nil end, 20)
  vim.wait(300, function() return false end) -- let any follow-up publication land
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      message = d.message, severity = d.severity, source = d.source, code = d.code, text = text_of(d),
    })
  end
  local d = find_target()
  if not d then
    error("no diagnostic on " .. target)
  end
  -- What the buffer shows beside the text: virtual text, as extmarks.
  result.virtual_text = {}
  for _, mark in ipairs(vim.api.nvim_buf_get_extmarks(bufnr, -1, 0, -1, { details = true })) do
    local details = mark[4]
    if details.virt_text then
      local parts = {}
      for _, chunk in ipairs(details.virt_text) do
        table.insert(parts, chunk[1])
      end
      table.insert(result.virtual_text, { lnum = mark[2], text = table.concat(parts) })
    end
  end

  local client = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr, name = "factlint" })[1]
    or vim.lsp.get_active_clients({ bufnr = bufnr, name = "factlint" })[1]
  result.client = { name = client.name, root_dir = client.config.root_dir, cmd = client.config.cmd }
  result.status = factlint.state

  -- Hover on the flagged value, as K would request it.
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col + 1 })
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", params, 30000) or {}
  local hover = {}
  for _, r in pairs(responses) do
    local c = r.result and r.result.contents
    if type(c) == "string" then
      table.insert(hover, c)
    elseif type(c) == "table" and c.value then
      table.insert(hover, c.value)
    elseif type(c) == "table" then
      for _, part in ipairs(c) do
        table.insert(hover, type(part) == "string" and part or part.value)
      end
    end
  end
  result.hover = table.concat(hover, "\n")

  -- And as K shows it: the floating window's text.
  vim.lsp.buf.hover()
  local float
  vim.wait(30000, function()
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(win).relative ~= "" then
        float = win
        return true
      end
    end
    return false
  end, 20)
  if float then
    local fbuf = vim.api.nvim_win_get_buf(float)
    result.hover_float = table.concat(vim.api.nvim_buf_get_lines(fbuf, 0, -1, false), "\n")
    vim.api.nvim_win_close(float, true)
  end
  step("hover")

  -- The quick fix, through the same function a user's keymap calls.
  local before = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  result.line_before = before
  vim.lsp.buf.code_action({
    apply = true,
    filter = function(action) return action.isPreferred == true end,
  })
  vim.wait(30000, function()
    return vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1] ~= before
  end, 20)
  result.line_after = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  result.buffer = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n")
  step("quickfix")

  -- The user commands.
  vim.cmd("FactlintRebuild")
  vim.wait(timeout, function() return factlint.last_rebuild ~= nil end, 20)
  result.rebuild = factlint.last_rebuild
  vim.cmd("FactlintFacts")
  vim.wait(60000, function() return vim.fn.bufexists("factlint://facts") == 1 end, 20)
  local facts_buf = vim.fn.bufnr("factlint://facts")
  if facts_buf > 0 then
    local facts = vim.api.nvim_buf_get_lines(facts_buf, 0, -1, false)
    result.facts_lines = #facts
    result.facts_mention_2500 = table.concat(facts, "\n"):find("2,500", 1, true) ~= nil
    result.facts_clients = #(vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = facts_buf }) or {})
  end
  step("commands")

  -- Live settings: switching a rule off must clear its diagnostic without a restart.
  vim.cmd("buffer " .. bufnr)
  factlint.update_settings({ disable = { "place-mismatch" } })
  local cleared = vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == "place-mismatch" then
        return false
      end
    end
    return true
  end, 20)
  result.codes_after_disable = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.codes_after_disable, d.code .. ": " .. text_of(d))
  end
  result.disable_cleared = cleared
  step("settings")

  -- :FactlintRestart: a new client (a new server process) attaches and diagnoses again.
  local old_id = client.id
  vim.cmd("FactlintRestart")
  local function new_client()
    for _, c in ipairs(vim.lsp.get_clients({ bufnr = bufnr, name = "factlint" })) do
      if c.id ~= old_id then
        return c
      end
    end
  end
  result.restarted = vim.wait(timeout, function()
    local c = new_client()
    return c ~= nil and #vim.diagnostic.get(bufnr) > 0
  end, 20)
  step("restart")

  -- A plain-text draft (filetype "text") is checked too.
  local txt = vim.env.FACTLINT_NVIM_TEXT_DRAFT
  if txt and txt ~= "" then
    vim.cmd("edit " .. vim.fn.fnameescape(txt))
    local tbuf = vim.api.nvim_get_current_buf()
    result.text_filetype = vim.bo[tbuf].filetype
    vim.wait(timeout, function() return #vim.diagnostic.get(tbuf) > 0 end, 20)
    result.text_diagnostics = {}
    for _, d in ipairs(vim.diagnostic.get(tbuf)) do
      local line = vim.api.nvim_buf_get_lines(tbuf, d.lnum, d.lnum + 1, false)[1] or ""
      table.insert(result.text_diagnostics, line:sub(d.col + 1, d.end_col))
    end
    step("plaintext")
  end

  -- A long draft: Neovim pulls diagnostics but cannot be asked to pull again, so each set it
  -- shows should be the whole draft's, never its first part.
  local long = vim.env.FACTLINT_NVIM_LONG_DRAFT
  if long and long ~= "" then
    local caps = vim.lsp.protocol.make_client_capabilities()
    result.refresh_support = (caps.workspace.diagnostics or {}).refreshSupport == true
    result.long_sets = {}
    local lbuf
    vim.api.nvim_create_autocmd("DiagnosticChanged", {
      callback = function(args)
        if args.buf ~= lbuf then
          return
        end
        local texts = {}
        for _, d in ipairs(vim.diagnostic.get(lbuf)) do
          local line = vim.api.nvim_buf_get_lines(lbuf, d.lnum, d.lnum + 1, false)[1] or ""
          table.insert(texts, line:sub(d.col + 1, d.end_col))
        end
        table.insert(result.long_sets, texts)
      end,
    })
    vim.cmd("edit " .. vim.fn.fnameescape(long))
    lbuf = vim.api.nvim_get_current_buf()
    vim.wait(timeout, function() return #vim.diagnostic.get(lbuf) > 0 end, 10)
    vim.wait(300, function() return false end) -- let any follow-up answer land
    step("long draft")
  end
end, debug.traceback)

if not ok then
  result.error = err
  finish(1)
else
  finish(0)
end
