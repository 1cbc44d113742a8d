import type { Command } from "commander";
import type { Output } from "../output.js";
import { collect } from "./analyze.js";

interface GenerateFlags {
  source: string;
  target: string;
  out?: string;
  name?: string;
  allowDestructive: boolean;
  downtimeAllowed: boolean;
  rename: string[];
  shadow?: string;
}

export function registerGenerateCommand(program: Command, output: () => Output): void {
  program
    .command("generate")
    .description("write a reviewed plan directory: forward, rollback and verify SQL, plan.yaml and a runbook")
    .requiredOption(
      "--source <spec>",
      "old schema: URL, .sql file, directory, git:<ref>:<path> or config name",
    )
    .requiredOption("--target <spec>", "new schema, same kinds as --source")
    .option("--out <dir>", "plan directory (default migrations/<timestamp>_<name>)")
    .option("--name <name>", "plan name", "migration")
    .option(
      "--allow-destructive",
      "accept changes that lose data: dropped tables, columns, schemas, sequences, enum values in use or stored composite attributes",
      false,
    )
    .option("--downtime-allowed", "use simple blocking forms instead of online rewrites", false)
    .option(
      "--rename <hint>",
      "rename hint: schema.table.column=new, schema.table=new, schema.table=other_schema.table or schema.enum.label=new (repeatable)",
      collect,
      [],
    )
    .option("--shadow <url>", "server for shadow databases that SQL sources are loaded into")
    .action(async (flags: GenerateFlags) => {
      const { generateMigration } = await import("../migration/generate.js");
      const result = await generateMigration({ ...flags, renames: flags.rename, shadowUrl: flags.shadow });
      const { plan } = result;
      output().result(
        {
          id: plan.id,
          dir: result.dir,
          files: result.files,
          source: plan.source,
          target: plan.target,
          steps: plan.forwardSteps.map((s) => ({ id: s.id, summary: s.summary, destructive: s.destructive })),
        },
        () =>
          [
            `plan ${plan.id}: ${plan.forwardSteps.length} forward step(s), ${plan.rollbackSteps.length} rollback step(s)`,
            ...plan.forwardSteps.map(
              (s) => `  ${s.id} ${s.summary}${s.destructive ? "  (destroys data)" : ""}`,
            ),
            `written to ${result.dir}`,
          ].join("\n"),
      );
    });
}
