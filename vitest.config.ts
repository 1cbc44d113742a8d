import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

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
  },
});
