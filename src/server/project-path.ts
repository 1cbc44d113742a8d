import { isAbsolute, relative, resolve } from "node:path";
import { MigrateError } from "../errors.js";

/**
 * A path the assistant gave, resolved against the project and refused when it leaves it: tools read SQL
 * files and quote what they cannot parse, so a path outside the project could echo any file.
 */
export function insideProject(cwd: string, path: string): string {
  const absolute = resolve(cwd, path);
  const inside = relative(cwd, absolute);
  if (inside.startsWith("..") || isAbsolute(inside)) {
    throw new MigrateError("USAGE", `${path} is outside the project (${cwd}); use files inside it`);
  }
  return absolute;
}
