import { describe, expect, it } from 'vitest';
import { simulate } from '../engine';
import { translate, type MessageKey } from '../i18n/messages';
import { awaitTask, gather, join, put, scenario, spawned, task } from '../../oracle/scenarios';
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
