/**
 * Pitfalls: three classic asyncio mistakes, each with its "fixed" twin (the same preset with
 * `fixed: 1`), so that Compare can show them side by side. A lock taken twice by one task and a
 * forgotten `task_done()` end in a deadlock that the end message names; an unbounded queue fed
 * faster than it is emptied grows for ever. Their code says what goes wrong in its comments;
 * run for real, the two deadlocks never end (nothing can wake them), as in the simulator.
 */
import type { Scenario, Step, TaskSpec } from '../types';
import { CodeWriter, pyNumber, pyString } from '../pyformat';
import type { CodeLang } from '../comments';
import type { PythonCode } from '../python';
import { PITFALL_TEXTS as T } from './texts';
import { footer, header } from './lecture';

/** 0: the mistake; 1: its fix. */
type Fixed = number;

/** A comment line of the code, one per element of the text (already in the language). */
function comments(w: CodeWriter, indent: string, text: readonly string[]): void {
  text.forEach((line) => w.line(`${indent}# ${line}`));
}

// ---------------------------------------------------------------- A lock taken twice

export interface LockTwiceParams {
  fixed: Fixed;
  workers: number;
  /** Seconds each step holds the lock. */
  hold: number;
}

export const LOCK_TWICE_DEFAULTS: LockTwiceParams = { fixed: 0, workers: 2, hold: 1 };

export function lockTwiceScenario(params: LockTwiceParams, lang: CodeLang = 'en'): Scenario {
  const step1: Step[] = [
    { op: 'log', text: T.step1[lang] },
    { op: 'sleep', seconds: params.hold },
  ];
  const step2: Step[] = [
    { op: 'log', text: T.step2[lang] },
    { op: 'sleep', seconds: params.hold },
  ];
  const acquire: Step = { op: 'acquire', lock: 'lock' };
  const release: Step = { op: 'release', lock: 'lock' };
  // Fixed: release, then acquire again; the mistake: acquire again while holding it.
  const steps: Step[] = params.fixed
    ? [acquire, ...step1, release, acquire, ...step2, release]
    : [acquire, ...step1, acquire, ...step2, release, release];
  return {
    version: 1,
    title: T.lockTwiceTitle(lang, params.fixed !== 0),
    primitives: { lock: { type: 'Lock' } },
    tasks: Array.from({ length: params.workers }, (_, i) => ({ name: `w${i}`, steps })),
  };
}

export function lockTwicePython(params: LockTwiceParams, lang: CodeLang = 'en'): PythonCode {
  const w = new CodeWriter();
  header(w, lang);
  w.line('lock = asyncio.Lock()');
  w.blank(2);
  w.line('async def worker(i):');
  const outer = w.line('    async with lock:');
  const log1 = w.line(`        show_timer(${pyString(T.step1[lang])})`);
  const sleep1 = w.line(`        await asyncio.sleep(${pyNumber(params.hold)})`);
  let lines: number[];
  if (params.fixed) {
    comments(w, '    ', T.lockFixedComment[lang]);
    const again = w.line('    async with lock:');
    const log2 = w.line(`        show_timer(${pyString(T.step2[lang])})`);
    const sleep2 = w.line(`        await asyncio.sleep(${pyNumber(params.hold)})`);
    lines = [outer, log1, sleep1, outer, again, log2, sleep2, again];
  } else {
    comments(w, '        ', T.lockPitfallComment[lang]);
    const inner = w.line('        async with lock:');
    const log2 = w.line(`            show_timer(${pyString(T.step2[lang])})`);
    const sleep2 = w.line(`            await asyncio.sleep(${pyNumber(params.hold)})`);
    lines = [outer, log1, sleep1, inner, log2, sleep2, inner, outer];
  }
  w.blank(2);
  footer(w, [
    `workers = [asyncio.create_task(worker(i), name=f"w{i}") for i in range(${params.workers})]`,
    'await asyncio.gather(*workers)',
  ]);
  return { code: w.toString(), lines: Array.from({ length: params.workers }, () => lines) };
}

// ---------------------------------------------------------------- task_done() forgotten

export interface TaskDoneParams {
  fixed: Fixed;
  items: number;
  /** Seconds the consumer works on each item. */
  work: number;
}

export const TASK_DONE_DEFAULTS: TaskDoneParams = { fixed: 0, items: 3, work: 1 };

export function taskDoneScenario(params: TaskDoneParams, lang: CodeLang = 'en'): Scenario {
  const consumer: Step[] = [
    { op: 'get', queue: 'queue' },
    { op: 'log', text: T.got[lang] },
    { op: 'sleep', seconds: params.work },
  ];
  if (params.fixed) consumer.push({ op: 'task_done', queue: 'queue' });
  const tasks: TaskSpec[] = [
    {
      name: 'producer',
      steps: [
        {
          op: 'repeat',
          times: params.items,
          steps: [
            { op: 'put', queue: 'queue', value: 'job{n}' },
            { op: 'log', text: T.putJob[lang] },
          ],
        },
        { op: 'join', queue: 'queue' },
        { op: 'log', text: T.allDone[lang] },
      ],
    },
    { name: 'consumer', steps: [{ op: 'repeat', times: params.items, steps: consumer }] },
  ];
  return {
    version: 1,
    title: T.taskDoneTitle(lang, params.fixed !== 0),
    primitives: { queue: { type: 'Queue', maxsize: 0 } },
    tasks,
  };
}

export function taskDonePython(params: TaskDoneParams, lang: CodeLang = 'en'): PythonCode {
  const w = new CodeWriter();
  header(w, lang);
  w.line('queue = asyncio.Queue()');
  w.blank(2);
  w.line('async def producer():');
  const loop = w.line(`    for n in range(1, ${params.items + 1}):`);
  const put = w.line('        await queue.put(f"job{n}")');
  const said = w.line(`        show_timer(f${pyString(T.putJob[lang])})`);
  comments(w, '    ', T.joinComment[lang]);
  const join = w.line('    await queue.join()');
  const done = w.line(`    show_timer(${pyString(T.allDone[lang])})`);
  w.blank(2);
  w.line('async def consumer():');
  const consumerLoop = w.line(`    for n in range(1, ${params.items + 1}):`);
  const get = w.line('        item = await queue.get()');
  const got = w.line(`        show_timer(f${pyString(T.got[lang])})`);
  const work = w.line(`        await asyncio.sleep(${pyNumber(params.work)})`);
  const consumerLines = [consumerLoop, get, got, work];
  if (params.fixed) {
    comments(w, '        ', T.taskDoneFixedComment[lang]);
    consumerLines.push(w.line('        queue.task_done()'));
  } else comments(w, '        ', T.taskDonePitfallComment[lang]);
  w.blank(2);
  footer(w, [
    'await asyncio.gather(',
    '    asyncio.create_task(producer(), name="producer"),',
    '    asyncio.create_task(consumer(), name="consumer"),',
    ')',
  ]);
  return {
    code: w.toString(),
    lines: [[loop, put, said, join, done], consumerLines],
  };
}

// ---------------------------------------------------------------- An unbounded queue

export interface UnboundedQueueParams {
  fixed: Fixed;
  /** The fixed twin's maxsize. */
  bound: number;
  /** The producer sleeps this long after each put. */
  period: number;
  /** The consumer works this long on each item (longer than the period: it falls behind). */
  work: number;
}

export const UNBOUNDED_QUEUE_DEFAULTS: UnboundedQueueParams = {
  fixed: 0,
  bound: 2,
  period: 0.5,
  work: 1,
};

export function unboundedQueueScenario(
  params: UnboundedQueueParams,
  lang: CodeLang = 'en',
): Scenario {
  return {
    version: 1,
    title: T.unboundedQueueTitle(lang, params.fixed ? params.bound : 0),
    primitives: { queue: { type: 'Queue', maxsize: params.fixed ? params.bound : 0 } },
    tasks: [
      {
        name: 'producer',
        steps: [
          {
            op: 'repeat',
            steps: [
              { op: 'put', queue: 'queue', value: 'tick{n}' },
              { op: 'log', text: T.putTick[lang] },
              { op: 'sleep', seconds: params.period },
            ],
          },
        ],
      },
      {
        name: 'consumer',
        steps: [
          {
            op: 'repeat',
            steps: [
              { op: 'get', queue: 'queue' },
              { op: 'log', text: T.got[lang] },
              { op: 'sleep', seconds: params.work },
            ],
          },
        ],
      },
    ],
  };
}

export function unboundedQueuePython(
  params: UnboundedQueueParams,
  lang: CodeLang = 'en',
): PythonCode {
  const w = new CodeWriter();
  header(w, lang);
  if (params.fixed) {
    comments(w, '', T.boundedComment[lang](params.bound));
    w.line(`queue = asyncio.Queue(maxsize=${params.bound})`);
  } else {
    comments(w, '', T.unboundedComment[lang]);
    w.line('queue = asyncio.Queue()');
  }
  w.blank(2);
  w.line('async def producer():');
  w.line('    count = 1');
  const loop = w.line('    while True:');
  const put = w.line('        await queue.put(f"tick{count}")');
  const said = w.line(
    `        show_timer(f${pyString(T.putTick[lang].replace('{n}', '{count}'))})`,
  );
  w.line('        count += 1');
  const period = w.line(`        await asyncio.sleep(${pyNumber(params.period)})`);
  w.blank(2);
  w.line('async def consumer():');
  const consumerLoop = w.line('    while True:');
  const get = w.line('        item = await queue.get()');
  const got = w.line(`        show_timer(f${pyString(T.got[lang])})`);
  const work = w.line(`        await asyncio.sleep(${pyNumber(params.work)})`);
  w.blank(2);
  footer(w, [
    'await asyncio.gather(',
    '    asyncio.create_task(producer(), name="producer"),',
    '    asyncio.create_task(consumer(), name="consumer"),',
    ')',
  ]);
  return {
    code: w.toString(),
    lines: [
      [loop, put, said, period],
      [consumerLoop, get, got, work],
    ],
  };
}
