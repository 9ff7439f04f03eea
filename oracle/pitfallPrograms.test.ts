/**
 * The pitfalls only a real program shows (src/python/pitfallPrograms.ts): in Python mode they
 * print exactly what plain CPython asyncio prints on the same virtual clock (oracle.py's
 * run_program), stderr included: the RuntimeWarning of a coroutine never awaited, at its line.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Ev } from '../src/engine';
import { appendChunk, pythonTrace } from '../src/python/chunk';
import { loadPythonRuntime } from '../src/python/node';
import type { PythonRuntime } from '../src/python/runtime';
import { PITFALL_PROGRAMS, whichPitfallProgram } from '../src/python/pitfallPrograms';
import { loadOracle, type Oracle } from './pyodide';

let runtime: PythonRuntime;
let oracle: Oracle;
beforeAll(async () => {
  [runtime, oracle] = await Promise.all([loadPythonRuntime(), loadOracle()]);
});

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
  return { stdout: out.join(''), stderr: err.join(''), end: trace.end?.reason };
}

const lineOf = (source: string, text: string) =>
  source.split('\n').findIndex((line) => line.trim() === text) + 1;

describe('the pitfall programs and their fixes', () => {
  for (const [id, { pitfall, fixed }] of Object.entries(PITFALL_PROGRAMS)) {
    for (const [version, source] of [
      ['pitfall', pitfall],
      ['fixed', fixed],
    ] as const) {
      it(`${id} (${version}) prints in Python mode what CPython prints`, () => {
        const plain = oracle.runProgram(source);
        const mode = traced(source);
        expect(mode.stdout).toBe(plain.stdout);
        expect(mode.stderr).toBe(plain.stderr);
        expect(mode.end).toBe('complete');
        expect(whichPitfallProgram(source)).toEqual({ id, fixed: version === 'fixed' });
      });
    }
  }

  it('a coroutine never awaited: the warning names its line; the fix saves', () => {
    const { pitfall, fixed } = PITFALL_PROGRAMS['forgotten-await'];
    const mode = traced(pitfall);
    expect(mode.stdout).toBe('main done, and nothing was saved\n');
    expect(mode.stderr).toContain(
      `main.py:${lineOf(pitfall, 'save(1)')}: RuntimeWarning: coroutine 'save' was never awaited\n  save(1)\n`,
    );
    const ok = traced(fixed);
    expect(ok.stdout).toBe('saved 1\nmain done\n');
    expect(ok.stderr).toBe('');
  });

  it('a task not kept still runs, but asyncio.run cancels it when main returns first', () => {
    const { pitfall, fixed } = PITFALL_PROGRAMS['task-not-kept'];
    expect(traced(pitfall).stdout).toBe(
      'short starts\nlong starts\nshort done\nmain returns\nlong cancelled: main returned first\n',
    );
    expect(traced(fixed).stdout).toBe(
      'short starts\nlong starts\nshort done\nlong done\nmain returns\n',
    );
  });
});
