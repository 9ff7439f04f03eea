/** Selectors: module-level constants, so components re-render only when their slice changes. */
import type { AppState } from './store';

export const selectRun = (s: AppState) => s.run;
export const selectRunVersion = (s: AppState) => s.run.version;
export const selectChoice = (s: AppState) => s.choice;
export const selectCursor = (s: AppState) => s.cursor;
export const selectPlayhead = (s: AppState) => s.playhead;
export const selectPlaying = (s: AppState) => s.playing;
export const selectSpeed = (s: AppState) => s.speed;
export const selectLang = (s: AppState) => s.lang;
export const selectUrlMessages = (s: AppState) => s.urlMessages;
