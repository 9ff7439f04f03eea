/**
 * A run as the app holds it: where its trace comes from (a scenario and the engine, kept alive
 * for endless scenarios, which are simulated ahead as playback needs; or a Python program run
 * by CPython in a worker, see pythonRun.ts), its code, the trace and what the views derive from
 * it. Plain TypeScript: the store owns one, views read it through selectors; they read the
 * trace the same whoever made it.
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

/** A run of a scenario (a preset, or a file) by the engine. */
export interface ScenarioOrigin {
  kind: 'scenario';
  choice: PresetParams;
  /** The scenario file shown instead of the preset, if any. */
  file: ScenarioFile | null;
  scenario: Scenario;
  compiled: CompiledScenario;
  simulation: Simulation;
}

/** A run of a Python program by CPython (the Python runtime, in a worker). */
export interface PythonOrigin {
  kind: 'python';
  /** The program's source, as it ran. */
  source: string;
  /** The runtime ended the program (until then it is paused: more can be asked for). */
  ended: boolean;
  /** Virtual time the runtime has recorded everything up to. */
  recorded: number;
}

export interface Run {
  origin: ScenarioOrigin | PythonOrigin;
  /** The language of its code's comments, and of a speaking preset's console lines. */
  lang: CodeLang;
  /** Its Python code (a scenario's, generated; a program's own source). */
  python: PythonCode;
  labels: string[];
  /**
   * The run has no end: simulated ahead as playback needs. False once the simulation ended
   * anyway (a livelock, a deadlock): from then on it is a finite run like the others.
   */
  endless: boolean;
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
export function derive(run: Run, from = 0): void {
  const trace = run.trace;
  if (from === 0) {
    run.timelines = taskTimelines(trace, trace.eventCount, run.carried);
    run.logs = run.carriedLogs.concat(logLines(trace));
  } else {
    extendTimelines(run.timelines, trace, from);
    for (const line of logLines(trace, trace.eventCount, from)) run.logs.push(line);
  }
  if (run.origin.kind === 'python') run.labels = trace.tasks.map((task) => task.name);
  if (ended(run)) {
    run.endless = false;
    run.horizon = makespan(run.trace, run.timelines);
  }
  run.version += 1;
}

/** The run has come to its end (the engine's simulation, or the Python program). */
function ended(run: Run): boolean {
  return run.origin.kind === 'scenario' ? run.origin.simulation.ended : run.origin.ended;
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
    origin: { kind: 'scenario', choice, file, scenario, compiled, simulation },
    lang,
    python,
    labels: taskLabels(compiled),
    endless,
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
  const origin = run.origin;
  if (origin.kind !== 'scenario') return 0; // a Python run grows when its worker answers
  if (!run.endless || origin.simulation.ended || until + LOOKAHEAD / 2 <= run.horizon) return 0;
  run.horizon = until + LOOKAHEAD;
  const from = run.trace.eventCount;
  origin.simulation.runUntil(run.horizon);
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
export function keepWindow(run: Run, until: number): number {
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
  const used = referencedFloors(trace, cut, state);
  // The engine's simulation may still refer to older timers and texts; a Python program's
  // records refer only to new texts, and to timers its state at the cut holds.
  const live = run.origin.kind === 'scenario' ? run.origin.simulation.liveFloors() : used;
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
  const origin = run.origin;
  if (lang === run.lang || origin.kind === 'python') return run.python;
  const cached = codeInOtherLang.get(run);
  if (cached) return cached;
  const code = origin.file
    ? generatePython(origin.file.scenario, lang)
    : buildPreset(origin.choice, lang).python;
  codeInOtherLang.set(run, code);
  return code;
}
/** The code in the language that is not the run's own (there are two). */
const codeInOtherLang = new WeakMap<Run, PythonCode>();
