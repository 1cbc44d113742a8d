import { type RelationRef, sameRelation } from "./nodes.js";

/** A session setting as the script leaves it: set for the session, or with SET LOCAL for one transaction. */
interface TimeoutSetting {
  session: boolean;
  local: boolean;
}

/** A constraint added NOT VALID, waiting for its VALIDATE. */
export interface PendingConstraint {
  table: RelationRef;
  name: string;
  transaction: number;
  /** Set for CHECK (col IS NOT NULL): once validated, SET NOT NULL on that column skips its scan. */
  notNullColumn?: string;
}

/**
 * What the script has done so far, as the rules need to know it: the transaction it is in (psql -f
 * semantics: outside BEGIN … COMMIT every statement is its own transaction), the timeouts it set, and the
 * objects it created, dropped or constrained itself.
 */
export class ScriptState {
  inTransaction = false;
  /** Byte offset of the open BEGIN, for an uncommitted-transaction finding. */
  beginLocation = 0;
  private transactionCounter = 0;
  private readonly timeouts = new Map<string, TimeoutSetting>();
  readonly created: RelationRef[] = [];
  readonly dropped: RelationRef[] = [];
  readonly createdIndexes = new Set<string>();
  readonly pending: PendingConstraint[] = [];
  readonly validatedNotNull: { table: RelationRef; column: string }[] = [];
  readonly policies: RelationRef[] = [];

  /** Called before each statement: outside an explicit transaction, each statement gets its own. */
  startStatement(): void {
    if (!this.inTransaction) this.transactionCounter++;
  }

  get transaction(): number {
    return this.transactionCounter;
  }

  begin(location: number): void {
    this.inTransaction = true;
    this.beginLocation = location;
  }

  end(): void {
    this.inTransaction = false;
    for (const setting of this.timeouts.values()) setting.local = false;
  }

  setTimeout(name: string, enabled: boolean, local: boolean): void {
    const setting = this.timeouts.get(name) ?? { session: false, local: false };
    // SET LOCAL outside a transaction only draws a warning from the server; it changes nothing.
    if (local) setting.local = enabled && this.inTransaction;
    else {
      setting.session = enabled;
      setting.local = false;
    }
    this.timeouts.set(name, setting);
  }

  resetAllTimeouts(): void {
    this.timeouts.clear();
  }

  hasTimeout(name: string): boolean {
    const setting = this.timeouts.get(name);
    return setting !== undefined && (setting.session || setting.local);
  }

  wasCreated(ref: RelationRef): boolean {
    return this.created.some((created) => sameRelation(created, ref));
  }

  wasDropped(ref: RelationRef): boolean {
    return this.dropped.some((dropped) => sameRelation(dropped, ref));
  }

  hasValidatedNotNull(table: RelationRef, column: string): boolean {
    return this.validatedNotNull.some((check) => check.column === column && sameRelation(check.table, table));
  }

  hasPolicy(table: RelationRef): boolean {
    return this.policies.some((policy) => sameRelation(policy, table));
  }
}
