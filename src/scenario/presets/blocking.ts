/**
 * A pitfall: a blocking call (`time.sleep`) inside a coroutine. The loop runs one callback at
 * a time on one thread: while a step blocks, no other task and no timer can run, and every
 * timer due meanwhile fires late. The fixed twin awaits `asyncio.sleep` instead.
 */
import type { Scenario } from '../types';
import { CodeWriter, pyNumber, pyString, showTimer } from '../pyformat';
import { comment, type CodeLang } from '../comments';
import type { PythonCode } from '../python';
import { PRESET_TEXTS } from './texts';

export interface BlockingParams {
  /** Seconds the worker's call takes. */
  seconds: number;
  /** Ticks of the ticker, one every half second. */
  ticks: number;
  /** 1: `await asyncio.sleep(seconds)` (the fix); 0: `time.sleep(seconds)` (the pitfall). */
  fixed: number;
}

export const BLOCKING_DEFAULTS: BlockingParams = { seconds: 2, ticks: 6, fixed: 0 };

/** The ticker's period: it should print twice a second. */
const TICK = 0.5;
/** When the worker starts its slow call, and when the short job is due. */
const WORK_AT = 1;
const JOB = 1.5;

export function blockingScenario(params: BlockingParams, lang: CodeLang = 'en'): Scenario {
  const text = PRESET_TEXTS.blocking;
  return {
    version: 1,
    title: PRESET_TEXTS.blockingTitle(lang, params.fixed === 1),
    primitives: {},
    tasks: [
      {
        name: 'ticker',
        steps: [
          {
            op: 'repeat',
            times: params.ticks,
            steps: [
              { op: 'sleep', seconds: TICK },
              { op: 'log', text: text.tick[lang] },
            ],
          },
        ],
      },
      {
        name: 'worker',
        steps: [
          { op: 'sleep', seconds: WORK_AT },
          { op: 'log', text: text.starts[lang] },
          params.fixed === 1
            ? { op: 'sleep', seconds: params.seconds }
            : { op: 'block', seconds: params.seconds },
          { op: 'log', text: text.done[lang] },
        ],
      },
      {
        name: 'job',
        steps: [
          { op: 'sleep', seconds: JOB },
          { op: 'log', text: text.job[lang] },
        ],
      },
    ],
  };
}

export function blockingPython(params: BlockingParams, lang: CodeLang = 'en'): PythonCode {
  const text = PRESET_TEXTS.blocking;
  const w = new CodeWriter();
  w.line('import asyncio');
  if (params.fixed !== 1) w.line('import time');
  w.blank();
  showTimer(lang).forEach((line) => w.line(line));
  w.blank(2);
  w.line('async def ticker():');
  const loop = w.line(`    for n in range(1, ${params.ticks + 1}):`);
  const tickSleep = w.line(`        await asyncio.sleep(${pyNumber(TICK)})`);
  const tick = w.line(`        show_timer(f${pyString(text.tick[lang])})`);
  w.blank(2);
  w.line('async def worker():');
  const workSleep = w.line(`    await asyncio.sleep(${pyNumber(WORK_AT)})`);
  const starts = w.line(`    show_timer(${pyString(text.starts[lang])})`);
  const call =
    params.fixed === 1
      ? w.line(
          `    await asyncio.sleep(${pyNumber(params.seconds)})  # ${comment(lang, 'letsOthersRun')}`,
        )
      : w.line(`    time.sleep(${pyNumber(params.seconds)})  # ${comment(lang, 'blocks')}`);
  const done = w.line(`    show_timer(${pyString(text.done[lang])})`);
  w.blank(2);
  w.line('async def job():');
  const jobSleep = w.line(`    await asyncio.sleep(${pyNumber(JOB)})`);
  const job = w.line(`    show_timer(${pyString(text.job[lang])})`);
  w.blank(2);
  w.line('async def main():');
  w.line('    global start');
  w.line('    start = asyncio.get_running_loop().time()');
  w.line('    await asyncio.gather(');
  w.line('        asyncio.create_task(ticker(), name="ticker"),');
  w.line('        asyncio.create_task(worker(), name="worker"),');
  w.line('        asyncio.create_task(job(), name="job"),');
  w.line('    )');
  w.blank(2);
  w.line('if __name__ == "__main__":');
  w.line('    asyncio.run(main())');
  return {
    code: w.toString(),
    lines: [
      [loop, tickSleep, tick],
      [workSleep, starts, call, done],
      [jobSleep, job],
    ],
  };
}
