import type { Change } from "../diff/change.js";
import { type Rename, renameStatements, reverseRenameStatements } from "../diff/renames.js";

/** One change per rename, so each is its own step in the plan. */
export function renameChanges(renames: Rename[], direction: "forward" | "rollback"): Change[] {
  const statements = direction === "forward" ? renameStatements(renames) : reverseRenameStatements(renames);
  const ordered = direction === "forward" ? renames : [...renames].reverse();
  return ordered.map((rename, i) => ({
    objectId: `rename:${rename.hint}`,
    kind: rename.kind === "table" ? "table" : "column",
    action: "alter",
    summary: direction === "forward" ? `rename ${rename.hint}` : `undo rename ${rename.hint}`,
    statements: [statements[i]!],
    destructive: false,
  }));
}
