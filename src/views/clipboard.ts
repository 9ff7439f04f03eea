/**
 * Copying text: the Clipboard API where the page may use it (a secure context: https or
 * localhost), else a hidden text area and the copy command, which plain-http course sites get.
 */
import { useEffect, useRef, useState } from 'react';

function copyBySelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.position = 'fixed';
  area.style.inset = '0 auto auto 0';
  area.style.opacity = '0';
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.append(area);
  area.select();
  let copied: boolean;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  focused?.focus();
  return copied;
}

/** Copies `text`; false when the browser allowed neither way. */
export async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused: the copy command may still be allowed.
    }
  }
  return copyBySelection(text);
}

/** A message shown for a moment (what a copy did), then cleared. */
export function useFlash(ms = 2500): [string, (text: string) => void] {
  const [text, setText] = useState('');
  const timer = useRef(0);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const flash = (next: string) => {
    setText(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setText(''), ms);
  };
  return [text, flash];
}
