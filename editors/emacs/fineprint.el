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
(require 'cl-lib)
(require 'flymake)
(require 'seq)

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

;;;; Model cards, Python and other files eglot does not serve: flymake

;; eglot runs one server per major mode: a Python buffer talks to the user's
;; Python server, and Markdown may have no mode at all (markdown-mode is not
;; installed by default).  For those buffers a flymake backend runs
;; `fineprint check --format json FILE' on the saved file, in its project,
;; and shows the file's findings as eglot would: "fineprint [CODE]: message".

(defconst fineprint-flymake-file-regexp
  (concat "\\(?:\\.\\(?:md\\|markdown\\|py\\|ipynb\\|sh\\|bash\\|ya?ml\\|toml\\)"
          "\\|/\\(?:Dockerfile\\|Containerfile\\|Makefile\\|GNUmakefile\\)[^/]*"
          "\\|/\\(?:adapter_config\\|package\\)\\.json\\)\\'")
  "Files outside `fineprint-license-mode' that fineprint reads.
Model cards (Markdown), Python, notebooks, shell scripts, Dockerfiles,
Makefiles and configs.")

(defconst fineprint-root-markers '(".fineprint.yaml" "fineprint.lock" ".git")
  "Files that mark a project's root folder for fineprint.")

(defun fineprint--root (file)
  "The project folder of FILE.
The nearest folder with one of `fineprint-root-markers', else FILE's folder."
  (let ((dir (file-name-directory file)))
    (or (locate-dominating-file
         dir (lambda (d) (cl-some (lambda (m) (file-exists-p (expand-file-name m d)))
                                  fineprint-root-markers)))
        dir)))

(defvar-local fineprint--flymake-proc nil)
(defvar fineprint-flymake-mode)

(defun fineprint--flymake-type (severity)
  (pcase severity
    ("error" :error)
    ("warning" :warning)
    (_ :note)))

(defun fineprint--region (pos)
  "The buffer position of POS, a JSON position (1-based line and column)."
  (save-excursion
    (save-restriction
      (widen)
      (goto-char (point-min))
      (forward-line (1- (gethash "line" pos)))
      (min (line-end-position) (+ (point) (1- (gethash "column" pos)))))))

(defun fineprint--diagnostics (json file buffer)
  "Flymake diagnostics of BUFFER (visiting FILE) from the output JSON of check."
  (let ((root (gethash "root" json)) out)
    (with-current-buffer buffer
      (seq-doseq (f (gethash "findings" json))
        (when (and root (file-equal-p (expand-file-name (gethash "path" f) root) file))
          (let* ((range (gethash "range" f))
                 (beg (fineprint--region (gethash "start" range)))
                 (end (max (fineprint--region (gethash "end" range)) (1+ beg))))
            (push (flymake-make-diagnostic
                   buffer beg (min end (point-max))
                   (fineprint--flymake-type (gethash "severity" f))
                   (format "fineprint [%s]: %s" (gethash "code" f) (gethash "message" f)))
                  out)))))
    (nreverse out)))

(defun fineprint-flymake (report-fn &rest _args)
  "Flymake backend: `fineprint check --format json' on the buffer's file.
It checks the file as saved (fineprint reads the whole project from disk),
so the findings follow saves."
  (let ((file (buffer-file-name))
        (buffer (current-buffer)))
    (when (process-live-p fineprint--flymake-proc)
      (kill-process fineprint--flymake-proc))
    (if (not file)
        (funcall report-fn nil)
      (let ((default-directory (fineprint--root file))
            (out (generate-new-buffer " *fineprint-flymake*")))
        (setq fineprint--flymake-proc
              (make-process
               :name "fineprint-flymake" :noquery t :connection-type 'pipe
               :buffer out :stderr (get-buffer-create " *fineprint-flymake-stderr*")
               :command (list fineprint-program "check" "--format" "json" "--fail-on" "never" file)
               :sentinel
               (lambda (proc _event)
                 (when (memq (process-status proc) '(exit signal))
                   (unwind-protect
                       (when (and (buffer-live-p buffer)
                                  (eq proc (buffer-local-value 'fineprint--flymake-proc buffer)))
                         (if (/= 0 (process-exit-status proc))
                             (funcall report-fn :panic
                                      :explanation (format "fineprint check exited with %d"
                                                           (process-exit-status proc)))
                           (funcall report-fn
                                    (fineprint--diagnostics
                                     (with-current-buffer out
                                       (json-parse-string (buffer-string) :array-type 'list))
                                     file buffer))))
                     (kill-buffer out))))))))))

(defun fineprint--served-by-fineprint-p ()
  "Non-nil when eglot serves this buffer with fineprint itself."
  (let ((server (and (fboundp 'eglot-current-server) (eglot-current-server))))
    (and server (equal (plist-get (eglot--server-info server) :name) "fineprint"))))

(defun fineprint--flymake-reattach ()
  "Put the backend back after eglot replaced the buffer's backends with its own.
When eglot serves the buffer with fineprint, the backend stays out."
  (when fineprint-flymake-mode
    (if (fineprint--served-by-fineprint-p)
        (remove-hook 'flymake-diagnostic-functions #'fineprint-flymake t)
      (add-hook 'flymake-diagnostic-functions #'fineprint-flymake nil t))))

;;;###autoload
(define-minor-mode fineprint-flymake-mode
  "Check the buffer's file with `fineprint check' through flymake.
For buffers that eglot does not serve with fineprint: model cards, Python
files (next to your Python server), Dockerfiles, notebooks."
  :lighter nil
  (cond
   (fineprint-flymake-mode
    (add-hook 'flymake-diagnostic-functions #'fineprint-flymake nil t)
    (add-hook 'eglot-managed-mode-hook #'fineprint--flymake-reattach nil t)
    (flymake-mode 1))
   (t
    (remove-hook 'flymake-diagnostic-functions #'fineprint-flymake t)
    (remove-hook 'eglot-managed-mode-hook #'fineprint--flymake-reattach t))))

(defun fineprint--maybe-flymake ()
  "Turn on `fineprint-flymake-mode' in the files fineprint reads.
License files are left to eglot (`fineprint-license-mode')."
  (when (and buffer-file-name
             (not (derived-mode-p 'fineprint-license-mode))
             (string-match-p fineprint-flymake-file-regexp buffer-file-name))
    (fineprint-flymake-mode 1)))

;;;###autoload
(defun fineprint-setup ()
  "Check everything fineprint reads, without taking a mode from another server.
License files open in `fineprint-license-mode' and are served by eglot (hover,
code actions); model cards, Python files and the other files of
`fineprint-flymake-file-regexp' get the flymake backend `fineprint-flymake'."
  (fineprint-eglot-setup)
  (add-hook 'fineprint-license-mode-hook #'eglot-ensure)
  (add-hook 'find-file-hook #'fineprint--maybe-flymake))

;;;###autoload
(defun fineprint-record (&optional file)
  "Record the project's licenses in fineprint.lock (`fineprint record').
The project is the one of FILE, by default the current buffer's file."
  (interactive)
  (let* ((file (or file buffer-file-name default-directory))
         (default-directory (fineprint--root (expand-file-name file))))
    (with-temp-buffer
      (unless (zerop (call-process fineprint-program nil t nil "record" "."))
        (error "fineprint record: %s" (string-trim (buffer-string))))
      (message "fineprint record: %s" (string-trim (buffer-string)))))
  (dolist (b (buffer-list))
    (with-current-buffer b
      (when fineprint-flymake-mode (flymake-start)))))

(provide 'fineprint)
;;; fineprint.el ends here
