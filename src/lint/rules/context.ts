import type { CatalogFacts } from "../catalog-facts.js";
import type { HazardCode, Severity } from "../hazards.js";
import type { RelationRef } from "../nodes.js";
import type { ScriptState } from "../script-state.js";
import type { VolatilityLookup } from "../volatility.js";

export interface ReportOptions {
  /** Byte offset in the script; the statement's first token when absent. */
  location?: number;
  /** The table whose size decides how long the lock is held (see HazardInfo.size). */
  table?: RelationRef;
  /** Overrides the catalog severity when the facts make the hazard smaller (or unknown). */
  severity?: Severity;
}

/** What a rule sees while it looks at one statement. */
export interface RuleContext {
  readonly state: ScriptState;
  /** Catalog facts, when linting against a database. */
  readonly facts: CatalogFacts | undefined;
  readonly volatility: VolatilityLookup;
  /** Byte offset of the statement's first token. */
  readonly statementStart: number;
  report(code: HazardCode, message: string, options?: ReportOptions): void;
  /** The statement takes a lock that blocks reads or writes on a relation other sessions use. */
  takesLock(): void;
  /** A relation this script did not create itself, so it is assumed to exist and hold data. */
  existing(ref: RelationRef): boolean;
}
