import { redact } from "./db/redact.js";

/** How a CLI command reports: human text on stdout, or one JSON document with --json. */
export interface OutputOptions {
  json: boolean;
  quiet: boolean;
  debug: boolean;
}

export class Output {
  constructor(readonly options: OutputOptions) {}

  /** The command's result: JSON when asked, otherwise the human rendering. */
  result(data: unknown, human: () => string): void {
    if (this.options.json) {
      process.stdout.write(`${redact(JSON.stringify(data, null, 2))}\n`);
    } else if (!this.options.quiet) {
      const text = human();
      if (text) process.stdout.write(`${redact(text)}\n`);
    }
  }

  /** Progress and notes go to stderr so stdout stays parseable. */
  info(message: string): void {
    if (!this.options.quiet && !this.options.json) process.stderr.write(`${redact(message)}\n`);
  }
}
