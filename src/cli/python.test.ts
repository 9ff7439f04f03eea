/**
 * `sim --python`: the program run by CPython (Pyodide, loaded once for the file, in-process),
 * then the real command end to end (a worker thread, the wall-clock budget).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPythonRuntime } from '../python/node';
import { inProcessHost, type PythonHost } from './pythonHost';
import { runCli, runCliAsync, type CliIo } from './sim';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const text = (out: string | Uint8Array) =>
  typeof out === 'string' ? out : new TextDecoder().decode(out);
const scenario = (...argv: string[]) =>
  text(runCli(argv, { readFile: () => new Uint8Array(), now: () => 0 }).stdout);

const PRODUCER_CONSUMER = `import asyncio

async def producer(queue):
    n = 0
    while True:
        n += 1
        await queue.put(f"tick{n}")
        await asyncio.sleep(1)

async def consumer(queue):
    while True:
        item = await queue.get()
        print(f"{asyncio.get_running_loop().time():.3f} got {item}")

async def main():
    queue = asyncio.Queue(maxsize=1)
    await asyncio.gather(producer(queue), consumer(queue))

asyncio.run(main())
`;

const files: Record<string, string> = {
  'job_window.py': scenario('--preset', 'job-window', '--format', 'python'),
  'producer_consumer_preset.py': scenario('--preset', 'producer-consumer', '--format', 'python'),
  'producer_consumer.py': PRODUCER_CONSUMER,
  'streams.py':
    'import sys\nprint("out")\nprint("err", file=sys.stderr)\nprint("é ✓", end=" ")\nprint("no newline", end="")\nsys.stderr.write("last")\n',
  'exception.py':
    'import asyncio\n\nasync def inner():\n    raise ValueError("boom")\n\nasync def main():\n    print("hi")\n    await inner()\n\nasyncio.run(main())\n',
  'syntax.py': 'import asyncio\n\nasync def main(:\n    pass\n',
  'sleep.py':
    'import asyncio, time\n\nasync def main():\n    print("before")\n    time.sleep(1.5)\n    print("after", time.monotonic())\n\nasyncio.run(main())\n',
  'thread.py': 'import threading\n\nprint("before")\nthreading.Thread(target=print).start()\n',
  'spin.py': 'while True:\n    pass\n',
  'deadlock.py':
    'import asyncio\n\nasync def main():\n    q = asyncio.Queue()\n    await q.get()\n\nasyncio.run(main())\n',
  'exit.py': 'import sys\nprint("bye")\nsys.exit(3)\n',
  'latin1.py': '',
};

let host: PythonHost;
beforeAll(async () => {
  host = inProcessHost(await loadPythonRuntime());
});

const io: CliIo = {
  readFile(path) {
    if (path === 'latin1.py') return new Uint8Array([0x70, 0x72, 0x69, 0x6e, 0x74, 0x28, 0xe9]);
    if (!(path in files)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
    return new TextEncoder().encode(files[path]);
  },
  now: () => performance.now(),
  python: () => host,
};

async function sim(...argv: string[]) {
  const result = await runCliAsync(argv, io);
  return { ...result, stdout: text(result.stdout) };
}

describe('sim --python, --format log', () => {
  it("prints what the job window's program prints: the scenario's own log", async () => {
    const result = await sim('--python', 'job_window.py');
    expect(result).toEqual({
      stdout: scenario('--preset', 'job-window', '--format', 'log'),
      stderr: '',
      code: 0,
    });
    expect(result.stdout.split('\n')).toHaveLength(17);
  });

  it('prints stdout byte for byte (a last line without newline too), stderr on stderr', async () => {
    expect(await sim('--python', 'streams.py', '--format', 'log')).toEqual({
      stdout: 'out\né ✓ no newline',
      stderr: 'err\nlast',
      code: 0,
    });
  });

  it('exits 1 with the traceback as CPython prints it, naming the file given', async () => {
    const { stdout, stderr, code } = await sim('--python', 'exception.py');
    expect(code).toBe(1);
    expect(stdout).toBe('hi\n');
    expect(stderr).toMatch(/^Traceback \(most recent call last\):\n/);
    expect(stderr).toContain('  File "exception.py", line 10, in <module>\n');
    expect(stderr).toContain(
      '  File "exception.py", line 4, in inner\n    raise ValueError("boom")\n',
    );
    expect(stderr).toMatch(/\nValueError: boom\n$/);
    expect(stderr).not.toContain('sim:');
  });

  it('exits with the code of sys.exit', async () => {
    expect(await sim('--python', 'exit.py')).toEqual({ stdout: 'bye\n', stderr: '', code: 3 });
  });

  it('exits 2 on a syntax error, with one message naming the line', async () => {
    expect(await sim('--python', 'syntax.py')).toEqual({
      stdout: '',
      stderr: 'sim: syntax.py, line 3, column 16: SyntaxError: invalid syntax\n',
      code: 2,
    });
  });

  it('exits 2 on an unsupported call, naming the line, after what was printed before it', async () => {
    // time.sleep blocks the loop: the virtual clock moves on inside the step.
    const sleep = await sim('--python', 'sleep.py');
    expect(sleep.code).toBe(0);
    expect(sleep.stdout).toBe('before\nafter 1.5\n');
    const thread = await sim('--python', 'thread.py');
    expect(thread.code).toBe(2);
    expect(thread.stderr).toMatch(
      /^sim: thread\.py, line 4: threading\.Thread\.start\(\): [^\n]+\n$/,
    );
  });

  it('exits 2 on a loop that never yields, without hanging', async () => {
    const started = performance.now();
    const { stdout, stderr, code } = await sim('--python', 'spin.py');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^sim: spin\.py, line 2: .*without awaiting anything[^\n]*\n$/);
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('exits 2 on a deadlock (CPython would wait forever), naming the line', async () => {
    const { stderr, code } = await sim('--python', 'deadlock.py');
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^sim: deadlock\.py, line 5: deadlock at t=0\.000: .*main\(\) waits on get from queue 'q' \(empty\)/,
    );
  });

  it('bounds an endless program without --until: exit 2, saying to give it', async () => {
    const { stdout, stderr, code } = await sim('--python', 'producer_consumer.py');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^sim: producer_consumer\.py, line \d+: the program did not end within 500,000 events .*: if it runs forever, give --until SECONDS\n$/,
    );
  });

  it('stops an endless program at --until', async () => {
    expect(await sim('--python', 'producer_consumer.py', '--until', '3')).toEqual({
      stdout: '0.000 got tick1\n1.000 got tick2\n2.000 got tick3\n3.000 got tick4\n',
      stderr: '',
      code: 0,
    });
    // The producer/consumer preset's program prints the preset's log up to there.
    const preset = await sim('--python', 'producer_consumer_preset.py', '--until', '7.5');
    expect(preset.stdout).toBe(scenario('--preset', 'producer-consumer', '--until', '7.5'));
    expect(preset.code).toBe(0);
  });

  it('answers bad input with exit 2 and one message', async () => {
    expect((await sim('--python', 'missing.py')).stderr).toBe(
      'sim: cannot read missing.py: no such file\n',
    );
    expect((await sim('--python', 'latin1.py')).stderr).toBe(
      'sim: latin1.py: not a text file in UTF-8\n',
    );
    for (const format of ['python', 'scenario']) {
      const result = await sim('--python', 'job_window.py', '--format', format);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `sim: --format ${format} applies to scenarios only: with --python, give log, markdown, json or summary\n`,
      );
    }
    expect((await sim('--python', 'a.py', '--preset', 'job-window')).stderr).toBe(
      'sim: give only one of --preset, --python (see --help)\n',
    );
    expect((await sim('--preset', 'job-window', '--budget', '3')).stderr).toBe(
      'sim: --budget applies to --python only\n',
    );
    expect((await sim('--python', 'a.py', '--budget', '0')).stderr).toBe(
      "sim: --budget: must be a number of seconds > 0 (got '0')\n",
    );
    expect((await sim('--python', 'a.py', '--jobs', '3')).stderr).toBe(
      'sim: --jobs applies to presets only, not to --python\n',
    );
  });
});

/** A Markdown table's cells, row by row (without the separator row). */
function cells(markdown: string): string[][] {
  return markdown
    .trim()
    .split('\n')
    .filter((_, i) => i !== 1)
    .map((row) =>
      row
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
}

/** The table's columns by header: the header's name without the sleep's duration. */
function columns(markdown: string): Map<string, string[]> {
  const [head, ...rows] = cells(markdown);
  return new Map(head.map((h, c) => [h.replace(/ \(.*\)$/, ''), rows.map((r) => r[c])]));
}

describe('sim --python, the formats of scenarios', () => {
  it("gives the job window's table, a column per task of the run", async () => {
    const python = await sim('--python', 'job_window.py', '--format', 'markdown');
    expect(python.code).toBe(0);
    const ours = columns(python.stdout);
    const theirs = columns(scenario('--preset', 'job-window', '--format', 'markdown'));
    // The program's tasks: main() (which awaits the gather: never inside a sleep) and the jobs.
    expect([...ours.keys()]).toEqual(['', 'main()', ...[...theirs.keys()].slice(1)]);
    expect(ours.get('main()')!.every((c) => c === '')).toBe(true);
    for (const [name, column] of theirs) expect(ours.get(name), name).toEqual(column);
  });

  it('gives the trace as JSON, in the shape of a scenario trace', async () => {
    const python = JSON.parse((await sim('--python', 'job_window.py', '--format', 'json')).stdout);
    const theirs = JSON.parse(scenario('--preset', 'job-window', '--format', 'json'));
    expect(Object.keys(python)).toEqual(Object.keys(theirs));
    expect(python.format).toBe('asyncio-trace');
    expect(python.tasks).toEqual(['main()', ...theirs.tasks]);
    expect(python.end.reason).toBe('complete');
    expect(python.end.time).toBe(5);
    const kinds = (json: { events: { kind: string }[] }, kind: string) =>
      json.events.filter((e) => e.kind === kind).length;
    expect(kinds(python, 'PRINT')).toBe(kinds(theirs, 'LOG'));
    for (const kind of ['Q_PUT', 'Q_GET', 'TIMER_SCHEDULE'])
      expect(kinds(python, kind), kind).toBe(kinds(theirs, kind));
  });

  it('gives the summary of a scenario', async () => {
    const python = (await sim('--python', 'job_window.py', '--format', 'summary')).stdout;
    const theirs = scenario('--preset', 'job-window', '--format', 'summary');
    const rows = (s: string) =>
      new Map(
        s
          .trim()
          .split('\n')
          .map((r) => [r.slice(0, 18).trim(), r.slice(18)]),
      );
    const ours = rows(python);
    expect([...ours.keys()]).toEqual(['program:', ...[...rows(theirs).keys()].slice(1)]);
    expect(ours.get('program:')).toBe('job_window.py');
    for (const key of ['makespan:', 'peak concurrency:'])
      expect(ours.get(key), key).toBe(rows(theirs).get(key));
    expect(ours.get('end:')).toMatch(/^complete at t=5\.000 after \d+ loop iterations$/);
    expect(ours.get('tasks:')).toBe('9 done, 0 failed, 0 cancelled, 0 unfinished');
    expect(ours.get('run time:')).toMatch(/^[\d.]+ ms \(CPython in Pyodide; loading it: \d+ ms\)$/);
  });
});

describe('sim --python as a process (the bundle, a worker thread, the budget)', () => {
  let folder: string;
  let script: string;
  beforeAll(async () => {
    // Bundled once here: the processes below then start at once, none of them building.
    const sim = (await import(pathToFileURL(join(root, 'scripts', 'sim.mjs')).href)) as {
      bundleCli(): Promise<string>;
    };
    await sim.bundleCli();
    script = join(root, 'scripts', 'sim.mjs');
    folder = mkdtempSync(join(tmpdir(), 'sim-python-'));
    writeFileSync(join(folder, 'job_window.py'), files['job_window.py']);
    writeFileSync(
      join(folder, 'cpu.py'),
      'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    sum(range(10**12))\n\nasyncio.run(main())\n',
    );
    writeFileSync(
      join(folder, 'lambda.py'),
      'import asyncio\n\nasync def main():\n    print("computing")\n    list(map(lambda x: x * x, range(10**10)))\n\nasyncio.run(main())\n',
    );
  });

  const spawn = (...argv: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string; ms: number }>((resolve) => {
      const started = performance.now();
      // From another folder: the bundle finds Pyodide from its own place.
      execFile(
        process.execPath,
        [script, ...argv],
        { cwd: folder, timeout: 30_000 },
        (error, stdout, stderr) =>
          resolve({
            code: error ? ((error as { code?: number }).code ?? -1) : 0,
            stdout,
            stderr,
            ms: performance.now() - started,
          }),
      );
    });

  it('runs the job window, and stops computations past --budget, naming the line when it can', async () => {
    const [job, cpu, lambda] = await Promise.all([
      spawn('--python', 'job_window.py', '--format', 'log'),
      spawn('--python', 'cpu.py', '--budget', '1'),
      spawn('--python', 'lambda.py', '--budget', '1'),
    ]);
    expect(job).toMatchObject({
      code: 0,
      stdout: scenario('--preset', 'job-window', '--format', 'log'),
      stderr: '',
    });
    // C code (sum) never sees the interrupt: its thread is ended, the line cannot be known.
    expect(cpu).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        'sim: cpu.py: stopped after 1 s of computing without returning to the event loop (the wall-clock budget: give --budget SECONDS for more)\n',
    });
    // Python code (the lambda) is interrupted where it stands; our KeyboardInterrupt is not told.
    expect(lambda).toMatchObject({
      code: 2,
      stdout: 'computing\n',
      stderr:
        'sim: lambda.py, line 5: stopped after 1 s of computing without returning to the event loop (the wall-clock budget: give --budget SECONDS for more)\n',
    });
    for (const run of [job, cpu, lambda]) expect(run.ms).toBeLessThan(25_000);
  });
});
