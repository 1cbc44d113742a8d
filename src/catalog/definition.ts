import type { DbObject } from "./model.js";

/**
 * The part of an object that defines it, with keys sorted at every level; positions and dependency lists
 * are derived facts. Built in one sorted copy: copying the object first, then sorting the copy, cost a
 * third more over every object of both schemas.
 */
function definitionOf(object: DbObject): Record<string, unknown> {
  const fields = object as unknown as Record<string, unknown>;
  const definition: Record<string, unknown> = {};
  for (const key of Object.keys(fields).sort()) {
    if (key === "dependsOn") continue;
    if (object.kind === "column" && key === "position") definition[key] = 0;
    else if (object.kind === "table" && key === "columns") definition[key] = [...object.columns].sort();
    else definition[key] = withSortedKeys(fields[key]);
  }
  return definition;
}

const definitionTexts = new WeakMap<DbObject, string>();

/** An object's definition as canonical JSON, remembered per object: models never change once read. */
export function definitionText(object: DbObject): string {
  let text = definitionTexts.get(object);
  if (text === undefined) {
    text = JSON.stringify(definitionOf(object));
    definitionTexts.set(object, text);
  }
  return text;
}

const catalogFacts = new WeakMap<DbObject, string>();

/** Remembers the catalog row (its digest fact) an introspected object was built from. */
export function recordFact(object: DbObject, fact: string): void {
  catalogFacts.set(object, fact);
}

/**
 * Whether two objects have the same definition. Objects built from equal catalog rows are equal (a table
 * also needs the same set of columns, which come from other rows), so canonical texts are built only for
 * the few objects whose rows differ, or that were not introspected (models read from a plan's files). On
 * two 20,000-object schemas that skips most of the canonical copying the comparison used to cost.
 */
export function sameDefinition(a: DbObject, b: DbObject): boolean {
  const fact = catalogFacts.get(a);
  if (fact !== undefined && fact === catalogFacts.get(b) && sameColumns(a, b)) return true;
  return definitionText(a) === definitionText(b);
}

function sameColumns(a: DbObject, b: DbObject): boolean {
  if (a.kind !== "table" || b.kind !== "table") return true;
  if (a.columns.length !== b.columns.length) return false;
  const theirs = new Set(b.columns);
  return a.columns.every((id) => theirs.has(id));
}

/** JSON with sorted keys, so equal objects always serialise identically. For plain JSON data (no toJSON). */
export function canonical(value: unknown): string {
  return JSON.stringify(withSortedKeys(value));
}

// Copying with sorted keys and serialising natively once is twice as fast as a JSON.stringify replacer,
// which is called for every value.
function withSortedKeys(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(withSortedKeys);
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort())
    sorted[key] = withSortedKeys((value as Record<string, unknown>)[key]);
  return sorted;
}
