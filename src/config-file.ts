import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { HINT_FORMS, hintParts } from "./diff/renames.js";
import { MigrateError } from "./errors.js";

const configSchema = z
  .object({
    databases: z.record(z.string().min(1), z.string().min(1)).default({}),
    schema: z.string().min(1).optional(),
    renames: z
      .array(z.string().refine((hint) => hintParts(hint) !== undefined, `is malformed; ${HINT_FORMS}`))
      .default([]),
    shadow: z.string().min(1).optional(),
    plansDir: z.string().min(1).optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof configSchema>;

/** migrate.config.yaml's text, parsed and validated; `shown` names the file in errors. */
export function parseConfigFile(text: string, shown: string): ConfigFile {
  const parsed = configSchema.safeParse(parseYaml(text, shown) ?? {});
  if (!parsed.success) throw zodProblem(parsed.error, shown);
  return parsed.data;
}

function parseYaml(text: string, shown: string): unknown {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, lineCounter });
  const problem = document.errors[0];
  if (problem) {
    const where = `:${lineCounter.linePos(problem.pos[0]).line}`;
    const message = problem.message.split("\n")[0];
    throw new MigrateError("CONFIG", `${shown}${where}: invalid YAML (${message}); fix the file's syntax`);
  }
  return document.toJS();
}

function zodProblem(error: z.ZodError, shown: string): MigrateError {
  const issue = error.issues[0]!;
  const path = issue.path.map(String).join(".") || "(top level)";
  const detail =
    issue.code === "unrecognized_keys"
      ? `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}; the keys are databases, schema, renames, shadow, plansDir`
      : issue.message;
  return new MigrateError("CONFIG", `${shown}: ${path}: ${detail}`);
}
