/**
 * "What changes if...?": two parameter sets side by side on one shared clock (the main store
 * plays; the compared store follows its playhead), and the chart of total time and peak
 * concurrency against maxsize. Loaded on demand.
 */
import { useEffect, useState } from 'react';
import { formatTime } from '../../engine';
import { useT } from '../../i18n/useT';
import { defaultCompare } from '../../store/defaultCompare';
import { StoreContext, useApp, useAppStore } from '../../store/context';
import { selectRun, selectRunVersion } from '../../store/selectors';
import { createAppStore } from '../../store/store';
import { makespan, peakConcurrency } from '../../trace/segments';
import { ParamsPanel } from '../controls/ParamsPanel';
import { TimelineGrid } from '../timeline/TimelineGrid';
import { SweepChart } from './SweepChart';

function Summary() {
  const t = useT();
  const run = useApp(selectRun);
  useApp(selectRunVersion);
  const total = run.endless ? null : makespan(run.trace, run.timelines);
  const peak = peakConcurrency(run.timelines);
  return (
    <p className="summary" data-testid="summary">
      {total === null ? t('compare.endless') : t('compare.total', { t: formatTime(total) })} ·{' '}
      {t('compare.peak', { n: peak })}
    </p>
  );
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

  return (
    <div className="compare" data-testid="compare">
      <section className="panel pane" aria-label={t('compare.a')}>
        <h2>
          A <span className="pane-note">{t('compare.aNote')}</span>
        </h2>
        <Summary />
        <TimelineGrid />
      </section>
      <StoreContext.Provider value={other}>
        <section className="panel pane" aria-label={t('compare.b')}>
          <h2>B</h2>
          <ParamsPanel idPrefix="b-" compact />
          <Summary />
          <TimelineGrid />
        </section>
      </StoreContext.Provider>
      <section className="panel chart-panel" aria-labelledby="chart-title">
        <SweepChart compared={compare} />
      </section>
    </div>
  );
}
