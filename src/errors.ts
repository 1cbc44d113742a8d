/**
 * Every failure a user can act on is a MigrateError: a stable code, a one-line message that names the
 * problem and the fix, and the process exit code the CLI uses (2 = usage or connection, 1 = a failed
 * migration or verification).
 */
export type ErrorCode =
  | "USAGE"
  | "CONFIG"
  | "CONNECTION_REFUSED"
  | "CONNECTION_AUTH"
  | "DATABASE_NOT_FOUND"
  | "BAD_URL"
  | "EMBEDDED_SERVER"
  | "LOCK_TIMEOUT"
  | "SOURCE_INVALID"
  | "SOURCE_SQL"
  | "SHADOW_REFUSED"
  | "UNSUPPORTED"
  | "DESTRUCTIVE"
  | "PLAN_INVALID"
  | "MIGRATION_FAILED"
  | "VERIFY_FAILED"
  | "LINT_FAILED"
  | "DATABASE_REFUSED"
  | "QUERY_REFUSED"
  | "QUERY_FAILED"
  | "DRIFT_DETECTED"
  | "WRONG_DATABASE"
  | "REHEARSAL_REQUIRED"
  | "CANCELLED"
  | "INTERNAL";

// CANCELLED exits 1 too: like a failed run, the migration did not finish (its journal says where it stopped).
const EXIT_ONE: ReadonlySet<ErrorCode> = new Set([
  "MIGRATION_FAILED",
  "VERIFY_FAILED",
  "LINT_FAILED",
  "CANCELLED",
]);

export class MigrateError extends Error {
  override readonly name = "MigrateError";
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  get exitCode(): 1 | 2 {
    return EXIT_ONE.has(this.code) ? 1 : 2;
  }
}

export function isMigrateError(error: unknown): error is MigrateError {
  return error instanceof MigrateError;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
