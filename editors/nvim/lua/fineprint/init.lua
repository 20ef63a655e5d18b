-- fineprint for Neovim 0.7 to 0.10 (on 0.11+ prefer lsp/fineprint.lua with
-- vim.lsp.enable('fineprint')).
--
--   require('fineprint').setup({
--     cmd = { 'fineprint', 'serve' },          -- or an absolute path
--     settings = { fineprint = { use = { commercial = true } } },
--   })
--
-- fineprint reads files by name rather than by filetype (a LICENSE has no
-- filetype, a Modelfile is not Markdown), so this attaches one client per
-- workspace root to every buffer whose name fineprint reads.
local M = {}

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
