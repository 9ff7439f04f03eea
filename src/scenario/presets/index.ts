import type { Scenario } from '../types';
import type { PythonCode } from '../python';
import type { CodeLang } from '../comments';
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
import {
  EVENT_START_DEFAULTS,
  eventStartPython,
  eventStartScenario,
  semaphoreWindowPython,
  semaphoreWindowScenario,
  SHARED_LOCK_DEFAULTS,
  sharedLockPython,
  sharedLockScenario,
  type EventStartParams,
  type SharedLockParams,
} from './lecture';
import {
  BLOCKING_DEFAULTS,
  blockingPython,
  blockingScenario,
  type BlockingParams,
} from './blocking';
import { STREAMS_DEFAULTS, streamsPython, streamsScenario, type StreamsParams } from './streams';
import {
  SUBPROCESS_DEFAULTS,
  subprocessPython,
  subprocessScenario,
  type SubprocessParams,
} from './subprocess';
import {
  LOCK_TWICE_DEFAULTS,
  lockTwicePython,
  lockTwiceScenario,
  TASK_DONE_DEFAULTS,
  taskDonePython,
  taskDoneScenario,
  UNBOUNDED_QUEUE_DEFAULTS,
  unboundedQueuePython,
  unboundedQueueScenario,
  type LockTwiceParams,
  type TaskDoneParams,
  type UnboundedQueueParams,
} from './pitfalls';

export * from './jobWindow';
export * from './producerConsumer';
export * from './lecture';
export * from './blocking';
export * from './streams';
export * from './subprocess';
export * from './pitfalls';

export type PresetId =
  | 'job-window'
  | 'semaphore-window'
  | 'unbounded'
  | 'producer-consumer'
  | 'shared-lock'
  | 'event-start'
  | 'io-streams'
  | 'io-subprocess'
  | PitfallId;
export type PitfallId =
  'pitfall-blocking' | 'pitfall-lock-twice' | 'pitfall-task-done' | 'pitfall-unbounded-queue';
/** Each a mistake and its fix: the same preset with `fixed` 0 or 1. */
export const PITFALL_IDS: PitfallId[] = [
  'pitfall-blocking',
  'pitfall-lock-twice',
  'pitfall-task-done',
  'pitfall-unbounded-queue',
];
export function isPitfall(preset: PresetId): preset is PitfallId {
  return (PITFALL_IDS as PresetId[]).includes(preset);
}
export const PRESET_IDS: PresetId[] = [
  'job-window',
  'semaphore-window',
  'unbounded',
  'producer-consumer',
  'shared-lock',
  'event-start',
  'io-streams',
  'io-subprocess',
  ...PITFALL_IDS,
];

export type PresetParams =
  | { preset: 'job-window' | 'semaphore-window' | 'unbounded'; params: JobWindowParams }
  | { preset: 'producer-consumer'; params: ProducerConsumerParams }
  | { preset: 'shared-lock'; params: SharedLockParams }
  | { preset: 'event-start'; params: EventStartParams }
  | { preset: 'io-streams'; params: StreamsParams }
  | { preset: 'io-subprocess'; params: SubprocessParams }
  | { preset: 'pitfall-blocking'; params: BlockingParams }
  | { preset: 'pitfall-lock-twice'; params: LockTwiceParams }
  | { preset: 'pitfall-task-done'; params: TaskDoneParams }
  | { preset: 'pitfall-unbounded-queue'; params: UnboundedQueueParams };

export interface BuiltPreset {
  scenario: Scenario;
  python: PythonCode;
}

/**
 * Whether the preset's console lines follow the language (its Python code then prints them
 * too); the others' scenarios differ by their title only.
 */
export function presetSpeaks(preset: PresetId): boolean {
  return (
    preset === 'shared-lock' ||
    preset === 'event-start' ||
    preset === 'io-streams' ||
    preset === 'io-subprocess' ||
    isPitfall(preset)
  );
}

/** The preset's scenario and code; English by default, as on the command line. */
export function buildPreset(choice: PresetParams, lang: CodeLang = 'en'): BuiltPreset {
  switch (choice.preset) {
    case 'job-window':
      return {
        scenario: jobWindowScenario(choice.params, lang),
        python: jobWindowPython(choice.params, lang),
      };
    case 'unbounded': {
      // Queue(maxsize=0): no limit, every job at once.
      const params = { ...choice.params, maxsize: 0 };
      return { scenario: jobWindowScenario(params, lang), python: jobWindowPython(params, lang) };
    }
    case 'semaphore-window':
      return {
        scenario: semaphoreWindowScenario(choice.params, lang),
        python: semaphoreWindowPython(choice.params, lang),
      };
    case 'producer-consumer':
      return {
        scenario: producerConsumerScenario(choice.params, lang),
        python: producerConsumerPython(choice.params, lang),
      };
    case 'shared-lock':
      return {
        scenario: sharedLockScenario(choice.params, lang),
        python: sharedLockPython(choice.params, lang),
      };
    case 'event-start':
      return {
        scenario: eventStartScenario(choice.params, lang),
        python: eventStartPython(choice.params, lang),
      };
    case 'io-streams':
      return {
        scenario: streamsScenario(choice.params, lang),
        python: streamsPython(choice.params, lang),
      };
    case 'io-subprocess':
      return {
        scenario: subprocessScenario(choice.params, lang),
        python: subprocessPython(choice.params, lang),
      };
    case 'pitfall-blocking':
      return {
        scenario: blockingScenario(choice.params, lang),
        python: blockingPython(choice.params, lang),
      };
    case 'pitfall-lock-twice':
      return {
        scenario: lockTwiceScenario(choice.params, lang),
        python: lockTwicePython(choice.params, lang),
      };
    case 'pitfall-task-done':
      return {
        scenario: taskDoneScenario(choice.params, lang),
        python: taskDonePython(choice.params, lang),
      };
    case 'pitfall-unbounded-queue':
      return {
        scenario: unboundedQueueScenario(choice.params, lang),
        python: unboundedQueuePython(choice.params, lang),
      };
  }
}

export function presetDefaults(preset: PresetId): PresetParams {
  switch (preset) {
    case 'job-window':
    case 'semaphore-window':
      return { preset, params: { ...JOB_WINDOW_DEFAULTS } };
    case 'unbounded':
      return { preset, params: { ...JOB_WINDOW_DEFAULTS, maxsize: 0 } };
    case 'producer-consumer':
      return { preset, params: { ...PRODUCER_CONSUMER_DEFAULTS } };
    case 'shared-lock':
      return { preset, params: { ...SHARED_LOCK_DEFAULTS } };
    case 'event-start':
      return { preset, params: { ...EVENT_START_DEFAULTS } };
    case 'io-streams':
      return { preset, params: { ...STREAMS_DEFAULTS } };
    case 'io-subprocess':
      return { preset, params: { ...SUBPROCESS_DEFAULTS } };
    case 'pitfall-blocking':
      return { preset, params: { ...BLOCKING_DEFAULTS } };
    case 'pitfall-lock-twice':
      return { preset, params: { ...LOCK_TWICE_DEFAULTS } };
    case 'pitfall-task-done':
      return { preset, params: { ...TASK_DONE_DEFAULTS } };
    case 'pitfall-unbounded-queue':
      return { preset, params: { ...UNBOUNDED_QUEUE_DEFAULTS } };
  }
}
