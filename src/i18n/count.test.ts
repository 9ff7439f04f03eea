import { describe, expect, it } from 'vitest';
import { en, fr, translateCount } from './messages';

describe('translateCount', () => {
  it('puts 0 and 1 in the singular in French, 2 and more in the plural', () => {
    expect([0, 1, 2, 8].map((n) => translateCount('fr', 'tasks.done', n))).toEqual([
      '0 finie',
      '1 finie',
      '2 finies',
      '8 finies',
    ]);
    expect(translateCount('fr', 'tasks.sleeping', 4)).toBe('4 dorment');
    expect(translateCount('fr', 'tasks.waiting', 1)).toBe('1 attend');
    expect(translateCount('fr', 'tasks.created', 8)).toBe('8 créées');
    expect(translateCount('fr', 'tasks.ready', 5)).toBe('5 prêtes');
  });

  it('puts only 1 in the singular in English', () => {
    expect([0, 1, 2].map((n) => translateCount('en', 'queue.itemCount', n))).toEqual([
      '0 items',
      '1 item',
      '2 items',
    ]);
  });

  it('has both forms of every count in both languages', () => {
    const keys = Object.keys(en).filter((key) => key.endsWith('.one'));
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const many = key.replace(/\.one$/, '.many') as keyof typeof en;
      expect(en[many], many).toBeTruthy();
      expect(fr[many], many).toBeTruthy();
      expect(fr[key as keyof typeof en], key).toContain('{n}');
    }
  });
});
