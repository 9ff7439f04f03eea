import { describe, expect, it } from 'vitest';
import { translate, type Lang, type MessageKey } from '../i18n/messages';
import { validationText } from '../i18n/validation';
import { readUrl, type UrlMessage } from './url';

const link = (text: string) => Buffer.from(text).toString('base64url');
/** A URL message as the page shows it, in `lang`. */
function shown(m: UrlMessage, lang: Lang): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(lang, key, params);
  return t(m.key, m.error ? { ...m.params, message: validationText(m.error, t) } : m.params);
}

describe('the scenario carried by a link, when it cannot be used', () => {
  it("says what is wrong with it in the reader's language", () => {
    const bad = { version: 1, tasks: [{ name: 'a', steps: [{ op: 'sleep', seconds: -1 }] }] };
    const { messages, scenario } = readUrl(`?scenario=${link(JSON.stringify(bad))}`);
    expect(scenario).toBeNull();
    expect(shown(messages[0], 'fr')).toBe(
      'le scénario du lien ne peut pas être utilisé : tasks[0].steps[0].seconds : doit être un nombre >= 0',
    );
    expect(shown(messages[0], 'en')).toBe(
      'the scenario in the link cannot be used: tasks[0].steps[0].seconds: must be a number >= 0',
    );
    const broken = readUrl(`?scenario=${link('{"version": 1,')}`).messages[0];
    expect(shown(broken, 'fr')).toBe(
      "le scénario du lien ne peut pas être utilisé : ce n'est pas du JSON valide : le texte s'arrête trop tôt (ligne 1, colonne 15)",
    );
  });

  it('says so when the link is not a scenario link at all', () => {
    for (const value of ['***', Buffer.from([0xff, 0xfe]).toString('base64url')]) {
      const m = readUrl(`?scenario=${encodeURIComponent(value)}`).messages[0];
      expect(shown(m, 'fr')).toBe(
        "le scénario du lien est abîmé (ce n'est pas un lien de scénario).",
      );
    }
  });
});

describe('a Python program carried by a link', () => {
  it('comes back as it was written, at its time, whatever URLSearchParams made of it', async () => {
    const { encodeSource } = await import('../python/share');
    const { writeUrl } = await import('./url');
    const source =
      'import asyncio\n\nasync def main():\n    print("déjà + 1 $")\n\nasyncio.run(main())\n';
    const search = writeUrl(null, 2.5, undefined, { py: encodeSource(source) });
    expect(search).not.toContain('preset=');
    const url = readUrl(search);
    expect(url.program).toBe(source);
    expect(url.t).toBe(2.5);
    expect(url.messages).toEqual([]);
  });

  it('says so when the program in the link is damaged, and shows the job window', () => {
    const url = readUrl('?py=%%%broken');
    expect(url.program).toBeNull();
    expect(url.choice.preset).toBe('job-window');
    expect(shown(url.messages[0], 'en')).toMatch(/Python program in the link is damaged/);
  });
});
