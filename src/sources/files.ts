import { readdir, readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { MigrateError } from "../errors.js";
import type { SqlScript } from "./types.js";

/** A .sql file on disk, named relative to `cwd` for error messages. */
export async function readSqlFile(spec: string, cwd: string): Promise<SqlScript[]> {
  const path = resolve(cwd, spec);
  return [{ name: shownPath(path, cwd), sql: await readText(path) }];
}

/** Every *.sql file directly in a directory, in byte-wise order of their names (what `LC_ALL=C ls` shows). */
export async function readSqlDirectory(spec: string, cwd: string): Promise<SqlScript[]> {
  const dir = resolve(cwd, spec);
  const entries = await readdir(dir, { withFileTypes: true });
  const names = sortBytewise(entries.filter((e) => e.isFile() && /\.sql$/i.test(e.name)).map((e) => e.name));
  if (names.length === 0) {
    throw new MigrateError(
      "SOURCE_INVALID",
      `directory ${shownPath(dir, cwd)} has no .sql files; point at a directory of schema files or at one .sql file`,
    );
  }
  const scripts: SqlScript[] = [];
  for (const name of names) {
    const path = join(dir, name);
    scripts.push({ name: shownPath(path, cwd), sql: await readText(path) });
  }
  return scripts;
}

export function sortBytewise(names: string[]): string[] {
  return [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new MigrateError(
      "SOURCE_INVALID",
      `cannot read ${path}: ${(error as Error).message}; check the path`,
      {
        cause: error,
      },
    );
  }
}

function shownPath(path: string, cwd: string): string {
  return relative(cwd, path) || path;
}
