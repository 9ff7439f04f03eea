/**
 * The timeline's head: each task's name (every k-th one when the columns are too narrow even
 * for slanted names), a bar in its colour, and its state in words when the columns hold them.
 * Every text at 16 px.
 */
import type { Ref } from 'react';
import type { T } from '../../i18n/useT';
import type { TaskState } from '../../trace/state';
import type { Palette } from '../colors';
import type { TimelineLayout } from './layout';
import { textWidth } from './measure';

/** The states a task is in most of the time: the row of states is drawn when they fit. */
export const COMMON_STATES: TaskState['status'][] = [
  'created',
  'ready',
  'running',
  'sleeping',
  'waiting',
  'done',
];

export function TimelineHead({
  svgRef,
  layout,
  labels,
  names,
  states,
  firstColumn,
  lastColumn,
  palette,
  t,
}: {
  svgRef: Ref<SVGSVGElement>;
  layout: TimelineLayout;
  labels: string[];
  names: string[];
  states: TaskState[];
  firstColumn: number;
  lastColumn: number;
  palette: Palette;
  t: T;
}) {
  const { axis, column, head, barY, slanted, stride } = layout;
  const columns = [];
  for (let task = firstColumn; task < lastColumn; task += 1) {
    const cx = axis + column * task + column / 2;
    const status = states[task]?.status ?? 'unstarted';
    const named = task % stride === 0;
    const word = layout.statusRow ? t(`status.${status}`) : '';
    // A rare, long state word (not started, cancelled) is narrowed to its column.
    const squeeze = word && textWidth(word) > column - 6 ? column - 6 : undefined;
    columns.push(
      <g key={task} data-status={status}>
        {/* The task's colour as a bar: names stay in full-contrast ink. */}
        <rect
          x={axis + column * task + column * 0.1}
          y={barY}
          width={Math.max(1.5, column * 0.8)}
          height={4}
          rx={2}
          fill={palette.tasks[task % palette.tasks.length]}
        />
        {named && (
          <text
            x={cx}
            y={barY - 6}
            textAnchor={slanted ? 'start' : 'middle'}
            transform={slanted ? `rotate(-60 ${cx} ${barY - 6})` : undefined}
            fontSize={16}
            fontWeight="600"
            fill={palette.text}
          >
            {layout.fullLabels ? labels[task] : names[task]}
          </text>
        )}
        {word && (
          <text
            x={cx}
            y={head - 8}
            textAnchor="middle"
            fontSize={16}
            fill={status === 'running' ? palette.now : palette.muted}
            textLength={squeeze}
            lengthAdjust={squeeze ? 'spacingAndGlyphs' : undefined}
          >
            {word}
          </text>
        )}
      </g>,
    );
  }
  return (
    <svg
      ref={svgRef}
      width={layout.width}
      height={head}
      aria-hidden="true"
      xmlns="http://www.w3.org/2000/svg"
      fontFamily="system-ui, sans-serif"
    >
      {columns}
    </svg>
  );
}
