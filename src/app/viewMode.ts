/**
 * The language, theme, embedding and presenter mode on the document; the projector's scale.
 * (Every view has these, the embedded one too, which has no language switch.)
 */
import { useEffect } from 'react';
import { translate } from '../i18n/messages';
import { useApp } from '../store/context';

export function useViewMode() {
  const lang = useApp((s) => s.lang);
  useEffect(() => {
    // index.html is written once, in English, for those who read it first (search engines,
    // link previews); the page then speaks its reader's language.
    document.documentElement.lang = lang;
    document.title = `${translate(lang, 'app.title')} — asyncio`;
    document
      .querySelector('meta[name="description"]')
      ?.setAttribute('content', translate(lang, 'app.description'));
  }, [lang]);
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
