import { loadConfig, unexpandedVariable } from "../config.js";
import { redact } from "../db/redact.js";
import { resolveDatabaseUrl } from "../db/resolve.js";
import { MigrateError } from "../errors.js";
import { classifySpec } from "../sources/index.js";
import { insideProject } from "./project-path.js";

/** The name that always exists: MIGRATE_DATABASE_URL / DATABASE_URL, else the embedded server. */
export const DEFAULT_DATABASE = "default";

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

export interface DatabaseResolverOptions {
  cwd: string;
  allowUrls: boolean;
}

/**
 * Databases are named, not open: a tool's `database` argument is a key of `databases:` in
 * migrate.config.yaml or `default`. A raw URL is accepted only when the server runs with --allow-urls, so an
 * assistant cannot point the server at a database nobody configured.
 */
export async function resolveDatabase(name: string, options: DatabaseResolverOptions): Promise<string> {
  const trimmed = name.trim();
  if (URL_SCHEME.test(trimmed)) {
    if (options.allowUrls) return trimmed;
    throw new MigrateError(
      "DATABASE_REFUSED",
      `raw database URLs are refused ("${redact(trimmed)}"); name a database from migrate.config.yaml databases: ` +
        `(${(await knownDatabaseNames(options.cwd)).join(", ")}), or start the server with --allow-urls`,
    );
  }
  const config = await loadConfig(options.cwd);
  const configured = config.databases[trimmed];
  if (configured !== undefined) {
    const variable = unexpandedVariable(configured);
    if (variable !== undefined) {
      throw new MigrateError(
        "DATABASE_REFUSED",
        `database "${trimmed}" is configured through \${${variable}}, which is not set; set ${variable} in the server's environment`,
      );
    }
    return configured;
  }
  if (trimmed === DEFAULT_DATABASE) return resolveDatabaseUrl();
  throw new MigrateError(
    "DATABASE_REFUSED",
    `unknown database "${redact(trimmed).slice(0, 100)}"; use one of: ${namesOf(config.databases).join(", ")} ` +
      "(add others under databases: in migrate.config.yaml)",
  );
}

/**
 * A schema spec for analyze and generate: a database name (as `resolveDatabase` accepts it), a .sql file or
 * directory inside the project, `git:<ref>:<path>`, or a version when the config has `schema:`. Returns what
 * the sources module should resolve; `default` becomes its URL.
 */
export async function resolveSchemaSpec(spec: string, options: DatabaseResolverOptions): Promise<string> {
  const trimmed = spec.trim();
  const config = await loadConfig(options.cwd);
  // Configured names go through as names, so results are labelled "prod", not with its URL.
  if (Object.hasOwn(config.databases, trimmed)) return trimmed;
  if (trimmed === DEFAULT_DATABASE || URL_SCHEME.test(trimmed)) return resolveDatabase(trimmed, options);
  const kind = classifySpec(trimmed, { cwd: options.cwd, config });
  if (kind === "sql-file" || kind === "sql-dir") insideProject(options.cwd, trimmed);
  return trimmed;
}

/** Every name a tool accepts, `default` first. */
export async function knownDatabaseNames(cwd: string): Promise<string[]> {
  return namesOf((await loadConfig(cwd)).databases);
}

function namesOf(databases: Record<string, string>): string[] {
  const configured = Object.keys(databases)
    .filter((name) => name !== DEFAULT_DATABASE)
    .sort();
  return [DEFAULT_DATABASE, ...configured];
}
