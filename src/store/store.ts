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
import { isLoaded, loadLang, type Lang } from '../i18n/messages';
export type Theme = 'light' | 'dark';
import {
  LOOKAHEAD,
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
import {
  appendPythonChunk,
  CHUNK_EVENTS,
  createPythonRun,
  emptyPythonRun,
  firstUntil,
  needsMore,
} from './pythonRun';
import type { LoadProgress } from '../python/protocol';
import type { Chunk } from '../python/chunk';
import type { PythonLimits } from '../python/runtime';
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

/** What CPython answers a run with (src/python/client.ts). */
export type RunReply =
  | { kind: 'chunk'; chunk: Chunk; ms: number }
  | { kind: 'wall-time'; ms: number }
  | { kind: 'superseded' }
  | { kind: 'error'; message: string };

/** CPython in a worker, as the store uses it (src/python/client.ts; tests run it in Node). */
export interface PythonRunner {
  readonly progress: LoadProgress | null;
  subscribe(listener: (progress: LoadProgress) => void): () => void;
  run(
    source: string,
    options?: { until?: number; chunkEvents?: number; limits?: PythonLimits },
  ): Promise<RunReply>;
  resume(until?: number, chunkEvents?: number): Promise<RunReply>;
  readonly budgetMs: number;
}

/** Where the program's last run stopped at a line of it, for the editor to mark. */
export interface ProgramProblem {
  /** The source it is about (the editor's text may have changed since). */
  source: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}

export type PythonStatus =
  | { kind: 'idle' }
  | { kind: 'loading'; progress: LoadProgress | null }
  | { kind: 'running' }
  | { kind: 'ran'; ms: number }
  /** Stopped by the wall-time budget (the worker was restarted). */
  | { kind: 'wall-time'; seconds: number }
  | { kind: 'failed'; message: string };

export interface PythonSlice {
  /** The program in the editor (null: a scenario is shown, not a program). */
  program: string | null;
  /** The program's last run stopped at this line (a syntax error, an exception...). */
  programProblem: ProgramProblem | null;
  pythonStatus: PythonStatus;
  /** Shows the Python mode with this program (the current run's place kept if it is one). */
  openProgram(source: string): void;
  /** The editor's text changed. */
  setProgram(source: string): void;
  /** Runs the program in the editor with CPython (resolves once its first records are shown). */
  runProgram(): Promise<void>;
  /** Asks CPython to run a paused program further (the store calls it as playback needs). */
  growProgram(): void;
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
  /** "What happens next?": the playback stops at questions drawn from the trace. */
  quiz: boolean;
  setQuiz(quiz: boolean): void;
}

export type AppState = ScenarioSlice & SimulationSlice & PythonSlice & PlaybackSlice & UiSlice;

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
  quiz?: boolean;
  choice: PresetParams;
  t?: number;
  /** How many events of the instant at `t` to show (a link into an instant); default: all. */
  event?: number | null;
  messages?: UrlMessage[];
  /** How much of an endless run to keep (tests make it small). */
  window?: WindowSize;
  lang?: Lang;
  /** A Python program to show instead of the preset (run at once when `python` is given). */
  program?: string | null;
  /** CPython, loaded on first use (the page's worker; Node in tests). */
  python?: () => Promise<PythonRunner>;
}) {
  /** The first run of a program the page opened with (at the time its link says). */
  let runFirst: (t: number) => Promise<void> = () => Promise.resolve();
  const store = create<AppState>()((set, get) => {
    /**
     * An endless run keeps a window of its events (see run.ts): to show a time before it, the
     * run is simulated again from the start (the same events: the engine is deterministic).
     */
    const rewind = (run: Run, t: number) => {
      if (run.trace.eventBase === 0 || (t >= windowStart(run) && t > 0)) return run;
      if (run.origin.kind === 'python') {
        // CPython runs the program again from its start (async): shown when it answers.
        void runPython(run.origin.source, t);
        return run;
      }
      return createRun(run.origin.choice, t, run.origin.file, run.window, run.lang);
    };
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
      set({ choice, file, program: null, programProblem: null, ...showTime(playhead, run) });
    };

    // ---- Python programs, run by CPython in a worker
    let runner: Promise<PythonRunner> | null = null;
    const getRunner = () => {
      if (!initial.python) return Promise.reject(new Error('no Python runtime here'));
      runner ??= initial.python().then((r) => {
        r.subscribe((progress) => {
          if (get().pythonStatus.kind === 'loading')
            set({ pythonStatus: { kind: 'loading', progress } });
        });
        return r;
      });
      return runner;
    };
    /** Requests in flight: a newer run makes the answers to older ones moot. */
    let runId = 0;
    let growing = false;
    /** Runs `source` from its start, then shows virtual time `t` (its first records at least). */
    const runPython = async (source: string, t: number) => {
      const id = ++runId;
      growing = false;
      const ready = getRunner();
      const r = await ready.catch((error: Error) => {
        set({ pythonStatus: { kind: 'failed', message: error.message } });
        return null;
      });
      if (r === null || id !== runId) return;
      const loaded = r.progress?.phase === 'ready';
      set({
        pythonStatus: loaded ? { kind: 'running' } : { kind: 'loading', progress: r.progress },
      });
      const until = firstUntil(t);
      const reply = await r.run(source, { until, chunkEvents: CHUNK_EVENTS });
      if (id !== runId) return;
      if (reply.kind === 'superseded') return;
      if (reply.kind === 'wall-time') {
        set({ pythonStatus: { kind: 'wall-time', seconds: r.budgetMs / 1000 } });
        return;
      }
      if (reply.kind === 'error') {
        set({ pythonStatus: { kind: 'failed', message: reply.message } });
        return;
      }
      const { chunk, ms } = reply;
      const end = chunk.end;
      if (end?.reason === 'syntax' && end.syntax) {
        const syntax = end.syntax;
        // Nothing ran: the last run stays on show, the editor marks the line.
        set({
          pythonStatus: { kind: 'ran', ms },
          programProblem: {
            source,
            line: syntax.line,
            column: syntax.column,
            endLine: syntax.endLine,
            endColumn: syntax.endColumn,
            message: `${syntax.type}: ${syntax.message}`,
          },
        });
        return;
      }
      const run = createPythonRun(source, chunk, until, ms, get().lang, initial.window);
      set({
        pythonStatus: { kind: 'ran', ms },
        programProblem: problemOf(run, source),
        ...showTime(t, run),
      });
    };
    /** Asks CPython to run a paused program further, for playback (one request at a time). */
    const growPython = async (run: Run) => {
      if (growing || run.origin.kind !== 'python') return;
      growing = true;
      const id = runId;
      const r = await getRunner();
      const until = Math.max(run.origin.recorded, get().playhead) + LOOKAHEAD;
      const reply = await r.resume(until, CHUNK_EVENTS);
      if (id !== runId || get().run !== run) return;
      growing = false;
      if (reply.kind === 'chunk') {
        const dropped = appendPythonChunk(run, reply.chunk, until, get().playhead);
        set({
          cursor: Math.max(0, get().cursor - dropped),
          programProblem: problemOf(run, run.origin.source),
        });
      } else if (reply.kind === 'wall-time') {
        set({ pythonStatus: { kind: 'wall-time', seconds: r.budgetMs / 1000 } });
        run.origin.ended = true;
      } else if (reply.kind === 'error') {
        set({ pythonStatus: { kind: 'failed', message: reply.message } });
        run.origin.ended = true;
      }
    };
    const run =
      initial.program != null
        ? emptyPythonRun(initial.program, initial.lang ?? 'en', initial.window)
        : createRun(
            initial.choice,
            initial.t ?? 0,
            initial.file ?? null,
            initial.window,
            initial.lang,
          );
    const program = initial.program ?? null;
    let openedAt = 0;
    runFirst = (t) => runPython(program ?? '', t);
    return {
      program,
      programProblem: null,
      pythonStatus: { kind: 'idle' },
      openProgram: (source) => {
        const current = get().run;
        if (current.origin.kind !== 'python') {
          // The code of a scenario: its first run shows the moment the scenario showed.
          openedAt = get().playhead;
          set({
            playing: false,
            compare: null,
            program: source,
            programProblem: null,
            run: emptyPythonRun(source, get().lang, initial.window),
            cursor: 0,
            playhead: 0,
          });
        } else set({ program: source });
      },
      setProgram: (source) => set({ program: source }),
      growProgram: () => void growPython(get().run),
      runProgram: () => {
        const source = get().program;
        if (source === null) return Promise.resolve();
        set({ programProblem: null });
        const { run: current, playhead } = get();
        const fresh = current.origin.kind === 'python' && current.trace.eventCount === 0;
        return runPython(source, fresh ? openedAt : playhead);
      },
      choice: initial.choice,
      urlMessages: initial.messages ?? [],
      setPreset: (preset) => {
        set({ playing: false, playhead: 0, cursor: 0 });
        rerun(presetDefaults(preset));
      },
      setParams: (choice) => rerun(choice),
      warmUp: () => {
        const { playing, choice, file, playhead, cursor, run: current } = get();
        if (playing || current.trace.eventBase > 0 || current.origin.kind !== 'scenario') return;
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
      // A language not loaded yet is shown once its messages are in (a chunk of its own).
      setLang: (lang) => {
        if (isLoaded(lang)) set({ lang });
        else void loadLang(lang).then(() => set({ lang }));
      },
      theme: initial.theme ?? 'light',
      setTheme: (theme) => set({ theme }),
      presenting: initial.presenting ?? false,
      embedded: initial.embedded ?? false,
      setPresenting: (presenting) => set({ presenting }),
      quiz: initial.quiz ?? false,
      setQuiz: (quiz) => set({ quiz }),
    };
  });
  // A preset whose console lines follow the language is simulated again in the new one, at the
  // same event (only texts differ, not the schedule). Subscribed, so that a language set from
  // outside (the compared run's store follows the main one's) does it too.
  store.subscribe((state, previous) => {
    const { run, lang, playhead } = state;
    const origin = run.origin;
    if (
      lang === previous.lang ||
      run.lang === lang ||
      origin.kind !== 'scenario' ||
      origin.file ||
      !presetSpeaks(origin.choice.preset)
    )
      return;
    const next = createRun(origin.choice, playhead, null, initial.window, lang);
    store.setState({ run: next });
    // (The speaking presets end; were one endless, its window could differ: find the time.)
    if (run.endless || next.trace.eventCount !== run.trace.eventCount)
      store.getState().seekTime(playhead);
  });
  // A paused program is run further as playback nears the end of what CPython recorded.
  store.subscribe((state) => {
    if (needsMore(state.run, state.playhead)) store.getState().growProgram();
  });
  if (initial.program != null && initial.python) void runFirst(initial.t ?? 0);
  return store;
}

/** Where a Python run stopped at a line of the program, for the editor. */
function problemOf(run: Run, source: string): ProgramProblem | null {
  const end = run.trace.end;
  if (!end || end.line == null || end.line <= 0) return null;
  if (!['exception', 'unsupported', 'no-yield'].includes(end.reason)) return null;
  return { source, line: end.line, message: end.message };
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
