import { describe, expect, it } from "vitest";
import { definitionText, sameDefinition } from "../../src/catalog/definition.js";
import { readCatalog } from "../../src/catalog/index.js";
import type { SchemaModel } from "../../src/catalog/model.js";
import { withClient } from "../../src/db/index.js";
import { freshDatabase } from "../helpers/db.js";

async function read(sql: string): Promise<{ model: SchemaModel; fingerprint: string }> {
  const db = await freshDatabase(sql);
  return withClient(db.url, readCatalog);
}

function object(model: SchemaModel, id: string) {
  const found = model.objects[id];
  if (!found) throw new Error(`${id} is not in the model`);
  return found;
}

describe("schema fingerprint", () => {
  it("ignores column order and changes with any definition", async () => {
    const [ab, ba, changed] = await Promise.all([
      read("CREATE TABLE public.t (a int, b text); COMMENT ON COLUMN public.t.b IS 'note'"),
      read("CREATE TABLE public.t (b text, a int); COMMENT ON COLUMN public.t.b IS 'note'"),
      read("CREATE TABLE public.t (b text, a int); COMMENT ON COLUMN public.t.b IS 'other note'"),
    ]);
    expect(ab.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(ba.fingerprint).toBe(ab.fingerprint);
    expect(changed.fingerprint).not.toBe(ab.fingerprint);
  });
});

describe("sameDefinition", () => {
  it("agrees with the canonical texts, whether or not the objects were introspected", async () => {
    const [one, two] = await Promise.all([
      read("CREATE TABLE public.t (a int NOT NULL, b text); CREATE INDEX t_b ON public.t (b)"),
      read("CREATE TABLE public.t (a int NOT NULL, b text, c int); CREATE INDEX t_b ON public.t (lower(b))"),
    ]);
    // A table's own catalog row is the same in both; its set of columns is not.
    expect(sameDefinition(object(one.model, "rel:public.t"), object(two.model, "rel:public.t"))).toBe(false);
    expect(
      sameDefinition(object(one.model, "column:public.t.a"), object(two.model, "column:public.t.a")),
    ).toBe(true);
    expect(sameDefinition(object(one.model, "rel:public.t_b"), object(two.model, "rel:public.t_b"))).toBe(
      false,
    );
    // A model read back from a plan's JSON has no catalog rows and compares by canonical text.
    const saved = JSON.parse(JSON.stringify(one.model)) as SchemaModel;
    for (const id of Object.keys(one.model.objects)) {
      expect(sameDefinition(object(saved, id), object(one.model, id))).toBe(true);
      expect(definitionText(object(saved, id))).toBe(definitionText(object(one.model, id)));
    }
    expect(sameDefinition(object(saved, "rel:public.t"), object(two.model, "rel:public.t"))).toBe(false);
  });
});
