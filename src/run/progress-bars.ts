import cliProgress from "cli-progress";
import type { EventSink, RunEvent } from "./events.js";

export interface Progress {
  sink: EventSink;
  stop: () => void;
}

/**
 * Run events for a person: progress bars on a terminal, plain lines otherwise (CI logs, pipes), where
 * redrawn bars would be noise. `stop` must be called when the run ends.
 */
export function terminalProgress(note: (message: string) => void): Progress {
  return process.stderr.isTTY ? progressBars(note) : progressLines(note);
}

/** One line per finished step and per notable event; backfills report every tenth of their rows. */
function progressLines(note: (message: string) => void): Progress {
  let lastTenth = -1;
  const sink = (event: RunEvent): void => {
    if (event.type === "step-finished") {
      note(`step ${event.stepId} done in ${event.ms} ms${event.rows === null ? "" : `, ${event.rows} rows`}`);
      lastTenth = -1;
    } else if (event.type === "backfill-progress") {
      const tenth = Math.floor(event.percent / 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      note(
        `step ${event.stepId}: ${event.rows}/${event.total} rows (${event.percent}%, ${event.rowsPerSecond} rows/s)`,
      );
    } else {
      const text = describe(event);
      if (text) note(text);
    }
  };
  return { sink, stop: () => {} };
}

/** The events worth a line of their own, in words. */
function describe(event: RunEvent): string | null {
  switch (event.type) {
    case "step-failed":
      return `step ${event.stepId} failed: ${event.error}`;
    case "lock-retry":
      return `step ${event.stepId}: lock timeout, retry ${event.attempt} in ${event.waitMs} ms`;
    case "backup":
      return `step ${event.stepId}: backed up ${event.tables.join(", ")} (${event.method}: ${event.location})`;
    case "invalid-index":
      return `step ${event.stepId}: dropped the invalid index ${event.index} left by an interrupted build; rebuilding`;
    case "paused":
      return `paused at ${event.percent}% of step ${event.stepId}`;
    case "rollback-started":
      return `rolling back: ${event.reason}`;
    case "warning":
      return `warning: ${event.message}`;
    default:
      return null;
  }
}

function progressBars(note: (message: string) => void): Progress {
  const bars = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      format: "{bar} {value}/{total} {label}",
      hideCursor: true,
      clearOnComplete: false,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  let steps: cliProgress.SingleBar | null = null;
  let backfill: cliProgress.SingleBar | null = null;
  const log = (message: string) => bars.log(`${message}\n`);
  const sink = (event: RunEvent): void => {
    switch (event.type) {
      case "run-started":
        steps = bars.create(event.total, 0, { label: `${event.operation} ${event.planId}` });
        break;
      case "step-started":
        steps?.update({ label: `step ${event.stepId}: ${event.summary}` });
        break;
      case "step-finished":
      case "step-skipped":
        steps?.increment();
        if (backfill) {
          bars.remove(backfill);
          backfill = null;
        }
        break;
      case "backfill-progress": {
        const eta = event.etaSeconds === null ? "" : `, ETA ${event.etaSeconds} s`;
        backfill ??= bars.create(event.total, 0, { label: "" });
        backfill.setTotal(event.total);
        backfill.update(event.rows, {
          label: `rows of step ${event.stepId} (${event.rowsPerSecond} rows/s${eta})`,
        });
        break;
      }
      case "warning":
        note(`warning: ${event.message}`);
        break;
      default: {
        const text = describe(event);
        if (text) log(text);
      }
    }
  };
  return { sink, stop: () => bars.stop() };
}
