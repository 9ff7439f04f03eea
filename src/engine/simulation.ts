/**
 * A deterministic, virtual-time model of CPython 3.14's asyncio event loop running a scenario.
 * Each method is named after, and follows line by line, the CPython code it models
 * (base_events.py `_run_once`, tasks.py `Task.__step`, queues.py, locks.py); see
 * ../shared/asyncio-semantics.md and ARCHITECTURE.md.
 */
import type { Scenario } from '../scenario/types';
import { renderTemplate } from '../scenario/template';
import { Deque } from './deque';
import {
  EndReason,
  END_REASON_NAMES,
  Ev,
  FD_PIDFD,
  StepReason,
  WaitKind,
  type EndReasonValue,
} from './events';
import {
  Await,
  CANCELLED,
  CANCELLED_ERROR,
  ConnectionPrimitive,
  type FdEntry,
  IO_READ,
  IO_WRITE,
  ProcessPrimitive,
  EventPrimitive,
  FINISHED,
  Futures,
  type Gather,
  handleTimer,
  LockPrimitive,
  PENDING,
  PyError,
  QueuePrimitive,
  Tasks,
  TASK_CANCELLED,
  TASK_DONE,
  TASK_FAILED,
  timerHandle,
  type Primitive,
  type ReadyHandle,
} from './model';
import {
  compileScenario,
  Op,
  STR_NONE,
  STR_TEMPLATE,
  type CompiledScenario,
  type Program,
} from './program';
import { TimerHeap } from './timerHeap';
import { Trace, type BlockedTask } from './trace';
import { describeWait, formatTime, waitOf } from './describe';
import { pyRepr } from '../scenario/pyformat';

const CLOCK_RESOLUTION = 1e-9;
const MAXIMUM_SELECT_TIMEOUT = 24 * 3600;
const MIN_SCHEDULED_TIMER_HANDLES = 100;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;
/**
 * Ready handles of a Connection's or Process's callbacks: `IO_HANDLE + 16 * primitive +
 * callback`, above the tasks' steps and gather's callbacks (see ReadyHandle).
 */
const IO_HANDLE = 2 ** 30;
/** The callbacks of a Connection, named as CPython's (the view shows these names). */
const IO = {
  CONNECT_CB: 0,
  WRITE_DONE: 1,
  MADE: 2,
  ADD_READER: 3,
  SET_WAITER: 4,
  READ_READY: 5,
  LOST: 6,
} as const;
const IO_NAMES = [
  '_sock_connect_cb',
  '_sock_write_done',
  'connection_made',
  '_add_reader',
  '_set_result_unless_cancelled',
  '_read_ready',
  '_call_connection_lost',
];
/** A Process's callbacks, named as CPython's. */
const PROC = {
  CONNECT_PIPES: 0,
  PIPE_MADE: 1,
  ADD_READER: 2,
  SET_PIPE_WAITER: 3,
  CONNECT_PIPES_WAKE: 4,
  PROTOCOL_MADE: 5,
  OUT_READY: 6,
  DATA: 7,
  EOF_RECEIVED: 8,
  PIPE_LOST: 9,
  PIPE_CONNECTION_LOST: 10,
  DO_WAIT: 11,
  EXITED: 12,
  PROTOCOL_EXITED: 13,
  TRANSPORT_LOST: 14,
} as const;
const PROC_NAMES = [
  '_connect_pipes',
  'connection_made',
  '_add_reader',
  '_set_result_unless_cancelled',
  '_connect_pipes',
  'connection_made',
  '_read_ready',
  'pipe_data_received',
  'eof_received',
  '_call_connection_lost',
  'pipe_connection_lost',
  '_do_wait',
  '_process_exited',
  'process_exited',
  '_call_connection_lost',
];
/** The first child's pid here. */
const FIRST_PID = 4242;
/** The first socket's fd, as in a fresh CPython process (3: epoll, 4 and 5: the self-pipe). */
const FIRST_FD = 6;

export interface RunOptions {
  /** Stop before the clock passes this virtual time (events at t <= until are included). */
  until?: number;
  /** Livelock bound: loop iterations allowed at one instant. */
  maxIterationsPerInstant?: number;
  /** Bound on steps a task may run without giving control back to the loop. */
  maxOpsPerStep?: number;
  /** Bounds on the trace's size: events, and loop iterations (a log-only trace has no events). */
  maxEvents?: number;
  maxIterations?: number;
  /** What the trace keeps: every event (default), or only the log lines and the end. */
  record?: 'all' | 'log';
}

export const DEFAULT_LIMITS = {
  maxIterationsPerInstant: 100_000,
  maxOpsPerStep: 1_000_000,
  maxEvents: 50_000_000,
  maxIterations: 10_000_000,
};

/** The smallest float above positive `x` (Python's `math.nextafter(x, math.inf)`). */
function nextFloat(x: number): number {
  const bits = new BigInt64Array(new Float64Array([x]).buffer);
  bits[0] += 1n;
  return new Float64Array(bits.buffer)[0];
}

// What a coroutine run (`coro.send` / `coro.throw`) ended with.
const R_SUSPEND = 0; // yielded a pending future: tasks.awaitFuture[t]
const R_YIELD = 1; // bare yield
const R_RETURN = 2;
const R_RAISE = 3; // tasks.error[t]
const R_ABORT = 4; // the no-yield bound was hit
const R_INTERRUPT = 5; // Ctrl-C during a blocking call: KeyboardInterrupt

export class Simulation {
  readonly trace: Trace;
  /**
   * The trace when it keeps every event, null when it keeps only the log lines and the end
   * (`record: 'log'`): the other events are then not even computed (`events?.emit(...)`).
   */
  private readonly events: Trace | null;
  readonly tasks: Tasks;
  readonly futures: Futures;
  readonly primitives: Primitive[] = [];
  private readonly program: Program;
  /** `ReadyHandle`s: the steps of tasks and the callbacks of timers, in order. */
  private readonly ready: Deque;
  /** Timers, by the number of their future. */
  private readonly heap: TimerHeap;
  private timerCancelledCount = 0;
  /**
   * The virtual clock: NaN here, 0 once the constructor is done. A field that first holds a
   * small integer and later a fraction changes the object's shape, which throws away the
   * optimized code of every method that reads it, mid-run; one that starts as a fraction does
   * not.
   */
  private now = NaN;
  private lastSelectTime = NaN;
  private stuckIterations = 0;
  private readonly limits: typeof DEFAULT_LIMITS;
  /**
   * The iteration in which each task last ran a step, and the first iteration of the current
   * instant: the tasks named in a livelock report are those that ran since the clock stopped
   * (two tasks passing items back and forth take turns, iteration after iteration).
   */
  private readonly lastRan: Float64Array;
  private instantSince = 0;
  /** The gathers, by number (`await asyncio.gather(...)` steps run). */
  private readonly gathers: Gather[] = [];
  /**
   * gather's `_done_callback`s, by number k: the gather and the task it is for. In the ready
   * queue, callback k is the handle `tasks.count + k` (a task's step is its number, a timer's
   * callback a negative one).
   */
  private readonly callbackGather: number[] = [];
  private readonly callbackChild: number[] = [];
  /** Ctrl-C at this virtual time (the scenario's `interrupt`); Infinity: never. */
  private readonly interruptAt: number;
  /** The fds made so far (sockets, pipes, pidfds), in fd order: the order select reports them in. */
  private readonly fds: FdEntry[] = [];
  private processes = 0;

  constructor(input: Scenario | CompiledScenario, options: RunOptions = {}) {
    this.limits = {
      maxIterationsPerInstant:
        options.maxIterationsPerInstant ?? DEFAULT_LIMITS.maxIterationsPerInstant,
      maxOpsPerStep: options.maxOpsPerStep ?? DEFAULT_LIMITS.maxOpsPerStep,
      maxEvents: options.maxEvents ?? DEFAULT_LIMITS.maxEvents,
      maxIterations: options.maxIterations ?? DEFAULT_LIMITS.maxIterations,
    };
    const compiled = 'program' in input ? input : compileScenario(input);
    this.interruptAt = compiled.interrupt ?? Infinity;
    // Every task's first step is in the ready queue when the loop starts.
    this.ready = new Deque(compiled.taskNames.length + 1);
    const program = (this.program = compiled.program);
    // The run's texts follow the scenario's, which it leaves as they are.
    const strings = compiled.strings.extend();
    // About four events per step when every step runs once (one when only the log is kept):
    // room for them up front.
    const keepAll = options.record !== 'log';
    const capacity = keepAll ? 4 * program.size + 4 * compiled.taskNames.length : program.size;
    // A sleep makes a timer each time it runs: room for one per step, more if repeats need it.
    const timers = Math.max(1024, program.size);
    const trace = (this.trace = new Trace(
      Math.max(1024, capacity),
      compiled.taskNames,
      strings,
      timers,
    ));
    this.events = keepAll ? trace : null;
    compiled.primitives.forEach(({ name, spec }, id) => {
      if (spec.type === 'Queue') {
        this.primitives.push(new QueuePrimitive(id, name, spec.maxsize));
        trace.primitives.push({ name, type: spec.type, size: spec.maxsize });
      } else if (spec.type === 'Event') {
        this.primitives.push(new EventPrimitive(id, name));
        trace.primitives.push({ name, type: spec.type, size: 0 });
      } else if (spec.type === 'Connection') {
        const { latency, data, eof } = spec;
        this.primitives.push(new ConnectionPrimitive(id, name, latency, data, eof ?? Infinity));
        trace.primitives.push({ name, type: spec.type, size: 0 });
      } else if (spec.type === 'Process') {
        const { output, exit, returncode } = spec;
        this.primitives.push(new ProcessPrimitive(id, name, output, exit, returncode ?? 0));
        trace.primitives.push({ name, type: spec.type, size: 0 });
      } else {
        const value = spec.type === 'Lock' ? 1 : spec.value;
        this.primitives.push(new LockPrimitive(id, name, spec.type, value));
        trace.primitives.push({ name, type: spec.type, size: spec.type === 'Lock' ? 0 : value });
      }
    });
    // `asyncio.ensure_future(coro)` for each task that starts with the loop, in order, before
    // the loop runs; the others are created by their spawn step.
    const count = compiled.taskNames.length;
    this.tasks = new Tasks(count, program.taskBase, program.taskEnd);
    // Most tasks await a few futures: room for two each, then more as needed.
    this.futures = new Futures(Math.max(64, 2 * count));
    this.heap = new TimerHeap();
    this.lastRan = new Float64Array(count).fill(-1);
    for (let t = 0; t < count; t += 1) {
      if (program.taskStart[t]) this.createTask(t);
      else (trace.startsLater ??= new Uint8Array(count))[t] = 1;
    }
    this.now = 0;
  }

  get time(): number {
    return this.now;
  }

  get ended(): boolean {
    return this.trace.end !== null;
  }

  /** Runs to the end: every task done, a deadlock, or a bound. */
  run(): Trace {
    while (!this.ended) this.runOnce();
    return this.trace;
  }

  /**
   * Runs every loop iteration whose clock stays at or before `until`, then stops without
   * ending the run (call again with a later bound to go on).
   */
  runUntil(until: number): Trace {
    while (!this.ended) {
      const next = this.nextIterationTime();
      if (next !== null && next > until) break;
      this.runOnce();
    }
    return this.trace;
  }

  /** Like `runUntil`, then records the end of the run at `until` if it did not end before. */
  runUntilAndStop(until: number): Trace {
    this.runUntil(until);
    if (!this.ended) this.finish(EndReason.UNTIL);
    return this.trace;
  }

  /** The clock the next iteration will read after its select; null when it ends the run. */
  private nextIterationTime(): number | null {
    if (this.ready.length > 0) return this.now;
    const futures = this.futures;
    let head = this.heap.peek();
    if (head >= 0 && futures.handleCancelled[head]) {
      head = -1;
      for (const timer of this.heap.items()) {
        if (futures.handleCancelled[timer]) continue;
        if (head < 0 || futures.when[timer] < futures.when[head]) head = timer;
      }
    }
    const io = this.ioReadyAt();
    if (io <= this.now) return this.now;
    if (head < 0 && io === Infinity) {
      return this.waitsForInterrupt() ? Math.max(this.now, this.interruptAt) : null;
    }
    const next = Math.min(head < 0 ? Infinity : this.selectTime(futures.when[head]), io);
    // Ctrl-C comes first: select leaves with KeyboardInterrupt, the clock reading its time.
    return this.interruptAt < next ? Math.max(this.now, this.interruptAt) : next;
  }

  /**
   * Whether a select(None) waits for the Ctrl-C to come rather than ending the run: some task
   * is not done (the notebook's `run_forever()` waits for ever; a finished run is over).
   */
  private waitsForInterrupt(): boolean {
    if (this.interruptAt === Infinity) return false;
    const tasks = this.tasks;
    for (let t = 0; t < tasks.count; t += 1) if (tasks.created[t] && !tasks.done(t)) return true;
    return false;
  }

  /** When the selector next reports a registered fd ready (Infinity: never, as things stand). */
  private ioReadyAt(): number {
    let at = Infinity;
    for (const entry of this.fds) at = Math.min(at, this.fdReadyAt(entry));
    return at;
  }

  /** KeyboardInterrupt leaves select: the run ends at the Ctrl-C's time. */
  private interrupt(timeout: number): void {
    this.now = Math.max(this.now, this.interruptAt);
    this.trace.markSelect(this.now, timeout);
    this.finish(EndReason.INTERRUPTED);
  }

  /**
   * Where `select(timeout)` leaves the virtual clock, for a head timer due at `when`: at its
   * deadline; or one float past it from 2**24 s on, where adding the clock resolution (1e-9)
   * to a time leaves it as it is, so that `when < now + resolution` holds as on a real clock,
   * which is always a little past the deadline (the oracle does the same).
   */
  private selectTime(when: number): number {
    const timeout = when - this.now;
    if (timeout > MAXIMUM_SELECT_TIMEOUT) return this.now + MAXIMUM_SELECT_TIMEOUT;
    if (!(timeout > 0)) return this.now;
    return when + CLOCK_RESOLUTION > when ? when : nextFloat(when);
  }

  // ---------------------------------------------------------------- the loop

  /** `BaseEventLoop._run_once`. */
  private runOnce(): void {
    const trace = this.trace;
    if (this.overIterations()) {
      this.finish(EndReason.EVENT_LIMIT);
      return;
    }
    trace.beginIteration();
    this.events?.emit(Ev.ITER_START, -1, -1, -1, -1);
    const heap = this.heap;
    const futures = this.futures;
    const scheduled = heap.size;
    if (
      scheduled > MIN_SCHEDULED_TIMER_HANDLES &&
      this.timerCancelledCount / scheduled > MIN_CANCELLED_TIMER_HANDLES_FRACTION
    ) {
      for (const timer of heap.items()) {
        if (futures.handleCancelled[timer]) {
          futures.scheduled[timer] = 0;
          this.events?.emit(Ev.TIMER_DROP, futures.owner[timer], futures.timer[timer], -1, -1);
        }
      }
      heap.rebuild((timer) => !futures.handleCancelled[timer]);
      this.timerCancelledCount = 0;
    } else {
      while (heap.size > 0 && futures.handleCancelled[heap.peek()]) {
        this.timerCancelledCount -= 1;
        const timer = heap.pop();
        futures.scheduled[timer] = 0;
        this.events?.emit(Ev.TIMER_DROP, futures.owner[timer], futures.timer[timer], -1, -1);
      }
    }

    let timeout: number;
    const io = this.fds.length > 0 ? this.ioReadyAt() : Infinity;
    if (this.ready.length > 0) timeout = 0;
    else if (heap.size > 0) {
      timeout = heap.peekWhen() - this.now;
      if (timeout > MAXIMUM_SELECT_TIMEOUT) timeout = MAXIMUM_SELECT_TIMEOUT;
      else if (timeout < 0) timeout = 0;
    } else if (io < Infinity) {
      timeout = -1; // select(None), which an fd becoming ready ends
    } else {
      // select(None): nothing can ever happen again, but a Ctrl-C.
      if (this.waitsForInterrupt()) {
        this.interrupt(-1);
        return;
      }
      trace.markSelect(this.now, -1);
      const tasks = this.tasks;
      let done = 0;
      while (done < tasks.count && (tasks.done(done) || !tasks.created[done])) done += 1;
      this.finish(done === tasks.count ? EndReason.COMPLETE : EndReason.DEADLOCK);
      return;
    }

    // select(timeout): in virtual time, the clock jumps to the head timer's deadline, or to
    // the moment a registered fd becomes ready if that comes first, unless a Ctrl-C comes
    // before either.
    if (timeout !== 0 && io > this.now) {
      const wake = Math.min(heap.size > 0 ? this.selectTime(heap.peekWhen()) : Infinity, io);
      if (this.interruptAt < wake) {
        this.interrupt(timeout);
        return;
      }
      this.now = wake;
    }
    if (this.now === this.lastSelectTime) this.stuckIterations += 1;
    else {
      this.stuckIterations = 0;
      this.instantSince = trace.iterationCount;
    }
    this.lastSelectTime = this.now;
    trace.markSelect(this.now, timeout);
    this.events?.emit(Ev.SELECT, -1, this.ready.length, -1, -1);
    if (this.stuckIterations >= this.limits.maxIterationsPerInstant) {
      this.finish(EndReason.LIVELOCK);
      return;
    }

    // `_process_events`: the callbacks of the fds select returned, before the due timers.
    if (this.fds.length > 0) this.processEvents();

    // Handle 'later' callbacks that are ready.
    const endTime = this.now + CLOCK_RESOLUTION;
    while (heap.size > 0 && heap.peekWhen() < endTime) {
      const timer = heap.pop();
      futures.scheduled[timer] = 0;
      this.ready.push(timerHandle(timer));
      this.events?.emit(Ev.TIMER_FIRE, futures.owner[timer], futures.timer[timer], -1, -1);
    }

    const ntodo = this.ready.length;
    const taskCount = this.tasks.count;
    for (let i = 0; i < ntodo; i += 1) {
      const handle: ReadyHandle = this.ready.shift();
      if (handle < 0) {
        const timer = handleTimer(handle);
        if (futures.handleCancelled[timer]) {
          this.events?.emit(Ev.SKIP_HANDLE, futures.owner[timer], futures.timer[timer], -1, -1);
          continue;
        }
        this.runTimer(timer);
      } else if (handle >= IO_HANDLE) {
        this.runIo(handle - IO_HANDLE);
      } else if (handle >= taskCount) {
        this.runCallback(handle - taskCount);
      } else if (!this.runStep(handle)) {
        return; // the run was stopped inside the step
      }
      if (trace.eventCount > this.limits.maxEvents) {
        this.finish(EndReason.EVENT_LIMIT);
        return;
      }
    }
  }

  /** `futures._set_result_unless_cancelled(future, None)`, the callback of a sleep's timer. */
  private runTimer(timer: number): void {
    const futures = this.futures;
    futures.ran[timer] = 1;
    // The sleep's future is the timer's own entry.
    const completes = !futures.cancelled(timer);
    this.events?.emit(
      Ev.RUN_TIMER,
      futures.owner[timer],
      futures.timer[timer],
      completes ? 1 : 0,
      -1,
    );
    if (completes) this.setResult(timer);
  }

  // ---------------------------------------------------------------- I/O

  /** When the selector reports this fd ready, for what it is registered for (Infinity: never). */
  private fdReadyAt(entry: FdEntry): number {
    const owner = entry.owner;
    if (owner.kind === 'Connection') return owner.registered ? owner.readyAt() : Infinity;
    if (entry.role === 'pidfd') {
      return owner.pidRegistered ? owner.startedAt + owner.exitAfter : Infinity;
    }
    if (!owner.outRegistered) return Infinity;
    const next = owner.output[owner.nextOut];
    // The pipe has data, else EOF once the process exited (its stdout closes then).
    return owner.startedAt + (next !== undefined ? next.after : owner.exitAfter);
  }

  /** What the fd is registered for: 0, IO_READ or IO_WRITE. */
  private fdEvents(entry: FdEntry): number {
    const owner = entry.owner;
    if (owner.kind === 'Connection') return owner.registered;
    return (entry.role === 'pidfd' ? owner.pidRegistered : owner.outRegistered) ? IO_READ : 0;
  }

  /** `_process_events(select(...))`: each ready fd's callback joins the ready queue, in fd order. */
  private processEvents(): void {
    for (const entry of this.fds) {
      if (this.fdReadyAt(entry) > this.now) continue;
      const owner = entry.owner;
      const events = this.fdEvents(entry);
      this.events?.emit(Ev.FD_READY, -1, owner.id, entry.fd, this.fdStep(entry, events));
      entry.queued = true;
      entry.cancelled = false;
      const callback =
        owner.kind === 'Connection'
          ? events === IO_READ
            ? IO.READ_READY
            : IO.CONNECT_CB
          : entry.role === 'pidfd'
            ? PROC.DO_WAIT
            : PROC.OUT_READY;
      this.scheduleIo(owner, callback, entry);
    }
  }

  /** The step of an fd's events: what it is watched for, and whether it is a pidfd. */
  private fdStep(entry: FdEntry, events: number): number {
    return entry.role === 'pidfd' ? events | FD_PIDFD : events;
  }

  /** `_add_reader` / `_add_writer` of an fd. */
  private addFd(entry: FdEntry, events: number): void {
    const owner = entry.owner;
    if (owner.kind === 'Connection') owner.registered = events;
    else if (entry.role === 'pidfd') owner.pidRegistered = true;
    else owner.outRegistered = true;
    this.events?.emit(Ev.FD_ADD, -1, owner.id, entry.fd, this.fdStep(entry, events));
  }

  /** `_remove_reader` / `_remove_writer`: a handle select queued for the fd is cancelled. */
  private removeFd(entry: FdEntry | undefined, events: number): void {
    if (entry === undefined || this.fdEvents(entry) !== events) return;
    const owner = entry.owner;
    if (owner.kind === 'Connection') owner.registered = 0;
    else if (entry.role === 'pidfd') owner.pidRegistered = false;
    else owner.outRegistered = false;
    this.events?.emit(Ev.FD_REMOVE, -1, owner.id, entry.fd, this.fdStep(entry, events));
    if (entry.queued) entry.cancelled = true;
  }

  /** A new fd (the lowest free number: fds are never closed and reused here). */
  private newFd(owner: ConnectionPrimitive | ProcessPrimitive, role: FdEntry['role']): FdEntry {
    const entry: FdEntry = {
      fd: FIRST_FD + this.fds.length,
      owner,
      role,
      queued: false,
      cancelled: false,
    };
    this.fds.push(entry);
    return entry;
  }

  private fdOf(owner: ConnectionPrimitive | ProcessPrimitive, role: FdEntry['role']) {
    return this.fds.find((entry) => entry.owner === owner && entry.role === role);
  }

  /**
   * `call_soon` of one of a Connection's or Process's callbacks, or `_add_callback` of its
   * fd's handle (`fd`: the owner then, else -1).
   */
  private scheduleIo(
    owner: ConnectionPrimitive | ProcessPrimitive,
    callback: number,
    fd?: FdEntry,
  ): void {
    this.ready.push(IO_HANDLE + 16 * owner.id + callback);
    const names = owner.kind === 'Connection' ? IO_NAMES : PROC_NAMES;
    const name = this.trace.addString(names[callback]);
    if (fd === undefined) this.events?.emit(Ev.CALL_SOON, -1, name, -1, -1);
    else this.events?.emit(Ev.CALL_SOON, -1, name, owner.id, fd.fd);
  }

  /** Runs a Connection's or Process's callback (`handle`: 16 * owner + callback). */
  private runIo(handle: number): void {
    const owner = this.primitives[handle >> 4] as ConnectionPrimitive | ProcessPrimitive;
    const callback = handle & 15;
    const fdHandle =
      owner.kind === 'Connection'
        ? callback === IO.READ_READY || callback === IO.CONNECT_CB
          ? this.fdOf(owner, 'socket')
          : undefined
        : callback === PROC.OUT_READY
          ? this.fdOf(owner, 'stdout')
          : callback === PROC.DO_WAIT
            ? this.fdOf(owner, 'pidfd')
            : undefined;
    if (fdHandle !== undefined) {
      fdHandle.queued = false;
      if (fdHandle.cancelled) {
        // `_remove_reader` / `_remove_writer` cancelled the handle after select returned it:
        // the loop skips it.
        this.events?.emit(Ev.SKIP_HANDLE, -1, -1, -1, -1);
        return;
      }
    }
    const names = owner.kind === 'Connection' ? IO_NAMES : PROC_NAMES;
    this.events?.emit(Ev.RUN_HANDLE, -1, this.trace.addString(names[callback]), -1, -1);
    if (owner.kind === 'Connection') this.runConnection(owner, callback);
    else this.runProcess(owner, callback);
  }

  private runConnection(c: ConnectionPrimitive, callback: number): void {
    const futures = this.futures;
    switch (callback) {
      case IO.CONNECT_CB:
        // `_sock_connect_cb`: the socket is writable, the connect succeeded. The future's
        // done callbacks: `_sock_write_done` (added first), then the task's wake-up.
        if (futures.done(c.connectFuture)) return;
        futures.state[c.connectFuture] = FINISHED;
        this.scheduleIo(c, IO.WRITE_DONE);
        this.scheduleCallbacks(c.connectFuture);
        return;
      case IO.WRITE_DONE:
        this.removeFd(this.fdOf(c, 'socket'), IO_WRITE);
        return;
      case IO.MADE:
        return; // StreamReaderProtocol.connection_made: reader.set_transport(transport)
      case IO.ADD_READER:
        if (c.closing) return; // never here: close() needs the transport open first
        this.addFd(this.fdOf(c, 'socket')!, IO_READ);
        return;
      case IO.SET_WAITER:
        // `_set_result_unless_cancelled(waiter, None)`: create_connection's waiter.
        if (!futures.done(c.transportFuture)) this.setResult(c.transportFuture);
        return;
      case IO.READ_READY: {
        if (c.lost) return; // `if self._conn_lost: return`
        // `data = self._sock.recv(self.max_size)`: everything that has arrived.
        const text = this.arrived(c.data, c.nextData, c.openedAt);
        c.nextData += text.count;
        if (text.text !== '') {
          this.events?.emit(Ev.IO_RECV, -1, c.id, this.trace.addString(text.text), -1);
          c.buffer += text.text; // protocol.data_received(data): reader.feed_data(data)
          this.wakeupWaiter(c);
          return;
        }
        // b'': `_read_ready__on_eof`: eof_received() feeds EOF to the reader and keeps the
        // transport open for writing, so the reader leaves the selector.
        c.eofRead = true;
        this.events?.emit(Ev.IO_RECV, -1, c.id, -1, -1);
        c.eof = true;
        this.wakeupWaiter(c);
        this.removeFd(this.fdOf(c, 'socket'), IO_READ);
        return;
      }
      case IO.LOST:
        // `_call_connection_lost(None)`: protocol.connection_lost(None) feeds EOF to the
        // reader and sets `_closed`; then the socket is closed.
        c.lost = true;
        this.events?.emit(Ev.IO_LOST, -1, c.id, -1, -1);
        c.eof = true;
        this.wakeupWaiter(c);
        if (!futures.done(c.closedFuture)) this.setResult(c.closedFuture);
        return;
    }
  }

  /** base_subprocess.py's `_call`: queued while the pipes are not connected, else call_soon. */
  private callProcess(p: ProcessPrimitive, callback: number): void {
    if (p.pending !== null) p.pending.push(callback);
    else this.scheduleIo(p, callback);
  }

  /** `BaseSubprocessTransport._try_finish`. */
  private tryFinish(p: ProcessPrimitive): void {
    if (p.returncode === null) return;
    if (p.pending !== null) this.wakeExitWaiters(p); // not `_pipes_connected` yet
    if (p.pipeDisconnected) {
      p.finished = true;
      this.callProcess(p, PROC.TRANSPORT_LOST);
    }
  }

  private wakeExitWaiters(p: ProcessPrimitive): void {
    for (const waiter of p.exitWaiters) if (!this.futures.done(waiter)) this.setResult(waiter);
  }

  private runProcess(p: ProcessPrimitive, callback: number): void {
    switch (callback) {
      case PROC.CONNECT_PIPES:
        // The `_connect_pipes` task's first step: `connect_read_pipe(..., proc.stdout)` makes
        // the read pipe transport, whose __init__ schedules three callbacks; it awaits the last.
        p.pipeFuture = this.futures.create(-1);
        this.scheduleIo(p, PROC.PIPE_MADE);
        this.scheduleIo(p, PROC.ADD_READER);
        this.scheduleIo(p, PROC.SET_PIPE_WAITER);
        return;
      case PROC.PIPE_MADE:
        return; // ReadSubprocessPipeProto.connection_made: self.pipe = transport
      case PROC.ADD_READER:
        if (!p.pipeClosing) this.addFd(this.fdOf(p, 'stdout')!, IO_READ);
        return;
      case PROC.SET_PIPE_WAITER:
        // Its done callback is the `_connect_pipes` task's wake-up.
        this.futures.state[p.pipeFuture] = FINISHED;
        this.scheduleIo(p, PROC.CONNECT_PIPES_WAKE);
        return;
      case PROC.CONNECT_PIPES_WAKE: {
        // `_connect_pipes` goes on: connection_made, then the calls that waited for it, then
        // the waiter of create_subprocess_exec; the task ends.
        this.scheduleIo(p, PROC.PROTOCOL_MADE);
        const pending = p.pending!;
        p.pending = null;
        for (const call of pending) this.scheduleIo(p, call);
        if (!this.futures.done(p.transportFuture)) this.setResult(p.transportFuture);
        return;
      }
      case PROC.PROTOCOL_MADE:
        return; // SubprocessStreamProtocol.connection_made: the stdout StreamReader
      case PROC.OUT_READY: {
        // `_UnixReadPipeTransport._read_ready`: `os.read(fd, max_size)`.
        const text = this.arrived(p.output, p.nextOut, p.startedAt);
        p.nextOut += text.count;
        if (text.text !== '') {
          this.events?.emit(Ev.IO_RECV, -1, p.id, this.trace.addString(text.text), -1);
          p.chunks.push(text.text);
          this.callProcess(p, PROC.DATA); // data_received -> _pipe_data_received
          return;
        }
        this.events?.emit(Ev.IO_RECV, -1, p.id, -1, -1);
        p.pipeClosing = true;
        this.removeFd(this.fdOf(p, 'stdout'), IO_READ);
        this.scheduleIo(p, PROC.EOF_RECEIVED);
        this.scheduleIo(p, PROC.PIPE_LOST);
        return;
      }
      case PROC.DATA: {
        // SubprocessStreamProtocol.pipe_data_received: stdout.feed_data(data)
        const text = p.chunks.shift()!;
        this.events?.emit(Ev.IO_DATA, -1, p.id, this.trace.addString(text), -1);
        p.buffer += text;
        this.wakeupWaiter(p);
        return;
      }
      case PROC.EOF_RECEIVED:
        return; // Protocol.eof_received: nothing
      case PROC.PIPE_LOST:
        // The read pipe's `_call_connection_lost`: its protocol is disconnected.
        p.pipeDisconnected = true;
        this.callProcess(p, PROC.PIPE_CONNECTION_LOST);
        this.tryFinish(p);
        return;
      case PROC.PIPE_CONNECTION_LOST:
        // SubprocessStreamProtocol.pipe_connection_lost(1, None): stdout.feed_eof()
        p.eof = true;
        this.events?.emit(Ev.IO_DATA, -1, p.id, -1, -1);
        this.wakeupWaiter(p);
        p.pipeFd = false;
        return; // _maybe_close_transport: closes pipes already closing
      case PROC.DO_WAIT:
        // `_PidfdChildWatcher._do_wait`: reap the child, then `call_soon_threadsafe(
        // transport._process_exited, returncode)`.
        this.removeFd(this.fdOf(p, 'pidfd'), IO_READ);
        this.events?.emit(Ev.PROC_EXIT, -1, p.id, p.exitCode, -1);
        this.scheduleIo(p, PROC.EXITED);
        return;
      case PROC.EXITED:
        p.returncode = p.exitCode;
        this.callProcess(p, PROC.PROTOCOL_EXITED);
        this.tryFinish(p);
        return;
      case PROC.PROTOCOL_EXITED:
        p.protocolExited = true;
        return;
      case PROC.TRANSPORT_LOST:
        // `BaseSubprocessTransport._call_connection_lost`: then every `proc.wait()` returns.
        this.wakeExitWaiters(p);
        p.exitWaiters.length = 0;
        return;
    }
  }

  /**
   * What a read takes from a schedule (a server's data, a child's output) from entry `next`:
   * every text that has arrived by now, `from` being the schedule's start.
   */
  private arrived(
    schedule: readonly { after: number; text: string }[],
    next: number,
    from: number,
  ): { text: string; count: number } {
    let text = '';
    let k = next;
    while (k < schedule.length && from + schedule[k].after <= this.now) {
      text += schedule[k].text;
      k += 1;
    }
    return { text, count: k - next };
  }

  /** `StreamReader._wakeup_waiter`. */
  private wakeupWaiter(c: ConnectionPrimitive | ProcessPrimitive): void {
    const waiter = c.waiter;
    if (waiter < 0) return;
    c.waiter = -1;
    if (!this.futures.cancelled(waiter)) this.setResult(waiter);
  }

  /** readline() / read(n) on an open connection or process: -1 when it returned, else a result code. */
  private read(
    t: number,
    c: ConnectionPrimitive | ProcessPrimitive,
    pc: number,
    step: number,
  ): number {
    const line = this.program.code[pc] === Op.READLINE;
    let end = -1;
    if (line) {
      // readuntil(b'\n'): the first line in the buffer, or all of it at EOF.
      const newline = c.buffer.indexOf('\n');
      if (newline >= 0) end = newline + 1;
      else if (c.eof) end = c.buffer.length;
    } else if (c.buffer.length > 0 || c.eof) {
      end = Math.min(this.program.num[pc], c.buffer.length);
    }
    const tasks = this.tasks;
    if (end < 0) {
      // `_wait_for_data`
      if (c.waiter >= 0) {
        const name = line ? 'readuntil' : 'read';
        return this.raise(
          t,
          new PyError(
            'RuntimeError',
            `${name}() called while another coroutine is already waiting for incoming data`,
          ),
        );
      }
      const future = this.futures.create(t);
      c.waiter = future;
      return this.suspend(t, Await.READ, future, c, WaitKind.IO, step);
    }
    const text = c.buffer.slice(0, end);
    c.buffer = c.buffer.slice(end);
    this.events?.emit(Ev.IO_READ, t, c.id, this.trace.addString(text), step);
    // The task's `{item}`: the text without its newline.
    tasks.item[t] = this.trace.addString(text.endsWith('\n') ? text.slice(0, -1) : text);
    tasks.pc[t] = pc + 1;
    return -1;
  }

  /** `KeyError: 'name'`: a step on a connection that `streams` does not hold yet. */
  private notOpen(t: number, c: ConnectionPrimitive | ProcessPrimitive): number {
    return this.raise(t, new PyError('KeyError', pyRepr(c.name)));
  }

  // ---------------------------------------------------------------- futures

  /** `Future.set_result`: the done callback (the awaiting task's wake-up) goes to the ready queue. */
  private setResult(future: number): void {
    this.futures.state[future] = FINISHED;
    this.scheduleCallbacks(future);
  }

  /** `Future.cancel`. */
  private cancelFuture(future: number): boolean {
    const futures = this.futures;
    if (futures.state[future] !== PENDING) return false;
    futures.state[future] = CANCELLED;
    this.scheduleCallbacks(future);
    return true;
  }

  private scheduleCallbacks(future: number): void {
    const futures = this.futures;
    const t = futures.waiter[future];
    if (t < 0) return;
    futures.waiter[future] = -1;
    this.schedule(t, StepReason.WOKEN);
    this.events?.emit(Ev.WAKE, t, futures.cancelled(future) ? 1 : 0, -1, -1);
  }

  // ---------------------------------------------------------------- tasks

  /** `asyncio.create_task(coro)`: `Task.__init__` schedules the first step. */
  private createTask(t: number): void {
    this.tasks.created[t] = 1;
    this.schedule(t, StepReason.FIRST);
    this.events?.emit(Ev.TASK_CREATE, t, -1, -1, -1);
  }

  /** `call_soon(task.__step)` or `call_soon(task.__wakeup)`. */
  private schedule(t: number, reason: number): void {
    this.tasks.readyReason[t] = reason;
    this.ready.push(t);
  }

  /**
   * `Task.__step` (and `Task.__wakeup`, which calls it). Returns false when the run stopped.
   * A wake-up from a cancelled future throws CancelledError into the coroutine.
   */
  private runStep(t: number): boolean {
    const tasks = this.tasks;
    const trace = this.trace;
    const reason = tasks.readyReason[t];
    let error: PyError | null = null;
    const waitedOn = tasks.futWaiter[t];
    if (reason === StepReason.WOKEN && waitedOn >= 0 && this.futures.cancelled(waitedOn)) {
      error = CANCELLED_ERROR;
    }
    if (tasks.waitOther[t] !== -1) error = this.wokenByOther(t);
    this.events?.emit(Ev.RUN_STEP, t, reason, -1, -1);
    this.lastRan[t] = trace.iterationCount;
    if (tasks.mustCancel[t]) {
      error = CANCELLED_ERROR;
      tasks.mustCancel[t] = 0;
    }
    tasks.futWaiter[t] = -1;
    const result = this.resume(t, error);
    switch (result) {
      case R_SUSPEND: {
        const future = tasks.awaitFuture[t];
        if (tasks.awaiting[t] === Await.TASK || tasks.awaiting[t] === Await.GATHER) {
          this.suspendOnOther(t, future);
          return true;
        }
        this.futures.waiter[future] = t; // add_done_callback(self.__wakeup)
        tasks.futWaiter[t] = future;
        if (tasks.mustCancel[t] && this.cancelFuture(future)) tasks.mustCancel[t] = 0;
        return true;
      }
      case R_YIELD:
        this.schedule(t, StepReason.YIELDED);
        return true;
      case R_RETURN:
        if (tasks.mustCancel[t]) {
          // Cancelled right before the coroutine returned.
          tasks.mustCancel[t] = 0;
          tasks.state[t] = TASK_CANCELLED;
          this.events?.emit(Ev.TASK_CANCELLED, t, -1, -1, -1);
        } else {
          tasks.state[t] = TASK_DONE;
          this.events?.emit(Ev.TASK_DONE, t, -1, -1, -1);
        }
        if (tasks.awaiters[t] !== null) this.wakeAwaiters(t);
        return true;
      case R_RAISE:
        if (tasks.error[t] === CANCELLED_ERROR) {
          tasks.state[t] = TASK_CANCELLED;
          this.events?.emit(Ev.TASK_CANCELLED, t, -1, -1, -1);
        } else {
          tasks.state[t] = TASK_FAILED;
          this.events?.emit(Ev.TASK_FAIL, t, trace.addString(String(tasks.error[t])), -1, -1);
        }
        if (tasks.awaiters[t] !== null) this.wakeAwaiters(t);
        return true;
      case R_INTERRUPT:
        // Task.__step: `except (KeyboardInterrupt, SystemExit) as exc: set_exception(exc);
        // raise`: the task is done, and the exception leaves run_forever().
        tasks.state[t] = TASK_FAILED;
        this.events?.emit(Ev.TASK_FAIL, t, trace.addString('KeyboardInterrupt'), -1, -1);
        if (tasks.awaiters[t] !== null) this.wakeAwaiters(t);
        this.finish(EndReason.INTERRUPTED);
        return false;
      default:
        this.finish(EndReason.NO_YIELD, t);
        return false;
    }
  }

  /**
   * `Task.__wakeup` from a task or a gather (`_fut_waiter` is `waitOther`): what its
   * `result()` raises, if anything.
   */
  private wokenByOther(t: number): PyError | null {
    const tasks = this.tasks;
    const other = tasks.waitOther[t];
    tasks.waitOther[t] = -1;
    // A task's exception, or CancelledError; a gather's first error, or none.
    return other >= 0 ? this.taskException(other) : this.gathers[-2 - other].error;
  }

  /** `Task.__step` after the coroutine yielded a task or a gather's future (not a plain one). */
  private suspendOnOther(t: number, future: number): void {
    const tasks = this.tasks;
    if (tasks.awaiting[t] === Await.TASK) {
      // The awaited task is the future: `add_done_callback(self.__wakeup)` on it.
      (tasks.awaiters[future] ??= []).push(t);
      tasks.waitOther[t] = future;
      if (tasks.mustCancel[t] && this.cancelTask(future)) tasks.mustCancel[t] = 0;
    } else {
      this.gathers[future].waiter = t;
      tasks.waitOther[t] = -2 - future;
      if (tasks.mustCancel[t] && this.cancelGather(future)) tasks.mustCancel[t] = 0;
    }
  }

  /** A done task's `__schedule_callbacks`: the wake-ups of the tasks awaiting it, in order. */
  private wakeAwaiters(t: number): void {
    const tasks = this.tasks;
    const awaiters = tasks.awaiters[t]!;
    tasks.awaiters[t] = null;
    const cancelled = tasks.state[t] === TASK_CANCELLED ? 1 : 0;
    for (const waiter of awaiters) {
      if (waiter < 0) {
        // gather's `_done_callback` for this task.
        const k = -1 - waiter;
        this.ready.push(tasks.count + k);
        this.events?.emit(
          Ev.GATHER_CALLBACK,
          t,
          this.gathers[this.callbackGather[k]].owner,
          -1,
          -1,
        );
        continue;
      }
      this.schedule(waiter, StepReason.WOKEN);
      this.events?.emit(Ev.WAKE, waiter, cancelled, -1, -1);
    }
  }

  /** gather's `_done_callback(fut)`, number k (tasks.py, `return_exceptions=False`). */
  private runCallback(k: number): void {
    const tasks = this.tasks;
    const g = this.gathers[this.callbackGather[k]];
    const child = this.callbackChild[k];
    g.finished += 1;
    let completes = false;
    if (!g.done) {
      if (tasks.state[child] === TASK_CANCELLED) {
        completes = true; // outer.set_exception(fut._make_cancelled_error())
        g.error = CANCELLED_ERROR;
      } else if (tasks.state[child] === TASK_FAILED) {
        completes = true; // outer.set_exception(fut.exception())
        g.error = tasks.error[child];
      } else if (g.finished === g.children.length) {
        completes = true;
        // Every task is done: the results, unless cancelling the gather cancelled some.
        if (g.cancelRequested) g.error = CANCELLED_ERROR;
      }
    }
    this.events?.emit(Ev.RUN_CALLBACK, child, g.owner, completes ? 1 : 0, -1);
    if (!completes) return;
    g.done = true;
    if (g.waiter >= 0) {
      const waiter = g.waiter;
      g.waiter = -1;
      this.schedule(waiter, StepReason.WOKEN);
      this.events?.emit(Ev.WAKE, waiter, g.error === CANCELLED_ERROR ? 1 : 0, -1, -1);
    }
  }

  /** `_GatheringFuture.cancel()`: cancels every task; True if any accepted. */
  private cancelGather(gather: number): boolean {
    return this.cancelAwaited(-2 - gather);
  }

  /** What `task.result()` raises for done task `t`: its exception, CancelledError, or none. */
  private taskException(t: number): PyError | null {
    const tasks = this.tasks;
    if (tasks.state[t] === TASK_CANCELLED) return CANCELLED_ERROR;
    return tasks.state[t] === TASK_FAILED ? tasks.error[t] : null;
  }

  /** `tasks[name]` for a task not created yet: `KeyError: 'name'`. */
  private keyError(t: number): PyError {
    return new PyError('KeyError', pyRepr(this.trace.taskNames.get(t)));
  }

  /** `Task.cancel()`. */
  private cancelTask(t: number): boolean {
    return this.cancelAwaited(t);
  }

  /**
   * `Task.cancel()` of task `target` (>= 0), or `_GatheringFuture.cancel()` of gather
   * `-2 - target`. CPython recurses down a chain of awaits (a task cancels the future it waits
   * on: an awaited task, or a gather, which cancels each of its tasks); this walks the chain
   * depth first in the same order with a stack of its own, as a chain of 10,000 awaits would
   * overflow the call stack.
   */
  private cancelAwaited(target: number): boolean {
    const tasks = this.tasks;
    // The gathers being cancelled: the next task to cancel, whether one accepted, and the task
    // awaiting the gather (-1: the gather is `target`).
    const frames: { gather: number; next: number; cancelled: boolean; task: number }[] = [];
    let result: boolean | null = null;
    let t = target;
    if (target < -1) {
      if (this.gathers[-2 - target].done) return false;
      frames.push({ gather: -2 - target, next: 0, cancelled: false, task: -1 });
      t = -1;
    }
    for (;;) {
      if (t >= 0) {
        // Task t, and down the tasks it awaits while they are not done (their cancel() is
        // then True, so no level above does more).
        result = tasks.done(t) ? false : null;
        while (result === null) {
          const waiter = tasks.futWaiter[t];
          if (waiter >= 0 && this.cancelFuture(waiter)) {
            result = true;
            break;
          }
          const other = tasks.waitOther[t];
          if (other >= 0 && !tasks.done(other)) {
            t = other;
            continue;
          }
          if (other < -1 && !this.gathers[-2 - other].done) {
            frames.push({ gather: -2 - other, next: 0, cancelled: false, task: t });
            break;
          }
          tasks.mustCancel[t] = 1;
          result = true;
        }
      }
      // Hand the answer to the gather being cancelled, and go on with its next task.
      for (;;) {
        const frame = frames[frames.length - 1];
        if (frame === undefined) return result === true;
        if (result !== null) {
          if (result) frame.cancelled = true;
          result = null;
        }
        const g = this.gathers[frame.gather];
        if (frame.next < g.children.length) {
          t = g.children[frame.next++];
          break;
        }
        frames.pop();
        if (frame.cancelled) g.cancelRequested = true;
        if (frame.task < 0) result = frame.cancelled;
        else {
          // No task of the gather accepted: the awaiting task is cancelled at its next step.
          if (!frame.cancelled) tasks.mustCancel[frame.task] = 1;
          result = true;
        }
      }
    }
  }

  /**
   * Runs the task's coroutine (`coro.send(None)`, or `coro.throw(error)`) until it suspends,
   * yields, returns or raises. First finishes the primitive operation it was suspended in.
   */
  private resume(t: number, error: PyError | null): number {
    const tasks = this.tasks;
    if (!tasks.started[t]) {
      tasks.started[t] = 1;
      // Throwing into a coroutine that never ran: the body never runs.
      if (error !== null) return this.raise(t, error);
    } else if (tasks.awaiting[t] !== Await.NONE) {
      const outcome = this.finishAwait(t, error);
      if (outcome !== -1) return outcome;
      if (error !== null) return this.raise(t, error);
    }
    return this.interpret(t);
  }

  private raise(t: number, error: PyError): number {
    this.tasks.error[t] = error;
    return R_RAISE;
  }

  /**
   * Resumes inside the awaited primitive operation. Returns -1 when the operation completed
   * (or raised: `error` is then propagated by the caller), or a result code when the task
   * suspends again.
   */
  private finishAwait(t: number, error: PyError | null): number {
    const tasks = this.tasks;
    const kind = tasks.awaiting[t];
    const future = tasks.awaitFuture[t];
    tasks.awaiting[t] = Await.NONE;
    tasks.awaitFuture[t] = -1;
    const step = tasks.step(t);
    switch (kind) {
      case Await.SLEEP: {
        // finally: h.cancel() (the sleep's future is its timer's entry)
        this.cancelTimer(future);
        break;
      }
      case Await.SLEEP0:
        break;
      case Await.PUT:
      case Await.GET: {
        const queue = tasks.awaitPrimitive[t] as QueuePrimitive;
        const isPut = kind === Await.PUT;
        const waiters = isPut ? queue.putters : queue.getters;
        if (error !== null) {
          this.cancelFuture(future); // just in case the waiter is not done yet
          if (waiters.remove(future)) {
            this.events?.emit(Ev.Q_UNBLOCK, t, queue.id, isPut ? 0 : 1, step);
          }
          const canProceed = isPut ? !queue.full() : queue.items.length > 0;
          // Woken but cannot take the call: wake up the next in line.
          if (canProceed && !this.futures.cancelled(future)) this.wakeupNext(queue, isPut);
          break;
        }
        // The `while full()` / `while empty()` loop goes round again.
        return isPut ? this.queuePut(t, queue) : this.queueGet(t, queue);
      }
      case Await.LOCK: {
        const lock = tasks.awaitPrimitive[t] as LockPrimitive;
        lock.waiters.remove(future); // finally: self._waiters.remove(fut)
        if (error !== null) {
          this.events?.emit(Ev.ACQUIRE_ABANDON, t, lock.id, 0, step);
          if (!lock.locked) this.lockWakeUpFirst(lock);
          break;
        }
        lock.locked = true;
        this.events?.emit(Ev.ACQUIRED, t, lock.id, -1, step);
        tasks.pc[t] += 1;
        break;
      }
      case Await.SEMAPHORE: {
        const sem = tasks.awaitPrimitive[t] as LockPrimitive;
        sem.waiters.remove(future);
        if (error !== null) {
          const given = this.futures.state[future] === FINISHED;
          if (given) sem.value += 1;
          this.events?.emit(Ev.ACQUIRE_ABANDON, t, sem.id, given ? 1 : 0, step);
        } else {
          this.events?.emit(Ev.ACQUIRED, t, sem.id, -1, step);
        }
        // finally: wake up as many waiters as the value allows.
        while (sem.value > 0) if (!this.semaphoreWakeUpNext(sem)) break;
        if (error === null) tasks.pc[t] += 1;
        break;
      }
      case Await.EVENT: {
        const event = tasks.awaitPrimitive[t] as EventPrimitive;
        event.waiters.remove(future);
        this.events?.emit(Ev.EV_DONE, t, event.id, error !== null ? 1 : 0, step);
        if (error === null) tasks.pc[t] += 1;
        break;
      }
      case Await.JOIN: {
        // `_finished.wait()`: finally: self._waiters.remove(fut)
        const queue = tasks.awaitPrimitive[t] as QueuePrimitive;
        queue.joiners.remove(future);
        this.events?.emit(Ev.Q_JOIN_DONE, t, queue.id, error !== null ? 1 : 0, step);
        if (error === null) tasks.pc[t] += 1;
        break;
      }
      case Await.TASK:
        // `future` is the awaited task; an error is its exception, or a cancellation.
        this.events?.emit(Ev.AWAIT_DONE, t, future, error !== null ? 1 : 0, step);
        if (error === null) tasks.pc[t] += 1;
        break;
      case Await.GATHER:
        this.events?.emit(Ev.GATHER_DONE, t, future, error !== null ? 1 : 0, step);
        if (error === null) tasks.pc[t] += 1;
        break;
      case Await.CONNECT: {
        if (error !== null) break;
        // sock_connect returned: `_create_connection_transport` makes the transport, whose
        // __init__ schedules connection_made, `_add_reader` and the waiter's result.
        const c = tasks.awaitPrimitive[t] as ConnectionPrimitive;
        const waiter = this.futures.create(t);
        c.transportFuture = waiter;
        this.scheduleIo(c, IO.MADE);
        this.scheduleIo(c, IO.ADD_READER);
        this.scheduleIo(c, IO.SET_WAITER);
        return this.suspend(t, Await.TRANSPORT, waiter, c, WaitKind.IO, step);
      }
      case Await.TRANSPORT: {
        if (error !== null) break;
        const c = tasks.awaitPrimitive[t] as ConnectionPrimitive;
        c.open = true; // streams[name] = reader, writer
        this.events?.emit(Ev.IO_OPEN, t, c.id, -1, step);
        tasks.pc[t] += 1;
        break;
      }
      case Await.EXEC: {
        if (error !== null) break;
        const p = tasks.awaitPrimitive[t] as ProcessPrimitive;
        p.open = true; // procs[name] = proc
        this.events?.emit(Ev.PROC_OPEN, t, p.id, -1, step);
        tasks.pc[t] += 1;
        break;
      }
      case Await.PROC_WAIT: {
        if (error !== null) break;
        const p = tasks.awaitPrimitive[t] as ProcessPrimitive;
        this.events?.emit(Ev.PROC_WAITED, t, p.id, p.returncode ?? -1, step);
        tasks.pc[t] += 1;
        break;
      }
      case Await.READ: {
        const c = tasks.awaitPrimitive[t] as ConnectionPrimitive | ProcessPrimitive;
        c.waiter = -1; // finally: self._waiter = None
        if (error !== null) break;
        tasks.awaitPrimitive[t] = null;
        return this.read(t, c, tasks.pc[t], step);
      }
      case Await.DRAIN: {
        if (error !== null) break;
        const c = tasks.awaitPrimitive[t] as ConnectionPrimitive;
        tasks.awaitPrimitive[t] = null;
        // `_drain_helper`
        if (c.lost) return this.raise(t, new PyError('ConnectionResetError', 'Connection lost'));
        this.events?.emit(Ev.IO_WRITE, t, c.id, this.text(t, tasks.pc[t]), step);
        tasks.pc[t] += 1;
        break;
      }
      case Await.CLOSE: {
        if (error !== null) break;
        const c = tasks.awaitPrimitive[t] as ConnectionPrimitive;
        this.events?.emit(Ev.IO_CLOSED, t, c.id, -1, step);
        tasks.pc[t] += 1;
        break;
      }
    }
    tasks.awaitPrimitive[t] = null;
    if (error === null && (kind === Await.SLEEP || kind === Await.SLEEP0)) {
      this.events?.emit(Ev.SLEPT, t, -1, -1, step);
      tasks.pc[t] += 1;
    }
    return -1;
  }

  /** `TimerHandle.cancel()`: only a timer that has not run yet changes anything. */
  private cancelTimer(timer: number): void {
    const futures = this.futures;
    if (futures.handleCancelled[timer] || futures.ran[timer]) return;
    futures.handleCancelled[timer] = 1;
    if (futures.scheduled[timer]) this.timerCancelledCount += 1;
    this.events?.emit(Ev.TIMER_CANCEL, futures.owner[timer], futures.timer[timer], -1, -1);
  }

  /** The coroutine body: runs steps until one suspends. */
  private interpret(t: number): number {
    const tasks = this.tasks;
    const program = this.program;
    const code = program.code;
    const trace = this.trace;
    const maxOps = this.limits.maxOpsPerStep;
    let ops = 0;
    for (;;) {
      // The end of a repeat's body: go round again or leave it.
      const repeats = tasks.repeats[t];
      while (repeats !== null && repeats.length > 0) {
        const top = repeats.length - 2;
        const repeatPc = repeats[top];
        if (tasks.pc[t] !== program.end[repeatPc]) break;
        const n = repeats[top + 1];
        if (n < program.num[repeatPc]) {
          if (++ops > maxOps) return R_ABORT;
          repeats[top + 1] = n + 1;
          tasks.pc[t] = repeatPc + 1;
        } else {
          repeats.length = top;
        }
      }
      const pc = tasks.pc[t];
      if (pc >= tasks.end[t]) return R_RETURN;
      const step = pc - tasks.base[t];
      tasks.current[t] = step;
      if (++ops > maxOps) return R_ABORT;
      switch (code[pc]) {
        case Op.LOG: {
          trace.emit(Ev.LOG, t, this.text(t, pc), -1, step);
          tasks.pc[t] = pc + 1;
          break;
        }
        case Op.BLOCK: {
          // `time.sleep(seconds)`: the loop's thread sleeps; when it wakes, the clock has
          // moved on and the step goes on. Nothing else ran meanwhile.
          const from = this.now;
          const to = from + program.num[pc];
          // A Ctrl-C meanwhile interrupts the sleep: KeyboardInterrupt in this task.
          this.now = to > this.interruptAt ? Math.max(from, this.interruptAt) : to;
          const move = trace.addMove(from, this.now);
          const cut = to > this.interruptAt;
          this.events?.emit(Ev.BLOCK, t, move, cut ? 1 : -1, step);
          if (cut) return R_INTERRUPT;
          tasks.pc[t] = pc + 1;
          break;
        }
        case Op.SLEEP: {
          const seconds = program.num[pc];
          if (seconds <= 0) {
            // `await __sleep0()`: a bare yield.
            tasks.awaiting[t] = Await.SLEEP0;
            this.events?.emit(Ev.YIELD, t, -1, -1, step);
            return R_YIELD;
          }
          const when = this.now + seconds; // call_later: self.time() + delay
          const id = trace.addTimer(when, t);
          const timer = this.futures.createTimer(t, id, when); // the sleep's future, too
          this.heap.push(timer, when, id);
          this.events?.emit(Ev.TIMER_SCHEDULE, t, id, -1, step);
          tasks.awaiting[t] = Await.SLEEP;
          tasks.awaitFuture[t] = timer;
          this.events?.emit(Ev.SUSPEND, t, WaitKind.SLEEP, id, step);
          return R_SUSPEND;
        }
        case Op.PUT: {
          const result = this.queuePut(t, this.primitives[program.target[pc]] as QueuePrimitive);
          if (result !== -1) return result;
          break;
        }
        case Op.GET: {
          const result = this.queueGet(t, this.primitives[program.target[pc]] as QueuePrimitive);
          if (result !== -1) return result;
          break;
        }
        case Op.ACQUIRE: {
          const result = this.acquire(t, this.primitives[program.target[pc]] as LockPrimitive);
          if (result !== -1) return result;
          break;
        }
        case Op.RELEASE: {
          const lock = this.primitives[program.target[pc]] as LockPrimitive;
          const error = this.release(t, lock, step);
          if (error !== null) return this.raise(t, error);
          tasks.pc[t] = pc + 1;
          break;
        }
        case Op.SET: {
          const event = this.primitives[program.target[pc]] as EventPrimitive;
          this.events?.emit(Ev.EV_SET, t, event.id, -1, step);
          if (!event.flag) {
            event.flag = true;
            for (let i = 0; i < event.waiters.length; i += 1) {
              const waiter = event.waiters.at(i);
              if (!this.futures.done(waiter)) {
                this.events?.emit(Ev.EV_NOTIFY, this.futures.owner[waiter], event.id, -1, -1);
                this.setResult(waiter);
              }
            }
          }
          tasks.pc[t] = pc + 1;
          break;
        }
        case Op.CLEAR: {
          const event = this.primitives[program.target[pc]] as EventPrimitive;
          event.flag = false;
          this.events?.emit(Ev.EV_CLEAR, t, event.id, -1, step);
          tasks.pc[t] = pc + 1;
          break;
        }
        case Op.WAIT: {
          const event = this.primitives[program.target[pc]] as EventPrimitive;
          if (event.flag) {
            this.events?.emit(Ev.EV_PASS, t, event.id, -1, step);
            tasks.pc[t] = pc + 1;
            break;
          }
          const future = this.futures.create(t);
          event.waiters.push(future);
          this.events?.emit(Ev.EV_BLOCK, t, event.id, -1, step);
          return this.suspend(t, Await.EVENT, future, event, WaitKind.EVENT, step);
        }
        case Op.CANCEL: {
          const target = program.target[pc];
          if (!tasks.created[target]) return this.raise(t, this.keyError(target));
          const event = this.events?.emit(Ev.CANCEL, t, target, -1, step) ?? -1;
          trace.patchB(event, this.cancelTask(target) ? 1 : 0);
          tasks.pc[t] = pc + 1;
          break;
        }
        case Op.TASK_DONE: {
          const queue = this.primitives[program.target[pc]] as QueuePrimitive;
          if (queue.unfinished <= 0) {
            return this.raise(t, new PyError('ValueError', 'task_done() called too many times'));
          }
          queue.unfinished -= 1;
          this.events?.emit(Ev.Q_TASK_DONE, t, queue.id, queue.unfinished, step);
          if (queue.unfinished === 0) this.setFinished(queue);
          tasks.pc[t] = pc + 1;
          break;
        }
        case Op.JOIN: {
          const queue = this.primitives[program.target[pc]] as QueuePrimitive;
          if (queue.unfinished <= 0) {
            this.events?.emit(Ev.Q_JOIN_PASS, t, queue.id, -1, step);
            tasks.pc[t] = pc + 1;
            break;
          }
          // `await self._finished.wait()`, whose flag is clear while items are unfinished.
          const future = this.futures.create(t);
          queue.joiners.push(future);
          this.events?.emit(Ev.Q_JOIN_BLOCK, t, queue.id, -1, step);
          return this.suspend(t, Await.JOIN, future, queue, WaitKind.JOIN, step);
        }
        case Op.SPAWN: {
          const target = program.target[pc];
          this.createTask(target);
          this.events?.emit(Ev.SPAWN, t, target, -1, step);
          tasks.pc[t] = pc + 1;
          break;
        }
        case Op.GATHER: {
          // `asyncio.gather(*children)`: `ensure_future` (create_task) for each, in order, and
          // `_done_callback` added to each; then await the gathering future.
          const children = program.children.get(pc)!;
          const gather = this.gathers.length;
          for (const child of children) {
            this.createTask(child);
            (tasks.awaiters[child] ??= []).push(-1 - this.callbackGather.length);
            this.callbackGather.push(gather);
            this.callbackChild.push(child);
          }
          this.gathers.push({
            owner: t,
            children,
            finished: 0,
            done: false,
            error: null,
            cancelRequested: false,
            waiter: -1,
          });
          trace.gathers.push(children);
          this.events?.emit(Ev.GATHER, t, gather, -1, step);
          tasks.awaiting[t] = Await.GATHER;
          tasks.awaitFuture[t] = gather;
          this.events?.emit(Ev.SUSPEND, t, WaitKind.GATHER, gather, step);
          return R_SUSPEND;
        }
        case Op.AWAIT: {
          const target = program.target[pc];
          if (!tasks.created[target]) return this.raise(t, this.keyError(target));
          if (tasks.done(target)) {
            // `Future.__await__` on a done future: `return self.result()`, without yielding.
            const error = this.taskException(target);
            if (error !== null) return this.raise(t, error);
            this.events?.emit(Ev.AWAIT_PASS, t, target, -1, step);
            tasks.pc[t] = pc + 1;
            break;
          }
          tasks.awaiting[t] = Await.TASK;
          tasks.awaitFuture[t] = target;
          this.events?.emit(Ev.SUSPEND, t, WaitKind.TASK, target, step);
          return R_SUSPEND;
        }
        case Op.CONNECT: {
          // open_connection -> create_connection -> sock_connect: the non-blocking connect()
          // is in progress; the loop waits for the socket to become writable.
          const c = this.primitives[program.target[pc]] as ConnectionPrimitive;
          const entry = this.newFd(c, 'socket');
          c.fd = entry.fd;
          this.events?.emit(Ev.IO_SOCKET, t, c.id, c.fd, step);
          c.openedAt = this.now + c.latency;
          c.closedFuture = this.futures.create(t); // the protocol's `_closed`
          this.addFd(entry, IO_WRITE);
          const future = this.futures.create(t);
          c.connectFuture = future;
          return this.suspend(t, Await.CONNECT, future, c, WaitKind.IO, step);
        }
        case Op.EXEC: {
          // create_subprocess_exec -> _make_subprocess_transport: Popen (a pipe for stdout),
          // the `_connect_pipes` task, the pidfd watched; then await the transport's waiter.
          const p = this.primitives[program.target[pc]] as ProcessPrimitive;
          p.startedAt = this.now;
          p.pid = FIRST_PID + this.processes;
          this.processes += 1;
          this.newFd(p, 'stdout');
          this.events?.emit(Ev.PROC_EXEC, t, p.id, p.pid, step);
          this.scheduleIo(p, PROC.CONNECT_PIPES); // loop.create_task(self._connect_pipes(waiter))
          const pidfd = this.newFd(p, 'pidfd');
          this.addFd(pidfd, IO_READ); // watcher.add_child_handler: _add_reader(pidfd, _do_wait)
          p.transportFuture = this.futures.create(t);
          return this.suspend(t, Await.EXEC, p.transportFuture, p, WaitKind.IO, step);
        }
        case Op.PROC_WAIT: {
          const p = this.primitives[program.target[pc]] as ProcessPrimitive;
          if (!p.open) return this.notOpen(t, p);
          if (p.returncode !== null) {
            this.events?.emit(Ev.PROC_WAITED, t, p.id, p.returncode, step);
            tasks.pc[t] = pc + 1;
            break;
          }
          const future = this.futures.create(t);
          p.exitWaiters.push(future);
          return this.suspend(t, Await.PROC_WAIT, future, p, WaitKind.IO, step);
        }
        case Op.READLINE:
        case Op.READ: {
          const c = this.primitives[program.target[pc]] as ConnectionPrimitive | ProcessPrimitive;
          if (!c.open) return this.notOpen(t, c);
          const result = this.read(t, c, pc, step);
          if (result !== -1) return result;
          break;
        }
        case Op.WRITE: {
          const c = this.primitives[program.target[pc]] as ConnectionPrimitive;
          if (!c.open) return this.notOpen(t, c);
          // transport.write(data): sent at once (the server reads everything); drain() has
          // nothing to wait for, unless the transport is closing: then it yields once.
          if (c.closing) {
            tasks.awaiting[t] = Await.DRAIN;
            tasks.awaitPrimitive[t] = c;
            this.events?.emit(Ev.YIELD, t, -1, -1, step);
            return R_YIELD;
          }
          this.events?.emit(Ev.IO_WRITE, t, c.id, this.text(t, pc), step);
          tasks.pc[t] = pc + 1;
          break;
        }
        case Op.CLOSE: {
          const c = this.primitives[program.target[pc]] as ConnectionPrimitive;
          if (!c.open) return this.notOpen(t, c);
          if (!c.closing) {
            // transport.close(): the reader leaves the selector; nothing is left to write,
            // so connection_lost is called soon.
            c.closing = true;
            this.removeFd(this.fdOf(c, 'socket'), IO_READ);
            this.scheduleIo(c, IO.LOST);
          }
          // await writer.wait_closed(): the protocol's `_closed` future.
          if (this.futures.done(c.closedFuture)) {
            this.events?.emit(Ev.IO_CLOSED, t, c.id, -1, step);
            tasks.pc[t] = pc + 1;
            break;
          }
          return this.suspend(t, Await.CLOSE, c.closedFuture, c, WaitKind.IO, step);
        }
        case Op.REPEAT: {
          tasks.pc[t] = pc + 1;
          if (program.num[pc] <= 0) tasks.pc[t] = program.end[pc];
          else (tasks.repeats[t] ??= []).push(pc, 1);
          break;
        }
      }
    }
  }

  private suspend(
    t: number,
    awaiting: number,
    future: number,
    primitive: Primitive,
    waitKind: number,
    step: number,
  ): number {
    const tasks = this.tasks;
    tasks.awaiting[t] = awaiting;
    tasks.awaitFuture[t] = future;
    tasks.awaitPrimitive[t] = primitive;
    this.events?.emit(Ev.SUSPEND, t, waitKind, primitive.id, step);
    return R_SUSPEND;
  }

  /** Rendered text of a LOG or PUT step, as a string id (-1 for None). */
  private text(t: number, pc: number): number {
    const tasks = this.tasks;
    const id = this.program.str[pc];
    if (id !== STR_TEMPLATE) return id;
    const repeats = tasks.repeats[t];
    const n = repeats !== null && repeats.length > 0 ? repeats[repeats.length - 1] : 1;
    const item = tasks.item[t] === STR_NONE ? null : this.trace.string(tasks.item[t]);
    return this.trace.addString(renderTemplate(this.program.templates.get(pc)!, n, item));
  }

  // ---------------------------------------------------------------- Queue

  /** `Queue.put`: `while self.full(): await putter`, then `put_nowait`. -1 when it completed. */
  private queuePut(t: number, queue: QueuePrimitive): number {
    const tasks = this.tasks;
    const step = tasks.step(t);
    if (queue.full()) {
      const putter = this.futures.create(t);
      queue.putters.push(putter);
      this.events?.emit(Ev.Q_BLOCK, t, queue.id, 0, step);
      return this.suspend(t, Await.PUT, putter, queue, WaitKind.QUEUE_PUT, step);
    }
    const id = this.program.str[tasks.pc[t]];
    const valueId = id === STR_NONE ? STR_NONE : this.text(t, tasks.pc[t]);
    queue.items.push(valueId);
    queue.unfinished += 1; // and `self._finished.clear()`
    this.events?.emit(Ev.Q_PUT, t, queue.id, valueId, step);
    this.wakeupNext(queue, false);
    tasks.pc[t] += 1;
    return -1;
  }

  /** `Queue.get`: `while self.empty(): await getter`, then `get_nowait`. -1 when it completed. */
  private queueGet(t: number, queue: QueuePrimitive): number {
    const tasks = this.tasks;
    const step = tasks.step(t);
    if (queue.items.length === 0) {
      const getter = this.futures.create(t);
      queue.getters.push(getter);
      this.events?.emit(Ev.Q_BLOCK, t, queue.id, 1, step);
      return this.suspend(t, Await.GET, getter, queue, WaitKind.QUEUE_GET, step);
    }
    const item = queue.items.shift();
    tasks.item[t] = item;
    this.events?.emit(Ev.Q_GET, t, queue.id, item, step);
    this.wakeupNext(queue, true);
    tasks.pc[t] += 1;
    return -1;
  }

  /** `self._finished.set()` (`task_done()` reached 0): every joiner, in wait order. */
  private setFinished(queue: QueuePrimitive): void {
    const joiners = queue.joiners;
    for (let i = 0; i < joiners.length; i += 1) {
      const joiner = joiners.at(i);
      if (!this.futures.done(joiner)) {
        this.events?.emit(Ev.Q_JOIN_NOTIFY, this.futures.owner[joiner], queue.id, -1, -1);
        this.setResult(joiner);
      }
    }
  }

  /** `Queue._wakeup_next`: wake the first waiter that is not done. */
  private wakeupNext(queue: QueuePrimitive, putters: boolean): void {
    const waiters = putters ? queue.putters : queue.getters;
    while (waiters.length > 0) {
      const waiter = waiters.shift();
      const owner = this.futures.owner[waiter];
      if (!this.futures.done(waiter)) {
        this.events?.emit(Ev.Q_NOTIFY, owner, queue.id, putters ? 0 : 1, -1);
        this.setResult(waiter);
        break;
      }
      this.events?.emit(Ev.Q_UNBLOCK, owner, queue.id, putters ? 0 : 1, -1);
    }
  }

  // ---------------------------------------------------------------- Lock and Semaphore

  private acquire(t: number, lock: LockPrimitive): number {
    const tasks = this.tasks;
    const step = tasks.step(t);
    if (lock.kind === 'Lock') {
      if (!lock.locked && this.allCancelled(lock.waiters)) {
        lock.locked = true;
        this.events?.emit(Ev.ACQUIRE, t, lock.id, -1, step);
        tasks.pc[t] += 1;
        return -1;
      }
    } else if (!(lock.value === 0 || !this.allCancelled(lock.waiters))) {
      // Semaphore.locked() is false: take a slot at once.
      lock.value -= 1;
      this.events?.emit(Ev.ACQUIRE, t, lock.id, -1, step);
      tasks.pc[t] += 1;
      return -1;
    }
    const future = this.futures.create(t);
    lock.waiters.push(future);
    this.events?.emit(Ev.ACQUIRE_BLOCK, t, lock.id, -1, step);
    const awaiting = lock.kind === 'Lock' ? Await.LOCK : Await.SEMAPHORE;
    return this.suspend(t, awaiting, future, lock, WaitKind.ACQUIRE, step);
  }

  private release(t: number, lock: LockPrimitive, step: number): PyError | null {
    if (lock.kind === 'Lock') {
      if (!lock.locked) return new PyError('RuntimeError', 'Lock is not acquired.');
      lock.locked = false;
      this.events?.emit(Ev.RELEASE, t, lock.id, -1, step);
      this.lockWakeUpFirst(lock);
      return null;
    }
    if (lock.kind === 'BoundedSemaphore' && lock.value >= lock.bound) {
      return new PyError('ValueError', 'BoundedSemaphore released too many times');
    }
    lock.value += 1;
    this.events?.emit(Ev.RELEASE, t, lock.id, -1, step);
    this.semaphoreWakeUpNext(lock);
    return null;
  }

  /** `Lock._wake_up_first`: only the first waiter, and only if it is not already woken. */
  private lockWakeUpFirst(lock: LockPrimitive): void {
    if (lock.waiters.length === 0) return;
    const first = lock.waiters.at(0);
    if (!this.futures.done(first)) {
      this.events?.emit(Ev.ACQUIRE_NOTIFY, this.futures.owner[first], lock.id, -1, -1);
      this.setResult(first);
    }
  }

  /** `Semaphore._wake_up_next`: the first waiter not done gets the slot (value - 1). */
  private semaphoreWakeUpNext(sem: LockPrimitive): boolean {
    for (let i = 0; i < sem.waiters.length; i += 1) {
      const waiter = sem.waiters.at(i);
      if (!this.futures.done(waiter)) {
        sem.value -= 1;
        this.events?.emit(Ev.ACQUIRE_NOTIFY, this.futures.owner[waiter], sem.id, -1, -1);
        this.setResult(waiter);
        return true;
      }
    }
    return false;
  }

  /** Whether every waiter's future is cancelled (none at all included). */
  private allCancelled(waiters: Deque): boolean {
    for (let i = 0; i < waiters.length; i += 1)
      if (!this.futures.cancelled(waiters.at(i))) return false;
    return true;
  }

  // ---------------------------------------------------------------- a long run

  /**
   * The lowest timer and text numbers the engine still refers to: timers in the heap or whose
   * callback is in the ready queue; queue items and the item each task last got (its next
   * texts may show it). A viewer letting go of a long run's oldest records
   * (`Trace.dropBefore`) keeps these.
   */
  liveFloors(): { timer: number; string: number } {
    const futures = this.futures;
    let timer = this.trace.timerCount;
    for (const f of this.heap.items()) timer = Math.min(timer, futures.timer[f]);
    for (let i = 0; i < this.ready.length; i += 1) {
      const handle = this.ready.at(i);
      if (handle < 0) timer = Math.min(timer, futures.timer[-1 - handle]);
    }
    let string = this.trace.strings.length;
    const keep = (id: number) => {
      if (id >= 0) string = Math.min(string, id);
    };
    for (const primitive of this.primitives) {
      if (primitive.kind === 'Queue')
        for (let i = 0; i < primitive.items.length; i += 1) keep(primitive.items.at(i));
    }
    for (let t = 0; t < this.tasks.count; t += 1) keep(this.tasks.item[t]);
    return { timer, string };
  }

  // ---------------------------------------------------------------- the end

  /** The iterations held reached their bound (the events' is checked after each callback). */
  private overIterations(): boolean {
    return this.trace.iterationCount - this.trace.iterBase >= this.limits.maxIterations;
  }

  /**
   * The tasks that keep the loop busy at an instant it cannot leave: those that ran in its last
   * 1,000 iterations (not one woken once when the clock got there), in task order.
   */
  private spinning(): number[] {
    const since = Math.max(this.instantSince + 1, this.trace.iterationCount - 1000);
    const tasks: number[] = [];
    for (let t = 0; t < this.lastRan.length; t += 1) if (this.lastRan[t] >= since) tasks.push(t);
    return tasks;
  }

  /** Ends the run; `culprit`: the task that never yielded (NO_YIELD). */
  private finish(reason: EndReasonValue, culprit = -1): void {
    const trace = this.trace;
    const tasks = this.tasks;
    trace.emit(Ev.END, culprit, reason, -1, -1);
    const blocked: BlockedTask[] = [];
    const name = (t: number) => this.trace.taskNames.get(t);
    for (let t = 0; t < tasks.count; t += 1) {
      if (tasks.created[t] && !tasks.done(t)) {
        const wait = waitOf(tasks, this.futures, t, name, this.gathers);
        blocked.push({ task: t, step: tasks.current[t], wait, waitsOn: describeWait(wait) });
      }
    }
    const limits = {
      [EndReason.LIVELOCK]: this.limits.maxIterationsPerInstant,
      [EndReason.NO_YIELD]: this.limits.maxOpsPerStep,
      [EndReason.EVENT_LIMIT]: this.overIterations()
        ? this.limits.maxIterations
        : this.limits.maxEvents,
    } as Record<number, number>;
    // The tasks to blame: those that ran since the clock stopped in a livelock, or the one that
    // never yielded.
    const culprits =
      reason === EndReason.LIVELOCK ? this.spinning() : culprit >= 0 ? [culprit] : [];
    trace.end = {
      reason: END_REASON_NAMES[reason],
      time: this.now,
      iterations: trace.iterationCount,
      blocked,
      message: this.endMessage(reason, blocked, culprit),
      limit: limits[reason] ?? 0,
      ...(reason === EndReason.EVENT_LIMIT
        ? { limitOf: this.overIterations() ? ('iterations' as const) : ('events' as const) }
        : {}),
      culprits,
    };
  }

  private endMessage(reason: EndReasonValue, blocked: BlockedTask[], culprit: number): string {
    const at = `t=${formatTime(this.now)}`;
    const name = (t: number) => this.trace.taskNames.get(t);
    const list = blocked.map((b) => `${name(b.task)} waits on ${b.waitsOn}`).join('; ');
    switch (reason) {
      case EndReason.DEADLOCK:
        return `deadlock at ${at}: nothing can ever happen again, and ${blocked.length === 1 ? '1 task never finishes' : `${blocked.length} tasks never finish`}: ${list}`;
      case EndReason.LIVELOCK: {
        const spinning = this.spinning();
        const names = spinning.length > 0 ? spinning.map(name).join(', ') : 'some task';
        return `livelock at ${at}: the loop ran ${this.limits.maxIterationsPerInstant} iterations without the clock moving; ${names} keep${spinning.length > 1 ? '' : 's'} the ready queue busy (sleep(0) in an endless loop, or tasks waking each other?), so time can never advance`;
      }
      case EndReason.NO_YIELD:
        return `${name(culprit)} ran ${this.limits.maxOpsPerStep} steps at ${at} without awaiting anything that blocks: in Python this loop never gives control back to the event loop and the program hangs`;
      case EndReason.INTERRUPTED:
        return blocked.length === 0
          ? `KeyboardInterrupt at ${at}: Ctrl-C stopped the loop`
          : `KeyboardInterrupt at ${at}: Ctrl-C stopped the loop; ${blocked.length === 1 ? '1 task never finished' : `${blocked.length} tasks never finished`}: ${list}`;
      case EndReason.EVENT_LIMIT:
        return this.overIterations()
          ? `stopped at ${at} after ${this.limits.maxIterations} loop iterations (the trace's size bound)`
          : `stopped at ${at} after ${this.limits.maxEvents} events (the trace's size bound)`;
      default:
        return '';
    }
  }
}

/** Runs a scenario to its end (or to `options.until`) and returns its trace. */
export function simulate(scenario: Scenario | CompiledScenario, options: RunOptions = {}): Trace {
  const simulation = new Simulation(scenario, options);
  return options.until === undefined ? simulation.run() : simulation.runUntilAndStop(options.until);
}
