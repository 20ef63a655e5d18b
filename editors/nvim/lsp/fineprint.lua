-- fineprint language server for Neovim 0.11+ (vim.lsp.config / vim.lsp.enable):
-- put this folder on 'runtimepath' (or copy this file to ~/.config/nvim/lsp/)
-- and call vim.lsp.enable('fineprint').
--
-- Settings are the `fineprint` section: debounceMs, maxFileSize, and the
-- profile (use, rules, ignore) as in .fineprint.yaml.
return {
  cmd = { 'fineprint', 'serve' },
  filetypes = { 'markdown', 'text', 'yaml', 'json', 'python', 'sh', 'bash', 'zsh', 'dockerfile', 'make', 'conf', 'toml', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact' },
  root_markers = { '.fineprint.yaml', 'fineprint.lock', '.git' },
  -- Show fineprint's codes in virtual text and floats (needs this folder on
  -- 'runtimepath' for lua/fineprint; without it the diagnostics still come).
  on_init = function(client)
    local ok, fineprint = pcall(require, 'fineprint')
    if ok then
      fineprint.show_codes(client.id)
    end
  end,
  settings = {
    fineprint = {
      debounceMs = 200,
    },
  },
}
