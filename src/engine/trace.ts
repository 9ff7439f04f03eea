import type { EndReasonName } from './events';
import type { PrimitiveType } from '../scenario/types';

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

/** Growable typed-array column. */
class Column<A extends Int32Array | Uint32Array | Uint8Array | Float64Array> {
  data: A;
  constructor(
    private readonly make: (n: number) => A,
    capacity = 1024,
  ) {
    this.data = make(capacity);
  }
  ensure(n: number): void {
    if (n <= this.data.length) return;
    let size = Math.max(1024, Math.ceil(this.data.length * 1.5));
    while (size < n) size = Math.ceil(size * 1.5);
    const next = this.make(size);
    next.set(this.data as never);
    this.data = next;
  }
}

/**
 * The record of a run, column by column (structure of arrays). Events are numbered from 0;
 * iterations from 1 (index 0 is the state before the loop starts). Timers are numbered in
 * creation order, which is also their tie-break order in the heap.
 */
export class Trace {
  /** `eventCapacity`: room for this many events before the columns grow. */
  constructor(eventCapacity = 1024) {
    this.kindCol = new Column((n) => new Uint8Array(n), eventCapacity);
    this.taskCol = new Column((n) => new Int32Array(n), eventCapacity);
    this.aCol = new Column((n) => new Int32Array(n), eventCapacity);
    this.bCol = new Column((n) => new Int32Array(n), eventCapacity);
    this.stepCol = new Column((n) => new Int32Array(n), eventCapacity);
    this.iterCol = new Column((n) => new Uint32Array(n), eventCapacity);
  }

  readonly tasks: TraceTask[] = [];
  readonly primitives: TracePrimitive[] = [];
  readonly strings: string[] = [];
  eventCount = 0;
  iterationCount = 0;
  timerCount = 0;
  end: RunEnd | null = null;

  private readonly kindCol: Column<Uint8Array>;
  private readonly taskCol: Column<Int32Array>;
  private readonly aCol: Column<Int32Array>;
  private readonly bCol: Column<Int32Array>;
  private readonly stepCol: Column<Int32Array>;
  private readonly iterCol: Column<Uint32Array>;
  /** Clock after the iteration's select. */
  private readonly iterTimeCol = new Column((n) => new Float64Array(n));
  /** The select timeout; -1 for None. */
  private readonly iterTimeoutCol = new Column((n) => new Float64Array(n));
  /** Index of the iteration's SELECT event: events before it still read the previous time. */
  private readonly iterSelectCol = new Column((n) => new Uint32Array(n));
  private readonly iterFirstCol = new Column((n) => new Uint32Array(n));
  private readonly timerWhenCol = new Column((n) => new Float64Array(n));
  private readonly timerTaskCol = new Column((n) => new Int32Array(n));

  // Read access: the columns themselves (valid up to eventCount / iterationCount / timerCount).
  get kind(): Uint8Array {
    return this.kindCol.data;
  }
  get task(): Int32Array {
    return this.taskCol.data;
  }
  get a(): Int32Array {
    return this.aCol.data;
  }
  get b(): Int32Array {
    return this.bCol.data;
  }
  get step(): Int32Array {
    return this.stepCol.data;
  }
  get iter(): Uint32Array {
    return this.iterCol.data;
  }
  get iterTime(): Float64Array {
    return this.iterTimeCol.data;
  }
  get iterTimeout(): Float64Array {
    return this.iterTimeoutCol.data;
  }
  get iterSelect(): Uint32Array {
    return this.iterSelectCol.data;
  }
  get iterFirst(): Uint32Array {
    return this.iterFirstCol.data;
  }
  get timerWhen(): Float64Array {
    return this.timerWhenCol.data;
  }
  get timerTask(): Int32Array {
    return this.timerTaskCol.data;
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
    return this.strings[id];
  }

  /** Bytes held by the columns (what a viewer keeps in memory for this trace). */
  byteSize(): number {
    const cols = [
      this.kindCol,
      this.taskCol,
      this.aCol,
      this.bCol,
      this.stepCol,
      this.iterCol,
      this.iterTimeCol,
      this.iterTimeoutCol,
      this.iterSelectCol,
      this.iterFirstCol,
      this.timerWhenCol,
      this.timerTaskCol,
    ];
    return cols.reduce((sum, col) => sum + col.data.byteLength, 0);
  }

  // ---- recording (used by the engine only) ----

  addString(text: string): number {
    this.strings.push(text);
    return this.strings.length - 1;
  }

  emit(kind: number, task: number, a: number, b: number, step: number): number {
    const i = this.eventCount;
    if (i === this.kindCol.data.length) {
      const n = i + 1;
      this.kindCol.ensure(n);
      this.taskCol.ensure(n);
      this.aCol.ensure(n);
      this.bCol.ensure(n);
      this.stepCol.ensure(n);
      this.iterCol.ensure(n);
    }
    this.kindCol.data[i] = kind;
    this.taskCol.data[i] = task;
    this.aCol.data[i] = a;
    this.bCol.data[i] = b;
    this.stepCol.data[i] = step;
    this.iterCol.data[i] = this.iterationCount;
    this.eventCount = i + 1;
    return i;
  }

  beginIteration(): void {
    const k = this.iterationCount + 1;
    this.iterTimeCol.ensure(k + 1);
    this.iterTimeoutCol.ensure(k + 1);
    this.iterSelectCol.ensure(k + 1);
    this.iterFirstCol.ensure(k + 1);
    this.iterationCount = k;
    this.iterFirstCol.data[k] = this.eventCount;
    // Until select returns, the clock reads the previous time.
    this.iterTimeCol.data[k] = this.iterTimeCol.data[k - 1];
    this.iterSelectCol.data[k] = 0xffffffff;
  }

  /** Records select's return: from the next event on, the clock reads `time`. */
  markSelect(time: number, timeout: number): void {
    const k = this.iterationCount;
    this.iterTimeCol.data[k] = time;
    this.iterTimeoutCol.data[k] = timeout;
    this.iterSelectCol.data[k] = this.eventCount;
  }

  addTimer(when: number, task: number): number {
    const id = this.timerCount;
    this.timerWhenCol.ensure(id + 1);
    this.timerTaskCol.ensure(id + 1);
    this.timerWhenCol.data[id] = when;
    this.timerTaskCol.data[id] = task;
    this.timerCount = id + 1;
    return id;
  }
}
