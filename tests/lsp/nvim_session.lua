-- A real editor session: Neovim's built-in LSP client runs `adrlint lsp` on a
-- YAML document, edits it through the buffer (so Neovim computes the
-- incremental changes), applies a code action with its own workspace-edit
-- code and stops the server. What Neovim then holds (vim.diagnostic.get(),
-- the buffer, the hover text, the server's exit code) is written as JSON for
-- test_nvim.py to check. Environment: ADRLINT, NVIM_FIXTURE, NVIM_RESULT.
local adrlint = os.getenv('ADRLINT')
local fixture = os.getenv('NVIM_FIXTURE')
local result_path = os.getenv('NVIM_RESULT')
local results = { steps = {} }

local function write_results()
  local f = assert(io.open(result_path, 'w'))
  f:write(vim.fn.json_encode(results))
  f:close()
end

local function fail(msg)
  results.error = msg
  write_results()
  vim.cmd('cquit 2')
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'adrlint',
    cmd = { adrlint, 'lsp', '--debounce', '50' },
    root_dir = vim.fn.fnamemodify(fixture, ':h'),
    on_exit = function(code) results.server_exit = code end,
  })
  if not client_id then return fail('start_client failed') end
  vim.cmd('edit ' .. vim.fn.fnameescape(fixture))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)

  local function snapshot()
    local r = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      table.insert(r, { code = d.code, lnum = d.lnum, col = d.col, end_col = d.end_col,
                        severity = d.severity, source = d.source, message = d.message })
    end
    return r
  end
  local function has(code)
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == code then return d end
    end
  end
  local function wait_for(pred, what)
    if not vim.wait(20000, pred, 20) then error('timed out waiting for ' .. what) end
  end
  local function step(name)
    table.insert(results.steps, { name = name, diagnostics = snapshot(),
                                  lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false) })
  end

  -- 1. Opening the document: its findings.
  wait_for(function() return has('nlgov:semver') ~= nil end, 'nlgov:semver on open')
  step('open')

  -- 2. Hover on the finding.
  local semver = has('nlgov:semver')
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = semver.lnum, character = semver.col + 1 },
  }, 10000)
  local h = hover and hover[client_id] and hover[client_id].result
  results.hover = h and h.contents and h.contents.value or vim.NIL

  -- 3. The "Ignore" code action, applied by Neovim.
  local line_diags = vim.lsp.diagnostic.get_line_diagnostics(buf, semver.lnum)
  local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = line_diags[1].range,
    context = { diagnostics = line_diags },
  }, 10000)
  local titles, ignore = {}, nil
  for _, a in ipairs(actions[client_id].result or {}) do
    table.insert(titles, a.title)
    if a.title == 'Ignore nlgov:semver here' then ignore = a end
  end
  results.action_titles = titles
  if not ignore then return fail('no ignore action') end
  vim.lsp.util.apply_workspace_edit(ignore.edit, 'utf-16')
  wait_for(function() return has('nlgov:semver') == nil end, 'nlgov:semver to go away')
  step('ignored')

  -- 4. Typing: the server URL's /v1 becomes /v2 (buffer edit).
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i, l in ipairs(lines) do
    local s = l:find('/v1', 1, true)
    if s and l:find('url:', 1, true) then
      vim.api.nvim_buf_set_text(buf, i - 1, s + 1, i - 1, s + 2, { '2' })
      break
    end
  end
  wait_for(function() return has('nlgov:include-major-version-in-uri') ~= nil end,
           'nlgov:include-major-version-in-uri after the edit')
  step('edited')

  -- 5. Stopping: Neovim sends shutdown and exit.
  vim.lsp.stop_client(client_id)
  wait_for(function() return results.server_exit ~= nil end, 'the server to exit')
end)

if not ok then return fail(tostring(err)) end
write_results()
vim.cmd('qall!')
