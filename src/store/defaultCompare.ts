import { presetDefaults, type PresetParams } from '../scenario/presets';
import { fieldsOf, withField } from '../scenario/presets/fields';

/** A natural second run: the same preset with another maxsize (1, or 4 if that is the current). */
export function defaultCompare(choice: PresetParams): PresetParams {
  const values = fieldsOf(choice);
  if (typeof values.maxsize === 'number')
    return withField(choice, 'maxsize', values.maxsize === 1 ? 4 : 1);
  return presetDefaults(choice.preset);
}
