/**
 * A simulated run as the app holds it: the preset's scenario and code, the engine (kept alive
 * for endless scenarios, which are simulated ahead as playback needs), the trace and what the
 * views derive from it. Plain TypeScript: the store owns one, views read it through selectors.
 */
import {
  compileScenario,
  firstEndlessRepeat,
  Simulation,
  type CompiledScenario,
  type Trace,
} from '../engine';
import { buildPreset, type PresetParams } from '../scenario/presets';
import { generatePython, type PythonCode } from '../scenario/python';
import type { CodeLang } from '../scenario/comments';
import type { Scenario } from '../scenario/types';
import { taskLabels } from '../trace/labels';
import { logLines, type LogLine } from '../trace/log';
import {
  carryTimelines,
  extendTimelines,
  makespan,
  taskTimelines,
  type TaskTimeline,
} from '../trace/segments';
import { rebaseState, StateIndex } from '../trace/state';
import { referencedFloors } from '../trace/window';

/** How far ahead an endless run is simulated, in virtual seconds. */
export const LOOKAHEAD = 30;

/**
 * An endless run keeps a window of its trace, so that memory stays bounded however long it
 * plays: at least `events` events before the cursor and `seconds` virtual seconds, but never
 * more than `maxEvents` events; and the last `logLines` console lines before it (the console
 * shows as many).
 */
export interface WindowSize {
  events: number;
  seconds: number;
  maxEvents: number;
  logLines: number;
}
export const WINDOW: WindowSize = {
  events: 20_000,
  seconds: 120,
  maxEvents: 400_000,
  logLines: 200,
};

export interface Run {
  choice: PresetParams;
  /** The language of its code's comments, and of a speaking preset's console lines. */
  lang: CodeLang;
  /** The scenario file shown instead of the preset, if any. */
  file: ScenarioFile | null;
  scenario: Scenario;
  python: PythonCode;
  compiled: CompiledScenario;
  labels: string[];
  /**
   * The run has no end: simulated ahead as playback needs. False once the simulation ended
   * anyway (a livelock, a deadlock): from then on it is a finite run like the others.
   */
  endless: boolean;
  simulation: Simulation;
  /** For an endless run, a window: `trace.eventBase` events before its first were let go of. */
  trace: Trace;
  index: StateIndex;
  timelines: TaskTimeline[];
  /** The console's lines (those from before the window first, with negative event numbers). */
  logs: LogLine[];
  /** Where each task stood when the window began (null: it begins with the run). */
  carried: TaskTimeline[] | null;
  /** The last console lines from before the window. */
  carriedLogs: LogLine[];
  /** Virtual time simulated so far (the end of the run when it ended). */
  horizon: number;
  /** Bumped each time the run grows, so that views know to redraw. */
  version: number;
  /** Wall-clock milliseconds the last (re)simulation took. */
  simulateMs: number;
  window: WindowSize;
}

/**
 * The timelines and the console lines: continued with the events from `from` on (the trace
 * grew), or made again (0: a new run, or a window that moved).
 */
function derive(run: Run, from = 0): void {
  const trace = run.trace;
  if (from === 0) {
    run.timelines = taskTimelines(trace, trace.eventCount, run.carried);
    run.logs = run.carriedLogs.concat(logLines(trace));
  } else {
    extendTimelines(run.timelines, trace, from);
    for (const line of logLines(trace, trace.eventCount, from)) run.logs.push(line);
  }
  if (run.simulation.ended) {
    run.endless = false;
    run.horizon = makespan(run.trace, run.timelines);
  }
  run.version += 1;
}

/** A scenario opened from a file, instead of a preset. */
export interface ScenarioFile {
  name: string;
  scenario: Scenario;
}

export function createRun(
  choice: PresetParams,
  until = 0,
  file: ScenarioFile | null = null,
  window = WINDOW,
  lang: CodeLang = 'en',
): Run {
  const started = performance.now();
  const { scenario, python } = file
    ? { scenario: file.scenario, python: generatePython(file.scenario, lang) }
    : buildPreset(choice, lang);
  const compiled = compileScenario(scenario);
  const endless = firstEndlessRepeat(compiled) !== null;
  const simulation = new Simulation(compiled);
  const horizon = endless ? Math.max(LOOKAHEAD, until + LOOKAHEAD) : Infinity;
  if (endless) simulation.runUntil(horizon);
  else simulation.run();
  const trace = simulation.trace;
  const run: Run = {
    choice,
    lang,
    file,
    scenario,
    python,
    compiled,
    labels: taskLabels(compiled),
    endless,
    simulation,
    trace,
    index: new StateIndex(trace),
    timelines: [],
    logs: [],
    carried: null,
    carriedLogs: [],
    horizon: endless ? horizon : 0,
    version: 0,
    simulateMs: 0,
    window,
  };
  // A scenario that repeats forever but whose run ended (say, a livelock at t=0) is kept whole.
  if (endless && !simulation.ended) keepWindow(run, until);
  derive(run);
  run.simulateMs = performance.now() - started;
  return run;
}

/**
 * Simulates an endless run further, so that it covers `until` and some time beyond, and lets
 * go of the events far behind `until`. Returns the number of events let go of: event numbers
 * (the cursor) go down by as much.
 */
export function extendRun(run: Run, until: number): number {
  if (!run.endless || run.simulation.ended || until + LOOKAHEAD / 2 <= run.horizon) return 0;
  run.horizon = until + LOOKAHEAD;
  const from = run.trace.eventCount;
  run.simulation.runUntil(run.horizon);
  const dropped = keepWindow(run, until);
  derive(run, dropped > 0 ? 0 : from);
  return dropped;
}

/** Where an endless run's window begins: the time of its first event. */
export function windowStart(run: Run): number {
  return run.trace.eventBase > 0 && run.trace.eventCount > 0 ? run.trace.timeAt(0) : 0;
}

/**
 * Lets go of the events far behind `until` once there are enough of them (as many as are kept:
 * the work is proportional to the events simulated). The window then starts from the state at
 * the cut, each task's stretch in progress, and the last console lines. Returns how many.
 */
function keepWindow(run: Run, until: number): number {
  const trace = run.trace;
  const keep = run.window;
  // The cursor shown at `until` (t=0 is the very start, before any event).
  const cursor = until <= 0 ? 0 : eventsUpTo(trace, until);
  const cut = Math.max(
    Math.min(cursor - keep.events, eventsBefore(trace, until - keep.seconds)),
    cursor - keep.maxEvents,
  );
  if (cut < keep.events) return 0;
  const state = run.index.stateAfter(cut);
  const carried = carryTimelines(taskTimelines(trace, cut, run.carried), cut);
  const logs = run.carriedLogs.concat(logLines(trace, cut));
  run.carriedLogs = logs
    .slice(-keep.logLines)
    .map((line) => ({ ...line, event: line.event - cut }));
  run.carried = carried;
  const live = run.simulation.liveFloors();
  const used = referencedFloors(trace, cut, state);
  trace.dropBefore(cut, Math.min(live.timer, used.timer), Math.min(live.string, used.string));
  run.index = new StateIndex(trace, undefined, rebaseState(state, cut));
  return cut;
}

/** Number of events at or before virtual time `t` (binary search: event times never decrease). */
export function eventsUpTo(trace: Trace, t: number): number {
  let lo = 0;
  let hi = trace.eventCount;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (trace.timeAt(mid) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of events strictly before virtual time `t`. */
export function eventsBefore(trace: Trace, t: number): number {
  let lo = 0;
  let hi = trace.eventCount;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (trace.timeAt(mid) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type { LogLine };

/**
 * The run's Python code with its comments in `lang` (the lines are the same in every language).
 * A preset that speaks is simulated again in the new language (the store does it), so that the
 * code prints what the console shows.
 */
export function pythonIn(run: Run, lang: CodeLang): PythonCode {
  if (lang === run.lang) return run.python;
  const cached = codeInOtherLang.get(run);
  if (cached) return cached;
  const code = run.file
    ? generatePython(run.file.scenario, lang)
    : buildPreset(run.choice, lang).python;
  codeInOtherLang.set(run, code);
  return code;
}
/** The code in the language that is not the run's own (there are two). */
const codeInOtherLang = new WeakMap<Run, PythonCode>();
