/**
 * The quiz's questions come from the trace, and their answers are what the trace does next:
 * over every preset, random scenarios and a Python program.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ev, simulate, type Trace } from '../engine';
import { buildPreset, PRESET_IDS, presetDefaults } from '../scenario/presets';
import { hasEndlessRepeat } from '../scenario/types';
import { randomCase } from '../../oracle/arbitrary';
import { appendChunk, pythonTrace } from '../python/chunk';
import { loadPythonRuntime } from '../python/node';
import type { PythonRuntime } from '../python/runtime';
import { allQuestions, nextQuestion, type Question } from './quiz';
import { initialState, StateIndex } from './state';

/** Every question's answer is what happens at its event, and its choices make sense. */
function check(trace: Trace, questions: Question[]): void {
  let last = -Infinity;
  for (const q of questions) {
    expect(q.choices.length).toBeGreaterThanOrEqual(2);
    expect(q.choices.length).toBeLessThanOrEqual(4);
    expect(new Set(q.choices).size).toBe(q.choices.length);
    expect(q.answer).toBeGreaterThanOrEqual(0);
    expect(q.time).toBe(trace.timeAt(q.at));
    // One question per instant, in time order.
    expect(q.time).toBeGreaterThan(last);
    last = q.time;
    const right = q.choices[q.answer];
    const kind = trace.kind[q.at];
    const task = trace.tasks[trace.task[q.at]]?.name;
    if (q.kind === 'next-task') {
      expect(kind).toBe(Ev.RUN_STEP);
      expect(right).toBe(task);
      expect(q.rule.kind === 'ready-fifo' && q.rule.order[0]).toBe(right);
    } else if (q.kind === 'token') {
      expect([Ev.Q_NOTIFY, Ev.ACQUIRE_NOTIFY]).toContain(kind);
      expect(right).toBe(task);
      expect(q.rule.kind === 'waiters-fifo' && q.rule.order[0]).toBe(right);
    } else {
      expect([Ev.LOG, Ev.PRINT]).toContain(kind);
      const text = trace.string(trace.a[q.at]);
      expect(right).toBe(task ? `${task} ${text}` : text);
    }
  }
}

function questionsOf(trace: Trace): Question[] {
  const questions = allQuestions(trace, initialState(trace));
  check(trace, questions);
  return questions;
}

describe('quiz questions', () => {
  it('come from every preset, and are right', () => {
    for (const preset of PRESET_IDS) {
      for (const lang of ['en', 'fr'] as const) {
        const { scenario } = buildPreset(presetDefaults(preset), lang);
        const trace = simulate(scenario, hasEndlessRepeat(scenario) ? { until: 30 } : {});
        expect(questionsOf(trace).length, preset).toBeGreaterThan(0);
      }
    }
  });

  it('ask, in the job window, who gets the token, who runs, what is printed', () => {
    const trace = simulate(buildPreset(presetDefaults('job-window')).scenario);
    const questions = questionsOf(trace);
    const kinds = new Set(questions.map((q) => q.kind));
    expect(kinds).toEqual(new Set(['token', 'next-task', 'print']));
    // At t=1, j0 gives its token back: the first putter waiting, j4, gets it.
    const token = questions.find((q) => q.kind === 'token')!;
    expect(token.time).toBe(1);
    expect(token.choices[token.answer]).toBe('j4');
    expect(token.rule).toMatchObject({ role: 'putters', order: ['j4', 'j5', 'j6', 'j7'] });
  });

  it('are the same questions whether the cursor moves event by event or at once', () => {
    const trace = simulate(buildPreset(presetDefaults('job-window')).scenario);
    const index = new StateIndex(trace);
    const whole = allQuestions(trace, initialState(trace));
    const stepped: Question[] = [];
    let after: number | undefined;
    for (let cursor = 0; cursor < trace.eventCount; cursor += 1) {
      const q = nextQuestion(trace, index.stateAfter(cursor), cursor, cursor + 1, { after });
      if (q) {
        stepped.push(q);
        after = q.time;
      }
    }
    expect(stepped).toEqual(whole);
  });

  it('are right for random scenarios', () => {
    fc.assert(
      fc.property(randomCase(), ({ scenario, until }) => {
        const trace = simulate(scenario, {
          until,
          maxIterationsPerInstant: 50,
          maxOpsPerStep: 200,
        });
        questionsOf(trace);
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });

  describe('from a Python program', () => {
    let runtime: PythonRuntime;
    beforeAll(async () => {
      runtime = await loadPythonRuntime();
    });

    it('are right too', () => {
      const trace = pythonTrace();
      appendChunk(
        trace,
        runtime.start(
          [
            'import asyncio',
            '',
            'async def worker(name, lock):',
            '    async with lock:',
            '        print(name, "has the lock")',
            '        await asyncio.sleep(1)',
            '',
            'async def main():',
            '    lock = asyncio.Lock()',
            '    await asyncio.gather(',
            '        *(asyncio.create_task(worker(f"w{i}", lock), name=f"w{i}") for i in range(4))',
            '    )',
            '',
            'asyncio.run(main())',
            '',
          ].join('\n'),
        ),
      );
      const questions = questionsOf(trace);
      const token = questions.find((q) => q.kind === 'token');
      expect(token?.rule).toMatchObject({
        kind: 'waiters-fifo',
        primitive: 'lock',
        order: ['w1', 'w2', 'w3'],
      });
      expect(token!.choices[token!.answer]).toBe('w1');
    });
  });
});
