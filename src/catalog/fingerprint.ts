import { createHash } from "node:crypto";
import type { DbObject, SchemaModel } from "./model.js";

/**
 * A stable hash of the normalised model: object definitions only, no statistics, no server version, and
 * no column positions (an online type change or a restored column lands last without changing meaning).
 */
export function fingerprint(model: SchemaModel): string {
  const hash = createHash("sha256");
  for (const id of Object.keys(model.objects).sort()) {
    hash.update(id);
    hash.update("\0");
    hash.update(definitionText(model.objects[id]!));
    hash.update("\n");
  }
  return `sha256:${hash.digest("hex")}`;
}

/** The part of an object that defines it; positions and dependency lists are derived facts. */
export function comparable(object: DbObject): Record<string, unknown> {
  const { dependsOn: _ignored, ...rest } = object;
  if (rest.kind === "column") return { ...rest, position: 0 };
  if (rest.kind === "table") return { ...rest, columns: [...rest.columns].sort() };
  return rest;
}

const definitionTexts = new WeakMap<DbObject, string>();

/**
 * canonical(comparable(object)), remembered per object: the fingerprint and both directions of the diff
 * compare every object, and models are never changed once introspected.
 */
export function definitionText(object: DbObject): string {
  let text = definitionTexts.get(object);
  if (text === undefined) {
    text = canonical(comparable(object));
    definitionTexts.set(object, text);
  }
  return text;
}

/** JSON with sorted keys, so equal objects always serialise identically. For plain JSON data (no toJSON). */
export function canonical(value: unknown): string {
  return JSON.stringify(withSortedKeys(value));
}

// Copying with sorted keys and serialising natively once is twice as fast as a JSON.stringify replacer,
// which is called for every value; this runs over every catalog object of both schemas.
function withSortedKeys(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(withSortedKeys);
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort())
    sorted[key] = withSortedKeys((value as Record<string, unknown>)[key]);
  return sorted;
}
