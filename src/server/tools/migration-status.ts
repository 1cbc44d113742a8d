import { z } from "zod";
import { planStatus } from "../../run/status.js";
import { planDirectory } from "../execution.js";
import { defineTool } from "../tool.js";
import { databaseArgument } from "./rehearse-migration.js";

const stepLine = z.object({
  id: z.string(),
  summary: z.string(),
  status: z.enum(["pending", "running", "paused", "done", "failed", "rolled_back"]),
  attempts: z.number(),
  rowsDone: z.number(),
  rowsTotal: z.number().nullable(),
  percent: z.number().nullable(),
  checkpoint: z.array(z.string()).nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  lockRetries: z.number(),
  error: z.string().nullable(),
});

export const migrationStatusOutput = {
  database: z.string(),
  journalVersion: z.number().nullable().describe("null: no migration ever ran on this database"),
  lockHolder: z
    .object({
      pid: z.number(),
      applicationName: z.string(),
      backendStart: z.string(),
      lockedSince: z.string().nullable(),
    })
    .nullable()
    .describe("The session running an apply or rollback now"),
  history: z.array(
    z.object({
      id: z.number(),
      planId: z.string(),
      operation: z.enum(["apply", "rollback", "verify"]),
      status: z.enum(["running", "succeeded", "failed", "paused", "interrupted"]),
      runBy: z.string(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      error: z.string().nullable(),
    }),
  ),
  plan: z
    .object({
      id: z.string(),
      name: z.string(),
      state: z.enum([
        "not started",
        "in progress",
        "paused",
        "failed",
        "applied",
        "rolling back",
        "rolled back",
      ]),
      current: z.string().nullable(),
      done: z.number(),
      total: z.number(),
      steps: z.array(stepLine),
      rollback: z.array(stepLine),
    })
    .nullable(),
  drift: z.object({
    checked: z.boolean(),
    drifted: z.boolean(),
    fingerprint: z.string(),
    detail: z.string(),
  }),
};

export const migrationStatusTool = defineTool({
  name: "migration_status",
  title: "Migration status",
  description:
    "What a database's journal and catalog say: recent runs, the session holding the runner lock, and " +
    "whether the schema drifted from where the journal left it. With plan_id, that plan's state and each " +
    "step's progress. Reads only.",
  input: {
    database: databaseArgument,
    plan_id: z.string().min(1).optional().describe("A plan id, for that plan's steps and progress"),
  },
  output: migrationStatusOutput,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, context) {
    const dir = args.plan_id === undefined ? undefined : await planDirectory(context, args.plan_id);
    const databaseUrl = await context.database(args.database);
    const report = await planStatus(databaseUrl, dir);
    const history = report.history.map((run) => ({
      id: run.id,
      planId: run.planId,
      operation: run.operation,
      status: run.status,
      runBy: run.runBy,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      error: run.error,
    }));
    const where = report.plan
      ? `plan ${report.plan.id} ${report.plan.state} (${report.plan.done}/${report.plan.total} steps)`
      : `${history.length} recent runs`;
    return {
      data: { ...report, history },
      summary: `${report.database}: ${where}${report.drift.drifted ? "; schema DRIFTED" : ""}`,
    };
  },
});
