import { identity, relationIdentity, userNamespace } from "../sql.js";
import type { ColumnPositionRow } from "./columns.js";

/**
 * pg_depend as raw oids. Naming both ends of 30,000 rows on the server (pg_identify_object) cost more than
 * all other catalog queries together, so the rows are mapped to model ids here, through endpointsQuery.
 */
export const dependenciesQuery = `
SELECT d.classid AS catalog, d.objid AS oid, d.objsubid AS sub,
       d.refclassid AS ref_catalog, d.refobjid AS ref_oid, d.refobjsubid AS ref_sub
  FROM pg_depend d
 WHERE d.deptype IN ('n', 'a') AND d.objid >= 16384`;

export interface DependencyRow {
  catalog: number;
  oid: number;
  sub: number;
  ref_catalog: number;
  ref_oid: number;
  ref_sub: number;
}

/**
 * What each user catalog object a dependency can name stands for. Most stand for themselves (`id`).
 * Some stand for another object (`to_*`): a view's own rewrite rule is the view, a column default is its
 * column, a domain constraint is its domain, an array type is its element type, and a table's row type is
 * the table, a multirange type is its range, and a composite type's relation (what its attributes' dependencies name) is the type. Relations
 * carry their kind, since only a table's sub-object is a column of the model.
 */
export const endpointsQuery = `
SELECT 'pg_namespace'::regclass::oid AS catalog, n.oid, 'schema:' || ${identity("pg_namespace", "n.oid")} AS id,
       NULL::"char" AS relkind, NULL::oid AS to_catalog, NULL::oid AS to_oid, NULL::int AS to_sub
  FROM pg_namespace n WHERE ${userNamespace("n")}
UNION ALL
SELECT 'pg_extension'::regclass::oid, e.oid, 'extension:' || ${identity("pg_extension", "e.oid")}, NULL, NULL, NULL, NULL
  FROM pg_extension e
UNION ALL
SELECT 'pg_collation'::regclass::oid, k.oid, 'collation:' || ${identity("pg_collation", "k.oid")}, NULL, NULL, NULL, NULL
  FROM pg_collation k JOIN pg_namespace n ON n.oid = k.collnamespace WHERE ${userNamespace("n")}
UNION ALL
SELECT 'pg_proc'::regclass::oid, p.oid, 'function:' || ${identity("pg_proc", "p.oid")}, NULL, NULL, NULL, NULL
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE ${userNamespace("n")}
UNION ALL
SELECT 'pg_trigger'::regclass::oid, t.oid, 'trigger:' || ${identity("pg_trigger", "t.oid")}, NULL, NULL, NULL, NULL
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE NOT t.tgisinternal AND ${userNamespace("n")}
UNION ALL
SELECT 'pg_policy'::regclass::oid, p.oid, 'policy:' || ${identity("pg_policy", "p.oid")}, NULL, NULL, NULL, NULL
  FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE ${userNamespace("n")}
UNION ALL
SELECT 'pg_ts_dict'::regclass::oid, d.oid, 'text search dictionary:' || ${identity("pg_ts_dict", "d.oid")}, NULL, NULL, NULL, NULL
  FROM pg_ts_dict d JOIN pg_namespace n ON n.oid = d.dictnamespace WHERE ${userNamespace("n")}
UNION ALL
SELECT 'pg_ts_config'::regclass::oid, c.oid, 'text search configuration:' || ${identity("pg_ts_config", "c.oid")},
       NULL, NULL, NULL, NULL
  FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace WHERE ${userNamespace("n")}
UNION ALL
SELECT 'pg_cast'::regclass::oid, k.oid, 'cast:' || ${identity("pg_cast", "k.oid")}, NULL, NULL, NULL, NULL
  FROM pg_cast k WHERE k.oid >= 16384
UNION ALL
SELECT 'pg_event_trigger'::regclass::oid, e.oid, 'event trigger:' || quote_ident(e.evtname), NULL, NULL, NULL, NULL
  FROM pg_event_trigger e
UNION ALL
SELECT 'pg_statistic_ext'::regclass::oid, s.oid, 'statistics:' || ${identity("pg_statistic_ext", "s.oid")},
       NULL, NULL, NULL, NULL
  FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace WHERE ${userNamespace("n")}
UNION ALL
SELECT 'pg_class'::regclass::oid, c.oid, CASE WHEN c.relkind <> 'c' THEN 'rel:' || ${relationIdentity("n", "c")} END,
       c.relkind, CASE WHEN c.relkind = 'c' THEN 'pg_type'::regclass::oid END,
       CASE WHEN c.relkind = 'c' THEN c.reltype END, CASE WHEN c.relkind = 'c' THEN 0 END
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${userNamespace("n")}
UNION ALL
SELECT 'pg_type'::regclass::oid, t.oid,
       CASE WHEN r.oid IS NULL AND e.oid IS NULL AND m.rngtypid IS NULL THEN 'type:' || ${identity("pg_type", "t.oid")} END,
       NULL,
       CASE WHEN r.oid IS NOT NULL THEN 'pg_class'::regclass::oid
            WHEN e.oid IS NOT NULL OR m.rngtypid IS NOT NULL THEN 'pg_type'::regclass::oid END,
       coalesce(r.oid, e.oid, m.rngtypid),
       CASE WHEN r.oid IS NOT NULL OR e.oid IS NOT NULL OR m.rngtypid IS NOT NULL THEN 0 END
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
  LEFT JOIN pg_class r ON r.oid = t.typrelid AND r.relkind <> 'c'
  -- An array type: its element names it as its array.
  LEFT JOIN pg_type e ON e.oid = t.typelem AND t.typlen = -1 AND e.typarray = t.oid
  -- A multirange type: its range makes it.
  LEFT JOIN pg_range m ON m.rngmultitypid = t.oid
 WHERE ${userNamespace("n")}
UNION ALL
SELECT 'pg_constraint'::regclass::oid, k.oid,
       CASE WHEN k.contypid = 0 THEN 'constraint:' || quote_ident(k.conname) || ' on ' || ${relationIdentity("n", "c")} END,
       NULL, CASE WHEN k.contypid <> 0 THEN 'pg_type'::regclass::oid END,
       CASE WHEN k.contypid <> 0 THEN k.contypid END, CASE WHEN k.contypid <> 0 THEN 0 END
  FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace LEFT JOIN pg_class c ON c.oid = k.conrelid
 WHERE ${userNamespace("n")}
UNION ALL
SELECT 'pg_rewrite'::regclass::oid, w.oid,
       CASE WHEN w.rulename <> '_RETURN' THEN 'rule:' || ${identity("pg_rewrite", "w.oid")} END, NULL,
       CASE WHEN w.rulename = '_RETURN' THEN 'pg_class'::regclass::oid END,
       CASE WHEN w.rulename = '_RETURN' THEN w.ev_class END, CASE WHEN w.rulename = '_RETURN' THEN 0 END
  FROM pg_rewrite w JOIN pg_class c ON c.oid = w.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE ${userNamespace("n")}
UNION ALL
SELECT 'pg_attrdef'::regclass::oid, ad.oid, NULL, NULL, 'pg_class'::regclass::oid, ad.adrelid, ad.adnum::int
  FROM pg_attrdef ad JOIN pg_class c ON c.oid = ad.adrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE ${userNamespace("n")}`;

export interface EndpointRow {
  catalog: number;
  oid: number;
  id: string | null;
  relkind: string | null;
  to_catalog: number | null;
  to_oid: number | null;
  to_sub: number | null;
}

/** A pg_depend endpoint as the model sees it. */
export interface ResolvedEndpoint {
  id: string;
  /** The catalog object it stands for, so that a table's dependencies on itself can be ignored. */
  owner: EndpointRow;
}

/** Maps pg_depend endpoints (catalog, oid, sub-id) to model ids; null for what the model does not track. */
export function dependencyResolver(
  endpoints: EndpointRow[],
  columns: ColumnPositionRow[],
): (catalog: number, oid: number, sub: number) => ResolvedEndpoint | null {
  // Numeric keys (oids are 32-bit, attribute numbers below 2^16): 60,000 lookups without building strings.
  const objectKey = (catalog: number, oid: number) => catalog * 2 ** 32 + oid;
  const columnKey = (relation: number, attnum: number) => relation * 2 ** 16 + attnum;
  const byOid = new Map<number, EndpointRow>();
  for (const row of endpoints) byOid.set(objectKey(row.catalog, row.oid), row);
  const columnIds = new Map<number, string>();
  for (const column of columns) {
    columnIds.set(columnKey(column.relation, column.position), `column:${column.identity}`);
  }
  const named = (owner: EndpointRow, sub: number): ResolvedEndpoint | null => {
    // Only a table's sub-object is a column; a view's or an index's column stands for the relation.
    const id =
      sub > 0 && (owner.relkind === "r" || owner.relkind === "p")
        ? columnIds.get(columnKey(owner.oid, sub))
        : owner.id;
    return id ? { id, owner } : null;
  };
  return (catalog, oid, sub) => {
    const row = byOid.get(objectKey(catalog, oid));
    if (!row) return null;
    if (row.to_catalog === null || row.to_oid === null) return named(row, sub);
    // One step only: what an object stands for is itself named, never a further stand-in.
    const target = byOid.get(objectKey(row.to_catalog, row.to_oid));
    return target && target.to_catalog === null ? named(target, row.to_sub ?? 0) : null;
  };
}
