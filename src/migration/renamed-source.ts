import { introspect, readCatalog } from "../catalog/introspect.js";
import type { SchemaModel } from "../catalog/model.js";
import { withClient } from "../db/connect.js";
import { diffSchemas } from "../diff/diff.js";
import type { Rename } from "../diff/renames.js";
import { planSteps } from "../plan/online.js";
import { renderScript } from "../plan/script.js";
import { runScript } from "../run/script.js";
import { createShadowDatabase, DEFAULT_SHADOW_PREFIX } from "../sources/shadow.js";
import type { LoadedSchema } from "./analyze.js";
import { renameChanges } from "./renames.js";

/**
 * The source schema as it looks after the declared renames, learnt the only trustworthy way: rebuild the
 * source in a shadow database, run the renames there, and read the catalog back. PostgreSQL itself then
 * rewrites every view, default and constraint that mentions a renamed name.
 */
export async function renamedSource(
  source: LoadedSchema,
  renames: Rename[],
  shadowServer: string,
): Promise<LoadedSchema> {
  const shadow = await createShadowDatabase(shadowServer, DEFAULT_SHADOW_PREFIX, "rename hints");
  try {
    return await withClient(shadow.url, async (client) => {
      const empty = await introspect(client);
      const simple = { downtimeAllowed: true, source: empty, target: source.model };
      const rebuild = planSteps(diffSchemas(empty, source.model), simple);
      await runScript(
        client,
        renderScript({ title: "rebuild source", lines: [] }, rebuild),
        "rebuild-source.sql",
      );
      await runScript(
        client,
        renderScript({ title: "renames", lines: [] }, renameSteps(renames, source.model)),
        "renames.sql",
      );
      const { model, fingerprint, digest } = await readCatalog(client);
      return { model, state: { ...source.state, fingerprint, digest } };
    });
  } finally {
    await shadow.drop();
  }
}

function renameSteps(renames: Rename[], model: SchemaModel) {
  return planSteps(renameChanges(renames, "forward"), {
    downtimeAllowed: true,
    source: model,
    target: model,
  });
}
