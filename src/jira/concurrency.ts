/**
 * A small bounded-concurrency limiter (written here rather than pulling in p-limit):
 * at most `limit` tasks run at once, the rest wait, the highest priority first and
 * in FIFO order among equals. Only leaf work (single HTTP calls) should go through
 * it, so a task never waits on a slot held by its own caller.
 *
 * Priority exists for chains of pages that cannot run in parallel (a JSM list pages
 * without a total): a page of a chain that has read many pages goes before the
 * first pages of others, so the longest chain, which sets the run's shortest end,
 * never waits behind short ones; it holds one slot at a time, so it costs the
 * others little.
 */
export type Limiter = <T>(task: () => Promise<T>, priority?: Priority) => Promise<T>;

/**
 * A task's priority, or how to read it when the limiter chooses: a page read ahead
 * of need waits behind everything until its chain comes to need it.
 */
export type Priority = number | (() => number);

export function priorityOf(priority: Priority): number {
  return typeof priority === 'number' ? priority : priority();
}

export function createLimiter(limit: number): Limiter {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`Concurrency must be a positive integer, got ${limit}`);
  let active = 0;
  const waiting: { priority: Priority; start: () => void }[] = [];

  const release = (): void => {
    active -= 1;
    if (waiting.length === 0) return;
    // The first of the highest priority: FIFO among equals.
    let best = 0;
    let bestPriority = priorityOf(waiting[0]!.priority);
    for (let i = 1; i < waiting.length; i += 1) {
      const priority = priorityOf(waiting[i]!.priority);
      if (priority > bestPriority) [best, bestPriority] = [i, priority];
    }
    const [next] = waiting.splice(best, 1);
    next!.start();
  };

  return <T>(task: () => Promise<T>, priority: Priority = 0): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = (): void => {
        active += 1;
        let result: Promise<T>;
        try {
          result = task();
        } catch (error) {
          result = Promise.reject(error);
        }
        result.then(resolve, reject).finally(release);
      };
      if (active < limit) start();
      else waiting.push({ priority, start });
    });
}

/** `items.map(fn)` with at most `limit` calls of `fn` in flight; results keep the input order. */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const limiter = createLimiter(limit);
  return Promise.all(items.map((item, index) => limiter(() => fn(item, index))));
}
