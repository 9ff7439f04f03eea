/** The page: controls on top, the timeline and console/code on the left, the loop on the right. */
import { useEffect, useRef, useState } from 'react';
import { startClock } from '../playback/clock';
import { StoreContext } from '../store/context';
import { createAppStore, type AppStore } from '../store/store';
import { readUrl, writeUrl } from '../store/url';
import { CodePanel } from '../views/code/CodePanel';
import { ConsolePanel } from '../views/console/ConsolePanel';
import { ParamsPanel } from '../views/controls/ParamsPanel';
import { PlaybackBar } from '../views/controls/PlaybackBar';
import { Export } from '../views/Export';
import { LoopPanel } from '../views/loop/LoopPanel';
import { Messages } from '../views/Messages';
import { PrimitivesPanel } from '../views/queue/PrimitivesPanel';
import { GridTable } from '../views/timeline/GridTable';
import { TimelineGrid, type ExportSvg } from '../views/timeline/TimelineGrid';

/** Keeps the URL in step with the scenario and the time shown (not at every frame). */
function syncUrl(store: AppStore): () => void {
  let timer = 0;
  const write = () => {
    const { choice, playhead } = store.getState();
    const next = writeUrl(choice, playhead);
    if (next !== window.location.search) window.history.replaceState(null, '', next);
  };
  return store.subscribe((state, previous) => {
    if (
      state.choice !== previous.choice ||
      state.cursor !== previous.cursor ||
      state.playing !== previous.playing
    ) {
      window.clearTimeout(timer);
      // history.replaceState costs milliseconds: not in the frame that shows the change.
      timer = window.setTimeout(write, state.playing ? 500 : 250);
    }
  });
}

function BottomTabs() {
  const [tab, setTab] = useState<'console' | 'code'>('console');
  return (
    <section className="panel bottom" aria-label="Console and code">
      <div role="tablist" aria-label="Output" className="tabs">
        <button
          type="button"
          role="tab"
          id="tab-console"
          aria-selected={tab === 'console'}
          aria-controls="panel-console"
          onClick={() => setTab('console')}
        >
          Console
        </button>
        <button
          type="button"
          role="tab"
          id="tab-code"
          aria-selected={tab === 'code'}
          aria-controls="panel-code"
          onClick={() => setTab('code')}
        >
          Python code
        </button>
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-body">
        {tab === 'console' ? <ConsolePanel /> : <CodePanel />}
      </div>
    </section>
  );
}

export function App() {
  const [store] = useState(() => {
    const url = readUrl(window.location.search);
    return createAppStore({ choice: url.choice, t: url.t, messages: url.messages });
  });
  const exportSvg = useRef<ExportSvg>(null);
  const [asText, setAsText] = useState(false);
  useEffect(() => startClock(store), [store]);
  // For tests and benchmarks (as tldraw's editor API): the store, read-only by convention.
  useEffect(() => {
    (window as unknown as { asyncioSim?: unknown }).asyncioSim = { store };
  }, [store]);
  useEffect(() => syncUrl(store), [store]);
  return (
    <StoreContext.Provider value={store}>
      <div className="app">
        <header className="top">
          <h1>
            asyncio, <span>step by step</span>
          </h1>
          <ParamsPanel />
        </header>
        <PlaybackBar />
        <Messages />
        <main className="main">
          <section className="panel grid-panel" aria-labelledby="grid-title">
            <div className="panel-head">
              <h2 id="grid-title">Timeline</h2>
              <span className="legend" aria-hidden="true">
                <span className="key run" /> running (in its sleep) <span className="key wait" />{' '}
                waiting <span className="key done" /> done
              </span>
              <button
                type="button"
                aria-pressed={asText}
                onClick={() => setAsText(!asText)}
                data-testid="as-text"
              >
                Table
              </button>
              <Export exportSvg={exportSvg} />
            </div>
            {!asText && <TimelineGrid exportRef={exportSvg} />}
            <GridTable id="timeline-text" visible={asText} />
          </section>
          <BottomTabs />
          <aside className="side">
            <LoopPanel />
            <PrimitivesPanel />
          </aside>
        </main>
      </div>
    </StoreContext.Provider>
  );
}
