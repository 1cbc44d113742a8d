import { readCatalog } from "../catalog/introspect.js";
import type { SchemaModel } from "../catalog/model.js";
import { loadConfig } from "../config.js";
import { withClient } from "../db/connect.js";
import { resolveDatabaseUrl } from "../db/resolve.js";
import type { Change } from "../diff/change.js";
import { diffSchemas } from "../diff/diff.js";
import { type Rename, resolveRenames } from "../diff/renames.js";
import type { SchemaState } from "../plan/plan.js";
import { withoutRefilledLosses } from "../plan/refill.js";
import { withSource } from "../sources/index.js";
import { renameChanges } from "./renames.js";

export interface SpecOptions {
  source: string;
  target: string;
  cwd?: string;
  /** Server for shadow databases when a spec is SQL (`--shadow`). */
  shadowUrl?: string;
  /** Rename hints (`--rename`), added to the config's `renames:`. */
  renames?: string[];
}

export interface LoadedSchema {
  state: SchemaState;
  model: SchemaModel;
}

export interface Analysis {
  source: SchemaState;
  target: SchemaState;
  changes: Change[];
  counts: Record<string, { create: number; drop: number; alter: number }>;
  destructive: Change[];
}

/** Resolves a spec, reads its catalog (model and digest) read-only, and releases any shadow database. */
export async function loadSchema(
  spec: string,
  options: Omit<SpecOptions, "source" | "target">,
): Promise<LoadedSchema> {
  const config = await loadConfig(options.cwd);
  return withSource(spec, { cwd: options.cwd, shadowUrl: options.shadowUrl, config }, (source) =>
    withClient(
      source.url,
      async (client) => {
        const { model, fingerprint, digest } = await readCatalog(client);
        return { model, state: { label: source.label, fingerprint, digest } };
      },
      { readOnly: true, applicationName: "migrate-mcp introspect" },
    ),
  );
}

/**
 * Both schemas, read side by side. When one fails, the other still finishes, and drops its shadow
 * database, before the error is thrown: the CLI exits on the error, which left that shadow behind.
 */
export async function loadBoth(options: SpecOptions): Promise<[LoadedSchema, LoadedSchema]> {
  const [source, target] = await Promise.allSettled([
    loadSchema(options.source, options),
    loadSchema(options.target, options),
  ]);
  if (source.status === "rejected") throw source.reason;
  if (target.status === "rejected") throw target.reason;
  return [source.value, target.value];
}

export interface PlannedChanges {
  forward: Change[];
  rollback: Change[];
  /** The source as the diff sees it: after the declared renames (the source itself when there are none). */
  renamedSource: SchemaModel;
}

/**
 * Forward and rollback changes between two loaded schemas. Declared renames run first (and are undone
 * last); the diff then starts from the source as it looks after them.
 */
export async function planChanges(
  source: LoadedSchema,
  target: LoadedSchema,
  hints: string[],
  options: { cwd?: string; shadowUrl?: string },
): Promise<PlannedChanges> {
  const start = await diffStart(source, target, hints, options);
  return {
    forward: forwardChanges(start, source.model, target.model),
    rollback: [...diffSchemas(target.model, start.from), ...renameChanges(start.renames, "rollback")],
    renamedSource: start.from,
  };
}

interface DiffStart {
  renames: Rename[];
  from: SchemaModel;
}

function forwardChanges(start: DiffStart, source: SchemaModel, target: SchemaModel): Change[] {
  const changes = [...renameChanges(start.renames, "forward"), ...diffSchemas(start.from, target)];
  // A table created again with every value copied over loses nothing, though it is dropped.
  return withoutRefilledLosses(changes, source, target);
}

/** Where the diff starts: the source, or, with declared renames, the source rebuilt in a shadow after them. */
async function diffStart(
  source: LoadedSchema,
  target: LoadedSchema,
  hints: string[],
  options: { cwd?: string; shadowUrl?: string },
): Promise<DiffStart> {
  const renames = resolveRenames(hints, source.model, target.model);
  if (renames.length === 0) return { renames, from: source.model };
  const config = await loadConfig(options.cwd);
  const server = options.shadowUrl ?? config.shadow ?? (await resolveDatabaseUrl());
  // Only rename hints need the shadow rebuild, and with it the planner and PostgreSQL's parser.
  const { renamedSource } = await import("./renamed-source.js");
  return { renames, from: (await renamedSource(source, renames, server)).model };
}

/** The typed changes from source to target, grouped counts, and which of them destroy data. */
export async function analyzeMigration(options: SpecOptions): Promise<Analysis> {
  const [source, target] = await loadBoth(options);
  return analyzeSchemas(source, target, await renameHints(options), options);
}

/** The rename hints that apply: the caller's, then the config's `renames:`. */
export async function renameHints(options: Pick<SpecOptions, "cwd" | "renames">): Promise<string[]> {
  const config = await loadConfig(options.cwd);
  return [...(options.renames ?? []), ...config.renames];
}

/**
 * The analysis of two schemas already loaded: split from `analyzeMigration` so the MCP server can look up
 * its cache by the loaded fingerprints before doing the diff.
 */
export async function analyzeSchemas(
  source: LoadedSchema,
  target: LoadedSchema,
  hints: string[],
  options: { cwd?: string; shadowUrl?: string },
): Promise<Analysis> {
  // Analysis shows only the forward changes, so the rollback diff is left to generate.
  const changes = forwardChanges(await diffStart(source, target, hints, options), source.model, target.model);
  return {
    source: source.state,
    target: target.state,
    changes,
    counts: countChanges(changes),
    destructive: changes.filter((c) => c.destructive),
  };
}

export function countChanges(changes: Change[]): Analysis["counts"] {
  const counts: Analysis["counts"] = {};
  for (const change of changes) {
    const entry = counts[change.kind] ?? { create: 0, drop: 0, alter: 0 };
    entry[change.action]++;
    counts[change.kind] = entry;
  }
  return counts;
}
