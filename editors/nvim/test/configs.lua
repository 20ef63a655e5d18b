-- Headless Neovim check of the two ready-made configurations, run by
-- .ci/editors.sh:
--
--   nvim --headless -u NONE -i NONE -n -c 'luafile editors/nvim/test/configs.lua'
--
-- 1. lsp/fineprint.lua (Neovim 0.11 vim.lsp.config): its table has the
--    command, root markers and filetypes the README promises, and the
--    command starts a server that answers `initialize` (FINEPRINT_BIN
--    replaces the bare name "fineprint").
-- 2. lua/fineprint/lspconfig.lua (nvim-lspconfig): registered against a
--    stand-in of lspconfig's `configs` and `util` modules, since
--    nvim-lspconfig itself is not packaged for Debian; checks the definition
--    and that its root_dir finds the folder with .fineprint.yaml.
-- 3. lua/fineprint/init.lua (Neovim 0.7 to 0.10, require('fineprint').setup)
--    on a copy of editors/testdata/acme-app: LICENSE gets fineprint's
--    diagnostics, and what Neovim displays of them (the virtual text and
--    vim.diagnostic.open_float) carries their codes; the "Record" code
--    action, asked for at the end of the title line, runs the command
--    fineprint.record and the files appear on disk.
-- Prints PASS lines; exits 1 on the first failure.
local function out(...) io.stdout:write(table.concat({ ... }, ' '), '\n') end
local function check(cond, msg)
  if not cond then
    out('FAIL', msg)
    vim.cmd('cquit 1')
    error(msg)
  end
  out('PASS', msg)
end

local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
local root = vim.fn.fnamemodify(here, ':h')
local bin = assert(os.getenv('FINEPRINT_BIN'), 'FINEPRINT_BIN is not set')

local ok, err = pcall(function()
  -- 1. lsp/fineprint.lua
  local cfg = dofile(root .. '/lsp/fineprint.lua')
  check(vim.deep_equal(cfg.cmd, { 'fineprint', 'serve' }), 'lsp/fineprint.lua: cmd is fineprint serve')
  check(vim.deep_equal(cfg.root_markers, { '.fineprint.yaml', 'fineprint.lock', '.git' }),
    'lsp/fineprint.lua: root markers .fineprint.yaml, fineprint.lock, .git')
  for _, ft in ipairs({ 'markdown', 'python', 'sh', 'dockerfile', 'make', 'yaml', 'text' }) do
    check(vim.tbl_contains(cfg.filetypes, ft), 'lsp/fineprint.lua: filetype ' .. ft)
  end
  local cmd = vim.deepcopy(cfg.cmd)
  cmd[1] = bin
  -- on_init loads lua/fineprint from the runtimepath, as in the README.
  vim.opt.rtp:append(root)
  local ws = vim.fn.tempname()
  vim.fn.mkdir(ws, 'p')
  local initialized
  local id = vim.lsp.start_client({
    name = 'fineprint', cmd = cmd, root_dir = ws, settings = cfg.settings,
    on_init = function(client, result)
      cfg.on_init(client, result)
      initialized = client.server_capabilities
    end,
  })
  check(id ~= nil, 'lsp/fineprint.lua: its cmd starts')
  vim.wait(10000, function() return initialized ~= nil end, 50)
  check(initialized ~= nil and initialized.hoverProvider, 'lsp/fineprint.lua: the server initializes with hover')
  local vt = vim.diagnostic.config(nil, vim.lsp.diagnostic.get_namespace(id)).virtual_text
  check(type(vt) == 'table' and vt.format ~= nil, "lsp/fineprint.lua: on_init gives the client's virtual text a format with codes")
  vim.lsp.stop_client(id)

  -- 2. lua/fineprint/lspconfig.lua against a stand-in of nvim-lspconfig
  package.path = root .. '/lua/?.lua;' .. root .. '/lua/?/init.lua;' .. package.path
  local configs = {}
  package.preload['lspconfig.configs'] = function() return configs end
  package.preload['lspconfig.util'] = function()
    return {
      root_pattern = function(...)
        local markers = { ... }
        return function(fname)
          local dir = vim.fn.fnamemodify(fname, ':p:h')
          while true do
            for _, m in ipairs(markers) do
              if vim.loop.fs_stat(dir .. '/' .. m) then return dir end
            end
            local parent = vim.fn.fnamemodify(dir, ':h')
            if parent == dir then return nil end
            dir = parent
          end
        end
      end,
    }
  end
  local def = require('fineprint.lspconfig')
  check(configs.fineprint == def, 'lspconfig.lua: registers configs.fineprint')
  local dc = def.default_config
  check(vim.deep_equal(dc.cmd, { 'fineprint', 'serve' }), 'lspconfig.lua: cmd is fineprint serve')
  vim.fn.mkdir(ws .. '/models/a', 'p')
  vim.fn.writefile({ 'use:', '  commercial: true' }, ws .. '/.fineprint.yaml')
  check(dc.root_dir(ws .. '/models/a/LICENSE') == vim.loop.fs_realpath(ws) or dc.root_dir(ws .. '/models/a/LICENSE') == ws,
    'lspconfig.lua: root_dir of models/a/LICENSE is the folder with .fineprint.yaml')
  check(dc.single_file_support == true, 'lspconfig.lua: single-file support')

  -- 3. require('fineprint').setup() on a copy of the example workspace
  local app = vim.fn.tempname()
  vim.fn.system({ 'cp', '-R', root .. '/../testdata/acme-app', app })
  check(vim.v.shell_error == 0, 'setup: copied editors/testdata/acme-app')
  require('fineprint').setup({ cmd = { bin, 'serve' }, settings = { fineprint = { debounceMs = 0 } } })
  vim.cmd('edit ' .. vim.fn.fnameescape(app .. '/LICENSE'))
  local buf = vim.api.nvim_get_current_buf()
  local function diag(code)
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == code then return d end
    end
  end
  vim.wait(20000, function() return diag('clause/scale-threshold') and diag('record/unrecorded') end, 50)
  local threshold = diag('clause/scale-threshold')
  check(threshold ~= nil, 'setup: LICENSE has a clause/scale-threshold diagnostic')
  -- The virtual text, as drawn: the extmarks of the namespace's virtual text.
  local shown = {}
  for _, ns in pairs(vim.diagnostic.get_namespaces()) do
    local vt_ns = ns.user_data and ns.user_data.virt_text_ns
    if vt_ns then
      for _, m in ipairs(vim.api.nvim_buf_get_extmarks(buf, vt_ns, 0, -1, { details = true })) do
        local chunks = {}
        for _, c in ipairs(m[4].virt_text or {}) do chunks[#chunks + 1] = c[1] end
        shown[m[2] + 1] = table.concat(chunks)
      end
    end
  end
  local vt = shown[threshold.lnum + 1] or ''
  out('INFO', 'virtual text of line ' .. (threshold.lnum + 1) .. ': ' .. vt)
  check(vt:find('[clause/scale-threshold]', 1, true) ~= nil, 'setup: the virtual text shows the code clause/scale-threshold')
  vim.api.nvim_win_set_cursor(0, { threshold.lnum + 1, threshold.col })
  local fbuf = vim.diagnostic.open_float(buf, { scope = 'cursor' })
  check(fbuf ~= nil, 'setup: open_float opens a float')
  local float = table.concat(vim.api.nvim_buf_get_lines(fbuf, 0, -1, false), '\n')
  out('INFO', 'float: ' .. float:gsub('\n', ' | '))
  check(float:find(threshold.message .. ' [clause/scale-threshold]', 1, true) ~= nil,
    'setup: the float shows the message with its code')

  -- Record, as vim.lsp.buf.code_action() does it: the code actions at the end
  -- of LICENSE's first line (past the title's range), then the command of
  -- the "Record" one through workspace/executeCommand; the server writes
  -- fineprint.lock and .fineprint/licenses/LICENSE, and :wa has nothing
  -- to fail on (Neovim 0.7 gave E212 for edits creating that folder).
  local line1 = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
  local eol = { line = 0, character = #line1 }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    range = { start = eol, ['end'] = eol },
    context = { diagnostics = {} },
  }, 10000) or {}
  local record
  for id, r in pairs(res) do
    for _, a in ipairs(r.result or {}) do
      if a.title:find('^Record') then record = { client = id, action = a } end
    end
  end
  check(record ~= nil, 'setup: a Record code action at the end of line 1')
  out('INFO', 'code action: ' .. record.action.title)
  check(record.action.edit == nil and record.action.command and record.action.command.command == 'fineprint.record',
    'setup: the Record action runs the command fineprint.record, with no edit')
  local client = vim.lsp.get_client_by_id(record.client)
  local done = client.request_sync('workspace/executeCommand', record.action.command, 10000)
  check(done and not done.err, 'setup: workspace/executeCommand fineprint.record succeeds')
  local lock = table.concat(vim.fn.readfile(app .. '/fineprint.lock'), '\n')
  check(lock:find('"path": "LICENSE"', 1, true) ~= nil, 'setup: fineprint.lock on disk records LICENSE')
  check(vim.fn.filereadable(app .. '/.fineprint/licenses/LICENSE') == 1, 'setup: .fineprint/licenses/LICENSE on disk')
  local wa = pcall(vim.cmd, 'wa')
  check(wa, 'setup: :wa succeeds')
end)
if not ok then
  out('FAIL', tostring(err))
  vim.cmd('cquit 1')
end
vim.cmd('qall!')
