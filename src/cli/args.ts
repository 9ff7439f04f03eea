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
  source:
    | { kind: 'program'; file: string }
    | { kind: 'preset'; choice: PresetParams }
    | { kind: 'python'; file: string };
  until?: number;
  /** --python: wall-clock seconds the program may compute (Pyodide's load not counted). */
  budget?: number;
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

/** Wall-clock seconds a --python program may compute by default. */
export const DEFAULT_BUDGET = 10;

export const USAGE = `usage: npm run --silent sim -- (--program FILE | --preset NAME [preset options])
                            [--until SECONDS] [--slot SECONDS] --format FORMAT
       npm run --silent sim -- --python FILE.py [--until SECONDS] [--budget SECONDS]
                            [--slot SECONDS] --format FORMAT

  --program FILE     a scenario file (JSON, version 1; see README.md)
  --python FILE.py   an asyncio program, run by CPython 3.14 (Pyodide) on a virtual clock;
                     formats log (what it prints), markdown, json, summary
  --budget SECONDS   --python: wall-clock time the program may compute (default ${DEFAULT_BUDGET})
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
        python: { type: 'string' },
        budget: { type: 'string' },
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
  const budget = number(
    'budget',
    v.budget as string | undefined,
    (x) => x > 0,
    'a number of seconds > 0',
  );
  const given = ALL_FIELD_NAMES.filter((name) => v[name] !== undefined);

  const sources = (['program', 'preset', 'python'] as const).filter((k) => v[k] !== undefined);
  if (sources.length !== 1) {
    throw new UsageError(
      sources.length === 0
        ? 'give --program FILE, --preset NAME or --python FILE.py (see --help)'
        : `give only one of --${sources.join(', --')} (see --help)`,
    );
  }
  if (v.python !== undefined) {
    if (given.length > 0)
      throw new UsageError(`--${given[0]} applies to presets only, not to --python`);
    if (format === 'python' || format === 'scenario')
      throw new UsageError(
        `--format ${format} applies to scenarios only: with --python, give log, markdown, json or summary`,
      );
    return {
      source: { kind: 'python', file: v.python as string },
      until,
      slot,
      format,
      budget: budget ?? DEFAULT_BUDGET,
    };
  }
  if (budget !== undefined) throw new UsageError('--budget applies to --python only');
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
