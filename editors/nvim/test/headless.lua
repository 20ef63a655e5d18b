-- Headless Neovim (0.7+) check of `fineprint serve`, driven by
-- cmd/fineprint's TestNeovim:
--
--   nvim --headless -u NONE -i NONE -n -c 'luafile editors/nvim/test/headless.lua'
--
-- Environment: FINEPRINT_BIN (the binary), FINEPRINT_WS (workspace folder),
-- FINEPRINT_FILE (file to open, relative to it), FINEPRINT_ACTION_CODE (the
-- finding whose first fix to apply, as an edit or, for a fix that runs a
-- command, through workspace/executeCommand). It prints what it sees, one fact a
-- line, and exits 0, or 1 on the first failure.
local function out(...)
  io.stdout:write(table.concat({ ... }, ' '), '\n')
end

local function fail(msg)
  out('FAIL', msg)
  vim.cmd('cquit 1')
end

local ok, err = pcall(function()
  local bin, ws, file = os.getenv('FINEPRINT_BIN'), os.getenv('FINEPRINT_WS'), os.getenv('FINEPRINT_FILE')
  local want_code = os.getenv('FINEPRINT_ACTION_CODE')
  local client_id = vim.lsp.start_client({
    name = 'fineprint',
    cmd = { bin, 'serve' },
    root_dir = ws,
    settings = { fineprint = { debounceMs = 0 } },
    on_init = function(client)
      out('INIT', client.server_capabilities.hoverProvider and 'hover' or 'no-hover')
    end,
  })
  if not client_id then
    return fail('the server did not start')
  end
  vim.cmd('edit ' .. vim.fn.fnameescape(ws .. '/' .. file))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)

  local target
  vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == want_code then
        target = d
        return true
      end
    end
    return false
  end, 20)
  local diags = vim.diagnostic.get(buf)
  table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.code < b.code) end)
  for _, d in ipairs(diags) do
    out('DIAG', string.format('%d:%d', d.lnum + 1, d.col + 1), d.source, d.code)
  end
  if not target then
    return fail('no ' .. tostring(want_code) .. ' diagnostic')
  end

  local client = vim.lsp.get_client_by_id(client_id)
  local pos = { line = target.lnum, character = target.col }
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
    { textDocument = vim.lsp.util.make_text_document_params(buf), position = pos }, 10000)
  local contents = hover and hover[client_id] and hover[client_id].result and hover[client_id].result.contents
  if not contents then
    return fail('no hover')
  end
  out('HOVER', contents.kind, (contents.value:gsub('\n.*', '')))

  -- Neovim 0.7 keeps no copy of the LSP diagnostic: rebuild the fields
  -- the server matches on.
  local lsp_diag = (target.user_data and target.user_data.lsp) or {
    range = { start = pos, ['end'] = { line = target.end_lnum, character = target.end_col } },
    code = target.code, source = target.source, message = target.message,
  }
  local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    range = { start = pos, ['end'] = pos },
    context = { diagnostics = { lsp_diag } },
  }, 10000)
  local list = actions and actions[client_id] and actions[client_id].result or {}
  if #list == 0 then
    return fail('no code action')
  end
  local action = list[1]
  out('ACTION', action.kind, action.title)
  if action.edit then
    vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
  end
  if action.command then
    -- As vim.lsp.buf.code_action runs it: the server executes the command.
    local cmd = action.command
    local res = client.request_sync('workspace/executeCommand', { command = cmd.command, arguments = cmd.arguments }, 10000)
    if not res or res.err then
      return fail('workspace/executeCommand ' .. cmd.command .. ': ' .. vim.inspect(res and res.err))
    end
    out('COMMAND', cmd.command)
    local lock = ws .. '/fineprint.lock'
    if vim.fn.filereadable(lock) == 1 then
      out('WROTE', 'fineprint.lock', (table.concat(vim.fn.readfile(lock), '\n'):gsub('\n', '\\n')))
    end
  end
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    local name = vim.api.nvim_buf_get_name(b)
    if vim.api.nvim_buf_is_loaded(b) and vim.bo[b].modified then
      local text = table.concat(vim.api.nvim_buf_get_lines(b, 0, -1, false), '\n')
      out('EDITED', vim.fn.fnamemodify(name, ':t'), (text:gsub('\n', '\\n')))
    end
  end

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
  out('OK')
end)
if not ok then
  fail(tostring(err))
else
  vim.cmd('qall!')
end
