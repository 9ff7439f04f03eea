/**
 * The course's producer and consumer sharing an `asyncio.Queue(maxsize)`. Both loop forever:
 * the run has no end of its own, so it is always watched up to some time.
 */
import type { Scenario, Step } from '../types';
import { CodeWriter, interruptCode, pyNumber, showTimer } from '../pyformat';
import { comment, type CodeLang } from '../comments';
import type { PythonCode } from '../python';
import { PRESET_TEXTS } from './texts';

export interface ProducerConsumerParams {
  maxsize: number;
  /** The producer sleeps this long after each put. */
  period: number;
  /** The consumer works (sleeps) this long after each item; 0: no sleep at all, as in the course. */
  work: number;
  /** Ctrl-C at this time, as the course stops its endless loop; 0 (or none): never. */
  interrupt?: number;
}

export const PRODUCER_CONSUMER_DEFAULTS: ProducerConsumerParams = {
  maxsize: 1,
  period: 1,
  work: 0,
  interrupt: 0,
};

export function producerConsumerScenario(
  params: ProducerConsumerParams,
  lang: CodeLang = 'en',
): Scenario {
  const consumerSteps: Step[] = [
    { op: 'get', queue: 'queue' },
    { op: 'log', text: 'got {item}' },
  ];
  if (params.work > 0) consumerSteps.push({ op: 'sleep', seconds: params.work });
  return {
    version: 1,
    title: PRESET_TEXTS.producerConsumerTitle(lang, params.maxsize),
    primitives: { queue: { type: 'Queue', maxsize: params.maxsize } },
    tasks: [
      {
        name: 'producer',
        steps: [
          {
            op: 'repeat',
            steps: [
              { op: 'put', queue: 'queue', value: 'tick{n}' },
              { op: 'sleep', seconds: params.period },
            ],
          },
        ],
      },
      { name: 'consumer', steps: [{ op: 'repeat', steps: consumerSteps }] },
    ],
    ...(params.interrupt ? { interrupt: params.interrupt } : {}),
  };
}

export function producerConsumerPython(
  params: ProducerConsumerParams,
  lang: CodeLang = 'en',
): PythonCode {
  const w = new CodeWriter();
  const interrupt = params.interrupt ?? 0;
  w.line('import asyncio');
  if (interrupt > 0) w.line('import sys');
  w.blank();
  showTimer(lang).forEach((line) => w.line(line));
  w.blank(2);
  w.line(
    `queue = asyncio.Queue(maxsize=${params.maxsize})${params.maxsize <= 0 ? `  # ${comment(lang, 'unbounded')}` : ''}`,
  );
  w.blank(2);
  w.line('async def producer(queue):');
  w.line('    count = 1');
  const producerLoop = w.line('    while True:');
  const put = w.line("        await queue.put(f'tick{count}')");
  w.line('        count += 1');
  const period = w.line(`        await asyncio.sleep(${pyNumber(params.period)})`);
  w.blank(2);
  w.line('async def consumer(queue):');
  const consumerLoop = w.line('    while True:');
  const get = w.line('        received = await queue.get()');
  const show = w.line('        show_timer(f"got {received}")');
  const consumerLines = [consumerLoop, get, show];
  if (params.work > 0) {
    w.line(`        # ${comment(lang, 'workOnIt')}`);
    consumerLines.push(w.line(`        await asyncio.sleep(${pyNumber(params.work)})`));
  }
  w.blank(2);
  const ctrlC = interrupt > 0 ? interruptCode(interrupt, lang) : null;
  if (ctrlC) {
    ctrlC.define.forEach((line) => w.line(line));
    w.blank(2);
  }
  w.line('async def main():');
  w.line('    global start');
  w.line('    start = asyncio.get_running_loop().time()');
  ctrlC?.schedule.forEach((line) => w.line(line));
  w.line(`    # ${comment(lang, 'forever')}`);
  w.line('    await asyncio.gather(');
  w.line('        asyncio.create_task(producer(queue), name="producer"),');
  w.line('        asyncio.create_task(consumer(queue), name="consumer"),');
  w.line('    )');
  w.blank(2);
  w.line('if __name__ == "__main__":');
  // The course: `try: loop.run_forever() except KeyboardInterrupt: print("bye")`.
  if (ctrlC) ctrlC.run.forEach((line) => w.line(line));
  else w.line('    asyncio.run(main())');
  return { code: w.toString(), lines: [[producerLoop, put, period], consumerLines] };
}
