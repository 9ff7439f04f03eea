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
import { makespan, taskTimelines, type TaskTimeline } from '../trace/segments';
import { StateIndex } from '../trace/state';

/** How far ahead an endless run is simulated, in virtual seconds. */
export const LOOKAHEAD = 30;

export interface Run {
  choice: PresetParams;
  /** The scenario file shown instead of the preset, if any. */
  file: ScenarioFile | null;
  scenario: Scenario;
  python: PythonCode;
  compiled: CompiledScenario;
  labels: string[];
  endless: boolean;
  simulation: Simulation;
  trace: Trace;
  index: StateIndex;
  timelines: TaskTimeline[];
  logs: LogLine[];
  /** Virtual time simulated so far (the end of the run when it ended). */
  horizon: number;
  /** Bumped each time the run grows, so that views know to redraw. */
  version: number;
  /** Wall-clock milliseconds the last (re)simulation took. */
  simulateMs: number;
}

function derive(run: Run): void {
  run.timelines = taskTimelines(run.trace);
  run.logs = logLines(run.trace);
  run.horizon =
    run.simulation.ended && !run.endless ? makespan(run.trace, run.timelines) : run.horizon;
  run.version += 1;
}

/** A scenario opened from a file, instead of a preset. */
export interface ScenarioFile {
  name: string;
  scenario: Scenario;
}

export function createRun(choice: PresetParams, until = 0, file: ScenarioFile | null = null): Run {
  const started = performance.now();
  const { scenario, python } = file
    ? { scenario: file.scenario, python: generatePython(file.scenario) }
    : buildPreset(choice);
  const compiled = compileScenario(scenario);
  const endless = firstEndlessRepeat(compiled) !== null;
  const simulation = new Simulation(compiled);
  const horizon = endless ? Math.max(LOOKAHEAD, until + LOOKAHEAD) : Infinity;
  if (endless) simulation.runUntil(horizon);
  else simulation.run();
  const trace = simulation.trace;
  const run: Run = {
    choice,
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
    horizon: endless ? horizon : 0,
    version: 0,
    simulateMs: 0,
  };
  derive(run);
  run.simulateMs = performance.now() - started;
  return run;
}

/** Simulates an endless run further, so that it covers `until` and some time beyond. */
export function extendRun(run: Run, until: number): boolean {
  if (!run.endless || run.simulation.ended || until + LOOKAHEAD / 2 <= run.horizon) return false;
  run.horizon = until + LOOKAHEAD;
  run.simulation.runUntil(run.horizon);
  derive(run);
  return true;
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

/** The run's Python code with its comments in `lang` (the lines are the same in every language). */
export function pythonIn(run: Run, lang: CodeLang): PythonCode {
  if (lang === 'en') return run.python;
  const cached = frenchCode.get(run);
  if (cached) return cached;
  const code = run.file
    ? generatePython(run.file.scenario, lang)
    : buildPreset(run.choice, lang).python;
  frenchCode.set(run, code);
  return code;
}
const frenchCode = new WeakMap<Run, PythonCode>();
