/* eslint-disable @typescript-eslint/no-explicit-any -- the mutations poke at arbitrary JSON */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioBytes, loadScenarioText } from './loadText';
import { simulate } from './simulation';
import { formatLog } from '../trace/log';
import { compileScenario, type CompiledScenario } from './program';
import { parseScenario } from '../scenario/validate';
import { randomCase } from '../../oracle/arbitrary';
import { jobWindowScenario, producerConsumerScenario } from '../scenario/presets';

/** The compiled scenario as plain data, columns cut to their used length. */
function plain(c: CompiledScenario) {
  const p = c.program;
  const n = p.size;
  const tasks = c.taskNames.length;
  return {
    code: Array.from(p.code.subarray(0, n)),
    end: Array.from(p.end.subarray(0, n)),
    num: Array.from(p.num.subarray(0, n)),
    target: Array.from(p.target.subarray(0, n)),
    str: Array.from(p.str.subarray(0, n)),
    templates: [...p.templates],
    children: [...p.children],
    taskBase: Array.from(p.taskBase.subarray(0, tasks)),
    taskEnd: Array.from(p.taskEnd.subarray(0, tasks)),
    taskStart: Array.from(p.taskStart.subarray(0, tasks)),
    taskNames: c.taskNames.toArray(),
    primitives: c.primitives,
    strings: c.strings.toArray(),
    title: c.title,
  };
}

function reference(text: string) {
  const result = parseScenario(text);
  return result.ok ? plain(compileScenario(result.scenario)) : null;
}

/** Keys of every object in a random order, and random blanks. */
function reshape(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => reshape(v, random));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, reshape(v, random)] as const);
    entries.sort(() => random() - 0.5);
    return Object.fromEntries(entries);
  }
  return value;
}

describe('the fast loader', () => {
  it('compiles the presets exactly as the reference path does', () => {
    for (const scenario of [
      jobWindowScenario({ jobs: 50, maxsize: 4, durations: { kind: 'random', seed: 3, max: 5 } }),
      producerConsumerScenario({ maxsize: 2, period: 0.5, work: 1 }),
    ]) {
      for (const text of [JSON.stringify(scenario), JSON.stringify(scenario, null, 2)]) {
        const fast = loadScenarioText(text);
        expect(fast).not.toBeNull();
        expect(plain(fast!)).toEqual(reference(text));
      }
    }
  });

  it('agrees with the reference path on random scenarios, whatever the key order and layout', () => {
    let fastCount = 0;
    fc.assert(
      fc.property(
        randomCase(),
        fc.integer(),
        fc.boolean(),
        fc.boolean(),
        ({ scenario }, seed, pretty, shuffle) => {
          let state = seed;
          const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
          const text = JSON.stringify(
            shuffle ? reshape(scenario, random) : scenario,
            null,
            pretty ? 1 : undefined,
          );
          const fast = loadScenarioText(text);
          if (fast !== null) {
            fastCount += 1;
            expect(plain(fast)).toEqual(reference(text));
          } else {
            // Only unusual layouts may leave the fast path for a valid file.
            expect(reference(text)).not.toBeNull();
          }
        },
      ),
      { seed: 11, numRuns: 400 },
    );
    expect(fastCount).toBeGreaterThan(100);
  });

  it('never accepts what the reference path rejects', () => {
    const base = JSON.stringify(
      jobWindowScenario({ jobs: 3, maxsize: 2, durations: { kind: 'formula' } }),
    );
    const edits = fc.array(
      fc.record({
        at: fc.nat(base.length),
        remove: fc.integer({ min: 0, max: 3 }),
        insert: fc.constantFrom(
          '',
          ',',
          '"',
          '{',
          '}',
          '[',
          ']',
          ':',
          ' ',
          '0',
          '-1',
          '1e999',
          'null',
          '"x"',
          '\\n',
          '"op"',
          '"window"',
          '\u0001',
          '\ud800',
        ),
      }),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(edits, (list) => {
        let text = base;
        for (const { at, remove, insert } of list)
          text = text.slice(0, at) + insert + text.slice(at + remove);
        const fast = loadScenarioText(text);
        if (fast !== null) expect(plain(fast)).toEqual(reference(text));
      }),
      { seed: 5, numRuns: 3000 },
    );
  });

  it('rejects every kind of invalid step, primitive or task that the reference path rejects', () => {
    const MUTATIONS: ((s: any, pick: (n: number) => number) => void)[] = [
      (s, pick) => (anyStep(s, pick).seconds = [-1, 1e10, '1', null, Number.MAX_VALUE][pick(5)]),
      (s, pick) => (anyStep(s, pick).queue = ['nope', 'lock0', 'ev0', 'sem0', 'q0', 3][pick(6)]),
      (s, pick) => (anyStep(s, pick).lock = ['nope', 'q0', 'ev0', 'lock0', 'sem0'][pick(5)]),
      (s, pick) => (anyStep(s, pick).event = ['nope', 'q0', 'ev0'][pick(3)]),
      (s, pick) => (anyStep(s, pick).times = [-1, 1.5, null, '2', 2][pick(5)]),
      (s, pick) => (anyStep(s, pick).value = [3, null, 'x', true][pick(4)]),
      (s, pick) => (anyStep(s, pick).text = [3, null, 'x'][pick(3)]),
      (s, pick) => (anyStep(s, pick).task = ['nope', 't0', 3][pick(3)]),
      (s, pick) => (anyStep(s, pick).op = ['nope', 'sleep', 'repeat', 'log', 'get'][pick(5)]),
      (s, pick) => (anyStep(s, pick).op = ['spawn', 'await', 'task_done', 'join'][pick(4)]),
      (s, pick) => {
        const t = pick(s.tasks.length);
        const task = `t${pick(6)}`;
        const step = [
          { op: 'spawn', task },
          { op: 'await', task },
          { op: 'gather', tasks: [task] },
          { op: 'gather', tasks: [task, `t${pick(6)}`] },
          { op: 'gather', tasks: [] },
          { op: 'gather', task },
        ][pick(6)];
        const steps = pick(2) === 0 ? s.tasks[t].steps : anyRepeat(s.tasks[t].steps);
        steps.splice(pick(steps.length + 1), 0, step);
      },
      (s, pick) => (s.tasks[pick(s.tasks.length)].start = [false, true, 0, 'no', null][pick(5)]),
      (s, pick) => (anyStep(s, pick).steps = [[], 'x', null][pick(3)]),
      (s, pick) => (anyStep(s, pick).extra = 1),
      (s, pick) =>
        delete anyStep(s, pick)[
          ['op', 'seconds', 'queue', 'text', 'steps', 'lock', 'event', 'task'][pick(8)]
        ],
      (s, pick) => (s.tasks[pick(s.tasks.length)].name = ['a b', '', 't0', 3, 't\u00a0x'][pick(5)]),
      (s, pick) => (s.tasks[pick(s.tasks.length)].extra = 1),
      (s, pick) => delete s.tasks[pick(s.tasks.length)][['name', 'steps', 'start'][pick(3)]],
      (s, pick) => (s.version = [2, '1', null][pick(3)]),
      (s, pick) => (s.tasks = [[], 'x'][pick(2)]),
      (s, pick) => {
        const names = Object.keys(s.primitives);
        if (names.length === 0) return;
        const p = s.primitives[names[pick(names.length)]];
        const change = pick(6);
        if (change === 0) p.maxsize = 1.5;
        else if (change === 1) p.type = 'Foo';
        else if (change === 2) p.value = -1;
        else if (change === 3) p.extra = 1;
        else if (change === 4) p.maxsize = 2;
        else p.value = 2;
      },
    ];
    /** The steps of a repeat among `steps`, or `steps` when there is none. */
    function anyRepeat(steps: any[]): any[] {
      return steps.find((step) => step.op === 'repeat')?.steps ?? steps;
    }
    function anyStep(s: any, pick: (n: number) => number): any {
      let steps = s.tasks[pick(s.tasks.length)].steps;
      let step = steps[pick(steps.length)] ?? {};
      while (step.op === 'repeat' && step.steps?.length && pick(2) === 0) {
        steps = step.steps;
        step = steps[pick(steps.length)];
      }
      return step;
    }
    let rejected = 0;
    fc.assert(
      fc.property(
        randomCase(),
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        ({ scenario }, choices) => {
          const copy = structuredClone(scenario);
          let k = 0;
          const pick = (n: number) => (n <= 1 ? 0 : choices[k++ % choices.length] % n);
          MUTATIONS[pick(MUTATIONS.length)](copy, pick);
          const text = JSON.stringify(copy);
          const expected = reference(text);
          const fast = loadScenarioText(text);
          if (expected === null) {
            rejected += 1;
            expect(fast, text).toBeNull();
          } else if (fast !== null) expect(plain(fast)).toEqual(expected);
        },
      ),
      { seed: 23, numRuns: 3000 },
    );
    expect(rejected).toBeGreaterThan(1000);
  });

  it('compiles spawned, awaited and joined tasks, and leaves the files that break their rules', () => {
    const file = (tasks: unknown[]) =>
      JSON.stringify({ version: 1, primitives: { q: { type: 'Queue' } }, tasks });
    const spawn = (task: string) => ({ op: 'spawn', task });
    const good = file([
      { name: 'main', steps: [spawn('w'), { op: 'join', queue: 'q' }, { op: 'await', task: 'w' }] },
      {
        name: 'w',
        start: false,
        steps: [
          { op: 'get', queue: 'q' },
          { op: 'task_done', queue: 'q' },
        ],
      },
      {
        name: 'p',
        start: true,
        steps: [
          { op: 'put', queue: 'q' },
          { op: 'gather', tasks: ['x', 'y'] },
        ],
      },
      { name: 'x', start: false, steps: [] },
      { name: 'y', start: false, steps: [{ op: 'await', task: 'w' }] },
    ]);
    expect(plain(loadScenarioText(good)!)).toEqual(reference(good));
    const bad = [
      [
        { name: 'a', steps: [] },
        { name: 'b', start: false, steps: [] },
      ],
      [
        { name: 'a', steps: [spawn('b')] },
        { name: 'b', steps: [] },
      ],
      [
        { name: 'a', steps: [{ op: 'repeat', times: 1, steps: [spawn('b')] }] },
        { name: 'b', start: false, steps: [] },
      ],
      [
        { name: 'a', steps: [spawn('b'), spawn('b')] },
        { name: 'b', start: false, steps: [] },
      ],
      [
        { name: 'a', steps: [] },
        { name: 'b', start: false, steps: [spawn('c')] },
        { name: 'c', start: false, steps: [spawn('b')] },
      ],
      [{ name: 'a', steps: [{ op: 'await', task: 'a' }] }],
      [
        { name: 'a', steps: [{ op: 'await', task: 'b' }] },
        { name: 'b', steps: [{ op: 'await', task: 'a' }] },
      ],
      [{ name: 'a', start: 0, steps: [] }],
      [{ name: 'a', steps: [{ op: 'gather', tasks: [] }] }],
      [
        { name: 'a', steps: [{ op: 'gather', tasks: ['b', 'b'] }] },
        { name: 'b', start: false, steps: [] },
      ],
      [
        { name: 'a', steps: [{ op: 'gather', tasks: ['b'] }, spawn('b')] },
        { name: 'b', start: false, steps: [] },
      ],
      [
        { name: 'a', steps: [{ op: 'repeat', steps: [{ op: 'gather', tasks: ['b'] }] }] },
        { name: 'b', start: false, steps: [] },
      ],
      [
        { name: 'a', steps: [{ op: 'gather', tasks: ['b'] }] },
        { name: 'b', steps: [] },
      ],
      [
        { name: 'a', steps: [{ op: 'gather', tasks: ['b'] }] },
        { name: 'b', start: false, steps: [{ op: 'await', task: 'a' }] },
      ],
    ].map(file);
    for (const text of bad) {
      expect(reference(text), text).toBeNull();
      expect(loadScenarioText(text), text).toBeNull();
    }
  });

  it('leaves escapes, duplicate keys and primitives after tasks to the reference path', () => {
    expect(
      loadScenarioText(
        '{"version":1,"tasks":[{"name":"a","steps":[{"op":"log","text":"a\\"b"}]}]}',
      ),
    ).toBeNull();
    expect(
      loadScenarioText('{"version":1,"version":1,"tasks":[{"name":"a","steps":[]}]}'),
    ).toBeNull();
    expect(
      loadScenarioText('{"version":1,"tasks":[{"name":"a","steps":[]}],"primitives":{}}'),
    ).toBeNull();
    expect(loadScenarioText('{"version":1,"tasks":[{"name":"a","steps":[]}]}')).not.toBeNull();
  });

  it('reads texts and names beyond ASCII, even invalid UTF-8, as the reference path decodes them', () => {
    const word = fc.constantFrom('a', 'é', '→', '😀', ' ', '{n}', '{item}', '{', '\u00a0');
    const text = fc.array(word, { maxLength: 4 }).map((parts) => parts.join(''));
    const name = fc.array(fc.constantFrom('t', 'ü', '😀', '_', 't', 'ü', '😀', '_', '\u00a0'), {
      minLength: 1,
      maxLength: 3,
    });
    // Bytes that are not UTF-8 on their own, put inside a string of the file.
    const badBytes = fc.array(fc.constantFrom(0x80, 0xbf, 0xc3, 0xe2, 0xf0, 0xff), {
      minLength: 1,
      maxLength: 3,
    });
    let fastCount = 0;
    fc.assert(
      fc.property(
        fc.tuple(name, name, name).map((names) => names.map((n) => n.join(''))),
        fc.array(text, { minLength: 4, maxLength: 4 }),
        fc.option(fc.tuple(fc.nat(), badBytes), { nil: undefined }),
        ([q, a, b], [t1, t2, v1, v2], corruption) => {
          const scenario = {
            version: 1,
            primitives: { [q]: { type: 'Queue', maxsize: 1 } },
            tasks: [
              {
                name: a,
                steps: [
                  { op: 'put', queue: q, value: v1 },
                  { op: 'log', text: t1 },
                ],
              },
              {
                name: b,
                steps: [
                  { op: 'get', queue: q },
                  { op: 'log', text: t2 },
                  { op: 'put', queue: q, value: v2 },
                  { op: 'cancel', task: a },
                ],
              },
            ],
          };
          let bytes = new TextEncoder().encode(JSON.stringify(scenario));
          if (corruption) {
            // Inside the n-th string of the file, after its opening quote.
            const quotes = Array.from(bytes).flatMap((c, i) => (c === 0x22 ? [i] : []));
            const at = quotes[(corruption[0] % (quotes.length / 2)) * 2] + 1;
            bytes = Uint8Array.from([
              ...bytes.subarray(0, at),
              ...corruption[1],
              ...bytes.subarray(at),
            ]);
          }
          const decoded = new TextDecoder().decode(bytes);
          const fast = loadScenarioBytes(bytes);
          const expected = reference(decoded);
          if (fast === null) return;
          fastCount += 1;
          expect(plain(fast)).toEqual(expected);
          const parsed = parseScenario(decoded);
          if (!parsed.ok)
            throw new Error('the reference path rejected what the fast path accepted');
          expect(formatLog(simulate(fast))).toBe(formatLog(simulate(parsed.scenario)));
        },
      ),
      { seed: 7, numRuns: 1000 },
    );
    expect(fastCount).toBeGreaterThan(100);
  });
});
