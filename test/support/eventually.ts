/**
 * Retries `fn` until it stops throwing (e.g. until its `expect`s pass) or `timeoutMs` elapses,
 * then rethrows the last failure. For asynchronous effects such as search indexing: never a fixed
 * sleep. The timeout (30 s by default) only stops a hang: how fast an effect lands is measured by
 * `npm run bench` against its target, never asserted here (the machine running the suite is shared).
 */
export async function eventually<T>(
  fn: () => Promise<T> | T,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const intervalMs = options.intervalMs ?? 50;
  const started = Date.now();
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      const elapsed = Date.now() - started;
      if (elapsed >= timeoutMs) {
        if (err instanceof Error) err.message = `still failing after ${elapsed} ms: ${err.message}`;
        throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, timeoutMs - elapsed)));
    }
  }
}

/** Milliseconds `fn` takes to start passing, polling as `eventually` does. */
export async function timeUntil(
  fn: () => Promise<unknown> | unknown,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<number> {
  const started = Date.now();
  await eventually(fn, options);
  return Date.now() - started;
}
