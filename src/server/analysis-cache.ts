import { createHash } from "node:crypto";
import type { SchemaModel } from "../catalog/model.js";
import type { Analysis, LoadedSchema } from "../migration/analyze.js";

/** How long an analysis is reused: the 7200 s the original /migrate command card asks for. */
export const ANALYSIS_TTL_SECONDS = 7200;

/** Bounds the memory a long-running HTTP server spends on old analyses. */
const DEFAULT_MAX_ENTRIES = 64;

export interface AnalysisCacheOptions {
  ttlSeconds?: number;
  /** Milliseconds since the epoch; injectable so tests can move time past the TTL. */
  now?: () => number;
  maxEntries?: number;
}

/** What the diff of two loaded schemas depends on, besides the schemas' fingerprints. */
export interface AnalysisInputs {
  source: LoadedSchema;
  target: LoadedSchema;
  migrationType: string;
  /** Rename hints change the diff (a rename instead of a drop plus an add). */
  renames: readonly string[];
}

export interface CachedAnalysis {
  analysis: Analysis;
  cached: boolean;
  /** Seconds since the analysis was computed; 0 when it was computed for this call. */
  ageSeconds: number;
}

interface Entry {
  analysis: Analysis;
  at: number;
}

/**
 * Analyses keyed by what the schemas are, never by what they are called: the caller must load (introspect)
 * both schemas to learn their fingerprints, so a database that changed since gets a new key and a fresh
 * diff. What is saved is the diff and its rename handling (a shadow database when renames are hinted).
 */
export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly maxEntries: number;

  constructor(options: AnalysisCacheOptions = {}) {
    this.ttlMs = (options.ttlSeconds ?? ANALYSIS_TTL_SECONDS) * 1000;
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  }

  /** The cached analysis for these inputs if it is younger than the TTL, else `compute()`'s, remembered. */
  async analysis(inputs: AnalysisInputs, compute: () => Promise<Analysis>): Promise<CachedAnalysis> {
    const key = analysisKey(inputs);
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && now - entry.at < this.ttlMs) {
      return {
        // Labels and digests come from this call's load: the same schema may be reached under another name.
        analysis: { ...entry.analysis, source: inputs.source.state, target: inputs.target.state },
        cached: true,
        ageSeconds: Math.floor((now - entry.at) / 1000),
      };
    }
    this.entries.delete(key);
    const analysis = await compute();
    this.remember(key, { analysis, at: now });
    return { analysis, cached: false, ageSeconds: 0 };
  }

  get size(): number {
    return this.entries.size;
  }

  private remember(key: string, entry: Entry): void {
    const now = this.now();
    for (const [old, { at }] of this.entries) {
      if (now - at >= this.ttlMs) this.entries.delete(old);
    }
    // Map iteration follows insertion order, so the first key is the oldest entry.
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.entries.set(key, entry);
  }
}

/**
 * Both fingerprints, the migration type and the rename hints, plus the two model facts the diff reads but
 * the fingerprint leaves out on purpose: column order (CREATE TABLE lists columns in it) and the server's
 * cast list (a type change without a cast goes through text). Names and URLs never enter the key.
 */
export function analysisKey(inputs: AnalysisInputs): string {
  const parts = [
    inputs.source.state.fingerprint,
    inputs.target.state.fingerprint,
    inputs.migrationType,
    inputs.renames,
    layout(inputs.source.model),
    layout(inputs.target.model),
  ];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

function layout(model: SchemaModel): string {
  const hash = createHash("sha256");
  for (const id of Object.keys(model.objects).sort()) {
    const object = model.objects[id];
    if (object?.kind === "table") hash.update(`${id}\0${object.columns.join("\0")}\n`);
  }
  hash.update(`casts\0${(model.casts ?? []).join("\0")}`);
  return hash.digest("hex");
}

/** One cache for the whole process, so every HTTP session and stdio connection shares its analyses. */
export const sharedAnalysisCache = new AnalysisCache();
