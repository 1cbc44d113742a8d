import { parse } from "yaml";
import { z } from "zod";
import { loadConfig } from "../config.js";
import { withClient } from "../db/connect.js";
import { redact } from "../db/redact.js";
import { readPlan } from "../plan/read.js";
import { type RunRow, readPlanJournal, type StepRow } from "../run/journal.js";
import { journalVersion } from "../run/journal-schema.js";
import { rehearsalSchema, rehearsalStatus } from "../run/rehearsal-proof.js";
import { planStatus, type StatusReport } from "../run/status.js";
import type { ServerContext } from "./context.js";
import { DEFAULT_DATABASE } from "./databases.js";
import { planDirectory } from "./execution.js";
import { readPlanFile } from "./plans.js";
import { redactDeep } from "./tool.js";

/** A resource's content: JSON or Markdown when there is history, plain text saying so when there is none. */
export interface HistoryText {
  mimeType: "application/json" | "text/markdown" | "text/plain";
  text: string;
}

/** The database a plan's report and journal are read from, by name (never its URL). */
export interface PlanDatabase {
  name: string;
  url: string;
}

const sourceLabel = z.object({ source: z.object({ label: z.string() }) });

/**
 * The named database when the URI names one; otherwise the database the plan was generated from when that
 * is a configured name (its label is `name (url)`), since a plan runs against its source; else `default`.
 * Either way the name goes through the server's database rules (names only, URLs with --allow-urls).
 */
export async function planDatabase(
  context: ServerContext,
  planId: string,
  requested: string | undefined,
): Promise<PlanDatabase> {
  const yaml = await readPlanFile(context.cwd, planId, "plan.yaml");
  const name = requested ?? (await generatedFrom(context, yaml)) ?? DEFAULT_DATABASE;
  return { name, url: await context.database(name) };
}

async function generatedFrom(context: ServerContext, yaml: string): Promise<string | undefined> {
  const parsed = sourceLabel.safeParse(parse(yaml));
  if (!parsed.success) return undefined;
  const label = parsed.data.source.label;
  const { databases } = await loadConfig(context.cwd);
  return Object.keys(databases).find((name) => label === name || label.startsWith(`${name} (`));
}

/**
 * A plan's execution history from the database's migrate_mcp journal, as JSON: every apply, rollback and
 * verify run and every step row with status, attempts and timings. Read on a read-only session.
 */
export async function planJournal(
  context: ServerContext,
  planId: string,
  requested?: string,
): Promise<HistoryText> {
  const database = await planDatabase(context, planId, requested);
  const { version, journal } = await withClient(
    database.url,
    async (client) => ({
      version: await journalVersion(client),
      journal: await readPlanJournal(client, planId),
    }),
    { readOnly: true, applicationName: "migrate-mcp resource" },
  );
  if (journal.runs.length === 0 && journal.forward.length === 0 && journal.rollback.length === 0) {
    return { mimeType: "text/plain", text: redact(nothingYet(planId, database.name, version)) };
  }
  const body = {
    planId,
    database: database.name,
    journalVersion: version,
    runs: journal.runs.map(runEntry),
    forward: journal.forward.map(stepEntry),
    rollback: journal.rollback.map(stepEntry),
  };
  return { mimeType: "application/json", text: JSON.stringify(redactDeep(body), null, 2) };
}

function nothingYet(planId: string, database: string, version: number | null): string {
  const where =
    version === null
      ? `database "${database}" has no migrate_mcp journal`
      : `the migrate_mcp journal in database "${database}" has no run of it`;
  return (
    `No run of plan ${planId} is recorded yet: ${where}. run_migration_step, rollback_migration and ` +
    `verify_migration record their runs there; a rehearsal is recorded in the plan's plan.yaml ` +
    `(migrate://plans/${planId}/report shows it).`
  );
}

function durationMs(startedAt: string | null, finishedAt: string | null): number | null {
  return startedAt && finishedAt ? Date.parse(finishedAt) - Date.parse(startedAt) : null;
}

// The verify report is the report resource's business, and script hashes repeat plan.yaml.
function runEntry(run: RunRow) {
  return {
    id: run.id,
    operation: run.operation,
    status: run.status,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: durationMs(run.startedAt, run.finishedAt),
    runBy: run.runBy,
    osUser: run.osUser,
    clientHost: run.clientHost,
    clientPid: run.clientPid,
    applicationName: run.applicationName,
    options: run.options,
    startFingerprint: run.startFingerprint,
    goalFingerprint: run.goalFingerprint,
    endFingerprint: run.endFingerprint,
    backups: run.backups,
    error: run.error,
  };
}

// Rollback steps' stored definitions are the plan's SQL again; the step id and summary name them.
function stepEntry(step: StepRow) {
  return {
    stepId: step.stepId,
    position: step.position,
    summary: step.summary,
    status: step.status,
    attempts: step.attempts,
    runId: step.runId,
    startedAt: step.startedAt,
    finishedAt: step.finishedAt,
    durationMs: durationMs(step.startedAt, step.finishedAt),
    rowsDone: step.rowsDone,
    rowsTotal: step.rowsTotal,
    checkpoint: step.checkpoint,
    statementsDone: step.statementsDone,
    lockRetries: step.lockRetries,
    lockWaitMs: step.lockWaitMs,
    fingerprintAfter: step.fingerprintAfter,
    error: step.error,
  };
}

const verifyReportSchema = z.object({
  level: z.string(),
  ok: z.boolean(),
  checkedAt: z.string(),
  schema: z.object({ ok: z.boolean(), detail: z.string() }),
  tables: z.array(z.object({ table: z.string(), rows: z.number(), checksum: z.string().nullable() })),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })),
});

/**
 * A plan's report as Markdown: where the plan stands on the database (planStatus, the function behind the
 * `status` command), its last rehearsal (plan.yaml), its last verification and its last apply or rollback
 * (the journal). Plain text saying so when none of these exists yet.
 */
export async function planReport(
  context: ServerContext,
  planId: string,
  requested?: string,
): Promise<HistoryText> {
  const database = await planDatabase(context, planId, requested);
  const dir = await planDirectory(context, planId);
  const loaded = await readPlan(dir);
  const status = await planStatus(database.url, dir);
  const rehearsal = rehearsalSchema.safeParse(loaded.plan.rehearsal);
  if (status.history.length === 0 && loaded.plan.rehearsal === undefined) {
    return {
      mimeType: "text/plain",
      // With --allow-urls the database "name" may be a URL; its password must not reach the client.
      text: redact(
        `Nothing to report for plan ${planId} yet: it has not been rehearsed, and database "${database.name}" ` +
          `records no apply, rollback or verify of it. rehearse_migration, run_migration_step and ` +
          `verify_migration produce what this report shows.`,
      ),
    };
  }
  const lines = [`# Plan ${planId}: report`, "", `Database: ${database.name}`, ""];
  lines.push(...stateSection(status));
  const proof = rehearsal.success ? rehearsal.data : undefined;
  const standing = rehearsalStatus(loaded.plan);
  lines.push("## Rehearsal", "");
  if (!proof) lines.push(standing.passed ? "passed" : `${standing.reason}.`);
  else {
    lines.push(
      `${proof.status} at ${proof.at} on ${proof.database} (PostgreSQL ${proof.serverVersion}` +
        `${proof.withData === null ? ", schema only" : `, up to ${proof.withData} rows per table`}) in ${proof.totalMs} ms: ` +
        `forward ${steps(proof.forward.length)}, verify ${proof.verify.ok ? "ok" : "FAILED"}, ` +
        `rollback ${steps(proof.rollback.length)}, fingerprint ${proof.fingerprintRestored ? "restored" : "NOT restored"}, ` +
        `forward again ${steps(proof.forwardAgain.length)}.`,
    );
    if (!standing.passed) lines.push("", `It does not count for this plan now: ${standing.reason}.`);
    if (proof.error) lines.push("", `Error: ${proof.error}`);
  }
  lines.push("", ...verifySection(status.history, database.name), ...runSection(status.history));
  return { mimeType: "text/markdown", text: redactDeep(`${lines.join("\n")}\n`) as string };
}

function stateSection(status: StatusReport): string[] {
  const plan = status.plan;
  const lines = ["## State", ""];
  if (plan) {
    lines.push(
      `${plan.state}: ${plan.done} of ${plan.total} steps done${plan.current ? `, at step ${plan.current}` : ""}.`,
      "",
      "| step | status | attempts | started | finished | rows | lock retries | error |",
      "|---|---|---|---|---|---|---|---|",
    );
    for (const step of [...plan.steps, ...plan.rollback.map((s) => ({ ...s, id: `rollback ${s.id}` }))]) {
      const rows = step.rowsTotal === null ? "" : `${step.rowsDone}/${step.rowsTotal}`;
      lines.push(
        `| ${step.id} ${cell(step.summary)} | ${step.status} | ${step.attempts} | ${step.startedAt ?? ""} | ` +
          `${step.finishedAt ?? ""} | ${rows} | ${step.lockRetries} | ${cell(step.error ?? "")} |`,
      );
    }
  }
  lines.push(
    "",
    `Drift: ${status.drift.checked ? (status.drift.drifted ? "DRIFTED — " : "none — ") : ""}${status.drift.detail}`,
    "",
  );
  return lines;
}

function verifySection(history: RunRow[], database: string): string[] {
  const lines = ["## Last verification", ""];
  const run = history.find((candidate) => candidate.operation === "verify");
  const report = verifyReportSchema.safeParse(run?.validation);
  if (!run || !report.success) return [...lines, `Not verified on ${database} yet.`, ""];
  const { data } = report;
  lines.push(
    `${data.ok ? "passed" : "FAILED"} (level ${data.level}) at ${data.checkedAt}, run #${run.id} by ${run.runBy}.`,
    "",
    `- ${data.schema.ok ? "ok" : "FAILED"} schema equals the plan's target: ${data.schema.detail}`,
    ...data.checks.map((check) => `- ${check.ok ? "ok" : "FAILED"} ${check.name}: ${check.detail}`),
  );
  if (data.tables.length > 0) {
    lines.push("", "| table | rows | checksum |", "|---|---|---|");
    for (const table of data.tables)
      lines.push(`| ${table.table} | ${table.rows} | ${table.checksum ?? ""} |`);
  }
  return [...lines, ""];
}

function runSection(history: RunRow[]): string[] {
  const run = history.find((candidate) => candidate.operation !== "verify");
  if (!run) return ["## Last run", "", "No apply or rollback recorded yet.", ""];
  return [
    "## Last run",
    "",
    `${run.operation} #${run.id} ${run.status}, started ${run.startedAt}` +
      `${run.finishedAt ? `, finished ${run.finishedAt}` : ""}, by ${run.runBy}@${run.clientHost ?? "?"}.` +
      `${run.error ? ` Error: ${run.error}` : ""}`,
    ...(run.backups.length > 0
      ? ["", "Backups:", ...run.backups.map((b) => `- step ${b.stepId}: ${b.method} ${b.location}`)]
      : []),
    "",
  ];
}

function steps(count: number): string {
  return `${count} step${count === 1 ? "" : "s"}`;
}

/** Pipes and newlines would break a Markdown table row. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}
