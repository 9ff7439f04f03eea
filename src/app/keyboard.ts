/**
 * The page's keys: Space play/pause, ← → events, ↓ ↑ (or Shift+→ ←) instants, Home, End, + −
 * speed, Page Down / Page Up (a presenter's remote) events, P presenter mode, D dark theme,
 * C compare, Q the quiz, Ctrl+Enter runs a Python program. A focused control keeps the keys it needs for itself (a field its typing, a
 * <summary> Space and Enter, a tab its arrows), except Page Down and Page Up, which always step.
 */
import { useEffect } from 'react';
import { useAppStore } from '../store/context';
import type { AppStore } from '../store/store';
import { defaultCompare } from '../store/defaultCompare';
import { setPresenting } from './presenter';

/** What the keys need to know of the focused element. */
export interface KeyTarget {
  tagName: string;
  type?: string;
  role?: string | null;
  isContentEditable?: boolean;
}

const TAB_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End']);

/** Whether the focused element handles `key` itself, so that the page's shortcut must not. */
export function focusOwnsKey(target: KeyTarget | null, key: string): boolean {
  // A presenter's remote sends Page Down / Page Up: always the next / previous event.
  if (key === 'PageDown' || key === 'PageUp' || !target) return false;
  if (target.isContentEditable) return true;
  switch (target.tagName) {
    case 'TEXTAREA':
    case 'SELECT':
      return true;
    case 'INPUT':
      // The scrub slider moves as the page does: by events and instants, not by 1 ms.
      return target.type !== 'range';
    case 'SUMMARY':
      return key === ' ' || key === 'Enter';
  }
  return target.role === 'tab' && TAB_KEYS.has(key);
}

function keyTarget(target: EventTarget | null): KeyTarget | null {
  if (!(target instanceof HTMLElement)) return null;
  return {
    tagName: target.tagName,
    type: target instanceof HTMLInputElement ? target.type : undefined,
    role: target.getAttribute('role'),
    isContentEditable: target.isContentEditable,
  };
}

function action(store: AppStore, e: KeyboardEvent): (() => void) | undefined {
  const s = store.getState();
  switch (e.key) {
    case ' ':
      return s.togglePlay;
    case 'ArrowRight':
      return () => (e.shiftKey ? s.stepInstant(1) : s.stepEvent(1));
    case 'ArrowLeft':
      return () => (e.shiftKey ? s.stepInstant(-1) : s.stepEvent(-1));
    case 'ArrowDown':
      return () => s.stepInstant(1);
    case 'ArrowUp':
      return () => s.stepInstant(-1);
    case 'PageDown':
      return () => s.stepEvent(1);
    case 'PageUp':
      return () => s.stepEvent(-1);
    case 'Home':
      return s.toStart;
    case 'End':
      return s.toEnd;
    case '+':
    case '=':
      return s.faster;
    case '-':
    case '_':
      return s.slower;
    case 'p':
    case 'P':
      // A key press is a user gesture: full screen can be asked for here, as the button does.
      return () => setPresenting(store, !s.presenting);
    case 'c':
    case 'C':
      // (Two runs of a Python program side by side: not yet.)
      if (s.program !== null) return undefined;
      return () => s.setCompare(s.compare ? null : defaultCompare(s.choice));
    case 'd':
    case 'D':
      return () => s.setTheme(s.theme === 'dark' ? 'light' : 'dark');
    case 'q':
    case 'Q':
      return () => s.setQuiz(!s.quiz);
  }
  return undefined;
}

export function useShortcuts() {
  const store = useAppStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Ctrl+Enter runs the Python program from anywhere on the page (the editor runs it too).
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.defaultPrevented) {
        if (store.getState().program === null) return;
        e.preventDefault();
        void store.getState().runProgram();
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if (focusOwnsKey(keyTarget(e.target), e.key)) return;
      const run = action(store, e);
      if (!run) return;
      // Space on a focused button would click it as well, an arrow would move the slider or
      // scroll: one action only.
      e.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
