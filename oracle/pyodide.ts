/**
 * Loads CPython 3.14 (the pinned `pyodide` package) in Node, offline, with oracle.py imported.
 * One interpreter serves a whole test file: loading takes about two seconds.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide, type PyodideInterface } from 'pyodide';
import type { Scenario } from '../src/scenario/types';

export type OracleRecord = [
  iteration: number,
  time: number,
  task: string,
  step: number,
  kind: string,
  extra: string | boolean | null,
];

export interface OracleTaskEnd {
  state: 'done' | 'failed' | 'cancelled' | 'pending' | 'unstarted';
  error?: string;
  step?: number;
}

export interface OracleResult {
  records: OracleRecord[];
  log: string;
  end: {
    reason: string;
    iterations: number;
    time: number;
    tasks: Record<string, OracleTaskEnd>;
  };
}

export interface OracleOptions {
  until?: number;
  maxIterationsPerInstant?: number;
  maxOpsPerStep?: number;
}

export interface Oracle {
  readonly version: string;
  run(scenario: Scenario, options?: OracleOptions): OracleResult;
  /** The log alone, by `run_log` (the lean path of `oracle.py --format log`). */
  runLog(scenario: Scenario, options?: OracleOptions): string;
  /** Runs generated code's `main()` on the virtual-clock loop; returns what it printed. */
  runGenerated(code: string, until?: number): string;
  /** Runs a whole program in plain asyncio on the virtual clock: what it prints. */
  runProgram(source: string): { stdout: string; stderr: string };
}

const here = dirname(fileURLToPath(import.meta.url));

/** `source`: oracle.py's text (read next to this file by default; a bundle passes it). */
export async function loadOracle(source?: string): Promise<Oracle> {
  const require = createRequire(import.meta.url);
  const indexURL = dirname(require.resolve('pyodide/package.json'));
  const py: PyodideInterface = await loadPyodide({ indexURL });
  py.FS.mkdirTree('/oracle');
  py.FS.writeFile('/oracle/oracle.py', source ?? readFileSync(join(here, 'oracle.py'), 'utf8'));
  py.runPython('import sys; sys.path.insert(0, "/oracle"); import oracle');
  const oracle = py.pyimport('oracle');
  const version = py.runPython('import sys; sys.version') as string;
  return {
    version,
    run(scenario, options = {}) {
      const json = oracle.run_json.callKwargs(JSON.stringify(scenario), {
        until: options.until,
        max_iterations_per_instant: options.maxIterationsPerInstant ?? 100_000,
        max_ops_per_step: options.maxOpsPerStep ?? 1_000_000,
      }) as string;
      return JSON.parse(json) as OracleResult;
    },
    runLog(scenario, options = {}) {
      return oracle.run_log_json.callKwargs(JSON.stringify(scenario), {
        until: options.until,
        max_iterations_per_instant: options.maxIterationsPerInstant ?? 100_000,
        max_ops_per_step: options.maxOpsPerStep ?? 1_000_000,
      }) as string;
    },
    runGenerated(code, until) {
      return oracle.run_generated.callKwargs(code, { until }) as string;
    },
    runProgram(source) {
      const result = oracle.run_program(source);
      const [stdout, stderr] = result.toJs() as [string, string];
      result.destroy();
      return { stdout, stderr };
    },
  };
}
