/**
 * The app's one store, made of slices: scenario (the preset and its parameters), simulation
 * (the run), playback (where we are in the run, playing or not) and ui. Views read it with
 * the selectors of selectors.ts; the playback clock (src/playback) moves the playhead.
 */
import { create } from 'zustand';
import {
  presetDefaults,
  presetSpeaks,
  type PresetId,
  type PresetParams,
} from '../scenario/presets';
import type { Lang } from '../i18n/messages';
export type Theme = 'light' | 'dark';
import {
  createRun,
  eventsBefore,
  eventsUpTo,
  extendRun,
  windowStart,
  type Run,
  type ScenarioFile,
  type WindowSize,
} from './run';
import type { UrlMessage } from './url';
import type { MessageKey } from '../i18n/messages';
import type { ValidationError } from '../scenario/errors';

/** A file that could not be opened: what the validation found, or another problem. */
export type FileProblem = { name: string } & (
  { error: ValidationError } | { key: MessageKey; params?: Record<string, string | number> }
);

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;

export interface ScenarioSlice {
  choice: PresetParams;
  /** Problems with the URL the page was opened with. */
  urlMessages: UrlMessage[];
  setPreset(preset: PresetId): void;
  setParams(choice: PresetParams): void;
  /** A scenario opened from a file (null: the preset is shown). */
  file: ScenarioFile | null;
  openFile(file: ScenarioFile): void;
  /** Why the last file could not be opened (null: no problem), told in the reader's language. */
  fileError: FileProblem | null;
  setFileError(error: FileProblem | null): void;
  /** The parameters shown side by side with the main ones (null: no comparison). */
  compare: PresetParams | null;
  setCompare(compare: PresetParams | null): void;
  dismissMessages(): void;
  /**
   * Simulates the scenario shown again and shows the new, identical run at the same event, so
   * that the first real change of a parameter does not pay for compiling the code of an update
   * (the app calls it once, when the page is idle after loading). Does nothing while playing or
   * when only a window of the run is kept.
   */
  warmUp(): void;
}

export interface SimulationSlice {
  run: Run;
}

export interface PlaybackSlice {
  /** Events applied: the views show the state after the first `cursor` events. */
  cursor: number;
  /** Virtual time shown (moves continuously while playing). */
  playhead: number;
  playing: boolean;
  speed: number;
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** Moves the playhead by `dt` virtual seconds (the clock calls this each frame). */
  advance(dt: number): void;
  seekTime(t: number): void;
  /** Shows the time another store shows (a compared run follows the main clock). */
  follow(t: number): void;
  stepEvent(delta: 1 | -1): void;
  stepInstant(delta: 1 | -1): void;
  toStart(): void;
  toEnd(): void;
  faster(): void;
  slower(): void;
  setSpeed(speed: number): void;
}

export interface UiSlice {
  lang: Lang;
  setLang(lang: Lang): void;
  theme: Theme;
  setTheme(theme: Theme): void;
  /** Presenter mode: full screen, large type, secondary panels folded. */
  presenting: boolean;
  setPresenting(presenting: boolean): void;
  /** Compact view for an iframe in a course page (`embed=1`). */
  embedded: boolean;
}

export type AppState = ScenarioSlice & SimulationSlice & PlaybackSlice & UiSlice;

/** The end of what can be shown: the run's end, or as far as an endless run is simulated. */
export function lastTime(run: Run): number {
  return run.endless ? run.horizon : run.trace.timeAt(Math.max(0, run.trace.eventCount - 1));
}

function clampTime(run: Run, t: number): number {
  return Math.max(0, Math.min(t, lastTime(run)));
}

export function createAppStore(initial: {
  embedded?: boolean;
  compare?: PresetParams | null;
  file?: ScenarioFile | null;
  theme?: Theme;
  presenting?: boolean;
  choice: PresetParams;
  t?: number;
  /** How many events of the instant at `t` to show (a link into an instant); default: all. */
  event?: number | null;
  messages?: UrlMessage[];
  /** How much of an endless run to keep (tests make it small). */
  window?: WindowSize;
  lang?: Lang;
}) {
  const store = create<AppState>()((set, get) => {
    /**
     * An endless run keeps a window of its events (see run.ts): to show a time before it, the
     * run is simulated again from the start (the same events: the engine is deterministic).
     */
    const rewind = (run: Run, t: number) =>
      run.trace.eventBase > 0 && (t < windowStart(run) || t <= 0)
        ? createRun(run.choice, t, run.file, run.window, run.lang)
        : run;
    /**
     * Shows virtual time `t`: every event at or before it applied (t=0 is the very start; a
     * time past the end of a run that ended shows its end, the last event applied).
     */
    const showTime = (t: number, current = get().run) => {
      const run = rewind(current, t);
      extendRun(run, t);
      const time = clampTime(run, t);
      const past = !run.endless && t > time;
      const cursor = past ? run.trace.eventCount : time <= 0 ? 0 : eventsUpTo(run.trace, time);
      return { run, playhead: time, cursor };
    };
    /**
     * Shows the state after `cursor` events. The state after the window's first event is shown from
     * a window that holds the event before it (its time and narration): see `rewind`.
     */
    const showCursor = (cursor: number, current = get().run) => {
      let run = current;
      if (cursor <= 0 && run.trace.eventBase > 0) {
        const event = run.trace.eventBase + cursor;
        run = rewind(run, windowStart(run) - 1e-9);
        cursor = event - run.trace.eventBase;
      }
      const count = Math.max(0, Math.min(cursor, run.trace.eventCount));
      const playhead = count === 0 ? windowStart(run) : run.trace.timeAt(count - 1);
      return { run, cursor: count - extendRun(run, playhead), playhead };
    };
    /**
     * Shows the state after `event` of the events of the first instant at or after `t` (0: just
     * before it), as a link written by `eventInInstant` asks.
     */
    const showInstant = (t: number, event: number, current: Run) => {
      const shown = showTime(t, current);
      const trace = shown.run.trace;
      const first = eventsBefore(trace, t);
      if (first >= trace.eventCount) return shown;
      const end = eventsUpTo(trace, trace.timeAt(first));
      return { ...shown, ...showCursor(Math.min(first + event, end), shown.run) };
    };
    const rerun = (choice: PresetParams, file: ScenarioFile | null = null) => {
      const { playhead } = get();
      const run = createRun(choice, playhead, file, initial.window, get().lang);
      // Keep the place in time where it still exists.
      set({ choice, file, ...showTime(playhead, run) });
    };
    const run = createRun(
      initial.choice,
      initial.t ?? 0,
      initial.file ?? null,
      initial.window,
      initial.lang,
    );
    return {
      choice: initial.choice,
      urlMessages: initial.messages ?? [],
      setPreset: (preset) => {
        set({ playing: false, playhead: 0, cursor: 0 });
        rerun(presetDefaults(preset));
      },
      setParams: (choice) => rerun(choice),
      warmUp: () => {
        const { playing, choice, file, playhead, cursor, run: current } = get();
        if (playing || current.trace.eventBase > 0) return;
        const run = createRun(choice, playhead, file, initial.window, current.lang);
        // The same events: the same cursor and playhead show the same thing.
        if (extendRun(run, playhead) === 0 && cursor <= run.trace.eventCount) set({ run });
      },
      file: initial.file ?? null,
      openFile: (file) => {
        set({ playing: false, playhead: 0, cursor: 0 });
        rerun(get().choice, file);
      },
      fileError: null,
      compare: initial.compare ?? null,
      setCompare: (compare) => set({ compare }),
      setFileError: (fileError) => set({ fileError }),
      dismissMessages: () => set({ urlMessages: [] }),

      ...(initial.event != null
        ? showInstant(initial.t ?? 0, initial.event, run)
        : showTime(initial.t ?? 0, run)),
      playing: false,
      speed: 1,
      play: () => {
        const { run: r, playhead } = get();
        if (!r.endless && playhead >= lastTime(r)) set({ playhead: 0, cursor: 0 });
        set({ playing: true });
      },
      pause: () => set({ playing: false }),
      togglePlay: () => (get().playing ? get().pause() : get().play()),
      advance: (dt) => {
        const { run: r, playhead, cursor } = get();
        const next = showTime(playhead + dt * get().speed, r);
        const atEnd = !r.endless && next.playhead >= lastTime(r);
        if (next.cursor !== cursor || next.playhead !== playhead || atEnd) {
          set(atEnd ? { ...next, cursor: r.trace.eventCount, playing: false } : next);
        }
      },
      seekTime: (t) => set({ playing: false, ...showTime(t) }),
      follow: (t) => {
        const next = showTime(t);
        if (next.playhead !== get().playhead || next.cursor !== get().cursor) set(next);
      },
      stepEvent: (delta) => set({ playing: false, ...showCursor(get().cursor + delta) }),
      stepInstant: (delta) => {
        const { run: r, cursor } = get();
        const trace = r.trace;
        if (delta > 0) {
          // The end of the current instant if some of it is still to come, else of the next one.
          const now = cursor === 0 ? -Infinity : trace.timeAt(cursor - 1);
          let next = eventsUpTo(trace, now);
          if (next === cursor && cursor < trace.eventCount)
            next = eventsUpTo(trace, trace.timeAt(cursor));
          set({ playing: false, ...showCursor(next) });
        } else if (cursor > 0) {
          // The end of the previous instant.
          set({ playing: false, ...showCursor(eventsBefore(trace, trace.timeAt(cursor - 1))) });
        } else if (trace.eventBase > 0) {
          // The window's first instant: the previous one is before it.
          const start = windowStart(r);
          const run = rewind(r, start - 1e-9);
          set({ playing: false, ...showCursor(eventsBefore(run.trace, start), run) });
        }
      },
      toStart: () => set({ playing: false, ...showTime(0) }),
      toEnd: () => {
        const r = get().run;
        set({
          playing: false,
          ...showTime(lastTime(r), r),
          ...(r.endless ? {} : { cursor: r.trace.eventCount }),
        });
      },
      faster: () =>
        get().setSpeed(
          SPEEDS[
            Math.min(SPEEDS.length - 1, SPEEDS.indexOf(get().speed as (typeof SPEEDS)[number]) + 1)
          ],
        ),
      slower: () =>
        get().setSpeed(
          SPEEDS[Math.max(0, SPEEDS.indexOf(get().speed as (typeof SPEEDS)[number]) - 1)],
        ),
      setSpeed: (speed) => set({ speed }),

      lang: initial.lang ?? 'en',
      setLang: (lang) => set({ lang }),
      theme: initial.theme ?? 'light',
      setTheme: (theme) => set({ theme }),
      presenting: initial.presenting ?? false,
      embedded: initial.embedded ?? false,
      setPresenting: (presenting) => set({ presenting }),
    };
  });
  // A preset whose console lines follow the language is simulated again in the new one, at the
  // same event (only texts differ, not the schedule). Subscribed, so that a language set from
  // outside (the compared run's store follows the main one's) does it too.
  store.subscribe((state, previous) => {
    const { run, lang, playhead } = state;
    if (lang === previous.lang || run.lang === lang || run.file || !presetSpeaks(run.choice.preset))
      return;
    const next = createRun(run.choice, playhead, null, initial.window, lang);
    store.setState({ run: next });
    // (The speaking presets end; were one endless, its window could differ: find the time.)
    if (run.endless || next.trace.eventCount !== run.trace.eventCount)
      store.getState().seekTime(playhead);
  });
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;

/**
 * Where the view stands inside its instant, for a link (`e=`): how many of the instant's events
 * are applied, or null at the end of the instant (what `t` alone shows).
 */
export function eventInInstant(state: Pick<AppState, 'run' | 'cursor'>): number | null {
  const { run, cursor } = state;
  if (cursor <= 0) return null;
  const trace = run.trace;
  const time = trace.timeAt(cursor - 1);
  return cursor < eventsUpTo(trace, time) ? cursor - eventsBefore(trace, time) : null;
}
