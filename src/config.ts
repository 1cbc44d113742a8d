import { readFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { MigrateError } from "./errors.js";

/**
 * The project config, `migrate.config.yaml` in the working directory. Every key is optional; a missing file
 * is an empty config.
 */
export interface MigrateConfig {
  /** Named connections (`postgres_15: postgres://…`), `${VAR}` references already expanded where set. */
  databases: Record<string, string>;
  /** Path of the schema file or directory, relative to the config file; makes `v1.0` mean that git ref's schema. */
  schema?: string;
  /** Rename hints such as `table.old=new` or `schema.table.old=new`; the diff engine interprets them. */
  renames: string[];
  /** Server for shadow databases (a URL), used when no `--shadow` is given. */
  shadow?: string;
  /** Where plan directories are written. */
  plansDir?: string;
  /** Absolute path of the file this config came from; absent when there is none. */
  path?: string;
}

export const CONFIG_FILE = "migrate.config.yaml";

/** Reads and validates `migrate.config.yaml` from `cwd`; a missing file gives an empty config. */
export async function loadConfig(cwd: string = process.cwd()): Promise<MigrateConfig> {
  const path = resolve(cwd, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { databases: {}, renames: [] };
    throw new MigrateError(
      "CONFIG",
      `cannot read ${path}: ${(error as Error).message}; check its permissions`,
      {
        cause: error,
      },
    );
  }
  const shown = relative(cwd, path) || CONFIG_FILE;
  // The YAML parser and the schema are loaded only when there is a file to read.
  const { parseConfigFile } = await import("./config-file.js");
  const config = parseConfigFile(text, shown);
  const databases: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.databases)) {
    databases[name] = expandEnv(value);
    checkUrl(databases[name], `databases.${name}`, shown);
  }
  const shadow = config.shadow === undefined ? undefined : expandEnv(config.shadow);
  if (shadow !== undefined) checkUrl(shadow, "shadow", shown);
  return {
    databases,
    renames: config.renames,
    path,
    ...(config.schema !== undefined && { schema: config.schema }),
    ...(shadow !== undefined && { shadow }),
    ...(config.plansDir !== undefined && { plansDir: config.plansDir }),
  };
}

/**
 * `${VAR}` becomes the variable's value. Unset variables stay as written, so a config naming a production
 * database through an unset variable still works for everything else; using that entry fails with a clear
 * message instead (see `unexpandedVariable`).
 */
function expandEnv(value: string): string {
  return value.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g,
    (whole, name: string) => process.env[name] ?? whole,
  );
}

/** The first `${VAR}` left unexpanded in a config value, or undefined when there is none. */
export function unexpandedVariable(value: string): string | undefined {
  return /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(value)?.[1];
}

function checkUrl(value: string, key: string, shown: string): void {
  if (unexpandedVariable(value) !== undefined) return;
  if (!/^postgres(ql)?:\/\//.test(value)) {
    throw new MigrateError(
      "CONFIG",
      `${shown}: ${key}: must be a postgres:// URL (or \${VAR} naming one); fix the value`,
    );
  }
}

/** Where a config's relative paths start: the directory of its file, else `cwd`. */
export function configDir(config: MigrateConfig, cwd: string): string {
  return config.path ? dirname(config.path) : cwd;
}
