import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import matter from "gray-matter";
import { z } from "zod";
import { MigrateError } from "../errors.js";
import { CLAUDE_TOOL_PREFIX, TOOL_NAMES, type ToolName } from "./tool-names.js";

/** The package root: `commands/`, `prompts/` and `agents/` sit beside `src/` and `dist/`. */
export const PACKAGE_ROOT = join(import.meta.dirname, "..", "..");

/** The migration phases, in the order they run; each has `prompts/<phase>.md`. */
export const PHASES = ["analyze", "generate", "rehearse", "apply", "verify", "rollback"] as const;
export type Phase = (typeof PHASES)[number];

const argumentSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be snake_case"),
    description: z.string().min(1),
    required: z.boolean().default(false),
    default: z.string().optional(),
  })
  .strict();

const promptSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be snake_case"),
    description: z.string().min(1),
    /** The sub-agent (agents/<agent>.md) that runs this phase. */
    agent: z.string().min(1),
    arguments: z.array(argumentSchema).default([]),
  })
  .strict();

// Claude Code writes a tool list as one comma-separated string; a YAML list is accepted too.
const toolListSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(",")).map((tool) => tool.trim()))
  .pipe(
    z.array(
      z
        .string()
        .transform((tool) => tool.replace(CLAUDE_TOOL_PREFIX, ""))
        .pipe(z.enum(TOOL_NAMES, { error: `must be one of this server's tools: ${TOOL_NAMES.join(", ")}` })),
    ),
  );

const agentSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be kebab-case"),
    description: z.string().min(1),
    tools: toolListSchema,
    model: z.string().optional(),
  })
  .strict();

const commandSchema = z
  .object({
    description: z.string().min(1),
    "argument-hint": z.string().min(1),
    "allowed-tools": z.string().min(1),
  })
  .strict();

export type PromptArgument = z.output<typeof argumentSchema>;

export interface PhasePrompt extends z.output<typeof promptSchema> {
  phase: Phase;
  /** The Markdown after the frontmatter; `{{argument}}` marks where an argument's value goes. */
  body: string;
}

export interface AgentAsset {
  name: string;
  description: string;
  tools: ToolName[];
  /** The whole file, frontmatter included, as the installer copies it. */
  text: string;
}

export interface CommandAsset extends z.output<typeof commandSchema> {
  /** The command's Markdown; `$ARGUMENTS` marks where the user's arguments go. */
  body: string;
}

export interface Assets {
  command: CommandAsset;
  prompts: PhasePrompt[];
  agents: AgentAsset[];
}

/**
 * Reads and validates the Markdown assets. A broken file is a CONFIG error naming the file and the
 * frontmatter key, so a bad edit fails at start-up instead of handing an assistant half a workflow.
 */
export function loadAssets(root: string = PACKAGE_ROOT): Assets {
  const agents = markdownFiles(join(root, "agents")).map((file) => {
    const { data, text } = readFrontmatter(root, file, agentSchema);
    return { name: data.name, description: data.description, tools: data.tools, text };
  });
  const prompts = PHASES.map((phase) => {
    const file = join(root, "prompts", `${phase}.md`);
    const { data, body } = readFrontmatter(root, file, promptSchema);
    if (!agents.some((agent) => agent.name === data.agent)) {
      throw invalid(root, file, `agent: no agents/${data.agent}.md; name one of the agents`);
    }
    return { ...data, phase, body };
  });
  const commandFile = join(root, "commands", "migrate.md");
  const command = readFrontmatter(root, commandFile, commandSchema);
  return { command: { ...command.data, body: command.body }, prompts, agents };
}

function markdownFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => join(directory, name));
}

function readFrontmatter<Schema extends z.ZodType>(
  root: string,
  file: string,
  schema: Schema,
): { data: z.output<Schema>; body: string; text: string } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw invalid(root, file, "cannot be read; restore it from the package");
  }
  const parsed = matter(text);
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = issue.path.map(String).join(".") || "frontmatter";
    throw invalid(root, file, `${key}: ${issue.message}`);
  }
  return { data: result.data, body: parsed.content.trim(), text };
}

function invalid(root: string, file: string, problem: string): MigrateError {
  return new MigrateError("CONFIG", `${relative(root, file)}: ${problem}`);
}
