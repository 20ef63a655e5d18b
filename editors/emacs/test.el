;;; test.el --- Headless eglot test of fineprint serve  -*- lexical-binding: t; -*-

;; Run: FINEPRINT=/path/to/fineprint emacs -Q --batch -l editors/emacs/test.el
;; Exit status 0 when flymake shows fineprint's diagnostics (with their codes),
;; hover answers on a finding and shutdown succeeds; 1 on failure.  Skips
;; (status 0, message) when eglot or the binary is missing.

;;; Code:

(require 'cl-lib)

;; -Q skips package initialisation: add Debian's elpa-* packages by hand.
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))

(defvar fineprint-test-dir (file-name-directory (or load-file-name buffer-file-name)))
(defvar fineprint-test-repo (expand-file-name "../.." fineprint-test-dir))

(defun fineprint-test-out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n") #'external-debugging-output))

(defun fineprint-test-skip (why)
  (fineprint-test-out "SKIP emacs eglot test: %s" why)
  (kill-emacs 0))

(defun fineprint-test-fail (fmt &rest args)
  (fineprint-test-out "FAIL %s" (apply #'format fmt args))
  (kill-emacs 1))

(unless (require 'eglot nil t)
  (fineprint-test-skip "eglot is not installed (apt-get install elpa-eglot)"))

(defvar fineprint-test-binary
  (or (getenv "FINEPRINT") (expand-file-name "fineprint" fineprint-test-repo)))
(unless (file-executable-p fineprint-test-binary)
  (fineprint-test-skip (format "no fineprint binary at %s (set FINEPRINT)" fineprint-test-binary)))

(load (expand-file-name "fineprint.el" fineprint-test-dir) nil t)
(setq fineprint-program fineprint-test-binary)
(fineprint-eglot-setup)

;; The profile, as a user would set it in .dir-locals.el.
(setq-default eglot-workspace-configuration
              '((:fineprint . (:use (:commercial t :monthly_active_users 2000000)))))

(defvar fineprint-test-workspace
  (let ((dst (make-temp-file "fineprint-emacs-" t)))
    (copy-directory (expand-file-name "editors/testdata/acme-app" fineprint-test-repo) dst nil t t)
    (file-truename dst)))

(defun fineprint-test-wait (what pred &optional seconds)
  "Process output until PRED holds; fail naming WHAT after SECONDS (a hang guard)."
  (let ((deadline (+ (float-time) (or seconds 20))))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (or (funcall pred) (fineprint-test-fail "timed out waiting for %s" what))))

(defun fineprint-test-codes (diags)
  "The fineprint codes in the texts of flymake DIAGS (\"fineprint [CODE]: msg\")."
  (delq nil (mapcar (lambda (d)
                      (let ((text (flymake-diagnostic-text d)))
                        (when (string-match "\\`fineprint \\[\\([a-z]+/[a-z-]+\\)\\]: " text)
                          (match-string 1 text))))
                    diags)))

(let* ((file (expand-file-name "LICENSE" fineprint-test-workspace))
       (buf (find-file-noselect file)))
  (with-current-buffer buf
    (unless (eq major-mode 'fineprint-license-mode)
      (fineprint-test-fail "LICENSE opened in %s, not fineprint-license-mode" major-mode))
    (eglot-ensure)
    ;; eglot-ensure connects from post-command-hook, which batch mode never runs.
    (run-hooks 'post-command-hook)
    (fineprint-test-wait "the eglot connection" #'eglot-current-server)
    (let ((server (eglot-current-server)))
      (fineprint-test-out "server info: %S" (plist-get (eglot--server-info server) :name))
      ;; flymake defers its first check until the buffer is displayed, which
      ;; never happens in batch mode: start it by hand until eglot reports.
      (fineprint-test-wait "fineprint diagnostics in flymake"
                           (lambda ()
                             (or (fineprint-test-codes (flymake-diagnostics))
                                 (progn (flymake-start) nil))))
      (let* ((diags (flymake-diagnostics))
             (codes (fineprint-test-codes diags)))
        (dolist (d diags)
          (fineprint-test-out "flymake: line %d %s %s"
                              (line-number-at-pos (flymake-diagnostic-beg d))
                              (flymake-diagnostic-type d) (flymake-diagnostic-text d)))
        (unless (member "clause/scale-threshold" codes)
          (fineprint-test-fail "no clause/scale-threshold among %S" codes))
        (let* ((d (cl-find-if (lambda (d) (string-match-p "\\[clause/scale-threshold\\]"
                                                          (flymake-diagnostic-text d)))
                              diags))
               (hover (progn
                        (goto-char (flymake-diagnostic-beg d))
                        (jsonrpc-request server :textDocument/hover
                                         (eglot--TextDocumentPositionParams))))
               (contents (plist-get hover :contents)))
          ;; eglot 1.9 asks for plaintext unless markdown-mode is installed.
          (unless (and (member (plist-get contents :kind) '("markdown" "plaintext"))
                       (> (length (plist-get contents :value)) 40))
            (fineprint-test-fail "hover on clause/scale-threshold: %S" hover))
          (fineprint-test-out "hover: %s" (car (split-string (plist-get contents :value) "\n")))))
      ;; eglot-shutdown sends shutdown (an error reply signals) then exit.
      (condition-case err
          (eglot-shutdown server)
        (error (fineprint-test-fail "shutdown: %S" err)))
      (fineprint-test-out "server process: %s %s"
                          (process-status (jsonrpc--process server))
                          (process-exit-status (jsonrpc--process server))))))

(delete-directory fineprint-test-workspace t)
(fineprint-test-out "EGLOT OK")
(kill-emacs 0)
;;; test.el ends here
