import { MigrateError } from "../errors.js";

/** A node of the ordering graph: one change, its tie-break rank and the nodes that must run before it. */
export interface GraphNode<T> {
  key: string;
  rank: number;
  value: T;
  after: Set<string>;
}

/**
 * Kahn's topological sort; among nodes that are ready, the lowest (rank, key) goes first, so the order is
 * deterministic and readable (drops of rebuilt objects, then creates by kind, then plain drops).
 */
export function topologicalOrder<T>(nodes: Map<string, GraphNode<T>>): T[] {
  const waiting = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const node of nodes.values()) {
    let count = 0;
    for (const before of node.after) {
      if (!nodes.has(before) || before === node.key) continue;
      count++;
      const list = dependents.get(before) ?? [];
      list.push(node.key);
      dependents.set(before, list);
    }
    waiting.set(node.key, count);
  }
  const ready = new MinHeap<GraphNode<T>>(
    (a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  for (const node of nodes.values()) if (waiting.get(node.key) === 0) ready.push(node);
  const order: T[] = [];
  while (ready.size > 0) {
    const node = ready.pop()!;
    order.push(node.value);
    for (const next of dependents.get(node.key) ?? []) {
      const left = (waiting.get(next) ?? 0) - 1;
      waiting.set(next, left);
      if (left === 0) ready.push(nodes.get(next)!);
    }
  }
  if (order.length !== nodes.size) {
    const stuck = [...waiting.entries()].filter(([, n]) => n > 0).map(([key]) => key);
    throw new MigrateError(
      "INTERNAL",
      `cannot order the changes, they depend on each other in a cycle: ${stuck.slice(0, 6).join(", ")}; please report this schema pair`,
    );
  }
  return order;
}

class MinHeap<T> {
  private items: T[] = [];
  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(items[i]!, items[parent]!) >= 0) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.compare(items[left]!, items[smallest]!) < 0) smallest = left;
        if (right < items.length && this.compare(items[right]!, items[smallest]!) < 0) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest]!, items[i]!];
        i = smallest;
      }
    }
    return top;
  }
}
