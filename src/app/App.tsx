/** The page: controls on top, the timeline and console/code on the left, the loop on the right. */
import { useEffect, useRef, useState } from 'react';
import { browserLang, LANGS } from '../i18n/messages';
import { useT } from '../i18n/useT';
import { startClock } from '../playback/clock';
import { StoreContext, useApp } from '../store/context';
import { selectLang } from '../store/selectors';
import { createAppStore, type AppStore } from '../store/store';
import { readUrl, writeUrl } from '../store/url';
import { CodePanel } from '../views/code/CodePanel';
import { ConsolePanel } from '../views/console/ConsolePanel';
import { ParamsPanel } from '../views/controls/ParamsPanel';
import { PlaybackBar } from '../views/controls/PlaybackBar';
import { Export } from '../views/Export';
import { LoopPanel } from '../views/loop/LoopPanel';
import { Messages } from '../views/Messages';
import { About } from '../views/About';
import { PrimitivesPanel } from '../views/queue/PrimitivesPanel';
import { GridTable } from '../views/timeline/GridTable';
import { TimelineGrid, type ExportSvg } from '../views/timeline/TimelineGrid';

/** Keeps the URL in step with the scenario, the time shown and the language (not at every frame). */
function syncUrl(store: AppStore, explicitLang: boolean): () => void {
  let timer = 0;
  let langChosen = explicitLang;
  const write = () => {
    const { choice, playhead, lang } = store.getState();
    const next = writeUrl(choice, playhead, langChosen ? lang : undefined);
    if (next !== window.location.search) window.history.replaceState(null, '', next);
  };
  return store.subscribe((state, previous) => {
    if (state.lang !== previous.lang) langChosen = true;
    if (
      state.choice !== previous.choice ||
      state.cursor !== previous.cursor ||
      state.playing !== previous.playing ||
      state.lang !== previous.lang
    ) {
      window.clearTimeout(timer);
      // history.replaceState costs milliseconds: not in the frame that shows the change.
      timer = window.setTimeout(write, state.playing ? 500 : 250);
    }
  });
}

function LanguageSwitch() {
  const t = useT();
  const lang = useApp(selectLang);
  const setLang = useApp((s) => s.setLang);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t('app.title')} — asyncio`;
  }, [lang, t]);
  return (
    <div className="lang" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={lang === l}
          aria-label={t(`lang.${l}`)}
          title={t(`lang.${l}`)}
          onClick={() => setLang(l)}
          data-testid={`lang-${l}`}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

function BottomTabs() {
  const t = useT();
  const [tab, setTab] = useState<'console' | 'code'>('console');
  const tabButton = (id: 'console' | 'code', label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={tab === id}
      aria-controls={`panel-${id}`}
      onClick={() => setTab(id)}
    >
      {label}
    </button>
  );
  return (
    <section className="panel bottom" aria-label={t('bottom.label')}>
      <div role="tablist" aria-label={t('bottom.tabs')} className="tabs">
        {tabButton('console', t('console.tab'))}
        {tabButton('code', t('code.tab'))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-body">
        {tab === 'console' ? <ConsolePanel /> : <CodePanel />}
      </div>
    </section>
  );
}

function Page() {
  const t = useT();
  const exportSvg = useRef<ExportSvg>(null);
  const [asText, setAsText] = useState(false);
  return (
    <div className="app">
      <header className="top">
        <h1>
          asyncio, <span>{t('app.titleAccent')}</span>
        </h1>
        <ParamsPanel />
        <LanguageSwitch />
      </header>
      <PlaybackBar />
      <About />
      <Messages />
      <main className="main">
        <section className="panel grid-panel" aria-labelledby="grid-title">
          <div className="panel-head">
            <h2 id="grid-title">{t('timeline.title')}</h2>
            <span className="legend" aria-hidden="true">
              <span className="key run" /> {t('timeline.running')} <span className="key wait" />{' '}
              {t('timeline.waiting')} <span className="key done" /> {t('timeline.done')}
            </span>
            <button
              type="button"
              aria-pressed={asText}
              onClick={() => setAsText(!asText)}
              data-testid="as-text"
            >
              {t('timeline.table')}
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
  );
}

export function App() {
  const [{ store, explicitLang }] = useState(() => {
    const url = readUrl(window.location.search);
    const lang = url.lang ?? browserLang(navigator.languages ?? [navigator.language]);
    return {
      store: createAppStore({ choice: url.choice, t: url.t, messages: url.messages, lang }),
      explicitLang: url.lang !== null,
    };
  });
  useEffect(() => startClock(store), [store]);
  // For tests and benchmarks (as tldraw's editor API): the store, read-only by convention.
  useEffect(() => {
    (window as unknown as { asyncioSim?: unknown }).asyncioSim = { store };
  }, [store]);
  useEffect(() => syncUrl(store, explicitLang), [store, explicitLang]);
  return (
    <StoreContext.Provider value={store}>
      <Page />
    </StoreContext.Provider>
  );
}
