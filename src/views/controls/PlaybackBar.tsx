/**
 * Playback: restart, previous instant, step back, play/pause, step forward, next instant, end;
 * a scrub bar over virtual time; the speed. Keys: Space, ← →, ↑ ↓ (instants), Home, End, + −.
 */
import { useEffect, useRef } from 'react';
import { Icon } from './icons';
import { formatTime } from '../../engine';
import { useApp, useAppStore } from '../../store/context';
import { lastTime, SPEEDS } from '../../store/store';
import { selectPlaying, selectRun, selectRunVersion, selectSpeed } from '../../store/selectors';

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  const tag = element.tagName;
  return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || element.isContentEditable;
}

/** Global keyboard shortcuts (not while typing in a field). */
export function usePlaybackKeys() {
  const store = useAppStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const s = store.getState();
      const actions: Record<string, () => void> = {
        ' ': s.togglePlay,
        ArrowRight: () => (e.shiftKey ? s.stepInstant(1) : s.stepEvent(1)),
        ArrowLeft: () => (e.shiftKey ? s.stepInstant(-1) : s.stepEvent(-1)),
        ArrowDown: () => s.stepInstant(1),
        ArrowUp: () => s.stepInstant(-1),
        PageDown: () => s.stepEvent(1),
        PageUp: () => s.stepEvent(-1),
        Home: s.toStart,
        End: s.toEnd,
        '+': s.faster,
        '=': s.faster,
        '-': s.slower,
        _: s.slower,
      };
      const action = actions[e.key];
      if (!action) return;
      // Space on a focused button would click it as well: one action only.
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

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
  usePlaybackKeys();

  // The scrub bar and the clock follow the playhead at every frame, outside React.
  useEffect(() => {
    const place = (t: number) => {
      if (scrub.current && document.activeElement !== scrub.current)
        scrub.current.value = String(t);
      if (clock.current) clock.current.textContent = `${formatTime(t)} s`;
    };
    place(store.getState().playhead);
    return store.subscribe((state, previous) => {
      if (state.playhead !== previous.playhead) place(state.playhead);
    });
  }, [store]);

  return (
    <div className="playbar" role="toolbar" aria-label="Playback">
      <button type="button" onClick={s.toStart} title="Restart (Home)" aria-label="Restart">
        <Icon name="start" />
      </button>
      <button
        type="button"
        onClick={() => s.stepInstant(-1)}
        title="Previous instant (↑ or Shift+←)"
        aria-label="Previous instant"
      >
        <Icon name="prevInstant" />
      </button>
      <button
        type="button"
        onClick={() => s.stepEvent(-1)}
        title="Step back one event (←)"
        aria-label="Step back"
      >
        <Icon name="stepBack" />
      </button>
      <button
        type="button"
        className="play"
        onClick={s.togglePlay}
        title="Play / pause (Space)"
        aria-label={playing ? 'Pause' : 'Play'}
        data-testid="play"
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        onClick={() => s.stepEvent(1)}
        title="Step to the next event (→)"
        aria-label="Step forward"
      >
        <Icon name="stepForward" />
      </button>
      <button
        type="button"
        onClick={() => s.stepInstant(1)}
        title="Next instant (↓ or Shift+→)"
        aria-label="Next instant"
      >
        <Icon name="nextInstant" />
      </button>
      <button type="button" onClick={s.toEnd} title="End (End)" aria-label="To the end">
        <Icon name="end" />
      </button>
      <label className="scrub">
        <span className="visually-hidden">Virtual time</span>
        <input
          ref={scrub}
          type="range"
          min={0}
          max={end}
          step={0.001}
          defaultValue={s.playhead}
          aria-valuetext={`${formatTime(s.playhead)} seconds`}
          onChange={(e) => s.seekTime(Number(e.target.value))}
          data-testid="scrub"
        />
      </label>
      <output ref={clock} className="clock" data-testid="clock" aria-live="off">
        {formatTime(s.playhead)} s
      </output>
      <label className="speed">
        speed
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
