import { relative, resolve } from "node:path";
import { configDir, loadConfig, type MigrateConfig, unexpandedVariable } from "../config.js";
import { parseDatabaseUrl } from "../db/connect.js";
import { redactUrl } from "../db/redact.js";
import { resolveDatabaseUrl } from "../db/resolve.js";
import { errorText, isMigrateError, MigrateError } from "../errors.js";
import { classifySpec, parseGitSpec } from "./classify.js";
import { readSqlDirectory, readSqlFile } from "./files.js";
import { readGitScripts, repositoryPath } from "./git.js";
import { loadScripts, parseScripts } from "./load.js";
import { createShadowDatabase, DEFAULT_SHADOW_PREFIX } from "./shadow.js";
import type { ResolvedSource, ResolveOptions, SourceKind, SqlScript } from "./types.js";

export { classifySpec } from "./classify.js";
export { DEFAULT_SHADOW_PREFIX } from "./shadow.js";
export type { ResolvedSource, ResolveOptions, SourceKind } from "./types.js";

/**
 * Turns a source spec into a live database to introspect. Live URLs are returned as they are; SQL files,
 * directories and git refs are loaded into a new shadow database, which `release()` drops. Nothing is left
 * behind when this throws.
 */
export async function resolveSource(spec: string, options: ResolveOptions = {}): Promise<ResolvedSource> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const config = options.config ?? (await loadConfig(cwd));
  const kind = classifySpec(spec, { ...options, cwd, config });
  const fromScripts = (scripts: SqlScript[], label: string) =>
    loadIntoShadow(spec, kind, label, scripts, { ...options, cwd, config });
  switch (kind) {
    case "url":
      parseDatabaseUrl(spec);
      return live(spec, kind, redactUrl(spec), spec);
    case "sql-file": {
      const scripts = await readSqlFile(spec, cwd);
      return fromScripts(scripts, scripts[0]!.name);
    }
    case "sql-dir":
      return fromScripts(await readSqlDirectory(spec, cwd), relative(cwd, resolve(cwd, spec)) || ".");
    case "git": {
      const { ref, path } = parseGitSpec(spec);
      const location = { ref, path: await repositoryPath(path, cwd) };
      return fromScripts(await readGitScripts(location, cwd), spec);
    }
    case "config": {
      if (Object.hasOwn(config.databases, spec)) {
        const checked = configuredUrl(config.databases[spec]!, `databases.${spec}`, config);
        return live(spec, kind, `${spec} (${redactUrl(checked)})`, checked);
      }
      // classifySpec only answers "config" for a non-database name when `schema:` is set.
      const path = await repositoryPath(config.schema!, cwd, configDir(config, cwd));
      return fromScripts(await readGitScripts({ ref: spec, path }, cwd), `git:${spec}:${path}`);
    }
  }
}

/** The URL of a spec that names a live database (a URL or a `databases:` entry); null for schema sources. */
export async function liveDatabaseUrl(spec: string, options: ResolveOptions = {}): Promise<string | null> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const config = options.config ?? (await loadConfig(cwd));
  const kind = classifySpec(spec, { ...options, cwd, config });
  if (kind === "url") return spec;
  if (kind === "config" && Object.hasOwn(config.databases, spec)) {
    return configuredUrl(config.databases[spec]!, `databases.${spec}`, config);
  }
  return null;
}

/** Resolves `spec`, runs `fn`, and always releases the source, keeping `fn`'s error when both fail. */
export async function withSource<T>(
  spec: string,
  options: ResolveOptions,
  fn: (source: ResolvedSource) => Promise<T>,
): Promise<T> {
  const source = await resolveSource(spec, options);
  let result: T;
  try {
    result = await fn(source);
  } catch (error) {
    await source.release().catch(() => {});
    throw error;
  }
  await source.release();
  return result;
}

function live(spec: string, kind: SourceKind, label: string, url: string): ResolvedSource {
  return { spec, kind, label, url, shadow: false, release: async () => {} };
}

interface Resolved extends ResolveOptions {
  cwd: string;
  config: MigrateConfig;
}

async function loadIntoShadow(
  spec: string,
  kind: SourceKind,
  label: string,
  scripts: SqlScript[],
  options: Resolved,
): Promise<ResolvedSource> {
  const parsed = await parseScripts(scripts);
  const server =
    options.shadowUrl ??
    (options.config.shadow === undefined
      ? await resolveDatabaseUrl()
      : configuredUrl(options.config.shadow, "shadow", options.config));
  parseDatabaseUrl(server);
  const shadow = await createShadowDatabase(server, options.shadowPrefix ?? DEFAULT_SHADOW_PREFIX, label);
  try {
    await loadScripts(shadow.url, parsed);
  } catch (error) {
    try {
      await shadow.drop();
    } catch (dropError) {
      const code = isMigrateError(error) ? error.code : "SOURCE_SQL";
      throw new MigrateError(code, `${errorText(error)} (and ${errorText(dropError)})`, { cause: error });
    }
    throw error;
  }
  return { spec, kind, label, url: shadow.url, shadow: true, release: shadow.drop };
}

/** A URL from the config, refusing one whose `${VAR}` is unset, with the variable named. */
function configuredUrl(value: string, key: string, config: MigrateConfig): string {
  const variable = unexpandedVariable(value);
  if (variable !== undefined) {
    throw new MigrateError(
      "CONFIG",
      `${key} in ${config.path ?? "migrate.config.yaml"} uses \${${variable}}, which is not set; export ${variable} or edit the config`,
    );
  }
  return value;
}
