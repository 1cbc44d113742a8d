import { withClient } from "./connect.js";
import { redactUrl } from "./redact.js";
import { resolveDatabaseUrl } from "./resolve.js";

export interface ServerInfo {
  url: string;
  version: string;
  versionNum: number;
  user: string;
  superuser: boolean;
  canCreateDatabase: boolean;
}

/** Connects and reads what later phases need to know about a server. The URL in the result is redacted. */
export async function checkServer(explicitUrl?: string): Promise<ServerInfo> {
  const url = await resolveDatabaseUrl(explicitUrl);
  return withClient(url, async (client) => {
    const { rows } = await client.query<{
      version: string;
      num: string;
      usr: string;
      rolsuper: boolean;
      rolcreatedb: boolean;
    }>(
      `SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num,
              current_user AS usr, r.rolsuper, r.rolcreatedb
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const row = rows[0]!;
    return {
      url: redactUrl(url),
      version: row.version,
      versionNum: Number(row.num),
      user: row.usr,
      superuser: row.rolsuper,
      canCreateDatabase: row.rolsuper || row.rolcreatedb,
    };
  });
}
