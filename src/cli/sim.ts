/**
 * The headless simulator: a scenario (file or preset) in, a log, table, trace, code or summary
 * out. Pure function of its arguments and files, for tests; main.ts wires it to the process.
 * A Python program (`--python`) is run by CPython in Pyodide, asynchronously: `runCliAsync`
 * (python.ts, loaded only then).
 */
import {
  compileScenario,
  firstEndlessRepeat,
  formatTime,
  simulate,
  stepPath,
  type CompiledScenario,
  type Trace,
} from '../engine';
import { loadScenarioBytes } from '../engine/loadText';
import { taskLabels } from '../trace/labels';
import { buildPreset } from '../scenario/presets';
import { generatePython } from '../scenario/python';
import { textOf } from '../scenario/text';
import type { Scenario } from '../scenario/types';
import { formatError, parseScenario } from '../scenario/validate';
import { formatLogBytes } from '../trace/log';
import { taskEnds } from '../trace/records';
import { markdownTable, TableTooLarge } from '../trace/markdown';
import { traceToJson } from '../trace/describe';
import { makespan, peakConcurrency, taskTimelines } from '../trace/segments';
import { parseCliArgs, UsageError, type CliRequest } from './args';
import type { PythonHost } from './pythonHost';

export interface CliResult {
  stdout: string | Uint8Array;
  stderr: string;
  code: number;
}

export interface CliIo {
  readFile(path: string): Uint8Array;
  now(): number;
  /** What runs a `--python` program (a worker thread in main.ts, Pyodide in-process in tests). */
  python?: () => PythonHost;
}

export function fail(message: string): CliResult {
  return { stdout: '', stderr: `sim: ${message}\n`, code: 2 };
}

/** Why a file could not be read, in words. */
export function cannotRead(file: string, error: unknown): CliResult {
  const code = (error as NodeJS.ErrnoException).code;
  return fail(
    `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}`,
  );
}

/** The first endless repeat, as a path like `tasks[0].steps[0] (task 'producer')`, or null. */
function endlessRepeat(compiled: CompiledScenario): string | null {
  const found = firstEndlessRepeat(compiled);
  if (found === null) return null;
  return `${stepPath(compiled.program, found.task, found.pc)} (task '${compiled.taskNames.get(found.task)}')`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The summary's rows: what ran (`title`: the scenario's, or the program's file), how it ended,
 * its events, makespan, peak concurrency, tasks, and how long it took (`runTime`).
 */
export function summary(title: [string, string], trace: Trace, runTime: string): string {
  const timelines = taskTimelines(trace);
  const end = trace.end!;
  const states = { done: 0, failed: 0, cancelled: 0 };
  for (const t of timelines) if (t.endState) states[t.endState] += 1;
  // Tasks with "start": false whose spawn step never ran are not unfinished: they never began.
  const unstarted = trace.startsLater
    ? Object.values(taskEnds(trace)).filter((e) => e.state === 'unstarted').length
    : 0;
  const pending = timelines.filter((t) => t.endState === null).length - unstarted;
  const rows: [string, string][] = [
    title,
    ['end', `${end.reason} at t=${formatTime(end.time)} after ${end.iterations} loop iterations`],
    ['events', String(trace.eventCount)],
    ['makespan', `${formatTime(makespan(trace, timelines))} s`],
    [
      'peak concurrency',
      `${plural(peakConcurrency(timelines), 'task')} inside ${peakConcurrency(timelines) === 1 ? 'its' : 'their'} sleep at once`,
    ],
    [
      'tasks',
      `${states.done} done, ${states.failed} failed, ${states.cancelled} cancelled, ${pending} unfinished` +
        (unstarted > 0 ? `, ${unstarted} never started` : ''),
    ],
    ['run time', runTime],
  ];
  return rows.map(([k, v]) => `${(k + ':').padEnd(18)}${v}`).join('\n') + '\n';
}

/** The request, or what to answer at once (the usage, a usage error). */
function parse(argv: string[]): CliRequest | CliResult {
  try {
    return parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      return error.message.startsWith('usage:')
        ? { stdout: error.message + '\n', stderr: '', code: 0 }
        : fail(error.message);
    }
    throw error;
  }
}

/** Any request: a scenario's at once, a Python program's once CPython has run it. */
export async function runCliAsync(argv: string[], io: CliIo): Promise<CliResult> {
  const request = parse(argv);
  if ('code' in request) return request;
  if (request.source.kind !== 'python') return runScenario(request, io);
  const { runPython } = await import('./python');
  return runPython(request, request.source.file, io);
}

/** A scenario's request (file or preset), synchronously; `--python` needs `runCliAsync`. */
export function runCli(argv: string[], io: CliIo): CliResult {
  const request = parse(argv);
  if ('code' in request) return request;
  if (request.source.kind === 'python')
    return fail('--python runs asynchronously (runCliAsync), not through runCli');
  return runScenario(request, io);
}

function runScenario(request: CliRequest, io: CliIo): CliResult {
  // The Python code and the scenario itself need the scenario as objects; every other format
  // runs the compiled program, which a scenario file reaches by the fast loader when it can.
  const needsObjects = request.format === 'python' || request.format === 'scenario';
  let scenario: Scenario | null = null;
  let compiled: CompiledScenario | null = null;
  let python: () => string;
  if (request.source.kind === 'program') {
    const file = request.source.file;
    let bytes: Uint8Array;
    try {
      bytes = io.readFile(file);
    } catch (error) {
      return cannotRead(file, error);
    }
    compiled = needsObjects ? null : loadScenarioBytes(bytes);
    if (compiled === null) {
      // Read as the app reads it (UTF-16 with its byte-order mark too). An image or an archive
      // is said to be one, rather than JSON broken at its first byte; other bytes that are not
      // UTF-8 are read as the fast loader reads them.
      const text = textOf(bytes);
      const result = parseScenario(text ?? new TextDecoder().decode(bytes));
      if (!result.ok && text === null) return fail(`${file}: not a text (JSON) file`);
      if (!result.ok) {
        const others = result.errors.length - 1;
        const more = others > 0 ? ` (and ${others} more problem${others > 1 ? 's' : ''})` : '';
        return fail(`${file}: ${formatError(result.errors[0])}${more}`);
      }
      scenario = result.scenario;
    }
    python = () => generatePython(scenario!).code;
  } else if (request.source.kind === 'preset') {
    const built = buildPreset(request.source.choice);
    scenario = built.scenario;
    python = () => built.python.code;
  } else throw new Error('a Python program is run by runPython');

  if (request.format === 'python') return { stdout: python(), stderr: '', code: 0 };
  if (request.format === 'scenario')
    return { stdout: JSON.stringify(scenario) + '\n', stderr: '', code: 0 };
  compiled ??= compileScenario(scenario!);

  const endless = endlessRepeat(compiled);
  // A Ctrl-C ends it, as `--until` would.
  if (endless && request.until === undefined && compiled.interrupt === undefined) {
    return fail(
      `the scenario runs forever (${endless} repeats with no "times"): give --until SECONDS`,
    );
  }
  const started = io.now();
  // The log needs no other event: a trace that keeps only log lines is lighter and faster.
  const record = request.format === 'log' ? 'log' : 'all';
  const trace = simulate(compiled, { until: request.until, record });
  const runMs = io.now() - started;
  const end = trace.end!;
  const stderr = end.message ? `sim: ${end.message}\n` : '';

  let stdout: string | Uint8Array;
  switch (request.format) {
    case 'log':
      stdout = formatLogBytes(trace);
      break;
    case 'markdown':
      try {
        stdout = markdownTable(trace, {
          labels: taskLabels(compiled),
          slot: request.slot,
          horizon: end.reason === 'until' ? request.until : undefined,
        });
      } catch (error) {
        if (error instanceof TableTooLarge) return fail(`--format markdown: ${error.message}`);
        throw error;
      }
      break;
    case 'json':
      stdout = JSON.stringify(traceToJson(trace)) + '\n';
      break;
    default:
      stdout = summary(
        ['scenario', compiled.title ?? plural(compiled.taskNames.length, 'task')],
        trace,
        `${runMs.toFixed(3)} ms (simulation)`,
      );
  }
  return { stdout, stderr, code: 0 };
}
