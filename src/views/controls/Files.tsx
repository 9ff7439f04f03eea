/**
 * Scenario files (the CLI's JSON format, version 1): open one (button or drop anywhere on the
 * page), save the current one. A bad file gets a message naming the problem; the view stays.
 */
import { useEffect, useRef, useState } from 'react';
import { flattenSteps, type Scenario } from '../../scenario/types';
import { parseScenario } from '../../scenario/validate';
import { textOf } from '../../scenario/text';
import { useT, type T } from '../../i18n/useT';
import { validationText } from '../../i18n/validation';
import { useApp, useAppStore } from '../../store/context';
import type { AppStore, FileProblem } from '../../store/store';
import type { ScenarioFile } from '../../store/run';
import { LANGS, translate, type MessageKey } from '../../i18n/messages';
import type { ValidationError } from '../../scenario/errors';
import { buildPreset } from '../../scenario/presets';
import { readPythonFile, savePythonFile } from '../../python/pyFile';

type Params = Record<string, string | number>;

/** What the page can show (the command line has no such bound). */
export const PAGE_LIMITS = { tasks: 5000, steps: 200_000 };

/** A Python program (.py): shown in the Python mode and run at once. */
export async function openPythonProgram(store: AppStore, file: File): Promise<void> {
  let source: string;
  try {
    source = await readPythonFile(file);
  } catch (error) {
    store.getState().setFileError({
      name: file.name,
      key: 'files.python',
      params: { message: (error as Error).message },
    });
    return;
  }
  store.getState().setFileError(null);
  store.getState().openProgram(source);
  void store.getState().runProgram();
}

/** A scenario (.json) or a Python program (.py), by its name. */
export function openAnyFile(store: AppStore, file: File): Promise<void> {
  return /\.py$/i.test(file.name) ? openPythonProgram(store, file) : openScenarioFile(store, file);
}

export async function openScenarioFile(store: AppStore, file: File): Promise<void> {
  const fail = (problem: { error: ValidationError } | { key: MessageKey; params?: Params }) =>
    store.getState().setFileError({ name: file.name, ...problem });
  let text: string | null;
  try {
    text = textOf(new Uint8Array(await file.arrayBuffer()));
  } catch {
    text = null;
  }
  if (text === null) return fail({ key: 'files.notText' });
  const result = parseScenario(text);
  if (!result.ok) return fail({ error: result.errors[0] });
  const scenario = result.scenario;
  const steps = scenario.tasks.reduce((n, task) => n + flattenSteps(task.steps).length, 0);
  if (scenario.tasks.length > PAGE_LIMITS.tasks || steps > PAGE_LIMITS.steps) {
    return fail({
      key: 'files.tooBig',
      params: {
        tasks: scenario.tasks.length,
        steps,
        maxTasks: PAGE_LIMITS.tasks,
        maxSteps: PAGE_LIMITS.steps,
      },
    });
  }
  store.getState().setFileError(null);
  store.getState().openFile({ name: file.name, scenario });
}

/** What Save writes: the file shown, or the preset with its title (and lines) in the page's language. */
function currentScenario(store: AppStore): { scenario: Scenario; name: string } {
  const { file, choice, lang } = store.getState();
  if (file) return { scenario: file.scenario, name: file.name.replace(/\.json$/i, '') };
  return { scenario: buildPreset(choice, lang).scenario, name: choice.preset };
}

export function FileButtons() {
  const t = useT();
  const store = useAppStore();
  const input = useRef<HTMLInputElement>(null);
  const save = () => {
    const program = store.getState().program;
    if (program !== null) return savePythonFile(program);
    const { scenario, name } = currentScenario(store);
    const blob = new Blob([JSON.stringify(scenario, null, 2) + '\n'], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${name}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div className="files" role="group">
      <input
        ref={input}
        type="file"
        accept=".json,application/json,.py,text/x-python"
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void openAnyFile(store, file);
          e.target.value = '';
        }}
      />
      <button
        type="button"
        title={t('files.openTitle')}
        onClick={() => input.current?.click()}
        data-testid="open-file"
      >
        {t('files.open')}
      </button>
      <button type="button" title={t('files.saveTitle')} onClick={save} data-testid="save-file">
        {t('files.save')}
      </button>
    </div>
  );
}

/** Opens a scenario file dropped anywhere on the page. */
export function useFileDrop(): boolean {
  const store = useAppStore();
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const isFile = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const enter = (e: DragEvent) => {
      if (!isFile(e)) return;
      depth += 1;
      setOver(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overHandler = (e: DragEvent) => {
      if (isFile(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!isFile(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file) void openAnyFile(store, file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('drop', drop);
    };
  }, [store]);
  return over;
}

/**
 * The name to show for a scenario: a file's own, or "scenario from the link" in the reader's
 * language (the app names a linked scenario in the language it was opened in).
 */
export function scenarioName(file: ScenarioFile, t: T): string {
  return LANGS.some((lang) => file.name === translate(lang, 'files.linked'))
    ? t('files.linked')
    : file.name;
}

/** Why a file could not be opened, in the reader's language (it follows a change of language). */
export function problemText(problem: FileProblem, t: T): string {
  return 'error' in problem ? validationText(problem.error, t) : t(problem.key, problem.params);
}

export function FileError() {
  const t = useT();
  const error = useApp((s) => s.fileError);
  const dismiss = useApp((s) => s.setFileError);
  if (!error) return null;
  return (
    <div className="message deadlock" role="alert" data-testid="file-error">
      <span>{t('files.error', { name: error.name, message: problemText(error, t) })}</span>
      <button type="button" onClick={() => dismiss(null)}>
        {t('messages.ok')}
      </button>
    </div>
  );
}
