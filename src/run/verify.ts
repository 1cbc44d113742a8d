import { catalogDigest } from "../catalog/digest.js";
import { type DbClient, databaseName, withClient } from "../db/connect.js";
import { MigrateError } from "../errors.js";
import { type LoadedPlan, readPlan } from "../plan/read.js";
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
  return withClient(
    options.databaseUrl,
    async (client) => {
      const snapshot = await takeSnapshot(client);
      const foundDigest = await catalogDigest(client);
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      let tables: TableFacts[];
      let checks: CheckResult[] = [];
      try {
        tables = await tableFacts(client, level === "thorough");
        if (level === "thorough")
          checks = [...(await orphanChecks(client)), ...(await validityChecks(client))];
      } finally {
        await client.query("COMMIT").catch(() => {});
      }
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
