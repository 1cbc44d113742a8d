import { userNamespace } from "../catalog/sql.js";
import type { DbClient } from "../db/connect.js";
import { qualify, quoteIdent } from "../db/quote.js";

/** One table's facts: exact row count, and with thorough checks an md5 over its rows. */
export interface TableFacts {
  table: string;
  rows: number;
  checksum: string | null;
}

export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

interface UserTable {
  schema: string;
  name: string;
}

/** Ordinary tables holding rows of their own (partitioned parents hold none). */
export async function userTables(client: DbClient): Promise<UserTable[]> {
  const { rows } = await client.query<UserTable>(
    `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND ${userNamespace("n")} ORDER BY 1, 2`,
  );
  return rows;
}

/**
 * Exact row counts, and with `checksums` an md5 of every row's text in a stable order: equal data gives
 * equal checksums whatever the physical order. Counts only rows of the table itself (ONLY), so parents
 * and children are not counted twice.
 */
export async function tableFacts(client: DbClient, checksums: boolean): Promise<TableFacts[]> {
  const facts: TableFacts[] = [];
  for (const table of await userTables(client)) {
    const name = qualify(table.schema, table.name);
    const sum = checksums ? `, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))` : ", NULL";
    const { rows } = await client.query<{ n: string; sum: string | null }>(
      `SELECT count(*) AS n${sum} AS sum FROM ONLY ${name} t`,
    );
    facts.push({ table: `${table.schema}.${table.name}`, rows: Number(rows[0]!.n), checksum: rows[0]!.sum });
  }
  return facts;
}

interface ForeignKey {
  name: string;
  child_schema: string;
  child: string;
  parent_schema: string;
  parent: string;
  child_columns: string[];
  parent_columns: string[];
}

/** Foreign keys of user tables with their column lists, read from pg_constraint. */
export async function foreignKeys(client: DbClient): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(
    `SELECT k.conname AS name, n.nspname AS child_schema, c.relname AS child,
            pn.nspname AS parent_schema, p.relname AS parent,
            ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(attnum, i)
                  JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.i) AS child_columns,
            ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(attnum, i)
                  JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum ORDER BY u.i) AS parent_columns
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace
      WHERE k.contype = 'f' AND k.conparentid = 0 AND ${userNamespace("n")}
      ORDER BY 2, 3, 1`,
  );
  return rows;
}

/** `NOT EXISTS (parent row)` for the child rows whose key is fully set: the rows a foreign key would reject. */
export function orphanCondition(fk: ForeignKey, child = "c", parent = "p"): string {
  const set = fk.child_columns.map((col) => `${child}.${quoteIdent(col)} IS NOT NULL`).join(" AND ");
  const match = fk.child_columns
    .map((col, i) => `${parent}.${quoteIdent(fk.parent_columns[i]!)} = ${child}.${quoteIdent(col)}`)
    .join(" AND ");
  return `${set} AND NOT EXISTS (SELECT 1 FROM ${qualify(fk.parent_schema, fk.parent)} ${parent} WHERE ${match})`;
}

/** Child rows whose foreign key points nowhere (possible under NOT VALID constraints or disabled triggers). */
export async function orphanChecks(client: DbClient): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const fk of await foreignKeys(client)) {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${qualify(fk.child_schema, fk.child)} c WHERE ${orphanCondition(fk)}`,
    );
    const orphans = Number(rows[0]!.n);
    results.push({
      name: `foreign key ${fk.name} on ${fk.child_schema}.${fk.child}`,
      ok: orphans === 0,
      detail:
        orphans === 0
          ? "no orphan rows"
          : `${orphans} row(s) reference missing ${fk.parent_schema}.${fk.parent} rows`,
    });
  }
  return results;
}

/** Constraints left NOT VALID and indexes left invalid (an interrupted or failed concurrent build). */
export async function validityChecks(client: DbClient): Promise<CheckResult[]> {
  const constraints = await client.query<{ name: string; tbl: string }>(
    `SELECT k.conname AS name, n.nspname || '.' || c.relname AS tbl FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT k.convalidated AND ${userNamespace("n")} ORDER BY 2, 1`,
  );
  const indexes = await client.query<{ name: string }>(
    `SELECT n.nspname || '.' || c.relname AS name FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT i.indisvalid AND ${userNamespace("n")} ORDER BY 1`,
  );
  return [
    {
      name: "constraints validated",
      ok: constraints.rows.length === 0,
      detail:
        constraints.rows.length === 0
          ? "every constraint is validated"
          : `not validated: ${constraints.rows.map((r) => `${r.name} on ${r.tbl}`).join(", ")}`,
    },
    {
      name: "indexes valid",
      ok: indexes.rows.length === 0,
      detail:
        indexes.rows.length === 0
          ? "every index is valid"
          : `invalid: ${indexes.rows.map((r) => r.name).join(", ")} — drop and rebuild them`,
    },
  ];
}
