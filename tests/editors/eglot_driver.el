;;; eglot_driver.el --- check docs/editors.md's eglot snippet in a real Emacs -*- lexical-binding: t -*-
;; Loads the snippet file given in FACTLINT_EGLOT_SNIPPET, opens FACTLINT_EGLOT_DRAFT,
;; waits for flymake diagnostics from factlint, asks for the hover on FACTLINT_EGLOT_TARGET,
;; applies the preferred quick fix, and writes what it saw as JSON to FACTLINT_EGLOT_OUT.
(require 'eglot)
(require 'flymake)
(require 'json)

(defvar factlint-result nil)
(defun factlint-finish (code)
  (with-temp-file (getenv "FACTLINT_EGLOT_OUT")
    (insert (json-encode factlint-result)))
  (kill-emacs code))

(condition-case err
    (let ((target (getenv "FACTLINT_EGLOT_TARGET"))
          (deadline nil)
          (beg nil)
          (end nil)
          (t0 nil))
      (load (getenv "FACTLINT_EGLOT_SNIPPET") nil t)
      (setq t0 (float-time))
      (find-file (getenv "FACTLINT_EGLOT_DRAFT"))
      (unless (derived-mode-p 'text-mode) (text-mode))
      ;; The snippet's eglot-ensure waits for the command loop, which batch mode lacks:
      ;; start the same connection it would.
      (unless (eglot-current-server) (apply #'eglot (eglot--guess-contact)))
      (setq deadline (+ (float-time) 120))
      (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
        (accept-process-output nil 0.05))
      (push (cons 'first_diagnostics_ms (* 1000 (- (float-time) t0))) factlint-result)
      (push (cons 'server_command (process-command (jsonrpc--process (eglot-current-server))))
            factlint-result)
      (push (cons 'diagnostics
                  (vconcat
                   (mapcar (lambda (d)
                             (list (cons 'text (buffer-substring-no-properties
                                                (flymake-diagnostic-beg d) (flymake-diagnostic-end d)))
                                   (cons 'line (line-number-at-pos (flymake-diagnostic-beg d)))
                                   (cons 'message (flymake-diagnostic-text d))))
                           (flymake-diagnostics))))
            factlint-result)
      (goto-char (point-min))
      (search-forward target)
      (setq beg (match-beginning 0) end (match-end 0))
      (goto-char beg)
      (forward-char 1)
      (let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                    (eglot--TextDocumentPositionParams))))
        (push (cons 'hover (plist-get (plist-get hover :contents) :value)) factlint-result))
      ;; The quick fix, as M-x eglot-code-actions would pick the preferred one.
      (let* ((actions (jsonrpc-request
                       (eglot-current-server) :textDocument/codeAction
                       (list :textDocument (eglot--TextDocumentIdentifier)
                             :range (list :start (eglot--pos-to-lsp-position beg)
                                          :end (eglot--pos-to-lsp-position end))
                             :context (list :diagnostics [])))) 
             (preferred (seq-find (lambda (a) (eq (plist-get a :isPreferred) t)) actions)))
        (push (cons 'actions (vconcat (mapcar (lambda (a) (plist-get a :title)) actions))) factlint-result)
        (when preferred
          (if (fboundp 'eglot-execute)
              (eglot-execute (eglot-current-server) preferred)
            ;; eglot 1.9 applies an action's edit with this internal function.
            (eglot--apply-workspace-edit (plist-get preferred :edit)))))
      (goto-char (point-min))
      (forward-line (1- (string-to-number (getenv "FACTLINT_EGLOT_LINE"))))
      (push (cons 'line_after (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
            factlint-result)
      (factlint-finish 0))
  (error
   (push (cons 'error (format "%S" err)) factlint-result)
   (factlint-finish 1)))
