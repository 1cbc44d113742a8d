import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { type DbClient, withClient } from "../db/index.js";
import { isMigrateError, MigrateError } from "../errors.js";
import { splitStatements } from "../sql/parse.js";
import { loadCatalogFacts } from "./catalog-facts.js";
import { countBySeverity, type LintFinding, type LintReport } from "./finding.js";
import { hazard } from "./hazards.js";
import { lintStatements } from "./lint-script.js";
import { ScriptPositions } from "./positions.js";

export interface LintOptions {
  /** Shown in findings; "<sql>" when absent. */
  fileName?: string;
  /** Sharpen findings with this database's catalog (table sizes, column types, volatility), read-only. */
  databaseUrl?: string;
}

/** Lints one script through the PostgreSQL parser. */
export async function lintSql(sql: string, options: LintOptions = {}): Promise<LintFinding[]> {
  const fileName = options.fileName ?? "<sql>";
  return withCatalog(options.databaseUrl, (client) => lintScript(sql, fileName, client));
}

/** Lints a .sql file, or every .sql file of a directory in lexical order, each as its own migration. */
export async function lintPath(
  path: string,
  options: Omit<LintOptions, "fileName"> = {},
): Promise<LintReport> {
  const files = await sqlFiles(path);
  const findings = await withCatalog(options.databaseUrl, async (client) => {
    const all: LintFinding[] = [];
    for (const file of files) all.push(...(await lintScript(await readFile(file, "utf8"), file, client)));
    return all;
  });
  return { path, files, findings, counts: countBySeverity(findings) };
}

function withCatalog<T>(databaseUrl: string | undefined, fn: (client?: DbClient) => Promise<T>): Promise<T> {
  if (!databaseUrl) return fn();
  return withClient(databaseUrl, fn, { readOnly: true, applicationName: "migrate-mcp lint" });
}

async function lintScript(sql: string, fileName: string, client?: DbClient): Promise<LintFinding[]> {
  let statements: Awaited<ReturnType<typeof splitStatements>>;
  try {
    statements = await splitStatements(sql, fileName);
  } catch (error) {
    if (isMigrateError(error) && error.code === "SOURCE_SQL") return [syntaxError(sql, fileName, error)];
    throw error;
  }
  const positions = await ScriptPositions.of(sql);
  const facts = client
    ? await loadCatalogFacts(
        client,
        statements.map((statement) => statement.tree),
      )
    : undefined;
  return lintStatements({ fileName, statements, positions, facts });
}

/** A file PostgreSQL cannot parse is a finding, so the other files of a directory are still linted. */
function syntaxError(sql: string, fileName: string, error: MigrateError): LintFinding {
  const cause = error.cause as { message?: string; sqlDetails?: { cursorPosition?: number } } | undefined;
  const { line, column } = ScriptPositions.withoutTokens(sql).lineColumn(
    cause?.sqlDetails?.cursorPosition ?? 0,
  );
  const info = hazard("MM000");
  return {
    code: info.code,
    name: info.name,
    severity: info.severity,
    message: cause?.message ?? error.message,
    rewrite: info.rewrite,
    file: fileName,
    line,
    column,
    statement: "",
  };
}

async function sqlFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    const problem = error.code === "ENOENT" ? "does not exist" : `cannot be read (${error.code})`;
    throw new MigrateError(
      "SOURCE_INVALID",
      `${path} ${problem}; pass a .sql file or a directory of .sql files`,
    );
  });
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".sql"))
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) {
    throw new MigrateError(
      "SOURCE_INVALID",
      `${path} holds no .sql files; pass a .sql file or a directory of them`,
    );
  }
  return names.map((name) => join(path, name));
}
