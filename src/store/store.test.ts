import { describe, expect, it } from 'vitest';
import { presetDefaults } from '../scenario/presets';
import { pythonIn } from './run';
import { createAppStore } from './store';

describe('a change of language', () => {
  it('simulates a preset that speaks again in the new language, at the same event', () => {
    const store = createAppStore({ choice: presetDefaults('shared-lock'), lang: 'fr', t: 1.5 });
    const texts = () => store.getState().run.logs.map((line) => line.text);
    expect(texts()).toContain(">>> utilise l'imprimante, tour 1");
    store.getState().stepEvent(1);
    store.getState().stepEvent(1);
    const { cursor, playhead } = store.getState();
    store.getState().setLang('en');
    const state = store.getState();
    expect(state.run.lang).toBe('en');
    expect([state.cursor, state.playhead]).toEqual([cursor, playhead]);
    expect(texts()).toContain('>>> uses the printer, round 1');
    expect(texts()).not.toContain(">>> utilise l'imprimante, tour 1");
    expect(pythonIn(state.run, 'en').code).toContain(
      'show_timer(f">>> uses the printer, round {n}")',
    );
    // A language set from outside, as the compared run's store gets it, does the same.
    store.setState({ lang: 'fr' });
    expect(texts()).toContain('<<< tour 1 fini');
  });

  it('keeps the run of a preset that prints the course’s own lines', () => {
    const store = createAppStore({ choice: presetDefaults('job-window'), lang: 'en', t: 2 });
    const run = store.getState().run;
    store.getState().setLang('fr');
    expect(store.getState().run).toBe(run);
    expect(pythonIn(run, 'fr').code).toContain('# prendre un jeton dans la queue');
  });
});
