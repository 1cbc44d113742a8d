// `npm run conformance`: the server scenarios of @modelcontextprotocol/conformance against
// `migrate-mcp serve --http 0`, with the scenarios that need the suite's fixture tools, prompts and
// resources listed in baseline.yml. Not part of `npm test`: it downloads the suite from npm.
// Extra arguments go to the suite, e.g. `npm run conformance -- --scenario server-initialize --verbose`.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// Pinned: the baseline names this version's scenarios, and a new version may add or rename some.
const SUITE = "@modelcontextprotocol/conformance@0.1.16";
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const baseline = join(here, "baseline.yml");

/** Starts the built CLI's HTTP server on a free port and resolves with its MCP endpoint URL. */
function startServer(cwd) {
  const child = spawn(process.execPath, [join(root, "dist", "cli.js"), "--json", "serve", "--http", "0"], {
    cwd,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolveUrl, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      try {
        resolveUrl({ child, url: JSON.parse(out).url });
      } catch {
        // Not a whole JSON document yet.
      }
    });
    child.once("exit", (code) => reject(new Error(`migrate-mcp serve exited (${code}) before listening`)));
  });
}

/**
 * The suite imports fs.globSync, which Node added in 22; on an older Node, npx also fetches Node 22 from
 * npm (the `node` package) and the suite's `#!/usr/bin/env node` finds it first on PATH.
 */
function suiteCommand(args) {
  const major = Number(process.versions.node.split(".")[0]);
  return major >= 22
    ? ["npx", ["-y", SUITE, ...args]]
    : ["npx", ["-y", "-p", "node@22", "-p", SUITE, "conformance", ...args]];
}

// An empty project: no migrate.config.yaml and no plans, so nothing outside the suite's requests is read.
const project = mkdtempSync(join(tmpdir(), "migrate-mcp-conformance-"));
const { child, url } = await startServer(project);
const [command, args] = suiteCommand([
  "server",
  "--url",
  url,
  "--expected-failures",
  baseline,
  ...process.argv.slice(2),
]);
const suite = spawn(command, args, { cwd: project, stdio: "inherit" });
const code = await new Promise((done) => suite.once("exit", (exit) => done(exit ?? 1)));
child.kill("SIGTERM");
rmSync(project, { recursive: true, force: true });
process.exit(code);
