import type { Command } from "commander";
import { resolveDatabaseUrl } from "../db/resolve.js";
import { MigrateError } from "../errors.js";
import type { Output } from "../output.js";
import type { StepTiming } from "../run/rehearsal-proof.js";
import { withProgress } from "./apply.js";

interface RehearseFlags {
  db?: string;
  withData?: number;
  shadow?: string;
}

export function registerRehearseCommand(program: Command, output: () => Output): void {
  program
    .command("rehearse")
    .description("prove a plan on a shadow copy: forward, verify, rollback, fingerprint check, forward again")
    .argument("<dir>", "plan directory; the proof is recorded in its plan.yaml")
    .option(
      "--db <url>",
      "the database to clone (default: MIGRATE_DATABASE_URL, DATABASE_URL, or the embedded server)",
    )
    .option("--with-data <rows>", "also copy up to this many rows of every table", parseRows)
    .option("--shadow <url>", "server for the shadow database (default: the --db server)")
    .action(async (dir: string, flags: RehearseFlags) => {
      const databaseUrl = await resolveDatabaseUrl(flags.db);
      const { rehearsePlan } = await import("../run/rehearse.js");
      const proof = await withProgress(output(), (onEvent) =>
        rehearsePlan(dir, {
          databaseUrl,
          withData: flags.withData ?? null,
          shadowUrl: flags.shadow,
          onEvent,
        }),
      );
      output().result(proof, () =>
        [
          ...timings("forward", proof.forward),
          `verify (thorough): ${proof.verify.ms} ms`,
          ...timings("rollback", proof.rollback),
          "fingerprint after rollback equals the original",
          ...timings("forward again", proof.forwardAgain),
          `rehearsal passed in ${proof.totalMs} ms; recorded in ${dir}/plan.yaml`,
        ].join("\n"),
      );
    });
}

function timings(phase: string, steps: StepTiming[]): string[] {
  return [
    `${phase}:`,
    ...steps.map(
      (s) =>
        `  ${s.id} ${s.summary}: ${s.ms} ms${s.lockRetries ? `, ${s.lockRetries} lock retries (${s.lockWaitMs} ms)` : ""}`,
    ),
  ];
}

function parseRows(value: string): number {
  const rows = Number(value);
  if (!Number.isInteger(rows) || rows <= 0) {
    throw new MigrateError("USAGE", `--with-data ${value} is not a positive number of rows; give e.g. 1000`);
  }
  return rows;
}
