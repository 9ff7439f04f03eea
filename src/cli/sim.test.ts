import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { runCli } from './sim';

const files: Record<string, string> = {
  'ok.json': JSON.stringify({
    version: 1,
    tasks: [
      {
        name: 'a',
        steps: [
          { op: 'sleep', seconds: 0.5 },
          { op: 'log', text: 'hi' },
        ],
      },
    ],
  }),
  'bad.json': JSON.stringify({
    version: 1,
    tasks: [{ name: 'a', steps: [{ op: 'sleep', seconds: -2 }] }],
  }),
  'broken.json': '{"version": 1,',
  'forever.json': JSON.stringify({
    version: 1,
    tasks: [{ name: 'a', steps: [{ op: 'repeat', steps: [{ op: 'sleep', seconds: 1 }] }] }],
  }),
  'stuck.json': JSON.stringify({
    version: 1,
    primitives: { q: { type: 'Queue' } },
    tasks: [{ name: 'c', steps: [{ op: 'get', queue: 'q' }] }],
  }),
  'workers.json': JSON.stringify({
    version: 1,
    primitives: { jobs: { type: 'Queue' } },
    tasks: [
      {
        name: 'starter',
        steps: [
          { op: 'cancel', task: 'boss' },
          { op: 'spawn', task: 'spare' },
        ],
      },
      {
        name: 'boss',
        steps: [
          { op: 'repeat', times: 2, steps: [{ op: 'put', queue: 'jobs', value: 'job{n}' }] },
          { op: 'spawn', task: 'worker' },
          { op: 'join', queue: 'jobs' },
          { op: 'log', text: 'all done' },
          { op: 'await', task: 'worker' },
          { op: 'log', text: 'worker finished' },
        ],
      },
      {
        name: 'worker',
        start: false,
        steps: [
          {
            op: 'repeat',
            times: 2,
            steps: [
              { op: 'get', queue: 'jobs' },
              { op: 'sleep', seconds: 1 },
              { op: 'log', text: 'did {item}' },
              { op: 'task_done', queue: 'jobs' },
            ],
          },
        ],
      },
      { name: 'spare', start: false, steps: [] },
    ],
  }),
  'joinless.json': JSON.stringify({
    version: 1,
    primitives: { q: { type: 'Queue' } },
    tasks: [
      {
        name: 'p',
        steps: [
          { op: 'put', queue: 'q' },
          { op: 'join', queue: 'q' },
        ],
      },
    ],
  }),
  'gather.json': JSON.stringify({
    version: 1,
    tasks: [
      {
        name: 'main',
        steps: [
          { op: 'gather', tasks: ['slow', 'fast'] },
          { op: 'log', text: 'both done' },
        ],
      },
      { name: 'slow', start: false, steps: [{ op: 'sleep', seconds: 2 }] },
      { name: 'fast', start: false, steps: [{ op: 'log', text: 'fast' }] },
    ],
  }),
  'twice.json': JSON.stringify({
    version: 1,
    tasks: [
      {
        name: 'a',
        steps: [
          { op: 'spawn', task: 'b' },
          { op: 'spawn', task: 'b' },
        ],
      },
      { name: 'b', start: false, steps: [] },
    ],
  }),
};
const io = {
  readFile(path: string) {
    // The first bytes of a PNG image.
    // ok.json in UTF-16 with its byte-order mark, as some editors save it.
    if (path === 'utf16.json')
      return new Uint8Array([
        0xff,
        0xfe,
        ...[...files['ok.json']].flatMap((c) => [c.charCodeAt(0), 0]),
      ]);
    if (path === 'image.png')
      return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    if (!(path in files)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
    return new TextEncoder().encode(files[path]);
  },
  now: () => 0,
};
const run = (...argv: string[]) => {
  const result = runCli(argv, io);
  return {
    ...result,
    stdout:
      typeof result.stdout === 'string' ? result.stdout : new TextDecoder().decode(result.stdout),
  };
};

describe('the sim CLI', () => {
  it('prints the course table for the default job window', () => {
    const { stdout, code } = run('--preset', 'job-window', '--format', 'markdown');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        '|     | j0 (1) | j1 (2) | j2 (3) | j3 (1) | j4 (2) | j5 (3) | j6 (1) | j7 (2) |',
        '|-----|--------|--------|--------|--------|--------|--------|--------|--------|',
        '| 0-1 | `*`    | `*`    | `*`    | `*`    |        |        |        |        |',
        '| 1-2 |        | `*`    | `*`    |        | `*`    | `*`    |        |        |',
        '| 2-3 |        |        | `*`    |        | `*`    | `*`    | `*`    |        |',
        '| 3-4 |        |        |        |        |        | `*`    |        | `*`    |',
        '| 4-5 |        |        |        |        |        |        |        | `*`    |',
        '',
      ].join('\n'),
    );
  });

  it('prints log lines only, as "<time> <task> <text>"', () => {
    expect(run('--program', 'ok.json', '--format', 'log')).toEqual({
      stdout: '0.500 a hi\n',
      stderr: '',
      code: 0,
    });
  });

  it('answers bad input with exit code 2 and one message naming the place', () => {
    expect(run('--program', 'bad.json', '--format', 'log')).toEqual({
      stdout: '',
      stderr: 'sim: bad.json: tasks[0].steps[0].seconds: must be a number >= 0\n',
      code: 2,
    });
    expect(run('--program', 'broken.json').stderr).toMatch(/^sim: broken.json: not valid JSON: /);
    expect(run('--program', 'utf16.json', '--format', 'log').stdout).toBe('0.500 a hi\n');
    expect(run('--program', 'image.png').stderr).toBe('sim: image.png: not a text (JSON) file\n');
    expect(run('--program', 'missing.json').stderr).toBe(
      'sim: cannot read missing.json: no such file\n',
    );
    expect(run('--preset', 'nope').stderr).toBe(
      "sim: --preset: unknown preset 'nope' (known: job-window, semaphore-window, unbounded, producer-consumer, shared-lock, event-start, pitfall-lock-twice, pitfall-task-done, pitfall-unbounded-queue)\n",
    );
    expect(run('--preset', 'job-window', '--jobs', '0').stderr).toBe(
      "sim: --jobs: must be an integer from 1 to 1000000 (got '0')\n",
    );
    expect(run('--preset', 'job-window', '--period', '1').stderr).toMatch(
      /--period does not apply to the job-window preset/,
    );
    expect(run('--preset', 'job-window', '--format', 'xml').stderr).toMatch(
      /--format: must be one of log, markdown, json, python, summary, scenario/,
    );
    expect(run('--preset', 'job-window', '--bogus').stderr).toMatch(/Unknown option '--bogus'/);
    expect(run('--program', 'forever.json').stderr).toMatch(
      /runs forever \(tasks\[0\]\.steps\[0\] \(task 'a'\) repeats with no "times"\): give --until SECONDS/,
    );
    for (const args of [
      ['--program', 'bad.json'],
      ['--preset', 'x'],
      ['--until', '-1', '--preset', 'job-window'],
    ]) {
      expect(run(...args).code).toBe(2);
    }
  });

  it('reads negative option values as values, and says in one line what is wrong', () => {
    for (const [option, rule] of [
      ['--jobs', 'an integer from 1 to 1000000'],
      ['--maxsize', 'an integer from 0 to 1000000000'],
      ['--until', 'a number of seconds >= 0'],
    ]) {
      expect(run('--preset', 'job-window', option, '-1').stderr).toBe(
        `sim: ${option}: must be ${rule} (got '-1')\n`,
      );
    }
    expect(run('--preset', 'job-window', '--durations', '100000').stderr).toMatch(
      /\(seconds from 0 to 3600\) \(got '100000'\)\n$/,
    );
  });

  it('refuses a table too big to read, with exit code 2, instead of running out of memory', () => {
    const { stderr, code } = run(
      '--preset',
      'job-window',
      '--slot',
      '1e-9',
      '--format',
      'markdown',
    );
    expect(code).toBe(2);
    expect(stderr).toBe(
      'sim: --format markdown: the table would have 5,000,000,000 rows and 8 task columns, more than 100,000 rows or 2,000,000 cells: give --until, a wider --slot, or fewer tasks\n',
    );
  });

  it('marks a sleep still going on at --until in the last slot of the table', () => {
    const { stdout } = run('--preset', 'job-window', '--until', '2.5', '--format', 'markdown');
    expect(stdout.trim().split('\n').at(-1)).toBe(
      '| 2-3 |        |        | `*`    |        | `*`    | `*`    | `*`    |        |',
    );
  });

  it('says "1 task", "1 job" in the singular', () => {
    const one = run('--preset', 'job-window', '--jobs', '1', '--format', 'summary').stdout;
    expect(one).toContain('Job window: 1 job, Queue(maxsize=4)');
    expect(one).toContain('peak concurrency: 1 task inside its sleep at once');
  });

  it('runs endless scenarios up to --until, events at that time included', () => {
    const { stdout } = run('--preset', 'producer-consumer', '--until', '3', '--format', 'log');
    expect(stdout.trim().split('\n').at(-1)).toBe('3.000 consumer got tick4');
  });

  it('reports a deadlock on stderr, in plain words', () => {
    const { stderr, code } = run('--program', 'stuck.json', '--format', 'log');
    expect(code).toBe(0);
    expect(stderr).toMatch(/deadlock at t=0.000: .* c waits on get from queue 'q' \(empty\)/);
  });

  it('runs spawned, awaited, gathered and joined tasks in every format', () => {
    const log = run('--program', 'workers.json', '--format', 'log');
    // starter cancels boss before its first step: the worker is never spawned.
    expect(log).toEqual({ stdout: '', stderr: '', code: 0 });
    const fixed = JSON.parse(files['workers.json']);
    fixed.tasks[0].steps = [
      { op: 'sleep', seconds: 5 },
      { op: 'spawn', task: 'spare' },
    ];
    files['fixed.json'] = JSON.stringify(fixed);
    expect(run('--program', 'fixed.json', '--format', 'log').stdout).toBe(
      [
        '1.000 worker did job1',
        '2.000 worker did job2',
        '2.000 boss all done',
        '2.000 boss worker finished',
        '',
      ].join('\n'),
    );
    expect(run('--program', 'workers.json', '--format', 'summary').stdout).toMatch(
      /tasks: +2 done, 0 failed, 1 cancelled, 0 unfinished, 1 never started/,
    );
    const kinds = JSON.parse(run('--program', 'fixed.json', '--format', 'json').stdout).events.map(
      (e: { kind: string }) => e.kind,
    );
    for (const kind of ['SPAWN', 'Q_TASK_DONE', 'Q_JOIN_BLOCK', 'Q_JOIN_NOTIFY', 'AWAIT_PASS'])
      expect(kinds).toContain(kind);
    const python = run('--program', 'fixed.json', '--format', 'python').stdout;
    expect(python).toContain(
      '    tasks["worker"] = asyncio.create_task(worker(), name="worker")\n',
    );
    expect(python).toContain('    await jobs.join()\n');
    expect(python).toContain('        jobs.task_done()\n');
    expect(python).toContain('    await tasks["worker"]\n');
    expect(run('--program', 'gather.json', '--format', 'log').stdout).toBe(
      '0.000 fast fast\n2.000 main both done\n',
    );
    expect(run('--program', 'gather.json', '--format', 'python').stdout).toContain(
      '    tasks["slow"] = asyncio.create_task(slow(), name="slow")\n' +
        '    tasks["fast"] = asyncio.create_task(fast(), name="fast")\n' +
        '    await asyncio.gather(tasks["slow"], tasks["fast"])\n',
    );
    const gatherKinds = JSON.parse(
      run('--program', 'gather.json', '--format', 'json').stdout,
    ).events.map((e: { kind: string }) => e.kind);
    for (const kind of ['GATHER', 'GATHER_CALLBACK', 'RUN_CALLBACK', 'GATHER_DONE'])
      expect(gatherKinds).toContain(kind);
    expect(run('--program', 'joinless.json', '--format', 'log').stderr).toMatch(
      /deadlock at t=0.000: .* p waits on join queue 'q' \(1 unfinished\)/,
    );
    expect(run('--program', 'twice.json').stderr).toBe(
      "sim: twice.json: tasks[0].steps[1].task: 'b' is already started at tasks[0].steps[0] (a task is started once)\n",
    );
  });

  it('gives the trace as JSON and a summary', () => {
    const json = JSON.parse(run('--preset', 'job-window', '--format', 'json').stdout);
    expect(json.end.reason).toBe('complete');
    expect(json.events.filter((e: { kind: string }) => e.kind === 'LOG')).toHaveLength(16);
    const summary = run('--preset', 'job-window', '--format', 'summary').stdout;
    expect(summary).toMatch(/makespan: +5.000 s/);
    expect(summary).toMatch(/peak concurrency: +4 tasks/);
    expect(summary).toMatch(/events: +\d+/);
  });

  it('exits 2 without a stack trace when run as a process', () => {
    const result = spawnSync(
      process.execPath,
      ['scripts/sim.mjs', '--program', 'does/not/exist.json'],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('sim: cannot read does/not/exist.json: no such file\n');
  });
});
