import { ensureEmbeddedServer } from "./embedded.js";

/**
 * The server to use when the user names none: an explicit URL, then MIGRATE_DATABASE_URL, then
 * DATABASE_URL, then the embedded server (started on demand).
 */
export async function resolveDatabaseUrl(explicit?: string): Promise<string> {
  const url = explicit ?? process.env.MIGRATE_DATABASE_URL ?? process.env.DATABASE_URL;
  if (url) return url;
  return (await ensureEmbeddedServer()).url;
}
