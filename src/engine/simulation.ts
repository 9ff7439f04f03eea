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
  StepReason,
  WaitKind,
  type EndReasonValue,
} from './events';
import {
  Await,
  CANCELLED,
  CANCELLED_ERROR,
  EventPrimitive,
  FINISHED,
  Future,
  LockPrimitive,
  PENDING,
  PyError,
  QueuePrimitive,
  Task,
  TASK_CANCELLED,
  TASK_DONE,
  TASK_FAILED,
  Timer,
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
import { LogOnlyTrace, Trace, type BlockedTask } from './trace';
import { describeWait, formatTime } from './describe';

const CLOCK_RESOLUTION = 1e-9;
const MAXIMUM_SELECT_TIMEOUT = 24 * 3600;
const MIN_SCHEDULED_TIMER_HANDLES = 100;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;

export interface RunOptions {
  /** Stop before the clock passes this virtual time (events at t <= until are included). */
  until?: number;
  /** Livelock bound: loop iterations allowed at one instant. */
  maxIterationsPerInstant?: number;
  /** Bound on steps a task may run without giving control back to the loop. */
  maxOpsPerStep?: number;
  /** Bound on the trace's size. */
  maxEvents?: number;
  /** What the trace keeps: every event (default), or only the log lines and the end. */
  record?: 'all' | 'log';
}

export const DEFAULT_LIMITS = {
  maxIterationsPerInstant: 100_000,
  maxOpsPerStep: 1_000_000,
  maxEvents: 50_000_000,
};

// What a coroutine run (`coro.send` / `coro.throw`) ended with.
const R_SUSPEND = 0; // yielded a pending future: task.awaitFuture
const R_YIELD = 1; // bare yield
const R_RETURN = 2;
const R_RAISE = 3; // task.error
const R_ABORT = 4; // the no-yield bound was hit

export class Simulation {
  readonly trace: Trace;
  readonly tasks: Task[] = [];
  readonly primitives: Primitive[] = [];
  private readonly program: Program;
  private readonly ready: Deque<ReadyHandle>;
  private readonly heap = new TimerHeap<Timer>();
  private timerCancelledCount = 0;
  private now = 0;
  private lastSelectTime = NaN;
  private stuckIterations = 0;
  private readonly limits: typeof DEFAULT_LIMITS;
  /** Tasks that ran a step in the current iteration (named in a livelock report). */
  private ranThisIteration: Task[] = [];

  constructor(input: Scenario | CompiledScenario, options: RunOptions = {}) {
    this.limits = {
      maxIterationsPerInstant:
        options.maxIterationsPerInstant ?? DEFAULT_LIMITS.maxIterationsPerInstant,
      maxOpsPerStep: options.maxOpsPerStep ?? DEFAULT_LIMITS.maxOpsPerStep,
      maxEvents: options.maxEvents ?? DEFAULT_LIMITS.maxEvents,
    };
    const compiled = 'program' in input ? input : compileScenario(input);
    // Every task's first step is in the ready queue when the loop starts.
    this.ready = new Deque<ReadyHandle>(compiled.taskNames.length + 1);
    const program = (this.program = compiled.program);
    // The run's texts follow the scenario's, which it leaves as they are.
    const strings = compiled.strings.extend();
    // About four events per step when every step runs once: room for them up front.
    const trace = (this.trace =
      options.record === 'log'
        ? new LogOnlyTrace(Math.max(1024, program.size), compiled.taskNames, strings)
        : new Trace(
            Math.max(1024, 4 * program.size + 4 * compiled.taskNames.length),
            compiled.taskNames,
            strings,
          ));
    compiled.primitives.forEach(({ name, spec }, id) => {
      if (spec.type === 'Queue') {
        this.primitives.push(new QueuePrimitive(id, name, spec.maxsize));
        trace.primitives.push({ name, type: spec.type, size: spec.maxsize });
      } else if (spec.type === 'Event') {
        this.primitives.push(new EventPrimitive(id, name));
        trace.primitives.push({ name, type: spec.type, size: 0 });
      } else {
        const value = spec.type === 'Lock' ? 1 : spec.value;
        this.primitives.push(new LockPrimitive(id, name, spec.type, value));
        trace.primitives.push({ name, type: spec.type, size: spec.type === 'Lock' ? 0 : value });
      }
    });
    // `asyncio.ensure_future(coro)` for each task, in order, before the loop runs.
    for (let id = 0; id < compiled.taskNames.length; id += 1) {
      const task = new Task(id, program.taskBase[id], program.taskEnd[id]);
      this.tasks.push(task);
      this.schedule(task, StepReason.FIRST);
      trace.emit(Ev.TASK_CREATE, id, -1, -1, -1);
    }
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
    let head: Timer | undefined = this.heap.peek();
    if (head?.handleCancelled) {
      head = undefined;
      for (const timer of this.heap.items) {
        if (!timer.handleCancelled && (head === undefined || timer.when < head.when)) head = timer;
      }
    }
    if (head === undefined) return null;
    return this.selectTime(head.when);
  }

  /** Where `select(timeout)` leaves the virtual clock, for a head timer due at `when`. */
  private selectTime(when: number): number {
    const timeout = when - this.now;
    if (timeout > MAXIMUM_SELECT_TIMEOUT) return this.now + MAXIMUM_SELECT_TIMEOUT;
    return timeout > 0 ? when : this.now;
  }

  // ---------------------------------------------------------------- the loop

  /** `BaseEventLoop._run_once`. */
  private runOnce(): void {
    const trace = this.trace;
    trace.beginIteration();
    trace.emit(Ev.ITER_START, -1, -1, -1, -1);
    const heap = this.heap;
    const scheduled = heap.size;
    if (
      scheduled > MIN_SCHEDULED_TIMER_HANDLES &&
      this.timerCancelledCount / scheduled > MIN_CANCELLED_TIMER_HANDLES_FRACTION
    ) {
      for (const timer of heap.items) {
        if (timer.handleCancelled) {
          timer.scheduled = false;
          trace.emit(Ev.TIMER_DROP, timer.task.id, timer.id, -1, -1);
        }
      }
      heap.rebuild((timer) => !timer.handleCancelled);
      this.timerCancelledCount = 0;
    } else {
      while (heap.size > 0 && heap.peek()!.handleCancelled) {
        this.timerCancelledCount -= 1;
        const timer = heap.pop()!;
        timer.scheduled = false;
        trace.emit(Ev.TIMER_DROP, timer.task.id, timer.id, -1, -1);
      }
    }

    let timeout: number;
    if (this.ready.length > 0) timeout = 0;
    else if (heap.size > 0) {
      timeout = heap.peek()!.when - this.now;
      if (timeout > MAXIMUM_SELECT_TIMEOUT) timeout = MAXIMUM_SELECT_TIMEOUT;
      else if (timeout < 0) timeout = 0;
    } else {
      // select(None): nothing can ever happen again.
      trace.markSelect(this.now, -1);
      this.finish(this.tasks.every((t) => t.done) ? EndReason.COMPLETE : EndReason.DEADLOCK);
      return;
    }

    // select(timeout): in virtual time, the clock jumps to the head timer's deadline.
    if (timeout > 0) this.now = this.selectTime(heap.peek()!.when);
    if (this.now === this.lastSelectTime) this.stuckIterations += 1;
    else this.stuckIterations = 0;
    this.lastSelectTime = this.now;
    trace.markSelect(this.now, timeout);
    trace.emit(Ev.SELECT, -1, this.ready.length, -1, -1);
    if (this.stuckIterations >= this.limits.maxIterationsPerInstant) {
      this.finish(EndReason.LIVELOCK);
      return;
    }

    // Handle 'later' callbacks that are ready.
    const endTime = this.now + CLOCK_RESOLUTION;
    while (heap.size > 0) {
      const timer = heap.peek()!;
      if (timer.when >= endTime) break;
      heap.pop();
      timer.scheduled = false;
      this.ready.push(timer);
      trace.emit(Ev.TIMER_FIRE, timer.task.id, timer.id, -1, -1);
    }

    const ntodo = this.ready.length;
    this.ranThisIteration.length = 0;
    for (let i = 0; i < ntodo; i += 1) {
      const handle = this.ready.shift()!;
      if (handle.isTimer) {
        if (handle.handleCancelled) {
          trace.emit(Ev.SKIP_HANDLE, handle.task.id, handle.id, -1, -1);
          continue;
        }
        this.runTimer(handle);
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
  private runTimer(timer: Timer): void {
    timer.ran = true;
    const future = timer.future;
    const completes = !future.cancelled;
    this.trace.emit(Ev.RUN_TIMER, timer.task.id, timer.id, completes ? 1 : 0, -1);
    if (completes) this.setResult(future);
  }

  // ---------------------------------------------------------------- futures

  /** `Future.set_result`: the done callback (the awaiting task's wake-up) goes to the ready queue. */
  private setResult(future: Future): void {
    future.state = FINISHED;
    this.scheduleCallbacks(future);
  }

  /** `Future.cancel`. */
  private cancelFuture(future: Future): boolean {
    if (future.state !== PENDING) return false;
    future.state = CANCELLED;
    this.scheduleCallbacks(future);
    return true;
  }

  private scheduleCallbacks(future: Future): void {
    const task = future.waiter;
    if (task === null) return;
    future.waiter = null;
    this.schedule(task, StepReason.WOKEN);
    this.trace.emit(Ev.WAKE, task.id, future.cancelled ? 1 : 0, -1, -1);
  }

  // ---------------------------------------------------------------- tasks

  /** `call_soon(task.__step)` or `call_soon(task.__wakeup)`. */
  private schedule(task: Task, reason: number): void {
    task.readyReason = reason;
    this.ready.push(task);
  }

  /**
   * `Task.__step` (and `Task.__wakeup`, which calls it). Returns false when the run stopped.
   * A wake-up from a cancelled future throws CancelledError into the coroutine.
   */
  private runStep(task: Task): boolean {
    const trace = this.trace;
    const reason = task.readyReason;
    let error: PyError | null = null;
    if (reason === StepReason.WOKEN && task.futWaiter?.cancelled) error = CANCELLED_ERROR;
    trace.emit(Ev.RUN_STEP, task.id, reason, -1, -1);
    this.ranThisIteration.push(task);
    if (task.mustCancel) {
      error = CANCELLED_ERROR;
      task.mustCancel = false;
    }
    task.futWaiter = null;
    const result = this.resume(task, error);
    switch (result) {
      case R_SUSPEND: {
        const future = task.awaitFuture!;
        future.waiter = task; // add_done_callback(self.__wakeup)
        task.futWaiter = future;
        if (task.mustCancel && this.cancelFuture(future)) task.mustCancel = false;
        return true;
      }
      case R_YIELD:
        this.schedule(task, StepReason.YIELDED);
        return true;
      case R_RETURN:
        if (task.mustCancel) {
          // Cancelled right before the coroutine returned.
          task.mustCancel = false;
          task.state = TASK_CANCELLED;
          trace.emit(Ev.TASK_CANCELLED, task.id, -1, -1, -1);
        } else {
          task.state = TASK_DONE;
          trace.emit(Ev.TASK_DONE, task.id, -1, -1, -1);
        }
        return true;
      case R_RAISE:
        if (task.error === CANCELLED_ERROR) {
          task.state = TASK_CANCELLED;
          trace.emit(Ev.TASK_CANCELLED, task.id, -1, -1, -1);
        } else {
          task.state = TASK_FAILED;
          trace.emit(Ev.TASK_FAIL, task.id, trace.addString(String(task.error)), -1, -1);
        }
        return true;
      default:
        this.finish(EndReason.NO_YIELD, task);
        return false;
    }
  }

  /** `Task.cancel()`. */
  private cancelTask(task: Task): boolean {
    if (task.done) return false;
    if (task.futWaiter !== null && this.cancelFuture(task.futWaiter)) return true;
    task.mustCancel = true;
    return true;
  }

  /**
   * Runs the task's coroutine (`coro.send(None)`, or `coro.throw(error)`) until it suspends,
   * yields, returns or raises. First finishes the primitive operation it was suspended in.
   */
  private resume(task: Task, error: PyError | null): number {
    if (!task.started) {
      task.started = true;
      // Throwing into a coroutine that never ran: the body never runs.
      if (error !== null) return this.raise(task, error);
    } else if (task.awaiting !== Await.NONE) {
      const outcome = this.finishAwait(task, error);
      if (outcome !== -1) return outcome;
      if (error !== null) return this.raise(task, error);
    }
    return this.interpret(task);
  }

  private raise(task: Task, error: PyError): number {
    task.error = error;
    return R_RAISE;
  }

  /**
   * Resumes inside the awaited primitive operation. Returns -1 when the operation completed
   * (or raised: `error` is then propagated by the caller), or a result code when the task
   * suspends again.
   */
  private finishAwait(task: Task, error: PyError | null): number {
    const kind = task.awaiting;
    const future = task.awaitFuture;
    task.awaiting = Await.NONE;
    task.awaitFuture = null;
    const step = task.step;
    const trace = this.trace;
    switch (kind) {
      case Await.SLEEP: {
        // finally: h.cancel()
        this.cancelTimer(future as Timer);
        break;
      }
      case Await.SLEEP0:
        break;
      case Await.PUT:
      case Await.GET: {
        const queue = task.awaitPrimitive as QueuePrimitive;
        const isPut = kind === Await.PUT;
        const waiters = isPut ? queue.putters : queue.getters;
        if (error !== null) {
          this.cancelFuture(future!); // just in case the waiter is not done yet
          if (waiters.remove(future!)) {
            trace.emit(Ev.Q_UNBLOCK, task.id, queue.id, isPut ? 0 : 1, step);
          }
          const canProceed = isPut ? !queue.full() : queue.items.length > 0;
          // Woken but cannot take the call: wake up the next in line.
          if (canProceed && !future!.cancelled) this.wakeupNext(queue, isPut);
          break;
        }
        // The `while full()` / `while empty()` loop goes round again.
        return isPut ? this.queuePut(task, queue) : this.queueGet(task, queue);
      }
      case Await.LOCK: {
        const lock = task.awaitPrimitive as LockPrimitive;
        lock.waiters.remove(future!); // finally: self._waiters.remove(fut)
        if (error !== null) {
          trace.emit(Ev.ACQUIRE_ABANDON, task.id, lock.id, 0, step);
          if (!lock.locked) this.lockWakeUpFirst(lock);
          break;
        }
        lock.locked = true;
        trace.emit(Ev.ACQUIRED, task.id, lock.id, -1, step);
        task.pc += 1;
        break;
      }
      case Await.SEMAPHORE: {
        const sem = task.awaitPrimitive as LockPrimitive;
        sem.waiters.remove(future!);
        if (error !== null) {
          const given = future!.done && !future!.cancelled;
          if (given) sem.value += 1;
          trace.emit(Ev.ACQUIRE_ABANDON, task.id, sem.id, given ? 1 : 0, step);
        } else {
          trace.emit(Ev.ACQUIRED, task.id, sem.id, -1, step);
        }
        // finally: wake up as many waiters as the value allows.
        while (sem.value > 0) if (!this.semaphoreWakeUpNext(sem)) break;
        if (error === null) task.pc += 1;
        break;
      }
      case Await.EVENT: {
        const event = task.awaitPrimitive as EventPrimitive;
        event.waiters.remove(future!);
        trace.emit(Ev.EV_DONE, task.id, event.id, error !== null ? 1 : 0, step);
        if (error === null) task.pc += 1;
        break;
      }
    }
    task.awaitPrimitive = null;
    if (error === null && (kind === Await.SLEEP || kind === Await.SLEEP0)) {
      trace.emit(Ev.SLEPT, task.id, -1, -1, step);
      task.pc += 1;
    }
    return -1;
  }

  /** `TimerHandle.cancel()`: only a timer that has not run yet changes anything. */
  private cancelTimer(timer: Timer): void {
    if (timer.handleCancelled || timer.ran) return;
    timer.handleCancelled = true;
    if (timer.scheduled) this.timerCancelledCount += 1;
    this.trace.emit(Ev.TIMER_CANCEL, timer.task.id, timer.id, -1, -1);
  }

  /** The coroutine body: runs steps until one suspends. */
  private interpret(task: Task): number {
    const program = this.program;
    const code = program.code;
    const trace = this.trace;
    const maxOps = this.limits.maxOpsPerStep;
    let ops = 0;
    for (;;) {
      // The end of a repeat's body: go round again or leave it.
      const repeats = task.repeats;
      while (repeats !== null && repeats.length > 0) {
        const top = repeats.length - 2;
        const repeatPc = repeats[top];
        if (task.pc !== program.end[repeatPc]) break;
        const n = repeats[top + 1];
        if (n < program.num[repeatPc]) {
          if (++ops > maxOps) return R_ABORT;
          repeats[top + 1] = n + 1;
          task.pc = repeatPc + 1;
        } else {
          repeats.length = top;
        }
      }
      const pc = task.pc;
      if (pc >= task.end) return R_RETURN;
      const step = pc - task.base;
      task.current = step;
      if (++ops > maxOps) return R_ABORT;
      switch (code[pc]) {
        case Op.LOG: {
          trace.emit(Ev.LOG, task.id, this.text(task, pc), -1, step);
          task.pc = pc + 1;
          break;
        }
        case Op.SLEEP: {
          const seconds = program.num[pc];
          if (seconds <= 0) {
            // `await __sleep0()`: a bare yield.
            task.awaiting = Await.SLEEP0;
            trace.emit(Ev.YIELD, task.id, -1, -1, step);
            return R_YIELD;
          }
          const when = this.now + seconds; // call_later: self.time() + delay
          const timer = new Timer(trace.addTimer(when, task.id), when, task);
          const future = timer.future;
          this.heap.push(timer);
          trace.emit(Ev.TIMER_SCHEDULE, task.id, timer.id, -1, step);
          task.awaiting = Await.SLEEP;
          task.awaitFuture = future;
          trace.emit(Ev.SUSPEND, task.id, WaitKind.SLEEP, timer.id, step);
          return R_SUSPEND;
        }
        case Op.PUT: {
          const result = this.queuePut(task, this.primitives[program.target[pc]] as QueuePrimitive);
          if (result !== -1) return result;
          break;
        }
        case Op.GET: {
          const result = this.queueGet(task, this.primitives[program.target[pc]] as QueuePrimitive);
          if (result !== -1) return result;
          break;
        }
        case Op.ACQUIRE: {
          const result = this.acquire(task, this.primitives[program.target[pc]] as LockPrimitive);
          if (result !== -1) return result;
          break;
        }
        case Op.RELEASE: {
          const lock = this.primitives[program.target[pc]] as LockPrimitive;
          const error = this.release(task, lock, step);
          if (error !== null) return this.raise(task, error);
          task.pc = pc + 1;
          break;
        }
        case Op.SET: {
          const event = this.primitives[program.target[pc]] as EventPrimitive;
          trace.emit(Ev.EV_SET, task.id, event.id, -1, step);
          if (!event.flag) {
            event.flag = true;
            for (let i = 0; i < event.waiters.length; i += 1) {
              const waiter = event.waiters.at(i);
              if (!waiter.done) {
                trace.emit(Ev.EV_NOTIFY, waiter.owner.id, event.id, -1, -1);
                this.setResult(waiter);
              }
            }
          }
          task.pc = pc + 1;
          break;
        }
        case Op.CLEAR: {
          const event = this.primitives[program.target[pc]] as EventPrimitive;
          event.flag = false;
          trace.emit(Ev.EV_CLEAR, task.id, event.id, -1, step);
          task.pc = pc + 1;
          break;
        }
        case Op.WAIT: {
          const event = this.primitives[program.target[pc]] as EventPrimitive;
          if (event.flag) {
            trace.emit(Ev.EV_PASS, task.id, event.id, -1, step);
            task.pc = pc + 1;
            break;
          }
          const future = new Future(task);
          event.waiters.push(future);
          trace.emit(Ev.EV_BLOCK, task.id, event.id, -1, step);
          return this.suspend(task, Await.EVENT, future, event, WaitKind.EVENT, step);
        }
        case Op.CANCEL: {
          const target = this.tasks[program.target[pc]];
          const event = trace.emit(Ev.CANCEL, task.id, target.id, -1, step);
          trace.patchB(event, this.cancelTask(target) ? 1 : 0);
          task.pc = pc + 1;
          break;
        }
        case Op.REPEAT: {
          task.pc = pc + 1;
          if (program.num[pc] <= 0) task.pc = program.end[pc];
          else (task.repeats ??= []).push(pc, 1);
          break;
        }
      }
    }
  }

  private suspend(
    task: Task,
    awaiting: number,
    future: Future,
    primitive: Primitive,
    waitKind: number,
    step: number,
  ): number {
    task.awaiting = awaiting;
    task.awaitFuture = future;
    task.awaitPrimitive = primitive;
    this.trace.emit(Ev.SUSPEND, task.id, waitKind, primitive.id, step);
    return R_SUSPEND;
  }

  /** Rendered text of a LOG or PUT step, as a string id (-1 for None). */
  private text(task: Task, pc: number): number {
    const id = this.program.str[pc];
    if (id !== STR_TEMPLATE) return id;
    const repeats = task.repeats;
    const n = repeats !== null && repeats.length > 0 ? repeats[repeats.length - 1] : 1;
    const item = task.item === STR_NONE ? null : this.trace.string(task.item);
    return this.trace.addString(renderTemplate(this.program.templates.get(pc)!, n, item));
  }

  // ---------------------------------------------------------------- Queue

  /** `Queue.put`: `while self.full(): await putter`, then `put_nowait`. -1 when it completed. */
  private queuePut(task: Task, queue: QueuePrimitive): number {
    const step = task.step;
    if (queue.full()) {
      const putter = new Future(task);
      queue.putters.push(putter);
      this.trace.emit(Ev.Q_BLOCK, task.id, queue.id, 0, step);
      return this.suspend(task, Await.PUT, putter, queue, WaitKind.QUEUE_PUT, step);
    }
    const id = this.program.str[task.pc];
    const valueId = id === STR_NONE ? STR_NONE : this.text(task, task.pc);
    queue.items.push(valueId);
    this.trace.emit(Ev.Q_PUT, task.id, queue.id, valueId, step);
    this.wakeupNext(queue, false);
    task.pc += 1;
    return -1;
  }

  /** `Queue.get`: `while self.empty(): await getter`, then `get_nowait`. -1 when it completed. */
  private queueGet(task: Task, queue: QueuePrimitive): number {
    const step = task.step;
    if (queue.items.length === 0) {
      const getter = new Future(task);
      queue.getters.push(getter);
      this.trace.emit(Ev.Q_BLOCK, task.id, queue.id, 1, step);
      return this.suspend(task, Await.GET, getter, queue, WaitKind.QUEUE_GET, step);
    }
    const item = queue.items.shift()!;
    task.item = item;
    this.trace.emit(Ev.Q_GET, task.id, queue.id, item, step);
    this.wakeupNext(queue, true);
    task.pc += 1;
    return -1;
  }

  /** `Queue._wakeup_next`: wake the first waiter that is not done. */
  private wakeupNext(queue: QueuePrimitive, putters: boolean): void {
    const waiters = putters ? queue.putters : queue.getters;
    while (waiters.length > 0) {
      const waiter = waiters.shift()!;
      if (!waiter.done) {
        this.trace.emit(Ev.Q_NOTIFY, waiter.owner.id, queue.id, putters ? 0 : 1, -1);
        this.setResult(waiter);
        break;
      }
      this.trace.emit(Ev.Q_UNBLOCK, waiter.owner.id, queue.id, putters ? 0 : 1, -1);
    }
  }

  // ---------------------------------------------------------------- Lock and Semaphore

  private acquire(task: Task, lock: LockPrimitive): number {
    const step = task.step;
    const trace = this.trace;
    if (lock.kind === 'Lock') {
      if (!lock.locked && allCancelled(lock.waiters)) {
        lock.locked = true;
        trace.emit(Ev.ACQUIRE, task.id, lock.id, -1, step);
        task.pc += 1;
        return -1;
      }
    } else if (!(lock.value === 0 || !allCancelled(lock.waiters))) {
      // Semaphore.locked() is false: take a slot at once.
      lock.value -= 1;
      trace.emit(Ev.ACQUIRE, task.id, lock.id, -1, step);
      task.pc += 1;
      return -1;
    }
    const future = new Future(task);
    lock.waiters.push(future);
    trace.emit(Ev.ACQUIRE_BLOCK, task.id, lock.id, -1, step);
    const awaiting = lock.kind === 'Lock' ? Await.LOCK : Await.SEMAPHORE;
    return this.suspend(task, awaiting, future, lock, WaitKind.ACQUIRE, step);
  }

  private release(task: Task, lock: LockPrimitive, step: number): PyError | null {
    if (lock.kind === 'Lock') {
      if (!lock.locked) return new PyError('RuntimeError', 'Lock is not acquired.');
      lock.locked = false;
      this.trace.emit(Ev.RELEASE, task.id, lock.id, -1, step);
      this.lockWakeUpFirst(lock);
      return null;
    }
    if (lock.kind === 'BoundedSemaphore' && lock.value >= lock.bound) {
      return new PyError('ValueError', 'BoundedSemaphore released too many times');
    }
    lock.value += 1;
    this.trace.emit(Ev.RELEASE, task.id, lock.id, -1, step);
    this.semaphoreWakeUpNext(lock);
    return null;
  }

  /** `Lock._wake_up_first`: only the first waiter, and only if it is not already woken. */
  private lockWakeUpFirst(lock: LockPrimitive): void {
    if (lock.waiters.length === 0) return;
    const first = lock.waiters.at(0);
    if (!first.done) {
      this.trace.emit(Ev.ACQUIRE_NOTIFY, first.owner.id, lock.id, -1, -1);
      this.setResult(first);
    }
  }

  /** `Semaphore._wake_up_next`: the first waiter not done gets the slot (value - 1). */
  private semaphoreWakeUpNext(sem: LockPrimitive): boolean {
    for (let i = 0; i < sem.waiters.length; i += 1) {
      const waiter = sem.waiters.at(i);
      if (!waiter.done) {
        sem.value -= 1;
        this.trace.emit(Ev.ACQUIRE_NOTIFY, waiter.owner.id, sem.id, -1, -1);
        this.setResult(waiter);
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- the end

  private finish(reason: EndReasonValue, culprit?: Task): void {
    const trace = this.trace;
    trace.emit(Ev.END, culprit ? culprit.id : -1, reason, -1, -1);
    const blocked: BlockedTask[] = this.tasks
      .filter((task) => !task.done)
      .map((task) => ({ task: task.id, step: task.current, waitsOn: describeWait(task) }));
    trace.end = {
      reason: END_REASON_NAMES[reason],
      time: this.now,
      iterations: trace.iterationCount,
      blocked,
      message: this.endMessage(reason, blocked, culprit),
    };
  }

  private endMessage(reason: EndReasonValue, blocked: BlockedTask[], culprit?: Task): string {
    const at = `t=${formatTime(this.now)}`;
    const name = (task: Task) => this.trace.taskNames.get(task.id);
    const list = blocked.map((b) => `${name(this.tasks[b.task])} waits on ${b.waitsOn}`).join('; ');
    switch (reason) {
      case EndReason.DEADLOCK:
        return `deadlock at ${at}: nothing can ever happen again, and ${blocked.length} task${blocked.length === 1 ? '' : 's'} never finish: ${list}`;
      case EndReason.LIVELOCK: {
        const spinning = [...new Set(this.ranThisIteration.map(name))].join(', ');
        return `livelock at ${at}: the loop ran ${this.limits.maxIterationsPerInstant} iterations without the clock moving; ${spinning || 'some task'} keep${this.ranThisIteration.length === 1 ? 's' : ''} the ready queue busy (sleep(0) in an endless loop?), so time can never advance`;
      }
      case EndReason.NO_YIELD:
        return `${name(culprit!)} ran ${this.limits.maxOpsPerStep} steps at ${at} without awaiting anything that blocks: in Python this loop never gives control back to the event loop and the program hangs`;
      case EndReason.EVENT_LIMIT:
        return `stopped at ${at} after ${this.limits.maxEvents} events (the trace's size bound)`;
      default:
        return '';
    }
  }
}

function allCancelled(waiters: Deque<Future>): boolean {
  for (let i = 0; i < waiters.length; i += 1) if (!waiters.at(i).cancelled) return false;
  return true;
}

/** Runs a scenario to its end (or to `options.until`) and returns its trace. */
export function simulate(scenario: Scenario | CompiledScenario, options: RunOptions = {}): Trace {
  const simulation = new Simulation(scenario, options);
  return options.until === undefined ? simulation.run() : simulation.runUntilAndStop(options.until);
}
