/** Command-line arguments of the headless simulator, checked into a request or a clear message. */
import { parseArgs } from 'node:util';
import { PRESET_IDS, type Durations, type PresetId } from '../scenario/presets';

export const FORMATS = ['log', 'markdown', 'json', 'python', 'summary', 'scenario'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliRequest {
  source:
    | { kind: 'program'; file: string }
    | { kind: 'preset'; preset: PresetId; options: PresetOptions };
  until?: number;
  slot?: number;
  format: Format;
}

export interface PresetOptions {
  jobs?: number;
  maxsize?: number;
  durations?: Durations;
  period?: number;
  work?: number;
}

export class UsageError extends Error {}

export const USAGE = `usage: npm run --silent sim -- (--program FILE | --preset NAME [preset options])
                            [--until SECONDS] [--slot SECONDS] --format FORMAT

  --program FILE     a scenario file (JSON, version 1; see README.md)
  --preset NAME      job-window or producer-consumer
    job-window:        --jobs N (8)  --maxsize N (4; 0 = unbounded)
                       --durations formula | SECONDS | S1,S2,... | random:SEED[:MAX]
    producer-consumer: --maxsize N (1)  --period SECONDS (1)  --work SECONDS (0)
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

function durations(text: string | undefined): Durations | undefined {
  if (text === undefined) return undefined;
  if (text === 'formula') return { kind: 'formula' };
  const random = /^random:(\d+)(?::(\d+))?$/.exec(text);
  if (random) {
    const max = random[2] === undefined ? 3 : Number(random[2]);
    if (max < 1 || max > 1000)
      throw new UsageError(
        `--durations: the maximum of random durations must be from 1 to 1000 (got ${max})`,
      );
    return { kind: 'random', seed: Number(random[1]), max };
  }
  const values = text.split(',').map((part) => Number(part));
  if (
    text.trim() === '' ||
    values.some(
      (v, i) => text.split(',')[i].trim() === '' || !Number.isFinite(v) || v < 0 || v > 1e6,
    )
  ) {
    throw new UsageError(
      `--durations: must be formula, a number of seconds, a list like 1,2,3, or random:SEED[:MAX] (got '${text}')`,
    );
  }
  return values.length === 1
    ? { kind: 'constant', seconds: values[0] }
    : { kind: 'list', seconds: values };
}

export function parseCliArgs(argv: string[]): CliRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        program: { type: 'string' },
        preset: { type: 'string' },
        jobs: { type: 'string' },
        maxsize: { type: 'string' },
        durations: { type: 'string' },
        period: { type: 'string' },
        work: { type: 'string' },
        until: { type: 'string' },
        slot: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, ''));
  }
  const v = parsed.values;
  if (v.help) throw new UsageError(USAGE);
  const format = (v.format ?? 'log') as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format: must be one of ${FORMATS.join(', ')} (got '${v.format}')`);
  const until = number('until', v.until, (x) => x >= 0, 'a number of seconds >= 0');
  const slot = number('slot', v.slot, (x) => x > 0, 'a number of seconds > 0');
  const presetOptions: PresetOptions = {
    jobs: number(
      'jobs',
      v.jobs,
      (x) => Number.isInteger(x) && x >= 1 && x <= 1_000_000,
      'an integer from 1 to 1000000',
    ),
    maxsize: number(
      'maxsize',
      v.maxsize,
      (x) => Number.isInteger(x) && Math.abs(x) <= 1e9,
      'an integer (0 or less: unbounded)',
    ),
    durations: durations(v.durations),
    period: number('period', v.period, (x) => x >= 0 && x <= 1e6, 'a number of seconds >= 0'),
    work: number('work', v.work, (x) => x >= 0 && x <= 1e6, 'a number of seconds >= 0'),
  };
  const given = Object.entries(presetOptions)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);

  if ((v.program === undefined) === (v.preset === undefined)) {
    throw new UsageError('give either --program FILE or --preset NAME (see --help)');
  }
  if (v.program !== undefined) {
    if (given.length > 0)
      throw new UsageError(`--${given[0]} applies to presets only, not to --program`);
    return { source: { kind: 'program', file: v.program }, until, slot, format };
  }
  const preset = v.preset as PresetId;
  if (!PRESET_IDS.includes(preset)) {
    throw new UsageError(
      `--preset: unknown preset '${v.preset}' (known: ${PRESET_IDS.join(', ')})`,
    );
  }
  const allowed =
    preset === 'job-window' ? ['jobs', 'maxsize', 'durations'] : ['maxsize', 'period', 'work'];
  const stray = given.find((key) => !allowed.includes(key));
  if (stray)
    throw new UsageError(
      `--${stray} does not apply to the ${preset} preset (its options: ${allowed.map((k) => `--${k}`).join(', ')})`,
    );
  return { source: { kind: 'preset', preset, options: presetOptions }, until, slot, format };
}
