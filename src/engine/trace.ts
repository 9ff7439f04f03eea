import type { EndReasonName } from './events';
import type { PrimitiveType } from '../scenario/types';
import { TextTable } from './texts';

/** What a blocked task waits on when the run ends, in words the views and the CLI print. */
export interface BlockedTask {
  task: number;
  /** The step it is stopped at (-1 if it never ran). */
  step: number;
  /** e.g. `put to queue 'window' (full, 4/4)` */
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
  /** The tasks to blame: those spinning in a livelock, the one that never yields. */
  culprits: number[];
}

export interface TraceTask {
  name: string;
  /** Index of the task in the scenario. */
  index: number;
}

export interface TracePrimitive {
  name: string;
  type: PrimitiveType;
  /** Queue: maxsize; Semaphore: initial value; otherwise 0. */
  size: number;
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
 * The columns are public for fast reading; they are valid up to `eventCount`,
 * `iterationCount` and `timerCount`, and only the engine writes them.
 */
export class Trace {
  readonly primitives: TracePrimitive[] = [];
  /** Texts of LOG events, queue items and errors, by id: see `string(id)`. */
  readonly strings: TextTable;
  /** Names of the tasks, by index. */
  readonly taskNames: TextTable;
  private taskList: TraceTask[] | null = null;
  eventCount = 0;
  iterationCount = 0;
  timerCount = 0;
  end: RunEnd | null = null;

  // Per event.
  kind: Uint8Array;
  task: Int32Array;
  a: Int32Array;
  b: Int32Array;
  step: Int32Array;
  iter: Uint32Array;
  // Per iteration.
  /** Clock after the iteration's select. */
  iterTime = new Float64Array(1024);
  /** The select timeout; -1 for None. */
  iterTimeout = new Float64Array(1024);
  /** Index of the iteration's SELECT event: events before it still read the previous time. */
  iterSelect = new Uint32Array(1024);
  iterFirst = new Uint32Array(1024);
  // Per timer.
  timerWhen: Float64Array;
  timerTask: Int32Array;

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
    this.timerWhen = new Float64Array(timerCapacity);
    this.timerTask = new Int32Array(timerCapacity);
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
    if (iteration === 0) return 0;
    return index < this.iterSelect[iteration]
      ? this.iterTime[iteration - 1]
      : this.iterTime[iteration];
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
      this.timerWhen,
      this.timerTask,
    ].reduce((sum, column) => sum + column.byteLength, 0);
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
    const k = this.iterationCount + 1;
    if (k + 1 > this.iterTime.length) {
      this.iterTime = grown(this.iterTime, k + 1);
      this.iterTimeout = grown(this.iterTimeout, k + 1);
      this.iterSelect = grown(this.iterSelect, k + 1);
      this.iterFirst = grown(this.iterFirst, k + 1);
    }
    this.iterationCount = k;
    this.iterFirst[k] = this.eventCount;
    // Until select returns, the clock reads the previous time.
    this.iterTime[k] = this.iterTime[k - 1];
    this.iterSelect[k] = 0xffffffff;
  }

  /** Records select's return: from the next event on, the clock reads `time`. */
  markSelect(time: number, timeout: number): void {
    const k = this.iterationCount;
    this.iterTime[k] = time;
    this.iterTimeout[k] = timeout;
    this.iterSelect[k] = this.eventCount;
  }

  addTimer(when: number, task: number): number {
    const id = this.timerCount;
    if (id + 1 > this.timerWhen.length) {
      this.timerWhen = grown(this.timerWhen, id + 1);
      this.timerTask = grown(this.timerTask, id + 1);
    }
    this.timerWhen[id] = when;
    this.timerTask[id] = task;
    this.timerCount = id + 1;
    return id;
  }
}
