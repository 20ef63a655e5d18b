-- An nvim-lspconfig definition for fineprint:
--
--   require('fineprint.lspconfig')          -- registers it
--   require('lspconfig').fineprint.setup({ settings = { fineprint = { use = { commercial = true } } } })
--
-- lspconfig attaches by filetype; fineprint also reads LICENSE, NOTICE and
-- Modelfile, which have none, so add `vim.filetype.add` rules for them (see
-- the README) or use require('fineprint').setup() instead.
local configs = require('lspconfig.configs')
local util = require('lspconfig.util')

if not configs.fineprint then
  configs.fineprint = {
    default_config = {
      cmd = { 'fineprint', 'serve' },
      filetypes = { 'markdown', 'text', 'python', 'sh', 'bash', 'zsh', 'dockerfile', 'make', 'yaml', 'json', 'conf', 'license', 'toml', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact' },
      root_dir = util.root_pattern('.fineprint.yaml', 'fineprint.lock', '.git'),
      single_file_support = true,
      settings = { fineprint = {} },
    },
    docs = {
      description = 'fineprint: reads the fine print of open-weight AI model licenses. https://github.com/fineprint-dev/fineprint',
    },
  }
end

return configs.fineprint
