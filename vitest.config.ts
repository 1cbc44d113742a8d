import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Test files that take several times longer than any other: the round trips of the whole corpus. */
const LONGEST = ["test/roundtrip/engine.test.ts"];

/**
 * Vitest starts the files it has timings for longest first, and the others largest first. A fresh clone (as
 * in CI) has no timings, and the round-trip file is among the smallest while it runs longest, so it started
 * last and ran on alone for minutes; started first, it runs beside the rest.
 */
class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const longest = (file: TestSpecification) => LONGEST.some((name) => file.moduleId.endsWith(name));
    return [...sorted.filter(longest), ...sorted.filter((file) => !longest(file))];
  }
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Test files spend most of their time waiting for PostgreSQL, in its own processes: one more file than
    // cores keeps the cores busy (vitest's default, one fewer, ran the suite in 642 s instead of 265 s on 2).
    maxWorkers: availableParallelism() + 1,
    sequence: { sequencer: LongestFirstSequencer },
  },
});
