import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { matchesGlob } from "./glob";
import {
  bundledServer,
  documentSelector,
  missingServerMessage,
  resolveServer,
  serveArgs,
  serverExecutable,
  serverSettings,
} from "../config";

test("serverSettings keeps the profile and drops client-only and unset keys", () => {
  const raw = {
    path: "/opt/fineprint",
    logLevel: "debug",
    trace: { server: "verbose" },
    use: {
      commercial: true,
      monthly_active_users: 2000000,
      annual_revenue_usd: null,
      regions: ["EU", "US"],
      redistributes_models: null,
    },
    rules: { "clause/output-restriction": "off" },
    ignore: null,
    debounceMs: null,
  };
  assert.deepEqual(serverSettings(raw), {
    use: { commercial: true, monthly_active_users: 2000000, regions: ["EU", "US"] },
    rules: { "clause/output-restriction": "off" },
  });
});

test("serverSettings of an untouched configuration is empty", () => {
  const defaults = {
    path: "",
    logLevel: "info",
    trace: { server: "off" },
    use: {
      commercial: null,
      monthly_active_users: null,
      annual_revenue_usd: null,
      regions: null,
      redistributes_models: null,
    },
    rules: {},
    ignore: null,
    debounceMs: null,
  };
  assert.deepEqual(serverSettings(defaults), {});
});

test("serverSettings keeps false and zero", () => {
  assert.deepEqual(serverSettings({ use: { commercial: false }, debounceMs: 0 }), {
    use: { commercial: false },
    debounceMs: 0,
  });
});

test("serverSettings of a non-object is empty", () => {
  for (const v of [null, undefined, 3, "x", []]) {
    assert.deepEqual(serverSettings(v), {});
  }
});

const selected = [
  ["LICENSE", true],
  ["LICENSE.md", true],
  ["license.txt", true],
  ["Licence", true],
  ["COPYING", true],
  ["NOTICE", true],
  ["MODEL_LICENSE", true],
  ["LICENSE-MODEL", true],
  ["Tongyi Qianwen LICENSE AGREEMENT", true],
  ["USE_POLICY.md", true],
  ["LLAMA_ACCEPTABLE_USE_POLICY.txt", true],
  ["falcon_TERMS_OF_USE.md", true],
  ["Modelfile", true],
  ["adapter_config.json", true],
  [".fineprint.yaml", true],
  ["fineprint.lock", true],
  ["main.go", false],
  ["package.json", false],
  ["config.json", false],
] as const;

for (const [name, want] of selected) {
  test(`documentSelector ${want ? "selects" : "skips"} ${name}`, () => {
    const file = path.posix.join("/ws/models/m", name);
    const hit = documentSelector().some(
      (f) => f.scheme === "file" && f.pattern !== undefined && matchesGlob(f.pattern, file),
    );
    assert.equal(hit, want);
  });
}

test("documentSelector selects every language whose files may name models", () => {
  const languages = documentSelector()
    .filter((f) => f.scheme === "file" && f.language !== undefined)
    .map((f) => f.language);
  assert.deepEqual(languages, ["markdown", "python", "shellscript", "dockerfile", "makefile", "yaml", "toml", "json", "jupyter", "javascript", "typescript", "javascriptreact", "typescriptreact"]);
});

test("resolveServer prefers the setting and expands ~ and ${workspaceFolder}", () => {
  const ok = () => true;
  assert.deepEqual(resolveServer("~/go/bin/fineprint", { HOME: "/home/u", isExecutable: ok }), {
    command: "/home/u/go/bin/fineprint",
    tried: ["/home/u/go/bin/fineprint"],
  });
  assert.equal(
    resolveServer("${workspaceFolder}/bin/fineprint", { workspaceFolder: "/ws", isExecutable: ok })
      .command,
    "/ws/bin/fineprint",
  );
});

test("resolveServer searches PATH in order", () => {
  const r = resolveServer("", {
    PATH: ["/a", "", "/b", "/c"].join(path.delimiter),
    isExecutable: (f) => f === "/b/fineprint" || f === "/c/fineprint",
  });
  assert.deepEqual(r, { command: "/b/fineprint", tried: ["/a/fineprint", "/b/fineprint"] });
});

test("resolveServer reports where it looked when nothing is found", () => {
  const r = resolveServer(undefined, { PATH: "/a:/b", isExecutable: () => false });
  assert.equal(r.command, undefined);
  assert.deepEqual(r.tried, ["/a/fineprint", "/b/fineprint"]);
  assert.equal(
    missingServerMessage(undefined, r),
    "fineprint: this package of the extension bundles no fineprint binary for your platform, " +
      "and there is no `fineprint` on PATH. Install the package for your platform " +
      "(fineprint-PLATFORM-VERSION.vsix at https://github.com/fineprint-dev/fineprint/releases), or download " +
      "the fineprint archive for your platform from there and set fineprint.path to the binary in it.",
  );
});

test("resolveServer: the setting, then the bundled binary, then PATH", () => {
  const bundled = bundledServer("/ext", "linux");
  assert.equal(bundled, path.join("/ext", "bundled", "fineprint"));
  const all = (f: string) => f === bundled || f === "/usr/bin/fineprint" || f === "/opt/fineprint";
  // fineprint.path overrides the bundled binary.
  assert.deepEqual(resolveServer("/opt/fineprint", { bundled, PATH: "/usr/bin", isExecutable: all }), {
    command: "/opt/fineprint",
    tried: ["/opt/fineprint"],
  });
  // The bundled binary comes before PATH.
  assert.deepEqual(resolveServer("", { bundled, PATH: "/usr/bin", isExecutable: all }), {
    command: bundled,
    tried: [bundled],
  });
  // The universal package has no bundled binary: PATH.
  assert.deepEqual(
    resolveServer("", { bundled, PATH: "/usr/bin", isExecutable: (f) => f === "/usr/bin/fineprint" }),
    { command: "/usr/bin/fineprint", tried: [bundled, "/usr/bin/fineprint"] },
  );
});

test("resolveServer on Windows: bundled fineprint.exe, then fineprint.exe on PATH", () => {
  const bundled = bundledServer("C:\\ext", "win32");
  assert.match(bundled, /bundled.fineprint\.exe$/);
  const r = resolveServer("", {
    bundled,
    platform: "win32",
    PATH: "C:\\a;C:\\b",
    isExecutable: (f) => f === path.join("C:\\b", "fineprint.exe"),
  });
  assert.deepEqual(r, {
    command: path.join("C:\\b", "fineprint.exe"),
    tried: [bundled, path.join("C:\\a", "fineprint.exe"), path.join("C:\\b", "fineprint.exe")],
  });
});

test("a bad fineprint.path is named in the message", () => {
  const r = resolveServer("/nope/fineprint", { isExecutable: () => false });
  assert.equal(
    missingServerMessage("/nope/fineprint", r),
    'fineprint: the setting fineprint.path points to "/nope/fineprint", which is not an executable file.',
  );
});

test("serveArgs passes a valid log level and defaults to info", () => {
  assert.deepEqual(serveArgs("debug"), ["serve", "--log-level", "debug"]);
  assert.deepEqual(serveArgs(undefined), ["serve", "--log-level", "info"]);
  assert.deepEqual(serveArgs("loud"), ["serve", "--log-level", "info"]);
});

test("serverExecutable runs `serve` over stdio without a --stdio flag", () => {
  const exe = serverExecutable("/usr/bin/fineprint", "warn");
  assert.deepEqual(exe, { command: "/usr/bin/fineprint", args: ["serve", "--log-level", "warn"] });
  assert.equal(exe.transport, undefined);
});
