/**
 * Playback: restart, previous instant, step back, play/pause, step forward, next instant, end;
 * a scrub bar over virtual time; the speed. The keys are the page's (app/keyboard.ts); on the
 * scrub bar too, so that its arrows step events rather than milliseconds.
 */
import { useEffect, useRef } from 'react';
import { Icon } from './icons';
import { translate, type MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import { formatTime } from '../../engine';
import { useApp, useAppStore } from '../../store/context';
import { lastTime, SPEEDS } from '../../store/store';
import { selectPlaying, selectRun, selectRunVersion, selectSpeed } from '../../store/selectors';

export function PlaybackBar() {
  const store = useAppStore();
  const run = useApp(selectRun);
  useApp(selectRunVersion);
  const playing = useApp(selectPlaying);
  const speed = useApp(selectSpeed);
  const s = store.getState();
  const end = lastTime(run);
  const scrub = useRef<HTMLInputElement>(null);
  const clock = useRef<HTMLOutputElement>(null);
  const t = useT();

  // The scrub bar and the clock follow the playhead at every frame, outside React.
  useEffect(() => {
    const place = (t: number) => {
      // Even while it has the focus: its keys step events, and dragging it pauses playback.
      if (scrub.current) {
        scrub.current.value = String(t);
        scrub.current.setAttribute(
          'aria-valuetext',
          translate(store.getState().lang, 'playback.seconds', { t: formatTime(t) }),
        );
      }
      if (clock.current) clock.current.textContent = `${formatTime(t)} s`;
    };
    place(store.getState().playhead);
    return store.subscribe((state, previous) => {
      if (state.playhead !== previous.playhead) place(state.playhead);
    });
  }, [store]);

  const button = (
    onClick: () => void,
    icon: Parameters<typeof Icon>[0]['name'],
    label: MessageKey,
    title: MessageKey,
  ) => (
    <button type="button" onClick={onClick} title={t(title)} aria-label={t(label)}>
      <Icon name={icon} />
    </button>
  );
  return (
    <div className="playbar" role="toolbar" aria-label={t('playback.label')}>
      {button(s.toStart, 'start', 'playback.restart', 'playback.restartTitle')}
      {button(
        () => s.stepInstant(-1),
        'prevInstant',
        'playback.prevInstant',
        'playback.prevInstantTitle',
      )}
      {button(() => s.stepEvent(-1), 'stepBack', 'playback.stepBack', 'playback.stepBackTitle')}
      <button
        type="button"
        className="play"
        onClick={s.togglePlay}
        title={t('playback.playTitle')}
        aria-label={t(playing ? 'playback.pause' : 'playback.play')}
        data-testid="play"
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      {button(
        () => s.stepEvent(1),
        'stepForward',
        'playback.stepForward',
        'playback.stepForwardTitle',
      )}
      {button(
        () => s.stepInstant(1),
        'nextInstant',
        'playback.nextInstant',
        'playback.nextInstantTitle',
      )}
      {button(s.toEnd, 'end', 'playback.end', 'playback.endTitle')}
      <label className="scrub">
        <span className="visually-hidden">{t('playback.time')}</span>
        <input
          ref={scrub}
          type="range"
          min={0}
          max={end}
          step={0.001}
          defaultValue={s.playhead}
          aria-valuetext={t('playback.seconds', { t: formatTime(s.playhead) })}
          onChange={(e) => s.seekTime(Number(e.target.value))}
          data-testid="scrub"
        />
      </label>
      <output ref={clock} className="clock" data-testid="clock" aria-live="off">
        {formatTime(s.playhead)} s
      </output>
      <label className="speed">
        {t('playback.speed')}
        <select
          value={speed}
          onChange={(e) => s.setSpeed(Number(e.target.value))}
          data-testid="speed"
        >
          {SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v}×
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
