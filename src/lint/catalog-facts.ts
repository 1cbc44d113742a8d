import type { Node } from "libpg-query";
import type { DbClient } from "../db/index.js";
import { qualify, quoteIdent } from "../db/index.js";
import { nameParts, type RelationRef, relationOf, type WrittenType, walkTree, writtenType } from "./nodes.js";
import type { ColumnType } from "./type-change.js";
import type { FunctionName, Volatility } from "./volatility.js";

/**
 * What the database knows about the objects a script touches: table sizes, column types, validated
 * NOT NULL checks, function volatility, type OIDs and binary-coercible casts. Loaded with a handful of
 * queries per script (one per kind, never per object) so the rules can stay synchronous and pure.
 */

export interface ColumnFacts extends ColumnType {
  type: string;
  notNull: boolean;
}

export interface TableFacts {
  schema: string;
  name: string;
  /** pg_class.reltuples, or null when the table was never vacuumed or analyzed. */
  rows: number | null;
  heapBytes: number;
  totalBytes: number;
  columns: ReadonlyMap<string, ColumnFacts>;
  /** Columns with a validated CHECK (col IS NOT NULL), which lets SET NOT NULL skip its scan. */
  notNullChecks: ReadonlySet<string>;
  policies: number;
}

export interface CatalogFacts {
  table(ref: RelationRef): TableFacts | undefined;
  volatility(fn: FunctionName): Volatility | undefined;
  typeOid(type: WrittenType): number | undefined;
  binaryCoercible(source: number, target: number): boolean;
}

/** The text to_regclass / to_regtype resolve, built only from quoted identifiers. */
function relationText(ref: RelationRef): string {
  return ref.schema === undefined ? quoteIdent(ref.name) : qualify(ref.schema, ref.name);
}

function typeText(type: WrittenType): string {
  const name = type.schema === undefined ? quoteIdent(type.name) : qualify(type.schema, type.name);
  return type.array ? `${name}[]` : name;
}

interface Wanted {
  relations: Set<string>;
  functions: Set<string>;
  types: Set<string>;
}

function collectWanted(trees: (Node | undefined)[]): Wanted {
  const wanted: Wanted = { relations: new Set(), functions: new Set(), types: new Set() };
  for (const tree of trees) {
    walkTree(tree, (key, value) => {
      if (typeof value.relname === "string") wanted.relations.add(relationText(relationOf(value)));
      if (key === "FuncCall") {
        const name = nameParts(value.funcname as Node[] | undefined).at(-1);
        if (name) wanted.functions.add(name);
      }
      if (key === "typeName" && Array.isArray(value.names)) wanted.types.add(typeText(writtenType(value)));
    });
  }
  return wanted;
}

interface RelationRow {
  text: string;
  oid: number;
  schema: string;
  name: string;
  reltuples: number;
  heap_bytes: string;
  total_bytes: string;
  policies: number;
}

interface ColumnRow {
  relid: number;
  attname: string;
  atttypid: number;
  atttypmod: number;
  type: string;
  attnotnull: boolean;
}

export async function loadCatalogFacts(client: DbClient, trees: (Node | undefined)[]): Promise<CatalogFacts> {
  const wanted = collectWanted(trees);
  const relations = await client.query<RelationRow>(
    `SELECT u.text, c.oid::int AS oid, n.nspname AS schema, c.relname AS name, c.reltuples::float8 AS reltuples,
            pg_relation_size(c.oid)::text AS heap_bytes, pg_total_relation_size(c.oid)::text AS total_bytes,
            (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
       FROM unnest($1::text[]) AS u(text)
       JOIN pg_class c ON c.oid = to_regclass(u.text)
       JOIN pg_namespace n ON n.oid = c.relnamespace`,
    [[...wanted.relations]],
  );
  const oids = [...new Set(relations.rows.map((row) => row.oid))];
  const columns = await client.query<ColumnRow>(
    `SELECT a.attrelid::int AS relid, a.attname, a.atttypid::int AS atttypid, a.atttypmod,
            format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull
       FROM pg_attribute a
      WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped`,
    [oids],
  );
  // PostgreSQL deparses a CHECK on one column as exactly "(col IS NOT NULL)", quoting like format('%I').
  const checks = await client.query<{ relid: number; attname: string }>(
    `SELECT con.conrelid::int AS relid, a.attname
       FROM pg_constraint con
       JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
      WHERE con.contype = 'c' AND con.convalidated AND con.conrelid = ANY($1::oid[])
        AND cardinality(con.conkey) = 1
        AND pg_get_expr(con.conbin, con.conrelid) = format('(%I IS NOT NULL)', a.attname)`,
    [oids],
  );
  const functions = await client.query<{ proname: string; schema: string; provolatile: Volatility }>(
    `SELECT p.proname, n.nspname AS schema, p.provolatile
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE p.proname = ANY($1::text[])`,
    [[...wanted.functions]],
  );
  const types = await client.query<{ text: string; oid: number | null }>(
    "SELECT u.text, to_regtype(u.text)::oid::int AS oid FROM unnest($1::text[]) AS u(text)",
    [[...wanted.types]],
  );
  const typeOids = new Map(
    types.rows.flatMap((row) => (row.oid === null ? [] : [[row.text, row.oid] as const])),
  );
  const columnTypes = [...new Set(columns.rows.map((row) => row.atttypid))];
  const casts = await client.query<{ source: number; target: number }>(
    `SELECT castsource::int AS source, casttarget::int AS target FROM pg_cast
      WHERE castmethod = 'b' AND castsource = ANY($1::oid[]) AND casttarget = ANY($2::oid[])`,
    [columnTypes, [...typeOids.values()]],
  );

  const tables = new Map<string, TableFacts>();
  for (const row of relations.rows) {
    tables.set(row.text, {
      schema: row.schema,
      name: row.name,
      rows: row.reltuples < 0 ? null : row.reltuples,
      heapBytes: Number(row.heap_bytes),
      totalBytes: Number(row.total_bytes),
      columns: new Map(
        columns.rows
          .filter((column) => column.relid === row.oid)
          .map((column) => [
            column.attname,
            { oid: column.atttypid, typmod: column.atttypmod, type: column.type, notNull: column.attnotnull },
          ]),
      ),
      notNullChecks: new Set(
        checks.rows.filter((check) => check.relid === row.oid).map((check) => check.attname),
      ),
      policies: row.policies,
    });
  }
  const binary = new Set(casts.rows.map((cast) => `${cast.source}>${cast.target}`));
  const RANK: Record<Volatility, number> = { i: 0, s: 1, v: 2 };

  return {
    table: (ref) => tables.get(relationText(ref)),
    volatility: (fn) => {
      const matches = functions.rows.filter(
        (row) => row.proname === fn.name && (fn.schema === undefined || row.schema === fn.schema),
      );
      // Overloads and same-named functions in other schemas: assume the most volatile one is meant.
      return matches.reduce<Volatility | undefined>(
        (worst, row) =>
          worst === undefined || RANK[row.provolatile] > RANK[worst] ? row.provolatile : worst,
        undefined,
      );
    },
    typeOid: (type) => typeOids.get(typeText(type)),
    binaryCoercible: (source, target) => binary.has(`${source}>${target}`),
  };
}
