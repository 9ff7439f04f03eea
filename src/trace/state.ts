/**
 * The state of the loop after any event, rebuilt from the trace alone: the ready queue, the
 * timer heap, every task's state and what it waits on, each primitive's contents and waiters.
 * Events carry their effects, so `applyEvent` only follows them. `StateIndex` keeps snapshots
 * every so many events, so that any event is reached by replaying a short stretch.
 */
import { Ev, FD_PIDFD, WaitKind, type Trace } from '../engine';

/** `unstarted`: a task with `"start": false` whose spawn step has not run. */
export type TaskStatus =
  | 'unstarted'
  | 'created'
  | 'ready'
  | 'running'
  | 'sleeping'
  | 'waiting'
  | 'done'
  | 'failed'
  | 'cancelled';

export interface TaskState {
  status: TaskStatus;
  /** WaitKind while sleeping or waiting; -1 otherwise. */
  wait: number;
  /** The primitive waited on, the timer slept on, or the task awaited; -1 otherwise. */
  target: number;
  /** The step the task is on (-1 before its first). */
  step: number;
  /** Its wake-up is in the ready queue because the future it waited on was cancelled. */
  cancelled: boolean;
  /** Error text of a failed task. */
  error: string | null;
}

export interface ReadyEntry {
  /**
   * `callback`: gather's `_done_callback` for a gathered task that ended (`task`); `handle`:
   * another callback (a Python program's: `text` is its name), for `task` if not -1.
   */
  kind: 'step' | 'wakeup' | 'timer' | 'callback' | 'handle';
  task: number;
  /** For a timer's callback. */
  timer: number;
  /** For a `handle`: its name (a string of the trace); -1 otherwise. */
  text?: number;
  /** For the handle of an fd that select returned: its Connection or Process, and the fd. */
  conn?: number;
  fd?: number;
  /** A timer handle cancelled after it fired: the loop will skip it. */
  cancelled: boolean;
  /** The clock when it joined the queue (a blocking call can make it wait there). */
  since: number;
}

export interface TimerEntry {
  id: number;
  when: number;
  task: number;
  cancelled: boolean;
}

export interface Waiter {
  task: number;
  /** Its future is set: it will run, but has not yet. */
  woken: boolean;
}

/**
 * The items ever put in one queue since a run's window began, in order. A queue is FIFO, so what
 * it holds is always a stretch of them (`head` to `tail` in its state). Every state of one
 * `StateIndex` shares its queues' logs: a snapshot or a copy costs two numbers per queue, not
 * a copy of the items (an unbounded queue may hold 100,000 of them). Replaying the same events
 * appends the same items, so a log only grows where no state has been before.
 */
export class ItemLog {
  constructor(
    readonly items: (string | null)[] = [],
    /** The task that put each item. */
    readonly from: number[] = [],
    /** The run's number of each put event (`eventBase` included): a stable key for the views. */
    readonly keys: number[] = [],
    /** The string of each item in the trace (-1: None), which its get names again. */
    readonly ids: number[] = [],
  ) {}
}

/** The order a queue gives its items out in: a Queue's, a LifoQueue's, a PriorityQueue's. */
export type QueueOrder = 'fifo' | 'lifo' | 'priority';

export type PrimitiveState =
  | {
      type: 'Queue';
      order: QueueOrder;
      /**
       * A FIFO queue holds the items `head` (the first out) to `tail` of `log`. The others hold
       * `held` (indices into `log`, the next out first); `tail` counts their puts.
       */
      log: ItemLog;
      head: number;
      tail: number;
      held: number[] | null;
      putters: number[];
      getters: number[];
      /** `_unfinished_tasks`: items put and not yet marked done. */
      unfinished: number;
      /** Tasks in `join()`, waiting for `unfinished` to reach 0. */
      joiners: Waiter[];
    }
  | { type: 'Lock'; locked: boolean; holder: number; waiters: Waiter[] }
  | { type: 'Semaphore' | 'BoundedSemaphore'; value: number; holders: number[]; waiters: Waiter[] }
  | { type: 'Event'; flag: boolean; waiters: Waiter[] }
  | {
      type: 'Process';
      pid: number;
      /** create_subprocess_exec returned; the child was reaped (its returncode). */
      open: boolean;
      returncode: number | null;
      /** Its stdout StreamReader: buffer, EOF. */
      buffer: string;
      eof: boolean;
    }
  | {
      type: 'Connection';
      /** Its socket's fd (-1: not connected yet). */
      fd: number;
      /** The StreamReader's buffer: received, not read yet. */
      buffer: string;
      /** The reader is at EOF (the server closed, or the connection was lost). */
      eof: boolean;
      /** open_connection returned; connection_lost ran. */
      open: boolean;
      closed: boolean;
      /** The last text written, if any. */
      written: string | null;
    }
  | {
      type: 'Condition';
      /** The primitive number of its lock. */
      lock: number;
      /** Tasks in `wait()`, waiting to be notified. */
      waiters: Waiter[];
    };

/** An fd registered with the selector. */
export interface FdState {
  fd: number;
  /** Its Connection or Process. */
  owner: number;
  /** 1: read, 2: write. */
  events: number;
  /** A process's pidfd (its other fd is its stdout pipe). */
  pidfd: boolean;
  /** This iteration's select returned it ready. */
  ready: boolean;
}

export interface LoopState {
  /** Number of events applied: this is the state after event `applied - 1`. */
  applied: number;
  iteration: number;
  time: number;
  /** The current iteration's select timeout (null: none yet, or select(None)). */
  timeout: number | null;
  running: number;
  ready: ReadyEntry[];
  /** In firing order: by deadline, then creation. */
  timers: TimerEntry[];
  tasks: TaskState[];
  primitives: PrimitiveState[];
  /** The selector's fds, by fd. */
  fds: FdState[];
  logs: number;
  ended: boolean;
}

function initialTask(trace: Trace, t: number): TaskState {
  return {
    status: trace.startsLater?.[t] ? 'unstarted' : 'created',
    wait: -1,
    target: -1,
    step: -1,
    cancelled: false,
    error: null,
  };
}

function initialPrimitive(p: Trace['primitives'][number]): PrimitiveState {
  switch (p.type) {
    case 'Queue':
    case 'LifoQueue':
    case 'PriorityQueue':
      return {
        type: 'Queue',
        order: p.type === 'Queue' ? 'fifo' : p.type === 'LifoQueue' ? 'lifo' : 'priority',
        log: new ItemLog(),
        head: 0,
        tail: 0,
        held: p.type === 'Queue' ? null : [],
        putters: [],
        getters: [],
        unfinished: 0,
        joiners: [],
      };
    case 'Lock':
      return { type: 'Lock', locked: false, holder: -1, waiters: [] };
    case 'Event':
      return { type: 'Event', flag: false, waiters: [] };
    case 'Condition':
      return { type: 'Condition', lock: p.lock ?? -1, waiters: [] };
    case 'Process':
      return {
        type: 'Process',
        pid: -1,
        open: false,
        returncode: null,
        buffer: '',
        eof: false,
      };
    case 'Connection':
      return {
        type: 'Connection',
        fd: -1,
        buffer: '',
        eof: false,
        open: false,
        closed: false,
        written: null,
      };
    default:
      return { type: p.type, value: p.size, holders: [], waiters: [] };
  }
}

export function initialState(trace: Trace): LoopState {
  return padState(
    {
      applied: 0,
      iteration: 0,
      time: 0,
      timeout: null,
      running: -1,
      ready: [],
      timers: [],
      tasks: [],
      primitives: [],
      fds: [],
      logs: 0,
      ended: false,
    },
    trace,
  );
}

/**
 * A state with an entry for every task and primitive of the trace: a Python program's trace
 * learns of its tasks and primitives as it grows, and a state from before one was made shows
 * it as not made yet. Returns the state.
 */
export function padState(s: LoopState, trace: Trace): LoopState {
  for (let t = s.tasks.length; t < trace.taskNames.length; t += 1)
    s.tasks.push(initialTask(trace, t));
  for (let p = s.primitives.length; p < trace.primitives.length; p += 1)
    s.primitives.push(initialPrimitive(trace.primitives[p]));
  return s;
}

export function cloneState(s: LoopState): LoopState {
  return {
    ...s,
    ready: s.ready.map((r) => ({ ...r })),
    timers: s.timers.map((t) => ({ ...t })),
    fds: s.fds.map((f) => ({ ...f })),
    tasks: s.tasks.map((t) => ({ ...t })),
    primitives: s.primitives.map((p) => {
      switch (p.type) {
        case 'Queue':
          return {
            ...p,
            held: p.held && [...p.held],
            putters: [...p.putters],
            getters: [...p.getters],
            joiners: p.joiners.map((w) => ({ ...w })),
          };
        case 'Lock':
        case 'Event':
        case 'Condition':
          return { ...p, waiters: p.waiters.map((w) => ({ ...w })) };
        case 'Connection':
        case 'Process':
          return { ...p };
        default:
          return { ...p, holders: [...p.holders], waiters: p.waiters.map((w) => ({ ...w })) };
      }
    }),
  };
}

function removeFirst<T>(list: T[], match: (x: T) => boolean): void {
  const i = list.findIndex(match);
  if (i >= 0) list.splice(i, 1);
}

function insertTimer(timers: TimerEntry[], timer: TimerEntry): void {
  let i = timers.length;
  while (
    i > 0 &&
    (timers[i - 1].when > timer.when ||
      (timers[i - 1].when === timer.when && timers[i - 1].id > timer.id))
  )
    i -= 1;
  timers.splice(i, 0, timer);
}

/** Applies event `i` (which must be `s.applied`) to the state. */
export function applyEvent(s: LoopState, trace: Trace, i: number): void {
  const kind = trace.kind[i];
  const t = trace.task[i];
  const a = trace.a[i];
  const b = trace.b[i];
  const task = t >= 0 ? s.tasks[t] : undefined;
  const str = (id: number) => (id < 0 ? null : trace.string(id));
  s.applied = i + 1;
  s.iteration = trace.iter[i];
  s.time = trace.timeAt(i);
  switch (kind) {
    case Ev.ITER_START:
      s.running = -1;
      s.timeout = null;
      for (const f of s.fds) f.ready = false;
      break;
    case Ev.SELECT: {
      const timeout = trace.iterationTimeout(s.iteration);
      s.timeout = timeout < 0 ? null : timeout;
      break;
    }
    case Ev.TIMER_DROP:
      removeFirst(s.timers, (x) => x.id === a);
      break;
    case Ev.TIMER_FIRE:
      removeFirst(s.timers, (x) => x.id === a);
      s.ready.push({
        kind: 'timer',
        task: trace.timerTask(a),
        timer: a,
        cancelled: false,
        since: s.time,
      });
      break;
    case Ev.TASK_CREATE:
      task!.status = 'ready';
      s.ready.push({ kind: 'step', task: t, timer: -1, cancelled: false, since: s.time });
      break;
    case Ev.GATHER_CALLBACK:
      s.ready.push({ kind: 'callback', task: t, timer: -1, cancelled: false, since: s.time });
      break;
    case Ev.CALL_SOON:
      s.ready.push({
        kind: 'handle',
        task: t,
        timer: -1,
        text: a,
        ...(b >= 0 ? { conn: b, fd: trace.step[i] } : {}),
        cancelled: false,
        since: s.time,
      });
      break;
    case Ev.FD_ADD: {
      const at = s.fds.findIndex((f) => f.fd > b);
      const step = trace.step[i];
      const entry = {
        fd: b,
        owner: a,
        events: step & 3,
        pidfd: (step & FD_PIDFD) !== 0,
        ready: false,
      };
      if (at < 0) s.fds.push(entry);
      else s.fds.splice(at, 0, entry);
      break;
    }
    case Ev.FD_REMOVE:
      removeFirst(s.fds, (f) => f.fd === b);
      {
        // `_remove_reader` / `_remove_writer` cancels the fd's handle if select queued it.
        const queued = s.ready.find((r) => r.conn === a && r.fd === b && !r.cancelled);
        if (queued) queued.cancelled = true;
      }
      break;
    case Ev.FD_READY: {
      const entry = s.fds.find((f) => f.fd === b);
      if (entry) entry.ready = true;
      break;
    }
    case Ev.PROC_EXEC:
    case Ev.PROC_OPEN:
    case Ev.PROC_EXIT:
    case Ev.PROC_WAITED:
    case Ev.IO_DATA: {
      const p = s.primitives[a];
      if (p.type !== 'Process') break;
      if (kind === Ev.PROC_EXEC) p.pid = b;
      else if (kind === Ev.PROC_OPEN) p.open = true;
      else if (kind === Ev.PROC_EXIT) p.returncode = b;
      else if (kind === Ev.IO_DATA && b >= 0) p.buffer += trace.string(b);
      else if (kind === Ev.IO_DATA) p.eof = true;
      if (t >= 0) task!.step = trace.step[i];
      break;
    }
    case Ev.IO_SOCKET:
    case Ev.IO_RECV:
    case Ev.IO_LOST:
    case Ev.IO_OPEN:
    case Ev.IO_READ:
    case Ev.IO_WRITE: {
      const p = s.primitives[a];
      if (p.type === 'Process') {
        // A process's data joins its reader later (IO_DATA); its EOF, with pipe_connection_lost.
        if (kind === Ev.IO_READ) p.buffer = p.buffer.slice(trace.string(b).length);
        if (kind === Ev.IO_READ) task!.step = trace.step[i];
        break;
      }
      if (p.type !== 'Connection') break;
      if (kind === Ev.IO_SOCKET) p.fd = b;
      else if (kind === Ev.IO_RECV) {
        if (b >= 0) p.buffer += trace.string(b);
        else p.eof = true;
      } else if (kind === Ev.IO_LOST) {
        p.closed = true;
        p.eof = true;
      } else if (kind === Ev.IO_OPEN) p.open = true;
      else if (kind === Ev.IO_READ) p.buffer = p.buffer.slice(trace.string(b).length);
      else p.written = trace.string(b);
      if (kind === Ev.IO_OPEN || kind === Ev.IO_READ || kind === Ev.IO_WRITE) {
        task!.step = trace.step[i];
      }
      break;
    }
    case Ev.RUN_STEP:
    case Ev.RUN_TIMER:
    case Ev.RUN_CALLBACK:
    case Ev.RUN_HANDLE:
    case Ev.SKIP_HANDLE:
      s.ready.shift();
      if (kind === Ev.RUN_STEP) {
        s.running = t;
        task!.status = 'running';
        task!.wait = -1;
        task!.target = -1;
        task!.cancelled = false;
      }
      break;
    case Ev.SUSPEND:
      task!.status = a === WaitKind.SLEEP ? 'sleeping' : 'waiting';
      task!.wait = a;
      task!.target = b;
      task!.step = trace.step[i];
      s.running = -1;
      break;
    case Ev.YIELD:
      task!.status = 'ready';
      task!.step = trace.step[i];
      s.ready.push({ kind: 'step', task: t, timer: -1, cancelled: false, since: s.time });
      s.running = -1;
      break;
    case Ev.WAKE:
      task!.status = 'ready';
      task!.cancelled = a === 1;
      s.ready.push({ kind: 'wakeup', task: t, timer: -1, cancelled: false, since: s.time });
      break;
    case Ev.TASK_DONE:
    case Ev.TASK_FAIL:
    case Ev.TASK_CANCELLED:
      task!.status =
        kind === Ev.TASK_DONE ? 'done' : kind === Ev.TASK_FAIL ? 'failed' : 'cancelled';
      task!.error = kind === Ev.TASK_FAIL ? str(a) : null;
      task!.wait = -1;
      task!.target = -1;
      if (s.running === t) s.running = -1;
      break;
    case Ev.LOG:
      s.logs += 1;
      task!.step = trace.step[i];
      break;
    case Ev.PRINT:
      s.logs += 1;
      if (task && trace.step[i] >= 0) task.step = trace.step[i];
      break;
    case Ev.TIMER_SCHEDULE:
      insertTimer(s.timers, { id: a, when: trace.timerWhen(a), task: t, cancelled: false });
      break;
    case Ev.TIMER_CANCEL: {
      const timer =
        s.timers.find((x) => x.id === a) ??
        s.ready.find((r) => r.kind === 'timer' && r.timer === a);
      if (timer) timer.cancelled = true;
      break;
    }
    case Ev.Q_PUT:
    case Ev.Q_GET:
    case Ev.Q_BLOCK:
    case Ev.Q_NOTIFY:
    case Ev.Q_UNBLOCK: {
      const q = s.primitives[a] as QueueState;
      if (kind === Ev.Q_PUT) {
        q.unfinished += 1;
        if (q.tail === q.log.items.length) {
          q.log.items.push(str(b));
          q.log.from.push(t);
          q.log.keys.push(trace.eventBase + i);
          q.log.ids.push(b);
        }
        if (q.held !== null) {
          if (q.order === 'lifo') q.held.unshift(q.tail);
          else q.held.push(q.tail);
        }
        q.tail += 1;
      } else if (kind === Ev.Q_GET) {
        if (q.held === null) q.head += 1;
        else {
          const at = q.held.findIndex((k) => q.log.ids[k] === b);
          q.held.splice(at < 0 ? 0 : at, 1);
        }
      } else if (kind === Ev.Q_BLOCK) (b === 0 ? q.putters : q.getters).push(t);
      else removeFirst(b === 0 ? q.putters : q.getters, (x) => x === t);
      if (task && trace.step[i] >= 0) task.step = trace.step[i];
      break;
    }
    case Ev.Q_RANK: {
      // The item just put (the last of `held`) moves to its place in the priority order.
      const held = (s.primitives[a] as QueueState).held;
      if (held !== null && held.length > 0) held.splice(b, 0, held.pop()!);
      break;
    }
    case Ev.ACQUIRE:
    case Ev.ACQUIRED: {
      const p = s.primitives[a] as Extract<
        PrimitiveState,
        { type: 'Lock' | 'Semaphore' | 'BoundedSemaphore' }
      >;
      if (kind === Ev.ACQUIRED) removeFirst(p.waiters, (w) => w.task === t);
      if (p.type === 'Lock') {
        p.locked = true;
        p.holder = t;
      } else {
        if (kind === Ev.ACQUIRE) p.value -= 1; // a woken waiter's slot was taken at its wake-up
        p.holders.push(t);
      }
      task!.step = trace.step[i];
      break;
    }
    case Ev.ACQUIRE_BLOCK:
    case Ev.EV_BLOCK:
      (s.primitives[a] as { waiters: Waiter[] }).waiters.push({ task: t, woken: false });
      task!.step = trace.step[i];
      break;
    case Ev.ACQUIRE_NOTIFY:
    case Ev.EV_NOTIFY: {
      const p = s.primitives[a] as { waiters: Waiter[]; type: string; value?: number };
      const waiter = p.waiters.find((w) => w.task === t && !w.woken);
      if (waiter) waiter.woken = true;
      if (p.type === 'Semaphore' || p.type === 'BoundedSemaphore') p.value! -= 1;
      break;
    }
    case Ev.ACQUIRE_ABANDON: {
      const p = s.primitives[a] as { waiters: Waiter[]; value?: number };
      removeFirst(p.waiters, (w) => w.task === t);
      if (b === 1) p.value! += 1;
      break;
    }
    case Ev.RELEASE: {
      const p = s.primitives[a] as Extract<
        PrimitiveState,
        { type: 'Lock' | 'Semaphore' | 'BoundedSemaphore' }
      >;
      if (p.type === 'Lock') {
        p.locked = false;
        p.holder = -1;
      } else {
        p.value += 1;
        removeFirst(p.holders, (x) => x === t);
      }
      task!.step = trace.step[i];
      break;
    }
    case Ev.EV_SET:
    case Ev.EV_CLEAR:
      (s.primitives[a] as { flag: boolean }).flag = kind === Ev.EV_SET;
      task!.step = trace.step[i];
      break;
    case Ev.EV_DONE:
      removeFirst((s.primitives[a] as { waiters: Waiter[] }).waiters, (w) => w.task === t);
      break;
    case Ev.Q_TASK_DONE:
    case Ev.Q_JOIN_PASS:
    case Ev.Q_JOIN_BLOCK:
    case Ev.Q_JOIN_NOTIFY:
    case Ev.Q_JOIN_DONE: {
      const q = s.primitives[a] as Extract<PrimitiveState, { type: 'Queue' }>;
      if (kind === Ev.Q_TASK_DONE) q.unfinished = b;
      else if (kind === Ev.Q_JOIN_BLOCK) q.joiners.push({ task: t, woken: false });
      else if (kind === Ev.Q_JOIN_NOTIFY) {
        const joiner = q.joiners.find((w) => w.task === t && !w.woken);
        if (joiner) joiner.woken = true;
      } else if (kind === Ev.Q_JOIN_DONE) removeFirst(q.joiners, (w) => w.task === t);
      if (task && trace.step[i] >= 0) task.step = trace.step[i];
      break;
    }
    case Ev.SPAWN:
    case Ev.AWAIT_PASS:
    case Ev.AWAIT_DONE:
    case Ev.GATHER:
    case Ev.GATHER_DONE:
      task!.step = trace.step[i];
      break;
    case Ev.END:
      s.ended = true;
      s.running = -1;
      break;
  }
}

/**
 * The state after any event, in time proportional to the snapshot interval: snapshots are
 * taken every `interval` events (more apart for runs with many tasks, so that snapshots cost
 * about as much memory as the events they cover), lazily, as far as someone has asked: a new
 * run viewed at its start costs nothing, and a trace that grows needs no call to keep up.
 */
export class StateIndex {
  private readonly snapshots: LoopState[] = [];
  readonly interval: number;

  /** `initial`: the state before the trace's first event (a long run's window starts later). */
  constructor(
    private readonly trace: Trace,
    interval?: number,
    initial: LoopState = initialState(trace),
  ) {
    this.interval = interval ?? Math.max(256, 4 * (trace.tasks.length + trace.primitives.length));
    this.snapshots.push(initial);
  }

  /** Takes the snapshots up to `applied` events. */
  private extendTo(applied: number): void {
    let last = this.snapshots[this.snapshots.length - 1];
    while (last.applied + this.interval <= applied) {
      const next = padState(cloneState(last), this.trace);
      for (let i = next.applied; i < last.applied + this.interval; i += 1)
        applyEvent(next, this.trace, i);
      this.snapshots.push(next);
      last = next;
    }
  }

  /** The state after the first `applied` events (0: before any). */
  stateAfter(applied: number): LoopState {
    const count = Math.max(0, Math.min(applied, this.trace.eventCount));
    this.extendTo(count);
    const snapshot = this.snapshots[Math.floor(count / this.interval)];
    const state = padState(cloneState(snapshot), this.trace);
    for (let i = state.applied; i < count; i += 1) applyEvent(state, this.trace, i);
    return state;
  }
}

/** The state after the first `applied` events, replayed from `from` without snapshots. */
export function replayState(trace: Trace, applied: number, from: LoopState): LoopState {
  const state = padState(cloneState(from), trace);
  for (let i = state.applied; i < applied; i += 1) applyEvent(state, trace, i);
  return state;
}

/**
 * The same state, for a trace whose first `n` events were dropped (`Trace.dropBefore`): event
 * numbers go down by `n`, and each queue's log starts again from the items it holds.
 */
export function rebaseState(state: LoopState, n: number): LoopState {
  const next = cloneState(state);
  next.applied -= n;
  next.primitives = next.primitives.map((p) => {
    if (p.type !== 'Queue') return p;
    const { items, from, keys, ids } = queueItems(p);
    const log = new ItemLog(items, from, keys, ids);
    if (p.held !== null)
      return { ...p, log, head: 0, tail: items.length, held: items.map((_, k) => k) };
    return { ...p, log, head: 0, tail: p.tail - p.head };
  });
  return next;
}

type QueueState = Extract<PrimitiveState, { type: 'Queue' }>;

/** How many items the queue holds. */
export function queueLength(q: QueueState): number {
  return q.held === null ? q.tail - q.head : q.held.length;
}

/**
 * The first `count` items the queue holds (all by default), first out first: each with the
 * task that put it and a key that stays the same while it is in the queue.
 */
export function queueItems(
  q: QueueState,
  count = Infinity,
): { items: (string | null)[]; from: number[]; keys: number[]; ids: number[] } {
  const { log } = q;
  if (q.held !== null) {
    const held = q.held.slice(0, count);
    return {
      items: held.map((k) => log.items[k]),
      from: held.map((k) => log.from[k]),
      keys: held.map((k) => log.keys[k]),
      ids: held.map((k) => log.ids[k]),
    };
  }
  const end = Math.min(q.tail, q.head + count);
  return {
    items: log.items.slice(q.head, end),
    from: log.from.slice(q.head, end),
    keys: log.keys.slice(q.head, end),
    ids: log.ids.slice(q.head, end),
  };
}
