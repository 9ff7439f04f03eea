/** Command-line arguments of the headless simulator, checked into a request or a clear message. */
import { parseArgs } from 'node:util';
import { presetDefaults, PRESET_IDS, type PresetId, type PresetParams } from '../scenario/presets';
import {
  ALL_FIELD_NAMES,
  fieldsOf,
  formatField,
  parseField,
  PRESET_FIELDS,
  withField,
} from '../scenario/presets/fields';

export const FORMATS = ['log', 'markdown', 'json', 'python', 'summary', 'scenario'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliRequest {
  source: { kind: 'program'; file: string } | { kind: 'preset'; choice: PresetParams };
  until?: number;
  slot?: number;
  format: Format;
}

export class UsageError extends Error {}

function presetUsage(): string {
  return PRESET_IDS.map((id) => {
    const defaults = fieldsOf(presetDefaults(id));
    const options = PRESET_FIELDS[id].map(
      (f) =>
        `--${f.name} ${f.kind === 'durations' ? 'SPEC' : f.kind === 'seconds' ? 'SECONDS' : 'N'} (${formatField(f, defaults[f.key])})`,
    );
    return `    ${`${id}:`.padEnd(19)}${options.join('  ')}`;
  }).join('\n');
}

export const USAGE = `usage: npm run --silent sim -- (--program FILE | --preset NAME [preset options])
                            [--until SECONDS] [--slot SECONDS] --format FORMAT

  --program FILE     a scenario file (JSON, version 1; see README.md)
  --preset NAME      one of: ${PRESET_IDS.join(', ')}
${presetUsage()}
                     maxsize 0 = unbounded; durations SPEC: formula | SECONDS | S1,S2,... | random:SEED[:MAX]
  --until SECONDS    stop at this virtual time (events at that time included);
                     needed when a task repeats forever
  --slot SECONDS     slot width of the markdown table (default: chosen from the sleeps)
  --format FORMAT    log (default), markdown, json, python, summary,
                     or scenario (the scenario itself, as a file for --program)`;

function number(
  name: string,
  text: string | undefined,
  check: (x: number) => boolean,
  rule: string,
) {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !check(value)) {
    throw new UsageError(`--${name}: must be ${rule} (got '${text}')`);
  }
  return value;
}

const RULES = {
  integer: (min: number, max: number) => `an integer from ${min} to ${max}`,
  seconds: (min: number, max: number) => `a number of seconds from ${min} to ${max}`,
  durations: (min: number, max: number) =>
    `formula, a number of seconds, a list like 1,2,3, or random:SEED[:MAX] (seconds from ${min} to ${max})`,
};

/** `--jobs -1` as `--jobs=-1`: parseArgs takes a value that starts with '-' for an option. */
function joinNegativeValues(argv: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const next = argv[i + 1];
    if (/^--[a-z]+$/.test(argv[i]) && next !== undefined && /^-[\d.]/.test(next)) {
      joined.push(`${argv[i]}=${next}`);
      i += 1;
    } else joined.push(argv[i]);
  }
  return joined;
}

export function parseCliArgs(argv: string[]): CliRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv),
      strict: true,
      allowPositionals: false,
      options: {
        program: { type: 'string' },
        preset: { type: 'string' },
        until: { type: 'string' },
        slot: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(ALL_FIELD_NAMES.map((name) => [name, { type: 'string' as const }])),
      },
    });
  } catch (error) {
    // Node's message may go on with advice for its own command line: keep the first sentence.
    throw new UsageError((error as Error).message.replace(/\.?\s*To specify.*$/s, ''));
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help) throw new UsageError(USAGE);
  const format = (v.format ?? 'log') as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format: must be one of ${FORMATS.join(', ')} (got '${v.format}')`);
  const until = number(
    'until',
    v.until as string | undefined,
    (x) => x >= 0,
    'a number of seconds >= 0',
  );
  const slot = number(
    'slot',
    v.slot as string | undefined,
    (x) => x > 0,
    'a number of seconds > 0',
  );
  const given = ALL_FIELD_NAMES.filter((name) => v[name] !== undefined);

  if ((v.program === undefined) === (v.preset === undefined)) {
    throw new UsageError('give either --program FILE or --preset NAME (see --help)');
  }
  if (v.program !== undefined) {
    if (given.length > 0)
      throw new UsageError(`--${given[0]} applies to presets only, not to --program`);
    return { source: { kind: 'program', file: v.program as string }, until, slot, format };
  }
  const preset = v.preset as PresetId;
  if (!PRESET_IDS.includes(preset)) {
    throw new UsageError(
      `--preset: unknown preset '${v.preset}' (known: ${PRESET_IDS.join(', ')})`,
    );
  }
  const fields = PRESET_FIELDS[preset];
  const stray = given.find((name) => !fields.some((f) => f.name === name));
  if (stray) {
    throw new UsageError(
      `--${stray} does not apply to the ${preset} preset (its options: ${fields.map((f) => `--${f.name}`).join(', ')})`,
    );
  }
  let choice = presetDefaults(preset);
  for (const field of fields) {
    const raw = v[field.name] as string | undefined;
    if (raw === undefined) continue;
    const value = parseField(field, raw);
    if (value === null)
      throw new UsageError(
        `--${field.name}: must be ${RULES[field.kind](field.min, field.max)} (got '${raw}')`,
      );
    choice = withField(choice, field.key, value);
  }
  return { source: { kind: 'preset', choice }, until, slot, format };
}
