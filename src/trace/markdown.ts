import type { Trace } from '../engine';
import { makespan, taskTimelines, type TaskTimeline } from './segments';

export interface GridOptions {
  /** Column headers, one per task (default: the task names). */
  labels?: string[];
  /** Slot width in seconds (default: the largest of 1, 0.5, 0.25, 0.2, 0.1... that every sleep starts and ends on). */
  slot?: number;
  /**
   * Last instant of the table (default: the end of the run, rounded up to a slot); a stretch
   * still going on when the run stopped lasts to it.
   */
  horizon?: number;
  /** The run's task timelines, when the caller has them already. */
  timelines?: TaskTimeline[];
}

export interface Grid {
  slot: number;
  /** Slot i spans [i * slot, (i + 1) * slot). */
  slots: number;
  labels: string[];
  /** `sleeping[slot][task]`: the task is inside its sleep during part of that slot. */
  sleeping: boolean[][];
  /** What each task does during each slot (see `SlotActivity`). */
  activity: SlotActivity[][];
}

const SLOT_CANDIDATES = [1, 0.5, 0.25, 0.2, 0.1, 0.05, 0.025, 0.02, 0.01];
const MAX_ROWS = 10_000;
/** Bounds of a table anyone could read (and of the memory it takes). */
export const TABLE_LIMITS = { rows: 100_000, cells: 2_000_000 };

/** The table asked for would be too big to be of use: the message says how big and what to do. */
export class TableTooLarge extends Error {
  constructor(
    readonly rows: number,
    readonly columns: number,
  ) {
    super(
      `the table would have ${rows.toLocaleString('en-US')} rows and ${columns.toLocaleString('en-US')} task columns, more than ${TABLE_LIMITS.rows.toLocaleString('en-US')} rows or ${TABLE_LIMITS.cells.toLocaleString('en-US')} cells: give --until, a wider --slot, or fewer tasks`,
    );
  }
}

function onGrid(time: number, slot: number): boolean {
  const k = time / slot;
  return Math.abs(k - Math.round(k)) < 1e-6;
}

function chooseSlot(timelines: TaskTimeline[], horizon: number): number {
  const times = timelines.flatMap((t) =>
    t.segments.filter((s) => s.kind === 'sleeping').flatMap((s) => [s.start, s.end]),
  );
  for (const slot of SLOT_CANDIDATES) {
    if (horizon / slot > MAX_ROWS) break;
    if (times.every((time) => onGrid(time, slot))) return slot;
  }
  return 1;
}

/** The table's slot width and number of slots, without making it (to see if it is small). */
export function gridShape(
  trace: Trace,
  options: GridOptions = {},
): { slot: number; slots: number } {
  const timelines = options.timelines ?? taskTimelines(trace);
  const end = options.horizon ?? makespan(trace, timelines);
  const slot = options.slot ?? chooseSlot(timelines, end);
  return { slot, slots: Math.max(1, Math.ceil(end / slot - 1e-9)) };
}

/** What a task does during a slot, in time order: inside its sleep, blocked, or both. */
export type SlotActivity = TaskTimeline['segments'][number]['kind'][];

/**
 * The course's table: which task is inside its sleep during which slot of time (`sleeping`:
 * the Markdown's `*`), and, for its text alternative, what each task does in each slot
 * (`activity`: running, waiting, or both). Throws `TableTooLarge` beyond `TABLE_LIMITS`: call
 * `gridShape` first where a big run must not stop the caller.
 */
export function jobGrid(trace: Trace, options: GridOptions = {}): Grid {
  const timelines = options.timelines ?? taskTimelines(trace);
  const { slot, slots } = gridShape(trace, { ...options, timelines });
  const columns = trace.tasks.length;
  if (slots > TABLE_LIMITS.rows || slots * columns > TABLE_LIMITS.cells)
    throw new TableTooLarge(slots, columns);
  const labels = options.labels ?? trace.tasks.map((t) => t.name);
  const sleeping = Array.from({ length: slots }, () => new Array<boolean>(columns).fill(false));
  const activity: SlotActivity[][] = Array.from({ length: slots }, () =>
    Array.from({ length: columns }, () => []),
  );
  timelines.forEach((timeline, t) => {
    for (const s of timeline.segments) {
      // A stretch still going on when the run stops (--until) lasts to the table's end.
      const stop = s.endEvent < 0 && options.horizon !== undefined ? options.horizon : s.end;
      if (!(stop > s.start)) continue;
      const first = Math.max(0, Math.floor(s.start / slot + 1e-9));
      const last = Math.min(slots - 1, Math.ceil(stop / slot - 1e-9) - 1);
      for (let i = first; i <= last; i += 1) {
        if (s.kind === 'sleeping') sleeping[i][t] = true;
        const cell = activity[i][t];
        if (cell[cell.length - 1] !== s.kind) cell.push(s.kind);
      }
    }
  });
  return { slot, slots, labels, sleeping, activity };
}

function formatBound(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

/**
 * The grid as a Markdown table, like the course's: `*` (as code) where a task sleeps, `#` where
 * it blocks the whole loop (`time.sleep`).
 */
export function gridMarkdown(grid: Grid): string {
  const header = ['', ...grid.labels];
  const rows = grid.sleeping.map((row, i) => [
    `${formatBound(i * grid.slot)}-${formatBound((i + 1) * grid.slot)}`,
    ...row.map((on, t) => (on ? '`*`' : grid.activity[i][t].includes('blocking') ? '`#`' : '')),
  ]);
  const widths = header.map((h, c) => Math.max(3, h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n') + '\n';
}

export function markdownTable(trace: Trace, options: GridOptions = {}): string {
  return gridMarkdown(jobGrid(trace, options));
}
