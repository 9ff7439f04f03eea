/**
 * `--python FILE.py`: the program run by CPython 3.14 (Pyodide) with the tracing runtime, on the
 * virtual clock. `log` is what the program prints (its stdout on ours, byte for byte; its stderr
 * on ours); `markdown`, `json` and `summary` are the scenario path's, made from the trace of its
 * run (src/python/chunk.ts builds it as the app does).
 *
 * Exit codes as `python FILE.py` gives them (0; 1 for an uncaught exception, its traceback on
 * stderr; `sys.exit(n)`), and 2 with one message naming the line for what CPython would hang on
 * or what cannot run here: a syntax error, an unsupported call, a deadlock, a loop that never
 * awaits, a livelock, a run too long (the event bound), a computation past the wall-clock budget.
 */
import { formatTime, type Trace } from '../engine';
import { Ev } from '../engine';
import { appendChunk, pythonTrace } from '../python/chunk';
import { markdownTable, TableTooLarge } from '../trace/markdown';
import { traceToJson } from '../trace/describe';
import type { CliRequest } from './args';
import type { HostOutcome } from './pythonHost';
import { cannotRead, fail, summary, type CliIo, type CliResult } from './sim';

/**
 * Events a run may record: an endless program without `--until` reaches it in about 2 s (and is
 * told to give `--until`), far sooner than the runtime's own bound of 50 million and the
 * wall-clock budget. (A job window of 2,000 tasks records about 30,000.)
 */
export const MAX_EVENTS = 500_000;
/** Events per chunk the runtime sends: output reaches us as the program runs. */
const CHUNK_EVENTS = 100_000;

/** The program's text as CPython reads a source file: UTF-8, its byte-order mark dropped. */
function sourceOf(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  } catch {
    return null;
  }
}

/**
 * What the program printed: stdout and stderr, as it wrote them; stderr only up to event
 * `errorsUpTo` (what Python said of our interrupt is left out).
 */
function printed(trace: Trace, errorsUpTo = trace.eventCount): { stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  for (let i = 0; i < trace.eventCount; i += 1) {
    if (trace.kind[i] !== Ev.PRINT) continue;
    const text = trace.string(trace.a[i]);
    const stream = trace.b[i];
    const toErr = stream === 1 || stream === 3;
    if (toErr && i >= errorsUpTo) continue;
    // 2 and 3: the last line of stdout and stderr, which the program ended without a newline.
    (toErr ? err : out).push(text, stream >= 2 ? '' : '\n');
  }
  return { stdout: out.join(''), stderr: err.join('') };
}

/** `sys.exit(...)`'s exit code, and what CPython prints for it (the runtime says its repr). */
function exitOf(message: string): { code: number; stderr: string } {
  const arg = /^sys\.exit\((.*)\)$/s.exec(message)?.[1];
  if (arg === undefined || arg === 'None') return { code: 0, stderr: '' };
  if (/^-?\d+$/.test(arg)) return { code: ((Number(arg) % 256) + 256) % 256, stderr: '' };
  const quoted = /^'([^'\\]*)'$|^"([^"\\]*)"$/.exec(arg);
  return { code: 1, stderr: `${quoted ? (quoted[1] ?? quoted[2]) : arg}\n` };
}

export async function runPython(request: CliRequest, file: string, io: CliIo): Promise<CliResult> {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(file);
  } catch (error) {
    return cannotRead(file, error);
  }
  const source = sourceOf(bytes);
  if (source === null) return fail(`${file}: not a text file in UTF-8`);
  if (!io.python) return fail('--python: Python cannot run here');

  const budget = request.budget!;
  const outcome: HostOutcome = await io.python().run({
    source,
    filename: file,
    until: request.until,
    limits: { maxEvents: MAX_EVENTS },
    chunkEvents: CHUNK_EVENTS,
    budgetMs: budget * 1000,
  });
  if (outcome.failure !== undefined) return fail(outcome.failure);

  const last = outcome.chunks.at(-1)?.end ?? null;
  const at = (line: number | undefined) =>
    line !== undefined && line > 0 ? `${file}, line ${line}` : file;
  if (last?.reason === 'syntax') {
    const s = last.syntax!;
    return fail(`${at(s.line)}, column ${s.column}: ${s.type}: ${s.message}`);
  }

  const trace = pythonTrace();
  let lastFrom = 0;
  for (const chunk of outcome.chunks) {
    lastFrom = trace.eventCount;
    appendChunk(trace, chunk);
  }
  const end = trace.end ?? null;
  const interrupted =
    outcome.budget !== undefined &&
    last?.reason === 'exception' &&
    last.error?.type === 'KeyboardInterrupt';
  // Our KeyboardInterrupt is not the program's: what Python said of it (its traceback, a task's
  // "exception was never retrieved"), from its traceback's first line on, is left out.
  let errorsUpTo = trace.eventCount;
  if (interrupted) {
    for (let i = lastFrom; i < trace.eventCount; i += 1)
      if (
        trace.kind[i] === Ev.PRINT &&
        trace.b[i] === 1 &&
        trace.string(trace.a[i]) === 'Traceback (most recent call last):'
      ) {
        errorsUpTo = i;
        break;
      }
  }
  const { stdout: out, stderr } = printed(trace, errorsUpTo);
  let err = stderr;

  // What the program did that CPython would hang on, or that cannot run here: exit 2.
  let problem: string | null = null;
  let code = 0;
  if (outcome.budget && (end === null || interrupted)) {
    const line = interrupted ? last.error!.line : -1;
    problem = `${at(line)}: stopped after ${budget} s of computing without returning to the event loop (the wall-clock budget: give --budget SECONDS for more)`;
  } else if (end === null) {
    problem = `${file}: the run ended without a word from Python`;
  } else {
    const lineOf = (task: number | undefined) => end.blocked.find((b) => b.task === task)?.step;
    switch (end.reason) {
      case 'complete': {
        const exit = exitOf(end.message);
        code = exit.code;
        err += exit.stderr;
        break;
      }
      case 'until':
        break;
      case 'exception':
        code = 1; // its traceback is on stderr, as CPython prints it
        break;
      case 'unsupported':
        problem = `${at(end.line)}: ${end.message.replace(/^line \d+: /, '')}`;
        break;
      case 'no-yield':
        problem = `${at(end.line)}: ${end.message.replace(` (line ${end.line})`, '')}`;
        break;
      case 'livelock':
        problem = `${at(lineOf(end.culprits[0]))}: ${end.message}`;
        break;
      case 'deadlock':
        problem = `${at(end.blocked[0]?.step)}: ${end.message} (CPython would wait forever)`;
        break;
      case 'event-limit': {
        const events = MAX_EVENTS.toLocaleString('en-US');
        problem =
          request.until === undefined
            ? `${at(end.line)}: the program did not end within ${events} events (at t=${formatTime(end.time)}): if it runs forever, give --until SECONDS`
            : `${at(end.line)}: stopped after ${events} events at t=${formatTime(end.time)}, before --until ${request.until}: give a smaller --until`;
        break;
      }
      default:
        problem = `${at(end.line)}: ${end.message}`;
    }
  }
  if (problem !== null) {
    code = 2;
    err += `sim: ${problem}\n`;
  }

  let stdout = '';
  // An endless program stopped by the bound: its output up to there is of no use (and big).
  const endless = end?.reason === 'event-limit' && request.until === undefined;
  switch (endless ? null : request.format) {
    case 'log':
      stdout = out;
      break;
    case 'markdown':
      if (end === null) break;
      try {
        stdout = markdownTable(trace, {
          labels: trace.tasks.map((t) => t.name),
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
    case 'summary':
      if (end === null) break;
      stdout = summary(
        ['program', file],
        trace,
        `${outcome.runMs.toFixed(3)} ms (CPython in Pyodide; loading it: ${outcome.loadMs.toFixed(0)} ms)`,
      );
  }
  return { stdout, stderr: err, code };
}
