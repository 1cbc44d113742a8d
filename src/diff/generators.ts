import type { DbObject } from "../catalog/model.js";
import type { Generator } from "./change.js";
import { castSql } from "./sql/casts.js";
import { columnSql } from "./sql/columns.js";
import { constraintSql, indexSql } from "./sql/constraints.js";
import { defaultPrivilegesSql } from "./sql/default-privileges.js";
import { eventTriggerSql } from "./sql/event-triggers.js";
import { collationSql, extensionSql, schemaSql } from "./sql/namespaces.js";
import { aggregateSql, functionSql, policySql, ruleSql, triggerSql } from "./sql/routines.js";
import { sequenceSql } from "./sql/sequences.js";
import { statisticsSql } from "./sql/statistics.js";
import { tableSql } from "./sql/tables.js";
import { textSearchConfigurationSql, textSearchDictionarySql } from "./sql/text-search.js";
import { compositeSql, domainSql, enumSql, rangeSql } from "./sql/types.js";
import { viewSql } from "./sql/views.js";

type Supported = Exclude<DbObject, { kind: "unsupported" }>;

const GENERATORS: { [K in Supported["kind"]]: Generator<Extract<Supported, { kind: K }>> } = {
  schema: schemaSql,
  extension: extensionSql,
  collation: collationSql,
  enum: enumSql,
  domain: domainSql,
  composite: compositeSql,
  range: rangeSql,
  sequence: sequenceSql,
  table: tableSql,
  column: columnSql,
  constraint: constraintSql,
  index: indexSql,
  view: viewSql,
  "materialized view": viewSql,
  function: functionSql,
  aggregate: aggregateSql,
  trigger: triggerSql,
  policy: policySql,
  rule: ruleSql,
  statistics: statisticsSql,
  "default privileges": defaultPrivilegesSql,
  "text search dictionary": textSearchDictionarySql,
  "text search configuration": textSearchConfigurationSql,
  cast: castSql,
  "event trigger": eventTriggerSql,
};

/** The generator for an object's kind. */
export function generatorFor(object: Supported): Generator<Supported> {
  return GENERATORS[object.kind] as Generator<Supported>;
}

export type { Supported };

/** Creation order among independent objects, for readable scripts; dependencies decide the rest. */
export const KIND_RANK: Record<Supported["kind"] | "sequence owner" | "replica identity", number> = {
  schema: 0,
  extension: 1,
  collation: 2,
  "text search dictionary": 2,
  "text search configuration": 2,
  enum: 3,
  domain: 4,
  composite: 5,
  range: 5,
  function: 6,
  aggregate: 6,
  cast: 6,
  sequence: 7,
  table: 8,
  column: 9,
  "sequence owner": 10,
  constraint: 11,
  index: 12,
  "replica identity": 13,
  view: 14,
  "materialized view": 15,
  trigger: 16,
  policy: 17,
  rule: 17,
  statistics: 18,
  // Last, so that objects the plan creates get only the privileges the target gives them, and no event
  // trigger fires for the plan's own statements (see addBracketingEdges).
  "default privileges": 19,
  "event trigger": 19,
};
