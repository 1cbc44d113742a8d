import { describe, expect, it } from "vitest";
import { catalogDigestQuery, factsQuery } from "../../src/catalog/digest.js";
import { columnPositionsQuery } from "../../src/catalog/kinds/columns.js";
import { dependenciesQuery, endpointsQuery } from "../../src/catalog/kinds/dependencies.js";
import { CATALOG_KINDS } from "../../src/catalog/kinds/index.js";
import { extensionUpdatesQuery } from "../../src/catalog/kinds/namespaces.js";
import { tableStatsQuery } from "../../src/catalog/kinds/relations.js";

describe("catalog queries", () => {
  it("are ASCII, so a database in any encoding accepts their text, comments included", () => {
    const queries = {
      ...Object.fromEntries(CATALOG_KINDS.map((kind) => [kind.name, factsQuery(kind)])),
      catalogDigestQuery,
      columnPositionsQuery,
      dependenciesQuery,
      endpointsQuery,
      extensionUpdatesQuery,
      tableStatsQuery,
    };
    const offending = Object.entries(queries)
      .filter(([, text]) => Buffer.byteLength(text, "utf8") !== text.length)
      .map(([name]) => name);
    expect(offending).toEqual([]);
  });
});
