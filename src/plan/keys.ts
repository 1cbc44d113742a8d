import { modelLookup } from "../catalog/lookup.js";
import type { SchemaModel } from "../catalog/model.js";

/** The primary key columns of a table in `model`, as SQL, from PostgreSQL's own constraint text. */
export function primaryKey(model: SchemaModel, tableId: string): string[] | null {
  const pk = modelLookup(model).primaryKeys.get(tableId);
  const columns = pk ? /^PRIMARY KEY \((.+)\)/.exec(pk.definition)?.[1] : undefined;
  return columns ? columns.split(", ") : null;
}
