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
      "tasks[2].steps[0].lock: 'q' is of type Queue, not Lock, Semaphore or BoundedSemaphore",
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

  it('checks task_done and join like the other queue steps', () => {
    expect(
      validateScenario(
        base([
          { op: 'task_done', queue: 'q' },
          { op: 'join', queue: 'q' },
        ]),
      ).ok,
    ).toBe(true);
    expect(firstError(base([{ op: 'join', queue: 'l' }]))).toBe(
      "tasks[2].steps[0].queue: 'l' is of type Lock, not Queue",
    );
    expect(firstError(base([{ op: 'task_done', queue: 'q', value: 1 }]))).toBe(
      'tasks[2].steps[0].value: unknown key (expected op, queue)',
    );
  });

  it('starts a task marked "start": false by its one spawn step, outside any repeat', () => {
    const tasks = (...list: unknown[]) => ({ version: 1, tasks: list });
    const spawn = (task: string) => ({ op: 'spawn', task });
    const ok = validateScenario(
      tasks(
        { name: 'main', steps: [spawn('child'), { op: 'await', task: 'child' }] },
        { name: 'child', start: false, steps: [spawn('grandchild')] },
        { name: 'grandchild', start: false, steps: [] },
      ),
    );
    expect(ok.ok).toBe(true);
    expect(firstError(tasks({ name: 'a', start: 'no', steps: [] }))).toBe(
      'tasks[0].start: must be true or false',
    );
    expect(firstError(tasks({ name: 'a', steps: [spawn('zed')] }))).toBe(
      "tasks[0].steps[0].task: no task named 'zed'",
    );
    expect(firstError(tasks({ name: 'a', steps: [spawn('b')] }, { name: 'b', steps: [] }))).toBe(
      `tasks[0].steps[0].task: 'b' starts with the loop; give it "start": false to start it with spawn`,
    );
    expect(
      firstError(
        tasks(
          { name: 'a', steps: [{ op: 'repeat', times: 2, steps: [spawn('b')] }] },
          { name: 'b', start: false, steps: [] },
        ),
      ),
    ).toBe('tasks[0].steps[0].steps[0]: spawn cannot be inside a repeat (a task is spawned once)');
    expect(
      firstError(
        tasks(
          { name: 'a', steps: [spawn('b')] },
          { name: 'b', start: false, steps: [] },
          { name: 'c', steps: [{ op: 'log', text: 'x' }, spawn('b')] },
        ),
      ),
    ).toBe(
      "tasks[2].steps[1].task: 'b' is already started at tasks[0].steps[0] (a task is started once)",
    );
    expect(
      firstError(tasks({ name: 'a', steps: [] }, { name: 'b', start: false, steps: [] })),
    ).toBe("tasks[1].start: 'b' is never started (no spawn or gather step names it)");
    expect(
      firstError(
        tasks(
          { name: 'a', steps: [] },
          { name: 'b', start: false, steps: [spawn('c')] },
          { name: 'c', start: false, steps: [spawn('b')] },
        ),
      ),
    ).toBe("tasks[1].start: 'b' can never start: the tasks that would spawn it never start");
  });

  it('gathers tasks marked "start": false, each started once, outside any repeat', () => {
    const scenarioWith = (steps: unknown[], start = false) => ({
      version: 1,
      tasks: [
        { name: 'a', steps },
        { name: 'b', start, steps: [] },
        { name: 'c', start: false, steps: [{ op: 'await', task: 'b' }] },
      ],
    });
    const gather = (...tasks: unknown[]) => ({ op: 'gather', tasks });
    expect(validateScenario(scenarioWith([gather('b', 'c')])).ok).toBe(true);
    expect(firstError(scenarioWith([gather()]))).toBe(
      'tasks[0].steps[0].tasks: must be a non-empty array of task names',
    );
    expect(firstError(scenarioWith([gather('b', 'c', 'b')]))).toBe(
      "tasks[0].steps[0].tasks[2]: 'b' is already gathered here",
    );
    expect(firstError(scenarioWith([gather('b', 'zed', 'c')]))).toBe(
      "tasks[0].steps[0].tasks[1]: no task named 'zed'",
    );
    expect(firstError(scenarioWith([gather('b', 'c')], true))).toBe(
      `tasks[0].steps[0].tasks[0]: 'b' starts with the loop; give it "start": false to start it with gather`,
    );
    expect(firstError(scenarioWith([{ op: 'spawn', task: 'c' }, gather('b', 'c')]))).toBe(
      "tasks[0].steps[1].tasks[1]: 'c' is already started at tasks[0].steps[0] (a task is started once)",
    );
    expect(firstError(scenarioWith([{ op: 'repeat', times: 1, steps: [gather('b', 'c')] }]))).toBe(
      'tasks[0].steps[0].steps[0]: gather cannot be inside a repeat (it creates its tasks once)',
    );
    expect(
      firstError({
        version: 1,
        tasks: [
          { name: 'a', steps: [gather('b')] },
          { name: 'b', start: false, steps: [{ op: 'await', task: 'a' }] },
        ],
      }),
    ).toBe(
      "tasks[1].steps[0].task: 'a' awaits 'b' (directly or not): they would wait for each other forever",
    );
  });

  it('lets a task await any other task, but not itself nor one that awaits it', () => {
    const awaiting = (task: string) => ({ op: 'await', task });
    expect(firstError(base([awaiting('c')]))).toBe(
      'tasks[2].steps[0].task: a task cannot await itself',
    );
    expect(firstError(base([awaiting('nope')]))).toBe(
      "tasks[2].steps[0].task: no task named 'nope'",
    );
    expect(
      firstError({
        version: 1,
        tasks: [
          { name: 'a', steps: [awaiting('b')] },
          { name: 'b', steps: [{ op: 'repeat', times: 1, steps: [awaiting('c')] }] },
          { name: 'c', steps: [awaiting('a')] },
        ],
      }),
    ).toBe(
      "tasks[2].steps[0].task: 'a' awaits 'c' (directly or not): they would wait for each other forever",
    );
  });

  it('reports the task no step starts, not those it would start in turn', () => {
    // X (never started) spawns B, which spawns A: only X is at fault, whatever the order.
    const result = validateScenario({
      version: 1,
      tasks: [
        { name: 'A', start: false, steps: [] },
        { name: 'B', start: false, steps: [{ op: 'spawn', task: 'A' }] },
        { name: 'X', start: false, steps: [{ op: 'spawn', task: 'B' }] },
        { name: 'main', steps: [] },
      ],
    });
    if (result.ok) throw new Error('expected an error');
    expect(result.errors.map(formatError)).toEqual([
      "tasks[2].start: 'X' is never started (no spawn or gather step names it)",
    ]);
  });

  it("knows no op or type named after an object's own properties, and keeps a primitive named __proto__", () => {
    for (const op of ['constructor', 'hasOwnProperty', '__proto__', 'valueOf']) {
      expect(firstError(base([{ op }]))).toMatch(
        /^tasks\[2\]\.steps\[0\]\.op: must be one of sleep, /,
      );
    }
    for (const type of ['toString', 'constructor', '__proto__']) {
      expect(firstError(base([], { p: { type } }))).toMatch(
        /^primitives\.p\.type: must be one of Queue, /,
      );
    }
    // As JSON.parse reads it: "__proto__" an own key, like any other name.
    const result = parseScenario(
      '{"version": 1, "tasks": [{"name": "a", "steps": [{"op": "put", "queue": "__proto__"}]}], "primitives": {"__proto__": {"type": "Queue"}}}',
    );
    if (!result.ok) throw new Error(formatError(result.errors[0]));
    expect(Object.keys(result.scenario.primitives)).toEqual(['__proto__']);
    expect(JSON.stringify(result.scenario.primitives)).toBe(
      '{"__proto__":{"type":"Queue","maxsize":0}}',
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

  it('reports invalid JSON with the words of the parser, and where it breaks', () => {
    const result = parseScenario('{"version": 1,\n  "tasks": [}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatError(result.errors[0])).toMatch(/^not valid JSON: /);
    expect(result.errors[0]).toMatchObject({
      path: '',
      code: 'jsonChar',
      params: { line: 2, column: 13, found: '}' },
    });
    const cut = parseScenario('{"version": 1,');
    expect(!cut.ok && cut.errors[0]).toMatchObject({ code: 'jsonEnd', params: { line: 1 } });
    const empty = parseScenario(' \n');
    expect(!empty.ok && empty.errors[0].code).toBe('jsonEmpty');
  });

  it('gives each error a code and its values, for the app to say in its language', () => {
    const result = validateScenario(
      base([{ op: 'repeat', times: 2, steps: [{ op: 'acquire', lock: 'q' }] }]),
    );
    expect(!result.ok && result.errors[0]).toEqual({
      path: 'tasks[2].steps[0].steps[0].lock',
      code: 'wrongPrimitive',
      params: { name: 'q', type: 'Queue', what: ['Lock', 'Semaphore', 'BoundedSemaphore'] },
    });
  });
});

describe('Connections (simulated I/O)', () => {
  const conn = { c: { type: 'Connection', latency: 0.1, data: [{ after: 1, text: 'hi\n' }] } };
  it('accepts a connection and its steps, latency and data defaulting to none', () => {
    const result = validateScenario(
      base(
        [
          { op: 'connect', conn: 'c' },
          { op: 'write', conn: 'c', text: 'GET {n}\n' },
          { op: 'repeat', times: 2, steps: [{ op: 'readline', conn: 'c' }] },
          { op: 'read', conn: 'c', n: 3 },
          { op: 'close', conn: 'c' },
        ],
        { ...conn, d: { type: 'Connection' } },
      ),
    );
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.scenario.primitives.d).toEqual({ type: 'Connection', latency: 0, data: [] });
  });
  it('names what is wrong in a server', () => {
    const server = (spec: object) => base([], { c: { type: 'Connection', ...spec } });
    expect(firstError(server({ latency: -1 }))).toBe('primitives.c.latency: must be a number >= 0');
    expect(
      firstError(
        server({
          data: [
            { after: 1, text: 'b' },
            { after: 0.5, text: 'a' },
          ],
        }),
      ),
    ).toBe(
      'primitives.c.data[1].after: must be an array of {"after": seconds, "text": "..."} in time order',
    );
    expect(firstError(server({ data: [{ after: 0, text: 'é' }] }))).toBe(
      'primitives.c.data[0].text: must be ASCII text (the bytes the server sends)',
    );
    expect(firstError(server({ data: [{ after: 2, text: 'a' }], eof: 1 }))).toBe(
      'primitives.c.eof: must be at or after the time of the last data (2)',
    );
  });
  it('opens and closes a connection once, outside any repeat, and does not mix it with cancel', () => {
    const connect = { op: 'connect', conn: 'c' };
    expect(firstError(base([connect, connect], conn))).toBe(
      "tasks[2].steps[1]: 'c' is already connected at tasks[2].steps[0] (a connection is opened once)",
    );
    expect(firstError(base([{ op: 'repeat', steps: [{ op: 'close', conn: 'c' }] }], conn))).toBe(
      'tasks[2].steps[0].steps[0]: close cannot be inside a repeat (a connection is closed once)',
    );
    expect(
      firstError(base([{ op: 'readline', conn: 'q' }], { ...conn, q: { type: 'Queue' } })),
    ).toBe("tasks[2].steps[0].conn: 'q' is of type Queue, not Connection");
    expect(firstError(base([{ op: 'read', conn: 'c', n: 0 }], conn))).toBe(
      'tasks[2].steps[0].n: must be an integer >= 1',
    );
    expect(firstError(base([{ op: 'cancel', task: 'a' }], conn))).toBe(
      'tasks[2].steps[0]: cancel is not simulated in a scenario with a Connection or a Process yet',
    );
  });
});

describe('Processes (simulated subprocesses)', () => {
  const proc = { w: { type: 'Process', output: [{ after: 0.5, text: 'x\n' }], exit: 1 } };
  it('accepts a process and its steps, the returncode defaulting to 0', () => {
    const result = validateScenario(
      base(
        [
          { op: 'exec', proc: 'w' },
          { op: 'readline', proc: 'w' },
          { op: 'read', proc: 'w', n: 2 },
          { op: 'proc_wait', proc: 'w' },
        ],
        proc,
      ),
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario.primitives.w).toEqual({ ...proc.w, returncode: 0 });
  });
  it('names what is wrong', () => {
    const program = (spec: object) => base([], { w: { type: 'Process', exit: 1, ...spec } });
    expect(firstError(program({ exit: -1 }))).toBe('primitives.w.exit: must be a number >= 0');
    expect(firstError(program({ output: [{ after: 2, text: 'a' }] }))).toBe(
      'primitives.w.exit: must be at or after the time of the last data (2)',
    );
    expect(firstError(program({ returncode: 256 }))).toBe(
      'primitives.w.returncode: must be an integer from 0 to 255',
    );
    const exec = { op: 'exec', proc: 'w' };
    expect(firstError(base([exec, exec], proc))).toBe(
      "tasks[2].steps[1]: 'w' is already started at tasks[2].steps[0] (a process is started once)",
    );
    expect(firstError(base([{ op: 'readline', proc: 'w', conn: 'w' }], proc))).toBe(
      'tasks[2].steps[0].proc: a step reads a Connection ("conn") or a Process\'s stdout ("proc"), not both',
    );
  });
});
