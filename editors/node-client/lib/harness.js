// A minimal LSP client around the fineprint binary: spawns `fineprint serve`,
// answers the requests a real editor answers (configuration, capability
// registration, progress tokens, applyEdit), and records every message so
// tests can assert on what the server sent and in which order.
"use strict";

const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} = require("vscode-languageserver-protocol/node");

const repoRoot = path.resolve(__dirname, "..", "..", "..");

/** The binary under test: $FINEPRINT, else the repository root's ./fineprint. */
function serverPath() {
  return process.env.FINEPRINT || path.join(repoRoot, "fineprint");
}

/** Copies a workspace to a temporary directory, since commands may write into it. */
function copyWorkspace(src) {
  const dst = fs.mkdtempSync(path.join(os.tmpdir(), "fineprint-node-client-"));
  fs.cpSync(src, dst, { recursive: true });
  return fs.realpathSync(dst);
}

function fileUri(p) {
  return pathToFileURL(p).href;
}

class Client {
  constructor(binary, args, settings) {
    this.settings = settings;
    this.events = []; // {dir:"in", kind:"request"|"notification", method, params}
    this.waiters = [];
    this.stderr = "";
    this.proc = spawn(binary, args, { stdio: ["pipe", "pipe", "pipe"] });
    this.exited = new Promise((resolve) => {
      this.proc.on("exit", (code, signal) => resolve({ code, signal }));
    });
    this.proc.stderr.on("data", (d) => {
      this.stderr += d.toString();
    });
    this.conn = createProtocolConnection(
      new StreamMessageReader(this.proc.stdout),
      new StreamMessageWriter(this.proc.stdin),
    );
    this.conn.onRequest((method, params) => this.answer(method, params));
    this.conn.onNotification((method, params) => this.record("notification", method, params));
    // vscode-jsonrpc routes $/progress to per-token handlers, never to the
    // catch-all notification handler.
    this.conn.onUnhandledProgress((params) => this.record("notification", "$/progress", params));
    this.conn.onError(([err]) => this.record("error", "connection", String(err)));
    this.conn.listen();
  }

  answer(method, params) {
    this.record("request", method, params);
    switch (method) {
      case "workspace/configuration":
        return params.items.map((item) => (item.section === "fineprint" ? this.settings : null));
      case "workspace/applyEdit":
        return { applied: true };
      case "window/showDocument":
        return { success: true };
      default:
        // client/registerCapability, window/workDoneProgress/create,
        // workspace/codeLens/refresh, window/showMessageRequest...
        return null;
    }
  }

  record(kind, method, params) {
    this.events.push({ kind, method, params });
    for (const w of [...this.waiters]) {
      w.check();
    }
  }

  /**
   * Resolves with the first recorded event (from index `from`) that satisfies
   * pred. The guard only turns a hang into a readable failure.
   */
  waitFor(label, pred, from = 0, guardMs = 20000) {
    return new Promise((resolve, reject) => {
      const waiter = {
        check: () => {
          const hit = this.events.slice(from).find(pred);
          if (hit !== undefined) {
            clearTimeout(waiter.timer);
            this.waiters = this.waiters.filter((w) => w !== waiter);
            resolve(hit);
          }
        },
      };
      waiter.timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const seen = this.events.map((e) => e.method).join(", ");
        reject(new Error(`no ${label} from the server; saw: [${seen}]\nserver stderr:\n${this.stderr.slice(-2000)}`));
      }, guardMs);
      this.waiters.push(waiter);
      waiter.check();
    });
  }

  /** The publishDiagnostics for uri with the given document version. */
  diagnosticsFor(uri, version, from = 0) {
    return this.waitFor(
      `publishDiagnostics for ${path.basename(uri)} v${version}`,
      (e) =>
        e.method === "textDocument/publishDiagnostics" &&
        e.params.uri === uri &&
        (version === undefined || e.params.version === version),
      from,
    ).then((e) => e.params);
  }

  request(method, params) {
    return this.conn.sendRequest(method, params);
  }

  notify(method, params) {
    return this.conn.sendNotification(method, params);
  }

  dispose() {
    this.conn.dispose();
    if (this.proc.exitCode === null) {
      this.proc.kill();
    }
  }
}

/** What a capable client (VS Code 1.100) announces, reduced to what fineprint uses. */
function clientCapabilities() {
  return {
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      applyEdit: true,
      workspaceEdit: {
        documentChanges: true,
        resourceOperations: ["create", "rename", "delete"],
        failureHandling: "textOnlyTransactional",
      },
      executeCommand: { dynamicRegistration: true },
      workspaceFolders: true,
      codeLens: { refreshSupport: true },
    },
    window: { workDoneProgress: true, showMessage: {}, showDocument: { support: true } },
    textDocument: {
      synchronization: { dynamicRegistration: true, didSave: true },
      publishDiagnostics: {
        relatedInformation: true,
        versionSupport: true,
        codeDescriptionSupport: true,
        dataSupport: true,
        tagSupport: { valueSet: [1, 2] },
      },
      hover: { contentFormat: ["markdown", "plaintext"] },
      codeAction: {
        codeActionLiteralSupport: {
          codeActionKind: { valueSet: ["", "quickfix", "refactor", "source"] },
        },
        isPreferredSupport: true,
        dataSupport: true,
        resolveSupport: { properties: ["edit"] },
      },
      codeLens: {},
      documentLink: { tooltipSupport: true },
    },
    general: { positionEncodings: ["utf-16"] },
  };
}

module.exports = { Client, clientCapabilities, copyWorkspace, fileUri, repoRoot, serverPath };
