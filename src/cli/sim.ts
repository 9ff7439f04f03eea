/**
 * The headless simulator: a scenario (file or preset) in, a log, table, trace, code or summary
 * out. Pure function of its arguments and files, for tests; main.ts wires it to the process.
 */
import { simulate, formatTime, type Trace } from '../engine';
import { buildPreset, presetDefaults, type PresetParams } from '../scenario/presets';
import { generatePython } from '../scenario/python';
import { flattenSteps, type Scenario } from '../scenario/types';
import { formatError, parseScenario } from '../scenario/validate';
import { taskLabel } from '../scenario/labels';
import { formatLogBytes } from '../trace/log';
import { markdownTable } from '../trace/markdown';
import { traceToJson } from '../trace/describe';
import { makespan, peakConcurrency, taskTimelines } from '../trace/segments';
import { parseCliArgs, UsageError, type CliRequest } from './args';

export interface CliResult {
  stdout: string | Uint8Array;
  stderr: string;
  code: number;
}

export interface CliIo {
  readFile(path: string): string;
  now(): number;
}

function fail(message: string): CliResult {
  return { stdout: '', stderr: `sim: ${message}\n`, code: 2 };
}

/** The first endless repeat, as a path like `tasks[0].steps[0]`, or null. */
function endlessRepeat(scenario: Scenario): string | null {
  for (const [t, task] of scenario.tasks.entries()) {
    const find = (steps: Scenario['tasks'][number]['steps'], path: string): string | null => {
      for (const [i, step] of steps.entries()) {
        if (step.op !== 'repeat') continue;
        if (step.times === undefined) return `${path}[${i}]`;
        const inner = find(step.steps, `${path}[${i}].steps`);
        if (inner) return inner;
      }
      return null;
    };
    const found = find(task.steps, `tasks[${t}].steps`);
    if (found) return `${found} (task '${task.name}')`;
  }
  return null;
}

function presetChoice(request: Extract<CliRequest['source'], { kind: 'preset' }>): PresetParams {
  const choice = presetDefaults(request.preset);
  const o = request.options;
  if (choice.preset === 'job-window') {
    const p = choice.params;
    if (o.jobs !== undefined) p.jobs = o.jobs;
    if (o.maxsize !== undefined) p.maxsize = o.maxsize;
    if (o.durations !== undefined) p.durations = o.durations;
  } else {
    const p = choice.params;
    if (o.maxsize !== undefined) p.maxsize = o.maxsize;
    if (o.period !== undefined) p.period = o.period;
    if (o.work !== undefined) p.work = o.work;
  }
  return choice;
}

function summary(scenario: Scenario, trace: Trace, runMs: number): string {
  const timelines = taskTimelines(trace);
  const end = trace.end!;
  const states = { done: 0, failed: 0, cancelled: 0 };
  for (const t of timelines) if (t.endState) states[t.endState] += 1;
  const pending = timelines.filter((t) => t.endState === null).length;
  const rows: [string, string][] = [
    ['scenario', scenario.title ?? `${scenario.tasks.length} tasks`],
    ['end', `${end.reason} at t=${formatTime(end.time)} after ${end.iterations} loop iterations`],
    ['events', String(trace.eventCount)],
    ['makespan', `${formatTime(makespan(trace, timelines))} s`],
    ['peak concurrency', `${peakConcurrency(timelines)} tasks inside their sleep at once`],
    [
      'tasks',
      `${states.done} done, ${states.failed} failed, ${states.cancelled} cancelled, ${pending} unfinished`,
    ],
    ['run time', `${runMs.toFixed(3)} ms (simulation)`],
  ];
  return rows.map(([k, v]) => `${(k + ':').padEnd(18)}${v}`).join('\n') + '\n';
}

export function runCli(argv: string[], io: CliIo): CliResult {
  let request: CliRequest;
  try {
    request = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      return error.message.startsWith('usage:')
        ? { stdout: error.message + '\n', stderr: '', code: 0 }
        : fail(error.message);
    }
    throw error;
  }

  let scenario: Scenario;
  let python: () => string;
  if (request.source.kind === 'program') {
    const file = request.source.file;
    let text: string;
    try {
      text = io.readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return fail(
        `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}`,
      );
    }
    const result = parseScenario(text);
    if (!result.ok) {
      const more =
        result.errors.length > 1
          ? ` (and ${result.errors.length - 1} more problem${result.errors.length > 2 ? 's' : ''})`
          : '';
      return fail(`${file}: ${formatError(result.errors[0])}${more}`);
    }
    scenario = result.scenario;
    python = () => generatePython(result.scenario).code;
  } else {
    const built = buildPreset(presetChoice(request.source));
    scenario = built.scenario;
    python = () => built.python.code;
  }

  if (request.format === 'python') return { stdout: python(), stderr: '', code: 0 };
  if (request.format === 'scenario')
    return { stdout: JSON.stringify(scenario) + '\n', stderr: '', code: 0 };

  const endless = endlessRepeat(scenario);
  if (endless && request.until === undefined) {
    return fail(
      `the scenario runs forever (${endless} repeats with no "times"): give --until SECONDS`,
    );
  }
  const started = io.now();
  const trace = simulate(scenario, { until: request.until });
  const runMs = io.now() - started;
  const end = trace.end!;
  const stderr = end.message ? `sim: ${end.message}\n` : '';

  let stdout: string | Uint8Array;
  switch (request.format) {
    case 'log':
      stdout = formatLogBytes(trace);
      break;
    case 'markdown':
      stdout = markdownTable(trace, {
        labels: scenario.tasks.map(taskLabel),
        slot: request.slot,
        horizon: end.reason === 'until' ? request.until : undefined,
      });
      break;
    case 'json':
      stdout = JSON.stringify(traceToJson(trace)) + '\n';
      break;
    default:
      stdout = summary(scenario, trace, runMs);
  }
  return { stdout, stderr, code: 0 };
}

/** Steps in the scenario (for messages and benchmarks). */
export function stepCount(scenario: Scenario): number {
  return scenario.tasks.reduce((n, t) => n + flattenSteps(t.steps).length, 0);
}
