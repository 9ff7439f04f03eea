import { describe, expect, it } from 'vitest';
import { PITFALL_IDS, presetDefaults } from '../scenario/presets';
import { withField } from '../scenario/presets/fields';
import { defaultCompare } from './defaultCompare';
import { readUrl } from './url';

describe('defaultCompare', () => {
  it('puts a pitfall beside its fixed twin, and the fix beside its mistake', () => {
    for (const preset of PITFALL_IDS) {
      const mistake = presetDefaults(preset);
      const fix = withField(mistake, 'fixed', 1);
      expect(defaultCompare(mistake)).toEqual(fix);
      expect(defaultCompare(fix)).toEqual(mistake);
    }
  });

  it('keeps the other parameters of the pitfall', () => {
    expect(
      defaultCompare({ preset: 'pitfall-task-done', params: { fixed: 0, items: 7, work: 0.5 } }),
    ).toEqual({ preset: 'pitfall-task-done', params: { fixed: 1, items: 7, work: 0.5 } });
  });

  it('still compares another maxsize for the other presets', () => {
    expect(defaultCompare(presetDefaults('job-window'))).toEqual(
      withField(presetDefaults('job-window'), 'maxsize', 1),
    );
  });

  it('compares the streams without latency, and with it', () => {
    const streams = presetDefaults('io-streams');
    expect(defaultCompare(streams)).toEqual(withField(streams, 'latency', 0));
    expect(defaultCompare(withField(streams, 'latency', 0))).toEqual(
      withField(streams, 'latency', 0.5),
    );
  });

  it('compare=1 in a link opens the twin', () => {
    const state = readUrl('?preset=pitfall-lock-twice&workers=3&compare=1');
    expect(state.choice).toEqual({
      preset: 'pitfall-lock-twice',
      params: { fixed: 0, workers: 3, hold: 1 },
    });
    expect(state.compare).toEqual({
      preset: 'pitfall-lock-twice',
      params: { fixed: 1, workers: 3, hold: 1 },
    });
    expect(readUrl('?preset=pitfall-task-done&fixed=2').messages).toHaveLength(1);
  });
});
