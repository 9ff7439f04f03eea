/**
 * More programs of the lecture: the job window with the idiomatic `asyncio.Semaphore`, a shared
 * resource guarded by `asyncio.Lock`, runners started together by an `asyncio.Event`.
 */
import type { Scenario, Step, TaskSpec } from '../types';
import { CodeWriter, pyNumber, pyString, showTimer } from '../pyformat';
import { PRESET_TEXTS } from './texts';
import { comment, type CodeLang } from '../comments';
import type { PythonCode } from '../python';
import { jobDurations, type JobWindowParams } from './jobWindow';

/** The lines every lecture program starts with: asyncio and the `show` timer. */
export function header(w: CodeWriter, lang: CodeLang): void {
  w.line('import asyncio');
  w.blank();
  showTimer(lang).forEach((line) => w.line(line));
  w.blank(2);
}

/** `main()`, which sets the clock's start then runs `starts`, and the `asyncio.run` line. */
export function footer(w: CodeWriter, starts: string[]): void {
  w.line('async def main():');
  w.line('    global start');
  w.line('    start = asyncio.get_running_loop().time()');
  starts.forEach((line) => w.line(`    ${line}`));
  w.blank(2);
  w.line('if __name__ == "__main__":');
  w.line('    asyncio.run(main())');
}

// ---------------------------------------------------------------- Semaphore window

/** The job window with `asyncio.Semaphore(maxsize)`: the same limit, the idiomatic way. */
export function semaphoreWindowScenario(params: JobWindowParams, lang: CodeLang = 'en'): Scenario {
  const tasks: TaskSpec[] = jobDurations(params).map((duration, i) => {
    const message = `job${i} - duration ${pyNumber(duration)}`;
    return {
      name: `j${i}`,
      steps: [
        { op: 'acquire', lock: 'window' },
        { op: 'log', text: `>>> ${message}` },
        { op: 'sleep', seconds: duration },
        { op: 'log', text: `<<< ${message}` },
        { op: 'release', lock: 'window' },
      ],
    };
  });
  return {
    version: 1,
    title: PRESET_TEXTS.semaphoreWindowTitle(lang, params.jobs, params.maxsize),
    primitives: { window: { type: 'Semaphore', value: params.maxsize } },
    tasks,
  };
}

export function semaphoreWindowPython(params: JobWindowParams, lang: CodeLang = 'en'): PythonCode {
  const w = new CodeWriter();
  header(w, lang);
  w.line(`window = asyncio.Semaphore(${params.maxsize})`);
  w.blank(2);
  const d = params.durations;
  let expression = '(i % 3) + 1';
  if (d.kind === 'constant') expression = pyNumber(d.seconds);
  else if (d.kind !== 'formula') {
    const values = jobDurations(params);
    w.line(
      d.kind === 'random'
        ? `# ${comment(lang, 'random', { seed: d.seed, max: d.max })}`
        : `# ${comment(lang, 'durations')}`,
    );
    w.line('durations = [');
    for (let i = 0; i < values.length; i += 20)
      w.line(
        '    ' +
          values
            .slice(i, i + 20)
            .map(pyNumber)
            .join(', ') +
          ',',
      );
    w.line(']');
    w.blank(2);
    expression = 'durations[i]';
  }
  w.line('async def job(i):');
  w.line(`    # ${comment(lang, 'semaphore')}`);
  const enter = w.line('    async with window:');
  w.line(`        duration = ${expression}`);
  w.line('        message = f"job{i} - duration {duration}"');
  const start = w.line('        show_timer(">>>", message)');
  const sleep = w.line('        await asyncio.sleep(duration)');
  const end = w.line('        show_timer("<<<", message)');
  w.blank(2);
  footer(w, [
    `jobs = [asyncio.create_task(job(i), name=f"j{i}") for i in range(${params.jobs})]`,
    'await asyncio.gather(*jobs)',
  ]);
  // `async with` acquires on entry and releases on exit: both on its line.
  const lines = [enter, start, sleep, end, enter];
  return { code: w.toString(), lines: Array.from({ length: params.jobs }, () => lines) };
}

// ---------------------------------------------------------------- Lock

export interface SharedLockParams {
  workers: number;
  rounds: number;
  /** Seconds each worker holds the lock (uses the resource). */
  use: number;
  /** Seconds between two uses; 0: no sleep at all. */
  think: number;
}

export const SHARED_LOCK_DEFAULTS: SharedLockParams = { workers: 3, rounds: 2, use: 1, think: 0.5 };

export function sharedLockScenario(params: SharedLockParams, lang: CodeLang = 'en'): Scenario {
  const body: Step[] = [
    { op: 'acquire', lock: 'lock' },
    { op: 'log', text: PRESET_TEXTS.usesPrinter[lang] },
    { op: 'sleep', seconds: params.use },
    { op: 'log', text: PRESET_TEXTS.roundDone[lang] },
    { op: 'release', lock: 'lock' },
  ];
  if (params.think > 0) body.push({ op: 'sleep', seconds: params.think });
  return {
    version: 1,
    title: PRESET_TEXTS.sharedLockTitle(lang, params.workers),
    primitives: { lock: { type: 'Lock' } },
    tasks: Array.from({ length: params.workers }, (_, i) => ({
      name: `w${i}`,
      steps: [{ op: 'repeat', times: params.rounds, steps: body }],
    })),
  };
}

export function sharedLockPython(params: SharedLockParams, lang: CodeLang = 'en'): PythonCode {
  const w = new CodeWriter();
  header(w, lang);
  w.line(`lock = asyncio.Lock()  # ${comment(lang, 'printer')}`);
  w.blank(2);
  w.line('async def worker(i):');
  const loop = w.line(`    for n in range(1, ${params.rounds + 1}):`);
  const enter = w.line('        async with lock:');
  const start = w.line(`            show_timer(f${pyString(PRESET_TEXTS.usesPrinter[lang])})`);
  const use = w.line(`            await asyncio.sleep(${pyNumber(params.use)})`);
  const end = w.line(`            show_timer(f${pyString(PRESET_TEXTS.roundDone[lang])})`);
  const lines = [loop, enter, start, use, end, enter];
  if (params.think > 0)
    lines.push(
      w.line(
        `        await asyncio.sleep(${pyNumber(params.think)})  # ${comment(lang, 'thinks')}`,
      ),
    );
  w.blank(2);
  footer(w, [
    `workers = [asyncio.create_task(worker(i), name=f"w{i}") for i in range(${params.workers})]`,
    'await asyncio.gather(*workers)',
  ]);
  return { code: w.toString(), lines: Array.from({ length: params.workers }, () => lines) };
}

// ---------------------------------------------------------------- Event

export interface EventStartParams {
  runners: number;
  /** Seconds before the starter sets the event. */
  countdown: number;
}

export const EVENT_START_DEFAULTS: EventStartParams = { runners: 4, countdown: 2 };

export function eventStartScenario(params: EventStartParams, lang: CodeLang = 'en'): Scenario {
  const runners: TaskSpec[] = Array.from({ length: params.runners }, (_, i) => ({
    name: `r${i}`,
    steps: [
      { op: 'log', text: PRESET_TEXTS.ready[lang] },
      { op: 'wait', event: 'go' },
      { op: 'log', text: PRESET_TEXTS.go[lang] },
      { op: 'sleep', seconds: (i % 3) + 1 },
      { op: 'log', text: PRESET_TEXTS.arrived[lang] },
    ],
  }));
  return {
    version: 1,
    title: PRESET_TEXTS.eventStartTitle(lang, params.runners),
    primitives: { go: { type: 'Event' } },
    tasks: [
      ...runners,
      {
        name: 'starter',
        steps: [
          { op: 'sleep', seconds: params.countdown },
          { op: 'log', text: PRESET_TEXTS.setGo[lang] },
          { op: 'set', event: 'go' },
        ],
      },
    ],
  };
}

export function eventStartPython(params: EventStartParams, lang: CodeLang = 'en'): PythonCode {
  const w = new CodeWriter();
  header(w, lang);
  w.line('go = asyncio.Event()');
  w.blank(2);
  w.line('async def runner(i):');
  const ready = w.line(`    show_timer(${pyString(PRESET_TEXTS.ready[lang])})`);
  const wait = w.line(`    await go.wait()  # ${comment(lang, 'sameSignal')}`);
  const go = w.line(`    show_timer(${pyString(PRESET_TEXTS.go[lang])})`);
  const run = w.line('    await asyncio.sleep((i % 3) + 1)');
  const arrived = w.line(`    show_timer(${pyString(PRESET_TEXTS.arrived[lang])})`);
  w.blank(2);
  w.line('async def starter():');
  const countdown = w.line(`    await asyncio.sleep(${pyNumber(params.countdown)})`);
  const said = w.line(`    show_timer(${pyString(PRESET_TEXTS.setGo[lang])})`);
  const set = w.line(`    go.set()  # ${comment(lang, 'wakesAll')}`);
  w.blank(2);
  footer(w, [
    `runners = [asyncio.create_task(runner(i), name=f"r{i}") for i in range(${params.runners})]`,
    'runners.append(asyncio.create_task(starter(), name="starter"))',
    'await asyncio.gather(*runners)',
  ]);
  const runnerLines = [ready, wait, go, run, arrived];
  return {
    code: w.toString(),
    lines: [...Array.from({ length: params.runners }, () => runnerLines), [countdown, said, set]],
  };
}
