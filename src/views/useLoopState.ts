import { useDeferredValue } from 'react';
import { useApp } from '../store/context';
import type { Run } from '../store/run';
import { selectCursor, selectPlaying, selectRun, selectRunVersion } from '../store/selectors';
import { applyEvent, cloneState, type LoopState } from '../trace/state';

/**
 * The last state computed per run, shared by every panel: during playback the cursor moves by
 * a few events at a time, so the next state is usually this one plus those events.
 */
const cache = new WeakMap<Run, { version: number; state: LoopState }>();

export function loopStateAt(run: Run, cursor: number): LoopState {
  const cached = cache.get(run);
  if (cached && cached.version === run.version && cached.state.applied === cursor)
    return cached.state;
  let state: LoopState;
  if (
    cached &&
    cached.version === run.version &&
    cursor > cached.state.applied &&
    cursor - cached.state.applied < run.index.interval
  ) {
    state = cloneState(cached.state);
    for (let i = state.applied; i < cursor; i += 1) applyEvent(state, run.trace, i);
  } else {
    state = run.index.stateAfter(cursor);
  }
  cache.set(run, { version: run.version, state });
  return state;
}

/** The loop's state at the cursor, rebuilt from the trace (a snapshot, then a short replay). */
export function useLoopState(): LoopState {
  const run = useApp(selectRun);
  useApp(selectRunVersion);
  return loopStateAt(run, usePlaybackCursor());
}

/**
 * The cursor for panels that may lag a frame behind: during playback React renders them in
 * interruptible slices, so that a burst of events at one instant does not make one long frame.
 * Stopped (stepping, seeking), every panel shows the same event at once.
 */
export function usePlaybackCursor(): number {
  const cursor = useApp(selectCursor);
  const version = useApp(selectRunVersion);
  const deferred = useDeferredValue(cursor);
  // A cursor of an older version of the run may count events the window has let go of.
  const deferredVersion = useDeferredValue(version);
  return useApp(selectPlaying) && deferredVersion === version ? deferred : cursor;
}
