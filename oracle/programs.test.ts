/**
 * Instrumentation changes nothing: dozens of hand-written programs (oracle/programs/*.py),
 * each using some of asyncio's API, print exactly the same in Python mode (the tracing runtime)
 * as in plain CPython asyncio on the same virtual clock (oracle.py's run_program). Both run in
 * CPython 3.14 (Pyodide).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ev } from '../src/engine';
import { appendChunk, pythonTrace } from '../src/python/chunk';
import { loadPythonRuntime } from '../src/python/node';
import type { PythonRuntime } from '../src/python/runtime';
import { loadOracle, type Oracle } from './pyodide';

const folder = join(dirname(fileURLToPath(import.meta.url)), 'programs');
const programs = readdirSync(folder)
  .filter((name) => name.endsWith('.py'))
  .sort();

let runtime: PythonRuntime;
let oracle: Oracle;
beforeAll(async () => {
  [runtime, oracle] = await Promise.all([loadPythonRuntime(), loadOracle()]);
});

/** What the program printed in Python mode: its stdout, and its stderr. */
function traced(source: string) {
  const trace = pythonTrace();
  appendChunk(trace, runtime.start(source));
  const out: string[] = [];
  const err: string[] = [];
  for (let i = 0; i < trace.eventCount; i += 1) {
    if (trace.kind[i] !== Ev.PRINT) continue;
    const text = trace.string(trace.a[i]);
    const b = trace.b[i];
    if (b === 1) err.push(text + '\n');
    else out.push(b === 2 ? text : text + '\n');
  }
  return { stdout: out.join(''), stderr: err.join(''), trace };
}

/**
 * Default task names count the tasks of the whole interpreter in plain CPython (its tests run
 * one program after another); Python mode numbers them per program, as a fresh process does.
 */
const numbered = (text: string) => text.replace(/Task-\d+/g, 'Task-N');

/** The last line of a traceback: the exception, as CPython says it. */
const lastLine = (text: string) => text.trimEnd().split('\n').pop() ?? '';

describe('hand-written programs', () => {
  it('are there, dozens of them', () => {
    expect(programs.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of programs) {
    it(`${name} prints the same in Python mode as in plain asyncio`, () => {
      const source = readFileSync(join(folder, name), 'utf8');
      const plain = oracle.runProgram(source);
      const mode = traced(source);
      expect(plain.stdout.length).toBeGreaterThan(0);
      expect(numbered(mode.stdout)).toBe(numbered(plain.stdout));
      // Tracebacks differ only in asyncio's own frames: the exception is the same.
      expect(lastLine(mode.stderr)).toBe(lastLine(plain.stderr));
      expect(mode.trace.end?.reason).toBe(
        plain.stderr.includes('Traceback') && !plain.stderr.includes('never retrieved')
          ? 'exception'
          : 'complete',
      );
    });
  }
});
