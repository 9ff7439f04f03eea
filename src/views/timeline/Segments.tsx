/**
 * Every task's stretches of waiting and running, and its "done" tail, whatever the playhead:
 * drawn once per run (and layout), uncovered by the sliding box as time passes.
 */
import { memo } from 'react';
import type { Run } from '../../store/run';
import type { Palette } from '../colors';
import { sleepLateness } from '../../trace/lateness';

export interface SegmentsProps {
  run: Run;
  /** Changes when an endless run grows. */
  version: number;
  y: (t: number) => number;
  axis: number;
  column: number;
  span: number;
  from: number;
  to: number;
  hatch: string;
  /** Fill of the part of a sleep after its deadline (the loop was blocked). */
  lateHatch: string;
  focusable: boolean;
  palette: Palette;
  firstColumn: number;
  lastColumn: number;
}

export const Segments = memo(function Segments(props: SegmentsProps) {
  const { run, y, axis, column, span, from, to, hatch, focusable, firstColumn, lastColumn } = props;
  const { palette, lateHatch } = props;
  const trace = run.trace;
  const taskColor = (task: number) => palette.tasks[task % palette.tasks.length];
  return (
    <>
      {run.timelines.slice(firstColumn, lastColumn).map((timeline, i) => {
        const task = firstColumn + i;
        const x = axis + column * task + Math.max(0.5, column * 0.1);
        const w = Math.max(1.5, column * 0.8);
        const rounded = column >= 8 ? 3 : 0;
        return (
          <g key={task}>
            {timeline.segments.map((segment, index) => {
              const end =
                segment.endEvent >= 0 ? segment.end : run.endless ? run.horizon : segment.end;
              if (end <= segment.start || end < from || segment.start > to) return null;
              const solid = segment.kind !== 'blocked';
              const late = sleepLateness(trace, segment);
              const cell = (
                <rect
                  key={segment.startEvent}
                  className="cell"
                  data-task={task}
                  data-segment={index}
                  data-kind={segment.kind}
                  x={x}
                  y={y(segment.start)}
                  width={w}
                  height={Math.max(2, y(Math.min(end, span)) - y(segment.start))}
                  fill={
                    segment.kind === 'blocking'
                      ? palette.late
                      : segment.kind === 'sleeping'
                        ? taskColor(task)
                        : hatch
                  }
                  stroke={solid ? 'none' : taskColor(task)}
                  strokeWidth={column >= 8 ? 1.5 : 0.5}
                  rx={rounded}
                  tabIndex={focusable ? 0 : undefined}
                />
              );
              if (late <= 0) return cell;
              // The sleep went on past its deadline: that part is drawn late, in red.
              const due = end - late;
              return [
                cell,
                <rect
                  key={`${segment.startEvent}-late`}
                  className="late"
                  data-task={task}
                  x={x}
                  y={y(due)}
                  width={w}
                  height={Math.max(2, y(Math.min(end, span)) - y(due))}
                  fill={lateHatch}
                  stroke={palette.late}
                  strokeWidth={column >= 8 ? 1.5 : 0.5}
                  pointerEvents="none"
                />,
              ];
            })}
            {timeline.endTime !== null && timeline.endTime < span && (
              <rect
                x={x}
                y={y(timeline.endTime)}
                width={w}
                height={y(span) - y(timeline.endTime)}
                fill={palette.done}
                rx={rounded}
              />
            )}
          </g>
        );
      })}
    </>
  );
});
