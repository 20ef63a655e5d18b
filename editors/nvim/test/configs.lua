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
  local ws = vim.fn.tempname()
  vim.fn.mkdir(ws, 'p')
  local initialized
  local id = vim.lsp.start_client({
    name = 'fineprint', cmd = cmd, root_dir = ws, settings = cfg.settings,
    on_init = function(client) initialized = client.server_capabilities end,
  })
  check(id ~= nil, 'lsp/fineprint.lua: its cmd starts')
  vim.wait(10000, function() return initialized ~= nil end, 50)
  check(initialized ~= nil and initialized.hoverProvider, 'lsp/fineprint.lua: the server initializes with hover')
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
end)
if not ok then
  out('FAIL', tostring(err))
  vim.cmd('cquit 1')
end
vim.cmd('qall!')
