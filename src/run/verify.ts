import { catalogDigest } from "../catalog/digest.js";
import { type DbClient, databaseName, withClient } from "../db/connect.js";
import { MigrateError } from "../errors.js";
import { type LoadedPlan, readPlan } from "../plan/read.js";
import { Cancellation, Cancelled, cancelledBeforeStart } from "./cancel.js";
import { type CheckResult, orphanChecks, type TableFacts, tableFacts, validityChecks } from "./checks.js";
import { scriptHashes } from "./context.js";
import { Journal } from "./journal.js";
import { upgradeJournal } from "./journal-schema.js";
import { loadPlanModels } from "./plan-models.js";
import { takeSnapshot } from "./snapshot.js";
import { targetMismatch } from "./state.js";

export type VerifyLevel = "basic" | "thorough" | "comprehensive";

export interface VerifyOptions {
  databaseUrl: string;
  /** basic: schema equals the target, row counts; thorough: + row checksums, FK orphans, validity. */
  level?: VerifyLevel;
  /** Store the report in the journal's history (default true). */
  record?: boolean;
  /** Cancels the checks' queries on the server (CANCELLED); a cancelled verify records nothing. */
  signal?: AbortSignal;
}

export interface VerifyReport {
  planId: string;
  database: string;
  level: VerifyLevel;
  ok: boolean;
  checkedAt: string;
  schema: CheckResult & { expectedDigest: string; foundDigest: string; fingerprint: string };
  tables: TableFacts[];
  checks: CheckResult[];
}

/**
 * Verifies a database against a plan's target. All reads happen in one repeatable-read snapshot, so the
 * counts and checksums describe one moment; the report is then stored in history.
 */
export async function verifyPlan(dir: string, options: VerifyOptions): Promise<VerifyReport> {
  const level = options.level ?? "basic";
  if (level === "comprehensive") {
    throw new MigrateError(
      "UNSUPPORTED",
      "verify level comprehensive (segment checksums against a second database) is not available yet; use --level thorough",
    );
  }
  const loaded = await readPlan(dir);
  const { plan } = loaded;
  const models = await loadPlanModels(loaded);
  const cancel = new Cancellation(options.signal, options.databaseUrl);
  if (cancel.requested) throw cancelledBeforeStart(`verification of plan ${plan.id}`);
  return withClient(
    options.databaseUrl,
    async (client) => {
      const { snapshot, foundDigest, tables, checks } = await readFacts(client, level, cancel).catch(
        (error: unknown) => {
          if (!(error instanceof Cancelled)) throw error;
          throw new MigrateError(
            "CANCELLED",
            `verification of plan ${plan.id} was cancelled; it only reads and recorded nothing — run it again`,
            { cause: error },
          );
        },
      );
      const schemaOk = foundDigest === plan.target.digest && snapshot.fingerprint === plan.target.fingerprint;
      const report: VerifyReport = {
        planId: plan.id,
        database: databaseName(options.databaseUrl),
        level,
        ok: schemaOk && checks.every((check) => check.ok),
        checkedAt: new Date().toISOString(),
        schema: {
          name: "schema equals the plan's target",
          ok: schemaOk,
          detail: schemaOk
            ? `catalog digest ${foundDigest} and fingerprint match`
            : targetMismatch(snapshot, models.target, "the plan's target"),
          expectedDigest: plan.target.digest,
          foundDigest,
          fingerprint: snapshot.fingerprint,
        },
        tables,
        checks,
      };
      if (options.record ?? true) await recordReport(client, loaded, report);
      return report;
    },
    { applicationName: "migrate-mcp verify" },
  );
}

/**
 * Everything verify reads: the schema, then counts (and checks) in one repeatable-read snapshot. The reads
 * run under `cancel.guard`, so a cancel stops a long checksum on the server; the session is closed after.
 */
async function readFacts(client: DbClient, level: "basic" | "thorough", cancel: Cancellation) {
  const schema = await cancel.guard(client, async () => ({
    snapshot: await takeSnapshot(client),
    foundDigest: await catalogDigest(client),
  }));
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    return await cancel.guard(client, async () => {
      const tables = await tableFacts(client, level === "thorough");
      const checks: CheckResult[] =
        level === "thorough" ? [...(await orphanChecks(client)), ...(await validityChecks(client))] : [];
      // Stop before the history write: a report recorded after a cancel was not asked for.
      cancel.check();
      return { ...schema, tables, checks };
    });
  } finally {
    await client.query("COMMIT").catch(() => {});
  }
}

async function recordReport(client: DbClient, loaded: LoadedPlan, report: VerifyReport): Promise<void> {
  const { plan } = loaded;
  await upgradeJournal(client);
  const journal = new Journal(client, plan.id);
  const runId = await journal.startRun({
    planId: plan.id,
    planName: plan.name,
    operation: "verify",
    scriptHashes: scriptHashes(loaded),
    sourceFingerprint: plan.source.fingerprint,
    targetFingerprint: plan.target.fingerprint,
    startFingerprint: report.schema.fingerprint,
    goalFingerprint: plan.target.fingerprint,
    options: { level: report.level },
  });
  await journal.finishRun(runId, report.ok ? "succeeded" : "failed", {
    endFingerprint: report.schema.fingerprint,
    validation: report,
    error: report.ok ? undefined : failures(report).join("; "),
  });
}

/** The failed checks of a report, one line each. */
export function failures(report: VerifyReport): string[] {
  return [report.schema, ...report.checks].filter((check) => !check.ok).map((c) => `${c.name}: ${c.detail}`);
}
