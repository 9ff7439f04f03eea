/**
 * "What changes if...?": two parameter sets side by side on one shared clock (the main store
 * plays; the compared store follows its playhead) and one time scale (the longer run fitted
 * to the height, one zoom, heads of one height: the same moment at the same height in both),
 * each with its text alternative, and the chart of total time and peak concurrency against
 * maxsize. Loaded on demand.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { formatTime } from '../../engine';
import { useT } from '../../i18n/useT';
import { defaultCompare } from '../../store/defaultCompare';
import { StoreContext, useApp, useAppStore } from '../../store/context';
import type { Run } from '../../store/run';
import { selectRun, selectRunVersion } from '../../store/selectors';
import { createAppStore, lastTime } from '../../store/store';
import { makespan, peakConcurrency } from '../../trace/segments';
import { ParamsPanel } from '../controls/ParamsPanel';
import { GridTable } from '../timeline/GridTable';
import { TimelineGrid, type SharedScale } from '../timeline/TimelineGrid';
import { SweepChart } from './SweepChart';

function Summary() {
  const t = useT();
  const run = useApp(selectRun);
  useApp(selectRunVersion);
  const total = run.endless ? null : makespan(run.trace, run.timelines);
  const peak = peakConcurrency(run.timelines);
  return (
    <span className="summary" data-testid="summary">
      {total === null ? t('compare.endless') : t('compare.total', { t: formatTime(total) })} ·{' '}
      {t('compare.peak', { n: peak })}
    </span>
  );
}

/**
 * One run: its name, summary and Table button, and its timeline or its text (the Table
 * button); the text follows for screen readers. Two rows, shared with the other pane (a
 * subgrid), so that both timelines start at one height. (A's parameters are the page's, at
 * the top; B's are on their own line above both panes.)
 */
function Pane({ name, shared }: { name: 'a' | 'b'; shared: SharedScale }) {
  const t = useT();
  const [asText, setAsText] = useState(false);
  return (
    <section className="panel pane" aria-label={t(name === 'a' ? 'compare.a' : 'compare.b')}>
      <div className="pane-head">
        <h2 title={name === 'a' ? t('compare.aNote') : t('compare.bNote')}>{name.toUpperCase()}</h2>
        <Summary />
        <button
          type="button"
          aria-pressed={asText}
          onClick={() => setAsText(!asText)}
          data-testid={`${name}-as-text`}
        >
          {t('timeline.table')}
        </button>
      </div>
      <div className="pane-body">
        {!asText && (
          <TimelineGrid
            shared={shared}
            label={t('compare.timeline', { run: name.toUpperCase() })}
          />
        )}
        <GridTable id={`${name}-timeline-text`} visible={asText} />
      </div>
    </section>
  );
}

function spanOf(run: Run): number {
  return run.endless ? run.horizon : Math.max(1, Math.ceil(lastTime(run) - 1e-9));
}

export default function Compare() {
  const t = useT();
  const main = useAppStore();
  const compare = useApp((s) => s.compare);
  const lang = useApp((s) => s.lang);
  const theme = useApp((s) => s.theme);
  const [other] = useState(() => {
    const s = main.getState();
    return createAppStore({
      choice: s.compare ?? defaultCompare(s.choice),
      t: s.playhead,
      lang: s.lang,
      theme: s.theme,
    });
  });
  const runA = useApp(selectRun);
  const versionA = useApp(selectRunVersion);
  const runB = useStore(other, selectRun);
  const versionB = useStore(other, selectRunVersion);

  // The compared run's parameters live in the main store (and so in the URL).
  useEffect(() => {
    if (!main.getState().compare) main.getState().setCompare(other.getState().choice);
    return other.subscribe((state, previous) => {
      if (state.choice !== previous.choice) main.getState().setCompare(state.choice);
    });
  }, [main, other]);
  useEffect(() => {
    if (compare && compare !== other.getState().choice) other.getState().setParams(compare);
  }, [compare, other]);
  useEffect(() => other.setState({ lang, theme }), [lang, theme, other]);
  // One clock: the compared run shows the main run's time.
  useEffect(() => {
    other.getState().follow(main.getState().playhead);
    return main.subscribe((state, previous) => {
      if (state.playhead !== previous.playhead || state.cursor !== previous.cursor)
        other.getState().follow(state.playhead);
    });
  }, [main, other]);

  // One time scale for both.
  const [zoom, setZoom] = useState(1);
  const [heads, setHeads] = useState({ a: 0, b: 0 });
  const onHeadA = useCallback((a: number) => setHeads((h) => (h.a === a ? h : { ...h, a })), []);
  const onHeadB = useCallback((b: number) => setHeads((h) => (h.b === b ? h : { ...h, b })), []);
  const span = Math.max(spanOf(runA), spanOf(runB));
  const endless = runA.endless || runB.endless;
  const head = Math.max(heads.a, heads.b);
  const sharedA = useMemo(
    () => ({ span, endless, head, zoom, setZoom, onHead: onHeadA }),
    [span, endless, head, zoom, onHeadA],
  );
  const sharedB = useMemo(() => ({ ...sharedA, onHead: onHeadB }), [sharedA, onHeadB]);
  void versionA;
  void versionB;

  return (
    <div className="compare" data-testid="compare">
      <StoreContext.Provider value={other}>
        <div className="compare-b-params">
          <b aria-hidden="true">B</b>
          {/* The two forms are landmarks: B's is named apart from A's, at the top. */}
          <ParamsPanel idPrefix="b-" compact label={t('compare.bParams')} />
        </div>
      </StoreContext.Provider>
      <Pane name="a" shared={sharedA} />
      <StoreContext.Provider value={other}>
        <Pane name="b" shared={sharedB} />
      </StoreContext.Provider>
      <section className="panel chart-panel" aria-labelledby="chart-title">
        <SweepChart compared={compare} />
      </section>
    </div>
  );
}
