/**
 * The one animation clock: each frame, moves a playing store's playhead by the wall time
 * elapsed. Outside React, with an injectable frame scheduler and time source for tests.
 */
import type { AppStore } from '../store/store';

export interface ClockDriver {
  now(): number;
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
}

const browserDriver: ClockDriver = {
  now: () => performance.now(),
  requestFrame: (callback) => requestAnimationFrame(callback),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
};

/** Longest step of virtual time per frame: a tab left in the background does not jump. */
const MAX_FRAME_SECONDS = 0.1;

export function startClock(store: AppStore, driver: ClockDriver = browserDriver): () => void {
  let last = driver.now();
  let handle = 0;
  const tick = () => {
    const now = driver.now();
    const dt = Math.min((now - last) / 1000, MAX_FRAME_SECONDS);
    last = now;
    if (store.getState().playing) store.getState().advance(dt);
    handle = driver.requestFrame(tick);
  };
  handle = driver.requestFrame(tick);
  return () => driver.cancelFrame(handle);
}
