/** The page: controls on top, the timeline and console/code on the left, the loop on the right. */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { browserLang, LANGS, translate } from '../i18n/messages';
import { useT } from '../i18n/useT';
import { startClock } from '../playback/clock';
import { StoreContext, useApp, useAppStore } from '../store/context';
import { selectLang } from '../store/selectors';
import { createAppStore, type AppStore } from '../store/store';
import { choiceFields, encodeScenario, readUrl, writeUrl } from '../store/url';
import { CodePanel } from '../views/code/CodePanel';
import { ConsolePanel } from '../views/console/ConsolePanel';
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
import { defaultCompare } from '../store/defaultCompare';

const Compare = lazy(() => import('../views/compare/Compare'));

/** Keeps the URL in step with what is shown (not at every frame): scenario, time, language, view. */
function syncUrl(store: AppStore, explicitLang: boolean, embed: boolean): () => void {
  let timer = 0;
  let langChosen = explicitLang;
  const write = () => {
    const { choice, playhead, lang, theme, presenting, file, compare } = store.getState();
    const extra: Record<string, string> = compare
      ? { compare: '1', ...choiceFields(compare, 'b.') }
      : {};
    const linked = file && encodeScenario(file.scenario);
    if (linked) extra.scenario = linked;
    if (theme === 'dark') extra.theme = 'dark';
    if (presenting) extra.present = '1';
    if (embed) extra.embed = '1';
    const next = writeUrl(choice, playhead, langChosen ? lang : undefined, extra);
    if (next !== window.location.search) window.history.replaceState(null, '', next);
  };
  return store.subscribe((state, previous) => {
    if (state.lang !== previous.lang) langChosen = true;
    const changed =
      state.choice !== previous.choice ||
      state.cursor !== previous.cursor ||
      state.playing !== previous.playing ||
      state.lang !== previous.lang ||
      state.theme !== previous.theme ||
      state.presenting !== previous.presenting ||
      state.file !== previous.file ||
      state.compare !== previous.compare;
    if (changed) {
      window.clearTimeout(timer);
      // history.replaceState costs milliseconds: not in the frame that shows the change.
      timer = window.setTimeout(write, state.playing ? 500 : 250);
    }
  });
}

/** Theme and presenter mode on the document; full screen and the projector's scale. */
function useViewMode() {
  const theme = useApp((s) => s.theme);
  const presenting = useApp((s) => s.presenting);
  const embedded = useApp((s) => s.embedded);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    if (embedded) document.documentElement.dataset.embed = '1';
  }, [embedded]);
  useEffect(() => {
    const root = document.documentElement;
    if (!presenting) {
      delete root.dataset.mode;
      root.style.removeProperty('--present-zoom');
      return;
    }
    root.dataset.mode = 'present';
    // Laid out as at 1280x720, scaled to the screen.
    const scale = () =>
      root.style.setProperty(
        '--present-zoom',
        String(Math.max(1, Math.min(innerWidth / 1280, innerHeight / 720))),
      );
    scale();
    window.addEventListener('resize', scale);
    return () => window.removeEventListener('resize', scale);
  }, [presenting]);
}

/** This page without `embed=1`: the full view, for a new tab. */
function fullViewUrl(): string {
  const url = new URL(window.location.href);
  url.searchParams.delete('embed');
  return url.toString();
}

function ViewToggles({
  bottomShown,
  setBottomShown,
}: {
  bottomShown: boolean;
  setBottomShown(v: boolean): void;
}) {
  const t = useT();
  const theme = useApp((s) => s.theme);
  const presenting = useApp((s) => s.presenting);
  const setTheme = useApp((s) => s.setTheme);
  const setPresenting = useApp((s) => s.setPresenting);
  const comparing = useApp((s) => s.compare !== null);
  const setCompare = useApp((s) => s.setCompare);
  const embedded = useApp((s) => s.embedded);
  const store = useAppStore();
  const togglePresent = () => {
    const next = !presenting;
    setPresenting(next);
    // Full screen needs a user gesture; a browser that refuses it still gets the large view.
    if (next && !document.fullscreenElement)
      document.documentElement.requestFullscreen?.().catch(() => undefined);
    if (!next && document.fullscreenElement) document.exitFullscreen?.().catch(() => undefined);
  };
  return (
    <div className="view-toggles" role="group" aria-label={t('view.label')}>
      {embedded && (
        <a
          className="full-view"
          href={fullViewUrl()}
          target="_blank"
          rel="noopener"
          data-testid="full-view"
        >
          {t('view.full')}
        </a>
      )}
      {presenting && (
        <button
          type="button"
          aria-pressed={bottomShown}
          title={t('view.bottomTitle')}
          onClick={() => setBottomShown(!bottomShown)}
          data-testid="show-bottom"
        >
          {t('view.bottom')}
        </button>
      )}{' '}
      <button
        type="button"
        aria-pressed={comparing}
        title={t('view.compareTitle')}
        onClick={() => setCompare(comparing ? null : defaultCompare(store.getState().choice))}
        data-testid="compare-toggle"
      >
        {t('view.compare')}
      </button>
      <button
        type="button"
        aria-pressed={presenting}
        title={t('view.presentTitle')}
        onClick={togglePresent}
        data-testid="present"
      >
        {t('view.present')}
      </button>
      <button
        type="button"
        aria-pressed={theme === 'dark'}
        title={t('view.darkTitle')}
        onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        data-testid="dark"
      >
        {t('view.dark')}
      </button>
      <LanguageSwitch />
    </div>
  );
}

/** P: presenter mode; D: dark theme (not while typing in a field). */
function useViewKeys() {
  const store = useAppStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (
        e.altKey ||
        e.ctrlKey ||
        e.metaKey ||
        tag === 'INPUT' ||
        tag === 'SELECT' ||
        tag === 'TEXTAREA'
      )
        return;
      const s = store.getState();
      if (e.key === 'p' || e.key === 'P') s.setPresenting(!s.presenting);
      else if (e.key === 'c' || e.key === 'C')
        s.setCompare(s.compare ? null : defaultCompare(s.choice));
      else if (e.key === 'd' || e.key === 'D') s.setTheme(s.theme === 'dark' ? 'light' : 'dark');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
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
  const [bottomShown, setBottomShown] = useState(false);
  const presenting = useApp((s) => s.presenting);
  const comparing = useApp((s) => s.compare !== null);
  const showBottom = !presenting || bottomShown;
  useViewMode();
  useViewKeys();
  const dropping = useFileDrop();
  return (
    <div className={dropping ? 'app dropping' : 'app'} data-drop-label={t('files.drop')}>
      <header className="top">
        <h1>
          asyncio, <span>{t('app.titleAccent')}</span>
        </h1>
        <ParamsPanel />
      </header>
      <div className="bar">
        <PlaybackBar />
        <ViewToggles bottomShown={bottomShown} setBottomShown={setBottomShown} />
      </div>
      <FileError />
      <div className="about-row">
        <About />
        <FileButtons />
      </div>
      <Messages />
      {comparing ? (
        <Suspense fallback={<p className="loading">…</p>}>
          <Compare />
        </Suspense>
      ) : (
        <main className={showBottom ? 'main' : 'main no-bottom'}>
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
          {showBottom && <BottomTabs />}
          <aside className="side">
            <LoopPanel />
            <PrimitivesPanel />
          </aside>
        </main>
      )}
    </div>
  );
}

export function App() {
  const [{ store, explicitLang, embed }] = useState(() => {
    const url = readUrl(window.location.search);
    const lang = url.lang ?? browserLang(navigator.languages ?? [navigator.language]);
    const theme =
      url.theme ?? (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
    const file = url.scenario && { name: translate(lang, 'files.linked'), scenario: url.scenario };
    return {
      store: createAppStore({
        choice: url.choice,
        t: url.t,
        messages: url.messages,
        lang,
        theme,
        presenting: url.present,
        embedded: url.embed,
        compare: url.compare,
        file,
      }),
      explicitLang: url.lang !== null,
      embed: url.embed,
    };
  });
  useEffect(() => startClock(store), [store]);
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 200));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const id = idle(() => store.getState().warmUp(), { timeout: 2000 });
    return () => cancel(id);
  }, [store]);
  // For tests and benchmarks (as tldraw's editor API): the store, read-only by convention.
  useEffect(() => {
    (window as unknown as { asyncioSim?: unknown }).asyncioSim = { store };
  }, [store]);
  useEffect(() => syncUrl(store, explicitLang, embed), [store, explicitLang, embed]);
  return (
    <StoreContext.Provider value={store}>
      <Page />
    </StoreContext.Provider>
  );
}
