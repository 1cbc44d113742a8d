import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The checkout root: the nearest directory above this file whose package.json is migrate-mcp's. */
export function repoRoot(): string {
  for (let dir = import.meta.dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (
      existsSync(file) &&
      (JSON.parse(readFileSync(file, "utf8")) as { name?: string }).name === "migrate-mcp"
    )
      return dir;
  }
  throw new Error("cannot find the migrate-mcp checkout above the benchmark; run it with npm run bench");
}

/** The CLI that `npm run build` writes; the bench script builds it first so it is never stale. */
export function cliPath(): string {
  return join(repoRoot(), "dist", "cli.js");
}

/** @pgkit/migra's bin (a dev dependency), run with this node so no shell or npx start-up is timed. */
export function migraBin(): { path: string; version: string } {
  const require = createRequire(join(repoRoot(), "package.json"));
  const manifest = require.resolve("@pgkit/migra/package.json");
  const { bin, version } = JSON.parse(readFileSync(manifest, "utf8")) as { bin: string; version: string };
  return { path: join(dirname(manifest), bin), version };
}
