import type { Scenario } from '../types';
import type { PythonCode } from '../python';
import {
  JOB_WINDOW_DEFAULTS,
  jobWindowPython,
  jobWindowScenario,
  type JobWindowParams,
} from './jobWindow';
import {
  PRODUCER_CONSUMER_DEFAULTS,
  producerConsumerPython,
  producerConsumerScenario,
  type ProducerConsumerParams,
} from './producerConsumer';

export * from './jobWindow';
export * from './producerConsumer';

export type PresetId = 'job-window' | 'producer-consumer';
export const PRESET_IDS: PresetId[] = ['job-window', 'producer-consumer'];

export type PresetParams =
  | { preset: 'job-window'; params: JobWindowParams }
  | { preset: 'producer-consumer'; params: ProducerConsumerParams };

export interface BuiltPreset {
  scenario: Scenario;
  python: PythonCode;
}

export function buildPreset(choice: PresetParams): BuiltPreset {
  if (choice.preset === 'job-window') {
    return { scenario: jobWindowScenario(choice.params), python: jobWindowPython(choice.params) };
  }
  return {
    scenario: producerConsumerScenario(choice.params),
    python: producerConsumerPython(choice.params),
  };
}

export function presetDefaults(preset: PresetId): PresetParams {
  return preset === 'job-window'
    ? { preset, params: { ...JOB_WINDOW_DEFAULTS } }
    : { preset, params: { ...PRODUCER_CONSUMER_DEFAULTS } };
}
