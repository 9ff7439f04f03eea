import type { EndReasonName } from './events';
import type { PrimitiveType } from '../scenario/types';
import { TextTable } from './texts';

/**
 * What an unfinished task waits on when the run ends, as facts (for the views, which say it in
 * the reader's language). `woken`: its wake-up is already scheduled.
 */
export type Wait =
  | { kind: 'first' }
  | { kind: 'next' }
  | { kind: 'sleep0' }
  | { kind: 'sleep'; until: number; woken: boolean }
  | { kind: 'put'; queue: string; size: number; maxsize: number; woken: boolean }
  | { kind: 'get'; queue: string; woken: boolean }
  | { kind: 'lock'; lock: string; woken: boolean }
  | { kind: 'semaphore'; type: string; semaphore: string; value: number; woken: boolean }
  | { kind: 'event'; event: string; woken: boolean }
  | { kind: 'join'; queue: string; unfinished: number; woken: boolean }
  | { kind: 'task'; task: string; woken: boolean }
  | { kind: 'gather'; tasks: string[]; woken: boolean }
  | { kind: 'condition'; condition: string; woken: boolean }
  | { kind: 'wait'; tasks: string[]; woken: boolean }
  | { kind: 'taskgroup'; tasks: string[]; woken: boolean }
  | { kind: 'future'; woken: boolean }
  | {
      kind: 'io';
      conn: string;
      io: 'connect' | 'read' | 'close' | 'exec' | 'exit';
      woken: boolean;
    };

/** What a blocked task waits on when the run ends. */
export interface BlockedTask {
  task: number;
  /** The step it is stopped at (-1 if it never ran). */
  step: number;
  wait: Wait;
  /** The same in English words, as the CLI prints it: `put to queue 'window' (full, 4/4)` */
  waitsOn: string;
}

export interface RunEnd {
  reason: EndReasonName;
  /** Virtual time when the run stopped. */
  time: number;
  /** Loop iterations run (the last one included). */
  iterations: number;
  /** Plain-words explanation (deadlock, livelock...), empty when the run completed. */
  message: string;
  blocked: BlockedTask[];
  /** The bound that stopped the run (livelock, no-yield, event-limit), else 0. */
  limit: number;
  /** What an event-limit counted: the events, or the loop iterations. */
  limitOf?: 'events' | 'iterations';
  /** The tasks to blame: those spinning in a livelock, the one that never yields. */
  culprits: number[];
  /** A Python program: the line it stopped at (an exception, an unsupported call, a loop). */
  line?: number;
  /** A Python program that raised: the exception, and its traceback as CPython prints it. */
  error?: { type: string; message: string; line: number; traceback: string };
}

export interface TraceTask {
  name: string;
  /** Index of the task in the scenario. */
  index: number;
}

/** The primitives a trace shows: a scenario's, and those only a Python program makes. */
export type TracePrimitiveType = PrimitiveType | 'PriorityQueue' | 'LifoQueue' | 'Condition';

export interface TracePrimitive {
  name: string;
  type: TracePrimitiveType;
  /** Queue: maxsize; Semaphore: initial value; otherwise 0. */
  size: number;
  /** A Condition: the primitive number of its lock. */
  lock?: number;
}

function grown<A extends Int32Array | Uint32Array | Uint8Array | Float64Array>(
  array: A,
  needed: number,
): A {
  let size = Math.max(1024, Math.ceil(array.length * 1.5));
  while (size < needed) size = Math.ceil(size * 1.5);
  const next = new (array.constructor as new (n: number) => A)(size);
  next.set(array as never);
  return next;
}

/**
 * The record of a run, column by column (structure of arrays). Events are numbered from 0;
 * iterations from 1 (index 0 is the state before the loop starts). Timers are numbered in
 * creation order, which is also their tie-break order in the heap.
 *
 * The event columns are public for fast reading; they are valid up to `eventCount`, and only
 * the engine writes them. Iterations and timers are read through methods (`iterationTime`,
 * `timerWhen`...).
 *
 * An endless run viewed for an hour would keep growing: `dropBefore` lets go of the oldest
 * events, iterations, timers and texts. Events are then renumbered from 0 (`eventBase` of them
 * were dropped); iterations, timers and texts keep their numbers.
 */
export class Trace {
  readonly primitives: TracePrimitive[] = [];
  /** Texts of LOG events, queue items and errors, by id: see `string(id)`. */
  readonly strings: TextTable;
  /** Names of the tasks, by index. */
  readonly taskNames: TextTable;
  private taskList: TraceTask[] | null = null;
  /** 1 for a task created by a spawn step rather than when the loop starts; null when there is none. */
  startsLater: Uint8Array | null = null;
  /**
   * Groups of tasks, by number: those of each `gather` run (in argument order), and, from a
   * Python program, those of each `asyncio.wait` and TaskGroup awaited (in creation order).
   */
  readonly gathers: number[][] = [];
  eventCount = 0;
  iterationCount = 0;
  timerCount = 0;
  /** Events dropped (`dropBefore`): event 0 is the run's event number `eventBase`. */
  eventBase = 0;
  /** The first iteration still held (its time only, when its events were dropped). */
  iterBase = 0;
  /** The first timer still held. */
  timerBase = 0;
  end: RunEnd | null = null;

  // Per event.
  kind: Uint8Array;
  task: Int32Array;
  a: Int32Array;
  b: Int32Array;
  step: Int32Array;
  iter: Uint32Array;
  // Per iteration, from `iterBase`.
  /** Clock after the iteration's select. */
  private iterTime = new Float64Array(1024);
  /** The select timeout; -1 for None. */
  private iterTimeout = new Float64Array(1024);
  /** Index of the iteration's SELECT event: events before it still read the previous time. */
  private iterSelect = new Uint32Array(1024);
  private iterFirst = new Uint32Array(1024);
  // Per timer, from `timerBase`.
  private whenOfTimer: Float64Array;
  private taskOfTimer: Int32Array;
  // Clock moves inside a step (a blocking call), by number (`moveBase` of them dropped): the
  // event (numbered over the whole run, `eventBase` included) from which the clock reads
  // `moveTime`, and what it read before.
  private moveEventOf: number[] = [];
  private moveFromOf: number[] = [];
  private moveToOf: number[] = [];
  /** The first clock move still held. */
  moveBase = 0;

  /**
   * `eventCapacity`, `timerCapacity`: room for this many events and timers before the columns
   * grow. `strings`: the table texts are added to (ids of the texts it already holds are valid
   * in events).
   */
  constructor(
    eventCapacity = 1024,
    taskNames = new TextTable(),
    strings = new TextTable(),
    timerCapacity = 1024,
  ) {
    this.taskNames = taskNames;
    this.strings = strings;
    this.whenOfTimer = new Float64Array(timerCapacity);
    this.taskOfTimer = new Int32Array(timerCapacity);
    this.kind = new Uint8Array(eventCapacity);
    this.task = new Int32Array(eventCapacity);
    this.a = new Int32Array(eventCapacity);
    this.b = new Int32Array(eventCapacity);
    this.step = new Int32Array(eventCapacity);
    this.iter = new Uint32Array(eventCapacity);
  }

  /** Virtual time at event `index`. */
  timeAt(index: number): number {
    const iteration = this.iter[index];
    const k = iteration - this.iterBase;
    const time =
      iteration === 0 ? 0 : index < this.iterSelect[k] ? this.iterTime[k - 1] : this.iterTime[k];
    if (this.moveEventOf.length === 0) return time;
    // The clock only moves forward: it reads the later of the last select and the last move
    // made inside a step before this event.
    const move = this.lastMoveAt(index + this.eventBase);
    return move < 0 ? time : Math.max(time, this.moveToOf[move]);
  }

  /** Index (in the held moves) of the last clock move at or before run event `event`; -1: none. */
  private lastMoveAt(event: number): number {
    const events = this.moveEventOf;
    let lo = 0;
    let hi = events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (events[mid] <= event) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Clock moves recorded (a blocking call each). */
  get moveCount(): number {
    return this.moveBase + this.moveEventOf.length;
  }

  /** What the clock read before move `id`. */
  moveFrom(id: number): number {
    return this.moveFromOf[id - this.moveBase];
  }

  /** What the clock read after move `id`. */
  moveTo(id: number): number {
    return this.moveToOf[id - this.moveBase];
  }

  /** The clock after iteration `k`'s select (before it returns: the previous iteration's). */
  iterationTime(k: number): number {
    return this.iterTime[k - this.iterBase];
  }

  /** Iteration `k`'s select timeout: -1 for None. */
  iterationTimeout(k: number): number {
    return this.iterTimeout[k - this.iterBase];
  }

  /** Whether iteration `k`'s select has returned. */
  iterationSelected(k: number): boolean {
    return this.iterSelect[k - this.iterBase] !== 0xffffffff;
  }

  /** Index of iteration `k`'s first event (0 if it began before the events still held). */
  iterationFirstEvent(k: number): number {
    return this.iterFirst[k - this.iterBase];
  }

  /** Deadline of timer `id`. */
  timerWhen(id: number): number {
    return this.whenOfTimer[id - this.timerBase];
  }

  /** The task that scheduled timer `id`. */
  timerTask(id: number): number {
    return this.taskOfTimer[id - this.timerBase];
  }

  string(id: number): string {
    return this.strings.get(id);
  }

  /** The tasks, by index (made on first use: a log needs no object per task). */
  get tasks(): readonly TraceTask[] {
    if (this.taskList === null || this.taskList.length !== this.taskNames.length) {
      this.taskList = Array.from({ length: this.taskNames.length }, (_, index) => ({
        name: this.taskNames.get(index),
        index,
      }));
    }
    return this.taskList;
  }

  /** Bytes held by the columns (what a viewer keeps in memory for this trace). */
  byteSize(): number {
    return [
      this.kind,
      this.task,
      this.a,
      this.b,
      this.step,
      this.iter,
      this.iterTime,
      this.iterTimeout,
      this.iterSelect,
      this.iterFirst,
      this.whenOfTimer,
      this.taskOfTimer,
    ].reduce((sum, column) => sum + column.byteLength, 24 * this.moveEventOf.length);
  }

  /**
   * Lets go of the events before event `n` (the others are renumbered from 0), the iterations
   * wholly before it, the timers below `timerFloor` and the run's texts below `stringFloor`.
   * The caller makes sure that nothing still held refers to what goes: see
   * `Simulation.liveFloors` and src/store/run.ts.
   */
  dropBefore(n: number, timerFloor: number, stringFloor: number): void {
    n = Math.max(0, Math.min(n, this.eventCount));
    const kept = this.eventCount - n;
    if (n > 0) {
      for (const column of [this.kind, this.task, this.a, this.b, this.step, this.iter])
        column.copyWithin(0, n, n + kept);
      this.eventCount = kept;
      this.eventBase += n;
      // Iterations: from the one before the first event's (timeAt reads its time).
      const first = kept > 0 ? this.iter[0] : this.iterationCount;
      const drop = Math.max(0, first - 1 - this.iterBase);
      const count = this.iterationCount + 1 - this.iterBase - drop;
      for (const column of [this.iterTime, this.iterTimeout, this.iterSelect, this.iterFirst])
        column.copyWithin(0, drop, drop + count);
      this.iterBase += drop;
      for (let k = 0; k < count; k += 1) {
        this.iterFirst[k] = Math.max(0, this.iterFirst[k] - n);
        if (this.iterSelect[k] !== 0xffffffff)
          this.iterSelect[k] = Math.max(0, this.iterSelect[k] - n);
      }
      // Clock moves: from the last one before the first event kept (timeAt may read it).
      const movesGone = Math.max(0, this.lastMoveAt(this.eventBase));
      if (movesGone > 0) {
        this.moveEventOf.splice(0, movesGone);
        this.moveFromOf.splice(0, movesGone);
        this.moveToOf.splice(0, movesGone);
        this.moveBase += movesGone;
      }
    }
    const timers = Math.min(timerFloor, this.timerCount) - this.timerBase;
    if (timers > 0) {
      const count = this.timerCount - this.timerBase - timers;
      this.whenOfTimer.copyWithin(0, timers, timers + count);
      this.taskOfTimer.copyWithin(0, timers, timers + count);
      this.timerBase += timers;
    }
    this.strings.dropBelow(stringFloor);
  }

  // ---- recording (used by the engine only) ----

  addString(text: string): number {
    return this.strings.add(text);
  }

  /** Records an event; returns its index. */
  emit(kind: number, task: number, a: number, b: number, step: number): number {
    const i = this.eventCount;
    if (i === this.kind.length) this.growEvents(i + 1);
    this.kind[i] = kind;
    this.task[i] = task;
    this.a[i] = a;
    this.b[i] = b;
    this.step[i] = step;
    this.iter[i] = this.iterationCount;
    this.eventCount = i + 1;
    return i;
  }

  /** Sets field `b` of a recorded event (none when `event` is -1: it was not recorded). */
  patchB(event: number, b: number): void {
    if (event >= 0) this.b[event] = b;
  }

  private growEvents(needed: number): void {
    this.kind = grown(this.kind, needed);
    this.task = grown(this.task, needed);
    this.a = grown(this.a, needed);
    this.b = grown(this.b, needed);
    this.step = grown(this.step, needed);
    this.iter = grown(this.iter, needed);
  }

  beginIteration(): void {
    this.iterationCount += 1;
    const k = this.iterationCount - this.iterBase;
    if (k + 1 > this.iterTime.length) {
      this.iterTime = grown(this.iterTime, k + 1);
      this.iterTimeout = grown(this.iterTimeout, k + 1);
      this.iterSelect = grown(this.iterSelect, k + 1);
      this.iterFirst = grown(this.iterFirst, k + 1);
    }
    this.iterFirst[k] = this.eventCount;
    // Until select returns, the clock reads the previous time.
    this.iterTime[k] = this.iterTime[k - 1];
    this.iterSelect[k] = 0xffffffff;
  }

  /** Records select's return: from the next event on, the clock reads `time`. */
  markSelect(time: number, timeout: number): void {
    const k = this.iterationCount - this.iterBase;
    this.iterTime[k] = time;
    this.iterTimeout[k] = timeout;
    this.iterSelect[k] = this.eventCount;
  }

  /**
   * Records a clock move inside a step (a blocking call), from the next event on; returns its
   * number, for the BLOCK event's `a`.
   */
  addMove(from: number, to: number): number {
    this.moveEventOf.push(this.eventBase + this.eventCount);
    this.moveFromOf.push(from);
    this.moveToOf.push(to);
    return this.moveCount - 1;
  }

  addTimer(when: number, task: number): number {
    const id = this.timerCount;
    const i = id - this.timerBase;
    if (i + 1 > this.whenOfTimer.length) {
      this.whenOfTimer = grown(this.whenOfTimer, i + 1);
      this.taskOfTimer = grown(this.taskOfTimer, i + 1);
    }
    this.whenOfTimer[i] = when;
    this.taskOfTimer[i] = task;
    this.timerCount = id + 1;
    return id;
  }
}
