import type { Change } from "../diff/change.js";
import { type Rename, renameStatements, reverseRenameStatements } from "../diff/renames.js";

const CHANGE_KIND = { table: "table", column: "column", "enum value": "enum" } as const;

/** One change per rename, so each is its own step in the plan. */
export function renameChanges(renames: Rename[], direction: "forward" | "rollback"): Change[] {
  const ordered = direction === "forward" ? renames : [...renames].reverse();
  return ordered.map((rename) => ({
    objectId: `rename:${rename.hint}`,
    kind: rename.kind === "follows" ? rename.object : CHANGE_KIND[rename.kind],
    action: "alter",
    summary: direction === "forward" ? `rename ${rename.hint}` : `undo rename ${rename.hint}`,
    statements: direction === "forward" ? renameStatements(rename) : reverseRenameStatements(rename),
    destructive: false,
  }));
}
