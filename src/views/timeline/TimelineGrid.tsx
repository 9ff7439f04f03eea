/**
 * The course's table, animated: a column per task, time going down in seconds; a task's cell
 * fills as virtual time passes: hatched while it waits (for a token, an item, a lock), in its
 * colour while it runs (inside its sleep), grey once done. D3 computes the scales; React draws
 * the SVG. The body is three layers: the time slots (drawn when the view scrolls), the cells
 * (drawn once per run, memo) inside a clipping box whose bottom edge is the playhead, and the
 * "now" line above. The playhead moves the box, the cells the other way, and the line, by CSS
 * transforms, directly, without React: playback needs no layout and repaints almost nothing.
 * A new event only redraws the head's task states. The head stays in view while the body
 * scrolls; the zoom buttons sit in its corner, above the time axis. Where everything goes is
 * `layout.ts`; where the view scrolls for a moment, `scroll.ts`.
 */
import { useEffect, useId, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { formatTime } from '../../engine';
import { useT } from '../../i18n/useT';
import { useApp, useAppStore } from '../../store/context';
import { selectRun, selectRunVersion } from '../../store/selectors';
import { lastTime } from '../../store/store';
import { usePalette } from '../colors';
import { useLoopState } from '../useLoopState';
import { useSize } from '../useSize';
import { describeSegment } from './describeSegment';
import { timelineSvg } from './exportSvg';
import { TABLE_MAX_COLUMNS } from './GridTable';
import { canZoomIn, canZoomOut, GAP, rowMiddle, slotLabel, timelineLayout } from './layout';
import { textWidth } from './measure';
import { scrollLeftFor, scrollTopFor } from './scroll';
import { Segments } from './Segments';
import { COMMON_STATES, TimelineHead } from './TimelineHead';
import { ZoomButtons } from './ZoomButtons';

/** Virtual seconds drawn around the playhead of an endless run. */
const ENDLESS_WINDOW = 90;
/** Up to this many tasks, each cell can take the keyboard focus. */
const FOCUSABLE_TASKS = 60;
const FINAL = new Set(['done', 'failed', 'cancelled']);

interface Tip {
  text: string;
  x: number;
  y: number;
}

/** Gives the timeline as one standalone SVG document (head above the body). */
export type ExportSvg = () => string;

/**
 * Two timelines compared on one time scale: the seconds fitted to the height (the longer
 * run's), one zoom, and one head height, so that the same moment sits at the same height.
 */
export interface SharedScale {
  span: number;
  endless: boolean;
  head: number;
  zoom: number;
  setZoom: (zoom: number) => void;
  /** This timeline's own head height, reported so that both can take the higher. */
  onHead: (head: number) => void;
}

export function TimelineGrid({
  exportRef,
  shared,
  label,
}: {
  exportRef?: React.Ref<ExportSvg>;
  shared?: SharedScale;
  /** The scrolling region's name, when there are two timelines. */
  label?: string;
}) {
  const run = useApp(selectRun);
  const version = useApp(selectRunVersion);
  const store = useAppStore();
  const loop = useLoopState();
  const t = useT();
  const palette = usePalette();
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
  const [ownZoom, setOwnZoom] = useState(1);
  const zoom = shared?.zoom ?? ownZoom;
  const setZoom = shared?.setZoom ?? setOwnZoom;
  // Columns drawn: those in view and some around (many tasks make thousands of SVG elements).
  const [firstVisible, setFirstVisible] = useState(0);
  const [firstVisibleTime, setFirstVisibleTime] = useState(0);
  const trace = run.trace;
  const taskCount = trace.tasks.length;
  const names = useMemo(() => trace.tasks.map((task) => task.name), [trace]);
  const statusWidth = useMemo(
    () => Math.max(...COMMON_STATES.map((state) => textWidth(t(`status.${state}`)))),
    [t],
  );

  const sharedSpan = shared?.span;
  const sharedEndless = shared?.endless;
  const minHead = shared?.head;
  const input = useMemo(
    () => ({
      labels: run.labels,
      names,
      span: run.endless ? run.horizon : Math.max(1, Math.ceil(lastTime(run) - 1e-9)),
      endless: run.endless,
      width: size.width,
      height: size.height,
      zoom,
      fitSpan: sharedSpan,
      fitEndless: sharedEndless,
      minHead,
      statusWidth,
      measure: textWidth,
    }),
    // The run grows (version) when endless.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [run, version, names, size, zoom, sharedSpan, sharedEndless, minHead, statusWidth],
  );
  const layout = useMemo(() => timelineLayout(input), [input]);
  const zoomOutShowsMore = useMemo(() => canZoomOut(input), [input]);
  const { axis, column, span, height, head, perSecond } = layout;
  // Time runs down the page: `perSecond` pixels a second (a linear scale from 0).
  const y = useMemo(() => (t: number) => t * perSecond, [perSecond]);
  const onHead = shared?.onHead;
  useEffect(() => onHead?.(layout.naturalHead), [onHead, layout.naturalHead]);
  // Shown as text: no head to match any more.
  useEffect(() => () => onHead?.(0), [onHead]);

  const chunk = 20;
  const columnsInView = Math.ceil(size.width / column) + 1;
  const firstColumn = Math.max(0, firstVisible - chunk);
  const lastColumn = Math.min(taskCount, firstVisible + columnsInView + chunk);
  const playhead = store.getState().playhead;
  // An endless run is drawn around the playhead, in steps, so that the cells are redrawn rarely.
  const anchor = Math.floor(playhead / 30) * 30;
  const from = run.endless ? Math.max(0, anchor - ENDLESS_WINDOW) : 0;
  const to = run.endless ? anchor + ENDLESS_WINDOW : Infinity;

  // The playhead moves the reveal and the now line at every frame, outside React, and scrolls
  // to where the moment is shown (a function of the moment: going back shows it as going
  // forward did; a paused viewer may scroll away until the next moment). Layout is never read
  // here (that would force a reflow in every frame): scroll positions are tracked by onScroll.
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
      // Not before the box is measured.
      if (!moved || size.height <= 0 || !boxRef.current) return;
      const top = scrollTopFor(py, size.height, height);
      if (top !== scrollTop.current) boxRef.current.scrollTop = scrollTop.current = top;
    };
    place(store.getState().playhead);
    return store.subscribe((state, previous) => {
      if (state.playhead !== previous.playhead) place(state.playhead);
    });
  }, [store, y, span, boxRef, size.height, height]);

  // With many tasks, the busy columns in view: a function of the moment too (the first task
  // that runs, else the first still to run, else the last to end).
  useEffect(() => {
    const box = boxRef.current;
    if (!box || layout.width <= size.width) return;
    let focus = loop.tasks.findIndex((s) => s.status === 'sleeping' || s.status === 'running');
    if (focus < 0) focus = loop.tasks.findIndex((s) => !FINAL.has(s.status));
    if (focus < 0) {
      let last = -Infinity;
      run.timelines.forEach((timeline, task) => {
        if (timeline.endTime !== null && timeline.endTime > last) {
          last = timeline.endTime;
          focus = task;
        }
      });
    }
    const left = scrollLeftFor(focus, column, axis, size.width, layout.width);
    if (left !== scrollLeft.current) {
      box.scrollLeft = scrollLeft.current = left;
      setFirstVisible(Math.floor(left / column / chunk) * chunk);
    }
  }, [loop, run, column, axis, layout.width, boxRef, size.width]);

  useImperativeHandle(exportRef, () => () => {
    if (!headSvg.current || !slotsSvg.current || !cellsSvg.current) return '';
    return timelineSvg({
      layout,
      now: store.getState().playhead,
      y,
      taskCount,
      palette,
      head: headSvg.current.innerHTML,
      slots: slotsSvg.current.innerHTML,
      axis: axisSvg.current?.innerHTML ?? '',
      cells: cellsSvg.current.innerHTML,
    });
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
  const secondsInView = size.height / perSecond;
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
  const nowY = y(Math.min(playhead, span));
  const textFollows = taskCount <= TABLE_MAX_COLUMNS;

  return (
    <div className="timeline-wrap">
      <div className="timeline-head" ref={headBox}>
        {/* Above the time axis, which stays in place when the lanes scroll sideways. */}
        <div
          className="timeline-corner"
          style={{
            width: axis - GAP,
            height: head,
            marginBottom: -head,
            background: palette.background,
          }}
        >
          <ZoomButtons
            zoom={zoom}
            setZoom={setZoom}
            canZoomOut={zoomOutShowsMore}
            canZoomIn={canZoomIn(zoom)}
          />
        </div>
        <TimelineHead
          svgRef={headSvg}
          layout={layout}
          labels={run.labels}
          names={names}
          states={loop.tasks}
          firstColumn={firstColumn}
          lastColumn={lastColumn}
          palette={palette}
          t={t}
        />
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
        aria-label={label ?? t('timeline.title')}
        onScroll={(e) => {
          scrollTop.current = e.currentTarget.scrollTop;
          scrollLeft.current = e.currentTarget.scrollLeft;
          if (headBox.current) headBox.current.scrollLeft = e.currentTarget.scrollLeft;
          const first = Math.floor(e.currentTarget.scrollLeft / column / chunk) * chunk;
          if (first !== firstVisible) setFirstVisible(first);
          // In steps of half a screen, so that scrolling re-renders rarely.
          const seconds = e.currentTarget.scrollTop / perSecond;
          const step = Math.max(1, Math.floor(secondsInView / 2));
          const top = Math.floor(seconds / step) * step;
          if (top !== firstVisibleTime) setFirstVisibleTime(top);
        }}
      >
        <div className="timeline-canvas" style={{ width: layout.width, height: layout.height }}>
          {/* The time axis and "now" stay at the left edge when many lanes scroll sideways. */}
          <div
            className="timeline-axis"
            style={{ width: axis - GAP, height: layout.height, background: palette.background }}
          >
            <svg
              ref={axisSvg}
              width={axis - GAP}
              height={layout.height}
              aria-hidden="true"
              xmlns="http://www.w3.org/2000/svg"
              fontFamily="system-ui, sans-serif"
            >
              {slots.map((t) => (
                <text
                  key={t}
                  x={layout.rowRight}
                  y={rowMiddle(t, layout)}
                  textAnchor="end"
                  dominantBaseline="middle"
                  fontSize="16"
                  fill={palette.text}
                >
                  {slotLabel(t, layout.slot, run.endless ? Infinity : span)}
                </text>
              ))}
            </svg>
            {/* "now" beside the slot labels, never on them */}
            <div
              ref={nowMark}
              className="timeline-now"
              aria-hidden="true"
              style={{ transform: `translateY(${Math.max(nowY, 11)}px)` }}
            >
              <span
                ref={nowLabel}
                className="now-label"
                style={{
                  left: layout.pillX,
                  width: layout.pillWidth,
                  background: palette.now,
                  color: palette.nowText,
                }}
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
            {slots.map((t) => (
              <g key={t}>
                <rect
                  x={axis}
                  y={y(t)}
                  width={column * taskCount}
                  height={y(t + layout.slot) - y(t)}
                  fill={Math.round(t / layout.slot) % 2 ? palette.stripe : palette.background}
                />
                <line
                  x1={axis - GAP}
                  x2={axis + column * taskCount}
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
              transform: `translateY(${nowY - height}px)`,
            }}
          >
            <svg
              ref={cellsSvg}
              width={layout.width}
              height={height}
              style={{ transform: `translateY(${height - nowY}px)` }}
              role="img"
              aria-label={t(textFollows ? 'timeline.aria' : 'timeline.ariaTable', {
                tasks: taskCount,
                seconds: formatTime(span),
              })}
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
                <pattern
                  id={`${id}-late`}
                  width="8"
                  height="8"
                  patternUnits="userSpaceOnUse"
                  patternTransform="rotate(-45)"
                >
                  <rect width="8" height="8" fill={palette.background} />
                  <line x1="0" y1="0" x2="0" y2="8" stroke={palette.late} strokeWidth="4" />
                </pattern>
              </defs>
              <Segments
                run={run}
                version={version}
                y={y}
                axis={axis}
                column={column}
                span={span}
                from={from}
                to={to}
                hatch={`url(#${id}-hatch)`}
                lateHatch={`url(#${id}-late)`}
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
            style={{ transform: `translateY(${nowY}px)` }}
          >
            <span
              className="now-rule"
              style={{
                left: axis - GAP,
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
