import { basename, resolve } from "node:path";
import { loadConfig } from "../config.js";
import type { Change } from "../diff/change.js";
import { MigrateError } from "../errors.js";
import { buildPlan, type MigrationPlan, type PlanOptions } from "../plan/plan.js";
import { DEFAULT_LOCK_TIMEOUT_MS } from "../plan/step.js";
import { liveDatabaseUrl } from "../sources/index.js";
import { loadBoth, planChanges, type SpecOptions } from "./analyze.js";
import { withUnusedLabelDrops } from "./enum-usage.js";

export interface GenerateOptions extends SpecOptions, Partial<Omit<PlanOptions, "renames">> {
  /** Plan directory; default `<plansDir or migrations>/<timestamp>_<slug>`. */
  out?: string;
  name?: string;
  /** Clock for the plan id and createdAt; injectable so tests are deterministic. */
  now?: Date;
}

export interface GeneratedPlan {
  plan: MigrationPlan;
  dir: string;
  files: string[];
}

/** Reads both schemas, diffs them both ways, refuses unconfirmed data loss, and writes the plan directory. */
export async function generateMigration(options: GenerateOptions): Promise<GeneratedPlan> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const config = await loadConfig(cwd);
  const planOptions: PlanOptions = {
    allowDestructive: options.allowDestructive ?? false,
    downtimeAllowed: options.downtimeAllowed ?? false,
    renames: [...(options.renames ?? []), ...config.renames],
    lockTimeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
  };
  // Annotation loads PostgreSQL's parser (WebAssembly, ~80 ms): started now, it loads while the catalogs are read.
  const planTools = Promise.all([import("../plan/annotate.js"), import("../plan/files.js")]);
  planTools.catch(() => {}); // a failure to load surfaces where it is awaited, not as an unhandled rejection
  const [source, target] = await loadBoth({ ...options, cwd });
  const planned = await planChanges(source, target, planOptions.renames, { ...options, cwd });
  const { rollback, renamedSource } = planned;
  // Labels no row holds are dropped without loss; only the live source database can say which.
  const sourceUrl = await liveDatabaseUrl(options.source, { cwd, config });
  const forward = await withUnusedLabelDrops(planned.forward, renamedSource, target.model, sourceUrl);
  if (!planOptions.allowDestructive) refuseDestructive(forward);

  const now = options.now ?? new Date();
  const name = slug(options.name ?? "migration");
  const dir = resolve(cwd, options.out ?? `${config.plansDir ?? "migrations"}/${timestamp(now)}_${name}`);
  const plan = buildPlan({
    id: basename(dir),
    name,
    source: source.state,
    target: target.state,
    options: planOptions,
    forward,
    rollback,
    models: { source: source.model, target: target.model },
    renamedSource,
  });
  const [{ annotateSteps }, { writePlanDirectory }] = await planTools;
  const annotate = { ...planOptions, lockTimeoutMs: planOptions.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS };
  plan.forwardSteps = await annotateSteps(plan.forwardSteps, {
    ...annotate,
    source: source.model,
    target: target.model,
  });
  plan.rollbackSteps = await annotateSteps(plan.rollbackSteps, {
    ...annotate,
    source: target.model,
    target: source.model,
  });
  const files = await writePlanDirectory(dir, plan, now.toISOString());
  return { plan, dir, files };
}

function refuseDestructive(changes: Change[]): void {
  const destructive = changes.filter((c) => c.destructive);
  if (destructive.length === 0) return;
  throw new MigrateError(
    "DESTRUCTIVE",
    `the plan would destroy data in ${destructive.length} change(s): ${destructive.map((c) => c.summary).join("; ")}; review them and pass --allow-destructive to accept`,
  );
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
}

export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "migration"
  );
}
