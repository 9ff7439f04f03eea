/** The view's toggles: compare, presenter mode, dark theme, the language; in an iframe, a link out. */
import { LANGS } from '../i18n/messages';
import { useT } from '../i18n/useT';
import { useApp, useAppStore } from '../store/context';
import { defaultCompare } from '../store/defaultCompare';
import { selectLang } from '../store/selectors';
import { setPresenting } from './presenter';

/** This page without `embed=1`: the full view, for a new tab. */
function fullViewUrl(): string {
  const url = new URL(window.location.href);
  url.searchParams.delete('embed');
  return url.toString();
}

/** In an iframe (`embed=1`), the way out to everything: the page itself in a new tab. */
export function FullViewLink() {
  const t = useT();
  // The link follows the URL, which the view rewrites as it changes: read it when it is used.
  const refresh = (e: React.SyntheticEvent<HTMLAnchorElement>) => {
    e.currentTarget.href = fullViewUrl();
  };
  return (
    <a
      className="full-view"
      href={fullViewUrl()}
      target="_blank"
      rel="noopener"
      data-testid="full-view"
      onMouseDown={refresh}
      onFocus={refresh}
      onClick={refresh}
      onContextMenu={refresh}
    >
      {t('view.full')}
    </a>
  );
}

export function ViewToggles() {
  const t = useT();
  const theme = useApp((s) => s.theme);
  const presenting = useApp((s) => s.presenting);
  const setTheme = useApp((s) => s.setTheme);
  const comparing = useApp((s) => s.compare !== null);
  const inPython = useApp((s) => s.program !== null);
  const setCompare = useApp((s) => s.setCompare);
  const store = useAppStore();
  return (
    <div className="view-toggles" role="group" aria-label={t('view.label')}>
      <button
        type="button"
        aria-pressed={comparing}
        title={t('view.compareTitle')}
        disabled={inPython}
        onClick={() => setCompare(comparing ? null : defaultCompare(store.getState().choice))}
        data-testid="compare-toggle"
      >
        {t('view.compare')}
      </button>
      <button
        type="button"
        aria-pressed={presenting}
        title={t('view.presentTitle')}
        onClick={() => setPresenting(store, !presenting)}
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

function LanguageSwitch() {
  const t = useT();
  const lang = useApp(selectLang);
  const setLang = useApp((s) => s.setLang);
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

/** The classroom quiz: playing or stepping stops at questions (Q). */
export function QuizToggle() {
  const t = useT();
  const quiz = useApp((s) => s.quiz);
  const setQuiz = useApp((s) => s.setQuiz);
  return (
    <button
      type="button"
      className="quiz-toggle"
      aria-pressed={quiz}
      title={t('view.quizTitle')}
      onClick={() => setQuiz(!quiz)}
      data-testid="quiz-toggle"
    >
      {t('view.quiz')}
    </button>
  );
}
