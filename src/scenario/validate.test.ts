import { describe, expect, it } from 'vitest';
import { formatError, parseScenario, validateScenario } from './validate';

function firstError(input: unknown): string {
  const result = validateScenario(input);
  if (result.ok) throw new Error('expected an error');
  return formatError(result.errors[0]);
}

const base = (
  steps: unknown[],
  primitives: unknown = { q: { type: 'Queue', maxsize: 1 }, l: { type: 'Lock' } },
) => ({
  version: 1,
  primitives,
  tasks: [
    { name: 'a', steps: [] },
    { name: 'b', steps: [] },
    { name: 'c', steps },
  ],
});

describe('scenario validation', () => {
  it('accepts a valid scenario and fills in defaults', () => {
    const result = validateScenario({
      version: 1,
      primitives: { q: { type: 'Queue' }, s: { type: 'Semaphore' } },
      tasks: [
        {
          name: 'a',
          steps: [
            { op: 'put', queue: 'q' },
            { op: 'repeat', steps: [{ op: 'get', queue: 'q' }] },
          ],
        },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.primitives).toEqual({
      q: { type: 'Queue', maxsize: 0 },
      s: { type: 'Semaphore', value: 1 },
    });
    expect(result.scenario.tasks[0].steps[0]).toEqual({ op: 'put', queue: 'q', value: null });
  });

  it('names the exact place of a problem', () => {
    expect(
      firstError(
        base([
          { op: 'log', text: 'x' },
          { op: 'sleep', seconds: -1 },
        ]),
      ),
    ).toBe('tasks[2].steps[1].seconds: must be a number >= 0');
    expect(
      firstError(base([{ op: 'repeat', times: 2, steps: [{ op: 'sleep', seconds: 'one' }] }])),
    ).toBe('tasks[2].steps[0].steps[0].seconds: must be a number >= 0');
    expect(firstError(base([{ op: 'get', queue: 'nope' }]))).toBe(
      `tasks[2].steps[0].queue: no primitive named 'nope' in "primitives" (declared: 'q')`,
    );
    expect(firstError(base([{ op: 'acquire', lock: 'q' }]))).toBe(
      "tasks[2].steps[0].lock: 'q' is a Queue, not a Lock, Semaphore or BoundedSemaphore",
    );
    expect(firstError(base([{ op: 'jump' }]))).toMatch(
      /^tasks\[2\]\.steps\[0\]\.op: must be one of sleep, put/,
    );
    expect(firstError(base([{ op: 'sleep', secs: 1 }]))).toBe(
      'tasks[2].steps[0].secs: unknown key (expected op, seconds)',
    );
    expect(firstError(base([], { 'my queue': { type: 'Queue', maxsize: 1.5 } }))).toBe(
      'primitives["my queue"].maxsize: must be an integer (0 or less: unbounded)',
    );
    expect(firstError(base([{ op: 'repeat', times: -1, steps: [] }]))).toBe(
      'tasks[2].steps[0].times: must be an integer >= 0',
    );
    expect(firstError(base([{ op: 'cancel', task: 'zed' }]))).toBe(
      "tasks[2].steps[0].task: no task named 'zed'",
    );
  });

  it('rejects bad tops, names and versions', () => {
    expect(firstError([])).toMatch(/must be a JSON object/);
    expect(firstError({ version: 2, tasks: [{ name: 'a', steps: [] }] })).toBe(
      'version: must be 1',
    );
    expect(firstError({ version: 1, tasks: [] })).toBe('tasks: must have at least one task');
    expect(
      firstError({
        version: 1,
        tasks: [
          { name: 'a', steps: [] },
          { name: 'a', steps: [] },
        ],
      }),
    ).toBe("tasks[1].name: 'a' is already the name of another task");
    expect(firstError({ version: 1, tasks: [{ name: 'a b', steps: [] }] })).toMatch(
      /^tasks\[0\]\.name: must not contain spaces/,
    );
    expect(
      firstError({ version: 1, tasks: [{ name: 'a', steps: [{ op: 'log', text: '\ud800' }] }] }),
    ).toMatch(/lone surrogate/);
  });

  it('limits how deep repeats nest (Python allows 20 nested blocks)', () => {
    let steps: unknown[] = [{ op: 'log', text: 'deep' }];
    for (let i = 0; i < 11; i += 1) steps = [{ op: 'repeat', times: 1, steps }];
    expect(firstError({ version: 1, tasks: [{ name: 'a', steps }] })).toMatch(
      /repeats nest at most 10 deep/,
    );
  });

  it('reports invalid JSON', () => {
    const result = parseScenario('{"version": 1,');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatError(result.errors[0])).toMatch(/^not valid JSON: /);
  });
});
