import type { Command } from "commander";
import { ensureEmbeddedServer } from "../db/index.js";
import type { Output } from "../output.js";

export function registerDemoCommand(program: Command, output: () => Output): void {
  program
    .command("demo")
    .description("run the main job end to end on the embedded server")
    .action(async () => {
      const server = await ensureEmbeddedServer();
      output().result(server, () => `embedded PostgreSQL ${server.version} is ready at ${server.url}`);
    });
}
