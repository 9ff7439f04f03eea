/**
 * Total time and peak concurrency of the job window for every maxsize from 1 to the number of
 * jobs, the current value (and the compared one) marked. D3 computes scales and lines; React
 * draws the SVG.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo } from 'react';
import { formatTime } from '../../engine';
import { useT } from '../../i18n/useT';
import type { JobWindowParams, PresetParams } from '../../scenario/presets';
import { useApp } from '../../store/context';
import { selectChoice } from '../../store/selectors';
import { maxsizeSweep } from '../../trace/sweep';
import { usePalette } from '../colors';
import { useSize } from '../useSize';

const HEIGHT = 170;
const MARGIN = { top: 16, right: 64, bottom: 40, left: 64 };

function isWindow(
  choice: PresetParams | null,
): choice is PresetParams & { params: JobWindowParams } {
  return (
    choice !== null && (choice.preset === 'job-window' || choice.preset === 'semaphore-window')
  );
}

export function SweepChart({ compared }: { compared: PresetParams | null }) {
  const t = useT();
  const choice = useApp(selectChoice);
  const file = useApp((s) => s.file);
  const palette = usePalette();
  const [box, size] = useSize<HTMLDivElement>();
  const points = useMemo(
    () => (isWindow(choice) && !file ? maxsizeSweep(choice) : null),
    [choice, file],
  );

  if (!points || !isWindow(choice)) {
    return (
      <div ref={box}>
        <h2 id="chart-title">{t('chart.title')}</h2>
        <p className="empty">{t('chart.onlyWindow')}</p>
      </div>
    );
  }
  const width = Math.max(320, size.width);
  const jobs = choice.params.jobs;
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
  const marks = [{ maxsize: choice.params.maxsize, label: 'A' }];
  if (isWindow(compared) && compared.params.jobs === jobs) {
    // One mark when both are at the same maxsize: two would draw their letters on each other.
    if (compared.params.maxsize === choice.params.maxsize) marks[0].label = 'A = B';
    else marks.push({ maxsize: compared.params.maxsize, label: 'B' });
  }
  const timeColor = palette.tasks[0];
  const peakColor = palette.tasks[5];
  const current = points.find((p) => p.maxsize === choice.params.maxsize);

  return (
    <div ref={box} className="sweep">
      <h2 id="chart-title">
        {t('chart.title')}{' '}
        <span className="legend">
          <span className="key" style={{ background: timeColor }} /> {t('chart.time')}{' '}
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
          maxsize: choice.params.maxsize,
        })}
        data-testid="sweep-chart"
      >
        {yTime.ticks(5).map((v) => (
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
              fontSize="14"
              fill={timeColor}
            >
              {v} s
            </text>
          </g>
        ))}
        {yPeak.ticks(5).map((v) => (
          <text
            key={`p${v}`}
            x={width - MARGIN.right + 8}
            y={yPeak(v)}
            dominantBaseline="middle"
            fontSize="14"
            fill={peakColor}
          >
            {v}
          </text>
        ))}
        {x.ticks(Math.min(jobs, 10)).map((v) => (
          <text
            key={`x${v}`}
            x={x(v)}
            y={HEIGHT - MARGIN.bottom + 18}
            textAnchor="middle"
            fontSize="14"
            fill={palette.text}
          >
            {v}
          </text>
        ))}
        <text
          x={(MARGIN.left + width - MARGIN.right) / 2}
          y={HEIGHT - 4}
          textAnchor="middle"
          fontSize="14"
          fill={palette.muted}
        >
          maxsize
        </text>
        {marks.map((m) => (
          <g key={m.label}>
            <line
              x1={x(m.maxsize)}
              x2={x(m.maxsize)}
              y1={MARGIN.top}
              y2={HEIGHT - MARGIN.bottom}
              stroke={palette.now}
              strokeWidth="2"
              strokeDasharray={m.label === 'B' ? '6 4' : undefined}
            />
            <text
              x={x(m.maxsize) + 4}
              y={MARGIN.top + 12}
              fontSize="15"
              fontWeight="700"
              fill={palette.now}
            >
              {m.label}
            </text>
          </g>
        ))}
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
            r={p.maxsize === choice.params.maxsize ? 6 : 3}
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
