/**
 * Where the timeline's parts go, for a box of a given size and a zoom. Pure (texts are measured
 * by the caller), so that the rules are tested without a browser:
 * - zooming in makes the cells (and the head's names) bigger; zooming out shows more, until
 *   the whole run fits the box; 1 is the default view;
 * - the time axis is as wide as its labels and the "now" label need, side by side, so that
 *   "now" never covers the label of its row;
 * - a time slot is 1, 2, 5, 10... seconds, the shortest in which its label fits: every row is
 *   labelled;
 * - the names are level when they fit their column, else at a slant; when even slanted names
 *   would overlap, every k-th column is named (k = 2, 5, 10...), by the task's name only (a
 *   label's duration would repeat the pattern of the named columns, not of all).
 */
import { formatTime } from '../../engine';

export const ZOOMS = [0.125, 0.25, 0.5, 1, 2, 4, 8];
export const MIN_COLUMN = 18;
export const MAX_COLUMN = 112;
const MIN_PER_SECOND = 24;
const MAX_PER_SECOND = 120;
const ENDLESS_PER_SECOND = 44;
/** The lowest row that holds a 16 px label. */
export const MIN_ROW = 22;
const SLOTS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000];
const STRIDES = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000];
/** The corner above the time axis holds the zoom buttons (three of 32 px). */
export const CORNER_WIDTH = 106;
/** Space between the time axis's texts, and between the axis and the lanes. */
export const GAP = 6;
/** Padding of the "now" label's text. */
export const PILL_PAD = 5;
/** Slanted names, at 60°: two of them this far apart (across the text) do not overlap. */
const LINE_SPACING = 17;
const SIN = Math.sin(Math.PI / 3);
const MAX_HEAD = 160;
/** Above the lanes: the bar in the task's colour, and the row of states when drawn. */
const BAR = 4;
const STATUS_ROW = 22;

export type Measure = (text: string, weight?: number) => number;

export interface LayoutInput {
  /** Column headers ("j0 (1)": name and duration). */
  labels: string[];
  /** Task names, for headers every k-th column. */
  names: string[];
  /** Seconds drawn. */
  span: number;
  endless: boolean;
  /** The scrolling box's inner size. */
  width: number;
  height: number;
  zoom: number;
  /** Compare: the seconds fitted to the height at zoom 1, the same for both runs. */
  fitSpan?: number;
  /** Compare: forces pixels per second of an endless run on both. */
  fitEndless?: boolean;
  /** Compare: the other run's head height, so that both bodies start at the same height. */
  minHead?: number;
  /** The widest word of the state row (drawn only in columns that hold it). */
  statusWidth: number;
  measure: Measure;
}

export interface TimelineLayout {
  zoom: number;
  /** Width of the time axis, the lanes start there. */
  axis: number;
  /** Right edge of the slot labels. */
  rowRight: number;
  pillX: number;
  pillWidth: number;
  column: number;
  perSecond: number;
  span: number;
  slot: number;
  /** Of the lanes' canvas. */
  width: number;
  height: number;
  head: number;
  /** The head's height for this run alone (compare shares the higher of two). */
  naturalHead: number;
  barY: number;
  statusRow: boolean;
  slanted: boolean;
  /** Every k-th column is named. */
  stride: number;
  /** Names with durations (stride 1), or names only. */
  fullLabels: boolean;
  /** How far the last slanted name reaches past the last column (inside `width`). */
  overhang: number;
}

/** Where the last slot begins. */
function lastSlot(span: number, slot: number): number {
  return Math.max(0, Math.ceil(span / slot - 1e-9) - 1) * slot;
}

/** The middle of a slot's row, where its label goes: the last row, cut by the end of the run, still holds it. */
export function rowMiddle(t: number, layout: TimelineLayout): number {
  const top = t * layout.perSecond;
  const bottom = Math.min(t + layout.slot, layout.span) * layout.perSecond;
  return (top + Math.max(bottom, top + MIN_ROW)) / 2;
}

/** A slot's label: "4-5"; the last one ends with the run ("14-15", not "14-16"). */
export function slotLabel(t: number, slot: number, end = Infinity): string {
  return `${t}-${Math.min(t + slot, end)}`;
}

/** Zooming in grows a size; zooming out shrinks it, never below what fits the box. */
function zoomed(base: number, fit: number, zoom: number): number {
  return zoom >= 1 ? base * zoom : Math.max(base * zoom, Math.min(base, fit));
}

function clamp(x: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, x));
}

interface Scales {
  perSecond: number;
  slot: number;
  axis: number;
  rowRight: number;
  pillX: number;
  pillWidth: number;
  column: number;
}

function longestLabel(input: LayoutInput): number {
  let longest = 0;
  for (const label of input.labels) longest = Math.max(longest, input.measure(label, 600));
  return longest;
}

function scales(input: LayoutInput, zoom: number, longest: number): Scales {
  const { span, measure } = input;
  const tasks = Math.max(1, input.labels.length);
  const bodyHeight = Math.max(0, input.height - 12);
  const fitPerSecond = bodyHeight / Math.max(1e-9, span);
  let perSecond: number;
  if (input.endless || input.fitEndless) perSecond = ENDLESS_PER_SECOND * zoom;
  else if (input.fitSpan !== undefined) {
    const base = clamp(bodyHeight / Math.max(1, input.fitSpan), 1e-3, MAX_PER_SECOND);
    perSecond = zoomed(base, base, zoom);
  } else {
    const base = clamp(fitPerSecond, MIN_PER_SECOND, MAX_PER_SECOND);
    perSecond = zoomed(base, fitPerSecond, zoom);
  }
  const slot = SLOTS.find((s) => s * perSecond >= MIN_ROW) ?? SLOTS[SLOTS.length - 1];
  const rowWidth = measure(slotLabel(lastSlot(span, slot), slot));
  // The widest time "now" shows: the end of the run (its digits only grow).
  const pillWidth = measure(formatTime(span), 700) + 2 * PILL_PAD;
  const axis = Math.ceil(Math.max(CORNER_WIDTH, 4 + rowWidth + GAP + pillWidth + GAP));
  const pillX = axis - GAP - pillWidth;
  const columnFor = (reserve: number) => {
    const fitColumn = Math.max(0, input.width - axis - 12 - reserve) / tasks;
    return zoomed(clamp(fitColumn, MIN_COLUMN, MAX_COLUMN), fitColumn, zoom);
  };
  let column = columnFor(0);
  // Slanted names reach past the last column: room for the last one.
  if (longest > column - 6) column = columnFor(Math.ceil(longest / 2));
  return { perSecond, slot, axis, rowRight: pillX - GAP, pillX, pillWidth, column };
}

export function timelineLayout(input: LayoutInput): TimelineLayout {
  const { zoom, measure } = input;
  const longest = longestLabel(input);
  const s = scales(input, zoom, longest);
  const { column } = s;
  const tasks = input.labels.length;
  let stride = 1;
  let slanted = false;
  let widest = longest;
  if (longest > column - 6) {
    slanted = true;
    stride = STRIDES.find((k) => k * column * SIN >= LINE_SPACING) ?? STRIDES[STRIDES.length - 1];
    if (stride > 1) {
      widest = 0;
      for (let i = 0; i < tasks; i += stride)
        widest = Math.max(widest, measure(input.names[i], 600));
    }
  }
  const statusRow = column >= input.statusWidth + 8;
  const names = slanted ? Math.ceil(widest * SIN + 8) + 6 : 26;
  const natural = Math.min(MAX_HEAD, names + BAR + 4 + (statusRow ? STATUS_ROW : 4));
  const head = Math.max(natural, input.minHead ?? 0);
  const overhang = slanted ? Math.max(0, Math.ceil(widest / 2 - column / 2 + 4)) : 0;
  return {
    ...s,
    zoom,
    span: input.span,
    width: s.axis + column * tasks + 8 + overhang,
    // The last row, cut by the end of the run, still holds its label (in the bottom margin).
    height: Math.max(
      s.perSecond * input.span + 12,
      s.perSecond * lastSlot(input.span, s.slot) + MIN_ROW,
    ),
    head,
    naturalHead: natural,
    barY: head - (statusRow ? STATUS_ROW : 4) - 4 - BAR,
    statusRow,
    slanted,
    stride,
    fullLabels: stride === 1,
    overhang,
  };
}

/** Whether zooming out from `zoom` would show anything more. */
export function canZoomOut(input: LayoutInput): boolean {
  const index = ZOOMS.indexOf(input.zoom);
  if (index <= 0) return false;
  const longest = longestLabel(input);
  const now = scales(input, input.zoom, longest);
  const out = scales(input, ZOOMS[index - 1], longest);
  return out.column < now.column - 0.01 || out.perSecond < now.perSecond - 0.01;
}

export function canZoomIn(zoom: number): boolean {
  const index = ZOOMS.indexOf(zoom);
  return index >= 0 && index < ZOOMS.length - 1;
}
