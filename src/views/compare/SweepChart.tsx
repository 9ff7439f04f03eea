/**
 * Total time and peak concurrency of the job window for every maxsize from 1 to the number of
 * jobs, the current value (and the compared one) marked; unbounded (maxsize 0) is marked at
 * maxsize = jobs, which it behaves as, and says so. D3 computes scales and lines; React draws
 * the SVG. Every text at 16 px in the theme's ink (the lines carry the colours).
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatTime } from '../../engine';
import { useT, type T } from '../../i18n/useT';
import type { PresetParams } from '../../scenario/presets';
import { useApp } from '../../store/context';
import { selectChoice } from '../../store/selectors';
import {
  chartMaxsize,
  chartValues,
  effectiveMaxsize,
  isJobWindow,
  maxsizeSweep,
  sweepValues,
  type SweepPoint,
  type WindowChoice,
} from '../../trace/sweep';
import { usePalette } from '../colors';
import { useSize } from '../useSize';

const HEIGHT = 120;
const MARGIN = { top: 24, right: 48, bottom: 26, left: 80 };

/** As many ticks as fit with 16 px labels 20 px apart. */
function spacedTicks(scale: ReturnType<typeof scaleLinear<number, number>>): number[] {
  for (let count = 5; count > 1; count -= 1) {
    const ticks = scale.ticks(count);
    if (ticks.length < 2 || Math.abs(scale(ticks[0]) - scale(ticks[1])) >= 20) return ticks;
  }
  return scale.domain();
}

/** What a mark says: the run, and its maxsize when the chart shows it elsewhere. */
function markText(run: string, maxsize: number, jobs: number, t: T): string {
  if (maxsize >= 1 && maxsize <= jobs) return run;
  return t('chart.mark', { run, maxsize: maxsizeText(maxsize, jobs, t) });
}

function maxsizeText(maxsize: number, jobs: number, t: T): string {
  if (maxsize <= 0) return t('chart.unboundedAs', { jobs });
  if (maxsize > jobs) return t('chart.aboveAs', { maxsize, jobs });
  return String(maxsize);
}

interface Mark {
  at: number;
  label: string;
  dashed: boolean;
}

/** A's mark and B's; one mark when both are at the same place (their texts would overlap). */
function chartMarks(
  atA: number,
  textA: string,
  atB: number | null,
  maxsizeB: number | null,
  jobs: number,
  t: T,
): Mark[] {
  if (atB === null || maxsizeB === null) return [{ at: atA, label: textA, dashed: false }];
  const textB = markText('B', maxsizeB, jobs, t);
  if (atB !== atA)
    return [
      { at: atA, label: textA, dashed: false },
      { at: atB, label: textB, dashed: true },
    ];
  // The same maxsize: one text for both; else each says its own (say 0 and 8, both as 8).
  const label =
    textA === markText('A', maxsizeB, jobs, t)
      ? markText('A = B', maxsizeB, jobs, t)
      : `${textA} · ${textB}`;
  return [{ at: atA, label, dashed: false }];
}

/**
 * The sweep for A's parameters (and B's maxsize, when the sweep does not hold it): up to 60
 * simulations, so the last few are kept, and a change of B's other parameters costs none.
 */
const sweeps = new Map<string, SweepPoint[]>();
function sweepOf(choice: WindowChoice, atA: number, extraB: number | null): SweepPoint[] {
  const key = JSON.stringify([choice, extraB]);
  let points = sweeps.get(key);
  if (!points) {
    points = maxsizeSweep(choice, chartValues(choice.params.jobs, atA, extraB));
    if (sweeps.size >= 8) sweeps.delete(sweeps.keys().next().value!);
    sweeps.set(key, points);
  }
  return points;
}

/** Where A and B sit on the chart (B only when it is a job window of as many jobs). */
function chartMarksOf(choice: PresetParams, fromFile: boolean, compared: PresetParams | null) {
  if (!isJobWindow(choice) || fromFile) return null;
  const jobs = choice.params.jobs;
  const maxsizeA = effectiveMaxsize(choice);
  const maxsizeB =
    isJobWindow(compared) && compared.params.jobs === jobs ? effectiveMaxsize(compared) : null;
  const atA = chartMaxsize(maxsizeA, jobs);
  const atB = maxsizeB === null ? null : chartMaxsize(maxsizeB, jobs);
  // B's maxsize is simulated apart only when the sweep does not hold it (over 60 jobs).
  const extraB = atB !== null && !sweepValues(jobs).includes(atB) ? atB : null;
  return { jobs, maxsizeA, maxsizeB, atA, atB, points: sweepOf(choice, atA, extraB) };
}

export function SweepChart({ compared }: { compared: PresetParams | null }) {
  const t = useT();
  const choice = useApp(selectChoice);
  const file = useApp((s) => s.file);
  const palette = usePalette();
  const [box, size] = useSize<HTMLDivElement>();
  const marked = chartMarksOf(choice, file !== null, compared);
  if (!marked) {
    return (
      <div ref={box}>
        <h2 id="chart-title">{t('chart.title')}</h2>
        <p className="empty">{t('chart.onlyWindow')}</p>
      </div>
    );
  }
  const { jobs, maxsizeA, maxsizeB, atA, atB, points } = marked;
  const marks = chartMarks(atA, markText('A', maxsizeA, jobs, t), atB, maxsizeB, jobs, t);
  const width = Math.max(320, size.width);
  const x = scaleLinear()
    .domain([1, Math.max(2, jobs)])
    .range([MARGIN.left, width - MARGIN.right]);
  const yTime = scaleLinear()
    .domain([0, Math.max(...points.map((p) => p.makespan)) * 1.05 || 1])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const yPeak = scaleLinear()
    .domain([0, jobs])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const timeLine = line<(typeof points)[number]>()
    .x((p) => x(p.maxsize))
    .y((p) => yTime(p.makespan))(points);
  const peakLine = line<(typeof points)[number]>()
    .x((p) => x(p.maxsize))
    .y((p) => yPeak(p.peak))(points);
  const timeColor = palette.tasks[0];
  const peakColor = palette.tasks[5];
  const current = points.find((p) => p.maxsize === atA);
  const middle = (MARGIN.left + width - MARGIN.right) / 2;

  return (
    <div ref={box} className="sweep">
      <h2 id="chart-title">
        {t('chart.title')}{' '}
        <span className="legend">
          <span className="key" style={{ background: timeColor }} /> {t('chart.time')} (s){' '}
          <span className="key" style={{ background: peakColor }} /> {t('chart.peak')}
        </span>
      </h2>
      <svg
        width={width}
        height={HEIGHT}
        role="img"
        aria-label={t('chart.aria', {
          jobs,
          time: current ? formatTime(current.makespan) : '?',
          peak: current?.peak ?? '?',
          maxsize: maxsizeText(maxsizeA, jobs, t),
        })}
        data-testid="sweep-chart"
        fontFamily="system-ui, sans-serif"
      >
        {spacedTicks(yTime).map((v) => (
          <g key={`t${v}`}>
            <line
              x1={MARGIN.left}
              x2={width - MARGIN.right}
              y1={yTime(v)}
              y2={yTime(v)}
              stroke={palette.gridLine}
            />
            <text
              x={MARGIN.left - 8}
              y={yTime(v)}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize="16"
              fill={palette.text}
            >
              {v} s
            </text>
          </g>
        ))}
        {spacedTicks(yPeak).map((v) => (
          <text
            key={`p${v}`}
            x={width - MARGIN.right + 8}
            y={yPeak(v)}
            dominantBaseline="middle"
            fontSize="16"
            fill={palette.text}
          >
            {v}
          </text>
        ))}
        {x.ticks(Math.min(jobs, 10)).map((v) => (
          <text
            key={`x${v}`}
            x={x(v)}
            y={HEIGHT - 6}
            textAnchor="middle"
            fontSize="16"
            fill={palette.text}
          >
            {v}
          </text>
        ))}
        <text
          x={MARGIN.left - 8}
          y={HEIGHT - 6}
          textAnchor="end"
          fontSize="16"
          fill={palette.muted}
        >
          maxsize
        </text>
        {marks.map((m) => {
          // Near the right edge, the text goes to the left of its line.
          const left = x(m.at) > middle;
          return (
            <g key={m.label} data-testid="chart-mark" data-maxsize={m.at}>
              <line
                x1={x(m.at)}
                x2={x(m.at)}
                y1={MARGIN.top}
                y2={HEIGHT - MARGIN.bottom}
                stroke={palette.now}
                strokeWidth="2"
                strokeDasharray={m.dashed ? '6 4' : undefined}
              />
              <text
                x={x(m.at) + (left ? -4 : 4)}
                y={MARGIN.top - 6}
                textAnchor={left ? 'end' : 'start'}
                fontSize="16"
                fontWeight="700"
                fill={palette.now}
              >
                {m.label}
              </text>
            </g>
          );
        })}
        <path d={timeLine ?? ''} fill="none" stroke={timeColor} strokeWidth="3" />
        <path
          d={peakLine ?? ''}
          fill="none"
          stroke={peakColor}
          strokeWidth="3"
          strokeDasharray="2 3"
        />
        {points.map((p) => (
          <circle
            key={p.maxsize}
            cx={x(p.maxsize)}
            cy={yTime(p.makespan)}
            r={p.maxsize === atA ? 6 : 3}
            fill={timeColor}
          />
        ))}
      </svg>
      <div className="visually-hidden">
        <table>
          <caption>{t('chart.title')}</caption>
          <thead>
            <tr>
              <th scope="col">maxsize</th>
              <th scope="col">{t('chart.time')}</th>
              <th scope="col">{t('chart.peak')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.maxsize}>
                <th scope="row">{p.maxsize}</th>
                <td>{formatTime(p.makespan)} s</td>
                <td>{p.peak}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
