/**
 * Each preset's parameters, described once: the URL, the command line and the app's controls
 * read and check them from here.
 */
import type { Durations } from './jobWindow';
import { presetDefaults, type PresetId, type PresetParams } from './index';

export type FieldKind = 'integer' | 'seconds' | 'durations';

export interface FieldSpec {
  /** The key in the preset's parameters. */
  key: string;
  /** The name in URLs and on the command line (`--jobs`, `?jobs=`). */
  name: string;
  kind: FieldKind;
  min: number;
  /** Bound on the command line. */
  max: number;
  /** Bound in the app and its URLs (a page has less room than a terminal). */
  uiMax: number;
  /** Not among the page's fields (no room for it): set by a link or on the command line. */
  linkOnly?: boolean;
}

const integer = (key: string, min: number, max: number, uiMax: number): FieldSpec => ({
  key,
  name: key,
  kind: 'integer',
  min,
  max,
  uiMax,
});
const seconds = (key: string): FieldSpec => ({
  key,
  name: key,
  kind: 'seconds',
  min: 0,
  max: 1e6,
  uiMax: 3600,
});
const jobs = integer('jobs', 1, 1_000_000, 2000);
const maxsize = integer('maxsize', 0, 1e9, 10_000);
const fixed = integer('fixed', 0, 1, 1);
const durations: FieldSpec = {
  key: 'durations',
  name: 'durations',
  kind: 'durations',
  min: 0,
  max: 3600,
  uiMax: 3600,
};

export const PRESET_FIELDS: Record<PresetId, FieldSpec[]> = {
  'job-window': [jobs, maxsize, durations],
  'semaphore-window': [jobs, { ...maxsize, name: 'value' }, durations],
  unbounded: [jobs, durations],
  'producer-consumer': [
    maxsize,
    seconds('period'),
    seconds('work'),
    { ...seconds('interrupt'), linkOnly: true },
  ],
  'shared-lock': [
    integer('workers', 1, 100_000, 200),
    integer('rounds', 1, 100_000, 100),
    seconds('use'),
    seconds('think'),
  ],
  'event-start': [integer('runners', 1, 1_000_000, 500), seconds('countdown')],
  'io-streams': [
    integer('clients', 1, 1000, 20),
    integer('lines', 1, 10_000, 100),
    seconds('interval'),
    seconds('latency'),
  ],
  'io-subprocess': [
    integer('workers', 1, 1000, 20),
    integer('lines', 1, 10_000, 100),
    seconds('interval'),
  ],
  'pitfall-blocking': [seconds('seconds'), integer('ticks', 1, 100_000, 1000), fixed],
  // `fixed`: 0 the mistake, 1 its fix (the twin Compare shows beside it).
  'pitfall-lock-twice': [fixed, integer('workers', 1, 100_000, 200), seconds('hold')],
  'pitfall-task-done': [fixed, integer('items', 1, 1_000_000, 500), seconds('work')],
  'pitfall-unbounded-queue': [
    fixed,
    integer('bound', 1, 1e9, 10_000),
    seconds('period'),
    seconds('work'),
  ],
};

/** Every option name a preset may take (for the command line). */
export const ALL_FIELD_NAMES = [
  ...new Set(Object.values(PRESET_FIELDS).flatMap((fields) => fields.map((f) => f.name))),
];

export type FieldValue = number | Durations;

/** Checks a number against a field; null when out of bounds. */
export function checkNumber(field: FieldSpec, value: number, max = field.max): number | null {
  if (!Number.isFinite(value) || value < field.min || value > max) return null;
  if (field.kind === 'integer' && !Number.isInteger(value)) return null;
  return value;
}

/** `formula`, `2`, `1,2,3` or `random:SEED[:MAX]`. */
export function parseDurations(raw: string): Durations | null {
  const text = raw.trim();
  if (text === 'formula') return { kind: 'formula' };
  const random = /^random:(\d{1,9})(?::(\d{1,4}))?$/.exec(text);
  if (random) {
    const max = random[2] === undefined ? 3 : Number(random[2]);
    return max >= 1 && max <= 1000 ? { kind: 'random', seed: Number(random[1]), max } : null;
  }
  const parts = text.split(',');
  if (parts.length > 2000) return null;
  const values = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (values.some((v) => !Number.isFinite(v) || v < 0 || v > 3600)) return null;
  return values.length === 1
    ? { kind: 'constant', seconds: values[0] }
    : { kind: 'list', seconds: values };
}

export function formatDurations(d: Durations): string {
  switch (d.kind) {
    case 'formula':
      return 'formula';
    case 'constant':
      return String(d.seconds);
    case 'list':
      return d.seconds.join(',');
    case 'random':
      return `random:${d.seed}:${d.max}`;
  }
}

/** Reads a field from text; null when the text is not valid for it (`ui`: the app's bounds). */
export function parseField(field: FieldSpec, raw: string, ui = false): FieldValue | null {
  if (field.kind === 'durations') return parseDurations(raw);
  if (raw.trim() === '') return null;
  return checkNumber(field, Number(raw), ui ? field.uiMax : field.max);
}

export function formatField(_field: FieldSpec, value: FieldValue): string {
  return typeof value === 'number' ? String(value) : formatDurations(value);
}

/** A preset's parameters as a plain record, to read and write fields generically. */
export function fieldsOf(choice: PresetParams): Record<string, FieldValue> {
  // A parameter added later (the producer/consumer's interrupt) takes its default.
  return { ...presetDefaults(choice.preset).params, ...choice.params } as unknown as Record<
    string,
    FieldValue
  >;
}

/** The same preset with one parameter changed. */
export function withField(choice: PresetParams, key: string, value: FieldValue): PresetParams {
  return { preset: choice.preset, params: { ...choice.params, [key]: value } } as PresetParams;
}
