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
 * `asyncio.Future`. Its only done callback, in these programs, is the wake-up of the task
 * awaiting it. Tasks are numbers (see `Tasks`).
 */
/*
 * Futures and timers are made by the hundred thousand. Their fields are `declare`d and set in
 * the constructor, with a value of their final type: a class field without `declare` is first
 * defined as undefined (ES2022 semantics), then assigned, which costs twice and leaves numbers
 * stored as generic values.
 */
export class Future {
  declare state: number;
  /** The task whose wake-up is its done callback, or -1. */
  declare waiter: number;
  /** The task that made it (the one that awaits it). */
  declare readonly owner: number;
  constructor(owner: number) {
    this.state = PENDING;
    this.waiter = -1;
    this.owner = owner;
  }
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
  declare scheduled: boolean;
  /** The handle (not its future) was cancelled: `TimerHandle._cancelled`. */
  declare handleCancelled: boolean;
  /** Its callback ran (set the sleep future's result unless cancelled). */
  declare ran: boolean;
  /** Its number, in creation order (the tie-break between equal deadlines). */
  declare readonly id: number;
  declare readonly when: number;
  constructor(id: number, when: number, task: number) {
    super(task);
    this.scheduled = true;
    this.handleCancelled = false;
    this.ran = false;
    this.id = id;
    this.when = when;
  }
  /** The sleep's future. */
  get future(): Future {
    return this;
  }
}

/**
 * What the ready queue holds: a timer's callback, or a task's step (`Task.__step`, first or
 * after a yield, or `Task.__wakeup`). A task has at most one step in the queue at a time, so
 * the task (its number) stands for it.
 */
export type ReadyHandle = number | Timer;

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

/**
 * The tasks (`asyncio.Task` and where its coroutine stands), column by column: entry `t` of
 * each column is task t's. A scenario of 100,000 tasks thus makes a few arrays rather than
 * 100,000 objects, which a cold run spent a tenth of its time making and collecting.
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
  /** `_fut_waiter`: the future it waits on, until its next step starts. */
  readonly futWaiter: (Future | null)[];
  /** 1 once its coroutine has started. */
  readonly started: Uint8Array;
  /** Index of the step it last started (-1 before its first). */
  readonly current: Int32Array;
  // Where the coroutine stopped, to resume it.
  /** An `Await` kind. */
  readonly awaiting: Uint8Array;
  /** The future it waits on (for a sleep, its Timer). */
  readonly awaitFuture: (Future | null)[];
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
    this.futWaiter = new Array<Future | null>(count).fill(null);
    this.started = new Uint8Array(count);
    this.current = new Int32Array(count).fill(-1);
    this.awaiting = new Uint8Array(count);
    this.awaitFuture = new Array<Future | null>(count).fill(null);
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
