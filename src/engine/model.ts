/**
 * The objects of the model, named after their CPython counterparts: futures, timer handles,
 * tasks and the synchronisation primitives. Their behaviour lives in simulation.ts; these are
 * the plain records it works on.
 */
import { Deque } from './deque';
import type { PrimitiveType } from '../scenario/types';

/** An exception inside the simulated program, e.g. `RuntimeError: Lock is not acquired.` */
export class PyError {
  constructor(
    readonly type: string,
    readonly message: string,
  ) {}
  toString(): string {
    return this.message ? `${this.type}: ${this.message}` : this.type;
  }
}
export const CANCELLED_ERROR = new PyError('CancelledError', '');

export const PENDING = 0;
export const FINISHED = 1;
export const CANCELLED = 2;

/**
 * The futures (`asyncio.Future`), column by column, numbered in creation order: a future is its
 * number, in the tasks' columns and in the primitives' queues of waiters. Its only done
 * callback, in these programs, is the wake-up of the task awaiting it.
 *
 * A sleep's future is also its `TimerHandle` (in the heap, then in the ready queue): one entry
 * where CPython has two objects, as nothing else refers to that future. The timer columns
 * (`timer`, `when`, `scheduled`, `handleCancelled`, `ran`) are set for those only.
 *
 * Columns rather than objects: 100,000 tasks make 200,000 futures and timers, which as objects
 * a cold run spent about 40 ms allocating and collecting. The columns grow (and are
 * replaced) as futures are made: read them through this object, never keep one.
 */
export class Futures {
  count = 0;
  /** PENDING, FINISHED or CANCELLED. */
  state: Uint8Array;
  /** The task whose wake-up is its done callback, or -1. */
  waiter: Int32Array;
  /** The task that made it (the one that awaits it). */
  owner: Int32Array;
  /** Its timer's number (creation order among timers, the tie-break of equal deadlines), or -1. */
  timer: Int32Array;
  when: Float64Array;
  /** 1 while in the heap (`_scheduled`). */
  scheduled: Uint8Array;
  /** 1 when the handle (not its future) was cancelled: `TimerHandle._cancelled`. */
  handleCancelled: Uint8Array;
  /** 1 once its callback ran (set the sleep future's result unless cancelled). */
  ran: Uint8Array;

  constructor(capacity = 1024) {
    this.state = new Uint8Array(capacity);
    this.waiter = new Int32Array(capacity);
    this.owner = new Int32Array(capacity);
    this.timer = new Int32Array(capacity);
    this.when = new Float64Array(capacity);
    this.scheduled = new Uint8Array(capacity);
    this.handleCancelled = new Uint8Array(capacity);
    this.ran = new Uint8Array(capacity);
  }

  /** A pending future, made by task `owner`; its number. */
  create(owner: number): number {
    const f = this.count;
    if (f === this.state.length) this.grow();
    this.count = f + 1;
    this.state[f] = PENDING;
    this.waiter[f] = -1;
    this.owner[f] = owner;
    this.timer[f] = -1;
    return f;
  }

  /** The future of task `owner`'s sleep until `when`, and its timer handle, number `timer`. */
  createTimer(owner: number, timer: number, when: number): number {
    const f = this.create(owner);
    this.timer[f] = timer;
    this.when[f] = when;
    this.scheduled[f] = 1;
    this.handleCancelled[f] = 0;
    this.ran[f] = 0;
    return f;
  }

  done(f: number): boolean {
    return this.state[f] !== PENDING;
  }

  cancelled(f: number): boolean {
    return this.state[f] === CANCELLED;
  }

  private grow(): void {
    const size = 2 * this.state.length;
    const grown = <A extends Uint8Array | Int32Array | Float64Array>(array: A): A => {
      const next = new (array.constructor as new (n: number) => A)(size);
      next.set(array as never);
      return next;
    };
    this.state = grown(this.state);
    this.waiter = grown(this.waiter);
    this.owner = grown(this.owner);
    this.timer = grown(this.timer);
    this.when = grown(this.when);
    this.scheduled = grown(this.scheduled);
    this.handleCancelled = grown(this.handleCancelled);
    this.ran = grown(this.ran);
  }
}

/**
 * What the ready queue holds: a task's step (`Task.__step`, first or after a yield, or
 * `Task.__wakeup`), as the task's number (a task has at most one step in the queue at a time),
 * or a timer's callback, as `timerHandle(f)` of its future: a negative number.
 */
export type ReadyHandle = number;
export const timerHandle = (f: number): ReadyHandle => -1 - f;
/** The future of a timer's ready handle. */
export const handleTimer = (handle: ReadyHandle): number => -1 - handle;

/** Where a suspended task is inside an awaited primitive operation. */
export const Await = {
  NONE: 0,
  SLEEP: 1,
  SLEEP0: 2,
  PUT: 3,
  GET: 4,
  LOCK: 5,
  SEMAPHORE: 6,
  EVENT: 7,
  /** `await queue.join()`: `await self._finished.wait()`. */
  JOIN: 8,
  // The kinds from TASK on await something other than a plain future (see `waitOther`).
  /** `await tasks[name]`: `awaitFuture` is the awaited task. */
  TASK: 9,
  /** `await asyncio.gather(...)`: `awaitFuture` is the gather. */
  GATHER: 10,
  /** A Connection's steps, waiting on a plain future (`awaitPrimitive` is the connection). */
  /** `sock_connect`: the socket becoming writable. */
  CONNECT: 11,
  /** `create_connection`: its waiter, set once the transport's callbacks ran. */
  TRANSPORT: 12,
  /** `StreamReader._wait_for_data` in readline / read. */
  READ: 13,
  /** `await writer.drain()` on a closing transport: its `sleep(0)`. */
  DRAIN: 14,
  /** `await writer.wait_closed()`. */
  CLOSE: 15,
  /** `create_subprocess_exec`: `_make_subprocess_transport`'s waiter. */
  EXEC: 16,
  /** `await proc.wait()`: one of `_exit_waiters`. */
  PROC_WAIT: 17,
} as const;

export const TASK_PENDING = 0;
export const TASK_DONE = 1;
export const TASK_FAILED = 2;
export const TASK_CANCELLED = 3;

/**
 * The tasks (`asyncio.Task` and where its coroutine stands), column by column: entry `t` of
 * each column is task t's. A scenario of 100,000 tasks thus makes a few arrays rather than
 * 100,000 objects, which a cold run spent about 40 ms making and collecting.
 */
export class Tasks {
  readonly count: number;
  /** TASK_PENDING, TASK_DONE, TASK_FAILED or TASK_CANCELLED. */
  readonly state: Uint8Array;
  /** Why its step is in the ready queue (a StepReason). */
  readonly readyReason: Uint8Array;
  readonly pc: Int32Array;
  /** Its first pc, and the pc after its last step. */
  readonly base: Int32Array;
  readonly end: Int32Array;
  /** Active repeats, innermost last, as pairs (repeat pc, iteration number from 1). */
  readonly repeats: (number[] | null)[];
  /** The last value it got from a queue, as a string id (-1: None, as before any). */
  readonly item: Int32Array;
  /** 1 when `cancel()` asked for a CancelledError at its next step. */
  readonly mustCancel: Uint8Array;
  /** `_fut_waiter`: the future it waits on, until its next step starts (-1: none). */
  readonly futWaiter: Int32Array;
  /** 1 once its coroutine has started. */
  readonly started: Uint8Array;
  /** 1 once the task exists (`create_task`): at the start, or by a spawn step. */
  readonly created: Uint8Array;
  /**
   * `_fut_waiter` when it is not a plain future, until its next step starts: an awaited task's
   * number, or `-2 - g` for gather g's future (-1: none).
   */
  readonly waitOther: Int32Array;
  /**
   * The done callbacks of this task, in registration order: a task's number for its wake-up
   * (`await`), `-1 - k` for gather's `_done_callback` number k (`Simulation.callbacks`).
   */
  readonly awaiters: (number[] | null)[];
  /** Index of the step it last started (-1 before its first). */
  readonly current: Int32Array;
  // Where the coroutine stopped, to resume it.
  /** An `Await` kind. */
  readonly awaiting: Uint8Array;
  /** The future it waits on (a sleep's, with its timer), the task (Await.TASK) or gather (Await.GATHER), or -1. */
  readonly awaitFuture: Int32Array;
  readonly awaitPrimitive: (Primitive | null)[];
  readonly error: (PyError | null)[];

  /** `count` tasks, task t's steps being `taskBase[t]` to `taskEnd[t] - 1`. */
  constructor(count: number, taskBase: Int32Array, taskEnd: Int32Array) {
    this.count = count;
    this.state = new Uint8Array(count);
    this.readyReason = new Uint8Array(count);
    this.base = taskBase.slice(0, count);
    this.end = taskEnd.slice(0, count);
    this.pc = this.base.slice();
    this.repeats = new Array<number[] | null>(count).fill(null);
    this.item = new Int32Array(count).fill(-1);
    this.mustCancel = new Uint8Array(count);
    this.futWaiter = new Int32Array(count).fill(-1);
    this.started = new Uint8Array(count);
    this.created = new Uint8Array(count);
    this.waitOther = new Int32Array(count).fill(-1);
    this.awaiters = new Array<number[] | null>(count).fill(null);
    this.current = new Int32Array(count).fill(-1);
    this.awaiting = new Uint8Array(count);
    this.awaitFuture = new Int32Array(count).fill(-1);
    this.awaitPrimitive = new Array<Primitive | null>(count).fill(null);
    this.error = new Array<PyError | null>(count).fill(null);
  }

  done(t: number): boolean {
    return this.state[t] !== TASK_PENDING;
  }

  /** Index of task t's current step. */
  step(t: number): number {
    return this.pc[t] - this.base[t];
  }
}

export class QueuePrimitive {
  readonly kind = 'Queue' as const;
  /** Items as string ids of the trace (-1 for None). */
  readonly items = new Deque();
  /** Futures, by number. */
  readonly putters = new Deque();
  readonly getters = new Deque();
  /**
   * `_unfinished_tasks`: items put and not yet marked done by `task_done()`. The internal
   * `_finished` Event's flag is set exactly when it is 0 (`put_nowait` clears it, the
   * `task_done()` that reaches 0 sets it), so it needs no field of its own.
   */
  unfinished = 0;
  /** Futures of the `_finished` Event's waiters (`join()`), by number. */
  readonly joiners = new Deque();
  constructor(
    readonly id: number,
    readonly name: string,
    readonly maxsize: number,
  ) {}
  full(): boolean {
    return this.maxsize > 0 && this.items.length >= this.maxsize;
  }
}

/** Lock, Semaphore and BoundedSemaphore: waiters stay in the deque until they run. */
export class LockPrimitive {
  /** Futures, by number. */
  readonly waiters = new Deque();
  locked = false;
  value: number;
  constructor(
    readonly id: number,
    readonly name: string,
    readonly kind: 'Lock' | 'Semaphore' | 'BoundedSemaphore',
    readonly bound: number,
  ) {
    this.value = bound;
  }
}

export class EventPrimitive {
  readonly kind = 'Event' as const;
  /** Futures, by number. */
  readonly waiters = new Deque();
  flag = false;
  constructor(
    readonly id: number,
    readonly name: string,
  ) {}
}

/**
 * A TCP connection to a simulated server, seen from the client: the socket, its
 * `_SelectorSocketTransport`, and the `StreamReader` that `asyncio.open_connection` gives.
 * The server's side is a schedule: it accepts at `openedAt` (the socket becomes writable), then
 * its data and its EOF reach the socket at `openedAt + after`.
 */
export class ConnectionPrimitive {
  readonly kind = 'Connection' as const;
  /** The socket's file descriptor once `connect` made it, else -1. */
  fd = -1;
  /** What the selector watches it for: 0, IO_READ or IO_WRITE. */
  registered = 0;
  /** When the server accepts (connect's start + latency). */
  openedAt = Infinity;
  /** Data the server sent that `recv` has not taken yet starts at this index of `data`. */
  nextData = 0;
  /** `recv` returned b'' (the server's EOF reached the transport). */
  eofRead = false;
  /** `StreamReader._buffer` (text received, not read yet). */
  buffer = '';
  /** `StreamReader._eof`. */
  eof = false;
  /** `StreamReader._waiter`: a future, or -1. */
  waiter = -1;
  /** `sock_connect`'s future. */
  connectFuture = -1;
  /** `create_connection`'s waiter (set once the transport's callbacks ran). */
  transportFuture = -1;
  /** The protocol's `_closed` future (`wait_closed()`), made by connect. */
  closedFuture = -1;
  /** open_connection returned: `streams[name]` holds its reader and writer. */
  open = false;
  /** `transport._closing`, and `connection_lost` has run. */
  closing = false;
  lost = false;
  constructor(
    readonly id: number,
    readonly name: string,
    readonly latency: number,
    readonly data: readonly { after: number; text: string }[],
    readonly eofAfter: number,
  ) {}

  /** When the selector would report it ready (for what it is registered for), or Infinity. */
  readyAt(): number {
    if (this.registered === IO_WRITE) return this.openedAt;
    if (this.registered !== IO_READ) return Infinity;
    if (this.nextData < this.data.length) return this.openedAt + this.data[this.nextData].after;
    return this.eofRead ? Infinity : this.openedAt + this.eofAfter;
  }
}
/**
 * A child process made by `asyncio.create_subprocess_exec(..., stdout=PIPE)`, seen from the
 * loop: its `_UnixSubprocessTransport` (with the `_connect_pipes` task, modelled as its two
 * steps), the read pipe of its stdout, its pidfd (`_PidfdChildWatcher`), and the
 * `SubprocessStreamProtocol` with its stdout `StreamReader`. The program is a schedule: each
 * output text `after` seconds after the start, then the exit (stdout closes) at `exitAfter`.
 */
export class ProcessPrimitive {
  readonly kind = 'Process' as const;
  startedAt = Infinity;
  pid = -1;
  /** What the selector watches: the pipe's `_read_ready`, the pidfd's `_do_wait`. */
  outRegistered = false;
  pidRegistered = false;
  nextOut = 0;
  /** `os.read` returned b'': the read pipe transport is closing. */
  pipeClosing = false;
  /** Data read from the pipe whose `pipe_data_received` is scheduled, in order. */
  readonly chunks: string[] = [];
  /** `_pending_calls` while the pipes are not connected (callback numbers), else null. */
  pending: number[] | null = [];
  /** The transport's `_returncode` (null: not reaped yet). */
  returncode: number | null = null;
  /** The stdout pipe protocol's `disconnected`; the transport's `_finished`. */
  pipeDisconnected = false;
  finished = false;
  /** `_exit_waiters`: futures of `proc.wait()`. */
  readonly exitWaiters: number[] = [];
  /** The protocol's `_pipe_fds` holds 1; its `_process_exited`. */
  pipeFd = true;
  protocolExited = false;
  /** create_subprocess_exec returned: `procs[name]` holds it. */
  open = false;
  /** The stdout StreamReader: buffer, EOF, waiter. */
  buffer = '';
  eof = false;
  waiter = -1;
  /** `_make_subprocess_transport`'s waiter, and the read pipe's (connect_read_pipe). */
  transportFuture = -1;
  pipeFuture = -1;
  constructor(
    readonly id: number,
    readonly name: string,
    readonly output: readonly { after: number; text: string }[],
    readonly exitAfter: number,
    readonly exitCode: number,
  ) {}
}

/** One fd the selector may watch: a socket's, a process's stdout pipe or its pidfd. */
export interface FdEntry {
  fd: number;
  owner: ConnectionPrimitive | ProcessPrimitive;
  role: 'socket' | 'stdout' | 'pidfd';
  /** select put its handle in the ready queue; removing the fd cancelled that handle. */
  queued: boolean;
  cancelled: boolean;
}

/** Selector events (selectors.EVENT_READ, EVENT_WRITE). */
export const IO_READ = 1;
export const IO_WRITE = 2;

export type Primitive =
  QueuePrimitive | LockPrimitive | EventPrimitive | ConnectionPrimitive | ProcessPrimitive;

/** `asyncio.gather(...)`'s `_GatheringFuture` and the state its `_done_callback` shares. */
export interface Gather {
  /** The task awaiting it. */
  owner: number;
  children: number[];
  /** `nfinished`: callbacks run so far. */
  finished: number;
  done: boolean;
  /** What awaiting it raises once done (null: it has its results). */
  error: PyError | null;
  /** `_cancel_requested`: cancelling it cancelled at least one child. */
  cancelRequested: boolean;
  /** The task whose wake-up is its done callback, or -1. */
  waiter: number;
}
export type { PrimitiveType };
