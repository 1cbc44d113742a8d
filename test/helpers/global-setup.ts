import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { ensureEmbeddedServer } from "../../src/db/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
  }
}

/** One server for the whole run: TEST_DATABASE_URL when set, otherwise the embedded server. */
export default async function setup(project: TestProject): Promise<void> {
  // CLI tests run dist/cli.js in child processes; build it so they never test stale code.
  const root = join(import.meta.dirname, "..", "..");
  execFileSync(
    process.execPath,
    [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  const url = process.env.TEST_DATABASE_URL ?? (await ensureEmbeddedServer()).url;
  project.provide("serverUrl", url);
}
