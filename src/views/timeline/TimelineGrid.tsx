/**
 * The course's table, animated: a column per task, time going down in seconds; a task's cell
 * fills as virtual time passes: hatched while it waits (for a token, an item, a lock), in its
 * colour while it runs (inside its sleep), grey once done. D3 computes the scales; React draws
 * the SVG. The playhead moves the clip and the "now" line directly, without re-rendering.
 * The header (names and states) stays in view while the body scrolls.
 */
import { scaleLinear } from 'd3-scale';
import { useEffect, useId, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { formatTime } from '../../engine';
import { useApp, useAppStore } from '../../store/context';
import { lastTime } from '../../store/store';
import { selectCursor, selectRun, selectRunVersion } from '../../store/selectors';
import type { TaskState } from '../../trace/state';
import { taskColor } from '../colors';
import { useLoopState } from '../useLoopState';
import { useSize } from '../useSize';
import { describeSegment } from './describeSegment';

const HEAD_HEIGHT = 62;
const AXIS_WIDTH = 64;
const MIN_COLUMN = 18;
const MAX_COLUMN = 112;
/** Virtual seconds drawn around the playhead of an endless run. */
const ENDLESS_WINDOW = 90;
const ZOOMS = [0.25, 0.5, 1, 2, 4];

const STATUS_WORDS: Record<TaskState['status'], string> = {
  created: 'created',
  ready: 'ready',
  running: 'running',
  sleeping: 'sleeping',
  waiting: 'waiting',
  done: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
};
const STATUS_GLYPHS: Record<TaskState['status'], string> = {
  created: '·',
  ready: '○',
  running: '▶',
  sleeping: '●',
  waiting: '◌',
  done: '✓',
  failed: '✗',
  cancelled: '✗',
};

interface Tip {
  text: string;
  x: number;
  y: number;
}

/** Gives the timeline as one standalone SVG document (header above the body). */
export type ExportSvg = () => string;

export function TimelineGrid({ exportRef }: { exportRef?: React.Ref<ExportSvg> }) {
  const run = useApp(selectRun);
  const version = useApp(selectRunVersion);
  const cursor = useApp(selectCursor);
  const store = useAppStore();
  const [boxRef, size] = useSize<HTMLDivElement>();
  const headBox = useRef<HTMLDivElement>(null);
  const headSvg = useRef<SVGSVGElement>(null);
  const bodySvg = useRef<SVGSVGElement>(null);
  const id = useId().replace(/:/g, '');
  const clipRect = useRef<SVGRectElement>(null);
  const nowLine = useRef<SVGGElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const [zoom, setZoom] = useState(1);
  const trace = run.trace;
  const taskCount = trace.tasks.length;
  const loop = useLoopState();

  const layout = useMemo(() => {
    const span = run.endless ? run.horizon : Math.max(1, Math.ceil(lastTime(run) - 1e-9));
    const available = Math.max(0, size.width - AXIS_WIDTH - 12);
    const fit = available / Math.max(1, taskCount);
    const column = Math.max(
      zoom < 1 ? 3 : MIN_COLUMN,
      Math.min(MAX_COLUMN * zoom, fit * zoom, zoom < 1 ? fit : Infinity),
    );
    const fitHeight = (size.height - HEAD_HEIGHT - 12) / span;
    const perSecond = run.endless
      ? 44 * zoom
      : Math.max(zoom < 1 ? 2 : 24, Math.min(120, fitHeight) * zoom);
    const width = AXIS_WIDTH + column * taskCount + 8;
    const height = perSecond * span + 12;
    const y = scaleLinear()
      .domain([0, span])
      .range([0, perSecond * span]);
    const slot = perSecond >= 20 ? 1 : perSecond >= 4 ? 5 : perSecond >= 1 ? 20 : 100;
    const labelEvery = Math.max(1, Math.ceil(36 / (perSecond * slot)));
    return { span, column, perSecond, width, height, y, slot, labelEvery };
  }, [run, version, size.width, size.height, taskCount, zoom]); // eslint-disable-line react-hooks/exhaustive-deps

  const { y, column, span } = layout;
  const playhead = store.getState().playhead;
  const from = run.endless ? Math.max(0, playhead - ENDLESS_WINDOW) : 0;
  const to = run.endless ? playhead + ENDLESS_WINDOW : Infinity;
  const cursorTime = cursor === 0 ? 0 : trace.timeAt(cursor - 1);

  // The playhead moves the clip and the now line at every frame, outside React, and keeps "now"
  // in view when it moves (a paused viewer may scroll away freely).
  useEffect(() => {
    let shownTime = NaN;
    const place = (t: number) => {
      const py = y(Math.min(t, span));
      clipRect.current?.setAttribute('height', String(Math.max(0, py)));
      nowLine.current?.setAttribute('transform', `translate(0,${py})`);
      const label = nowLine.current?.querySelector('text');
      if (label) label.textContent = formatTime(t);
      const box = boxRef.current;
      const moved = t !== shownTime;
      shownTime = t;
      if (box && moved && (py > box.scrollTop + box.clientHeight - 30 || py < box.scrollTop)) {
        box.scrollTop = Math.max(0, py - box.clientHeight / 3);
      }
    };
    place(store.getState().playhead);
    return store.subscribe((state, previous) => {
      if (state.playhead !== previous.playhead) place(state.playhead);
    });
  }, [store, y, span, boxRef]);

  // With many tasks, bring the busy columns into view when none of them is.
  useEffect(() => {
    const box = boxRef.current;
    if (!box || layout.width <= box.clientWidth) return;
    const busy = loop.tasks
      .map((t, i) => (t.status === 'sleeping' || t.status === 'running' ? i : -1))
      .filter((i) => i >= 0);
    if (busy.length === 0) return;
    const left = (i: number) => AXIS_WIDTH + column * i;
    const visible = busy.some(
      (i) => left(i) >= box.scrollLeft && left(i) + column <= box.scrollLeft + box.clientWidth,
    );
    if (!visible) box.scrollLeft = Math.max(0, left(busy[0]) - AXIS_WIDTH - column);
  }, [loop, column, layout.width, boxRef]);

  useImperativeHandle(exportRef, () => () => {
    const head = headSvg.current;
    const body = bodySvg.current;
    if (!head || !body) return '';
    const width = layout.width;
    const markup =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEAD_HEIGHT + layout.height}" font-family="system-ui, sans-serif">` +
      `<rect width="${width}" height="${HEAD_HEIGHT + layout.height}" fill="#ffffff"/>` +
      `<g>${head.innerHTML}</g><g transform="translate(0,${HEAD_HEIGHT})">${body.innerHTML}</g></svg>`;
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + markup;
  });

  const slots = [];
  for (let t = 0; t < span - 1e-9; t += layout.slot) {
    if (t + layout.slot < from || t > to) continue;
    slots.push(t);
  }
  const labelsShown = (task: number) =>
    column >= 22 || taskCount <= 40 || task % Math.ceil(40 / column) === 0;

  return (
    <div className="timeline-wrap">
      <div className="zoom" role="group" aria-label="Zoom the timeline">
        <button
          type="button"
          onClick={() => setZoom(ZOOMS[Math.max(0, ZOOMS.indexOf(zoom) - 1)])}
          aria-label="Zoom out"
          disabled={zoom === ZOOMS[0]}
        >
          −
        </button>
        <button
          type="button"
          onClick={() => setZoom(1)}
          aria-label="Zoom to fit"
          disabled={zoom === 1}
        >
          1:1
        </button>
        <button
          type="button"
          onClick={() => setZoom(ZOOMS[Math.min(ZOOMS.length - 1, ZOOMS.indexOf(zoom) + 1)])}
          aria-label="Zoom in"
          disabled={zoom === ZOOMS[ZOOMS.length - 1]}
        >
          +
        </button>
      </div>
      <div className="timeline-head" ref={headBox}>
        <svg
          ref={headSvg}
          width={layout.width}
          height={HEAD_HEIGHT}
          aria-hidden="true"
          xmlns="http://www.w3.org/2000/svg"
          fontFamily="system-ui, sans-serif"
        >
          {run.labels.map((label, task) => {
            const cx = AXIS_WIDTH + column * task + column / 2;
            const vertical = column < 64;
            const status = loop.tasks[task].status;
            return (
              <g key={task}>
                <text
                  x={cx}
                  y={vertical ? HEAD_HEIGHT - 24 : HEAD_HEIGHT - 30}
                  textAnchor={vertical ? 'start' : 'middle'}
                  transform={vertical ? `rotate(-60 ${cx} ${HEAD_HEIGHT - 24})` : undefined}
                  fontSize={column < 22 ? 11 : 16}
                  fontWeight="600"
                  fill={taskColor(task)}
                >
                  {labelsShown(task) ? label : ''}
                </text>
                {column >= 8 && (
                  <text
                    x={cx}
                    y={HEAD_HEIGHT - 6}
                    textAnchor="middle"
                    fontSize={column < 64 ? 13 : 16}
                    fill={status === 'running' ? '#c0392b' : '#444'}
                    data-status={status}
                  >
                    {column < 80 ? STATUS_GLYPHS[status] : STATUS_WORDS[status]}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <div
        className="timeline"
        ref={boxRef}
        onMouseLeave={() => setTip(null)}
        onScroll={(e) => {
          if (headBox.current) headBox.current.scrollLeft = e.currentTarget.scrollLeft;
        }}
      >
        <svg
          ref={bodySvg}
          width={layout.width}
          height={layout.height}
          role="img"
          aria-label={`Timeline of ${taskCount} tasks over ${formatTime(span)} seconds (the table "Timeline as text" gives the same)`}
          xmlns="http://www.w3.org/2000/svg"
          fontFamily="system-ui, sans-serif"
        >
          <defs>
            <pattern
              id={`${id}-hatch`}
              width="8"
              height="8"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="8" height="8" fill="#f1efe8" />
              <line x1="0" y1="0" x2="0" y2="8" stroke="#9a9386" strokeWidth="3" />
            </pattern>
            <clipPath id={`${id}-clip`}>
              <rect
                ref={clipRect}
                x="0"
                y="0"
                width={layout.width}
                height={y(Math.min(playhead, span))}
              />
            </clipPath>
          </defs>
          <rect width={layout.width} height={layout.height} fill="#ffffff" />
          {/* time slots, like the rows of the course's table */}
          {slots.map((t, i) => (
            <g key={t}>
              <rect
                x={AXIS_WIDTH}
                y={y(t)}
                width={column * taskCount}
                height={y(t + layout.slot) - y(t)}
                fill={i % 2 ? '#fafaf7' : '#ffffff'}
              />
              <line
                x1={AXIS_WIDTH - 6}
                x2={AXIS_WIDTH + column * taskCount}
                y1={y(t)}
                y2={y(t)}
                stroke="#d9d6cc"
              />
              {Math.round(t / layout.slot) % layout.labelEvery === 0 && (
                <text
                  x={AXIS_WIDTH - 10}
                  y={(y(t) + y(t + layout.slot)) / 2}
                  textAnchor="end"
                  dominantBaseline="middle"
                  fontSize="16"
                  fill="#333"
                >
                  {`${t}-${t + layout.slot}`}
                </text>
              )}
            </g>
          ))}
          {/* what each task did, revealed up to the playhead */}
          <g clipPath={`url(#${id}-clip)`}>
            {run.timelines.map((timeline, task) => {
              const x = AXIS_WIDTH + column * task + Math.max(0.5, column * 0.1);
              const w = Math.max(1.5, column * 0.8);
              return (
                <g key={task}>
                  {timeline.segments.map((segment) => {
                    const end =
                      segment.endEvent >= 0 ? segment.end : run.endless ? run.horizon : segment.end;
                    if (end <= segment.start || end < from || segment.start > to) return null;
                    const past = segment.start <= cursorTime;
                    const text = describeSegment(trace, task, segment, cursorTime);
                    const show = (target: Element) => {
                      const box = boxRef.current!;
                      const r = target.getBoundingClientRect();
                      const b = box.getBoundingClientRect();
                      setTip({
                        text,
                        x: r.right - b.left + box.scrollLeft + 6,
                        y: Math.max(r.top, b.top) - b.top + box.scrollTop,
                      });
                    };
                    return (
                      <rect
                        key={segment.startEvent}
                        className="cell"
                        x={x}
                        y={y(segment.start)}
                        width={w}
                        height={Math.max(2, y(Math.min(end, span)) - y(segment.start))}
                        fill={segment.kind === 'sleeping' ? taskColor(task) : `url(#${id}-hatch)`}
                        stroke={segment.kind === 'sleeping' ? 'none' : taskColor(task)}
                        strokeWidth={column >= 8 ? 1.5 : 0.5}
                        rx={column >= 8 ? 3 : 0}
                        tabIndex={past ? 0 : -1}
                        aria-label={past ? text : undefined}
                        pointerEvents={past ? 'all' : 'none'}
                        onMouseEnter={(e) => show(e.currentTarget)}
                        onFocus={(e) => show(e.currentTarget)}
                        onBlur={() => setTip(null)}
                      />
                    );
                  })}
                  {timeline.endTime !== null && timeline.endTime < span && (
                    <rect
                      x={x}
                      y={y(timeline.endTime)}
                      width={w}
                      height={y(span) - y(timeline.endTime)}
                      fill="#ecebe6"
                      rx={column >= 8 ? 3 : 0}
                    />
                  )}
                </g>
              );
            })}
          </g>
          <g
            ref={nowLine}
            transform={`translate(0,${y(Math.min(playhead, span))})`}
            pointerEvents="none"
          >
            <line
              x1={AXIS_WIDTH - 6}
              x2={AXIS_WIDTH + column * taskCount + 4}
              y1="0"
              y2="0"
              stroke="#c0392b"
              strokeWidth="2.5"
            />
            <rect x="0" y="-11" width={AXIS_WIDTH - 6} height="22" rx="4" fill="#c0392b" />
            <text
              x={AXIS_WIDTH - 10}
              y="0"
              textAnchor="end"
              dominantBaseline="middle"
              fontSize="15"
              fill="#fff"
              fontWeight="700"
            >
              {formatTime(playhead)}
            </text>
          </g>
        </svg>
        {tip && (
          <div className="tip" role="status" style={{ left: tip.x, top: tip.y }}>
            {tip.text}
          </div>
        )}
      </div>
    </div>
  );
}
