/** Theme, embedding and presenter mode on the document; the projector's scale. */
import { useEffect } from 'react';
import { useApp } from '../store/context';

export function useViewMode() {
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
