import { realpathSync } from "node:fs";
import { isAbsolute, posix, relative, resolve, sep } from "node:path";
import type { SimpleGit } from "simple-git";
import { errorText, MigrateError } from "../errors.js";
import { sortBytewise } from "./files.js";
import type { SqlScript } from "./types.js";

export interface GitLocation {
  ref: string;
  /** Path inside the repository, from its root, '/'-separated; "" is the root itself. */
  path: string;
}

/**
 * The .sql file, or the .sql files directly in the directory, at `ref` in the repository that contains
 * `cwd`. Scripts are named `git:<ref>:<path>` so load errors point at the file as it was at that ref.
 */
export async function readGitScripts(location: GitLocation, cwd: string): Promise<SqlScript[]> {
  const git = await openRepository(cwd);
  const root = await repositoryRoot(git, cwd);
  const commit = await resolveCommit(git, location.ref, root);
  const object = `${commit}:${location.path}`;
  const shown = `git:${location.ref}:${location.path}`;
  let type: string;
  try {
    type = (await git.raw(["cat-file", "-t", object])).trim();
  } catch {
    throw new MigrateError(
      "SOURCE_INVALID",
      `${location.path || "/"} does not exist at git ref "${location.ref}"; list what does with \`git ls-tree -r --name-only ${location.ref}\``,
    );
  }
  if (type === "blob") {
    if (!/\.sql$/i.test(location.path)) {
      throw new MigrateError(
        "SOURCE_INVALID",
        `${shown} is not a .sql file; point at a .sql file or a directory`,
      );
    }
    return [{ name: shown, sql: await git.raw(["cat-file", "blob", object]) }];
  }
  if (type !== "tree") {
    throw new MigrateError(
      "SOURCE_INVALID",
      `${shown} is a git ${type}, not a file or directory; fix the path`,
    );
  }
  const names = sortBytewise(sqlBlobNames(await git.raw(["ls-tree", "-z", object])));
  if (names.length === 0) {
    throw new MigrateError(
      "SOURCE_INVALID",
      `${shown} has no .sql files at that ref; point at a directory of schema files or at one .sql file`,
    );
  }
  const scripts: SqlScript[] = [];
  for (const name of names) {
    const path = location.path ? `${location.path}/${name}` : name;
    scripts.push({
      name: `git:${location.ref}:${path}`,
      sql: await git.raw(["cat-file", "blob", `${commit}:${path}`]),
    });
  }
  return scripts;
}

/**
 * A path as the user wrote it, made relative to the repository root: like `git show ref:path`, a plain path
 * starts at the root, while `./` and `../` start at `cwd`. `fromDir` anchors paths from the config file.
 */
export async function repositoryPath(path: string, cwd: string, fromDir?: string): Promise<string> {
  const root = await repositoryRoot(await openRepository(cwd), cwd);
  const base = fromDir ?? (/^\.\.?(\/|$)/.test(path) ? cwd : undefined);
  const absolute = base ? resolve(realpathOr(base), path) : resolve(root, path);
  const inside = relative(root, absolute);
  if (inside.startsWith("..") || isAbsolute(inside)) {
    throw new MigrateError(
      "SOURCE_INVALID",
      `${path} is outside the git repository at ${root}; fix the path`,
    );
  }
  return posix.normalize(inside.split(sep).join("/")).replace(/^\.$/, "").replace(/\/$/, "");
}

/** simple-git is loaded only for git sources: most runs compare databases and files. */
async function openRepository(cwd: string): Promise<SimpleGit> {
  const { simpleGit } = await import("simple-git");
  try {
    return simpleGit({ baseDir: cwd });
  } catch (error) {
    throw new MigrateError(
      "SOURCE_INVALID",
      `cannot use git in ${cwd}: ${errorText(error)}; check the directory`,
      {
        cause: error,
      },
    );
  }
}

async function repositoryRoot(git: SimpleGit, cwd: string): Promise<string> {
  try {
    return realpathOr((await git.revparse(["--show-toplevel"])).trim());
  } catch (error) {
    throw new MigrateError(
      "SOURCE_INVALID",
      `${cwd} is not inside a git repository, so git sources cannot be read; run from the repository or use a file path`,
      { cause: error },
    );
  }
}

async function resolveCommit(git: SimpleGit, ref: string, root: string): Promise<string> {
  const commit = (
    await git.raw(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).catch(() => "")
  ).trim();
  if (!commit) {
    throw new MigrateError(
      "SOURCE_INVALID",
      `git ref "${ref}" does not exist in ${root}; check it with \`git tag\` or \`git branch -a\` (fetch tags if needed)`,
    );
  }
  return commit;
}

/** Names of .sql blobs in `git ls-tree -z` output ("<mode> <type> <object>\t<name>\0" per entry). */
function sqlBlobNames(listing: string): string[] {
  const names: string[] = [];
  for (const entry of listing.split("\0")) {
    const tab = entry.indexOf("\t");
    if (tab < 0) continue;
    const [mode, type] = entry.slice(0, tab).split(" ");
    const name = entry.slice(tab + 1);
    // Mode 120000 is a symlink: its blob is the link target's path, not SQL.
    if (type === "blob" && mode !== "120000" && /\.sql$/i.test(name)) names.push(name);
  }
  return names;
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
