import { expect } from 'vitest';
import { simulate, type RunOptions } from '../src/engine';
import type { Scenario } from '../src/scenario/types';
import { stepRecords, taskEnds } from '../src/trace/records';
import { formatLog } from '../src/trace/log';
import type { Oracle } from './pyodide';

/**
 * Runs a scenario in the simulator and in CPython, and expects the same thing: every step's
 * completion (loop iteration, virtual time, task, step), the log, how each task ended, why the
 * run stopped and after how many loop iterations.
 */
export function compareWithCPython(oracle: Oracle, scenario: Scenario, options: RunOptions = {}) {
  const trace = simulate(scenario, options);
  const python = oracle.run(scenario, options);
  const end = trace.end!;
  expect(stepRecords(trace)).toEqual(python.records);
  expect(formatLog(trace)).toBe(python.log);
  expect(taskEnds(trace)).toEqual(python.end.tasks);
  expect({ reason: end.reason, iterations: end.iterations }).toEqual({
    reason: python.end.reason,
    iterations: python.end.iterations,
  });
  return { trace, python };
}
