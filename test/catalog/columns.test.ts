import { describe, expect, it } from "vitest";
import { readCatalog } from "../../src/catalog/index.js";
import { withClient } from "../../src/db/index.js";
import { freshDatabase } from "../helpers/db.js";

describe("column introspection", () => {
  it("marks a default volatile when any function it calls is volatile", async () => {
    const db = await freshDatabase(`
      CREATE FUNCTION public.pick() RETURNS int LANGUAGE sql VOLATILE AS $$ SELECT 1 $$;
      CREATE FUNCTION public.fixed() RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;
      CREATE TABLE public.t (
        plain int,
        stamped timestamptz DEFAULT now(),
        priced numeric(12, 2) DEFAULT 0,
        random_first int DEFAULT (random() * 10)::int,
        random_last int DEFAULT coalesce(public.fixed(), (random() * 10)::int),
        own_volatile int DEFAULT public.pick(),
        own_immutable int DEFAULT public.fixed(),
        lookalike text DEFAULT ':funcid 1 :funcid 2 ' || now()::text
      )`);
    const { model } = await withClient(db.url, readCatalog);
    const volatile = (name: string) => {
      const column = model.objects[`column:public.t.${name}`];
      if (column?.kind !== "column") throw new Error(`no column ${name}`);
      return column.defaultVolatile;
    };
    expect(
      [
        "plain",
        "stamped",
        "priced",
        "random_first",
        "random_last",
        "own_volatile",
        "own_immutable",
        "lookalike",
      ].map((name) => [name, volatile(name)]),
    ).toEqual([
      ["plain", false],
      ["stamped", false],
      ["priced", false],
      ["random_first", true],
      ["random_last", true],
      ["own_volatile", true],
      ["own_immutable", false],
      ["lookalike", false],
    ]);
  });
});
