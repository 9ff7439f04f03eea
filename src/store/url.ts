/**
 * The shareable part of the state, in the page's URL:
 * `?preset=job-window&jobs=8&maxsize=4&durations=formula&t=2.5&lang=fr`. Reading never throws:
 * a bad or hostile value is replaced by its default and reported in the reader's language.
 */
import { defaultCompare } from './defaultCompare';
import type { Lang, MessageKey } from '../i18n/messages';
import { presetDefaults, PRESET_IDS, type PresetId, type PresetParams } from '../scenario/presets';
import {
  fieldsOf,
  formatField,
  parseField,
  PRESET_FIELDS,
  withField,
} from '../scenario/presets/fields';
import type { Scenario } from '../scenario/types';
import { parseScenario, type ValidationError } from '../scenario/validate';
import { decodeSource } from '../python/share';

/** Scenarios up to this size (JSON characters) travel in the link. */
export const MAX_LINKED_SCENARIO = 8000;

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The scenario as a URL-safe string, or null when it is too big for a link. */
export function encodeScenario(scenario: Scenario): string | null {
  const json = JSON.stringify(scenario);
  return json.length > MAX_LINKED_SCENARIO ? null : base64url(new TextEncoder().encode(json));
}

/** The scenario a link carries; `error` null: the text is not a scenario link at all. */
export function decodeScenario(
  text: string,
): { ok: true; scenario: Scenario } | { ok: false; error: ValidationError | null } {
  if (text.length > MAX_LINKED_SCENARIO * 2 || !/^[A-Za-z0-9_-]*$/.test(text))
    return { ok: false, error: null };
  let json: string;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    json = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(binary, (c) => c.charCodeAt(0)),
    );
  } catch {
    return { ok: false, error: null };
  }
  const result = parseScenario(json);
  return result.ok
    ? { ok: true, scenario: result.scenario }
    : { ok: false, error: result.errors[0] };
}

/** A problem with the URL, to be told in the reader's language. */
export interface UrlMessage {
  key: MessageKey;
  params: Record<string, string | number>;
  /** What is wrong with the scenario in the link: the message's `{message}`, told in turn. */
  error?: ValidationError;
}

export interface UrlState {
  choice: PresetParams;
  /** The parameters compared side by side with `choice` (`compare=1`, fields prefixed `b.`). */
  compare: PresetParams | null;
  /** Virtual time to show. */
  t: number;
  /**
   * How many of the events of instant `t` have been applied (`e=`), when the view stands inside
   * the instant rather than at its end; null: at its end.
   */
  event: number | null;
  /** The language asked for, if any. */
  lang: Lang | null;
  /** Show the compact view for an iframe. */
  embed: boolean;
  theme: 'light' | 'dark' | null;
  present: boolean;
  /** The classroom quiz is on (`quiz=1`). */
  quiz: boolean;
  /** Presenter mode shows the console and code panel too (`console=1`). */
  console: boolean;
  /** A scenario carried by the link itself (small ones), validated. */
  scenario: Scenario | null;
  /** A Python program carried by the link (`py=`, compressed): the Python mode. */
  program: string | null;
  /** What was wrong with the URL (empty when all was fine). */
  messages: UrlMessage[];
}

export const MAX_TIME = 1e6;

/** Shortens a value for a message, so that a hostile URL cannot flood the page. */
function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
}

/** A preset and its parameters, from the URL's fields (with `prefix`: those of the compared run). */
function readChoice(params: URLSearchParams, prefix: string, messages: UrlMessage[]): PresetParams {
  const presetRaw = params.get(`${prefix}preset`);
  let preset: PresetId = 'job-window';
  if (presetRaw !== null) {
    if ((PRESET_IDS as string[]).includes(presetRaw)) preset = presetRaw as PresetId;
    else
      messages.push({
        key: 'url.preset',
        params: { value: shown(presetRaw), list: PRESET_IDS.join(', ') },
      });
  }
  let choice = presetDefaults(preset);
  for (const field of PRESET_FIELDS[preset]) {
    const raw = params.get(`${prefix}${field.name}`);
    if (raw === null) continue;
    const value = parseField(field, raw, true);
    if (value !== null) {
      choice = withField(choice, field.key, value);
      continue;
    }
    const fallback = formatField(field, fieldsOf(choice)[field.key]);
    const key: MessageKey =
      field.kind === 'durations'
        ? 'url.durations'
        : field.kind === 'integer'
          ? 'url.integer'
          : 'url.seconds';
    messages.push({
      key,
      params: {
        name: `${prefix}${field.name}`,
        value: shown(raw),
        min: field.min,
        max: field.uiMax,
        fallback,
      },
    });
  }
  return choice;
}

/** The URL fields of a choice (with `prefix` for the compared run). */
export function choiceFields(choice: PresetParams, prefix = ''): Record<string, string> {
  const out: Record<string, string> = { [`${prefix}preset`]: choice.preset };
  const values = fieldsOf(choice);
  for (const field of PRESET_FIELDS[choice.preset])
    out[`${prefix}${field.name}`] = formatField(field, values[field.key]);
  return out;
}

export function readUrl(search: string): UrlState {
  const params = new URLSearchParams(search);
  const messages: UrlMessage[] = [];
  const choice = readChoice(params, '', messages);
  // `compare=1` alone: the natural second run (the same preset, another maxsize), as the button.
  const fieldsB = [...params.keys()].some((key) => key.startsWith('b.'));
  const compare =
    params.get('compare') !== '1'
      ? null
      : fieldsB
        ? readChoice(params, 'b.', messages)
        : defaultCompare(choice);
  let t = 0;
  const tRaw = params.get('t');
  if (tRaw !== null) {
    const value = Number(tRaw);
    if (tRaw.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= MAX_TIME) t = value;
    else
      messages.push({
        key: 'url.seconds',
        params: { name: 't', value: shown(tRaw), max: MAX_TIME, fallback: 0 },
      });
  }
  let event: number | null = null;
  const eventRaw = params.get('e');
  if (eventRaw !== null) {
    const value = Number(eventRaw);
    if (/^\d{1,9}$/.test(eventRaw.trim())) event = value;
    else messages.push({ key: 'url.event', params: { value: shown(eventRaw) } });
  }
  const langRaw = params.get('lang');
  let lang: Lang | null = null;
  if (langRaw === 'en' || langRaw === 'fr') lang = langRaw;
  else if (langRaw !== null) messages.push({ key: 'url.lang', params: { value: shown(langRaw) } });
  const embed = params.get('embed') === '1';
  const themeRaw = params.get('theme');
  const theme = themeRaw === 'dark' || themeRaw === 'light' ? themeRaw : null;
  const present = params.get('present') === '1';
  const quiz = params.get('quiz') === '1';
  const showConsole = params.get('console') === '1';
  let scenario: Scenario | null = null;
  const scenarioRaw = params.get('scenario');
  if (scenarioRaw !== null) {
    const result = decodeScenario(scenarioRaw);
    if (result.ok) scenario = result.scenario;
    else if (result.error === null) messages.push({ key: 'url.scenarioLink', params: {} });
    else messages.push({ key: 'url.scenario', params: {}, error: result.error });
  }
  let program: string | null = null;
  const programRaw = params.get('py');
  if (programRaw !== null) {
    program = decodeSource(programRaw);
    if (program === null) messages.push({ key: 'url.program', params: {} });
  }
  return {
    program,
    choice,
    compare,
    t,
    event,
    lang,
    embed,
    theme,
    present,
    quiz,
    console: showConsole,
    scenario,
    messages,
  };
}

export function writeUrl(
  choice: PresetParams | null,
  t: number,
  lang?: Lang,
  extra: Record<string, string> = {},
): string {
  // (A Python program's link has no preset: `py=` instead, among `extra`.)
  const params = new URLSearchParams(choice ? choiceFields(choice) : {});
  // Inside an instant (`e`), its exact time: rounded, it could fall after the instant.
  params.set('t', String(extra.e !== undefined ? t : Math.round(t * 1000) / 1000));
  // Right after t (the loop over `extra` below sets it again in place).
  if (extra.e !== undefined) params.set('e', extra.e);
  if (lang) params.set('lang', lang);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `?${params.toString()}`;
}
