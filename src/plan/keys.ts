import type { ConstraintObj, SchemaModel } from "../catalog/model.js";

/** The primary key columns of a table in `model`, as SQL, from PostgreSQL's own constraint text. */
export function primaryKey(model: SchemaModel, tableId: string): string[] | null {
  const pk = Object.values(model.objects).find(
    (o): o is ConstraintObj => o.kind === "constraint" && o.table === tableId && o.type === "primary key",
  );
  const columns = pk ? /^PRIMARY KEY \((.+)\)/.exec(pk.definition)?.[1] : undefined;
  return columns ? columns.split(", ") : null;
}
