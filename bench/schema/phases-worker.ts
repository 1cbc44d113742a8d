import { parentPort, workerData } from "node:worker_threads";
import { profilePhases } from "./profile.js";

/** Runs profilePhases in a worker thread, so the bench can stop a phase that runs away (see runPhases). */
const { sourceUrl, targetUrl } = workerData as { sourceUrl: string; targetUrl: string };
await profilePhases(
  sourceUrl,
  targetUrl,
  (name) => parentPort?.postMessage({ starting: name }),
  (phase) => parentPort?.postMessage({ done: phase }),
);
