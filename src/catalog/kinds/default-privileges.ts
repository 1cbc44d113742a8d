import { quoteIdent } from "../../db/quote.js";
import type { DefaultPrivilegesObj, Privileges } from "../model.js";
import { grantsAgainst, userNamespace } from "../sql.js";

/**
 * ALTER DEFAULT PRIVILEGES rules. A rule for everywhere replaces the built-in defaults (acldefault; its
 * sequence code is 's', where pg_default_acl says 'S'), a rule for one schema adds to them. The role that
 * reads the catalog is left unnamed, as a script without FOR ROLE means: a schema loaded from SQL files
 * into a shadow database names the shadow's role, and the live database its own.
 */
export const defaultPrivilegesQuery = `
SELECT nullif(pg_get_userbyid(d.defaclrole), current_user) AS role,
       CASE WHEN d.defaclnamespace <> 0 THEN quote_ident(n.nspname) END AS schema,
       CASE d.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS'
            WHEN 'T' THEN 'TYPES' WHEN 'n' THEN 'SCHEMAS' ELSE 'LARGE OBJECTS' END AS object_type,
       ${grantsAgainst(
         "d.defaclacl",
         `CASE WHEN d.defaclnamespace = 0
               THEN acldefault((CASE d.defaclobjtype WHEN 'S' THEN 's' ELSE d.defaclobjtype END)::"char", d.defaclrole) END`,
       )} AS grants
  FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
 WHERE d.defaclnamespace = 0 OR (${userNamespace("n")})`;

interface DefaultPrivilegesRow {
  role: string | null;
  schema: string | null;
  object_type: string;
  grants: Privileges;
}

export function toDefaultPrivileges(row: DefaultPrivilegesRow): DefaultPrivilegesObj {
  const scope = `${row.schema === null ? "" : ` in schema ${row.schema}`}${row.role === null ? "" : ` for role ${quoteIdent(row.role)}`}`;
  return {
    kind: "default privileges",
    id: `default privileges:on ${row.object_type}${scope}`,
    sqlName: `on ${row.object_type}${scope}`,
    role: row.role,
    schema: row.schema,
    objectType: row.object_type,
    grants: row.grants,
    comment: null,
    dependsOn: row.schema === null ? [] : [`schema:${row.schema}`],
  };
}
