/** What the chosen scenario shows, in two sentences; folded to its first line. */
import { useT } from '../i18n/useT';
import { useApp } from '../store/context';
import { selectChoice } from '../store/selectors';

export function About() {
  const t = useT();
  const preset = useApp(selectChoice).preset;
  return (
    <details className="about" data-testid="about">
      <summary>{t(`about.${preset}`)}</summary>
    </details>
  );
}
