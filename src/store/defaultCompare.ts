import { isPitfall, presetDefaults, type PresetParams } from '../scenario/presets';
import { fieldsOf, withField } from '../scenario/presets/fields';

/**
 * A natural second run: for a pitfall, its twin (the fix beside the mistake, or the other way
 * round); else the same preset with another maxsize (1, or 4 if that is the current), or
 * another latency (none, or 0.5 s).
 */
export function defaultCompare(choice: PresetParams): PresetParams {
  const values = fieldsOf(choice);
  if (isPitfall(choice.preset)) return withField(choice, 'fixed', values.fixed === 1 ? 0 : 1);
  if (typeof values.maxsize === 'number')
    return withField(choice, 'maxsize', values.maxsize === 1 ? 4 : 1);
  if (typeof values.latency === 'number')
    return withField(choice, 'latency', values.latency === 0 ? 0.5 : 0);
  return presetDefaults(choice.preset);
}
