import { beforeAll, describe, expect, it } from 'vitest';
import { loadOracle, type Oracle } from './pyodide';
import { compareWithCPython } from './compare';
import type { Scenario } from '../src/scenario/types';
import { taskEnds } from '../src/trace/records';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await loadOracle();
});

const server = (data: [number, string][], eof?: number, latency = 0.1) => ({
  type: 'Connection' as const,
  latency,
  data: data.map(([after, text]) => ({ after, text })),
  ...(eof === undefined ? {} : { eof }),
});

describe('streams against CPython (open_connection, readline, read, write, close)', () => {
  it('a client reading lines while a ticker sleeps', () => {
    const scenario: Scenario = {
      version: 1,
      primitives: {
        server: server(
          [
            [0.5, 'hello\n'],
            [1, 'wor'],
            [1.5, 'ld\nbye\n'],
          ],
          2,
        ),
      },
      tasks: [
        {
          name: 'client',
          steps: [
            { op: 'connect', conn: 'server' },
            { op: 'write', conn: 'server', text: 'GET\n' },
            {
              op: 'repeat',
              times: 4,
              steps: [
                { op: 'readline', conn: 'server' },
                { op: 'log', text: 'got {item}' },
              ],
            },
            { op: 'close', conn: 'server' },
          ],
        },
        {
          name: 'ticker',
          steps: [
            {
              op: 'repeat',
              times: 4,
              steps: [
                { op: 'sleep', seconds: 0.5 },
                { op: 'log', text: 'tick {n}' },
              ],
            },
          ],
        },
      ],
    };
    compareWithCPython(oracle, scenario);
  });
});

describe('the edges of streams, against CPython', () => {
  const two = (
    first: Scenario['tasks'][number]['steps'],
    second: Scenario['tasks'][number]['steps'],
    spec = server([[0.5, 'a\nb\n']], 1),
  ) => {
    const scenario: Scenario = {
      version: 1,
      primitives: { s: spec },
      tasks: [
        { name: 'one', steps: first },
        { name: 'two', steps: second },
      ],
    };
    return compareWithCPython(oracle, scenario).trace;
  };
  const ends = (trace: ReturnType<typeof two>) => taskEnds(trace);

  it('two readers at once: the second raises RuntimeError', () => {
    const trace = two(
      [
        { op: 'connect', conn: 's' },
        { op: 'readline', conn: 's' },
      ],
      [
        { op: 'sleep', seconds: 0.2 },
        { op: 'read', conn: 's', n: 1 },
      ],
    );
    expect(ends(trace).two).toEqual({
      state: 'failed',
      error:
        'RuntimeError: read() called while another coroutine is already waiting for incoming data',
    });
  });
  it('a read before the connection is open raises KeyError', () => {
    const trace = two([{ op: 'connect', conn: 's' }], [{ op: 'readline', conn: 's' }]);
    expect(ends(trace).two).toEqual({ state: 'failed', error: "KeyError: 's'" });
  });
  it('closing while another task waits in readline() wakes it at EOF', () => {
    const trace = two(
      [
        { op: 'connect', conn: 's' },
        { op: 'sleep', seconds: 0.1 },
        { op: 'close', conn: 's' },
      ],
      [
        { op: 'sleep', seconds: 0.2 },
        { op: 'readline', conn: 's' },
        { op: 'log', text: 'got [{item}]' },
        { op: 'write', conn: 's', text: 'late' },
      ],
      server([[1, 'x\n']]),
    );
    expect(ends(trace).two).toEqual({
      state: 'failed',
      error: 'ConnectionResetError: Connection lost',
    });
  });
  it('data and EOF at the same instant take two iterations; readline after EOF returns at once', () => {
    two(
      [
        { op: 'connect', conn: 's' },
        {
          op: 'repeat',
          times: 4,
          steps: [
            { op: 'readline', conn: 's' },
            { op: 'log', text: '[{item}]' },
          ],
        },
      ],
      [
        {
          op: 'repeat',
          times: 6,
          steps: [
            { op: 'sleep', seconds: 0.25 },
            { op: 'log', text: 'tick' },
          ],
        },
      ],
      server(
        [
          [0.5, 'a\nb'],
          [0.5, 'c\n'],
        ],
        0.5,
        0,
      ),
    );
  });
});

describe('random programs on connections', () => {
  it('match CPython event for event, and their generated code prints the same', async () => {
    const { randomIoCase } = await import('./arbitrary');
    const { default: fc } = await import('fast-check');
    const { formatLog } = await import('../src/trace/log');
    const { generatePython } = await import('../src/scenario/python');
    const reasons = new Map<string, number>();
    const errors = new Map<string, number>();
    fc.assert(
      fc.property(randomIoCase(), ({ scenario, until }) => {
        const { trace } = compareWithCPython(oracle, scenario, {
          until,
          maxOpsPerStep: 200,
          maxIterationsPerInstant: 200,
        });
        const reason = trace.end!.reason;
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        for (const end of Object.values(taskEnds(trace)))
          if (end.state === 'failed') errors.set(end.error, (errors.get(end.error) ?? 0) + 1);
        if (!['no-yield', 'livelock'].includes(reason)) {
          expect(oracle.runGenerated(generatePython(scenario).code, until)).toBe(formatLog(trace));
        }
      }),
      { seed: 11, numRuns: 400 },
    );
    expect(reasons.get('complete')).toBeGreaterThan(50);
    expect(reasons.get('deadlock')).toBeGreaterThan(20);
    // A Ctrl-C, an endless loop stopped at `until`, a read spinning on EOF (no-yield).
    expect(reasons.get('interrupted')).toBeGreaterThan(30);
    expect(reasons.get('until')).toBeGreaterThan(5);
    expect(reasons.get('no-yield')).toBeGreaterThan(5);
    // The mistakes CPython raises for come up too.
    for (const error of ['ConnectionResetError: Connection lost', "KeyError: 'c0'"])
      expect([...errors.keys()]).toContain(error);
  });
});

describe('the streams preset', () => {
  it('matches CPython and its code prints the same, for a few parameter sets, in both languages', async () => {
    const { buildPreset } = await import('../src/scenario/presets');
    const { formatLog } = await import('../src/trace/log');
    for (const lang of ['en', 'fr'] as const) {
      for (const params of [
        { clients: 2, lines: 3, interval: 1, latency: 0.5 },
        { clients: 3, lines: 2, interval: 0.5, latency: 0 },
        { clients: 1, lines: 4, interval: 0.25, latency: 1 },
      ]) {
        const { scenario, python } = buildPreset({ preset: 'io-streams', params }, lang);
        const { trace } = compareWithCPython(oracle, scenario);
        expect(trace.end!.reason).toBe('complete');
        expect(oracle.runGenerated(python.code)).toBe(formatLog(trace));
      }
    }
  });
});

describe('random programs on processes (create_subprocess_exec, stdout, wait)', () => {
  it('match CPython event for event, and their generated code prints the same', async () => {
    const { randomProcCase } = await import('./arbitrary');
    const { default: fc } = await import('fast-check');
    const { formatLog } = await import('../src/trace/log');
    const { generatePython } = await import('../src/scenario/python');
    const reasons = new Map<string, number>();
    fc.assert(
      fc.property(randomProcCase(), ({ scenario }) => {
        const { trace } = compareWithCPython(oracle, scenario, { maxOpsPerStep: 200 });
        const reason = trace.end!.reason;
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        if (reason !== 'no-yield') {
          expect(oracle.runGenerated(generatePython(scenario).code)).toBe(formatLog(trace));
        }
      }),
      { seed: 13, numRuns: 300 },
    );
    expect(reasons.get('complete')).toBeGreaterThan(50);
    expect(reasons.get('interrupted')).toBeGreaterThan(20);
  });
});

describe('the subprocess preset', () => {
  it('matches CPython and its code prints the same, in both languages', async () => {
    const { buildPreset } = await import('../src/scenario/presets');
    const { formatLog } = await import('../src/trace/log');
    for (const lang of ['en', 'fr'] as const) {
      for (const params of [
        { workers: 2, lines: 2, interval: 1 },
        { workers: 3, lines: 1, interval: 0.25 },
      ]) {
        const { scenario, python } = buildPreset({ preset: 'io-subprocess', params }, lang);
        const { trace } = compareWithCPython(oracle, scenario);
        expect(trace.end!.reason).toBe('complete');
        expect(oracle.runGenerated(python.code)).toBe(formatLog(trace));
      }
    }
  });
});
