import {
  Await,
  type ConnectionPrimitive,
  type EventPrimitive,
  type LockPrimitive,
  type QueuePrimitive,
  type Futures,
  type Gather,
  type Tasks,
} from './model';
import type { Wait } from './trace';

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

/** What unfinished task `t` waits on. */
export function waitOf(
  tasks: Tasks,
  futures: Futures,
  t: number,
  taskName: (t: number) => string,
  gathers: readonly Gather[] = [],
): Wait {
  if (!tasks.started[t]) return { kind: 'first' };
  const future = tasks.awaitFuture[t];
  const woken = future >= 0 && futures.done(future);
  const primitive = tasks.awaitPrimitive[t];
  switch (tasks.awaiting[t]) {
    case Await.SLEEP:
      return { kind: 'sleep', until: futures.when[future], woken };
    case Await.SLEEP0:
      return { kind: 'sleep0' };
    case Await.PUT: {
      const queue = primitive as QueuePrimitive;
      const { name, maxsize } = queue;
      return { kind: 'put', queue: name, size: queue.items.length, maxsize, woken };
    }
    case Await.GET:
      return { kind: 'get', queue: (primitive as QueuePrimitive).name, woken };
    case Await.LOCK:
      return { kind: 'lock', lock: (primitive as LockPrimitive).name, woken };
    case Await.SEMAPHORE: {
      const sem = primitive as LockPrimitive;
      return { kind: 'semaphore', type: sem.kind, semaphore: sem.name, value: sem.value, woken };
    }
    case Await.EVENT:
      return { kind: 'event', event: (primitive as EventPrimitive).name, woken };
    case Await.JOIN: {
      const queue = primitive as QueuePrimitive;
      return { kind: 'join', queue: queue.name, unfinished: queue.unfinished, woken };
    }
    case Await.GATHER: {
      const gather = gathers[tasks.awaitFuture[t]];
      return { kind: 'gather', tasks: gather.children.map(taskName), woken: gather.done };
    }
    case Await.TASK: {
      const awaited = tasks.awaitFuture[t];
      return { kind: 'task', task: taskName(awaited), woken: tasks.done(awaited) };
    }
    case Await.CONNECT:
    case Await.TRANSPORT:
      return { kind: 'io', conn: (primitive as ConnectionPrimitive).name, io: 'connect', woken };
    case Await.READ:
      return { kind: 'io', conn: (primitive as ConnectionPrimitive).name, io: 'read', woken };
    case Await.CLOSE:
      return { kind: 'io', conn: (primitive as ConnectionPrimitive).name, io: 'close', woken };
    case Await.EXEC:
      return { kind: 'io', conn: (primitive as ConnectionPrimitive).name, io: 'exec', woken };
    case Await.PROC_WAIT:
      return { kind: 'io', conn: (primitive as ConnectionPrimitive).name, io: 'exit', woken };
    default:
      return { kind: 'next' };
  }
}

const IO_WAITS = {
  connect: 'the connection of',
  read: 'data from',
  close: 'the close of',
  exec: 'the start of process',
  exit: 'the exit of process',
};

/** A wait in English words: `put to queue 'window' (full, 4/4)`. */
export function describeWait(wait: Wait): string {
  const woken = 'woken' in wait && wait.woken ? ', already woken' : '';
  switch (wait.kind) {
    case 'first':
      return 'its first step (never ran)';
    case 'sleep0':
      return 'its next step (after sleep(0))';
    case 'next':
      return 'its next step';
    case 'sleep':
      return `sleep until t=${formatTime(wait.until)}${woken}`;
    case 'put':
      return `put to queue '${wait.queue}' (full, ${wait.size}/${wait.maxsize})${woken}`;
    case 'get':
      return `get from queue '${wait.queue}' (empty)${woken}`;
    case 'lock':
      return `acquire Lock '${wait.lock}' (held)${woken}`;
    case 'semaphore':
      return `acquire ${wait.type} '${wait.semaphore}' (value ${wait.value})${woken}`;
    case 'event':
      return `wait for Event '${wait.event}' (not set)${woken}`;
    case 'join':
      return `join queue '${wait.queue}' (${wait.unfinished} unfinished)${woken}`;
    case 'task':
      return `task '${wait.task}' (not finished)${woken}`;
    case 'gather':
      return `gather(${wait.tasks.map((task) => `'${task}'`).join(', ')}) (not finished)${woken}`;
    case 'condition':
      return `notify of Condition '${wait.condition}'${woken}`;
    case 'wait':
      return `wait(${wait.tasks.map((task) => `'${task}'`).join(', ')})${woken}`;
    case 'taskgroup':
      return `the end of a TaskGroup's tasks (${wait.tasks.map((task) => `'${task}'`).join(', ')})${woken}`;
    case 'future':
      return `a future${woken}`;
    case 'io':
      return `${IO_WAITS[wait.io]} '${wait.conn}'${woken}`;
  }
}
