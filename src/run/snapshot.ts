import { readCatalog } from "../catalog/introspect.js";
import type { SchemaModel } from "../catalog/model.js";
import type { DbClient } from "../db/connect.js";

/** A schema state: the model and its fingerprint. */
export interface Snapshot {
  model: SchemaModel;
  fingerprint: string;
}

export async function takeSnapshot(client: DbClient): Promise<Snapshot> {
  return readCatalog(client);
}

export function shortFingerprint(value: string): string {
  return value.replace(/^sha256:/, "").slice(0, 12);
}
