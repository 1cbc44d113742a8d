import { randomBytes } from "node:crypto";
import { type DbClient, parseDatabaseUrl, withClient, withDatabase } from "../db/connect.js";
import { quoteIdent } from "../db/quote.js";
import { redact, redactUrl } from "../db/redact.js";
import { errorText, MigrateError } from "../errors.js";

export const DEFAULT_SHADOW_PREFIX = "migrate_mcp_shadow_";

/**
 * Shadows this process created and has not dropped yet, so a signal handler can drop them before the
 * process ends (a Ctrl-C during a load would otherwise leave a database behind on the user's server).
 */
const liveShadows = new Set<ShadowDatabase>();

/** A throwaway database created for one source; `drop` is idempotent and safe to call after a failure. */
export interface ShadowDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty, uniquely named database on `serverUrl`'s server, from template0 so objects someone put
 * in template1 never leak into the schema we read. Refuses early, with the fix, when the role may not
 * create databases.
 */
export async function createShadowDatabase(
  serverUrl: string,
  prefix: string,
  purpose: string,
): Promise<ShadowDatabase> {
  checkPrefix(prefix);
  const name = `${prefix}${randomBytes(6).toString("hex")}`;
  const created = createDatabase(serverUrl, name, purpose);
  let dropped: Promise<void> | undefined;
  const shadow: ShadowDatabase = {
    name,
    url: withDatabase(serverUrl, name),
    drop: () => {
      // A signal can ask for the drop while CREATE DATABASE is in flight; dropping first would let the
      // creation land afterwards and leave the database behind.
      dropped ??= created
        .then(
          () => dropDatabase(serverUrl, name),
          () => {},
        )
        .finally(() => liveShadows.delete(shadow));
      return dropped;
    },
  };
  liveShadows.add(shadow);
  try {
    await created;
  } catch (error) {
    liveShadows.delete(shadow);
    throw error;
  }
  return shadow;
}

/** Drops every shadow this process still holds; answers the names it dropped and the errors it met. */
export async function dropLiveShadows(): Promise<{ dropped: string[]; failed: string[] }> {
  const shadows = [...liveShadows];
  const outcomes = await Promise.allSettled(shadows.map((shadow) => shadow.drop()));
  return {
    dropped: shadows.filter((_, i) => outcomes[i]!.status === "fulfilled").map((shadow) => shadow.name),
    failed: outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [errorText(outcome.reason)] : [])),
  };
}

async function createDatabase(serverUrl: string, name: string, purpose: string): Promise<void> {
  await withClient(
    serverUrl,
    async (client) => {
      await assertMayCreateDatabase(client, serverUrl, purpose);
      try {
        await client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0`);
      } catch (error) {
        throw refused(serverUrl, purpose, errorText(error), error);
      }
    },
    { applicationName: "migrate-mcp shadow" },
  );
}

async function assertMayCreateDatabase(client: DbClient, serverUrl: string, purpose: string): Promise<void> {
  const { rows } = await client.query<{ allowed: boolean; role: string }>(
    "SELECT rolsuper OR rolcreatedb AS allowed, rolname AS role FROM pg_roles WHERE rolname = current_user",
  );
  const row = rows[0];
  if (!row?.allowed) {
    throw refused(serverUrl, purpose, `role "${row?.role ?? "unknown"}" may not create databases`);
  }
}

function refused(serverUrl: string, purpose: string, why: string, cause?: unknown): MigrateError {
  const url = parseDatabaseUrl(serverUrl);
  return new MigrateError(
    "SHADOW_REFUSED",
    `cannot create a shadow database for ${purpose} on ${url.hostname}:${url.port || "5432"}: ${redact(why)}; ` +
      "pass --shadow URL naming a server where you may CREATE DATABASE (or GRANT CREATEDB to the role)",
    { cause },
  );
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  try {
    await withClient(
      serverUrl,
      (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
      {
        applicationName: "migrate-mcp shadow",
      },
    );
  } catch (error) {
    throw new MigrateError(
      "SHADOW_REFUSED",
      `could not drop shadow database "${name}" on ${redactUrl(serverUrl)}: ${redact(errorText(error))}; drop it by hand with DROP DATABASE ${quoteIdent(name)} WITH (FORCE)`,
      { cause: error },
    );
  }
}

// The random suffix is 12 characters and PostgreSQL truncates names beyond 63 bytes, which would make the
// name we drop differ from the one created.
function checkPrefix(prefix: string): void {
  if (!/^[a-z_][a-z0-9_]{0,50}$/.test(prefix)) {
    throw new MigrateError(
      "USAGE",
      `shadow prefix "${prefix}" must be 1-51 lowercase letters, digits or underscores starting with a letter or _`,
    );
  }
}
