import { describe, expect, it } from 'vitest';
import { en, isSingular, translate } from './messages';
import { fr } from './fr';

describe('counts in messages', () => {
  it('agree with the number: 0 and 1 singular in French, only 1 in English', () => {
    const items = (lang: 'en' | 'fr', count: number) =>
      translate(lang, 'queue.items', { name: 'window', count });
    expect([0, 1, 2].map((n) => items('fr', n))).toEqual([
      'window : 0 élément',
      'window : 1 élément',
      'window : 2 éléments',
    ]);
    expect([0, 1, 2].map((n) => items('en', n))).toEqual([
      'window: 0 items',
      'window: 1 item',
      'window: 2 items',
    ]);
    expect(translate('fr', 'count.done', { n: 5 })).toBe('5 finies');
    expect(translate('fr', 'count.sleeping', { n: 1 })).toBe('1 dort');
    expect(translate('fr', 'count.sleeping', { n: 4 })).toBe('4 dorment');
    expect(translate('fr', 'count.created', { n: 8 })).toBe('8 créées');
    expect(translate('fr', 'queue.unbounded', { count: 0, size: 0 })).toBe(
      '0 élément · sans limite (maxsize=0)',
    );
    expect(isSingular('fr', '1.500')).toBe(true);
    expect(isSingular('en', '1.000')).toBe(false);
    expect(translate('fr', 'about.file', { name: 'a.json', tasks: 1 })).toMatch(
      /^Votre scénario \(a\.json : 1 tâche\)\./,
    );
  });

  it('leave no plural choice unresolved in either language', () => {
    for (const [lang, messages] of [
      ['en', en],
      ['fr', fr],
    ] as const)
      for (const [key, text] of Object.entries(messages)) {
        const params = Object.fromEntries([...text.matchAll(/\{(\w+)/g)].map((m) => [m[1], 2]));
        expect(translate(lang, key as keyof typeof en, params), key).not.toMatch(/\{\w+\|/);
      }
  });
});
