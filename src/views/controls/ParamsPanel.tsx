/**
 * The preset and its parameters. Every change re-simulates at once; a value being typed that is
 * not valid yet keeps the last good one and says why.
 */
import { useId, useState } from 'react';
import {
  isPitfall,
  PITFALL_IDS,
  PRESET_IDS,
  type Durations,
  type PresetId,
} from '../../scenario/presets';
import {
  fieldsOf,
  formatDurations,
  parseDurations,
  PRESET_FIELDS,
  withField,
} from '../../scenario/presets/fields';
import { useApp, useAppStore } from '../../store/context';
import { pythonIn } from '../../store/run';
import { PythonControls } from '../python/PythonControls';
import {
  PITFALL_PROGRAM_IDS,
  PITFALL_PROGRAMS,
  whichPitfallProgram,
  type PitfallProgramId,
} from '../../python/pitfallPrograms';
import { selectChoice } from '../../store/selectors';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/messages';

function NumberField(props: {
  label: React.ReactNode;
  value: number;
  min: number;
  max: number;
  step?: number;
  integer?: boolean;
  hint?: string;
  testId?: string;
  onChange(value: number): void;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(String(props.value));
  const [shown, setShown] = useState(props.value);
  const [error, setError] = useState<MessageKey | ''>('');
  if (shown !== props.value) {
    // The value changed from elsewhere (URL, preset switch): show it.
    setShown(props.value);
    setText(String(props.value));
    setError('');
  }
  const commit = (raw: string) => {
    setText(raw);
    const value = Number(raw);
    const ok =
      raw.trim() !== '' &&
      Number.isFinite(value) &&
      value >= props.min &&
      value <= props.max &&
      (!props.integer || Number.isInteger(value));
    if (!ok) {
      setError(props.integer ? 'field.wholeRange' : 'field.numberRange');
      return;
    }
    setError('');
    setShown(value);
    props.onChange(value);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode={props.integer ? 'numeric' : 'decimal'}
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || props.hint ? `${id}-hint` : undefined}
        data-testid={props.testId}
        onChange={(e) => commit(e.target.value)}
      />
      {(error || props.hint) && (
        <span id={`${id}-hint`} className={error ? 'field-error' : 'field-hint'}>
          {error ? t(error, { min: props.min, max: props.max }) : props.hint}
        </span>
      )}
    </div>
  );
}

function DurationsField({ value, onChange }: { value: Durations; onChange(d: Durations): void }) {
  const t = useT();
  const id = useId();
  const [kind, setKind] = useState<Durations['kind']>(value.kind);
  const [text, setText] = useState(
    value.kind === 'formula' ? '' : formatDurations(value).replace(/^random:/, ''),
  );
  const [error, setError] = useState<MessageKey | ''>('');
  const apply = (k: Durations['kind'], raw: string) => {
    setKind(k);
    setText(raw);
    let parsed: Durations | null;
    if (k === 'formula') parsed = { kind: 'formula' };
    else if (k === 'random') parsed = parseDurations(`random:${raw.trim() || '1'}`);
    else {
      parsed = parseDurations(raw);
      if (parsed && k === 'constant' && parsed.kind !== 'constant') parsed = null;
    }
    if (!parsed) {
      setError(
        k === 'random'
          ? 'durations.errorRandom'
          : k === 'constant'
            ? 'durations.errorConstant'
            : 'durations.errorList',
      );
      return;
    }
    setError('');
    onChange(parsed);
  };
  const placeholder = { formula: '', constant: '2', list: '1, 2, 3', random: '42:3' }[kind];
  // Two labelled fields: the kind, and the seconds (or seed) it needs, named by both labels.
  return (
    <div className="durations">
      <div className="field">
        <label id={`${id}-label`} htmlFor={`${id}-kind`}>
          {t('params.durations')}
        </label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) =>
            apply(
              e.target.value as Durations['kind'],
              e.target.value === 'random'
                ? '42:3'
                : e.target.value === 'constant'
                  ? '1'
                  : e.target.value === 'list'
                    ? '1, 2, 3'
                    : '',
            )
          }
        >
          <option value="formula">{t('durations.formula')}</option>
          <option value="constant">{t('durations.constant')}</option>
          <option value="list">{t('durations.list')}</option>
          <option value="random">{t('durations.random')}</option>
        </select>
      </div>
      {kind !== 'formula' && (
        <div className="field durations-value">
          <label id={`${id}-value-label`} htmlFor={`${id}-value`}>
            {kind === 'random' ? t('durations.seed') : t('durations.seconds')}
          </label>
          <input
            id={`${id}-value`}
            aria-labelledby={`${id}-label ${id}-value-label`}
            value={text}
            placeholder={placeholder}
            aria-invalid={error ? true : undefined}
            onChange={(e) => apply(kind, e.target.value)}
          />
          {error && <span className="field-error">{t(error)}</span>}
        </div>
      )}
    </div>
  );
}

/** A pitfall's version: the mistake (0) or its fix (1). */
function FixedField(props: { value: number; testId: string; onChange(value: number): void }) {
  const t = useT();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('params.fixed')}</label>
      <select
        id={id}
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => props.onChange(Number(e.target.value))}
      >
        <option value={0}>{t('params.fixed.0')}</option>
        <option value={1}>{t('params.fixed.1')}</option>
      </select>
    </div>
  );
}

/** The label of a parameter, which depends on the preset for maxsize. */
function labelKey(preset: PresetId, key: string): MessageKey {
  if (key === 'maxsize') {
    if (preset === 'semaphore-window') return 'params.semaphoreValue';
    return preset === 'producer-consumer' ? 'params.queueMaxsize' : 'params.windowMaxsize';
  }
  return `params.${key}` as MessageKey;
}

function hintKey(preset: PresetId, key: string): MessageKey | undefined {
  if (isPitfall(preset)) return undefined;
  if (key === 'maxsize' && preset !== 'semaphore-window') return 'params.unbounded';
  if (key === 'work') return 'params.workHint';
  if (key === 'think') return 'params.thinkHint';
  return undefined;
}

export function ParamsPanel({
  idPrefix = '',
  compact = false,
  label,
}: {
  idPrefix?: string;
  compact?: boolean;
  /** The form's name, when another form of parameters is on the page (compare's run B). */
  label?: string;
}) {
  const t = useT();
  const choice = useApp(selectChoice);
  const file = useApp((s) => s.file);
  const setParams = useApp((s) => s.setParams);
  const setPreset = useApp((s) => s.setPreset);
  const inPython = useApp((s) => s.program !== null);
  const store = useAppStore();
  const values = fieldsOf(choice);
  // The main form only: the Python mode starts from the code of what is shown.
  const python = idPrefix === '' && !compact;
  // A string from the store (a new object each time would re-render for ever).
  const example = whichPitfallProgram(useApp((s) => s.program));
  /** A pitfall program (or its fix) in the editor, run at once. */
  const openExample = (id: PitfallProgramId, fixed: boolean) => {
    const program = PITFALL_PROGRAMS[id];
    store.getState().openProgram(fixed ? program.fixed : program.pitfall);
    void store.getState().runProgram();
  };
  const choose = (value: string) => {
    if (value.startsWith('program:')) openExample(value.slice(8) as PitfallProgramId, false);
    else if (value === 'python') {
      const { run, lang } = store.getState();
      store.getState().openProgram(pythonIn(run, lang).code);
      void store.getState().runProgram();
    } else if (value !== 'file') setPreset(value as PresetId);
  };
  const shown = inPython
    ? example
      ? `program:${example.id}`
      : 'python'
    : file
      ? 'file'
      : choice.preset;
  return (
    <form
      className={compact ? 'params compact' : 'params'}
      aria-label={label ?? t('params.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field preset">
        <label htmlFor={`${idPrefix}preset`}>{t('params.scenario')}</label>
        <select
          id={`${idPrefix}preset`}
          value={shown}
          onChange={(e) => choose(e.target.value)}
          data-testid={`${idPrefix}preset`}
        >
          {file && !inPython && (
            <option value="file">{t('preset.file', { name: file.name })}</option>
          )}
          {PRESET_IDS.filter((id) => !isPitfall(id)).map((id) => (
            <option key={id} value={id}>
              {t(`preset.${id}`)}
            </option>
          ))}
          <optgroup label={t('preset.group.pitfalls')}>
            {PITFALL_IDS.map((id) => (
              <option key={id} value={id}>
                {t(`preset.${id}`)}
              </option>
            ))}
            {(python || inPython) &&
              PITFALL_PROGRAM_IDS.map((id) => (
                <option key={id} value={`program:${id}`}>
                  {t(`preset.program.${id}`)}
                </option>
              ))}
          </optgroup>
          {(python || inPython) && <option value="python">{t('preset.python')}</option>}
        </select>
      </div>
      {inPython && python && example && (
        <FixedField
          value={example.fixed ? 1 : 0}
          testId="program-fixed"
          onChange={(value) => openExample(example.id, value === 1)}
        />
      )}
      {inPython && python && <PythonControls />}
      {!file &&
        !inPython &&
        PRESET_FIELDS[choice.preset].map((field) =>
          field.linkOnly ? null : field.key === 'fixed' ? (
            <FixedField
              key={`${choice.preset}-${field.key}`}
              value={values[field.key] as number}
              testId={`${idPrefix}${field.key}`}
              onChange={(value) => setParams(withField(choice, field.key, value))}
            />
          ) : field.kind === 'durations' ? (
            <DurationsField
              key={`${choice.preset}-${field.key}`}
              value={values[field.key] as Durations}
              onChange={(durations) => setParams(withField(choice, field.key, durations))}
            />
          ) : (
            <NumberField
              key={`${choice.preset}-${field.key}`}
              label={t(labelKey(choice.preset, field.key))}
              value={values[field.key] as number}
              min={field.min}
              max={field.uiMax}
              step={field.kind === 'seconds' ? 0.25 : 1}
              integer={field.kind === 'integer'}
              hint={hintKey(choice.preset, field.key) && t(hintKey(choice.preset, field.key)!)}
              testId={`${idPrefix}${field.key}`}
              onChange={(value) => setParams(withField(choice, field.key, value))}
            />
          ),
        )}
    </form>
  );
}
