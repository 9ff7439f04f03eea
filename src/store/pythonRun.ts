/**
 * A Python program's run, as the app holds it: the same `Run` as a scenario's (the views read
 * its trace the same), made of the chunks the Python runtime sends (src/python/chunk.ts). An
 * endless program (a producer/consumer) is paused by the runtime and asked for more as
 * playback needs, like an endless scenario; the store does the asking (it owns the worker).
 */
import type { CodeLang } from '../scenario/comments';
import type { PythonCode } from '../scenario/python';
import { appendChunk, pythonTrace, type Chunk } from '../python/chunk';
import { StateIndex } from '../trace/state';
import { derive, keepWindow, LOOKAHEAD, WINDOW, type Run } from './run';

/** Events per chunk at most: a busy program answers in parts, so the page stays smooth. */
export const CHUNK_EVENTS = 50_000;

/** A program's code: the step of each event is its line. */
export function programCode(source: string): PythonCode {
  return { code: source, lines: [], stepIsLine: true };
}

/** How far the runtime should run a program first to show virtual time `t`. */
export function firstUntil(t: number): number {
  return Math.max(LOOKAHEAD, t + LOOKAHEAD);
}

/** A run of `source` with nothing recorded yet (before its first run, or while it loads). */
export function emptyPythonRun(source: string, lang: CodeLang, window = WINDOW): Run {
  const trace = pythonTrace();
  const run: Run = {
    origin: { kind: 'python', source, ended: true, recorded: 0 },
    lang,
    python: programCode(source),
    labels: [],
    endless: false,
    trace,
    index: new StateIndex(trace),
    timelines: [],
    logs: [],
    carried: null,
    carriedLogs: [],
    horizon: 0,
    version: 0,
    simulateMs: 0,
    window,
  };
  derive(run);
  return run;
}

/**
 * The run of the runtime's first chunk of `source`, asked with `until` (see `firstUntil`):
 * whole if the program ended, else paused and endless until it ends.
 */
export function createPythonRun(
  source: string,
  chunk: Chunk,
  until: number,
  ms: number,
  lang: CodeLang,
  window = WINDOW,
): Run {
  const run = emptyPythonRun(source, lang, window);
  run.origin = { kind: 'python', source, ended: false, recorded: 0 };
  run.endless = true;
  appendPythonChunk(run, chunk, until, until - LOOKAHEAD);
  run.simulateMs = ms;
  return run;
}

/**
 * Appends the runtime's next chunk (asked with `until`); lets go of the events far behind
 * `cursorTime` as an endless scenario does. Returns how many events were let go of.
 */
export function appendPythonChunk(run: Run, chunk: Chunk, until: number, cursorTime: number) {
  const origin = run.origin;
  if (origin.kind !== 'python') throw new Error('not a Python run');
  const from = run.trace.eventCount;
  appendChunk(run.trace, chunk);
  origin.ended = chunk.end !== null;
  // Paused at `until` (its next iteration is later): everything up to `until` is recorded.
  // Paused sooner (the chunk was full): everything before its next iteration.
  const next = chunk.next ?? chunk.time;
  origin.recorded = origin.ended ? Infinity : next > until ? until : next - 1e-9;
  run.horizon = origin.ended ? run.horizon : Math.max(0, origin.recorded);
  const dropped = origin.ended ? 0 : keepWindow(run, cursorTime);
  derive(run, dropped > 0 ? 0 : from);
  return dropped;
}

/** Whether a paused run should be run further to show virtual time `t` (and some beyond). */
export function needsMore(run: Run, t: number): boolean {
  return (
    run.origin.kind === 'python' &&
    !run.origin.ended &&
    run.endless &&
    t + LOOKAHEAD / 2 > run.origin.recorded
  );
}
