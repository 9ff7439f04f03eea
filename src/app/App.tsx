/** The page: controls on top, the timeline and console/code on the left, the loop on the right. */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { browserLang, translate, type Lang } from '../i18n/messages';
import { useT } from '../i18n/useT';
import { startClock } from '../playback/clock';
import { StoreContext, useApp } from '../store/context';
import { createAppStore } from '../store/store';
import { readUrl } from '../store/url';
import { ParamsPanel } from '../views/controls/ParamsPanel';
import { PlaybackBar } from '../views/controls/PlaybackBar';
import { Export } from '../views/Export';
import { LoopPanel } from '../views/loop/LoopPanel';
import { Messages } from '../views/Messages';
import { FileButtons, FileError, useFileDrop } from '../views/controls/Files';
import { About } from '../views/About';
import { PrimitivesPanel } from '../views/queue/PrimitivesPanel';
import { GridTable } from '../views/timeline/GridTable';
import { TimelineGrid, type ExportSvg } from '../views/timeline/TimelineGrid';
import { BottomTabs, type BottomTab } from './BottomTabs';
import { useShortcuts } from './keyboard';
import { syncUrl, type UrlSync } from './syncUrl';
import { useViewMode } from './viewMode';
import { FullViewLink, QuizToggle, ViewToggles } from './ViewToggles';

const Compare = lazy(() => import('../views/compare/Compare'));
const Quiz = lazy(() => import('../views/quiz/Quiz'));

interface ConsoleToggle {
  /** Presenter mode shows the console and code too. */
  consoleShown: boolean;
  setConsoleShown(shown: boolean): void;
}

function Page({ consoleShown, setConsoleShown }: ConsoleToggle) {
  const t = useT();
  const exportSvg = useRef<ExportSvg>(null);
  const [asText, setAsText] = useState(false);
  const [tab, setTab] = useState<BottomTab>(() =>
    new URLSearchParams(window.location.search).has('py') ? 'code' : 'console',
  );
  const presenting = useApp((s) => s.presenting);
  const comparing = useApp((s) => s.compare !== null);
  const quiz = useApp((s) => s.quiz && s.compare === null);
  // A run with a blocking call: its red in the timeline gets a key.
  const blocking = useApp((s) => s.run.trace.moveCount > 0);
  const inPython = useApp((s) => s.program !== null);
  // Entering the Python mode shows the program (the editor).
  const [wasPython, setWasPython] = useState(inPython);
  if (wasPython !== inPython) {
    setWasPython(inPython);
    if (inPython) setTab('code');
  }
  const embedded = useApp((s) => s.embedded);
  const showBottom = !presenting || consoleShown;
  useViewMode();
  useShortcuts();
  const dropping = useFileDrop();
  const mainClass = [
    'main',
    showBottom ? '' : 'no-bottom',
    tab === 'code' ? 'code-shown' : '',
    inPython ? 'python' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={dropping ? 'app dropping' : 'app'} data-drop-label={t('files.drop')}>
      <header className="top">
        <h1>
          asyncio, <span>{t('app.titleAccent')}</span>
        </h1>
        {/* In an iframe: the parameters on one line. */}
        <ParamsPanel compact={embedded} />
      </header>
      {/* In an iframe, a link to everything else: placed by the page's grid (app.css). */}
      {embedded && <FullViewLink />}
      <div className="bar">
        <PlaybackBar />
        {!embedded && <ViewToggles />}
      </div>
      <FileError />
      <div className="about-row">
        <About />
        <QuizToggle />
        <FileButtons />
      </div>
      <Messages />
      {quiz && (
        <Suspense fallback={null}>
          <Quiz />
        </Suspense>
      )}
      {comparing ? (
        <Suspense fallback={<p className="loading">…</p>}>
          <Compare />
        </Suspense>
      ) : (
        <main className={mainClass}>
          <section className="panel grid-panel" aria-labelledby="grid-title">
            <div className="panel-head">
              <h2 id="grid-title">{t('timeline.title')}</h2>
              <span className="legend" aria-hidden="true">
                <span className="key run" /> {t('timeline.running')} <span className="key wait" />{' '}
                {t('timeline.waiting')} <span className="key done" /> {t('timeline.done')}
                {blocking && (
                  <>
                    {' '}
                    <span className="key blocking" /> {t('block.legendBlocking')}{' '}
                    <span className="key late" /> {t('block.legendLate')}
                  </>
                )}
              </span>
              <button
                type="button"
                aria-pressed={asText}
                onClick={() => setAsText(!asText)}
                data-testid="as-text"
              >
                {t('timeline.table')}
              </button>
              {/* Presenting, not preparing slides: the console's toggle where the exports were. */}
              {presenting ? (
                <button
                  type="button"
                  className="show-bottom"
                  aria-pressed={consoleShown}
                  title={t('view.bottomTitle')}
                  onClick={() => setConsoleShown(!consoleShown)}
                  data-testid="show-bottom"
                >
                  {t('view.bottom')}
                </button>
              ) : (
                <Export exportSvg={exportSvg} />
              )}
            </div>
            {!asText && <TimelineGrid exportRef={exportSvg} />}
            <GridTable id="timeline-text" visible={asText} />
          </section>
          {showBottom && <BottomTabs tab={tab} setTab={setTab} />}
          <aside className="side">
            <LoopPanel />
            <PrimitivesPanel />
          </aside>
        </main>
      )}
    </div>
  );
}

/** The language the page opens in: the link's, else the browser's (load it before `App`). */
export function startLang(): Lang {
  return (
    readUrl(window.location.search).lang ?? browserLang(navigator.languages ?? [navigator.language])
  );
}

export function App() {
  const [{ store, explicitLang, embed, console: consoleAtStart }] = useState(() => {
    const url = readUrl(window.location.search);
    const lang = startLang();
    const theme =
      url.theme ?? (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
    const file = url.scenario && { name: translate(lang, 'files.linked'), scenario: url.scenario };
    return {
      store: createAppStore({
        choice: url.choice,
        t: url.t,
        event: url.event,
        messages: url.messages,
        lang,
        theme,
        presenting: url.present,
        quiz: url.quiz,
        embedded: url.embed,
        compare: url.compare,
        file,
        program: url.program,
        python: () => import('../python/client').then((m) => m.sharedClient()),
      }),
      explicitLang: url.lang !== null,
      embed: url.embed,
      console: url.console,
    };
  });
  const [consoleShown, setConsoleShown] = useState(consoleAtStart);
  const consoleRef = useRef(consoleShown);
  const sync = useRef<UrlSync>(null);
  useEffect(() => startClock(store), [store]);
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 200));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const id = idle(() => store.getState().warmUp(), { timeout: 2000 });
    return () => cancel(id);
  }, [store]);
  // For tests and benchmarks (as tldraw's editor API): the store, read-only by convention.
  useEffect(() => {
    (window as unknown as { asyncioSim?: unknown }).asyncioSim = {
      store,
      python: () => import('../python/client').then((m) => m.sharedClient()),
    };
  }, [store]);
  useEffect(() => {
    const s = syncUrl(store, explicitLang, embed, () => consoleRef.current);
    sync.current = s;
    return () => s.stop();
  }, [store, explicitLang, embed]);
  useEffect(() => {
    if (consoleRef.current === consoleShown) return;
    consoleRef.current = consoleShown;
    sync.current?.schedule();
  }, [consoleShown]);
  return (
    <StoreContext.Provider value={store}>
      <Page consoleShown={consoleShown} setConsoleShown={setConsoleShown} />
    </StoreContext.Provider>
  );
}
