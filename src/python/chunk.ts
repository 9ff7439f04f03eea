/**
 * The Python runtime's records (a chunk: `Session.flush` in _asyncio_sim.py) appended to a
 * `Trace`, through the same recording methods the engine uses: the views then read a Python
 * program's run as they read a scenario's. Pure; runs in the page, a worker and Node.
 */
import {
  END_REASON_NAMES,
  Ev,
  formatTime,
  Trace,
  type BlockedTask,
  type EndReasonName,
  type RunEnd,
  type TracePrimitiveType,
} from '../engine';
import { describeWait } from '../engine/describe';
import { StateIndex } from '../trace/state';
import { waitOfState } from '../trace/waits';

/** Not an event: select(None), the last iteration's (the runtime's SELECT_NONE). */
const SELECT_NONE = 255;

export interface SyntaxProblem {
  type: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** As CPython prints it (`  File ..., line 3` omitted: the source line, a caret, the error). */
  text: string;
}

export interface ChunkEnd {
  reason: EndReasonName | 'syntax';
  time: number;
  iterations: number;
  /** English words from the runtime (an unsupported call, an exception), or empty. */
  message: string;
  line: number;
  /** Tasks not done when it ended, in creation order, with the line each stands at. */
  blocked: [task: number, line: number][];
  culprits: number[];
  limit: number;
  error: { type: string; message: string; line: number; traceback: string } | null;
  syntax?: SyntaxProblem;
}

export interface Chunk {
  /** Int32 × 5 per event: kind, task, a, b, step. */
  events: Uint8Array;
  /**
   * Float64 × 2 per SELECT (and SELECT_NONE): the clock after select, and its timeout; and per
   * BLOCK: the clock before and after it.
   */
  iters: Uint8Array;
  /** Float64 per TIMER_SCHEDULE: the timer's deadline. */
  timers: Uint8Array;
  /** Texts added, in id order. */
  strings: string[];
  /** Names of the tasks created, in creation order. */
  tasks: string[];
  /** Primitives made: name, type, size (maxsize, value), and a Condition's lock (-1). */
  primitives: [string, TracePrimitiveType, number, number][];
  /** Groups of tasks (gathers, waits, task groups) made. */
  groups: number[][];
  /** The virtual clock. */
  time: number;
  /** Paused: the clock of its next iteration (every event before it is in the chunks). */
  next?: number | null;
  end: ChunkEnd | null;
}

function view<T extends Int32Array | Float64Array>(
  bytes: Uint8Array,
  Type: {
    new (buffer: ArrayBufferLike, offset: number, length: number): T;
    BYTES_PER_ELEMENT: number;
  },
): T {
  const size = Type.BYTES_PER_ELEMENT;
  // A view needs an aligned offset: copy the bytes when they are not.
  const source = bytes.byteOffset % size === 0 ? bytes : bytes.slice();
  return new Type(source.buffer, source.byteOffset, source.byteLength / size);
}

/** A new, empty trace for a Python program's run. */
export function pythonTrace(): Trace {
  const trace = new Trace(4096);
  trace.startsLater = new Uint8Array(0);
  return trace;
}

/**
 * Appends a chunk to the trace (tasks, primitives, texts and groups first, so that its events
 * can name them). When the chunk ends the run, sets `trace.end` (and returns it).
 */
export function appendChunk(trace: Trace, chunk: Chunk): RunEnd | null {
  for (const name of chunk.tasks) trace.taskNames.add(name);
  if (chunk.tasks.length > 0) {
    // Every task of a program is made while it runs: before that, it is not started.
    const later = new Uint8Array(trace.taskNames.length).fill(1);
    trace.startsLater = later;
  }
  for (const [name, type, size, lock] of chunk.primitives)
    trace.primitives.push(lock >= 0 ? { name, type, size, lock } : { name, type, size });
  for (const text of chunk.strings) trace.addString(text);
  for (const group of chunk.groups) trace.gathers.push(group);
  const events = view(chunk.events, Int32Array);
  const iters = view(chunk.iters, Float64Array);
  const timers = view(chunk.timers, Float64Array);
  let iter = 0;
  let timer = 0;
  for (let i = 0; i < events.length; i += 5) {
    const kind = events[i];
    const task = events[i + 1];
    switch (kind) {
      case Ev.ITER_START:
        trace.beginIteration();
        break;
      case Ev.SELECT:
        trace.markSelect(iters[iter], iters[iter + 1]);
        iter += 2;
        break;
      case SELECT_NONE:
        trace.markSelect(iters[iter], -1);
        iter += 2;
        continue;
      case Ev.TIMER_SCHEDULE:
        trace.addTimer(timers[timer], task);
        timer += 1;
        break;
      case Ev.BLOCK: {
        const move = trace.addMove(iters[iter], iters[iter + 1]);
        iter += 2;
        trace.emit(kind, task, move, events[i + 3], events[i + 4]);
        continue;
      }
    }
    trace.emit(kind, task, events[i + 2], events[i + 3], events[i + 4]);
  }
  if (chunk.end == null || chunk.end.reason === 'syntax') return null;
  trace.end = runEnd(trace, chunk.end);
  return trace.end;
}

/** The run's end as the engine gives it: what each unfinished task waits on, in words. */
function runEnd(trace: Trace, end: ChunkEnd): RunEnd {
  const state = new StateIndex(trace).stateAfter(trace.eventCount);
  const name = (t: number) => trace.taskNames.get(t);
  const blocked: BlockedTask[] = end.blocked.map(([task, line]) => {
    const wait = waitOfState(trace, state, task);
    return { task, step: line, wait, waitsOn: describeWait(wait) };
  });
  const reason = end.reason as EndReasonName;
  const result: RunEnd = {
    reason,
    time: end.time,
    iterations: end.iterations,
    message: endMessage(reason, end, blocked, name),
    blocked,
    limit: end.limit,
    culprits: end.culprits,
  };
  if (reason === 'event-limit') result.limitOf = 'events';
  if (end.line > 0) result.line = end.line;
  if (end.error) result.error = end.error;
  return result;
}

function endMessage(
  reason: EndReasonName,
  end: ChunkEnd,
  blocked: BlockedTask[],
  name: (t: number) => string,
): string {
  const at = `t=${formatTime(end.time)}`;
  const line = end.line > 0 ? ` (line ${end.line})` : '';
  switch (reason) {
    case 'deadlock': {
      const list = blocked.map((b) => `${name(b.task)} waits on ${b.waitsOn}`).join('; ');
      const count =
        blocked.length === 1 ? '1 task never finishes' : `${blocked.length} tasks never finish`;
      return `deadlock at ${at}: nothing can ever happen again, and ${count}: ${list}`;
    }
    case 'livelock': {
      const names = end.culprits.length > 0 ? end.culprits.map(name).join(', ') : 'some task';
      return `livelock at ${at}: the loop ran ${end.limit} iterations without the clock moving; ${names} keep${end.culprits.length > 1 ? '' : 's'} the ready queue busy (sleep(0) in an endless loop, or tasks waking each other?), so time can never advance`;
    }
    case 'no-yield': {
      const who = end.culprits.length > 0 ? name(end.culprits[0]) : 'the program';
      return `${who} ran ${end.limit} loop rounds at ${at}${line} without awaiting anything: in Python this loop never gives control back to the event loop and every other task waits`;
    }
    case 'event-limit':
      return `stopped at ${at}${line} after ${end.limit} events (the trace's size bound)`;
    case 'exception':
      return `the program raised ${end.message}${line}`;
    case 'unsupported':
      return end.message;
    default:
      return end.message;
  }
}

/** The reason names the runtime may send, for checks. */
export const PYTHON_END_REASONS: readonly (EndReasonName | 'syntax')[] = [
  ...END_REASON_NAMES,
  'syntax',
];
