/**
 * The preset and its parameters. Every change re-simulates at once; a value being typed that is
 * not valid yet keeps the last good one and says why.
 */
import { useId, useState } from 'react';
import type { Durations, PresetId, PresetParams } from '../../scenario/presets';
import { useApp } from '../../store/context';
import { selectChoice } from '../../store/selectors';
import { formatDurations, LIMITS, parseDurations } from '../../store/url';
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
  return (
    <div className="field durations">
      <label htmlFor={`${id}-kind`}>{t('params.durations')}</label>
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
      {kind !== 'formula' && (
        <input
          aria-label={kind === 'random' ? t('durations.seed') : t('durations.seconds')}
          value={text}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          onChange={(e) => apply(kind, e.target.value)}
        />
      )}
      {error && <span className="field-error">{t(error)}</span>}
    </div>
  );
}

export function ParamsPanel() {
  const t = useT();
  const choice = useApp(selectChoice);
  const setParams = useApp((s) => s.setParams);
  const setPreset = useApp((s) => s.setPreset);
  const update = (next: PresetParams) => setParams(next);
  return (
    <form className="params" aria-label={t('params.label')} onSubmit={(e) => e.preventDefault()}>
      <div className="field preset">
        <label htmlFor="preset">{t('params.scenario')}</label>
        <select
          id="preset"
          value={choice.preset}
          onChange={(e) => setPreset(e.target.value as PresetId)}
          data-testid="preset"
        >
          <option value="job-window">{t('preset.job-window')}</option>
          <option value="producer-consumer">{t('preset.producer-consumer')}</option>
        </select>
      </div>
      {choice.preset === 'job-window' ? (
        <>
          <NumberField
            label={t('params.jobs')}
            value={choice.params.jobs}
            min={LIMITS.jobs.min}
            max={LIMITS.jobs.max}
            integer
            testId="jobs"
            onChange={(jobs) =>
              update({ preset: 'job-window', params: { ...choice.params, jobs } })
            }
          />
          <NumberField
            label={t('params.windowMaxsize')}
            value={choice.params.maxsize}
            min={LIMITS.maxsize.min}
            max={LIMITS.maxsize.max}
            integer
            hint={t('params.unbounded')}
            testId="maxsize"
            onChange={(maxsize) =>
              update({ preset: 'job-window', params: { ...choice.params, maxsize } })
            }
          />
          <DurationsField
            value={choice.params.durations}
            onChange={(durations) =>
              update({ preset: 'job-window', params: { ...choice.params, durations } })
            }
          />
        </>
      ) : (
        <>
          <NumberField
            label={t('params.queueMaxsize')}
            value={choice.params.maxsize}
            min={LIMITS.maxsize.min}
            max={LIMITS.maxsize.max}
            integer
            hint={t('params.unbounded')}
            testId="maxsize"
            onChange={(maxsize) =>
              update({ preset: 'producer-consumer', params: { ...choice.params, maxsize } })
            }
          />
          <NumberField
            label={t('params.period')}
            value={choice.params.period}
            min={0}
            max={LIMITS.seconds.max}
            step={0.25}
            testId="period"
            onChange={(period) =>
              update({ preset: 'producer-consumer', params: { ...choice.params, period } })
            }
          />
          <NumberField
            label={t('params.work')}
            value={choice.params.work}
            min={0}
            max={LIMITS.seconds.max}
            step={0.25}
            hint={t('params.workHint')}
            testId="work"
            onChange={(work) =>
              update({ preset: 'producer-consumer', params: { ...choice.params, work } })
            }
          />
        </>
      )}
    </form>
  );
}
