import type { Node } from "libpg-query";
import { nameParts, walkTree } from "./nodes.js";

/** pg_proc.provolatile: immutable, stable, volatile. */
export type Volatility = "i" | "s" | "v";

export interface FunctionName {
  schema?: string;
  name: string;
}

/** Answers pg_proc.provolatile for a function, or undefined when the function is unknown. */
export type VolatilityLookup = (fn: FunctionName) => Volatility | undefined;

/**
 * pg_proc.provolatile of common default functions, for linting without a database (a test checks these
 * against the server's catalog). now(), current_timestamp and friends are STABLE, one value per transaction,
 * so since PostgreSQL 11 a default using them does not rewrite the table.
 */
const VOLATILE = [
  "random",
  "random_normal",
  "gen_random_uuid",
  "uuidv4",
  "uuidv7",
  "clock_timestamp",
  "timeofday",
  "nextval",
  "currval",
  "lastval",
  "setval",
  // uuid-ossp and pgcrypto, when installed.
  "uuid_generate_v1",
  "uuid_generate_v1mc",
  "uuid_generate_v4",
  "gen_random_bytes",
];
const STABLE = [
  "now",
  "transaction_timestamp",
  "statement_timestamp",
  "current_setting",
  "txid_current",
  "pg_current_xact_id",
];
const IMMUTABLE = ["lower", "upper", "abs", "round", "make_interval"];

export const KNOWN_VOLATILITY: ReadonlyMap<string, Volatility> = new Map([
  ...VOLATILE.map((name): [string, Volatility] => [name, "v"]),
  ...STABLE.map((name): [string, Volatility] => [name, "s"]),
  ...IMMUTABLE.map((name): [string, Volatility] => [name, "i"]),
]);

export const builtinVolatility: VolatilityLookup = (fn) =>
  fn.schema === undefined || fn.schema === "pg_catalog" || fn.schema === "public"
    ? KNOWN_VOLATILITY.get(fn.name)
    : undefined;

export interface DefaultVolatility {
  /** The most volatile function the expression calls, or "i" when it calls none. */
  volatility: Volatility | "unknown";
  /** The function that decided it (for the message). */
  culprit?: string;
}

const RANK: Record<Volatility | "unknown", number> = { i: 0, s: 1, unknown: 2, v: 3 };

/** How volatile a DEFAULT expression is: the most volatile function it calls. */
export function defaultVolatility(expression: Node, lookup: VolatilityLookup): DefaultVolatility {
  let result: DefaultVolatility = { volatility: "i" };
  walkTree(expression, (key, value) => {
    if (key !== "FuncCall") return;
    const parts = nameParts(value.funcname as Node[] | undefined);
    const name = parts.at(-1) ?? "";
    const fn: FunctionName = parts.length > 1 ? { schema: parts.at(-2), name } : { name };
    const volatility = lookup(fn) ?? "unknown";
    if (RANK[volatility] > RANK[result.volatility]) result = { volatility, culprit: `${parts.join(".")}()` };
  });
  return result;
}
