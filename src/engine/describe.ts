import {
  Await,
  type EventPrimitive,
  type LockPrimitive,
  type QueuePrimitive,
  type Futures,
  type Tasks,
} from './model';

/**
 * Python's `f"{t:.3f}"`. JavaScript's toFixed breaks exact ties upwards, Python to even; a tie
 * at the third decimal only happens for odd multiples of 1/16 (0.0625, 0.3125...).
 */
export function formatTime(t: number): string {
  const sixteenths = t * 16;
  if (Number.isInteger(sixteenths) && sixteenths % 2 !== 0 && Math.abs(t) < 2 ** 40) {
    const below = Math.floor(t * 1000);
    return ((below % 2 === 0 ? below : below + 1) / 1000).toFixed(3);
  }
  return t.toFixed(3);
}

/** What unfinished task `t` waits on, in words: `put to queue 'window' (full, 4/4)`. */
export function describeWait(tasks: Tasks, futures: Futures, t: number): string {
  if (!tasks.started[t]) return 'its first step (never ran)';
  const future = tasks.awaitFuture[t];
  const woken = future >= 0 && futures.done(future) ? ', already woken' : '';
  const primitive = tasks.awaitPrimitive[t];
  switch (tasks.awaiting[t]) {
    case Await.SLEEP:
      return `sleep until t=${formatTime(futures.when[future])}${woken}`;
    case Await.SLEEP0:
      return 'its next step (after sleep(0))';
    case Await.PUT: {
      const queue = primitive as QueuePrimitive;
      return `put to queue '${queue.name}' (full, ${queue.items.length}/${queue.maxsize})${woken}`;
    }
    case Await.GET:
      return `get from queue '${(primitive as QueuePrimitive).name}' (empty)${woken}`;
    case Await.LOCK:
      return `acquire Lock '${(primitive as LockPrimitive).name}' (held)${woken}`;
    case Await.SEMAPHORE: {
      const sem = primitive as LockPrimitive;
      return `acquire ${sem.kind} '${sem.name}' (value ${sem.value})${woken}`;
    }
    case Await.EVENT:
      return `wait for Event '${(primitive as EventPrimitive).name}' (not set)${woken}`;
    default:
      return 'its next step';
  }
}
