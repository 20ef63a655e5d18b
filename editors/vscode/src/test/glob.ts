// VS Code matches DocumentFilter patterns with its own glob engine; minimatch
// agrees with it on the brace, `*` and `**` forms the selector uses. We load
// the copy vscode-languageclient itself depends on. `dot` mirrors VS Code,
// whose `*` matches leading dots.
import * as path from "node:path";

type Minimatch = (file: string, glob: string, options: object) => boolean;

const clientDir = path.dirname(require.resolve("vscode-languageclient/package.json"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mod = require(require.resolve("minimatch", { paths: [clientDir] }));
const minimatch: Minimatch = typeof mod === "function" ? mod : mod.minimatch;

export function matchesGlob(glob: string, file: string): boolean {
  return minimatch(file, glob, { dot: true });
}
