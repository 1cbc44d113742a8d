import { catalogDigest } from "../catalog/digest.js";
import { fingerprint } from "../catalog/fingerprint.js";
import { introspect } from "../catalog/introspect.js";
import type { SchemaModel } from "../catalog/model.js";
import { loadConfig } from "../config.js";
import { withClient } from "../db/connect.js";
import type { Change } from "../diff/change.js";
import { diffSchemas } from "../diff/diff.js";
import type { SchemaState } from "../plan/plan.js";
import { withSource } from "../sources/index.js";

export interface SpecOptions {
  source: string;
  target: string;
  cwd?: string;
  /** Server for shadow databases when a spec is SQL (`--shadow`). */
  shadowUrl?: string;
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
        const model = await introspect(client);
        const digest = await catalogDigest(client);
        return { model, state: { label: source.label, fingerprint: fingerprint(model), digest } };
      },
      { readOnly: true, applicationName: "migrate-mcp introspect" },
    ),
  );
}

export async function loadBoth(options: SpecOptions): Promise<[LoadedSchema, LoadedSchema]> {
  return Promise.all([loadSchema(options.source, options), loadSchema(options.target, options)]);
}

/** The typed changes from source to target, grouped counts, and which of them destroy data. */
export async function analyzeMigration(options: SpecOptions): Promise<Analysis> {
  const [source, target] = await loadBoth(options);
  const changes = diffSchemas(source.model, target.model);
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
