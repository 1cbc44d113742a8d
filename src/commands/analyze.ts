import type { Command } from "commander";
import type { Output } from "../output.js";

export function registerAnalyzeCommand(program: Command, output: () => Output): void {
  program
    .command("analyze")
    .description("summarise the schema changes between a source and a target, grouped by object")
    .requiredOption(
      "--source <spec>",
      "old schema: URL, .sql file, directory, git:<ref>:<path> or config name",
    )
    .requiredOption("--target <spec>", "new schema, same kinds as --source")
    .option("--shadow <url>", "server for shadow databases that SQL sources are loaded into")
    .option(
      "--rename <hint>",
      "rename hint: schema.table.column=new, schema.table=new, schema.table=other_schema.table or schema.enum.label=new (repeatable)",
      collect,
      [],
    )
    .action(async (options: { source: string; target: string; shadow?: string; rename: string[] }) => {
      const { analyzeMigration } = await import("../migration/analyze.js");
      const analysis = await analyzeMigration({
        ...options,
        shadowUrl: options.shadow,
        renames: options.rename,
      });
      output().result(analysis, () => {
        const lines = [
          `source ${analysis.source.label}  ${analysis.source.fingerprint}`,
          `target ${analysis.target.label}  ${analysis.target.fingerprint}`,
          "",
        ];
        if (analysis.changes.length === 0) return [...lines, "no changes"].join("\n");
        for (const [kind, count] of Object.entries(analysis.counts).sort()) {
          const parts = (["create", "alter", "drop"] as const)
            .filter((a) => count[a])
            .map((a) => `${count[a]} ${a}`);
          lines.push(`${kind}: ${parts.join(", ")}`);
        }
        lines.push("");
        for (const change of analysis.changes) {
          lines.push(`  ${change.destructive ? "!" : " "} ${change.summary}`);
        }
        lines.push(
          "",
          `${analysis.changes.length} change(s), ${analysis.destructive.length} destroy data (marked !)`,
        );
        return lines.join("\n");
      });
    });
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
