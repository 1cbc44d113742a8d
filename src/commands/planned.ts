import type { Command } from "commander";
import { MigrateError } from "../errors.js";

/**
 * Commands whose engines have not landed yet. They are listed so `--help` shows the whole surface, and
 * each says plainly that it is not available rather than pretending to work.
 */
const PLANNED: readonly [name: string, summary: string][] = [];

export function registerPlannedCommands(program: Command, available: ReadonlySet<string>): void {
  for (const [name, summary] of PLANNED) {
    if (available.has(name)) continue;
    program
      .command(name)
      .description(`${summary} (not available yet)`)
      .allowUnknownOption()
      .allowExcessArguments()
      .action(() => {
        throw new MigrateError(
          "UNSUPPORTED",
          `\`${name}\` is not available in this version yet; see the README roadmap`,
        );
      });
  }
}
