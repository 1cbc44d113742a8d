/**
 * The typed, serialisable picture of a schema that diff and plan work on. Everything is read from
 * pg_catalog (see introspect.ts); definitions are PostgreSQL's own deparsed text (pg_get_*def), so the
 * model never depends on how the DDL was originally written.
 *
 * Object ids are `<kind>:<identity>` where identity is pg_identify_object()'s text for the object, which
 * is unique within its catalog and lets pg_depend facts be mapped onto model objects directly.
 */

/** One privilege as aclexplode() reports it; grantee "PUBLIC" for the public pseudo-role. */
export interface Grant {
  grantee: string;
  privilege: string;
  grantable: boolean;
}

/** Privileges relative to the defaults PostgreSQL gives a new object of the kind (see catalog/sql.ts). */
export interface Privileges {
  granted: Grant[];
  revoked: Grant[];
}

interface Base {
  id: string;
  /** Quoted `schema.name` (or the bare name for schema-less objects), ready for SQL. */
  sqlName: string;
  comment: string | null;
  /** Ids of model objects this one needs, from pg_depend (normal and automatic dependencies). */
  dependsOn: string[];
}

export interface SchemaObj extends Base {
  kind: "schema";
  name: string;
  grants: Privileges;
}

export interface ExtensionObj extends Base {
  kind: "extension";
  name: string;
  schema: string;
  version: string;
  /**
   * Nothing outside the extension uses its objects and it owns no tables, so dropping it and creating it
   * at another version loses nothing: how a version with no update path to it is reached.
   */
  standalone: boolean;
  /**
   * Privileges of the extension's members that differ from what its script left them, by GRANT target
   * (`FUNCTION public.similarity(text,text)`): pg_dump prints these as a user's changes.
   */
  memberGrants: Record<string, Privileges>;
}

export interface CollationObj extends Base {
  kind: "collation";
  schema: string;
  name: string;
  provider: string;
  collate: string | null;
  ctype: string | null;
  locale: string | null;
  deterministic: boolean;
}

export interface EnumObj extends Base {
  kind: "enum";
  schema: string;
  name: string;
  labels: string[];
  grants: Privileges;
}

export interface DomainConstraint {
  name: string;
  definition: string;
  validated: boolean;
  /** COMMENT ON CONSTRAINT … ON DOMAIN. */
  comment: string | null;
}

export interface DomainObj extends Base {
  kind: "domain";
  schema: string;
  name: string;
  baseType: string;
  notNull: boolean;
  default: string | null;
  collation: string | null;
  constraints: DomainConstraint[];
  grants: Privileges;
}

export interface CompositeAttribute {
  name: string;
  type: string;
  collation: string | null;
  /** COMMENT ON COLUMN type.attribute. */
  comment: string | null;
}

export interface CompositeObj extends Base {
  kind: "composite";
  schema: string;
  name: string;
  attributes: CompositeAttribute[];
  grants: Privileges;
}

/** A range type (CREATE TYPE … AS RANGE) and the multirange type PostgreSQL makes with it. */
export interface RangeObj extends Base {
  kind: "range";
  schema: string;
  name: string;
  subtype: string;
  /** The subtype's b-tree operator class when it is not the default one. */
  subtypeOpclass: string | null;
  /** The collation when it is not the subtype's. */
  collation: string | null;
  subtypeDiff: string | null;
  multirange: string;
  grants: Privileges;
}

export interface SequenceObj extends Base {
  kind: "sequence";
  schema: string;
  name: string;
  dataType: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  /** Column id (`column:…`) the sequence is OWNED BY, or null. */
  ownedBy: string | null;
  /** The owning column as SQL (`schema.table.column`), for the OWNED BY clause. */
  ownedBySql: string | null;
  unlogged: boolean;
  grants: Privileges;
}

export type ReplicaIdentity = "default" | "nothing" | "full" | "index";

export interface TableObj extends Base {
  kind: "table";
  schema: string;
  name: string;
  unlogged: boolean;
  /** reloptions as `name=value`, in the order PostgreSQL stores (and pg_dump prints) them. */
  options: string[];
  replicaIdentity: ReplicaIdentity;
  /** Index name used for REPLICA IDENTITY USING INDEX. */
  replicaIndex: string | null;
  /** pg_get_partkeydef() for a partitioned table. */
  partitionKey: string | null;
  /** For a typed table (CREATE TABLE … OF type): the composite type's id and name; its columns come from it. */
  ofType: string | null;
  ofTypeSql: string | null;
  /** Parent table id and bound for a partition. */
  partitionOf: string | null;
  partitionOfSql: string | null;
  partitionBound: string | null;
  /** Parent table ids (INHERITS), in inhseqno order. */
  inherits: string[];
  inheritsSql: string[];
  rowSecurity: boolean;
  forceRowSecurity: boolean;
  /** Column ids in attnum order. */
  columns: string[];
  grants: Privileges;
}

export type IdentityKind = "always" | "by default" | null;

/**
 * The sequence behind an identity column: its options, and what pg_dump shows of it as an object of its
 * own (its name in SEQUENCE NAME, its comment and grants). It belongs to the column and has no model object.
 */
export interface IdentityOptions {
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  /** Quoted `schema.name` of the sequence. */
  sequence: string;
  /** The sequence's name alone, for RENAME TO. */
  sequenceName: string;
  comment: string | null;
  grants: Privileges;
}

export interface ColumnObj extends Base {
  kind: "column";
  table: string;
  tableSql: string;
  name: string;
  position: number;
  type: string;
  collation: string | null;
  notNull: boolean;
  default: string | null;
  identity: IdentityKind;
  identityOptions: IdentityOptions | null;
  generated: string | null;
  /** The default calls a volatile function (pg_proc.provolatile), so adding the column rewrites the table. */
  defaultVolatile: boolean;
  /** Column exists only because a parent declares it (inheritance or partition); never created separately. */
  inherited: boolean;
  /** SET STATISTICS target; null for the server's default. */
  statistics: number | null;
  /** pg_attribute.attstorage when it differs from its type's (p, e, m or x); null otherwise. */
  storage: string | null;
  /** Its type's storage, what RESET means before PostgreSQL 16 has SET STORAGE DEFAULT. */
  typeStorage: string;
  /** SET COMPRESSION method (p: pglz, l: lz4); null for the server's default. */
  compression: string | null;
  /** Per-column options (n_distinct, …), as "name=value". */
  attributeOptions: string[];
  grants: Privileges;
}

export type ConstraintType = "primary key" | "unique" | "foreign key" | "check" | "exclusion" | "trigger";

export interface ConstraintObj extends Base {
  kind: "constraint";
  table: string;
  tableSql: string;
  name: string;
  type: ConstraintType;
  definition: string;
  validated: boolean;
  /** Storage options (fillfactor, …) of the index a primary key or unique constraint builds. */
  indexOptions: string[];
  /** That index, schema-qualified; null for other constraints. */
  indexSql: string | null;
  /** Inherited from a parent; created there, never separately. */
  inherited: boolean;
}

export interface IndexObj extends Base {
  kind: "index";
  table: string;
  tableSql: string;
  schema: string;
  name: string;
  definition: string;
  /** The primary key, unique or exclusion constraint this index backs; created and dropped with it. */
  ownerConstraint: string | null;
  /**
   * The partitioned index this index of a partition is attached to. The parent's create builds it (or
   * attaches it, when the partition has it already), as pg_dump does: CREATE INDEX … ON ONLY the parent,
   * each partition's index, then ALTER INDEX … ATTACH PARTITION.
   */
  parentIndex: string | null;
  clustered: boolean;
}

export interface ViewObj extends Base {
  kind: "view" | "materialized view";
  schema: string;
  name: string;
  /** pg_get_viewdef() as it is. */
  definition: string;
  /** reloptions in stored order, as for tables. */
  options: string[];
  populated: boolean;
  columnComments: Record<string, string>;
  /** Column privileges by column name, for the columns that have any. */
  columnGrants: Record<string, Privileges>;
  /** A view's column defaults by column name (ALTER VIEW … ALTER COLUMN … SET DEFAULT), for INSERTs through it. */
  columnDefaults: Record<string, string>;
  grants: Privileges;
}

export interface FunctionObj extends Base {
  kind: "function";
  schema: string;
  name: string;
  /** pg_get_function_identity_arguments(): the signature that distinguishes overloads. */
  identityArgs: string;
  isProcedure: boolean;
  /** pg_get_functiondef(): a complete CREATE OR REPLACE statement. */
  definition: string;
  /** pg_get_function_result(): CREATE OR REPLACE cannot change it, so a change means drop and create. */
  result: string | null;
  /** Argument names and defaults; changing them needs drop and create too. */
  signature: string;
  grants: Privileges;
}

/** A user aggregate (CREATE AGGREGATE), in the same namespace as functions. */
export interface AggregateObj extends Base {
  kind: "aggregate";
  schema: string;
  name: string;
  /** The CREATE AGGREGATE statement built from its pg_aggregate row. */
  definition: string;
  grants: Privileges;
}

export type TriggerEnabled = "origin" | "disabled" | "replica" | "always";

export interface TriggerObj extends Base {
  kind: "trigger";
  table: string;
  tableSql: string;
  name: string;
  definition: string;
  enabled: TriggerEnabled;
  /**
   * For a partition's clone of its parent's trigger: the parent's trigger id. A clone is in the model only
   * while its enabled state differs from its parent's (as pg_dump shows it); otherwise the parent's
   * statements describe it.
   */
  parentTrigger: string | null;
}

/** A rewrite rule (CREATE RULE) on a table or view, other than a view's own _RETURN rule. */
export interface RuleObj extends Base {
  kind: "rule";
  table: string;
  tableSql: string;
  name: string;
  /** pg_get_ruledef(): a complete CREATE RULE statement. */
  definition: string;
  enabled: TriggerEnabled;
}

export interface PolicyObj extends Base {
  kind: "policy";
  table: string;
  tableSql: string;
  name: string;
  permissive: boolean;
  command: string;
  roles: string[];
  using: string | null;
  withCheck: string | null;
}

/** An extended statistics object (CREATE STATISTICS) on one table's columns or expressions. */
export interface StatisticsObj extends Base {
  kind: "statistics";
  table: string;
  tableSql: string;
  name: string;
  /** The server's CREATE STATISTICS statement, schema-qualified. */
  definition: string;
  /** ALTER STATISTICS … SET STATISTICS; null for the default. */
  target: number | null;
}

/** An object kind the engine does not manage yet. Identical on both sides is fine; a difference is refused. */
export interface UnsupportedObj extends Base {
  kind: "unsupported";
  description: string;
  signature: string;
}

/**
 * What ALTER DEFAULT PRIVILEGES gives the objects a role creates later, everywhere or in one schema. Grants
 * are relative to PostgreSQL's built-in defaults everywhere (such a rule replaces them) and to nothing in
 * one schema (such a rule only adds to them).
 */
export interface DefaultPrivilegesObj extends Base {
  kind: "default privileges";
  /** The role whose new objects get these privileges; null for the role that read the catalog. */
  role: string | null;
  /** Quoted schema name, or null for the rule that applies everywhere. */
  schema: string | null;
  /** The kind of object as ALTER DEFAULT PRIVILEGES names it: TABLES, SEQUENCES, FUNCTIONS, TYPES, SCHEMAS. */
  objectType: string;
  grants: Privileges;
}

/** A text search dictionary: a template and its options. */
export interface TextSearchDictionaryObj extends Base {
  kind: "text search dictionary";
  /** The template, schema-qualified (pg_catalog.simple, …). */
  template: string;
  /** The options as CREATE gave them (dictinitoption), e.g. `stopwords = 'english'`; null for none. */
  options: string | null;
}

/** One token type of a text search configuration and the dictionaries it goes through, in order. */
export interface TextSearchMapping {
  token: string;
  dictionaries: string[];
}

/** A text search configuration: a parser and which dictionaries each token type goes through. */
export interface TextSearchConfigurationObj extends Base {
  kind: "text search configuration";
  /** The parser, schema-qualified. */
  parser: string;
  /** By token type, in the parser's token order. */
  mappings: TextSearchMapping[];
}

/** A user-defined cast between two types (CREATE CAST). */
export interface CastObj extends Base {
  kind: "cast";
  /** `(source AS target)`, as DROP CAST and COMMENT ON CAST name it. */
  signature: string;
  /** The function it calls, with its argument types; null for WITHOUT FUNCTION and WITH INOUT. */
  function: string | null;
  /** f: WITH FUNCTION, b: WITHOUT FUNCTION (binary coercible), i: WITH INOUT. */
  method: "f" | "b" | "i";
  /** e: explicit only, a: AS ASSIGNMENT, i: AS IMPLICIT. */
  context: "e" | "a" | "i";
}

/** An event trigger (CREATE EVENT TRIGGER): database-wide, named without a schema. */
export interface EventTriggerObj extends Base {
  kind: "event trigger";
  name: string;
  /** ddl_command_start, ddl_command_end, sql_drop, table_rewrite or login. */
  event: string;
  /** Its function with argument types (none), schema-qualified: `public.f()`. */
  function: string;
  /** WHEN TAG IN (…), in stored order; null when it fires for every command. */
  tags: string[] | null;
  /** O: enabled, D: disabled, R: ENABLE REPLICA, A: ENABLE ALWAYS. */
  enabled: "O" | "D" | "R" | "A";
}

export type DbObject =
  | SchemaObj
  | ExtensionObj
  | CollationObj
  | EnumObj
  | DomainObj
  | CompositeObj
  | RangeObj
  | SequenceObj
  | TableObj
  | ColumnObj
  | ConstraintObj
  | IndexObj
  | ViewObj
  | FunctionObj
  | AggregateObj
  | TriggerObj
  | PolicyObj
  | RuleObj
  | StatisticsObj
  | DefaultPrivilegesObj
  | TextSearchDictionaryObj
  | TextSearchConfigurationObj
  | CastObj
  | EventTriggerObj
  | UnsupportedObj;

export type ObjectKind = DbObject["kind"];

export interface TableStats {
  rows: number;
  bytes: number;
}

export interface SchemaModel {
  serverVersion: number;
  /** Casts PostgreSQL performs without touching data (pg_cast.castmethod = 'b'), as "from=>to" type names. */
  binaryCoercible: string[];
  /** Every cast pg_cast declares, as "from=>to"; a type change without one goes through text. */
  casts?: string[];
  /**
   * By extension name, the versions its installed version can be updated to (pg_extension_update_paths).
   * A fact about the server's extension files, not about the schema, so not part of the fingerprint.
   */
  extensionUpdates?: Record<string, string[]>;
  /** Every object by id. */
  objects: Record<string, DbObject>;
  /** Size estimates by table id, from pg_class; not part of the fingerprint. */
  stats: Record<string, TableStats>;
}
