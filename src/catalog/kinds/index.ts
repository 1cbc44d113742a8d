import type { DbObject } from "../model.js";
import { aggregatesQuery, toAggregate } from "./aggregates.js";
import { castsQuery, toCast } from "./casts.js";
import { columnsQuery, constraintsQuery, indexesQuery, toColumn, toConstraint, toIndex } from "./columns.js";
import { defaultPrivilegesQuery, toDefaultPrivileges } from "./default-privileges.js";
import { eventTriggersQuery, toEventTrigger } from "./event-triggers.js";
import {
  collationsQuery,
  extensionsQuery,
  schemasQuery,
  toCollation,
  toExtension,
  toSchema,
} from "./namespaces.js";
import { sequencesQuery, tablesQuery, toSequence, toTable, toView, viewsQuery } from "./relations.js";
import {
  functionsQuery,
  policiesQuery,
  rulesQuery,
  toFunction,
  toPolicy,
  toRule,
  toTrigger,
  triggersQuery,
} from "./routines.js";
import { statisticsQuery, toStatistics } from "./statistics.js";
import {
  textSearchConfigurationsQuery,
  textSearchDictionariesQuery,
  toTextSearchConfiguration,
  toTextSearchDictionary,
} from "./text-search.js";
import {
  compositesQuery,
  domainsQuery,
  enumsQuery,
  rangesQuery,
  toComposite,
  toDomain,
  toEnum,
  toRange,
} from "./types.js";
import { toUnsupported, unsupportedQuery } from "./unsupported.js";

export interface CatalogKind {
  name: string;
  query: string;
  map: (row: never) => DbObject;
}

/**
 * One query per object kind, each mapped to model objects. These queries hold definitions only, and the
 * catalog digest covers exactly their rows: a kind's place in this list prefixes its digest facts, so
 * new kinds go at the end.
 */
export const CATALOG_KINDS: readonly CatalogKind[] = [
  { name: "schemas", query: schemasQuery, map: toSchema },
  { name: "extensions", query: extensionsQuery, map: toExtension },
  { name: "collations", query: collationsQuery, map: toCollation },
  { name: "enums", query: enumsQuery, map: toEnum },
  { name: "domains", query: domainsQuery, map: toDomain },
  { name: "composites", query: compositesQuery, map: toComposite },
  { name: "sequences", query: sequencesQuery, map: toSequence },
  { name: "tables", query: tablesQuery, map: toTable },
  { name: "views", query: viewsQuery, map: toView },
  { name: "columns", query: columnsQuery, map: toColumn },
  { name: "constraints", query: constraintsQuery, map: toConstraint },
  { name: "indexes", query: indexesQuery, map: toIndex },
  { name: "functions", query: functionsQuery, map: toFunction },
  { name: "triggers", query: triggersQuery, map: toTrigger },
  { name: "policies", query: policiesQuery, map: toPolicy },
  { name: "unsupported", query: unsupportedQuery, map: toUnsupported },
  { name: "statistics", query: statisticsQuery, map: toStatistics },
  { name: "ranges", query: rangesQuery, map: toRange },
  { name: "aggregates", query: aggregatesQuery, map: toAggregate },
  { name: "rules", query: rulesQuery, map: toRule },
  { name: "default_privileges", query: defaultPrivilegesQuery, map: toDefaultPrivileges },
  { name: "text_search_dictionaries", query: textSearchDictionariesQuery, map: toTextSearchDictionary },
  {
    name: "text_search_configurations",
    query: textSearchConfigurationsQuery,
    map: toTextSearchConfiguration,
  },
  { name: "casts", query: castsQuery, map: toCast },
  { name: "event_triggers", query: eventTriggersQuery, map: toEventTrigger },
];
