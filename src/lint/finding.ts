import type { HazardCode, Severity } from "./hazards.js";

/** One hazard found at one place in one file. */
export interface LintFinding {
  code: HazardCode;
  name: string;
  severity: Severity;
  /** What this statement does wrong, with the names (and, with a database, the table size) involved. */
  message: string;
  rewrite: string;
  file: string;
  line: number;
  column: number;
  /** The statement's SQL, from its first token. */
  statement: string;
}

export interface LintReport {
  /** The file or directory that was linted. */
  path: string;
  /** The .sql files linted, in the order they were read. */
  files: string[];
  findings: LintFinding[];
  counts: Record<Severity, number>;
}

export function countBySeverity(findings: readonly LintFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
