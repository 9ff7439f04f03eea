import { describe, expect, it } from 'vitest';
import { focusOwnsKey } from './keyboard';

const select = { tagName: 'SELECT' };
const number = { tagName: 'INPUT', type: 'number' };
const slider = { tagName: 'INPUT', type: 'range' };
const summary = { tagName: 'SUMMARY' };
const tab = { tagName: 'BUTTON', role: 'tab' };
const button = { tagName: 'BUTTON', role: null };

describe('focusOwnsKey', () => {
  it("leaves Page Down and Page Up to the page wherever the focus is (a presenter's remote)", () => {
    for (const target of [select, number, slider, summary, tab, button, null])
      for (const key of ['PageDown', 'PageUp']) expect(focusOwnsKey(target, key)).toBe(false);
  });

  it('lets fields keep their typing and arrows', () => {
    for (const key of [' ', 'ArrowDown', 'p', 'Home']) {
      expect(focusOwnsKey(select, key)).toBe(true);
      expect(focusOwnsKey(number, key)).toBe(true);
    }
  });

  it('gives the scrub slider the keys of the page: events, not 1 ms', () => {
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'Home', ' '])
      expect(focusOwnsKey(slider, key)).toBe(false);
  });

  it('lets a summary toggle with Space and Enter, a tab switch with its arrows', () => {
    expect(focusOwnsKey(summary, ' ')).toBe(true);
    expect(focusOwnsKey(summary, 'Enter')).toBe(true);
    expect(focusOwnsKey(summary, 'ArrowRight')).toBe(false);
    for (const key of ['ArrowLeft', 'ArrowRight', 'Home', 'End'])
      expect(focusOwnsKey(tab, key)).toBe(true);
    expect(focusOwnsKey(tab, ' ')).toBe(false);
  });

  it('keeps Space as play/pause on buttons and the page', () => {
    expect(focusOwnsKey(button, ' ')).toBe(false);
    expect(focusOwnsKey(null, ' ')).toBe(false);
  });
});
