/** SQL fragments shared by the per-kind introspection queries. */

/** Namespaces that hold user objects: not the system's, and not this tool's own journal, trash or backups. */
export function userNamespace(alias: string): string {
  return `${alias}.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
    AND ${alias}.nspname NOT LIKE 'pg\\_temp\\_%' AND ${alias}.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
    AND ${alias}.nspname NOT LIKE 'migrate\\_mcp%'`;
}

/** Objects created by an extension belong to the extension, not to the schema being migrated. */
export function notExtensionMember(catalog: string, oid: string): string {
  return notOwnedBy(catalog, oid, "e");
}

/** Objects another object makes for itself (a range type's constructors and cast) belong to it. */
export function notInternalPart(catalog: string, oid: string): string {
  return notOwnedBy(catalog, oid, "i");
}

function notOwnedBy(catalog: string, oid: string, deptype: "e" | "i"): string {
  return `NOT EXISTS (SELECT 1 FROM pg_depend own WHERE own.classid = '${catalog}'::regclass
    AND own.objid = ${oid} AND own.deptype = '${deptype}')`;
}

/** `schema.name` of a catalog row, each part quoted as quote_ident does: `name` is the name column. */
export function qualifiedName(namespace: string, name: string): string {
  return `quote_ident(${namespace}.nspname) || '.' || quote_ident(${name})`;
}

/**
 * What pg_identify_object gives for a relation (or, with `column`, one of its columns), built from names
 * the query already has: the same quoting, without a catalog lookup per row on the largest kinds.
 */
export function relationIdentity(namespace: string, relation: string, column?: string): string {
  const table = qualifiedName(namespace, `${relation}.relname`);
  return column === undefined ? table : `${table} || '.' || quote_ident(${column})`;
}

/**
 * The comment on an object, as obj_description() (or col_description(), with `sub`) gives it. Written as a
 * subquery, which runs as one index probe: the functions are SQL functions that look their catalog up by
 * name on every call, which cost seven times as much over 4,000 indexes.
 */
export function description(catalog: string, oid: string, sub = "0"): string {
  return `(SELECT dsc.description FROM pg_description dsc
            WHERE dsc.objoid = ${oid} AND dsc.classoid = '${catalog}'::regclass AND dsc.objsubid = ${sub})`;
}

export function identity(catalog: string, oid: string, sub = "0"): string {
  return `(pg_identify_object('${catalog}'::regclass, ${oid}, ${sub})).identity`;
}

/**
 * Privileges relative to the object type's defaults (acldefault for its owner): what was granted beyond them
 * and what was revoked from them. Comparing these, rather than raw ACLs, makes two databases with different
 * owners compare equal when they grant the same things, and lets a new object's grants be replayed exactly.
 * Grants keep the ACL's order (grantees in the order they were first granted anything), which pg_dump
 * prints and a replay must follow. Columns have no defaults: pass type and owner as null.
 */
export function grants(acl: string, type: string | null, owner: string | null): string {
  return grantsAgainst(acl, type && owner ? `acldefault('${type}', ${owner})` : null);
}

/**
 * Privileges relative to `baseline` (an aclitem[] expression; null: none, as for columns): what `acl`
 * grants beyond it and what it revokes from it, a NULL acl meaning the baseline itself.
 */
export function grantsAgainst(acl: string, baseline: string | null): string {
  const actual = baseline ? `coalesce(${acl}, ${baseline})` : acl;
  const defaults = baseline ?? "NULL::aclitem[]";
  // Items of `from` that `other` does not hold, in `from`'s order.
  const missing = (from: string, other: string) =>
    `SELECT CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END AS grantee,
            x.privilege_type AS privilege, x.is_grantable AS grantable, x.position
       FROM aclexplode(${from}) WITH ORDINALITY x(grantor, grantee, privilege_type, is_grantable, position)
      WHERE NOT EXISTS (SELECT 1 FROM aclexplode(${other}) o WHERE o.grantee = x.grantee
                           AND o.privilege_type = x.privilege_type AND o.is_grantable = x.is_grantable)`;
  // One row per grant, where it first appears: grantors other than the owner can repeat one.
  const list = (rows: string) =>
    `(SELECT coalesce(json_agg(json_build_object('grantee', g.grantee, 'privilege', g.privilege,
        'grantable', g.grantable) ORDER BY g.position), '[]'::json)
        FROM (SELECT grantee, privilege, grantable, min(position) AS position FROM (${rows}) r GROUP BY 1, 2, 3) g)`;
  // A NULL acl means the defaults: nothing granted or revoked, without exploding anything per row.
  return `CASE WHEN ${acl} IS NULL THEN json_build_object('granted', '[]'::json, 'revoked', '[]'::json)
    ELSE json_build_object('granted', ${list(missing(actual, defaults))},
                           'revoked', ${list(missing(defaults, actual))}) END`;
}
