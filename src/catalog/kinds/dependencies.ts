/**
 * pg_depend, mapped onto model ids. Some catalog objects stand for another model object: a view's
 * rewrite rule is the view, a column default is its column, a domain constraint is its domain, an array
 * type is its element type, a table's row type is the table, and a view's column is the view.
 * Each catalog lookup runs only for rows of its catalog, and the OFFSET 0 fence keeps the planner from
 * repeating the mapping wherever its result is used.
 */
const NORMALISE = (cls: string, obj: string, sub: string) => `
  CASE WHEN ${cls} = 'pg_rewrite'::regclass THEN 'pg_class'::regclass
       WHEN ${cls} = 'pg_attrdef'::regclass THEN 'pg_class'::regclass
       WHEN ${cls} = 'pg_constraint'::regclass
            AND (SELECT contypid FROM pg_constraint WHERE oid = ${obj}) <> 0 THEN 'pg_type'::regclass
       WHEN ${cls} = 'pg_type'::regclass
            AND (SELECT typrelid FROM pg_type WHERE oid = ${obj}) <> 0
            AND (SELECT relkind FROM pg_class WHERE oid = (SELECT typrelid FROM pg_type WHERE oid = ${obj})) <> 'c'
            THEN 'pg_class'::regclass
       ELSE ${cls} END,
  CASE WHEN ${cls} = 'pg_rewrite'::regclass THEN (SELECT ev_class FROM pg_rewrite WHERE oid = ${obj})
       WHEN ${cls} = 'pg_attrdef'::regclass THEN (SELECT adrelid FROM pg_attrdef WHERE oid = ${obj})
       WHEN ${cls} = 'pg_constraint'::regclass
            AND (SELECT contypid FROM pg_constraint WHERE oid = ${obj}) <> 0
            THEN (SELECT contypid FROM pg_constraint WHERE oid = ${obj})
       WHEN ${cls} = 'pg_type'::regclass AND (SELECT typelem FROM pg_type WHERE oid = ${obj}) <> 0
            AND (SELECT typlen FROM pg_type WHERE oid = ${obj}) = -1
            AND EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = ${obj})
            THEN (SELECT typelem FROM pg_type WHERE oid = ${obj})
       WHEN ${cls} = 'pg_type'::regclass
            AND (SELECT typrelid FROM pg_type WHERE oid = ${obj}) <> 0
            AND (SELECT relkind FROM pg_class WHERE oid = (SELECT typrelid FROM pg_type WHERE oid = ${obj})) <> 'c'
            THEN (SELECT typrelid FROM pg_type WHERE oid = ${obj})
       ELSE ${obj} END,
  CASE WHEN ${cls} = 'pg_attrdef'::regclass THEN (SELECT adnum FROM pg_attrdef WHERE oid = ${obj})::int
       WHEN ${cls} = 'pg_class'::regclass AND ${sub} <> 0
            AND (SELECT relkind FROM pg_class WHERE oid = ${obj}) NOT IN ('r', 'p') THEN 0
       WHEN ${cls} = 'pg_rewrite'::regclass THEN 0
       ELSE ${sub} END`;

export const dependenciesQuery = `
WITH raw AS (
  SELECT d.classid, d.objid, d.objsubid, d.refclassid, d.refobjid, d.refobjsubid
    FROM pg_depend d
   WHERE d.deptype IN ('n', 'a') AND d.objid >= 16384
), norm AS (
  SELECT ${NORMALISE("r.classid", "r.objid", "r.objsubid")}, ${NORMALISE("r.refclassid", "r.refobjid", "r.refobjsubid")}
    FROM raw r
  OFFSET 0
)
SELECT DISTINCT n.classid::regclass::text AS catalog, (pg_identify_object(n.classid, n.objid, n.objsubid)).identity,
       n.objsubid > 0 AS is_column,
       n.refclassid::regclass::text AS ref_catalog,
       (pg_identify_object(n.refclassid, n.refobjid, n.refobjsubid)).identity AS ref_identity,
       n.refobjsubid > 0 AS ref_is_column
  FROM norm n (classid, objid, objsubid, refclassid, refobjid, refobjsubid)
 WHERE NOT (n.classid = n.refclassid AND n.objid = n.refobjid)`;

export interface DependencyRow {
  catalog: string;
  identity: string;
  is_column: boolean;
  ref_catalog: string;
  ref_identity: string;
  ref_is_column: boolean;
}

const PREFIX: Record<string, string> = {
  pg_namespace: "schema",
  pg_extension: "extension",
  pg_collation: "collation",
  pg_type: "type",
  pg_class: "rel",
  pg_constraint: "constraint",
  pg_proc: "function",
  pg_trigger: "trigger",
  pg_policy: "policy",
};

/** The model id a pg_depend endpoint stands for, or null for catalogs the model does not track. */
export function dependencyId(catalog: string, identity: string, isColumn: boolean): string | null {
  if (catalog === "pg_class" && isColumn) return `column:${identity}`;
  const prefix = PREFIX[catalog];
  return prefix ? `${prefix}:${identity}` : null;
}
