import { describe, expect, it } from 'vitest';
import { buildPreset, PRESET_IDS, presetDefaults } from './presets';
import { generatePython } from './python';

describe('the Python code in French', () => {
  it('has the same lines as in English, comments translated', () => {
    for (const id of PRESET_IDS) {
      const en = buildPreset(presetDefaults(id), 'en').python;
      const fr = buildPreset(presetDefaults(id), 'fr').python;
      expect(fr.lines).toEqual(en.lines);
      expect(fr.code.split('\n')).toHaveLength(en.code.split('\n').length);
      // Only comments and docstrings differ.
      const strip = (code: string) =>
        code.split('\n').map((line) => line.replace(/#.*$/, '').replace(/""".*"""/, ''));
      expect(strip(fr.code)).toEqual(strip(en.code));
    }
    expect(buildPreset(presetDefaults('job-window'), 'fr').python.code).toContain(
      '# prendre un jeton dans la queue',
    );
    const scenario = buildPreset(presetDefaults('producer-consumer')).scenario;
    expect(generatePython(scenario, 'fr').lines).toEqual(generatePython(scenario, 'en').lines);
  });
});
