import { type Stats, statSync } from "node:fs";
import { resolve } from "node:path";
import { MigrateError } from "../errors.js";
import type { ResolveOptions, SourceKind } from "./types.js";

const URL_SPEC = /^postgres(ql)?:\/\//i;

const ACCEPTED =
  "use a postgres:// URL, a .sql file, a directory of .sql files, git:<ref>:<path>, " +
  "or a name from migrate.config.yaml (a databases: entry, or a git ref when schema: is set)";

/**
 * Which kind of source a spec is. Config database names win over paths (write `./name` for a file or
 * directory of the same name); a path on disk wins over a bare git ref. Uses `options.config` when given and
 * reads no config file itself, so without one a bare version is not recognised.
 */
export function classifySpec(spec: string, options: ResolveOptions = {}): SourceKind {
  if (!spec.trim()) throw new MigrateError("SOURCE_INVALID", `the source spec is empty; ${ACCEPTED}`);
  if (URL_SPEC.test(spec)) return "url";
  if (spec.startsWith("git:")) return "git";
  const config = options.config;
  if (config && Object.hasOwn(config.databases, spec)) return "config";
  const path = resolve(options.cwd ?? process.cwd(), spec);
  const stats = statOrNull(path);
  if (stats?.isDirectory()) return "sql-dir";
  if (stats?.isFile()) {
    if (/\.sql$/i.test(spec)) return "sql-file";
    throw new MigrateError("SOURCE_INVALID", `${spec} is not a .sql file; ${ACCEPTED}`);
  }
  if (/\.sql$/i.test(spec)) {
    throw new MigrateError("SOURCE_INVALID", `${spec} does not exist (looked in ${path}); check the path`);
  }
  if (looksLikeGitRef(spec)) {
    if (config?.schema) return "config";
    throw new MigrateError(
      "SOURCE_INVALID",
      `"${spec}" is not a file, directory or configured name; to use it as a git ref, set schema: in migrate.config.yaml or write git:${spec}:<path>`,
    );
  }
  throw new MigrateError("SOURCE_INVALID", `"${spec}" is not a source; ${ACCEPTED}`);
}

export interface GitSpec {
  ref: string;
  path: string;
}

/** Splits `git:<ref>:<path>`. Ref names cannot contain ':', so the first one after the ref ends it. */
export function parseGitSpec(spec: string): GitSpec {
  const rest = spec.slice("git:".length);
  const colon = rest.indexOf(":");
  const ref = colon < 0 ? rest : rest.slice(0, colon);
  const path = colon < 0 ? "" : rest.slice(colon + 1);
  if (!ref || !path || !looksLikeGitRef(ref)) {
    throw new MigrateError(
      "SOURCE_INVALID",
      `"${spec}" is not a git source; write git:<ref>:<path>, e.g. git:v1.0:db/schema.sql`,
    );
  }
  return { ref, path };
}

// A leading '-' would read as an option to git; whitespace and ':' never occur in ref expressions we accept.
function looksLikeGitRef(text: string): boolean {
  return /^[^\s:-][^\s:]*$/.test(text);
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
