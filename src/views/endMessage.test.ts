import { describe, expect, it } from 'vitest';
import { simulate } from '../engine';
import { translate, type MessageKey } from '../i18n/messages';
import {
  acquire,
  awaitTask,
  gather,
  join,
  put,
  repeat,
  scenario,
  sleep,
  spawned,
  task,
} from '../../oracle/scenarios';
import { endMessage } from './endMessage';

const t = (lang: 'en' | 'fr') => (key: MessageKey, params?: Record<string, string | number>) =>
  translate(lang, key, params);

describe('the deadlock message', () => {
  it('says in both languages what a task in join(), await or gather waits on', () => {
    const trace = simulate(
      scenario(
        { q: { type: 'Queue', maxsize: 0 } },
        task('producer', put('q', 'x'), join('q')),
        task('main', gather('child')),
        spawned('child', awaitTask('producer')),
      ),
    );
    expect(trace.end!.reason).toBe('deadlock');
    expect(trace.end!.message).toBe(
      "deadlock at t=0.000: nothing can ever happen again, and 3 tasks never finish: producer waits on join queue 'q' (1 unfinished); main waits on gather('child') (not finished); child waits on task 'producer' (not finished)",
    );
    const en = endMessage(trace, t('en'));
    expect(en).toContain(
      "producer waits for every item of queue 'q' to be processed (1 unfinished)",
    );
    expect(en).toContain("main waits for gather('child') to finish");
    expect(en).toContain("task 'producer' to finish");
    const fr = endMessage(trace, t('fr'));
    expect(fr).toContain("que chaque élément de la file 'q' soit traité (1 en cours)");
    expect(fr).toContain("la fin de gather('child')");
    expect(fr).toContain("la fin de la tâche 'producer'");
  });
});

describe('the end messages read as sentences', () => {
  it('agree with one task or several, and start with a capital after the heading', () => {
    const one = simulate(scenario({ s: { type: 'Semaphore', value: 0 } }, task('a', acquire('s'))));
    expect(endMessage(one, t('fr'))).toBe(
      "À t=0.000, plus rien ne peut arriver, et cette tâche ne finira jamais : a attend le Semaphore 's' (valeur 0)",
    );
    expect(endMessage(one, t('en'))).toMatch(/^At t=0.000, .* and this task never finishes: a /);
    const two = simulate(
      scenario(
        { s: { type: 'Semaphore', value: 0 } },
        task('a', acquire('s')),
        task('b', acquire('s')),
      ),
    );
    expect(endMessage(two, t('fr'))).toContain('et ces tâches ne finiront jamais : a attend');
    const spin = simulate(scenario({}, task('spin', repeat(undefined, sleep(0)))));
    expect(spin.end!.reason).toBe('livelock');
    expect(endMessage(spin, t('fr'))).toContain('; spin occupe la file des prêts');
    expect(endMessage(spin, t('en'))).toContain('; spin keeps the ready queue busy');
    const both = simulate(
      scenario({}, task('a', repeat(undefined, sleep(0))), task('b', repeat(undefined, sleep(0)))),
    );
    expect(endMessage(both, t('fr'))).toContain('; a, b occupent la file des prêts');
  });
});
