/**
 * The course's table, animated: a column per task, time going down in seconds; a task's cell
 * fills as virtual time passes: hatched while it waits (for a token, an item, a lock), in its
 * colour while it runs (inside its sleep), grey once done. D3 computes the scales; React draws
 * the SVG. The body is three layers: the time slots (drawn when the view scrolls), the cells
 * (drawn once per run, memo) inside a clipping box whose bottom edge is the playhead, and the
 * "now" line above. The playhead moves the box, the cells the other way, and the line, by CSS
 * transforms, directly, without React: playback needs no layout and repaints almost nothing. A new event only redraws the
 * header's task states. The header stays in view while the body scrolls.
 */
import { scaleLinear } from 'd3-scale';
import { memo, useEffect, useId, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { formatTime } from '../../engine';
import { useApp, useAppStore } from '../../store/context';
import type { Run } from '../../store/run';
import { selectRun, selectRunVersion } from '../../store/selectors';
import { lastTime } from '../../store/store';
import type { TaskState } from '../../trace/state';
import { usePalette, useTaskColor, type Palette } from '../colors';
import { useLoopState } from '../useLoopState';
import { useSize } from '../useSize';
import { describeSegment } from './describeSegment';
import { useT } from '../../i18n/useT';

/** The head's height when the task names are written level (wide columns). */
const HEAD_HEIGHT = 62;
const AXIS_WIDTH = 80;
const MIN_COLUMN = 18;
const MAX_COLUMN = 112;
/** Virtual seconds drawn around the playhead of an endless run. */
const ENDLESS_WINDOW = 90;
const ZOOMS = [0.25, 0.5, 1, 2, 4];
/** Up to this many tasks, each cell can take the keyboard focus. */
const FOCUSABLE_TASKS = 60;

const STATUS_GLYPHS: Record<TaskState['status'], string> = {
  unstarted: '–',
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
  const store = useAppStore();
  const loop = useLoopState();
  const t = useT();
  const palette = usePalette();
  const taskColor = useTaskColor();
  const [boxRef, size] = useSize<HTMLDivElement>();
  const headBox = useRef<HTMLDivElement>(null);
  const headSvg = useRef<SVGSVGElement>(null);
  const slotsSvg = useRef<SVGSVGElement>(null);
  const cellsSvg = useRef<SVGSVGElement>(null);
  const reveal = useRef<HTMLDivElement>(null);
  const nowLine = useRef<HTMLDivElement>(null);
  const nowLabel = useRef<HTMLSpanElement>(null);
  const nowMark = useRef<HTMLDivElement>(null);
  const axisSvg = useRef<SVGSVGElement>(null);
  const scrollTop = useRef(0);
  const scrollLeft = useRef(0);
  const id = useId().replace(/:/g, '');
  const [tip, setTip] = useState<Tip | null>(null);
  const [zoom, setZoom] = useState(1);
  // Columns drawn: those in view and some around (many tasks make thousands of SVG elements).
  const [firstVisible, setFirstVisible] = useState(0);
  const [firstVisibleTime, setFirstVisibleTime] = useState(0);
  const trace = run.trace;
  const taskCount = trace.tasks.length;

  const layout = useMemo(() => {
    const span = run.endless ? run.horizon : Math.max(1, Math.ceil(lastTime(run) - 1e-9));
    const available = Math.max(0, size.width - AXIS_WIDTH - 12);
    const fit = available / Math.max(1, taskCount);
    const column =
      zoom < 1
        ? Math.max(3, fit * zoom * 4)
        : Math.max(MIN_COLUMN, Math.min(MAX_COLUMN * zoom, fit * zoom));
    const fitHeight = (size.height - 12) / span;
    const perSecond = run.endless
      ? 44 * zoom
      : Math.max(zoom < 1 ? 2 : 24, Math.min(120, fitHeight) * zoom);
    const y = scaleLinear()
      .domain([0, span])
      .range([0, perSecond * span]);
    const slot = perSecond >= 20 ? 1 : perSecond >= 4 ? 5 : perSecond >= 1 ? 20 : 100;
    // Narrow columns write the names at a slant (60°): the head grows to hold the longest.
    const slanted = column < 64;
    const fontSize = column < 22 ? 11 : 16;
    let longest = 0;
    for (const label of run.labels) longest = Math.max(longest, label.length);
    const rise = Math.ceil(longest * fontSize * 0.62 * Math.sin(Math.PI / 3));
    const head = slanted ? Math.min(140, Math.max(HEAD_HEIGHT, 26 + rise + 4)) : HEAD_HEIGHT;
    return {
      slanted,
      fontSize,
      head,
      /** How far the last slanted name reaches past the last column. */
      overhang: slanted ? Math.ceil(rise / Math.tan(Math.PI / 3)) : 0,
      span,
      column,
      width: AXIS_WIDTH + column * taskCount + 8,
      height: perSecond * span + 12,
      y,
      slot,
      labelEvery: Math.max(1, Math.ceil(36 / (perSecond * slot))),
    };
  }, [run, version, size.width, size.height, taskCount, zoom]); // eslint-disable-line react-hooks/exhaustive-deps
  const { y, column, span, height, head } = layout;
  const chunk = 20;
  const columnsInView = Math.ceil(size.width / column) + 1;
  const firstColumn = Math.max(0, firstVisible - chunk);
  const lastColumn = Math.min(taskCount, firstVisible + columnsInView + chunk);
  const playhead = store.getState().playhead;
  // An endless run is drawn around the playhead, in steps, so that the cells are redrawn rarely.
  const anchor = Math.floor(playhead / 30) * 30;
  const from = run.endless ? Math.max(0, anchor - ENDLESS_WINDOW) : 0;
  const to = run.endless ? anchor + ENDLESS_WINDOW : Infinity;

  // The playhead moves the reveal and the now line at every frame, outside React, and keeps "now"
  // in view when it moves (a paused viewer may scroll away freely). Layout is never read here
  // (that would force a reflow in every frame): scroll positions are tracked by onScroll.
  useEffect(() => {
    let shownTime = NaN;
    const place = (t: number) => {
      const py = y(Math.min(t, span));
      // The box slides so that its bottom is at "now"; the cells slide back and stay in place.
      if (reveal.current) reveal.current.style.transform = `translateY(${py - height}px)`;
      if (cellsSvg.current) cellsSvg.current.style.transform = `translateY(${height - py}px)`;
      if (nowLine.current) nowLine.current.style.transform = `translateY(${py}px)`;
      // The label is centred on the line, except at the top, where it would be cut.
      if (nowMark.current) nowMark.current.style.transform = `translateY(${Math.max(py, 11)}px)`;
      if (nowLabel.current) nowLabel.current.textContent = formatTime(t);
      const moved = t !== shownTime;
      shownTime = t;
      const top = scrollTop.current;
      // Not before the box is measured: "now" would end up at its top edge.
      if (size.height > 0 && boxRef.current && moved && (py > top + size.height - 30 || py < top)) {
        boxRef.current.scrollTop = scrollTop.current = Math.max(0, py - size.height / 3);
      }
    };
    place(store.getState().playhead);
    return store.subscribe((state, previous) => {
      if (state.playhead !== previous.playhead) place(state.playhead);
    });
  }, [store, y, span, boxRef, size.height, height]);

  // With many tasks, bring the busy columns into view when none of them is.
  useEffect(() => {
    const box = boxRef.current;
    if (!box || layout.width <= size.width) return;
    const busy = loop.tasks
      .map((t, i) => (t.status === 'sleeping' || t.status === 'running' ? i : -1))
      .filter((i) => i >= 0);
    if (busy.length === 0) return;
    const left = (i: number) => AXIS_WIDTH + column * i;
    const at = scrollLeft.current;
    if (!busy.some((i) => left(i) >= at && left(i) + column <= at + size.width)) {
      box.scrollLeft = scrollLeft.current = Math.max(0, left(busy[0]) - AXIS_WIDTH - column);
      setFirstVisible(Math.floor(box.scrollLeft / column / chunk) * chunk);
    }
  }, [loop, column, layout.width, boxRef, size.width]);

  useImperativeHandle(exportRef, () => () => {
    const headLayer = headSvg.current;
    const slotLayer = slotsSvg.current;
    const cells = cellsSvg.current;
    if (!headLayer || !slotLayer || !cells) return '';
    const height = head + layout.height;
    const width = layout.width + layout.overhang;
    const now = store.getState().playhead;
    const py = y(Math.min(now, span));
    // The three layers of the page in one picture: the cells clipped at "now", as shown.
    return (
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="system-ui, sans-serif">` +
      `<rect width="${width}" height="${height}" fill="${palette.background}"/>` +
      `<g>${headLayer.innerHTML}</g><g transform="translate(0,${head})">${slotLayer.innerHTML}` +
      `<g>${axisSvg.current?.innerHTML ?? ''}</g>` +
      `<clipPath id="revealed"><rect width="${layout.width}" height="${Math.max(0, py)}"/></clipPath>` +
      `<g clip-path="url(#revealed)">${cells.innerHTML}</g>` +
      `<g transform="translate(0,${py})">` +
      `<line x1="${AXIS_WIDTH - 6}" x2="${AXIS_WIDTH + column * taskCount + 4}" stroke="${palette.now}" stroke-width="2.5"/>` +
      `<rect y="-11" width="${AXIS_WIDTH - 6}" height="22" rx="4" fill="${palette.now}"/>` +
      `<text x="${AXIS_WIDTH - 10}" text-anchor="end" dominant-baseline="middle" font-size="16" font-weight="700" fill="${palette.nowText}">${formatTime(now)}</text>` +
      `</g></g></svg>`
    );
  });

  /** The tooltip of the cell under the pointer or the focus, told at the current time. */
  const showTip = (target: Element) => {
    const box = boxRef.current;
    if (!box || !target.hasAttribute('data-task')) return;
    const task = Number(target.getAttribute('data-task'));
    const segment = run.timelines[task]?.segments[Number(target.getAttribute('data-segment'))];
    if (!segment) return;
    const { cursor, playhead: now } = store.getState();
    const cursorTime = cursor === 0 ? 0 : trace.timeAt(cursor - 1);
    const text =
      segment.start > now
        ? t('timeline.notYet', { task: trace.tasks[task].name, t: formatTime(now) })
        : describeSegment(trace, task, segment, cursorTime, t);
    const r = target.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    const x = r.right + 360 < b.right ? r.right - b.left + 6 : r.left - b.left - 356;
    setTip({ text, x: x + box.scrollLeft, y: Math.max(r.top, b.top) - b.top + box.scrollTop });
  };

  // Rows drawn: those in view and some around (a long run has hundreds of slots).
  const secondsInView = size.height / (y(1) - y(0));
  const rowFrom = Math.max(from, firstVisibleTime - secondsInView);
  const rowTo = Math.min(to, firstVisibleTime + 2 * secondsInView);
  const slots = [];
  for (
    let t = Math.floor(rowFrom / layout.slot) * layout.slot;
    t < Math.min(span, rowTo) - 1e-9;
    t += layout.slot
  ) {
    slots.push(t);
  }
  const labelShown = (task: number) =>
    column >= 22 || taskCount <= 40 || task % Math.ceil(40 / column) === 0;
  const zoomIndex = ZOOMS.indexOf(zoom);

  return (
    <div className="timeline-wrap">
      <div className="zoom" role="group" aria-label={t('timeline.zoom')}>
        <button
          type="button"
          onClick={() => setZoom(ZOOMS[zoomIndex - 1])}
          aria-label={t('timeline.zoomOut')}
          disabled={zoomIndex === 0}
        >
          −
        </button>
        <button
          type="button"
          onClick={() => setZoom(1)}
          aria-label={t('timeline.zoomFit')}
          disabled={zoom === 1}
        >
          1:1
        </button>
        <button
          type="button"
          onClick={() => setZoom(ZOOMS[zoomIndex + 1])}
          aria-label={t('timeline.zoomIn')}
          disabled={zoomIndex === ZOOMS.length - 1}
        >
          +
        </button>
      </div>
      <div className="timeline-head" ref={headBox}>
        {/* Above the time axis, which stays in place when the lanes scroll sideways. */}
        <div
          className="timeline-corner"
          style={{
            width: AXIS_WIDTH - 6,
            height: head,
            marginBottom: -head,
            background: palette.background,
          }}
        />
        <svg
          ref={headSvg}
          width={layout.width + layout.overhang}
          height={head}
          aria-hidden="true"
          xmlns="http://www.w3.org/2000/svg"
          fontFamily="system-ui, sans-serif"
        >
          {run.labels.slice(firstColumn, lastColumn).map((label, i) => {
            const task = firstColumn + i;
            if (!labelShown(task) && column < 8) return null;
            const cx = AXIS_WIDTH + column * task + column / 2;
            const vertical = layout.slanted;
            const status = loop.tasks[task].status;
            return (
              <g key={task}>
                {/* The task's colour as a bar: names stay in full-contrast ink. */}
                <rect
                  x={AXIS_WIDTH + column * task + column * 0.1}
                  y={head - 22}
                  width={Math.max(1.5, column * 0.8)}
                  height={4}
                  rx={2}
                  fill={taskColor(task)}
                />
                <text
                  x={cx}
                  y={vertical ? head - 26 : head - 28}
                  textAnchor={vertical ? 'start' : 'middle'}
                  transform={vertical ? `rotate(-60 ${cx} ${head - 26})` : undefined}
                  fontSize={layout.fontSize}
                  fontWeight="600"
                  fill={palette.text}
                >
                  {labelShown(task) ? label : ''}
                </text>
                {column >= 8 && (
                  <text
                    x={cx}
                    y={head - 6}
                    textAnchor="middle"
                    fontSize={column < 64 ? 13 : 16}
                    fill={status === 'running' ? palette.now : palette.muted}
                    data-status={status}
                  >
                    {column < 80 ? STATUS_GLYPHS[status] : t(`status.${status}`)}
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
        onMouseOver={(e) => showTip(e.target as Element)}
        onFocus={(e) => showTip(e.target as Element)}
        onBlur={() => setTip(null)}
        tabIndex={0}
        role="region"
        aria-label={t('timeline.title')}
        onScroll={(e) => {
          scrollTop.current = e.currentTarget.scrollTop;
          scrollLeft.current = e.currentTarget.scrollLeft;
          if (headBox.current) headBox.current.scrollLeft = e.currentTarget.scrollLeft;
          const first = Math.floor(e.currentTarget.scrollLeft / column / chunk) * chunk;
          if (first !== firstVisible) setFirstVisible(first);
          // In steps of half a screen, so that scrolling re-renders rarely.
          const seconds = e.currentTarget.scrollTop / (y(1) - y(0));
          const step = Math.max(1, Math.floor(secondsInView / 2));
          const top = Math.floor(seconds / step) * step;
          if (top !== firstVisibleTime) setFirstVisibleTime(top);
        }}
      >
        <div className="timeline-canvas" style={{ width: layout.width, height: layout.height }}>
          {/* The time axis and "now" stay at the left edge when many lanes scroll sideways. */}
          <div
            className="timeline-axis"
            style={{ width: AXIS_WIDTH - 6, height: layout.height, background: palette.background }}
          >
            <svg
              ref={axisSvg}
              width={AXIS_WIDTH - 6}
              height={layout.height}
              aria-hidden="true"
              xmlns="http://www.w3.org/2000/svg"
              fontFamily="system-ui, sans-serif"
            >
              {slots.map((t) =>
                Math.round(t / layout.slot) % layout.labelEvery === 0 ? (
                  <text
                    key={t}
                    x={AXIS_WIDTH - 10}
                    y={(y(t) + y(t + layout.slot)) / 2}
                    textAnchor="end"
                    dominantBaseline="middle"
                    fontSize="16"
                    fill={palette.text}
                  >
                    {`${t}-${t + layout.slot}`}
                  </text>
                ) : null,
              )}
            </svg>
            <div
              ref={nowMark}
              className="timeline-now"
              aria-hidden="true"
              style={{ transform: `translateY(${Math.max(y(Math.min(playhead, span)), 11)}px)` }}
            >
              <span
                ref={nowLabel}
                className="now-label"
                style={{ width: AXIS_WIDTH - 6, background: palette.now, color: palette.nowText }}
              >
                {formatTime(playhead)}
              </span>
            </div>
          </div>
          <svg
            ref={slotsSvg}
            width={layout.width}
            height={layout.height}
            aria-hidden="true"
            xmlns="http://www.w3.org/2000/svg"
            fontFamily="system-ui, sans-serif"
          >
            <rect width={layout.width} height={layout.height} fill={palette.background} />
            {/* time slots, like the rows of the course's table */}
            {slots.map((t, i) => (
              <g key={t}>
                <rect
                  x={AXIS_WIDTH}
                  y={y(t)}
                  width={column * taskCount}
                  height={y(t + layout.slot) - y(t)}
                  fill={i % 2 ? palette.stripe : palette.background}
                />
                <line
                  x1={AXIS_WIDTH - 6}
                  x2={AXIS_WIDTH + column * taskCount}
                  y1={y(t)}
                  y2={y(t)}
                  stroke={palette.gridLine}
                />
              </g>
            ))}
          </svg>
          {/* what each task did, revealed up to the playhead by a sliding box */}
          <div
            ref={reveal}
            className="timeline-reveal"
            style={{
              width: layout.width,
              height,
              transform: `translateY(${y(Math.min(playhead, span)) - height}px)`,
            }}
          >
            <svg
              ref={cellsSvg}
              width={layout.width}
              height={height}
              style={{ transform: `translateY(${height - y(Math.min(playhead, span))}px)` }}
              role="img"
              aria-label={t('timeline.aria', { tasks: taskCount, seconds: formatTime(span) })}
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
                  <rect width="8" height="8" fill={palette.hatchBack} />
                  <line x1="0" y1="0" x2="0" y2="8" stroke={palette.hatchLine} strokeWidth="3" />
                </pattern>
              </defs>
              <Segments
                run={run}
                version={version}
                y={y}
                column={column}
                span={span}
                from={from}
                to={to}
                hatch={`url(#${id}-hatch)`}
                focusable={taskCount <= FOCUSABLE_TASKS}
                palette={palette}
                firstColumn={firstColumn}
                lastColumn={lastColumn}
              />
            </svg>
          </div>
          <div
            ref={nowLine}
            className="timeline-now"
            aria-hidden="true"
            style={{ transform: `translateY(${y(Math.min(playhead, span))}px)` }}
          >
            <span
              className="now-rule"
              style={{
                left: AXIS_WIDTH - 6,
                width: column * taskCount + 10,
                background: palette.now,
              }}
            />
          </div>
        </div>
        {tip && (
          <div className="tip" role="status" style={{ left: tip.x, top: tip.y }}>
            {tip.text}
          </div>
        )}
      </div>
    </div>
  );
}

interface SegmentsProps {
  run: Run;
  /** Changes when an endless run grows. */
  version: number;
  y: (t: number) => number;
  column: number;
  span: number;
  from: number;
  to: number;
  hatch: string;
  focusable: boolean;
  palette: Palette;
  firstColumn: number;
  lastColumn: number;
}

/** Every task's stretches of waiting and running, and its "done" tail, whatever the playhead. */
const Segments = memo(function Segments(props: SegmentsProps) {
  const { run, y, column, span, from, to, hatch, focusable, firstColumn, lastColumn, palette } =
    props;
  const taskColor = (task: number) => palette.tasks[task % palette.tasks.length];
  return (
    <>
      {run.timelines.slice(firstColumn, lastColumn).map((timeline, i) => {
        const task = firstColumn + i;
        const x = AXIS_WIDTH + column * task + Math.max(0.5, column * 0.1);
        const w = Math.max(1.5, column * 0.8);
        const rounded = column >= 8 ? 3 : 0;
        return (
          <g key={task}>
            {timeline.segments.map((segment, index) => {
              const end =
                segment.endEvent >= 0 ? segment.end : run.endless ? run.horizon : segment.end;
              if (end <= segment.start || end < from || segment.start > to) return null;
              return (
                <rect
                  key={segment.startEvent}
                  className="cell"
                  data-task={task}
                  data-segment={index}
                  x={x}
                  y={y(segment.start)}
                  width={w}
                  height={Math.max(2, y(Math.min(end, span)) - y(segment.start))}
                  fill={segment.kind === 'sleeping' ? taskColor(task) : hatch}
                  stroke={segment.kind === 'sleeping' ? 'none' : taskColor(task)}
                  strokeWidth={column >= 8 ? 1.5 : 0.5}
                  rx={rounded}
                  tabIndex={focusable ? 0 : undefined}
                />
              );
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
