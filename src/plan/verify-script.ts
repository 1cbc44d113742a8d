import { catalogDigestQuery } from "../catalog/digest.js";
import { quoteLiteral } from "../db/quote.js";
import type { SchemaState } from "./plan.js";

/** verify.sql: fails (ON_ERROR_STOP) unless the database's catalog digest equals the plan's target. */
export function renderVerifyScript(target: SchemaState): string {
  const expected = quoteLiteral(target.digest);
  return [
    "-- migrate-mcp verify script: asserts the schema equals the plan target",
    `-- target fingerprint ${target.fingerprint}, catalog digest ${target.digest}`,
    "-- run with: psql -v ON_ERROR_STOP=1 -f verify.sql",
    "",
    "SET search_path = '';",
    "",
    "DO $verify$",
    "DECLARE",
    "  found text;",
    "BEGIN",
    `  found := (${catalogDigestQuery});`,
    `  IF found IS DISTINCT FROM ${expected} THEN`,
    `    RAISE EXCEPTION 'schema does not match the plan target: expected %, found %', ${expected}, found;`,
    "  END IF;",
    "  RAISE NOTICE 'schema matches the plan target (%)', found;",
    "END",
    "$verify$;",
    "",
  ].join("\n");
}
