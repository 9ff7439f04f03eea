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

/** `asyncio.Future`. Its only done callback, in these programs, is the wake-up of the task awaiting it. */
export class Future {
  state = PENDING;
  waiter: Task | null = null;
  constructor(readonly owner: Task) {}
  get done(): boolean {
    return this.state !== PENDING;
  }
  get cancelled(): boolean {
    return this.state === CANCELLED;
  }
}

/**
 * A `TimerHandle` for `sleep(d)` with d > 0 (in the heap, then in the ready queue), together
 * with the future it completes: one object where CPython has two, as nothing else refers to
 * that future.
 */
export class Timer extends Future {
  /** In the heap (`_scheduled`). */
  scheduled = true;
  /** The handle (not its future) was cancelled: `TimerHandle._cancelled`. */
  handleCancelled = false;
  /** Its callback ran (set the sleep future's result unless cancelled). */
  ran = false;
  constructor(
    readonly id: number,
    readonly when: number,
    task: Task,
  ) {
    super(task);
  }
  /** A timer, not a task, in the ready queue (a getter: no room taken in each object). */
  get isTimer(): true {
    return true;
  }
  /** The sleeping task. */
  get task(): Task {
    return this.owner;
  }
  /** The sleep's future. */
  get future(): Future {
    return this;
  }
}

/**
 * What the ready queue holds: a timer's callback, or a task's step (`Task.__step`, first or
 * after a yield, or `Task.__wakeup`). A task has at most one step in the queue at a time, so
 * the task itself stands for it.
 */
export type ReadyHandle = Task | Timer;

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
} as const;

export const TASK_PENDING = 0;
export const TASK_DONE = 1;
export const TASK_FAILED = 2;
export const TASK_CANCELLED = 3;

export class Task {
  /** Why its step is in the ready queue (a StepReason). */
  readyReason = 0;
  state = TASK_PENDING;
  pc: number;
  /** Active repeats, innermost last, as pairs (repeat pc, iteration number from 1). */
  repeats: number[] | null = null;
  /** The last value this task got from a queue, as a string id (-1: None, as before any). */
  item = -1;
  mustCancel = false;
  /** `_fut_waiter`: the future the task waits on, until its next step starts. */
  futWaiter: Future | null = null;
  started = false;
  /** Index of the step the task last started (-1 before its first). */
  current = -1;
  // Where the coroutine stopped, to resume it.
  awaiting: number = Await.NONE;
  /** The future it waits on (for a sleep, its Timer). */
  awaitFuture: Future | null = null;
  awaitPrimitive: Primitive | null = null;
  error: PyError | null = null;
  constructor(
    readonly id: number,
    readonly base: number,
    readonly end: number,
  ) {
    this.pc = base;
  }
  /** A task's step, not a timer, in the ready queue. */
  get isTimer(): false {
    return false;
  }
  get done(): boolean {
    return this.state !== TASK_PENDING;
  }
  /** Index of the current step within the task. */
  get step(): number {
    return this.pc - this.base;
  }
}

export class QueuePrimitive {
  readonly kind = 'Queue' as const;
  /** Items as string ids of the trace (-1 for None). */
  readonly items = new Deque<number>();
  readonly putters = new Deque<Future>();
  readonly getters = new Deque<Future>();
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
  readonly waiters = new Deque<Future>();
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
  readonly waiters = new Deque<Future>();
  flag = false;
  constructor(
    readonly id: number,
    readonly name: string,
  ) {}
}

export type Primitive = QueuePrimitive | LockPrimitive | EventPrimitive;
export type { PrimitiveType };
