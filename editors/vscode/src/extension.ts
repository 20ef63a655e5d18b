// VS Code client of `fineprint serve`. Everything the user sees — diagnostics,
// hovers, quick fixes, code lenses, links — comes from the server; this file
// only finds the executable, starts it over stdio, and forwards settings.
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  DocumentSelector,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";
import {
  RELEASES_URL,
  SECTION,
  bundledServer,
  documentSelector,
  missingServerMessage,
  resolveServer,
  serverExecutable,
  serverSettings,
} from "./config";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
// The command line of the running server, to restart only when it changes.
let running: string | undefined;
// Starts and stops run one after another, never interleaved.
let lifecycle: Promise<void> = Promise.resolve();
let restartTimer: NodeJS.Timeout | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel("fineprint");
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("fineprint.showOutput", () => output.show(true)),
    vscode.commands.registerCommand("fineprint.restartServer", () => restart(context, true)),
    vscode.commands.registerCommand("fineprint.recordLicenses", () =>
      runServerCommand("fineprint.record", []),
    ),
    vscode.commands.registerCommand("fineprint.fetchPolicies", () =>
      runServerCommand("fineprint.recordPolicy", []),
    ),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("fineprint.path") || e.affectsConfiguration("fineprint.logLevel")) {
        // Saving settings.json can briefly show an empty file, hence defaults:
        // wait for the edits to settle, then restart if the command changed.
        clearTimeout(restartTimer);
        restartTimer = setTimeout(() => void restart(context, false), 500);
      } else if (e.affectsConfiguration(SECTION)) {
        notifySettings();
      }
    }),
  );
  await restart(context, true);
}

export async function deactivate(): Promise<void> {
  clearTimeout(restartTimer);
  await client?.stop();
  client = undefined;
}

// The extension's folder, where a platform-specific package has bundled/fineprint.
let extensionPath = "";

/** The server's command line as the settings ask for it now. */
function fromSettings() {
  const config = vscode.workspace.getConfiguration(SECTION);
  const setting = config.get<string>("path");
  const resolved = resolveServer(setting, {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    bundled: bundledServer(extensionPath, process.platform),
    platform: process.platform,
  });
  const run =
    resolved.command === undefined
      ? undefined
      : serverExecutable(resolved.command, config.get<string>("logLevel"));
  const commandLine = run === undefined ? undefined : [run.command, ...run.args].join(" ");
  return { setting, resolved, run, commandLine };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const { setting, resolved, run, commandLine } = fromSettings();
  if (run === undefined) {
    const message = missingServerMessage(setting, resolved);
    output.appendLine(message);
    output.appendLine(`looked for: ${resolved.tried.join(", ")}`);
    void vscode.window.showErrorMessage(message, "Download", "Open settings").then((choice) => {
      if (choice === "Download") {
        void vscode.env.openExternal(vscode.Uri.parse(RELEASES_URL));
      } else if (choice === "Open settings") {
        void vscode.commands.executeCommand("workbench.action.openSettings", "fineprint.path");
      }
    });
    return;
  }

  running = commandLine;
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector() as DocumentSelector,
    outputChannel: output,
    middleware: {
      workspace: {
        // The server pulls the `fineprint` section; drop client-only keys and
        // unset values so .fineprint.yaml and server defaults still apply.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) {
            return result;
          }
          return result.map((value, i) =>
            params.items[i]?.section === SECTION ? serverSettings(value) : value,
          );
        },
      },
    },
  };
  client = new LanguageClient("fineprint", "fineprint", serverOptions, clientOptions);
  output.appendLine(`starting ${run.command} ${run.args.join(" ")}`);
  try {
    await client.start();
  } catch (err) {
    output.appendLine(`fineprint serve failed to start: ${String(err)}`);
    void vscode.window.showErrorMessage(`fineprint serve failed to start: ${String(err)}`);
  }
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

// Sent instead of `synchronize.configurationSection`, which would push the raw
// section (client-only keys, nulls). The server re-pulls the section anyway
// when the client supports workspace/configuration.
function notifySettings(): void {
  if (client === undefined || !client.isRunning()) {
    return;
  }
  const settings = serverSettings(vscode.workspace.getConfiguration().get(SECTION));
  void client.sendNotification(DidChangeConfigurationNotification.type, {
    settings: { [SECTION]: settings },
  });
}

/** (Re)starts the server; unless forced, only when its command line changed. */
function restart(context: vscode.ExtensionContext, force: boolean): Promise<void> {
  lifecycle = lifecycle.then(async () => {
    if (!force && client?.isRunning() && running === fromSettings().commandLine) {
      return;
    }
    const old = client;
    client = undefined;
    running = undefined;
    await old?.stop().catch(() => undefined);
    await start(context);
  });
  return lifecycle;
}

async function runServerCommand(command: string, args: unknown[]): Promise<void> {
  if (client === undefined || !client.isRunning()) {
    void vscode.window.showErrorMessage("fineprint: the server is not running.");
    return;
  }
  const advertised =
    client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  if (!advertised.includes(command)) {
    void vscode.window.showErrorMessage(
      `fineprint: this server version does not offer ${command}.`,
    );
    return;
  }
  try {
    const report = await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
    if (typeof report === "string" && report.trim() !== "") {
      output.appendLine(report);
    }
    void vscode.window.showInformationMessage(`fineprint: ${command} done (details in the fineprint output).`);
  } catch (err) {
    void vscode.window.showErrorMessage(`fineprint: ${command} failed: ${String(err)}`);
  }
}
