;;; test.el --- Headless eglot test of fineprint serve  -*- lexical-binding: t; -*-

;; Run: FINEPRINT=/path/to/fineprint emacs -Q --batch -l editors/emacs/test.el
;; Exit status 0 when, with `fineprint-setup': flymake shows fineprint's
;; diagnostics with their codes in LICENSE (eglot), hover answers on a
;; finding, the "Record" code action writes fineprint.lock, shutdown
;; succeeds, the model card README.md and app.py (no eglot server: the
;; flymake backend) show their findings with codes, Python stays with its
;; own server, and `fineprint-record' writes the lock; 1 on failure.  Skips
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
(fineprint-setup)

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
      ;; Record: the code action offered at the end of LICENSE's first line
      ;; (on the finding's line, not inside its range), run as eglot runs it.
      (goto-char (point-min))
      (end-of-line)
      (let* ((actions (cl-remove-if-not
                       (lambda (a) (string-prefix-p "Record" (plist-get a :title)))
                       (eglot-code-actions (point) nil "quickfix")))
             (lock (expand-file-name "fineprint.lock" fineprint-test-workspace)))
        (unless actions
          (fineprint-test-fail "no Record code action at the end of LICENSE's first line"))
        (fineprint-test-out "code action: %s" (plist-get (car actions) :title))
        (condition-case err
            (eglot--read-execute-code-action (list (car actions)) server "quickfix")
          (error (fineprint-test-fail "Record code action: %S" err)))
        (fineprint-test-wait "fineprint.lock on disk" (lambda () (file-exists-p lock)))
        (with-temp-buffer
          (insert-file-contents lock)
          (unless (string-match-p "LICENSE" (buffer-string))
            (fineprint-test-fail "fineprint.lock does not record LICENSE: %s" (buffer-string))))
        (fineprint-test-out "recorded: fineprint.lock lists LICENSE")
        (delete-file lock))
      ;; eglot-shutdown sends shutdown (an error reply signals) then exit.
      (condition-case err
          (eglot-shutdown server)
        (error (fineprint-test-fail "shutdown: %S" err)))
      (fineprint-test-out "server process: %s %s"
                          (process-status (jsonrpc--process server))
                          (process-exit-status (jsonrpc--process server))))))

(defun fineprint-test-flymake (name code)
  "Open NAME in the workspace; fail unless flymake shows CODE from the backend."
  (with-current-buffer (find-file-noselect (expand-file-name name fineprint-test-workspace))
    (unless fineprint-flymake-mode
      (fineprint-test-fail "%s (%s) has no fineprint-flymake-mode" name major-mode))
    (when (and (fboundp 'eglot-current-server) (eglot-current-server))
      (fineprint-test-fail "%s is served by eglot" name))
    ;; One check (each start would cancel the running `fineprint check').
    (flymake-start)
    (fineprint-test-wait (format "fineprint diagnostics in %s" name)
                         (lambda () (fineprint-test-codes (flymake-diagnostics)))
                         60)
    (dolist (d (flymake-diagnostics))
      (fineprint-test-out "flymake %s: line %d %s %s" name
                          (line-number-at-pos (flymake-diagnostic-beg d))
                          (flymake-diagnostic-type d) (flymake-diagnostic-text d)))
    (unless (member code (fineprint-test-codes (flymake-diagnostics)))
      (fineprint-test-fail "%s: no %s among %S" name code (fineprint-test-codes (flymake-diagnostics))))
    (current-buffer)))

;; The model card (no markdown-mode needed) and a Python file, which stays
;; with the user's Python server: fineprint is not registered for it.
(fineprint-test-flymake "README.md" "card/derivative-naming")
(let ((py (fineprint-test-flymake "app.py" "manifest/model-license")))
  (with-current-buffer py
    (let ((contact (cdr (assoc 'python-mode eglot-server-programs
                               (lambda (modes m) (memq m (if (listp modes) modes (list modes))))))))
      (when (eq contact #'fineprint--contact)
        (fineprint-test-fail "fineprint took python-mode's eglot server")))
    (fineprint-test-out "app.py: %s, eglot's Python server is still %S" major-mode
                        (cdr (assoc 'python-mode eglot-server-programs
                                    (lambda (modes m) (memq m (if (listp modes) modes (list modes)))))))
    ;; When eglot takes the buffer for another server it replaces the
    ;; backends with its own, then runs eglot-managed-mode-hook.
    (setq-local flymake-diagnostic-functions '(eglot-flymake-backend))
    (run-hooks 'eglot-managed-mode-hook)
    (unless (memq #'fineprint-flymake flymake-diagnostic-functions)
      (fineprint-test-fail "app.py: the backend is not back after eglot took the buffer: %S"
                           flymake-diagnostic-functions))
    (fineprint-test-out "app.py: backends after eglot took it: %S" flymake-diagnostic-functions)
    ;; Record from a buffer that eglot does not serve.
    (condition-case err (fineprint-record)
      (error (fineprint-test-fail "fineprint-record: %S" err)))
    (unless (file-exists-p (expand-file-name "fineprint.lock" fineprint-test-workspace))
      (fineprint-test-fail "fineprint-record wrote no fineprint.lock"))
    (fineprint-test-out "fineprint-record: fineprint.lock written")))

(delete-directory fineprint-test-workspace t)
(fineprint-test-out "EGLOT OK")
(kill-emacs 0)
;;; test.el ends here
