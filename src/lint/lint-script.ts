import type { ScanToken } from "libpg-query";
import type { ScriptStatement } from "../sql/parse.js";
import type { CatalogFacts } from "./catalog-facts.js";
import type { LintFinding } from "./finding.js";
import { type HazardCode, hazard, type Severity } from "./hazards.js";
import type { RelationRef } from "./nodes.js";
import type { ScriptPositions } from "./positions.js";
import { finishScript, lintStatement, type ReportOptions, type RuleContext } from "./rules/index.js";
import { ScriptState } from "./script-state.js";
import { sizedFinding } from "./table-size.js";
import { builtinVolatility, type VolatilityLookup } from "./volatility.js";

export interface ScriptInput {
  fileName: string;
  statements: readonly ScriptStatement[];
  positions: ScriptPositions;
  facts?: CatalogFacts;
}

interface RawFinding {
  code: HazardCode;
  message: string;
  offset: number;
  statement: string;
  table?: RelationRef;
  severity?: Severity;
}

/** PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated. */
const MAX_IDENTIFIER_BYTES = 63;

/** Runs every rule over a parsed script, in order, and turns what they report into findings. */
export function lintStatements(input: ScriptInput): LintFinding[] {
  const { positions, facts } = input;
  const state = new ScriptState();
  const raw: RawFinding[] = [];
  const reportedOnce = new Set<HazardCode>();
  const statementTexts = new Map<number, string>();
  const volatility: VolatilityLookup = facts
    ? (fn) => facts.volatility(fn) ?? builtinVolatility(fn)
    : builtinVolatility;

  const contextFor = (statementStart: number): RuleContext => {
    const statement = statementTexts.get(statementStart) ?? "";
    const report = (code: HazardCode, message: string, options: ReportOptions = {}) => {
      const { location, table, severity } = options;
      raw.push({ code, message, offset: location ?? statementStart, statement, table, severity });
    };
    const once = (code: HazardCode, setting: string, message: string) => {
      if (reportedOnce.has(code) || state.hasTimeout(setting)) return;
      reportedOnce.add(code);
      report(code, message);
    };
    return {
      state,
      facts,
      volatility,
      statementStart,
      report,
      takesLock: () => {
        once(
          "MM001",
          "lock_timeout",
          "the first statement that takes a blocking lock runs without lock_timeout",
        );
        once(
          "MM002",
          "statement_timeout",
          "the first statement that takes a blocking lock has no statement_timeout",
        );
      },
      existing: (ref) => !state.wasCreated(ref),
    };
  };

  const seenIdentifiers = new Set<string>();
  for (const statement of input.statements) {
    state.startStatement();
    const start = positions.firstTokenFrom(positions.byteOffsetOfChar(statement.offset));
    const end = positions.byteOffsetOfChar(statement.offset + statement.sql.length);
    statementTexts.set(start, positions.text(start, end));
    const ctx = contextFor(start);
    checkIdentifierLengths(positions.tokensBetween(start, end), seenIdentifiers, ctx);
    if (statement.tree) lintStatement(statement.tree, ctx);
  }
  finishScript(contextFor(state.beginLocation));

  return raw.sort((a, b) => a.offset - b.offset).map((finding) => toFinding(finding, input));
}

function toFinding(finding: RawFinding, input: ScriptInput): LintFinding {
  const info = hazard(finding.code);
  let sized = { severity: finding.severity ?? info.severity, message: finding.message };
  const table = finding.table && input.facts?.table(finding.table);
  if (table && info.size !== "none") sized = sizedFinding(info.size, sized, table);
  const { line, column } = input.positions.lineColumn(finding.offset);
  return {
    code: finding.code,
    name: info.name,
    severity: sized.severity,
    message: sized.message,
    rewrite: info.rewrite,
    file: input.fileName,
    line,
    column,
    statement: finding.statement,
  };
}

/** The scanner sees identifiers as written, before PostgreSQL truncates them. */
function checkIdentifierLengths(tokens: readonly ScanToken[], seen: Set<string>, ctx: RuleContext): void {
  for (const token of tokens) {
    if (token.tokenName !== "IDENT") continue;
    const identifier = token.text.startsWith('"')
      ? token.text.slice(1, -1).replaceAll('""', '"')
      : token.text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
    if (Buffer.byteLength(identifier, "utf8") <= MAX_IDENTIFIER_BYTES || seen.has(identifier)) continue;
    seen.add(identifier);
    ctx.report(
      "MM008",
      `"${identifier}" is ${Buffer.byteLength(identifier, "utf8")} bytes; PostgreSQL names it "${truncate(identifier)}"`,
      { location: token.start },
    );
  }
}

function truncate(identifier: string): string {
  let result = "";
  for (const char of identifier) {
    if (Buffer.byteLength(result + char, "utf8") > MAX_IDENTIFIER_BYTES) break;
    result += char;
  }
  return result;
}
