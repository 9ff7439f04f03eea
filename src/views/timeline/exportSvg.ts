/**
 * The timeline as one standalone SVG document, as shown: the head above the body, the cells
 * clipped at "now", the "now" label beside the slot labels (never on them).
 */
import { formatTime } from '../../engine';
import type { Palette } from '../colors';
import { GAP, PILL_PAD, type TimelineLayout } from './layout';

export function timelineSvg(parts: {
  layout: TimelineLayout;
  now: number;
  y: (t: number) => number;
  taskCount: number;
  palette: Palette;
  /** The inner markup of the page's layers. */
  head: string;
  slots: string;
  axis: string;
  cells: string;
}): string {
  const { layout, palette } = parts;
  const height = layout.head + layout.height;
  const width = layout.width;
  const py = parts.y(Math.min(parts.now, layout.span));
  const label = Math.max(py, 11);
  const right = layout.axis + layout.column * parts.taskCount;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="system-ui, sans-serif">` +
    `<rect width="${width}" height="${height}" fill="${palette.background}"/>` +
    `<g>${parts.head}</g><g transform="translate(0,${layout.head})">${parts.slots}` +
    `<g>${parts.axis}</g>` +
    `<clipPath id="revealed"><rect width="${layout.width}" height="${Math.max(0, py)}"/></clipPath>` +
    `<g clip-path="url(#revealed)">${parts.cells}</g>` +
    `<line x1="${layout.axis - GAP}" x2="${right + 4}" y1="${py}" y2="${py}" stroke="${palette.now}" stroke-width="2.5"/>` +
    `<g transform="translate(0,${label})">` +
    `<rect x="${layout.pillX}" y="-11" width="${layout.pillWidth}" height="22" rx="4" fill="${palette.now}"/>` +
    `<text x="${layout.pillX + layout.pillWidth - PILL_PAD}" text-anchor="end" dominant-baseline="middle" font-size="16" font-weight="700" fill="${palette.nowText}">${formatTime(parts.now)}</text>` +
    `</g></g></svg>`
  );
}
