/**
 * A synthetic schema of `tables` tables in two versions. Version "a" is the starting point; version "b"
 * changes about a tenth of the objects the way a real release does: tables added and dropped, columns
 * added, dropped, retyped and re-defaulted, indexes and constraints added, dropped and changed, views and
 * functions rewritten, triggers added and dropped, enum values added in position.
 *
 * Every choice is a function of the table number, so both versions (and every run) are identical.
 * Table i belongs to schema `bench_s<i mod SCHEMAS>`, references its predecessor in the same schema,
 * and every fifth table has a view, every tenth a SQL function, every tenth (offset 2) a trigger.
 */

export type Version = "a" | "b";

const SCHEMAS = 5;
const ENUMS = 10;
const BASE_LABELS = ["new", "active", "suspended", "closed"];

/** Which changes table i receives in version b, selected by i mod 100: each listed residue is 1% of tables. */
const CHANGE = {
  dropTable: [3, 53],
  addColumn: [5, 15, 25, 35, 45, 55, 65, 75],
  dropColumn: [7, 57, 87],
  retypeColumn: [10, 60],
  setNotNull: [11, 41],
  changeDefault: [61, 91],
  addIndex: [13, 43, 73, 93],
  dropIndex: [18, 68],
  changeCheck: [19, 69],
  addUnique: [21, 71],
  changeForeignKey: [23, 83],
  dropTrigger: [32, 82],
  addTrigger: [33, 83],
  changeView: [0, 25, 50],
  changeFunction: [0, 30, 70],
  changeComment: [40, 80],
} as const;

function has(i: number, change: keyof typeof CHANGE, version: Version): boolean {
  return version === "b" && (CHANGE[change] as readonly number[]).includes(i % 100);
}

function schemaOf(i: number): string {
  return `bench_s${i % SCHEMAS}`;
}

function table(i: number): string {
  return `${schemaOf(i)}.t_${String(i).padStart(4, "0")}`;
}

function shortName(i: number): string {
  return `t_${String(i).padStart(4, "0")}`;
}

function enumOf(i: number): string {
  return `bench_common.status_${i % ENUMS}`;
}

/** Tables 1..tables exist in a (minus dropped ones in b); b adds tables/20 new ones after them. */
function tableNumbers(tables: number, version: Version): number[] {
  const total = version === "b" ? tables + Math.floor(tables / 20) : tables;
  const numbers: number[] = [];
  for (let i = 1; i <= total; i++) if (!has(i, "dropTable", version)) numbers.push(i);
  return numbers;
}

/** The table i references: its predecessor in the same schema, when that one exists in this version. */
function parentOf(i: number, existing: Set<number>): number | null {
  const parent = i - SCHEMAS;
  return parent >= 1 && existing.has(parent) ? parent : null;
}

function enumSql(version: Version): string[] {
  const statements: string[] = [];
  for (let e = 0; e < ENUMS; e++) {
    // Two enums gain a value in the middle, which must be added BEFORE 'closed', not appended.
    const labels =
      version === "b" && e < 2 ? [...BASE_LABELS.slice(0, 3), "archived", "closed"] : BASE_LABELS;
    statements.push(
      `CREATE TYPE bench_common.status_${e} AS ENUM (${labels.map((l) => `'${l}'`).join(", ")});`,
    );
  }
  return statements;
}

function tableSql(i: number, existing: Set<number>, version: Version): string[] {
  const name = table(i);
  const short = shortName(i);
  const parent = parentOf(i, existing);
  const identity = i % 7 === 0 ? "BY DEFAULT" : "ALWAYS";
  const quantityType = has(i, "retypeColumn", version) ? "bigint" : "integer";
  const amountDefault = has(i, "changeDefault", version) ? "1" : "0";
  const amountCheck = has(i, "changeCheck", version) ? "amount >= 0 AND amount < 1000000000" : "amount >= 0";
  const onDelete = has(i, "changeForeignKey", version) ? "CASCADE" : "SET NULL";
  const columns = [
    `id bigint GENERATED ${identity} AS IDENTITY PRIMARY KEY`,
    "code text NOT NULL",
    "name text NOT NULL",
    `status ${enumOf(i)} NOT NULL DEFAULT 'new'`,
    `amount numeric(12,2) NOT NULL DEFAULT ${amountDefault}`,
    ...(has(i, "dropColumn", version) ? [] : [`quantity ${quantityType}`]),
    "payload jsonb NOT NULL DEFAULT '{}'::jsonb",
    ...(parent ? [`parent_id bigint REFERENCES ${table(parent)} (id) ON DELETE ${onDelete}`] : []),
    "created_at timestamptz NOT NULL DEFAULT now()",
    `updated_at timestamptz${has(i, "setNotNull", version) ? " NOT NULL" : ""}`,
    ...(has(i, "addColumn", version) ? ["note text"] : []),
    `CONSTRAINT ${short}_code_key UNIQUE (code)`,
    `CONSTRAINT ${short}_amount_check CHECK (${amountCheck})`,
    ...(has(i, "dropColumn", version)
      ? []
      : [`CONSTRAINT ${short}_quantity_check CHECK (quantity IS NULL OR quantity >= 0)`]),
    ...(has(i, "addUnique", version) ? [`CONSTRAINT ${short}_name_key UNIQUE (name)`] : []),
  ];
  const statements = [`CREATE TABLE ${name} (\n  ${columns.join(",\n  ")}\n);`];
  if (parent) statements.push(`CREATE INDEX ${short}_parent_idx ON ${name} (parent_id);`);
  if (i % 2 === 0 && !has(i, "dropIndex", version)) {
    statements.push(`CREATE INDEX ${short}_lower_name_idx ON ${name} (lower(name));`);
  }
  if (i % 3 === 0) {
    statements.push(`CREATE INDEX ${short}_active_idx ON ${name} (created_at) WHERE status = 'active';`);
  }
  if (i % 5 === 0) {
    statements.push(`CREATE INDEX ${short}_payload_idx ON ${name} USING gin (payload jsonb_path_ops);`);
  }
  if (has(i, "addIndex", version)) {
    statements.push(`CREATE INDEX ${short}_status_created_idx ON ${name} (status, created_at DESC);`);
  }
  if (i % 20 === 0) {
    const comment = has(i, "changeComment", version) ? "revised" : "original";
    statements.push(`COMMENT ON TABLE ${name} IS 'synthetic table ${i} (${comment})';`);
  }
  return statements;
}

/** Every fifth table has a view joining it to its parent; retyped columns flow through the view. */
function viewSql(i: number, existing: Set<number>, version: Version): string[] {
  if (i % 5 !== 0) return [];
  const parent = parentOf(i, existing);
  const select = ["c.id", "c.code", "c.name", "c.status"];
  if ((CHANGE.retypeColumn as readonly number[]).includes(i % 100)) select.push("c.quantity");
  if (has(i, "changeView", version)) select.push("c.amount", "c.updated_at");
  if (parent) select.push("p.name AS parent_name");
  const from = parent ? `${table(i)} c LEFT JOIN ${table(parent)} p ON p.id = c.parent_id` : `${table(i)} c`;
  return [
    `CREATE VIEW ${schemaOf(i)}.v_${shortName(i)} AS SELECT ${select.join(", ")} FROM ${from} WHERE c.status <> 'closed';`,
  ];
}

/** Every tenth table has a SQL function over it (overloaded by argument type for every 30th). */
function functionSql(i: number, version: Version): string[] {
  if (i % 10 !== 0) return [];
  const body = has(i, "changeFunction", version)
    ? `SELECT coalesce(sum(amount), 0) FROM ${table(i)} WHERE id = p_id OR parent_id = p_id`
    : `SELECT coalesce(sum(amount), 0) FROM ${table(i)} WHERE id = p_id`;
  const fn = `${schemaOf(i)}.${shortName(i)}_total`;
  const statements = [
    `CREATE FUNCTION ${fn}(p_id bigint) RETURNS numeric LANGUAGE sql STABLE AS $$ ${body} $$;`,
  ];
  if (i % 30 === 0) {
    statements.push(
      `CREATE FUNCTION ${fn}(p_code text) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT coalesce(sum(amount), 0) FROM ${table(i)} WHERE code = p_code $$;`,
    );
  }
  return statements;
}

function triggerSql(i: number, version: Version): string[] {
  const base = i % 10 === 2 && !has(i, "dropTrigger", version);
  if (!base && !has(i, "addTrigger", version)) return [];
  return [
    `CREATE TRIGGER ${shortName(i)}_touch BEFORE UPDATE ON ${table(i)} FOR EACH ROW EXECUTE FUNCTION bench_common.touch_updated_at();`,
  ];
}

const TOUCH_FUNCTION = `CREATE FUNCTION bench_common.touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;`;

/** The whole schema of one version: plain DDL statements, each complete on its own, in creation order. */
export function syntheticSchema(tables: number, version: Version): string[] {
  const numbers = tableNumbers(tables, version);
  const existing = new Set(numbers);
  const statements = ["CREATE SCHEMA bench_common;"];
  for (let s = 0; s < SCHEMAS; s++) statements.push(`CREATE SCHEMA bench_s${s};`);
  statements.push(...enumSql(version), TOUCH_FUNCTION);
  for (const i of numbers) statements.push(...tableSql(i, existing, version));
  for (const i of numbers) statements.push(...viewSql(i, existing, version));
  for (const i of numbers) statements.push(...functionSql(i, version));
  for (const i of numbers) statements.push(...triggerSql(i, version));
  return statements;
}
