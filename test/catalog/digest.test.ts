import { describe, expect, it } from "vitest";
import { catalogDigest, readCatalog } from "../../src/catalog/index.js";
import { withClient } from "../../src/db/index.js";
import { freshDatabase } from "../helpers/db.js";

/** Both digests of one database: from introspection's rows, and from the query verify.sql runs. */
async function digests(url: string): Promise<{ read: string; server: string }> {
  return withClient(url, async (client) => ({
    read: (await readCatalog(client)).digest,
    server: await catalogDigest(client),
  }));
}

describe("catalog digest read with the model", () => {
  it("equals verify.sql's digest when byte order and UTF-16 order disagree", async () => {
    // U+FB01 sorts before U+1F600 bytewise (COLLATE "C") but after it in UTF-16 code units.
    const db = await freshDatabase(`
      CREATE TABLE public."x\u{1F600}" (id int);
      CREATE TABLE public."x\u{FB01}" (id int);
      COMMENT ON TABLE public."x\u{1F600}" IS 'smile \u{1F600}';
      COMMENT ON TABLE public."x\u{FB01}" IS 'ligature \u{FB01}';`);
    const { read, server } = await digests(db.url);
    expect(read).toBe(server);
    expect(read).not.toBe("md5:empty");
  });

  it("equals verify.sql's digest with quotes, backslashes, parentheses, commas and whitespace in values", async () => {
    const db = await freshDatabase(`
      CREATE TABLE public."odd ""name"", (x)" (id int, "tab\tcol" text DEFAULT E'a\\\\b', plain text DEFAULT '');
      COMMENT ON TABLE public."odd ""name"", (x)" IS E'line one\\nline two\\r\\f\\v "quoted" \\\\ end';
      COMMENT ON COLUMN public."odd ""name"", (x)".plain IS 'no-spaces-here';
      CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;`);
    const { read, server } = await digests(db.url);
    expect(read).toBe(server);
    // The same schema without the comment gives another digest: the quoted value is really digested.
    await withClient(db.url, (client) => client.query(`COMMENT ON TABLE public."odd ""name"", (x)" IS NULL`));
    const after = await digests(db.url);
    expect(after.read).toBe(after.server);
    expect(after.read).not.toBe(read);
  });

  it("reads names, comments and defaults that hold the character separating a kind's facts", async () => {
    // Introspection receives each kind's facts as one text split on U+001E; this character in a value
    // must neither split a fact nor change what is read.
    const db = await freshDatabase(`
      CREATE TABLE public."rs\u001ename" (id int, note text DEFAULT E'a\\x1eb');
      COMMENT ON TABLE public."rs\u001ename" IS E'one\\x1etwo';
      CREATE TABLE public.other (id int);`);
    const { model } = await withClient(db.url, readCatalog);
    const column = model.objects['column:public."rs\u001ename".note'];
    expect(column?.kind === "column" && column.default).toBe("'a\u001eb'::text");
    expect(model.objects['rel:public."rs\u001ename"']?.comment).toBe("one\u001etwo");
    expect(model.objects["rel:public.other"]?.kind).toBe("table");
    const { read, server } = await digests(db.url);
    expect(read).toBe(server);
  });

  it("asks the server in a database that is not UTF-8", async () => {
    const db = await freshDatabase(
      `CREATE TABLE public."café" (naïve text); COMMENT ON COLUMN public."café".naïve IS 'déjà vu'`,
      { encoding: "LATIN1" },
    );
    const encoding = await withClient(db.url, async (client) => {
      const { rows } = await client.query<{ server_encoding: string }>("SHOW server_encoding");
      return rows[0]?.server_encoding;
    });
    expect(encoding).toBe("LATIN1");
    const { read, server } = await digests(db.url);
    expect(read).toBe(server);
  });
});
