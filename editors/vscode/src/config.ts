// Pure helpers of the extension: no `vscode` import, so that `npm test`
// runs them under plain Node without downloading VS Code.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** The settings section the server pulls with workspace/configuration. */
export const SECTION = "fineprint";

/** Settings that configure the client only; the server never sees them. */
const CLIENT_ONLY_KEYS = ["path", "logLevel", "trace"];

/**
 * A DocumentFilter as VS Code and the LSP spell it. Declared here so the
 * pure module does not depend on the `vscode` types.
 */
export interface DocumentFilter {
  scheme?: string;
  language?: string;
  pattern?: string;
}

// Name stems of license-bearing files (analysis.ClassifyPath in analysis/document.go). VS Code globs are
// case-sensitive on Linux, so each stem is listed in the spellings people use.
const PREFIX_STEMS = ["LICENSE", "LICENCE", "COPYING", "NOTICE", "USE_POLICY"];
const INFIX_STEMS = ["LICENSE", "TERMS_OF_USE", "ACCEPTABLE_USE"];
const EXACT_NAMES = [
  "Modelfile",
  "adapter_config.json",
  ".fineprint.yaml",
  "fineprint.lock",
];

/** UPPER, lower and Capitalised forms of a stem ("NOTICE", "notice", "Notice"). */
export function spellings(stem: string): string[] {
  const lower = stem.toLowerCase();
  const capital = lower.charAt(0).toUpperCase() + lower.slice(1);
  return [...new Set([stem, lower, capital])];
}

/** Every document the server reads: license texts, cards, manifests, profile, record. */
export function documentSelector(): DocumentFilter[] {
  const prefix = PREFIX_STEMS.flatMap(spellings).map((s) => `${s}*`);
  const infix = INFIX_STEMS.flatMap(spellings).map((s) => `*${s}*`);
  const names = [...prefix, ...infix, ...EXACT_NAMES];
  const byName: DocumentFilter[] = ["file", "untitled"].map((scheme) => ({
    scheme,
    pattern: `**/{${names.join(",")}}`,
  }));
  // Shell scripts, Dockerfiles, Makefiles, configs (YAML, TOML, JSON),
  // notebooks and JavaScript/TypeScript may name the models a project uses.
  const byLanguage: DocumentFilter[] = ["markdown", "python", "shellscript", "dockerfile", "makefile", "yaml", "toml", "json", "jupyter", "javascript", "typescript", "javascriptreact", "typescriptreact"].flatMap(
    (language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ],
  );
  const policies: DocumentFilter = {
    scheme: "file",
    pattern: "**/.fineprint/policies/**",
  };
  return [...byName, ...byLanguage, policies];
}

/**
 * The `fineprint` section as the server should receive it: client-only keys
 * dropped, and unset values (null, empty lists and maps) removed so that
 * `.fineprint.yaml` and the server's defaults apply to them.
 */
export function serverSettings(raw: unknown): Record<string, unknown> {
  if (!isPlainObject(raw)) {
    return {};
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (CLIENT_ONLY_KEYS.includes(key)) {
      continue;
    }
    const kept = withoutUnset(value);
    if (kept !== undefined) {
      out[key] = kept;
    }
  }
  return out;
}

function withoutUnset(value: unknown): unknown {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? undefined : value;
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const kept = withoutUnset(v);
      if (kept !== undefined) {
        out[k] = kept;
      }
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Where the executable was looked for, for the error message when it is missing. */
export interface Resolution {
  command?: string;
  tried: string[];
}

export interface ResolveEnv {
  PATH?: string;
  HOME?: string;
  isExecutable?: (file: string) => boolean;
  workspaceFolder?: string;
  /**
   * The binary bundled in a platform-specific package
   * (EXTENSION/bundled/fineprint[.exe]); absent from the universal package.
   */
  bundled?: string;
  /** process.platform; "win32" looks for fineprint.exe on PATH. */
  platform?: string;
}

/** The bundled binary's path inside the extension folder. */
export function bundledServer(extensionPath: string, platform: string): string {
  return path.join(extensionPath, "bundled", platform === "win32" ? "fineprint.exe" : "fineprint");
}

/**
 * Finds the server executable: the `fineprint.path` setting when set (with
 * `~` and `${workspaceFolder}` expanded), else the binary bundled with a
 * platform-specific package, else `fineprint` on PATH.
 */
export function resolveServer(setting: string | undefined, env: ResolveEnv): Resolution {
  const isExecutable = env.isExecutable ?? defaultIsExecutable;
  const configured = (setting ?? "").trim();
  if (configured !== "") {
    const expanded = expandPath(configured, env);
    return isExecutable(expanded)
      ? { command: expanded, tried: [expanded] }
      : { tried: [expanded] };
  }
  const tried: string[] = [];
  if (env.bundled !== undefined) {
    tried.push(env.bundled);
    if (isExecutable(env.bundled)) {
      return { command: env.bundled, tried };
    }
  }
  const name = env.platform === "win32" ? "fineprint.exe" : "fineprint";
  const pathSep = env.platform === "win32" ? ";" : path.delimiter;
  for (const dir of (env.PATH ?? "").split(pathSep)) {
    if (dir === "") {
      continue;
    }
    const candidate = path.join(dir, name);
    tried.push(candidate);
    if (isExecutable(candidate)) {
      return { command: candidate, tried };
    }
  }
  return { tried };
}

function expandPath(p: string, env: ResolveEnv): string {
  let out = p;
  if (env.workspaceFolder !== undefined) {
    out = out.split("${workspaceFolder}").join(env.workspaceFolder);
  }
  if (out === "~" || out.startsWith("~/")) {
    out = path.join(env.HOME ?? os.homedir(), out.slice(1));
  }
  return out;
}

function defaultIsExecutable(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) {
      return false;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where release binaries and platform-specific extension packages are published. */
export const RELEASES_URL = "https://github.com/fineprint-dev/fineprint/releases";

/** The message shown when no executable is found. */
export function missingServerMessage(setting: string | undefined, r: Resolution): string {
  if ((setting ?? "").trim() !== "") {
    return `fineprint: the setting fineprint.path points to "${r.tried[0]}", which is not an executable file.`;
  }
  return (
    "fineprint: this package of the extension bundles no fineprint binary for your platform, " +
    "and there is no `fineprint` on PATH. Install the package for your platform " +
    `(fineprint-PLATFORM-VERSION.vsix at ${RELEASES_URL}), or download the fineprint archive for your ` +
    "platform from there and set fineprint.path to the binary in it."
  );
}

/** Arguments of `fineprint serve` for the given log level setting. */
export function serveArgs(logLevel: string | undefined): string[] {
  const levels = ["debug", "info", "warn", "error"];
  const level = levels.includes(logLevel ?? "") ? (logLevel as string) : "info";
  return ["serve", "--log-level", level];
}

/** An Executable of vscode-languageclient, without importing it. */
export interface ServerExecutable {
  command: string;
  args: string[];
  transport?: number;
}

/**
 * How to start the server. `transport` stays unset on purpose: with
 * TransportKind.stdio vscode-languageclient appends `--stdio` to the
 * arguments, which `fineprint serve` does not take; unset still means stdio.
 */
export function serverExecutable(command: string, logLevel: string | undefined): ServerExecutable {
  return { command, args: serveArgs(logLevel) };
}
