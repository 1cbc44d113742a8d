/** How often and how patiently a step retries after losing a lock race. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseMs: 250, maxMs: 8000 };

// lock_not_available (lock_timeout expired) and deadlock_detected: the step lost a race with other
// sessions and may simply try again; everything else is a real failure.
const RETRYABLE = new Set(["55P03", "40P01"]);

export function isLockFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && RETRYABLE.has(code);
}

/**
 * Runs `attempt` until it succeeds, retrying lock timeouts with "full jitter" exponential backoff (a random
 * wait up to base·2^n, capped), so several blocked runners do not retry in lockstep.
 */
export async function withLockRetry<T>(
  policy: RetryPolicy,
  onRetry: (attempt: number, waitMs: number) => Promise<void>,
  attempt: () => Promise<T>,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isLockFailure(error) || n >= policy.attempts) throw error;
      const waitMs = Math.round(Math.random() * Math.min(policy.maxMs, policy.baseMs * 2 ** (n - 1)));
      await onRetry(n, waitMs);
      await wait(waitMs);
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
