/**
 * Random scenarios for property-based tests (fast-check, seeded): small-maxsize queues with
 * task_done and join, locks, semaphores, events, sleeps including 0 and equal deadlines,
 * bounded and endless repeats, cancellation, tasks started by a spawn step and awaited tasks.
 * Endless programs get an `until`.
 */
import fc from 'fast-check';
import type { PrimitiveSpec, Scenario, Step, TaskSpec } from '../src/scenario/types';
import { hasEndlessRepeat } from '../src/scenario/types';

export interface RandomCase {
  scenario: Scenario;
  until?: number;
}

const SLEEPS = [0, 0, 0.1, 0.25, 0.3, 0.5, 1, 1, 1.5, 2];
const TEXTS = ['a', 'n={n}', 'got {item}', '{n}:{item}', '{{n}}', 'x'];
const VALUES = [null, 'x', 'v{n}', '{item}!'];

const sleepStep = fc.constantFrom(...SLEEPS).map((seconds): Step => ({ op: 'sleep', seconds }));

/**
 * A chunk of steps: a single step, or a pattern that makes waiters pile up and get woken
 * (a critical section, a token taken and given back, a put/get pair), so that the rarer
 * paths of the primitives are reached often.
 */
function chunkArbitrary(
  queues: string[],
  locks: string[],
  events: string[],
  tasks: string[],
  depth: number,
): fc.Arbitrary<Step[]> {
  const single = stepArbitrary(queues, locks, events, tasks, depth).map((step) => [step]);
  const options: { weight: number; arbitrary: fc.Arbitrary<Step[]> }[] = [
    { weight: 6, arbitrary: single },
  ];
  if (locks.length > 0) {
    options.push({
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...locks), sleepStep)
        .map(([lock, sleep]): Step[] => [{ op: 'acquire', lock }, sleep, { op: 'release', lock }]),
    });
  }
  if (queues.length > 0) {
    options.push({
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...queues), sleepStep, fc.boolean())
        .map(([queue, sleep, tokenFirst]): Step[] =>
          tokenFirst
            ? [{ op: 'put', queue, value: 'v{n}' }, sleep, { op: 'get', queue }]
            : [
                { op: 'get', queue },
                { op: 'log', text: 'got {item}' },
                sleep,
                { op: 'put', queue, value: '{item}+' },
              ],
        ),
    });
    options.push({
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...queues), sleepStep)
        .map(([queue, sleep]): Step[] => [{ op: 'get', queue }, sleep, { op: 'task_done', queue }]),
    });
    options.push({
      weight: 1,
      arbitrary: fc.constantFrom(...queues).map((queue): Step[] => [
        { op: 'put', queue, value: 'j{n}' },
        { op: 'join', queue },
        { op: 'log', text: 'joined' },
      ]),
    });
  }
  if (events.length > 0) {
    options.push({
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...events), sleepStep)
        .map(([event, sleep]): Step[] => [sleep, { op: 'set', event }, { op: 'clear', event }]),
    });
  }
  return fc.oneof(...options);
}

function stepArbitrary(
  queues: string[],
  locks: string[],
  events: string[],
  tasks: string[],
  depth: number,
): fc.Arbitrary<Step> {
  const options: { weight: number; arbitrary: fc.Arbitrary<Step> }[] = [
    {
      weight: 5,
      arbitrary: fc.constantFrom(...SLEEPS).map((seconds): Step => ({ op: 'sleep', seconds })),
    },
    { weight: 2, arbitrary: fc.constantFrom(...TEXTS).map((text): Step => ({ op: 'log', text })) },
    // time.sleep: blocks the loop, every other timer fires late.
    {
      weight: 1,
      arbitrary: fc.constantFrom(...SLEEPS).map((seconds): Step => ({ op: 'block', seconds })),
    },
  ];
  if (queues.length > 0) {
    options.push({
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...queues), fc.constantFrom(...VALUES))
        .map(([queue, value]): Step => ({ op: 'put', queue, value })),
    });
    options.push({
      weight: 4,
      arbitrary: fc.constantFrom(...queues).map((queue): Step => ({ op: 'get', queue })),
    });
    options.push({
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom<'task_done' | 'join'>('task_done', 'join'),
          fc.constantFrom(...queues),
        )
        .map(([op, queue]): Step => ({ op, queue })),
    });
  }
  if (locks.length > 0) {
    options.push({
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.constantFrom<'acquire' | 'release'>('acquire', 'release'),
          fc.constantFrom(...locks),
        )
        .map(([op, lock]): Step => ({ op, lock })),
    });
  }
  if (events.length > 0) {
    options.push({
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.constantFrom<'set' | 'clear' | 'wait'>('set', 'clear', 'wait', 'wait'),
          fc.constantFrom(...events),
        )
        .map(([op, event]): Step => ({ op, event })),
    });
  }
  options.push({
    weight: 1,
    arbitrary: fc.constantFrom(...tasks).map((task): Step => ({ op: 'cancel', task })),
  });
  if (depth < 2) {
    options.push({
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined, freq: 4 }),
          fc.array(chunkArbitrary(queues, locks, events, tasks, depth + 1), { maxLength: 3 }),
        )
        .map(([times, chunks]): Step => {
          const steps = chunks.flat();
          return times === undefined ? { op: 'repeat', steps } : { op: 'repeat', times, steps };
        }),
    });
  }
  return fc.oneof(...options);
}

export function randomCase(): fc.Arbitrary<RandomCase> {
  return fc
    .record({
      queues: fc.array(fc.integer({ min: -1, max: 3 }), { maxLength: 2 }),
      locks: fc.integer({ min: 0, max: 1 }),
      semaphores: fc.array(
        fc.record({ bounded: fc.boolean(), value: fc.integer({ min: 0, max: 2 }) }),
        {
          maxLength: 2,
        },
      ),
      events: fc.integer({ min: 0, max: 2 }),
      taskCount: fc.integer({ min: 1, max: 6 }),
      until: fc.option(fc.constantFrom(0, 1, 2.5, 4), { nil: undefined }),
      // Task i > 0 may be started by a spawn step of an earlier task, at a top-level step.
      spawned: fc.array(
        fc.record({
          later: fc.nat(3).map((k) => k === 0),
          by: fc.nat(),
          at: fc.nat(),
          gathered: fc.boolean(),
        }),
        {
          minLength: 6,
          maxLength: 6,
        },
      ),
      // `await` steps, from an earlier task to a later one: no cycle.
      awaits: fc.array(fc.record({ from: fc.nat(5), to: fc.nat(5), at: fc.nat() }), {
        maxLength: 3,
      }),
    })
    .chain((shape) => {
      const primitives: Record<string, PrimitiveSpec> = {};
      const queues = shape.queues.map((maxsize, i) => {
        primitives[`q${i}`] = { type: 'Queue', maxsize };
        return `q${i}`;
      });
      const locks: string[] = [];
      for (let i = 0; i < shape.locks; i += 1) {
        primitives[`lock${i}`] = { type: 'Lock' };
        locks.push(`lock${i}`);
      }
      shape.semaphores.forEach((s, i) => {
        primitives[`sem${i}`] = {
          type: s.bounded ? 'BoundedSemaphore' : 'Semaphore',
          value: s.value,
        };
        locks.push(`sem${i}`);
      });
      const events: string[] = [];
      for (let i = 0; i < shape.events; i += 1) {
        primitives[`ev${i}`] = { type: 'Event' };
        events.push(`ev${i}`);
      }
      const names = Array.from({ length: shape.taskCount }, (_, i) => `t${i}`);
      const chunk = chunkArbitrary(queues, locks, events, names, 0);
      return fc
        .tuple(...names.map(() => fc.array(chunk, { minLength: 1, maxLength: 5 })))
        .map((chunkLists): RandomCase => {
          const tasks: TaskSpec[] = chunkLists.map((chunks, i) => ({
            name: names[i],
            steps: chunks.flat(),
          }));
          const insert = (t: number, at: number, step: Step) =>
            tasks[t].steps.splice(at % (tasks[t].steps.length + 1), 0, step);
          for (const { from, to, at } of shape.awaits) {
            if (from < to && to < tasks.length) insert(from, at, { op: 'await', task: names[to] });
          }
          // A gather step per spawning task creates the tasks marked `gathered`.
          const gathers = new Map<number, { at: number; tasks: string[] }>();
          shape.spawned.forEach(({ later, by, at, gathered }, i) => {
            if (!later || i === 0 || i >= tasks.length) return;
            tasks[i] = { name: names[i], start: false, steps: tasks[i].steps };
            const spawner = by % i;
            if (!gathered) insert(spawner, at, { op: 'spawn', task: names[i] });
            else if (gathers.has(spawner)) gathers.get(spawner)!.tasks.push(names[i]);
            else gathers.set(spawner, { at, tasks: [names[i]] });
          });
          for (const [spawner, { at, tasks: gathered }] of gathers)
            insert(spawner, at, { op: 'gather', tasks: gathered });
          const scenario: Scenario = { version: 1, primitives, tasks };
          const until = shape.until ?? (hasEndlessRepeat(scenario) ? 3 : undefined);
          return until === undefined ? { scenario } : { scenario, until };
        });
    });
}

const IO_TEXTS = ['a\n', 'bc', 'line\n', '\n', 'x\ny\n', 'tail'];

/**
 * Random programs on Connections: one or two servers (latency, data at equal or distinct
 * times, EOF or none), clients that connect, read lines or n bytes, write and close, alongside
 * sleepers and a queue; and the mistakes CPython raises for (a read before the connection is
 * open, two readers at once, a write after the close).
 */
export function randomIoCase(): fc.Arbitrary<RandomCase> {
  const afters = fc.array(fc.constantFrom(0, 0, 0.1, 0.25, 0.5, 1, 1.5), { maxLength: 4 });
  const server = fc
    .record({
      latency: fc.constantFrom(0, 0.1, 0.5),
      afters,
      texts: fc.array(fc.constantFrom(...IO_TEXTS), { minLength: 4, maxLength: 4 }),
      eof: fc.option(fc.constantFrom(0, 0.5, 1.5, 2), { nil: undefined }),
    })
    .map(({ latency, afters, texts, eof }): PrimitiveSpec => {
      const sorted = [...afters].sort((x, y) => x - y);
      const last = sorted.length > 0 ? sorted[sorted.length - 1] : 0;
      return {
        type: 'Connection',
        latency,
        data: sorted.map((after, i) => ({ after, text: texts[i] })),
        ...(eof === undefined ? {} : { eof: Math.max(eof, last) }),
      };
    });
  return fc
    .tuple(
      fc.array(server, { minLength: 1, maxLength: 2 }),
      fc.integer({ min: 0, max: 2 ** 30 }),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom(0.3, 0.6, 1, 1.55, 2.5) },
      ),
      fc.boolean(),
    )
    .chain(([servers, seed, interrupt, endless]) => {
      const conns = servers.map((_, i) => `c${i}`);
      const ioStep = (conn: string): fc.Arbitrary<Step> =>
        fc.oneof(
          { weight: 5, arbitrary: fc.constant<Step>({ op: 'readline', conn }) },
          {
            weight: 2,
            arbitrary: fc.constantFrom(1, 2, 5).map((n): Step => ({ op: 'read', conn, n })),
          },
          {
            weight: 2,
            arbitrary: fc
              .constantFrom('hi\n', '{item}!', 'n={n}\n')
              .map((text): Step => ({ op: 'write', conn, text })),
          },
          { weight: 3, arbitrary: fc.constant<Step>({ op: 'log', text: 'got {item}' }) },
          { weight: 2, arbitrary: sleepStep },
          { weight: 1, arbitrary: fc.constant<Step>({ op: 'put', queue: 'q', value: '{item}' }) },
        );
      // Each connection: one client task that connects (maybe after a sleep), works, and
      // maybe closes; some other task may read or write on it too.
      const client = (conn: string) =>
        fc
          .tuple(
            fc.option(sleepStep, { nil: undefined }),
            fc.array(ioStep(conn), { maxLength: 6 }),
            fc.option(
              fc.tuple(fc.integer({ min: 1, max: 3 }), fc.array(ioStep(conn), { maxLength: 3 })),
              { nil: undefined },
            ),
            fc.boolean(),
            fc.array(ioStep(conn), { maxLength: 2 }),
          )
          .map(([wait, body, loop, close, after]): Step[] => [
            ...(wait ? [wait] : []),
            { op: 'connect', conn },
            ...body,
            ...(loop
              ? [
                  {
                    op: 'repeat' as const,
                    ...(endless && loop[1].length > 0 ? {} : { times: loop[0] }),
                    steps: loop[1],
                  },
                ]
              : []),
            ...(close ? [{ op: 'close' as const, conn }, ...after] : []),
          ]);
      const other = fc.array(
        fc.oneof(
          { weight: 3, arbitrary: sleepStep },
          { weight: 2, arbitrary: fc.constant<Step>({ op: 'log', text: 'tick' }) },
          { weight: 2, arbitrary: fc.constant<Step>({ op: 'get', queue: 'q' }) },
          {
            weight: 2,
            arbitrary: fc.constantFrom(...conns).chain((conn) => ioStep(conn)),
          },
        ),
        { maxLength: 6 },
      );
      return fc
        .tuple(fc.tuple(...conns.map(client)), fc.array(other, { maxLength: 2 }))
        .map(([clients, others]): RandomCase => {
          const primitives: Record<string, PrimitiveSpec> = {
            q: { type: 'Queue', maxsize: seed % 3 },
          };
          servers.forEach((spec, i) => (primitives[conns[i]] = spec));
          const tasks: TaskSpec[] = [
            ...clients.map((steps, i) => ({ name: `client${i}`, steps })),
            ...others.map((steps, i) => ({ name: `other${i}`, steps })),
          ];
          const scenario: Scenario = {
            version: 1,
            primitives,
            tasks,
            ...(interrupt === undefined ? {} : { interrupt }),
          };
          // A Ctrl-C ends an endless run; else it stops at `until`.
          return hasEndlessRepeat(scenario) && interrupt === undefined
            ? { scenario, until: 3 }
            : { scenario };
        });
    });
}

/**
 * Random programs on Processes (create_subprocess_exec with stdout=PIPE): output at equal or
 * distinct times, the exit at or after the last; tasks that start them, read their stdout by
 * lines or bytes, wait for them (before or after the exit), beside sleepers, maybe a Ctrl-C.
 */
export function randomProcCase(): fc.Arbitrary<RandomCase> {
  const program = fc
    .record({
      afters: fc.array(fc.constantFrom(0, 0.1, 0.25, 0.5, 1), { maxLength: 4 }),
      texts: fc.array(fc.constantFrom(...IO_TEXTS), { minLength: 4, maxLength: 4 }),
      exit: fc.constantFrom(0, 0.25, 0.5, 1, 1.5),
      returncode: fc.constantFrom(0, 0, 1, 3),
    })
    .map(({ afters, texts, exit, returncode }): PrimitiveSpec => {
      const sorted = [...afters].sort((x, y) => x - y);
      const last = sorted.length > 0 ? sorted[sorted.length - 1] : 0;
      return {
        type: 'Process',
        output: sorted.map((after, i) => ({ after, text: texts[i] })),
        exit: Math.max(exit, last),
        returncode,
      };
    });
  return fc
    .tuple(
      fc.array(program, { minLength: 1, maxLength: 2 }),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom(0.3, 0.75, 1.2) },
      ),
    )
    .chain(([programs, interrupt]) => {
      const procs = programs.map((_, i) => `p${i}`);
      const procStep = (proc: string): fc.Arbitrary<Step> =>
        fc.oneof(
          { weight: 5, arbitrary: fc.constant<Step>({ op: 'readline', proc }) },
          {
            weight: 2,
            arbitrary: fc.constantFrom(1, 3).map((n): Step => ({ op: 'read', proc, n })),
          },
          { weight: 2, arbitrary: fc.constant<Step>({ op: 'proc_wait', proc }) },
          { weight: 3, arbitrary: fc.constant<Step>({ op: 'log', text: 'got {item}' }) },
          { weight: 2, arbitrary: sleepStep },
        );
      const starter = (proc: string) =>
        fc
          .tuple(
            fc.option(sleepStep, { nil: undefined }),
            fc.array(procStep(proc), { maxLength: 6 }),
          )
          .map(([wait, body]): Step[] => [...(wait ? [wait] : []), { op: 'exec', proc }, ...body]);
      const other = fc.array(
        fc.oneof(
          { weight: 3, arbitrary: sleepStep },
          { weight: 2, arbitrary: fc.constant<Step>({ op: 'log', text: 'tick' }) },
          { weight: 2, arbitrary: fc.constantFrom(...procs).chain(procStep) },
        ),
        { maxLength: 5 },
      );
      return fc
        .tuple(fc.tuple(...procs.map(starter)), fc.array(other, { maxLength: 2 }))
        .map(([starters, others]): RandomCase => {
          const primitives: Record<string, PrimitiveSpec> = {};
          programs.forEach((spec, i) => (primitives[procs[i]] = spec));
          const tasks: TaskSpec[] = [
            ...starters.map((steps, i) => ({ name: `starter${i}`, steps })),
            ...others.map((steps, i) => ({ name: `other${i}`, steps })),
          ];
          return {
            scenario: {
              version: 1,
              primitives,
              tasks,
              ...(interrupt === undefined ? {} : { interrupt }),
            },
          };
        });
    });
}
