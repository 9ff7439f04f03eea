import { describe, expect, it } from 'vitest';
import { Ev, simulate } from '../engine';
import {
  awaitTask,
  cancel,
  gather,
  get,
  join,
  put,
  scenario,
  sleep,
  spawn,
  spawned,
  task,
  taskDone,
} from '../../oracle/scenarios';
import { eventFields } from './describe';
import { narrate } from './narrate';

describe('the narration of task_done, join, spawn, await and gather', () => {
  it('has words for each of their events, in English and French', () => {
    const trace = simulate(
      scenario(
        { q: { type: 'Queue', maxsize: 0 } },
        task('boss', spawn('worker'), put('q', 'a'), join('q'), join('q'), awaitTask('worker')),
        spawned('worker', get('q'), sleep(1), taskDone('q')),
        task('main', gather('x', 'y'), awaitTask('worker')),
        spawned('x', sleep(2)),
        spawned('y', sleep(3)),
        task('j', put('q'), join('q')),
        task('k', sleep(0.5), cancel('j'), taskDone('q'), awaitTask('y')),
      ),
    );
    const kinds = [
      Ev.SPAWN,
      Ev.AWAIT_PASS,
      Ev.AWAIT_DONE,
      Ev.GATHER,
      Ev.GATHER_CALLBACK,
      Ev.RUN_CALLBACK,
      Ev.GATHER_DONE,
      Ev.Q_TASK_DONE,
      Ev.Q_JOIN_PASS,
      Ev.Q_JOIN_BLOCK,
      Ev.Q_JOIN_NOTIFY,
      Ev.Q_JOIN_DONE,
    ];
    const seen = new Set<number>();
    for (let i = 0; i < trace.eventCount; i += 1) {
      seen.add(trace.kind[i]);
      for (const lang of ['en', 'fr'] as const)
        expect(narrate(trace, i, lang)).not.toMatch(/^event /);
      expect(eventFields(trace, i).kind).toBeDefined();
    }
    for (const kind of kinds) expect(seen).toContain(kind);
    const said = (kind: number, lang: 'en' | 'fr') => {
      for (let i = 0; i < trace.eventCount; i += 1)
        if (trace.kind[i] === kind) return narrate(trace, i, lang);
      return '';
    };
    expect(said(Ev.Q_TASK_DONE, 'en')).toBe(
      'k marks an item of q done (task_done): 1 still unfinished',
    );
    expect(said(Ev.GATHER, 'fr')).toBe(
      "main rassemble x, y (gather) : elles démarrent à l'itération suivante, dans l'ordre",
    );
    expect(said(Ev.SPAWN, 'en')).toBe('boss creates task worker (create_task)');
  });
});
