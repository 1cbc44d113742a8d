import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { simpleGit } from "simple-git";
import { expect, onTestFinished } from "vitest";
import { withClient } from "../../src/db/index.js";
import { MigrateError } from "../../src/errors.js";
import { serverUrl } from "../helpers/db.js";

/** A temporary directory holding `files` (path → content), removed when the test finishes. */
export async function tempDir(files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "mm-sources-"));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  await writeFiles(dir, files);
  return dir;
}

export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

/** A shadow-name prefix no other test uses, so leftovers can be counted without racing parallel tests. */
export function uniquePrefix(): string {
  return `mm_src_${randomBytes(4).toString("hex")}_`;
}

export async function databasesWithPrefix(prefix: string): Promise<string[]> {
  return withClient(serverUrl(), async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname",
      [prefix],
    );
    return rows.map((r) => r.datname);
  });
}

/** Runs one query against `url` and returns its first column as strings. */
export async function column(url: string, sql: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<Record<string, unknown>>(sql);
    return rows.map((r) => String(Object.values(r)[0]));
  });
}

export async function tablesIn(url: string): Promise<string[]> {
  return column(
    url,
    "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1",
  );
}

/** The MigrateError a promise rejects with; fails the test when it resolves or throws something else. */
export async function migrateError(promise: Promise<unknown>): Promise<MigrateError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrateError);
  return error as MigrateError;
}

/** A git repository in a temp directory with an identity, so tests never depend on the machine's git config. */
export async function tempRepository(): Promise<{
  dir: string;
  commit: (files: Record<string, string>, message: string, tag?: string) => Promise<void>;
}> {
  const dir = await tempDir();
  const git = simpleGit({ baseDir: dir });
  await git.init();
  await git.addConfig("user.name", "Migrate Test");
  await git.addConfig("user.email", "test@example.invalid");
  await git.addConfig("commit.gpgsign", "false");
  return {
    dir,
    commit: async (files, message, tag) => {
      await writeFiles(dir, files);
      await git.add(Object.keys(files));
      await git.commit(message);
      if (tag) await git.addTag(tag);
    },
  };
}
