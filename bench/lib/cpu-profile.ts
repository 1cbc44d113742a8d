import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** One function of a V8 CPU profile, with the time spent in it alone and in it plus its callees. */
export interface HotFunction {
  name: string;
  /** `path:line` of the compiled file, e.g. `dist/plan/runbook.js:35` (src/plan/runbook.ts). */
  location: string;
  selfMs: number;
  totalMs: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Reads the profile `node --cpu-prof --cpu-prof-dir=dir` wrote (the newest, when there are several). */
export async function readCpuProfile(dir: string): Promise<CpuProfile | null> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".cpuprofile")).sort();
  const last = files[files.length - 1];
  return last ? (JSON.parse(await readFile(join(dir, last), "utf8")) as CpuProfile) : null;
}

/**
 * Functions of our own compiled code (under `dist/`, not a dependency's), by time: `self` for where the CPU actually
 * goes, `total` for which caller is responsible. Recursive frames are counted once per sample.
 */
export function hotFunctions(
  profile: CpuProfile,
  limit: number,
): { self: HotFunction[]; total: HotFunction[] } {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const sampled = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const functions = new Map<string, HotFunction>();
  const entry = (node: ProfileNode): HotFunction | null => {
    const { url, functionName, lineNumber } = node.callFrame;
    const at = url.lastIndexOf("/dist/");
    if (at < 0 || url.includes("/node_modules/")) return null;
    const location = `${url.slice(at + 1)}:${lineNumber + 1}`;
    const key = `${functionName}@${location}`;
    let fn = functions.get(key);
    if (!fn) {
      fn = { name: functionName || "(anonymous)", location, selfMs: 0, totalMs: 0 };
      functions.set(key, fn);
    }
    return fn;
  };
  for (const [id, ms] of sampled) {
    const leaf = nodes.get(id);
    if (!leaf) continue;
    const own = entry(leaf);
    if (own) own.selfMs += ms;
    const seen = new Set<HotFunction>();
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const node = nodes.get(current);
      const fn = node ? entry(node) : null;
      if (fn && !seen.has(fn)) {
        fn.totalMs += ms;
        seen.add(fn);
      }
    }
  }
  const all = [...functions.values()];
  return {
    self: [...all].sort((a, b) => b.selfMs - a.selfMs).slice(0, limit),
    total: [...all].sort((a, b) => b.totalMs - a.totalMs).slice(0, limit),
  };
}
