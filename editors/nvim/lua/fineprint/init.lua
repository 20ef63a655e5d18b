-- fineprint for Neovim 0.7 to 0.10 (on 0.11+ prefer lsp/fineprint.lua with
-- vim.lsp.enable('fineprint')).
--
--   require('fineprint').setup({
--     cmd = { 'fineprint', 'serve' },          -- or an absolute path
--     settings = { fineprint = { use = { commercial = true } } },
--     keymaps = true,                          -- optional: K, <leader>ca, <leader>e, <leader>q
--   })
--
-- Diagnostics show their codes ("message [clause/scale-threshold]") in the
-- virtual text and in vim.diagnostic.open_float().
--
-- fineprint reads files by name rather than by filetype (a LICENSE has no
-- filetype, a Modelfile is not Markdown), so this attaches one client per
-- workspace root to every buffer whose name fineprint reads.
local M = {}

-- format shows a diagnostic with its fineprint code, "message [clause/x]":
-- Neovim shows no codes by default (0.7 to 0.11).
function M.format(d)
  if d.code and d.code ~= '' then
    return string.format('%s [%s]', d.message, d.code)
  end
  return d.message
end

-- show_codes makes the virtual text and the float (vim.diagnostic.open_float)
-- of one client's diagnostics carry their codes: the virtual text through
-- that client's diagnostic namespace, the float through a format that
-- changes only diagnostics whose source is fineprint.
function M.show_codes(client_id)
  local ok, ns = pcall(vim.lsp.diagnostic.get_namespace, client_id, false)
  if not ok or not ns then
    return
  end
  -- Keep what the user chose globally (0.11 turns virtual text off by
  -- default) and add the format to it.
  local global = vim.diagnostic.config() or {}
  local function with_format(opt)
    if opt == false then
      return false
    end
    return vim.tbl_extend('force', type(opt) == 'table' and opt or {}, { format = M.format })
  end
  vim.diagnostic.config({ virtual_text = with_format(global.virtual_text) }, ns)
  -- open_float reads only the global float options (0.7): wrap their format
  -- so that fineprint's diagnostics get their codes and others stay as they were.
  local float = global.float
  if float ~= false and not (type(float) == 'table' and float.fineprint) then
    local theirs = type(float) == 'table' and float.format
    vim.diagnostic.config({
      float = vim.tbl_extend('force', type(float) == 'table' and float or {}, {
        fineprint = true,
        format = function(d)
          if d.source == 'fineprint' then
            return M.format(d)
          end
          return theirs and theirs(d) or d.message
        end,
      }),
    })
  end
end

-- keymaps sets the suggested buffer-local mappings (opt in with
-- setup({ keymaps = true }) or call it from your own on_attach).
function M.keymaps(buf)
  local function map(lhs, rhs, desc)
    vim.keymap.set('n', lhs, rhs, { buffer = buf, silent = true, desc = desc })
  end
  map('K', vim.lsp.buf.hover, 'fineprint: explain the finding or license')
  map('<leader>ca', vim.lsp.buf.code_action, 'fineprint: fixes (record, add notice, ...)')
  map('<leader>e', vim.diagnostic.open_float, 'fineprint: the finding with its code')
  map('<leader>q', vim.diagnostic.setqflist, 'fineprint: all findings in the quickfix list')
end

M.patterns = {
  'LICENSE*', 'LICENCE*', 'COPYING*', 'NOTICE*', '*LICENSE*', '*License*', '*license*',
  '*TERMS_OF_USE*', 'USE_POLICY*', '*ACCEPTABLE_USE*', '*.md', '*.markdown', '*.txt',
  'Modelfile', '*.modelfile', 'adapter_config.json', '*.py', '.fineprint.yaml', 'fineprint.lock',
  '*.sh', '*.bash', '*.zsh', '*.mk', 'Dockerfile*', '*.dockerfile', 'Containerfile*', 'Makefile*', 'GNUmakefile',
  '*.yaml', '*.yml', '*.toml', '*.json', '*.ipynb', '*.js', '*.mjs', '*.cjs', '*.ts', '*.mts', '*.cts', '*.jsx', '*.tsx',
}

M.root_markers = { '.fineprint.yaml', 'fineprint.lock', '.git' }

local defaults = {
  cmd = { 'fineprint', 'serve' },
  settings = { fineprint = {} },
}

local clients = {} -- root folder -> client id

-- root_for walks up from the buffer's folder to the first folder holding a
-- root marker, else uses the buffer's folder.
local function root_for(bufname)
  local dir = vim.fn.fnamemodify(bufname, ':p:h')
  local cur = dir
  while cur and cur ~= '' do
    for _, marker in ipairs(M.root_markers) do
      if vim.fn.filereadable(cur .. '/' .. marker) == 1 or vim.fn.isdirectory(cur .. '/' .. marker) == 1 then
        return cur
      end
    end
    local parent = vim.fn.fnamemodify(cur, ':h')
    if parent == cur then
      break
    end
    cur = parent
  end
  return dir
end

function M.attach(opts, buf)
  local name = vim.api.nvim_buf_get_name(buf)
  if name == '' then
    return
  end
  local root = root_for(name)
  local id = clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client({
      name = 'fineprint',
      cmd = opts.cmd,
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      settings = opts.settings,
      on_init = function(client)
        M.show_codes(client.id)
      end,
      on_exit = function()
        clients[root] = nil
      end,
    })
    if not id then
      vim.notify('fineprint: could not start ' .. table.concat(opts.cmd, ' '), vim.log.levels.ERROR)
      return
    end
    clients[root] = id
  end
  vim.lsp.buf_attach_client(buf, id)
  if opts.keymaps then
    M.keymaps(buf)
  end
end

function M.setup(user)
  local opts = vim.tbl_deep_extend('force', defaults, user or {})
  if vim.fn.executable(opts.cmd[1]) ~= 1 then
    vim.notify('fineprint: ' .. opts.cmd[1] .. ' not found; install it with `go install ./cmd/fineprint` or set cmd', vim.log.levels.WARN)
    return
  end
  local group = vim.api.nvim_create_augroup('fineprint', { clear = true })
  vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
    group = group,
    pattern = M.patterns,
    callback = function(args)
      M.attach(opts, args.buf)
    end,
  })
end

return M
