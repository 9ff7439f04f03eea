/**
 * The shareable part of the state, in the page's URL:
 * `?preset=job-window&jobs=8&maxsize=4&durations=formula&t=2.5`. Reading never throws: a bad
 * or hostile value is replaced by its default and reported in plain words.
 */
import type { Lang, MessageKey } from '../i18n/messages';
import {
  JOB_WINDOW_DEFAULTS,
  PRODUCER_CONSUMER_DEFAULTS,
  type Durations,
  type PresetParams,
} from '../scenario/presets';

export const LIMITS = {
  jobs: { min: 1, max: 2000 },
  maxsize: { min: 0, max: 10_000 },
  seconds: { min: 0, max: 3600 },
  durationMax: 1000,
};

/** A problem with the URL, to be told in the reader's language. */
export interface UrlMessage {
  key: MessageKey;
  params: Record<string, string | number>;
}

export interface UrlState {
  choice: PresetParams;
  /** Virtual time to show. */
  t: number;
  /** The language asked for, if any. */
  lang: Lang | null;
  /** What was wrong with the URL (empty when all was fine). */
  messages: UrlMessage[];
}

/** Shortens a value for a message, so that a hostile URL cannot flood the page. */
function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
}

function integer(
  raw: string | null,
  name: string,
  fallback: number,
  range: { min: number; max: number },
  messages: UrlMessage[],
): number {
  if (raw === null) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < range.min || value > range.max) {
    messages.push({
      key: 'url.integer',
      params: { name, value: shown(raw), min: range.min, max: range.max, fallback },
    });
    return fallback;
  }
  return value;
}

function seconds(
  raw: string | null,
  name: string,
  fallback: number,
  messages: UrlMessage[],
): number {
  if (raw === null) return fallback;
  const value = Number(raw);
  if (
    raw.trim() === '' ||
    !Number.isFinite(value) ||
    value < LIMITS.seconds.min ||
    value > LIMITS.seconds.max
  ) {
    messages.push({
      key: 'url.seconds',
      params: { name, value: shown(raw), max: LIMITS.seconds.max, fallback },
    });
    return fallback;
  }
  return value;
}

export function parseDurations(raw: string): Durations | null {
  const text = raw.trim();
  if (text === 'formula') return { kind: 'formula' };
  const random = /^random:(\d{1,9})(?::(\d{1,4}))?$/.exec(text);
  if (random) {
    const max = random[2] === undefined ? 3 : Number(random[2]);
    return max >= 1 && max <= LIMITS.durationMax
      ? { kind: 'random', seed: Number(random[1]), max }
      : null;
  }
  const parts = text.split(',');
  if (parts.length > LIMITS.jobs.max) return null;
  const values = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (values.some((v) => !Number.isFinite(v) || v < 0 || v > LIMITS.seconds.max)) return null;
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

export function readUrl(search: string): UrlState {
  const params = new URLSearchParams(search);
  const messages: UrlMessage[] = [];
  const preset = params.get('preset');
  let choice: PresetParams;
  if (preset === null || preset === 'job-window') {
    const durationsRaw = params.get('durations');
    let durations = JOB_WINDOW_DEFAULTS.durations;
    if (durationsRaw !== null) {
      const parsed = parseDurations(durationsRaw);
      if (parsed) durations = parsed;
      else
        messages.push({
          key: 'url.durations',
          params: { name: 'durations', value: shown(durationsRaw) },
        });
    }
    choice = {
      preset: 'job-window',
      params: {
        jobs: integer(params.get('jobs'), 'jobs', JOB_WINDOW_DEFAULTS.jobs, LIMITS.jobs, messages),
        maxsize: integer(
          params.get('maxsize'),
          'maxsize',
          JOB_WINDOW_DEFAULTS.maxsize,
          LIMITS.maxsize,
          messages,
        ),
        durations,
      },
    };
  } else if (preset === 'producer-consumer') {
    choice = {
      preset: 'producer-consumer',
      params: {
        maxsize: integer(
          params.get('maxsize'),
          'maxsize',
          PRODUCER_CONSUMER_DEFAULTS.maxsize,
          LIMITS.maxsize,
          messages,
        ),
        period: seconds(
          params.get('period'),
          'period',
          PRODUCER_CONSUMER_DEFAULTS.period,
          messages,
        ),
        work: seconds(params.get('work'), 'work', PRODUCER_CONSUMER_DEFAULTS.work, messages),
      },
    };
  } else {
    messages.push({ key: 'url.preset', params: { value: shown(preset) } });
    choice = { preset: 'job-window', params: { ...JOB_WINDOW_DEFAULTS } };
  }
  const t = seconds(params.get('t'), 't', 0, messages);
  const langRaw = params.get('lang');
  let lang: Lang | null = null;
  if (langRaw === 'en' || langRaw === 'fr') lang = langRaw;
  else if (langRaw !== null) messages.push({ key: 'url.lang', params: { value: shown(langRaw) } });
  return { choice, t, lang, messages };
}

export function writeUrl(choice: PresetParams, t: number, lang?: Lang): string {
  const params = new URLSearchParams();
  params.set('preset', choice.preset);
  if (choice.preset === 'job-window') {
    params.set('jobs', String(choice.params.jobs));
    params.set('maxsize', String(choice.params.maxsize));
    params.set('durations', formatDurations(choice.params.durations));
  } else {
    params.set('maxsize', String(choice.params.maxsize));
    params.set('period', String(choice.params.period));
    params.set('work', String(choice.params.work));
  }
  params.set('t', String(Math.round(t * 1000) / 1000));
  if (lang) params.set('lang', lang);
  return `?${params.toString()}`;
}
