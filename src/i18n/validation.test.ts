import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/validate';
import { VALIDATION_EN, type ValidationCode } from '../scenario/errors';
import { en, translate, type Lang, type MessageKey } from './messages';
import { fr } from './fr';
import { validationText } from './validation';

const t = (lang: Lang) => (key: MessageKey, params?: Record<string, string | number>) =>
  translate(lang, key, params);

/** What the page says of a scenario file's first problem. */
function said(text: string, lang: Lang): string {
  const result = parseScenario(text);
  if (result.ok) throw new Error('expected an error');
  return validationText(result.errors[0], t(lang));
}

const sleep = (seconds: unknown) =>
  JSON.stringify({
    version: 1,
    tasks: [
      { name: 'a', steps: [] },
      { name: 'b', steps: [{ op: 'repeat', times: 2, steps: [{ op: 'sleep', seconds }] }] },
    ],
  });

describe("a scenario file's problem in the page's language", () => {
  it('keeps the place and the Python names as they are, and says the rest in French', () => {
    expect(said(sleep(-1), 'fr')).toBe(
      'tasks[1].steps[0].steps[0].seconds : doit être un nombre >= 0',
    );
    expect(said(sleep(-1), 'en')).toBe('tasks[1].steps[0].steps[0].seconds: must be a number >= 0');
    expect(said('{"version": 2, "tasks": [{"name": "a", "steps": []}]}', 'fr')).toBe(
      'version : doit valoir 1',
    );
    const lock = JSON.stringify({
      version: 1,
      primitives: { q: { type: 'Queue' } },
      tasks: [{ name: 'a', steps: [{ op: 'acquire', lock: 'q' }] }],
    });
    expect(said(lock, 'fr')).toBe(
      "tasks[0].steps[0].lock : 'q' est de type Queue, et non Lock, Semaphore ou BoundedSemaphore",
    );
    const missing = (declared: object) =>
      JSON.stringify({
        version: 1,
        primitives: declared,
        tasks: [{ name: 'a', steps: [{ op: 'get', queue: 'zed' }] }],
      });
    expect(said(missing({ q: { type: 'Queue' } }), 'fr')).toMatch(/\(déclarée : 'q'\)$/);
    expect(said(missing({ q: { type: 'Queue' }, r: { type: 'Queue' } }), 'fr')).toMatch(
      /\(déclarées : 'q', 'r'\)$/,
    );
  });

  it('says where JSON breaks, in words of its own rather than the browser’s', () => {
    const broken = '{\n  "version": 1,\n  "tasks": [}\n}';
    expect(said(broken, 'fr')).toBe(
      "ce n'est pas du JSON valide : « } » inattendu à la ligne 3, colonne 13",
    );
    expect(said(broken, 'en')).toBe("not valid JSON: unexpected '}' at line 3, column 13");
    expect(said('{"version": 1,', 'fr')).toBe(
      "ce n'est pas du JSON valide : le texte s'arrête trop tôt (ligne 1, colonne 15)",
    );
    expect(said('["a\tb"]', 'fr')).toContain('« U+0009 » inattendu');
    expect(said('', 'fr')).toBe('il est vide');
  });

  it('has French for every code, with every value the English has', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
    for (const code of Object.keys(VALIDATION_EN) as ValidationCode[]) {
      const key = `validate.${code}` as const;
      expect(fr[key], code).not.toBe(en[key]);
      // French may say more (a plural), never less.
      if (!code.startsWith('json'))
        expect(names(fr[key]), code).toEqual(expect.arrayContaining(names(en[key])));
    }
  });
});
