;;; fineprint.el --- Use the fineprint language server with eglot  -*- lexical-binding: t; -*-

;; URL: https://github.com/fineprint-dev/fineprint
;; Package-Requires: ((emacs "27.1") (eglot "1.9"))

;;; Commentary:

;; fineprint reads the licenses, model cards and manifests of projects that
;; build on open-weight AI models and reports restrictive clauses, missing
;; notices and lineage conflicts as flymake diagnostics.
;;
;; eglot runs one server per major mode, so license files get a major mode of
;; their own, `fineprint-license-mode' (a `text-mode'), and fineprint does not
;; take text-mode or python-mode away from another server.  Usage:
;;
;;   (require 'fineprint)
;;   (fineprint-eglot-setup)                  ; license files
;;   (add-hook 'fineprint-license-mode-hook #'eglot-ensure)
;;
;; Model cards are Markdown: (fineprint-eglot-setup '(markdown-mode gfm-mode))
;; also registers fineprint for them.  The profile (docs/configuration.md) can be
;; set per project in .dir-locals.el through `eglot-workspace-configuration'.

;;; Code:

(require 'eglot)

(defgroup fineprint nil
  "AI model license checks with the fineprint language server."
  :group 'tools)

(defcustom fineprint-program "fineprint"
  "The fineprint executable: a name looked up in `exec-path', or a path."
  :type 'string)

(defcustom fineprint-server-args '("serve")
  "Arguments that start the language server."
  :type '(repeat string))

(defconst fineprint-license-file-regexp
  (concat "/\\(?:"
          "\\(?:LICEN[CS]E\\|COPYING\\|NOTICE\\|USE_POLICY\\)[^/]*"
          "\\|[^/]*\\(?:LICENSE\\|TERMS_OF_USE\\|ACCEPTABLE_USE\\)[^/]*"
          "\\|Modelfile\\|\\.fineprint\\.yaml\\|fineprint\\.lock"
          "\\)\\'")
  "File names that fineprint reads as license texts, manifests or its own files.
Lower-case spellings (license.txt) match too, through `auto-mode-case-fold'.")

;;;###autoload
(define-derived-mode fineprint-license-mode text-mode "License"
  "Major mode for license texts, notices and model manifests checked by fineprint.")

(defun fineprint--contact (&optional _interactive)
  "The command line of the server, for `eglot-server-programs'."
  (cons fineprint-program fineprint-server-args))

;;;###autoload
(defun fineprint-eglot-setup (&optional extra-modes)
  "Register fineprint with eglot for license files and EXTRA-MODES.
License files open in `fineprint-license-mode'.  EXTRA-MODES is a list of
major modes (e.g. `markdown-mode') that fineprint should also serve."
  (add-to-list 'auto-mode-alist (cons fineprint-license-file-regexp 'fineprint-license-mode))
  (add-to-list 'eglot-server-programs
               (cons (cons 'fineprint-license-mode extra-modes) #'fineprint--contact)))

(provide 'fineprint)
;;; fineprint.el ends here
