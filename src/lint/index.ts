export type { LintFinding, LintReport } from "./finding.js";
export {
  type Equivalents,
  HAZARDS,
  type HazardCode,
  type HazardInfo,
  hazard,
  isHazardCode,
  type Severity,
  type SizeEffect,
} from "./hazards.js";
export { type LintOptions, lintPath, lintSql } from "./lint-sql.js";
