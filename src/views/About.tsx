/** What the chosen scenario shows, in two sentences; folded to its first line. */
import { useT } from '../i18n/useT';
import { useApp } from '../store/context';
import { selectChoice } from '../store/selectors';
import { scenarioName } from './controls/Files';
import { isPitfall } from '../scenario/presets';
import { fieldsOf } from '../scenario/presets/fields';
import { whichPitfallProgram } from '../python/pitfallPrograms';

export function About() {
  const t = useT();
  const choice = useApp(selectChoice);
  const preset = choice.preset;
  const file = useApp((s) => s.file);
  const inPython = useApp((s) => s.program !== null);
  let text = t(`about.${preset}`);
  if (isPitfall(preset) && fieldsOf(choice).fixed === 1) text = t(`aboutFixed.${preset}`);
  // A string from the store (a new object each time would re-render for ever).
  const example = whichPitfallProgram(useApp((s) => s.program));
  if (inPython)
    text = example
      ? t(example.fixed ? `aboutFixed.program.${example.id}` : `about.program.${example.id}`)
      : t('about.python');
  else if (file) {
    const params = { name: scenarioName(file, t), tasks: file.scenario.tasks.length };
    const title = file.scenario.title?.trim();
    text = title ? t('about.fileTitled', { ...params, title }) : t('about.file', params);
  }
  return (
    <details className="about" data-testid="about">
      <summary>{text}</summary>
    </details>
  );
}
