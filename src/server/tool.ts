import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type { CallToolResult, ServerNotification, ServerRequest } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { redact } from "../db/redact.js";
import { errorText, isMigrateError } from "../errors.js";
import type { ServerContext } from "./context.js";

/** Every hint stated, so no client falls back to the spec's pessimistic defaults by accident. */
export interface ToolHints {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

export type ToolExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** What a tool's `run` returns: the structured result and a one-line summary for the text content. */
export interface ToolOutcome<Output> {
  data: Output;
  summary: string;
}

export interface ToolSpec<Input extends z.ZodRawShape, Output extends z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  input: Input;
  output: Output;
  annotations: ToolHints;
  run(
    args: z.output<z.ZodObject<Input>>,
    context: ServerContext,
    extra: ToolExtra,
  ): Promise<ToolOutcome<z.output<z.ZodObject<Output>>>>;
}

/** A tool with its types erased, so tools of different shapes sit in one list. */
export interface ToolDefinition {
  name: string;
  title: string;
  description: string;
  input: z.ZodRawShape;
  output: z.ZodRawShape;
  annotations: ToolHints;
  register(server: McpServer, context: ServerContext): void;
}

/**
 * Wraps a tool so every one behaves alike: zod input and output schemas, structuredContent plus a text
 * content, and failures returned as tool errors (`isError`) with one redacted line instead of a stack trace.
 */
export function defineTool<Input extends z.ZodRawShape, Output extends z.ZodRawShape>(
  spec: ToolSpec<Input, Output>,
): ToolDefinition {
  const inputSchema = z.object(spec.input);
  const outputSchema = z.object(spec.output);
  return {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    input: spec.input,
    output: spec.output,
    annotations: spec.annotations,
    register(server, context) {
      server.registerTool<typeof outputSchema, typeof inputSchema>(
        spec.name,
        {
          title: spec.title,
          description: spec.description,
          inputSchema,
          outputSchema,
          annotations: { title: spec.title, ...spec.annotations },
        },
        async (args: z.output<typeof inputSchema>, extra: ToolExtra): Promise<CallToolResult> => {
          try {
            const outcome = await spec.run(args, context, extra);
            return toolResult(outcome.data, outcome.summary);
          } catch (error) {
            return toolError(error);
          }
        },
      );
    },
  };
}

/**
 * The structured result, and as text a summary line followed by the same data as JSON: the MCP spec asks
 * tools with an output schema to serialise it into a text block too, for clients that ignore structuredContent.
 */
export function toolResult(data: Record<string, unknown>, summary: string): CallToolResult {
  const structured = redactDeep(data) as Record<string, unknown>;
  return {
    content: [{ type: "text", text: `${redact(summary)}\n\n${JSON.stringify(structured)}` }],
    structuredContent: structured,
  };
}

/** One line naming the problem and the fix, the error code in `_meta` for programs. */
export function toolError(error: unknown): CallToolResult {
  const message = redact(errorText(error).split("\n")[0] ?? "");
  const code = isMigrateError(error) ? error.code : "INTERNAL";
  return {
    content: [{ type: "text", text: `${code}: ${message}` }],
    isError: true,
    _meta: { "migrate-mcp/code": code },
  };
}

/** Redacts every string inside a JSON-shaped value; redacting serialised JSON could break its quoting. */
export function redactDeep(value: unknown): unknown {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map(redactDeep);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, redactDeep(child)]));
  }
  return value;
}
