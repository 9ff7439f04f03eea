/**
 * What runs a `--python` program for the command line: CPython (Pyodide) with the tracing
 * runtime, from its start to its end (or `--until`), the runtime's chunks handed over as they
 * come. The command line runs it in a worker thread (pythonWorker.ts), so that a program that
 * computes without end can be stopped by a wall-clock budget; the tests run it in-process.
 * Nothing here loads Pyodide: the scenario path of the bundle stays as fast as it was.
 */
import { Worker } from 'node:worker_threads';
import type { Chunk } from '../python/chunk';
import type { PythonLimits, PythonRuntime } from '../python/runtime';

export interface HostRun {
  source: string;
  /** The program's file name, as its tracebacks and our messages name it. */
  filename: string;
  until?: number;
  limits: PythonLimits;
  /** Events per chunk at most: what the program recorded reaches us as it runs. */
  chunkEvents: number;
  /** Wall-clock milliseconds the program may run (its load not counted). */
  budgetMs: number;
}

export interface HostOutcome {
  /** Every chunk the runtime gave, in order; the last one has `end` unless it was cut short. */
  chunks: Chunk[];
  /** Milliseconds to load Pyodide, and to run the program (the runtime's own time). */
  loadMs: number;
  runMs: number;
  /**
   * Stopped by the budget: `interrupted` when Python was interrupted (a KeyboardInterrupt, at a
   * line of the program), else the thread was ended where it stood (in C code: `sum(range(...))`).
   */
  budget?: { interrupted: boolean };
  /** Something of ours failed (Pyodide could not load...). */
  failure?: string;
}

export interface PythonHost {
  run(request: HostRun): Promise<HostOutcome>;
}

/**
 * Runs the program to its end: resumes a chunk that paused because it was full, and stops one
 * that paused at `until` (the runtime pauses before an iteration past it, and `stop` ends it
 * there, reason `until`).
 */
export function drive(runtime: PythonRuntime, run: HostRun, onChunk: (chunk: Chunk) => void) {
  const { until, chunkEvents } = run;
  let chunk = runtime.start(run.source, {
    until,
    chunkEvents,
    filename: run.filename,
    limits: run.limits,
  });
  onChunk(chunk);
  while (chunk.end === null) {
    const next = chunk.next ?? chunk.time;
    const atUntil = until !== undefined && (next > until || chunk.events.byteLength === 0);
    chunk = atUntil ? runtime.stop() : runtime.resume(until, chunkEvents);
    onChunk(chunk);
  }
  runtime.close();
}

/** In this thread, with a runtime loaded once (tests): no wall-clock budget can apply. */
export function inProcessHost(runtime: PythonRuntime, loadMs = 0): PythonHost {
  return {
    async run(request) {
      const chunks: Chunk[] = [];
      const started = performance.now();
      try {
        drive(runtime, request, (chunk) => chunks.push(chunk));
      } catch (error) {
        return { chunks, loadMs, runMs: 0, failure: (error as Error).message };
      }
      return { chunks, loadMs, runMs: performance.now() - started };
    },
  };
}

/** Tells the bundle, started as a worker, to serve a program (main.ts). */
export const WORKER_TAG = 'asyncio-sim-python';

export interface WorkerData {
  tag: typeof WORKER_TAG;
  run: Omit<HostRun, 'budgetMs'>;
  /** Pyodide's interrupt buffer: 2 (SIGINT) raises KeyboardInterrupt in the program. */
  interrupt: SharedArrayBuffer;
}

export type FromWorker =
  | { type: 'ready'; ms: number }
  | { type: 'chunk'; chunk: Chunk }
  | { type: 'done'; ms: number }
  | { type: 'error'; message: string };

/** After the interrupt, how long Python has to stop before its thread is ended. */
const GRACE_MS = 1000;

/** In a worker thread running `script` (the CLI's bundle), under the wall-clock budget. */
export function workerHost(script: string): PythonHost {
  return {
    run(request) {
      const { budgetMs, ...run } = request;
      const interrupt = new SharedArrayBuffer(4);
      const data: WorkerData = { tag: WORKER_TAG, run, interrupt };
      const worker = new Worker(script, { workerData: data, stdout: true, stderr: true });
      // Nothing of Pyodide's own output (its warnings) reaches the process's.
      worker.stdout.resume();
      worker.stderr.resume();
      const outcome: HostOutcome = { chunks: [], loadMs: 0, runMs: 0 };
      return new Promise<HostOutcome>((resolve) => {
        let budget: ReturnType<typeof setTimeout> | undefined;
        let grace: ReturnType<typeof setTimeout> | undefined;
        let interrupted = false;
        let runStarted = 0;
        let finished = false;
        const finish = () => {
          if (finished) return;
          finished = true;
          clearTimeout(budget);
          clearTimeout(grace);
          if (interrupted) outcome.budget = { interrupted: outcome.chunks.at(-1)?.end != null };
          void worker.terminate();
          resolve(outcome);
        };
        worker.on('message', (message: FromWorker) => {
          switch (message.type) {
            case 'ready':
              outcome.loadMs = message.ms;
              runStarted = performance.now();
              budget = setTimeout(() => {
                interrupted = true;
                Atomics.store(new Int32Array(interrupt), 0, 2);
                grace = setTimeout(() => {
                  outcome.runMs = performance.now() - runStarted;
                  finish();
                }, GRACE_MS);
              }, budgetMs);
              break;
            case 'chunk':
              outcome.chunks.push(message.chunk);
              break;
            case 'done':
              outcome.runMs = message.ms;
              finish();
              break;
            case 'error':
              outcome.failure = message.message;
              finish();
          }
        });
        worker.on('error', (error) => {
          if (!finished) outcome.failure ??= error.message;
          finish();
        });
        worker.on('exit', () => {
          if (!finished) outcome.failure ??= 'the Python thread ended';
          finish();
        });
      });
    },
  };
}
