import type { MigrateConfig } from "../config.js";

export type SourceKind = "url" | "sql-file" | "sql-dir" | "git" | "config";

export interface ResolveOptions {
  /** Where relative paths, the git repository and migrate.config.yaml are looked up (default: process.cwd()). */
  cwd?: string;
  /** Server for shadow databases; default: the config's `shadow`, then MIGRATE_DATABASE_URL, DATABASE_URL, embedded. */
  shadowUrl?: string;
  /** The project config; loaded from `cwd` when absent. */
  config?: MigrateConfig;
  /** Name prefix of shadow databases (default `migrate_mcp_shadow_`); tests use their own to find leftovers. */
  shadowPrefix?: string;
}

export interface ResolvedSource {
  /** The spec as given. */
  spec: string;
  kind: SourceKind;
  /** Human label, passwords redacted: "schema.sql", "git:v1.0:db/schema.sql", "postgres://u:***@h/db". */
  label: string;
  /** The live database to introspect. May contain a password: never print it unredacted. */
  url: string;
  /** True when `url` is a throwaway database created for this source. */
  shadow: boolean;
  /** Drops the shadow database (idempotent); a no-op for live databases. */
  release(): Promise<void>;
}

/** One SQL script to load, named the way errors should name it (path relative to cwd, or git:ref:path). */
export interface SqlScript {
  name: string;
  sql: string;
}
