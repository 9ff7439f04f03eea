import { useMemo } from 'react';
import { useApp } from '../store/context';
import { selectCursor, selectRun, selectRunVersion } from '../store/selectors';
import type { LoopState } from '../trace/state';

/** The loop's state at the cursor, rebuilt from the trace (a snapshot, then a short replay). */
export function useLoopState(): LoopState {
  const run = useApp(selectRun);
  const version = useApp(selectRunVersion);
  const cursor = useApp(selectCursor);
  // `version` changes when an endless run grows: its index has new snapshots.
  return useMemo(() => run.index.stateAfter(cursor), [run, cursor, version]); // eslint-disable-line react-hooks/exhaustive-deps
}
